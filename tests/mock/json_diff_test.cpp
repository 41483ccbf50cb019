#include "mock/json_diff.hpp"

#include <catch2/catch.hpp>

using namespace gwlint::mock;
using nlohmann::json;

namespace {
std::vector<JsonPointer> pointers(std::initializer_list<const char*> texts) {
  std::vector<JsonPointer> out;
  for (const char* text : texts) out.push_back(*parse_json_pointer(text));
  return out;
}
}  // namespace

TEST_CASE("JSON pointers parse and format with ~0 and ~1 escapes", "[mock][json]") {
  auto pointer = parse_json_pointer("/a~1b/c~0d/0");
  REQUIRE(pointer);
  CHECK(*pointer == JsonPointer{"a/b", "c~d", "0"});
  CHECK(format_json_pointer(*pointer) == "/a~1b/c~0d/0");
  CHECK(parse_json_pointer("")->empty());
  CHECK(*parse_json_pointer("/") == JsonPointer{""});
  CHECK_FALSE(parse_json_pointer("a"));
  CHECK_FALSE(parse_json_pointer("/a~"));
  CHECK_FALSE(parse_json_pointer("/a~2"));
}

TEST_CASE("JSON bodies compare as values: key order ignored, numbers by value", "[mock][json]") {
  auto a = json::parse(R"({"b":1,"a":[1,2.0,{"x":true}],"n":null})");
  auto b = json::parse(R"({"a":[1.0,2,{"x":true}],"n":null,"b":1.0})");
  CHECK(json_values_equal(a, b));
  CHECK(diff_json(a, b, {}).differences.empty());
  CHECK_FALSE(json_values_equal(json::parse("[1,2]"), json::parse("[2,1]")));  // array order kept
  CHECK_FALSE(json_values_equal(json(-1), json(18446744073709551615ULL)));
  CHECK(json_values_equal(json(9007199254740993LL), json(9007199254740993ULL)));
  CHECK_FALSE(json_values_equal(json(9007199254740993LL), json(9007199254740992LL)));
}

TEST_CASE("JSON differences name each pointer: value, type, missing, extra", "[mock][json]") {
  auto expected = json::parse(R"({"messages":[{"role":"user","content":"hello"}],"max_tokens":5,"a/b":1,"gone":1})");
  auto actual =
      json::parse(R"({"messages":[{"role":"user","content":"hello!"},{"role":"x"}],"max_tokens":"5","a/b":2,"new":3})");
  auto result = diff_json(expected, actual, {});
  REQUIRE(result.differences.size() == 6);
  auto find = [&](const std::string& pointer) -> const JsonDifference* {
    for (const auto& d : result.differences) {
      if (d.pointer == pointer) return &d;
    }
    return nullptr;
  };
  REQUIRE(find("/messages/0/content"));
  CHECK(find("/messages/0/content")->change == "value");
  CHECK(find("/messages/0/content")->expected == "hello");
  CHECK(find("/messages/0/content")->actual == "hello!");
  CHECK(find("/messages/1")->change == "extra");
  CHECK(find("/max_tokens")->change == "type");
  CHECK(find("/a~1b")->change == "value");
  CHECK(find("/gone")->change == "missing");
  CHECK(find("/new")->change == "extra");
}

TEST_CASE("ignore_json pointers skip whole subtrees, escaped names included", "[mock][json]") {
  auto expected = json::parse(R"({"user":"a","stream_options":{"x":1},"m/n":1,"keep":1})");
  auto actual = json::parse(R"({"user":"b","m/n":2,"keep":1,"extra":{"y":1}})");
  auto result = diff_json(expected, actual, pointers({"/user", "/stream_options", "/m~1n", "/extra/y"}));
  REQUIRE(result.differences.size() == 1);
  CHECK(result.differences[0].pointer == "/extra");  // only /extra/y is ignored, not /extra itself
  CHECK(diff_json(expected, actual, pointers({""})).differences.empty());
}

TEST_CASE("Body parsing refuses hostile nesting instead of recursing into it", "[mock][json]") {
  CHECK_FALSE(parse_json_body(std::string(100000, '[')));
  CHECK_FALSE(parse_json_body("{\"a\":"));
  CHECK(parse_json_body("{\"a\":\"[[[[\"}"));
  CHECK(parse_json_body(std::string(50, '[') + std::string(50, ']')));
}

TEST_CASE("Long values are shortened for reports on a UTF-8 boundary", "[mock][json]") {
  std::string text(400, 'x');
  text[299] = '\xc3';
  text[300] = '\xa9';
  auto short_value = abbreviate_json(json(text), 300);
  REQUIRE(short_value.is_string());
  CHECK(short_value.get<std::string>().rfind(std::string(299, 'x') + "...", 0) == 0);
  CHECK(abbreviate_json(json("short")) == "short");
  CHECK_NOTHROW(dump_json(json(std::string("\xff\xfe"))));
}
