#include "client/retry_policy.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <ctime>

namespace gwlint::client {

bool is_retryable_status(int status) {
  if (status == 599) return false;
  return status == 408 || status == 409 || status == 429 || status >= 500;
}

std::optional<double> parse_float_prefix(const std::string& text) {
  size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  size_t start = i;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  if (text.compare(i, 8, "Infinity") == 0) {
    return text[start] == '-' ? -INFINITY : INFINITY;
  }
  size_t digits = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, ++digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, ++digits;
  }
  if (digits == 0) return std::nullopt;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    size_t j = i + 1;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
    size_t exponent_start = j;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
    if (j > exponent_start) i = j;
  }
  // strtod is not locale-free for '.', but the C locale is what gwlint runs in.
  return std::strtod(text.substr(start, i - start).c_str(), nullptr);
}

std::optional<std::chrono::system_clock::time_point> parse_http_date(const std::string& text) {
  static const char* const kFormats[] = {
      "%a, %d %b %Y %H:%M:%S GMT",  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
      "%A, %d-%b-%y %H:%M:%S GMT",  // RFC 850
      "%a %b %e %H:%M:%S %Y",       // asctime
  };
  for (const char* format : kFormats) {
    std::tm tm{};
    const char* end = strptime(text.c_str(), format, &tm);
    if (!end) continue;
    while (*end == ' ') ++end;
    if (*end != '\0') continue;
    std::time_t seconds = timegm(&tm);
    if (seconds == static_cast<std::time_t>(-1)) continue;
    return std::chrono::system_clock::from_time_t(seconds);
  }
  return std::nullopt;
}

double retry_delay_ms(const std::string& retry_after_ms, const std::string& retry_after, double backoff_ms,
                      std::chrono::system_clock::time_point now) {
  std::optional<double> ms;
  if (!retry_after_ms.empty()) ms = parse_float_prefix(retry_after_ms);
  if (!retry_after.empty() && !ms) {
    if (auto seconds = parse_float_prefix(retry_after)) {
      ms = *seconds * 1000.0;
    } else if (auto date = parse_http_date(retry_after)) {
      ms = std::chrono::duration<double, std::milli>(*date - now).count();
    }
  }
  if (ms && !std::isnan(*ms) && *ms >= 0 && (*ms < 60000.0 || *ms < backoff_ms)) return *ms;
  return backoff_ms;
}

}  // namespace gwlint::client
