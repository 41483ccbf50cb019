#include "rules/data/azure_names.hpp"

#include <algorithm>
#include <cctype>

#include "lint/text_utils.hpp"

namespace gwlint::data {

namespace {

bool is_alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// Length of the UTF-8 sequence starting at `text[i]` (1 for ASCII or a stray byte).
size_t utf8_length(std::string_view text, size_t i) {
  auto byte = static_cast<unsigned char>(text[i]);
  size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
  return std::min(length, text.size() - i);
}

std::string describe(std::string_view character) {
  if (character == " ") return "a space";
  if (character == "\t") return "a tab";
  auto byte = static_cast<unsigned char>(character[0]);
  if (byte < 0x20 || byte == 0x7F) return "a control character";
  if (character == "`") return "a backtick";
  return "`" + std::string(character) + "`";
}

// "contains `_`" / "contains `_` and `.`" / "contains `_`, `.` and a space", or empty when every
// character is allowed.
template <typename Allowed>
std::string bad_characters(std::string_view name, Allowed allowed) {
  std::vector<std::string> found;
  for (size_t i = 0; i < name.size();) {
    size_t length = utf8_length(name, i);
    std::string_view character = name.substr(i, length);
    i += length;
    if (length == 1 && allowed(character[0])) continue;
    std::string text = describe(character);
    if (std::find(found.begin(), found.end(), text) == found.end()) found.push_back(text);
  }
  if (found.empty()) return {};
  std::string out = "contains ";
  for (size_t i = 0; i < found.size() && i < 4; ++i) {
    if (i > 0) out += (i + 1 == found.size() || i == 3) ? " and " : ", ";
    out += found[i];
  }
  return out;
}

std::string length_problem(std::string_view name, size_t min, size_t max) {
  if (name.size() < min) return "is only " + std::to_string(name.size()) + " character long";
  if (name.size() > max) return "is " + std::to_string(name.size()) + " characters long";
  return {};
}

bool is_dns_label(std::string_view label) {
  return !label.empty() && std::all_of(label.begin(), label.end(), [](char c) { return is_alnum(c) || c == '-'; });
}

}  // namespace

std::optional<std::string> resource_name_problem(std::string_view name) {
  if (name.empty()) return std::string("is empty");
  std::string chars = bad_characters(name, [](char c) { return is_alnum(c) || c == '-'; });
  if (!chars.empty()) return chars;
  if (name.front() == '-') return std::string("starts with a hyphen");
  if (name.back() == '-') return std::string("ends with a hyphen");
  std::string length = length_problem(name, kResourceNameMinLength, kResourceNameMaxLength);
  if (!length.empty()) return length;
  return std::nullopt;
}

std::optional<std::string> deployment_name_problem(std::string_view name) {
  if (name.empty()) return std::string("is empty");
  std::string chars = bad_characters(name, [](char c) { return is_alnum(c) || c == '-' || c == '_' || c == '.'; });
  if (!chars.empty()) return chars;
  if (name.back() == '.') return std::string("ends with a dot");
  std::string length = length_problem(name, kDeploymentNameMinLength, kDeploymentNameMaxLength);
  if (!length.empty()) return length;
  return std::nullopt;
}

namespace {

struct HostSuffix {
  std::string_view suffix;
  bool public_cloud;  // Azure's global cloud; the others are sovereign clouds
};

// Where an Azure OpenAI (or AI Services / Foundry) resource answers. Sovereign clouds: Azure
// Government (`*.azure.us`) and Azure operated by 21Vianet in China (`*.azure.cn`), after
// Microsoft's private endpoint DNS zone table (`privatelink.openai.azure.us`,
// `privatelink.cognitiveservices.azure.cn`, ...).
constexpr HostSuffix kHostSuffixes[] = {
    {".openai.azure.com", true},
    {".cognitiveservices.azure.com", true},
    {".services.ai.azure.com", true},
    {".openai.azure.us", false},
    {".cognitiveservices.azure.us", false},
    {".openai.azure.cn", false},
    {".cognitiveservices.azure.cn", false},
};

std::vector<std::string_view> suffixes_where(bool public_cloud) {
  std::vector<std::string_view> out;
  for (const HostSuffix& host : kHostSuffixes) {
    if (host.public_cloud == public_cloud) out.push_back(host.suffix);
  }
  return out;
}

}  // namespace

const std::vector<std::string_view>& azure_openai_host_suffixes() {
  // resourceName always becomes `{name}.openai.azure.com`, and an AI Services or Foundry resource
  // answers under that host with the same subdomain; a sovereign-cloud resource does not.
  static const std::vector<std::string_view> suffixes = suffixes_where(true);
  return suffixes;
}

const std::vector<std::string_view>& azure_sovereign_openai_host_suffixes() {
  static const std::vector<std::string_view> suffixes = suffixes_where(false);
  return suffixes;
}

std::optional<PastedEndpoint> parse_pasted_endpoint(std::string_view value) {
  size_t scheme = value.find("://");
  bool has_scheme = scheme != std::string_view::npos;
  std::string_view rest = has_scheme ? value.substr(scheme + 3) : value;
  size_t host_end = rest.find_first_of("/?#");
  bool has_path = host_end != std::string_view::npos;
  std::string_view host = rest.substr(0, host_end);
  if (size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
  if (size_t colon = host.find(':'); colon != std::string_view::npos) host = host.substr(0, colon);
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);  // fully qualified form

  PastedEndpoint endpoint;
  endpoint.host = ascii_lower(host);
  endpoint.first_label = std::string(host.substr(0, host.find('.')));
  for (std::string_view suffix : azure_openai_host_suffixes()) {
    if (ends_with(endpoint.host, suffix) && endpoint.host.size() > suffix.size()) endpoint.azure_openai_host = true;
  }
  if (has_scheme) return endpoint;

  // Without a scheme, only something that is clearly a host name counts: DNS labels, and a
  // known Azure suffix, three or more labels, or a path after it.
  size_t labels = 0;
  for (size_t begin = 0; begin <= host.size();) {
    size_t dot = std::min(host.find('.', begin), host.size());
    if (!is_dns_label(host.substr(begin, dot - begin))) return std::nullopt;
    ++labels;
    begin = dot + 1;
  }
  if (labels < 2) return std::nullopt;
  if (endpoint.azure_openai_host || labels >= 3 || has_path) return endpoint;
  return std::nullopt;
}

}  // namespace gwlint::data
