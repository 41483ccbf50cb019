#include "rules/data/secret_names.hpp"

#include <array>
#include <cctype>
#include <string>

namespace gwlint::data {

namespace {

std::string squash(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '-' || c == '_' || c == '.') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Suffixes of squashed key names that hold secrets. Suffixes, not substrings: `maxTokens` or
// `tokenLimit` are settings, `sessionToken` is a secret.
constexpr std::array<std::string_view, 11> kSecretFieldSuffixes = {
    "apikey", "secret",     "secretkey", "secretaccesskey", "password",        "passwd",
    "token",  "privatekey", "accesskey", "subscriptionkey", "connectionstring"};

constexpr std::array<std::string_view, 8> kSecretHeaders = {
    "authorization", "apikey",    "ocpapimsubscriptionkey", "xapikey", "proxyauthorization", "cookie",
    "xgoogapikey",   "xauthtoken"};

}  // namespace

bool is_secret_field_name(std::string_view key) {
  std::string squashed = squash(key);
  for (std::string_view suffix : kSecretFieldSuffixes) {
    if (ends_with(squashed, suffix)) return true;
  }
  return false;
}

bool is_secret_header_name(std::string_view header) {
  std::string squashed = squash(header);
  for (std::string_view name : kSecretHeaders) {
    if (squashed == name) return true;
  }
  // A bare "key"/"token" is the `key:` field of the list form or a setting, not a credential header.
  if (squashed == "key" || squashed == "token" || squashed == "secret") return false;
  return ends_with(squashed, "key") || ends_with(squashed, "token") || ends_with(squashed, "secret");
}

}  // namespace gwlint::data
