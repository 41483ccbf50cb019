#pragma once
// A lenient URL splitter for baseURL checks (AZ208, AZ209, AZ210, AZ212): it never fails, it just
// says which parts it found, so a rule can name exactly what is wrong with a malformed value.
#include <string>
#include <string_view>
#include <vector>

#include "lint/gateway_model.hpp"

namespace gwlint {

struct UrlParts {
  std::string_view scheme;  // without "://"; empty when the text has no `scheme://`
  bool has_authority = false;
  std::string_view userinfo;  // before '@' in the authority
  bool has_userinfo = false;
  std::string_view host;  // IPv6 literals keep their brackets
  std::string_view port;
  bool has_port = false;
  std::string_view path;  // from the first '/' after the authority (or the whole text without a scheme)
  std::string_view query;
  bool has_query = false;
  std::string_view fragment;
  bool has_fragment = false;

  // scheme://[userinfo@]host[:port] as written; empty without an authority.
  std::string_view origin_text;
};

UrlParts split_url(std::string_view text);

// localhost (and *.localhost), 127.0.0.0/8, ::1: traffic that never leaves the machine.
bool is_loopback_host(std::string_view host);

// The host of an Azure OpenAI endpoint in any cloud (data::azure_openai_host_suffixes and
// azure_sovereign_openai_host_suffixes), with at least one label in front of the suffix.
bool is_azure_openai_host(std::string_view host);

// Which endpoint an `azure` provider block makes the client call (DOMAIN.md §2).
enum class AzureEndpoint {
  Unknown,  // no endpoint, or one that comes from the environment
  V1,       // resourceName without baseURL, or a baseURL `https://x.openai.azure.com/openai[/v1]` (any cloud)
  Other,    // a gateway, API Management, a custom host, or an Azure host with another path
};
AzureEndpoint azure_endpoint_of(const ProviderConfig& azure);

// The path split on '/', with empty segments (from "//" or a trailing slash) dropped.
std::vector<std::string_view> path_segments(std::string_view path);

}  // namespace gwlint
