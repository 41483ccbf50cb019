#include "config/value_source.hpp"

#include <catch2/catch.hpp>

using namespace gwlint;

TEST_CASE("env references are found, escapes skipped, malformed ones explained", "[config][env]") {
  auto refs = scan_env_references("Bearer ${TOKEN} and ${ OTHER }");
  REQUIRE(refs.size() == 2);
  CHECK(refs[0].name == "TOKEN");
  CHECK(refs[1].name == "OTHER");
  CHECK(scan_env_references("$${NOT_A_REF}").empty());
  CHECK_FALSE(scan_env_references("${UNCLOSED")[0].problem.empty());
  CHECK_FALSE(scan_env_references("${}")[0].problem.empty());
  CHECK_FALSE(scan_env_references("${1BAD}")[0].problem.empty());
  CHECK_FALSE(scan_env_references("$AZURE_KEY")[0].problem.empty());
  CHECK(scan_env_references("price is $5").empty());
  auto fallback = scan_env_references("${REGION:-eastus2}");
  REQUIRE(fallback.size() == 1);
  CHECK(fallback[0].problem.empty());
  CHECK(fallback[0].name == "REGION");
  CHECK(fallback[0].has_fallback);
  CHECK_FALSE(scan_env_references("${:-x}")[0].problem.empty());
}
