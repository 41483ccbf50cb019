#include "rules/azure/url_parts.hpp"

#include <cctype>

#include "config/value_source.hpp"
#include "lint/text_utils.hpp"
#include "rules/data/azure_names.hpp"

namespace gwlint {

namespace {

bool is_scheme(std::string_view text) {
  if (text.empty() || !std::isalpha(static_cast<unsigned char>(text[0]))) return false;
  for (char c : text) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) return false;
  }
  return true;
}

}  // namespace

UrlParts split_url(std::string_view text) {
  UrlParts url;
  std::string_view rest = text;
  size_t colon = text.find("://");
  if (colon != std::string_view::npos && is_scheme(text.substr(0, colon))) {
    url.scheme = text.substr(0, colon);
    url.has_authority = true;
    rest = text.substr(colon + 3);
  } else if (text.substr(0, 2) == "//") {  // scheme-relative: an authority, but no scheme
    url.has_authority = true;
    rest = text.substr(2);
  }

  if (size_t hash = rest.find('#'); hash != std::string_view::npos) {
    url.has_fragment = true;
    url.fragment = rest.substr(hash + 1);
    rest = rest.substr(0, hash);
  }
  if (size_t question = rest.find('?'); question != std::string_view::npos) {
    url.has_query = true;
    url.query = rest.substr(question + 1);
    rest = rest.substr(0, question);
  }
  if (!url.has_authority) {
    url.path = rest;
    return url;
  }

  size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  url.path = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  url.origin_text = text.substr(0, static_cast<size_t>(authority.data() + authority.size() - text.data()));

  if (size_t at = authority.rfind('@'); at != std::string_view::npos) {
    url.has_userinfo = true;
    url.userinfo = authority.substr(0, at);
    authority = authority.substr(at + 1);
  }
  size_t port_colon = std::string_view::npos;
  if (!authority.empty() && authority[0] == '[') {
    size_t close = authority.find(']');
    if (close != std::string_view::npos && close + 1 < authority.size() && authority[close + 1] == ':') {
      port_colon = close + 1;
    }
  } else {
    port_colon = authority.rfind(':');
  }
  if (port_colon != std::string_view::npos) {
    url.has_port = true;
    url.port = authority.substr(port_colon + 1);
    authority = authority.substr(0, port_colon);
  }
  url.host = authority;
  return url;
}

bool is_loopback_host(std::string_view host) {
  std::string lower = ascii_lower(host);
  if (!lower.empty() && lower.back() == '.') lower.pop_back();  // fully qualified `localhost.`
  if (lower == "localhost" || ends_with(lower, ".localhost")) return true;
  if (lower == "[::1]" || lower == "::1") return true;
  // 127.0.0.0/8, written as a dotted quad.
  if (lower.compare(0, 4, "127.") != 0) return false;
  int parts = 0;
  size_t begin = 0;
  while (begin <= lower.size()) {
    size_t dot = lower.find('.', begin);
    std::string_view part = std::string_view(lower).substr(begin, dot == std::string::npos ? dot : dot - begin);
    if (part.empty() || part.size() > 3) return false;
    for (char c : part) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    }
    if (std::stoi(std::string(part)) > 255) return false;
    ++parts;
    if (dot == std::string::npos) break;
    begin = dot + 1;
  }
  return parts == 4;
}

namespace {

// Whether `host` (lower case) ends in an Azure OpenAI host suffix of any cloud; with
// `label_before`, only when at least one label precedes the suffix.
bool has_azure_openai_suffix(std::string_view host, bool label_before) {
  for (const auto* suffixes : {&data::azure_openai_host_suffixes(), &data::azure_sovereign_openai_host_suffixes()}) {
    for (std::string_view suffix : *suffixes) {
      if ((!label_before || host.size() > suffix.size()) && ends_with(host, suffix)) return true;
    }
  }
  return false;
}

}  // namespace

bool is_azure_openai_host(std::string_view host) {
  std::string lower = ascii_lower(host);
  if (!lower.empty() && lower.back() == '.') lower.pop_back();
  return has_azure_openai_suffix(lower, true);
}

std::vector<std::string_view> path_segments(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t begin = 0;
  while (begin <= path.size()) {
    size_t slash = path.find('/', begin);
    size_t end = slash == std::string_view::npos ? path.size() : slash;
    if (end > begin) segments.push_back(path.substr(begin, end - begin));
    if (slash == std::string_view::npos) break;
    begin = slash + 1;
  }
  return segments;
}

namespace {

bool is_set(const Node* node) {
  return node && !node->is_null() && !(node->is_scalar() && node->scalar.empty());
}

}  // namespace

AzureEndpoint azure_endpoint_of(const ProviderConfig& azure) {
  const Node* base_url = azure.field("baseURL");
  if (!is_set(base_url)) return is_set(azure.field("resourceName")) ? AzureEndpoint::V1 : AzureEndpoint::Unknown;
  if (!base_url->is_scalar()) return AzureEndpoint::Unknown;  // {$env: X}, {$file: p}, or the schema's business

  std::string_view text = base_url->scalar;
  UrlParts url = split_url(text);
  if (!url.has_authority) return AzureEndpoint::Unknown;
  // `https://${RESOURCE}.openai.azure.com/openai` still names an Azure host: a reference is fine
  // inside the host, as long as the Azure suffix and the path are written out.
  size_t host_begin = static_cast<size_t>(url.host.data() - text.data());
  size_t host_end = host_begin + url.host.size();
  for (const EnvReference& ref : scan_env_references(text)) {
    if (!ref.problem.empty() || ref.begin < host_begin || ref.end > host_end) return AzureEndpoint::Unknown;
  }
  size_t last_ref = url.host.rfind('}');
  if (last_ref == std::string_view::npos) {
    if (!is_azure_openai_host(url.host)) return AzureEndpoint::Other;
  } else {
    // Only what follows the last reference is known: it must be a whole Azure suffix.
    std::string tail = ascii_lower(url.host.substr(last_ref + 1));
    if (!has_azure_openai_suffix(tail, false)) return AzureEndpoint::Unknown;
  }
  if (url.has_query || url.has_fragment) return AzureEndpoint::Other;
  std::vector<std::string_view> segments = path_segments(url.path);
  bool openai = !segments.empty() && iequals(segments[0], "openai");
  if (openai && (segments.size() == 1 || (segments.size() == 2 && iequals(segments[1], "v1"))))
    return AzureEndpoint::V1;
  return AzureEndpoint::Other;
}

}  // namespace gwlint
