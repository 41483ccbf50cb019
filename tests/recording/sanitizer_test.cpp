// Secrets never reach a recording: headers, Bearer credentials, query parameters; idempotent.
#include "recording/sanitizer.hpp"

#include <catch2/catch.hpp>

using namespace gwlint::recording;

TEST_CASE("secret header names", "[sanitizer]") {
  for (const char* name :
       {"api-key", "Api-Key", "authorization", "Proxy-Authorization", "ocp-apim-subscription-key", "x-api-key",
        "set-cookie", "Cookie", "x-goog-api-key", "x-gateway-token", "client_secret", "x-db-password"}) {
    INFO(name);
    CHECK(is_secret_header(name));
  }
  for (const char* name : {"content-type", "x-ratelimit-remaining-tokens", "x-ratelimit-remaining-requests",
                           "apim-request-id", "x-ms-client-request-id", "keyboard", "monkey", "x-tokenizer"}) {
    INFO(name);
    CHECK_FALSE(is_secret_header(name));
  }
}

TEST_CASE("secret query keys", "[sanitizer]") {
  for (const char* name : {"api-key", "key", "code", "sig", "token", "access_token", "subscription-key", "SIG"}) {
    INFO(name);
    CHECK(is_secret_query_key(name));
  }
  for (const char* name : {"api-version", "max_tokens", "deployment", "se", "sp"}) {
    INFO(name);
    CHECK_FALSE(is_secret_query_key(name));
  }
}

TEST_CASE("sanitize_exchange redacts and is idempotent", "[sanitizer]") {
  Exchange exchange;
  exchange.request.method = "POST";
  exchange.request.path = "/openai/v1/chat/completions";
  exchange.request.query = {{"api-version", "preview"}, {"api-key", "0123456789abcdef0123456789abcdef"}, {"sig", ""}};
  exchange.request.headers = {{"Api-Key", "0123456789abcdef0123456789abcdef"},
                              {"Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"},
                              {"proxy-authorization", "Basic dXNlcjpwYXNz"},
                              {"x-weird-token", "no-scheme-here"},
                              {"Content-Type", "application/json"},
                              {"x-api-key", ""}};
  exchange.response.headers = {{"Set-Cookie", "session=abc; Path=/; HttpOnly"},
                               {"x-ratelimit-remaining-tokens", "249982"}};
  sanitize_exchange(exchange);
  using Q = std::vector<std::pair<std::string, std::string>>;
  CHECK(exchange.request.query == Q{{"api-version", "preview"}, {"api-key", "<redacted>"}, {"sig", ""}});
  CHECK(exchange.request.headers[0].value == "<redacted>");
  CHECK(exchange.request.headers[0].name == "Api-Key");  // the name is kept as recorded
  CHECK(exchange.request.headers[1].value == "Bearer <redacted>");
  CHECK(exchange.request.headers[2].value == "Basic <redacted>");
  CHECK(exchange.request.headers[3].value == "<redacted>");
  CHECK(exchange.request.headers[4].value == "application/json");
  CHECK(exchange.request.headers[5].value.empty());  // sent empty: nothing to hide
  CHECK(exchange.response.headers[0].value == "<redacted>");
  CHECK(exchange.response.headers[1].value == "249982");

  Exchange again = exchange;
  sanitize_exchange(again);
  CHECK(again.request.headers[1].value == "Bearer <redacted>");
  CHECK(again.request.query == exchange.request.query);
  for (size_t i = 0; i < again.request.headers.size(); ++i) {
    CHECK(again.request.headers[i].value == exchange.request.headers[i].value);
  }
}

TEST_CASE("an authorization value without a scheme is redacted whole", "[sanitizer]") {
  Headers headers = {{"authorization", "justatoken"}, {"authorization", " leading"}, {"authorization", "Bad:scheme x"}};
  sanitize_headers(headers);
  for (const Header& header : headers) CHECK(header.value == "<redacted>");
}
