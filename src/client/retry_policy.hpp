#pragma once
// When the builtin client retries and how long it waits, as the AI SDK does (vercel/ai,
// packages/ai/src/util/retry-with-exponential-backoff.ts; packages/provider/src/errors/
// api-call-error.ts; packages/provider-utils/src/handle-fetch-error.ts):
// - retryable: HTTP 408, 409, 429 and >= 500 (APICallError.isRetryable's default), and network
//   errors before a response (fetch failed: refused, reset, closed) -- not an aborted request;
// - maxRetries 2, so 3 attempts; delay 2000 ms, doubled after each retry;
// - the server's wait wins when given and reasonable: `retry-after-ms` (parseFloat), else
//   `retry-after` as seconds (parseFloat) or an HTTP date; used when 0 <= ms and (ms < 60 s or
//   ms < the backoff), otherwise the backoff.
#include <chrono>
#include <optional>
#include <string>

namespace gwlint::client {

// 599 is excluded although the SDK would retry it: it is gwlint's mock saying "no recorded exchange
// matched" (SCENARIOS.md §2), never Azure; retrying would only repeat the same report.
bool is_retryable_status(int status);

// JavaScript's parseFloat: the longest numeric prefix after leading whitespace; nullopt for NaN.
std::optional<double> parse_float_prefix(const std::string& text);

// An HTTP date (IMF-fixdate, RFC 850 or asctime) as a time point; nullopt when it is none.
std::optional<std::chrono::system_clock::time_point> parse_http_date(const std::string& text);

// The SDK's getRetryDelayInMs. Empty strings stand for absent headers.
double retry_delay_ms(const std::string& retry_after_ms, const std::string& retry_after, double backoff_ms,
                      std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

}  // namespace gwlint::client
