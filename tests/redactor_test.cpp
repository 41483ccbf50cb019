#include <catch2/catch.hpp>

#include "config/loader.hpp"
#include "lint/redactor.hpp"
#include "rules/data/secret_names.hpp"

using namespace gwlint;

TEST_CASE("secret field and header names", "[redactor]") {
  CHECK(data::is_secret_field_name("apiKey"));
  CHECK(data::is_secret_field_name("secretAccessKey"));
  CHECK(data::is_secret_field_name("sessionToken"));
  CHECK_FALSE(data::is_secret_field_name("maxTokens"));
  CHECK_FALSE(data::is_secret_field_name("resourceName"));
  CHECK(data::is_secret_header_name("Authorization"));
  CHECK(data::is_secret_header_name("Ocp-Apim-Subscription-Key"));
  CHECK(data::is_secret_header_name("X-Gateway-Token"));
  CHECK_FALSE(data::is_secret_header_name("key"));
  CHECK_FALSE(data::is_secret_header_name("X-Team"));
}

TEST_CASE("literal secrets are masked, references and header names are not", "[redactor]") {
  auto doc = load_document("t.yaml",
                           "aiGateway:\n  providers:\n    azure:\n      apiKey: 0123456789abcdef0123456789abcdef\n"
                           "      headers:\n        - key: Authorization\n          value: Bearer tok_1234567890abcdef\n"
                           "        - key: X-Team\n          value: platform\n    openai:\n      apiKey: ${OPENAI_API_KEY}\n",
                           {}, "");
  Redactor redactor(*doc);
  CHECK(redactor.redact("key 0123456789abcdef0123456789abcdef here") == "key 0123…(redacted) here");
  CHECK(redactor.redact("Bearer tok_1234567890abcdef").find("tok_1234") == std::string::npos);
  CHECK(redactor.redact("tok_1234567890abcdef alone").find("tok_1234") == std::string::npos);
  CHECK(redactor.redact("X-Team platform Authorization ${OPENAI_API_KEY}") ==
        "X-Team platform Authorization ${OPENAI_API_KEY}");
}
