#include "lint/redactor.hpp"

#include <catch2/catch.hpp>

#include "config/loader.hpp"
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
  auto doc =
      load_document("t.yaml",
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

namespace {

std::string masked_line(const Document& doc, const Redactor& redactor, uint32_t line) {
  return redactor.redact_line(doc.main_file(), line, 0, 0).text;
}

}  // namespace

TEST_CASE("code frames mask secrets by source span, also across lines and inside URLs", "[redactor]") {
  auto doc =
      load_document("t.yaml",
                    "aiGateway:\n"
                    "  providers:\n"
                    "    azure:\n"
                    "      apiKey: \"0a1b2c3d4e5f6071\n"
                    "        8293a4b5c6d7e8f9\"\n"
                    "      baseURL: https://gwuser:pwSECRETvalue1@gw.example.com/openai?api-key=qSECRETq1234&x=1\n"
                    "    google:\n"
                    "      apiKey: \"${GOOGLE_KEY:-AIzaSyD0123456789abcdef}\"\n"
                    "    cohere:\n"
                    "      apiKey: [sk-cohere-secret-0123456789]\n"
                    "    openai:\n"
                    "      apiKey: ${sk-proj-abcdefSECRET0123}\n"
                    "      headers: {X-Env: $AZURE_KEY}\n",
                    {}, "");
  Redactor redactor(*doc);
  CHECK(masked_line(*doc, redactor, 4).find("0a1b2c3d4e5f") == std::string::npos);
  CHECK(masked_line(*doc, redactor, 5).find("8293a4b5") == std::string::npos);
  std::string url = masked_line(*doc, redactor, 6);
  CHECK(url.find("pwSECRET") == std::string::npos);
  CHECK(url.find("qSECRETq") == std::string::npos);
  CHECK(url.find("gw.example.com/openai") != std::string::npos);  // the rest stays readable
  CHECK(masked_line(*doc, redactor, 8).find("AIzaSyD0") == std::string::npos);
  CHECK(masked_line(*doc, redactor, 8).find("${GOOGLE_KEY:-") != std::string::npos);
  CHECK(masked_line(*doc, redactor, 10).find("sk-cohere") == std::string::npos);
  CHECK(masked_line(*doc, redactor, 12).find("abcdefSECRET") == std::string::npos);
  CHECK(redactor.redact("see https://gwuser:pwSECRETvalue1@gw").find("pwSECRET") == std::string::npos);
}

TEST_CASE("a masked line keeps the caret on the same value", "[redactor]") {
  auto doc = load_document("t.yaml", "aiGateway:\n  apiKey: 0123456789abcdef0123456789abcdef  # key\n", {}, "");
  Redactor redactor(*doc);
  MaskedLine line = redactor.redact_line(doc->main_file(), 2, 10, 42);
  CHECK(line.text == "  apiKey: 0123…(redacted)  # key");
  CHECK(line.text.substr(line.mark_begin, line.mark_end - line.mark_begin) == "0123…(redacted)");
}
