// Redaction of credentials in headers and query strings. Idempotent: a sanitised request
// sanitised again is unchanged, so the mock can sanitise both sides before comparing.
#include "recording/sanitizer.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace gwlint::recording {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The words of a name split at '-', '_' and '.': "x-goog-api-key" -> x, goog, api, key.
std::vector<std::string> words_of(const std::string& name) {
  std::vector<std::string> words;
  std::string word;
  for (char c : name) {
    if (c == '-' || c == '_' || c == '.') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// Whole words only: "x-ratelimit-remaining-tokens" counts tokens, it does not carry one.
bool has_secret_word(const std::string& lowered) {
  static constexpr std::array<std::string_view, 10> kWords = {
      "key", "apikey", "secret", "token", "password", "passwd", "credential", "credentials", "signature", "sig"};
  for (const std::string& word : words_of(lowered)) {
    if (std::find(kWords.begin(), kWords.end(), word) != kWords.end()) return true;
  }
  return false;
}

// `Bearer abc` -> `Bearer <redacted>`: the scheme says how the client authenticated, which a
// scenario may check; only the credential is secret.
std::string redact_credentials(const std::string& value) {
  size_t space = value.find(' ');
  if (space == std::string::npos || space == 0) return std::string(kRedacted);
  std::string scheme = value.substr(0, space);
  if (!std::all_of(scheme.begin(), scheme.end(), [](unsigned char c) { return std::isalnum(c) || c == '-'; })) {
    return std::string(kRedacted);
  }
  return scheme + " " + std::string(kRedacted);
}

}  // namespace

bool is_secret_header(std::string_view name) {
  std::string lowered = lower(name);
  static constexpr std::array<std::string_view, 9> kNames = {
      "api-key",    "authorization", "proxy-authorization", "ocp-apim-subscription-key", "x-api-key",
      "set-cookie", "cookie",        "x-functions-key",     "x-amz-security-token"};
  if (std::find(kNames.begin(), kNames.end(), lowered) != kNames.end()) return true;
  return has_secret_word(lowered);
}

bool is_secret_query_key(std::string_view name) {
  std::string lowered = lower(name);
  // `code` (Azure Functions keys), `sig` (SAS signatures) and OAuth's names, besides any name
  // with a key/secret/token/password word (api-key, subscription-key, access_token, ...).
  static constexpr std::array<std::string_view, 6> kNames = {"code",          "sig",    "auth",
                                                             "client_secret", "apikey", "password"};
  if (std::find(kNames.begin(), kNames.end(), lowered) != kNames.end()) return true;
  return has_secret_word(lowered);
}

void sanitize_headers(Headers& headers) {
  for (Header& header : headers) {
    // An empty value is kept: "sent empty" is worth seeing and holds no secret.
    if (header.value.empty() || !is_secret_header(header.name)) continue;
    std::string lowered = lower(header.name);
    if (lowered == "authorization" || lowered == "proxy-authorization") {
      header.value = redact_credentials(header.value);
    } else {
      header.value = std::string(kRedacted);
    }
  }
}

void sanitize_request(RecordedRequest& request) {
  sanitize_headers(request.headers);
  for (auto& [name, value] : request.query) {
    if (!value.empty() && is_secret_query_key(name)) value = std::string(kRedacted);
  }
}

void sanitize_response(RecordedResponse& response) {
  sanitize_headers(response.headers);
}

void sanitize_exchange(Exchange& exchange) {
  sanitize_request(exchange.request);
  sanitize_response(exchange.response);
}

}  // namespace gwlint::recording
