#pragma once
// Secrets never reach a recording, a journal or a report (SCENARIOS.md §1): these run on import,
// on record, and on every request the mock receives before it is matched, so a recording made
// with one key replays against a client holding another.
#include <string>
#include <string_view>

#include "recording/recording.hpp"

namespace gwlint::recording {

inline constexpr std::string_view kRedacted = "<redacted>";

// api-key, authorization, ocp-apim-subscription-key, x-api-key, set-cookie, cookie, and names
// that say key/secret/token/password (x-goog-api-key, proxy-authorization, ...).
bool is_secret_header(std::string_view name);
// Query keys that carry credentials: api-key, key, code, sig, token, access_token, ...
bool is_secret_query_key(std::string_view name);

void sanitize_headers(Headers& headers);
void sanitize_request(RecordedRequest& request);
void sanitize_response(RecordedResponse& response);
void sanitize_exchange(Exchange& exchange);

}  // namespace gwlint::recording
