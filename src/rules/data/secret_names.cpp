#include "rules/data/secret_names.hpp"

#include <algorithm>
#include <array>
#include <cctype>
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

// Squashed names of headers that carry credentials. `cf-aig-authorization` is Cloudflare AI
// Gateway's own token header (an authenticated gateway), besides the provider's key.
constexpr std::array<std::string_view, 9> kSecretHeaders = {
    "authorization", "apikey",     "ocpapimsubscriptionkey", "xapikey", "proxyauthorization", "cookie",
    "xgoogapikey",   "xauthtoken", "cfaigauthorization"};

// Suffixes that make a header a credential header whatever comes before them.
constexpr std::array<std::string_view, 5> kSecretHeaderSuffixes = {"authorization", "apikey", "subscriptionkey",
                                                                   "authtoken", "accesstoken"};

// Suffixes that usually, not always, mean a credential (`X-Tenant-Key: acme` is a setting).
constexpr std::array<std::string_view, 4> kGenericHeaderSuffixes = {"key", "token", "secret", "auth"};

// Authorization schemes that introduce a credential in a header value (RFC 9110 §11).
constexpr std::array<std::string_view, 3> kCredentialSchemes = {"bearer", "basic", "token"};

constexpr size_t kMinCredentialLength = 8;
constexpr size_t kLongValueLength = 16;

template <size_t N>
bool ends_with_any(const std::string& text, const std::array<std::string_view, N>& suffixes) {
  return std::any_of(suffixes.begin(), suffixes.end(),
                     [&](std::string_view suffix) { return ends_with(text, suffix); });
}

bool is_space(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool is_known_secret_header(const std::string& squashed) {
  return std::find(kSecretHeaders.begin(), kSecretHeaders.end(), squashed) != kSecretHeaders.end() ||
         ends_with_any(squashed, kSecretHeaderSuffixes);
}

// What a credential looks like without a scheme word: long, or letters and digits mixed.
bool looks_like_credential(std::string_view value) {
  value = trim(value);
  if (value.size() >= kLongValueLength) return true;
  bool letters =
      std::any_of(value.begin(), value.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
  bool digits =
      std::any_of(value.begin(), value.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  return value.size() >= kMinCredentialLength && letters && digits;
}

}  // namespace

bool is_secret_field_name(std::string_view key) {
  std::string squashed = squash(key, kSeparators);
  for (std::string_view suffix : kSecretFieldSuffixes) {
    if (ends_with(squashed, suffix)) return true;
  }
  return false;
}

bool is_secret_header_name(std::string_view header) {
  return is_known_secret_header(squash(header, kSeparators)) || is_generic_secret_header_name(header);
}

bool is_generic_secret_header_name(std::string_view header) {
  std::string squashed = squash(header, kSeparators);
  if (is_known_secret_header(squashed)) return false;
  // A bare "key"/"token" is the `key:` field of the list form or a setting, not a credential header.
  if (squashed == "key" || squashed == "token" || squashed == "secret") return false;
  return ends_with_any(squashed, kGenericHeaderSuffixes);
}

bool is_credential_value(std::string_view value) {
  value = trim(value);
  size_t space = value.find(' ');
  if (space == std::string_view::npos) return false;
  std::string_view scheme = value.substr(0, space);
  bool known = std::any_of(kCredentialSchemes.begin(), kCredentialSchemes.end(),
                           [&](std::string_view each) { return iequals(scheme, each); });
  if (!known) return false;
  std::string_view credential = trim(value.substr(space + 1));
  // `Bearer ${TOKEN}` is a reference, and `Bearer $${TOKEN}` a mis-escaped one (ENV502's).
  return credential.size() >= kMinCredentialLength && credential.find("${") == std::string_view::npos &&
         std::none_of(credential.begin(), credential.end(), is_space);
}

bool header_carries_secret(std::string_view name, std::string_view value) {
  if (is_credential_value(value)) return true;
  std::string squashed = squash(name, kSeparators);
  if (is_known_secret_header(squashed)) return true;
  return is_generic_secret_header_name(name) && looks_like_credential(value);
}

}  // namespace gwlint::data
