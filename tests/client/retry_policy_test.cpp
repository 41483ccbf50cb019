#include "client/retry_policy.hpp"

#include <catch2/catch.hpp>

using namespace gwlint::client;

TEST_CASE("retryable statuses mirror the AI SDK", "[client][retry]") {
  for (int status : {408, 409, 429, 500, 502, 503, 504}) CHECK(is_retryable_status(status));
  for (int status : {200, 400, 401, 403, 404, 422, 599}) CHECK_FALSE(is_retryable_status(status));
}

TEST_CASE("parse_float_prefix is JavaScript's parseFloat", "[client][retry]") {
  CHECK(parse_float_prefix("150") == Approx(150));
  CHECK(parse_float_prefix(" 1.5s") == Approx(1.5));
  CHECK(parse_float_prefix("2e3") == Approx(2000));
  CHECK(parse_float_prefix(".5") == Approx(0.5));
  CHECK_FALSE(parse_float_prefix("abc"));
  CHECK_FALSE(parse_float_prefix(""));
  CHECK_FALSE(parse_float_prefix("."));
}

TEST_CASE("retry_delay_ms: retry-after-ms, then retry-after, then backoff", "[client][retry]") {
  CHECK(retry_delay_ms("150", "9", 2000) == Approx(150));
  CHECK(retry_delay_ms("", "2", 2000) == Approx(2000));
  CHECK(retry_delay_ms("", "0.25", 2000) == Approx(250));
  CHECK(retry_delay_ms("junk", "3", 2000) == Approx(3000));
  CHECK(retry_delay_ms("", "", 4000) == Approx(4000));
  CHECK(retry_delay_ms("-5", "", 2000) == Approx(2000));
  // Over a minute is only taken when the backoff is longer still.
  CHECK(retry_delay_ms("", "120", 2000) == Approx(2000));
  CHECK(retry_delay_ms("", "120", 200000) == Approx(120000));
  auto now = std::chrono::system_clock::from_time_t(784111777);  // Sun, 06 Nov 1994 08:49:37 GMT
  CHECK(retry_delay_ms("", "Sun, 06 Nov 1994 08:49:40 GMT", 2000, now) == Approx(3000));
  CHECK(retry_delay_ms("", "Sun, 06 Nov 1994 08:49:30 GMT", 2000, now) == Approx(2000));  // past: backoff
}
