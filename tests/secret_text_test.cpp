#include "lint/secret_text.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

using namespace gwlint;

namespace {

std::string masked(std::string line) {
  auto ranges = secret_ranges_in_line(line);
  std::sort(ranges.rbegin(), ranges.rend());
  for (auto [begin, end] : ranges) line.replace(begin, end - begin, "***");
  return line;
}

}  // namespace

TEST_CASE("secrets are found in lines the tree cannot describe", "[redactor]") {
  CHECK(masked("      apiKey: \"ZqSeCrT0a1b2c3d4e5f6") == "      apiKey: ***");
  CHECK(masked("      apiKye: Q9sEcReTzzzz  # typo") == "      apiKye: ***  # typo");
  CHECK(masked("  \"sessionToken\": \"IQoJb3JpZ2luX2VjE\",") == "  \"sessionToken\": ***,");
  CHECK(masked("      apiKey: ${AZURE_OPENAI_API_KEY}") == "      apiKey: ${AZURE_OPENAI_API_KEY}");
  CHECK(masked("      apiKey: { $env: AZURE_OPENAI_API_KEY }") == "      apiKey: { $env: AZURE_OPENAI_API_KEY }");
  CHECK(masked("        - key: Authorization") == "        - key: Authorization");
  CHECK(masked("          value: Bearer abcdefgh12345678") == "          value: Bearer ***");
  CHECK(masked("          value: Bearer ${GATEWAY_TOKEN}") == "          value: Bearer ${GATEWAY_TOKEN}");
  CHECK(masked("      baseURL: https://user:pw12345@gw.example.com/v1?api-version=x&sig=abc") ==
        "      baseURL: https://user:***@gw.example.com/v1?api-version=x&sig=***");
  CHECK(masked("      resourceName: acme-openai-eastus2") == "      resourceName: acme-openai-eastus2");
}

TEST_CASE("variable names are told from keys pasted where a name belongs", "[redactor]") {
  CHECK(looks_like_env_name("AZURE_OPENAI_API_KEY"));
  CHECK(looks_like_env_name("OpenAiKey"));
  CHECK_FALSE(looks_like_env_name("sk_live_4f2a9c1dMNBVCXZ8e7b6"));
  CHECK_FALSE(looks_like_env_name("QZX36fff1234ABCD9999"));
  CHECK(is_secretish_key("apiKye"));
  CHECK(is_secretish_key("sessionTokn"));
  CHECK_FALSE(is_secretish_key("key"));
  CHECK_FALSE(is_secretish_key("resourceName"));
}
