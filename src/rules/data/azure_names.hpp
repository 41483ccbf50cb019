#pragma once
// Azure's naming rules for resource names (custom subdomains) and deployment names, and the host
// suffixes of Azure OpenAI endpoints (DOMAIN.md §4). AZ204, AZ205 and AZ211 read these.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gwlint::data {

inline constexpr size_t kResourceNameMinLength = 2;
inline constexpr size_t kResourceNameMaxLength = 64;
inline constexpr size_t kDeploymentNameMinLength = 2;
inline constexpr size_t kDeploymentNameMaxLength = 64;

// Why `name` cannot be an Azure custom subdomain (2–64 letters, digits and hyphens, starting and
// ending with a letter or digit), as a sentence fragment ("contains `_`"); nullopt when valid.
std::optional<std::string> resource_name_problem(std::string_view name);

// Why `name` cannot be an Azure deployment name (2–64 letters, digits, `-`, `_`, `.`, not ending
// in `.`); nullopt when valid.
std::optional<std::string> deployment_name_problem(std::string_view name);

// Host suffixes under which an Azure OpenAI resource in Azure's global cloud answers, as
// `https://{name}{suffix}/`: the hosts `resourceName` can stand for.
const std::vector<std::string_view>& azure_openai_host_suffixes();
// The same in the sovereign clouds (Azure Government `.openai.azure.us`, Azure China
// `.openai.azure.cn`, and their `.cognitiveservices.` hosts): reachable only through `baseURL`.
const std::vector<std::string_view>& azure_sovereign_openai_host_suffixes();

// A resourceName that holds a URL or a host rather than the bare name.
struct PastedEndpoint {
  std::string host;                // lower case, without scheme, user info, port and path
  std::string first_label;         // as written: the `x` of `x.openai.azure.com`
  bool azure_openai_host = false;  // host ends in one of azure_openai_host_suffixes() (global cloud)
};

// Recognises `https://x.openai.azure.com/`, `x.openai.azure.com`, `x.cognitiveservices.azure.com`,
// `https://x.services.ai.azure.com/openai`, and any other value with a scheme, or a host with
// three or more labels or a path. Plain names, even with a stray dot (`acme.openai`), are not
// recognised: they are resource_name_problem()'s.
std::optional<PastedEndpoint> parse_pasted_endpoint(std::string_view value);

}  // namespace gwlint::data
