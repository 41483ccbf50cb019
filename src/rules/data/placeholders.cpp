#include "rules/data/placeholders.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "lint/text_utils.hpp"

namespace gwlint::data {

namespace {

// Exact values, compared case-insensitively. Most `your-...` entries are also caught by the
// `your-` shape; they stay listed because they are the documented ones.
constexpr std::array<std::string_view, 34> kPlaceholders = {
    // Spotify Portal AI Gateway docs (Azure page) and PRODUCT.md's example.
    "abc123...",
    "abc123",
    "my-openai-resource",
    "custom-value",
    "https://ai-gateway.example.com/azure",
    "https://your-resource-name.openai.azure.com",
    "your-azure-api-key",
    "your-api-key",
    "your-resource-name",
    "your-deployment-name",
    "YOUR_API_KEY",
    "YOUR_AZURE_OPENAI_API_KEY",
    "YOUR_RESOURCE_NAME",
    "YOUR_DEPLOYMENT_NAME",
    // Generic stand-ins from SDK READMEs and tutorials.
    "<your-key>",
    "<api-key>",
    "<token>",
    "xxx...",
    "sk-...",
    "sk-xxx",
    "sk-proj-...",
    "changeme",
    "change-me",
    "change_me",
    "replace-me",
    "replaceme",
    "replace_me",
    "placeholder",
    "insert-key-here",
    "api-key-here",
    "my-api-key",
    "my-deployment-name",
    // AWS documentation's example access key pair (IAM user guide).
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
};

// Words that introduce a credential in an Authorization-style header value.
constexpr std::array<std::string_view, 5> kAuthSchemes = {"bearer", "basic", "token", "apikey",
                                                          "sharedaccesssignature"};

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

bool has_placeholder_shape(std::string_view text) {
  if (istarts_with(text, "your-") || istarts_with(text, "your_")) return true;
  // `<your-key>`, and `{resourceName}` as in the docs' URL templates (`${VAR}` starts with `$`).
  // Only words inside: letters and separators, so JSON text or markup is not taken for one, nor
  // a real key someone wrapped in brackets (`{0a1b2c3d...}`), which is a secret to report.
  if (text.size() >= 3 &&
      ((text.front() == '<' && text.back() == '>') || (text.front() == '{' && text.back() == '}'))) {
    std::string_view inner = text.substr(1, text.size() - 2);
    auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
    auto word = [&](char c) { return letter(c) || c == '-' || c == '_' || c == '.' || c == ' '; };
    if (std::all_of(inner.begin(), inner.end(), word) && std::any_of(inner.begin(), inner.end(), letter)) return true;
  }
  if (text.size() >= 3 && (text.substr(text.size() - 3) == "..." || text.substr(text.size() - 3) == "\xE2\x80\xA6")) {
    return true;
  }
  size_t x_count = 0;
  bool only_filler = std::all_of(text.begin(), text.end(), [&](char c) {
    if (c == 'x' || c == 'X') ++x_count;
    return c == 'x' || c == 'X' || c == '*' || c == '-';
  });
  return only_filler && (x_count >= 3 || std::count(text.begin(), text.end(), '*') >= 3);
}

// First label of the host of an absolute URL, or empty.
std::string_view url_host_label(std::string_view value) {
  size_t scheme = value.find("://");
  if (scheme == std::string_view::npos) return {};
  std::string_view rest = value.substr(scheme + 3);
  size_t at = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, at);
  if (size_t user = authority.rfind('@'); user != std::string_view::npos) authority.remove_prefix(user + 1);
  return authority.substr(0, authority.find_first_of(".:"));
}

}  // namespace

bool is_placeholder(std::string_view text) {
  text = trim(text);
  if (text.empty()) return false;
  std::string_view without_slash = text;
  while (without_slash.size() > 1 && without_slash.back() == '/') without_slash.remove_suffix(1);
  for (std::string_view entry : kPlaceholders) {
    if (iequals(text, entry) || iequals(without_slash, entry)) return true;
  }
  return has_placeholder_shape(text);
}

std::optional<std::string_view> find_placeholder(std::string_view value) {
  std::string_view text = trim(value);
  if (is_placeholder(text)) return text;
  // `Bearer your-token`: the credential after the scheme word.
  if (size_t space = text.find(' '); space != std::string_view::npos) {
    std::string_view scheme = text.substr(0, space);
    for (std::string_view known : kAuthSchemes) {
      if (!iequals(scheme, known)) continue;
      std::string_view credential = trim(text.substr(space + 1));
      if (is_placeholder(credential)) return credential;
    }
  }
  std::string_view label = url_host_label(text);
  if (!label.empty() && is_placeholder(label)) return label;
  return std::nullopt;
}

}  // namespace gwlint::data
