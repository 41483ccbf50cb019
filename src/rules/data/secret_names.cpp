#include "rules/data/secret_names.hpp"

#include <array>
#include <string>

#include "lint/text_utils.hpp"

namespace gwlint::data {

namespace {

// Separators dropped before matching, so `api_key`, `api-key` and `apiKey` are one name.
constexpr std::string_view kSeparators = "-_.";

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
  std::string squashed = squash(key, kSeparators);
  for (std::string_view suffix : kSecretFieldSuffixes) {
    if (ends_with(squashed, suffix)) return true;
  }
  return false;
}

bool is_secret_header_name(std::string_view header) {
  std::string squashed = squash(header, kSeparators);
  for (std::string_view name : kSecretHeaders) {
    if (squashed == name) return true;
  }
  // A bare "key"/"token" is the `key:` field of the list form or a setting, not a credential header.
  if (squashed == "key" || squashed == "token" || squashed == "secret") return false;
  return ends_with(squashed, "key") || ends_with(squashed, "token") || ends_with(squashed, "secret");
}

}  // namespace gwlint::data
