#include "mock/match.hpp"

#include <catch2/catch.hpp>

#include "mock/header_rules.hpp"
#include "mock/match_report.hpp"
#include "mock_test_support.hpp"

using namespace gwlint;
using namespace gwlint::mock;
using namespace gwlint::mock::test;
using nlohmann::json;

namespace {

recording::RecordedRequest chat_request(const std::string& content = "hello") {
  recording::RecordedRequest request;
  request.method = "POST";
  request.path = "/openai/v1/chat/completions";
  request.query = {{"api-version", "preview"}};
  request.headers = {{"Api-Key", "<redacted>"}, {"Content-Type", "application/json"}, {"User-Agent", "x/1"}};
  request.body = text_body(chat_request_json(content).dump());
  return request;
}

MatchResult match(const recording::RecordedRequest& request, const std::vector<recording::Exchange>& exchanges,
                  const std::vector<ExchangeState>& states = {}, const MatchRules& rules = {}) {
  return match_request(request, exchanges, states, compile_rules(rules));
}

const Difference* find_difference(const MissReport& miss, const std::string& field, const std::string& pointer = "") {
  for (const auto& d : miss.differences) {
    if (d.field == field && d.pointer == pointer) return &d;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("Header globs are case-insensitive", "[mock][match]") {
  CHECK(glob_match_ci("x-stainless-*", "X-Stainless-Lang"));
  CHECK(glob_match_ci("*", ""));
  CHECK(glob_match_ci("a?c", "ABC"));
  CHECK_FALSE(glob_match_ci("x-stainless-*", "x-other"));
  CHECK(glob_match_ci("*a*b*c*", std::string(2000, 'a') + "bc"));
  CHECK_FALSE(glob_match_ci("*a*b*c*d", std::string(2000, 'a') + "bc"));
}

TEST_CASE("A request equal to the recording matches: method any case, JSON by value, extra headers fine",
          "[mock][match]") {
  std::vector<recording::Exchange> exchanges = {chat_exchange("chat-ok")};
  auto request = chat_request();
  request.method = "post";
  request.body = text_body(R"({ "messages" : [ {"content":"hello","role":"user"} ], "model":"chat-prod" })");
  request.headers.push_back({"X-Extra", "1"});
  auto result = match(request, exchanges);
  REQUIRE(result.exchange);
  CHECK(*result.exchange == 0);
}

TEST_CASE("Query parameters are a set of pairs: order ignored, repeats counted", "[mock][match]") {
  auto exchange = chat_exchange("q");
  exchange.request.query = {{"a", "1"}, {"b", "2"}, {"a", "3"}};
  auto request = chat_request();
  request.query = {{"a", "3"}, {"b", "2"}, {"a", "1"}};
  CHECK(match(request, {exchange}).exchange);

  request.query = {{"a", "3"}, {"b", "2"}};
  auto result = match(request, {exchange});
  REQUIRE(result.miss);
  const Difference* d = find_difference(*result.miss, "query.a");
  REQUIRE(d);
  CHECK(d->expected == json({"1", "3"}));
  CHECK(d->actual == "3");

  request.query = {{"a", "1"}, {"a", "3"}, {"b", "2"}, {"b", "2"}};
  CHECK_FALSE(match(request, {exchange}).exchange);
  request.query = {{"a", "1"}, {"a", "3"}, {"b", "2"}, {"c", "x"}};
  result = match(request, {exchange});
  REQUIRE(result.miss);
  REQUIRE(find_difference(*result.miss, "query.c"));
  CHECK(find_difference(*result.miss, "query.c")->change == "extra");
}

TEST_CASE("Header rules: require, forbid, ignore globs, the rest compared by value", "[mock][match]") {
  auto exchange = chat_exchange("h");
  exchange.request.headers.push_back({"x-stainless-lang", "js"});
  exchange.request.headers.push_back({"X-Custom-Header", "abc"});
  exchange.request.headers.push_back({"Content-Length", "999"});  // transport: never compared
  auto request = chat_request();
  request.headers.push_back({"x-custom-header", "abc"});

  MatchRules rules;
  rules.ignore_headers = {"X-STAINLESS-*"};
  CHECK(match(request, {exchange}, {}, rules).exchange);

  auto result = match(request, {exchange});  // without the glob, x-stainless-lang is missing
  REQUIRE(result.miss);
  const Difference* d = find_difference(*result.miss, "header.x-stainless-lang");
  REQUIRE(d);
  CHECK(d->change == "missing");
  CHECK(d->expected == "js");

  request.headers.back().value = "abd";
  result = match(request, {exchange}, {}, rules);
  REQUIRE(result.miss);
  REQUIRE(find_difference(*result.miss, "header.x-custom-header"));
  CHECK(find_difference(*result.miss, "header.x-custom-header")->actual == "abd");
  request.headers.back().value = "abc";

  rules.require_headers = {"X-Required"};
  result = match(request, {exchange}, {}, rules);
  REQUIRE(result.miss);
  CHECK(find_difference(*result.miss, "header.x-required"));
  request.headers.push_back({"x-required", "any value"});
  CHECK(match(request, {exchange}, {}, rules).exchange);

  rules.forbid_headers = {"authorization"};
  request.headers.push_back({"Authorization", "<redacted>"});
  result = match(request, {exchange}, {}, rules);
  REQUIRE(result.miss);
  const Difference* forbidden = find_difference(*result.miss, "header.authorization");
  REQUIRE(forbidden);
  CHECK(forbidden->change == "forbidden");
  CHECK(forbidden->actual == "<redacted>");
}

TEST_CASE("ignore_json skips pointers, escaped ones too", "[mock][match]") {
  auto exchange = chat_exchange("j");
  exchange.request.body = json_body({{"model", "chat-prod"}, {"user", "a"}, {"a/b", 1}, {"c~d", 2}});
  auto request = chat_request();
  request.body = text_body(R"({"model":"chat-prod","user":"b","a/b":5,"c~d":6,"stream_options":{}})");
  MatchRules rules;
  rules.ignore_json = {"/user", "/a~1b", "/c~0d", "/stream_options", "not a pointer"};
  CHECK(compile_rules(rules).invalid_pointers == std::vector<std::string>{"not a pointer"});
  CHECK(match(request, {exchange}, {}, rules).exchange);
  rules.ignore_json = {"/user"};
  auto result = match(request, {exchange}, {}, rules);
  REQUIRE(result.miss);
  CHECK(find_difference(*result.miss, "body", "/a~1b"));
  CHECK(find_difference(*result.miss, "body", "/c~0d"));
  CHECK(find_difference(*result.miss, "body", "/stream_options"));
}

TEST_CASE("Non-JSON bodies compare by bytes; empty matches empty", "[mock][match]") {
  recording::Exchange get;
  get.id = "list";
  get.request.method = "GET";
  get.request.path = "/openai/models";
  recording::RecordedRequest request;
  request.method = "GET";
  request.path = "/openai/models";
  CHECK(match(request, {get}).exchange);
  request.body = text_body("x");
  CHECK_FALSE(match(request, {get}).exchange);

  get.request.body = text_body("a=1&b=2");
  request.body = text_body("a=1&b=2");
  CHECK(match(request, {get}).exchange);
  request.body = text_body("b=2&a=1");
  auto result = match(request, {get});
  REQUIRE(result.miss);
  REQUIRE(find_difference(*result.miss, "body"));

  // Recorded JSON, sent something else.
  auto chat = chat_exchange("c");
  request = chat_request();
  request.body = text_body("not json");
  result = match(request, {chat});
  REQUIRE(result.miss);
  REQUIRE(find_difference(*result.miss, "body"));
  CHECK(find_difference(*result.miss, "body")->change == "not_json");
}

TEST_CASE("Paths compare as exact bytes", "[mock][match]") {
  auto exchange = chat_exchange("p");
  auto request = chat_request();
  request.path = "//openai/v1/chat/completions";
  auto result = match(request, {exchange});
  REQUIRE(result.miss);
  CHECK(result.miss->cause == MissCause::ClosestDiffers);
  REQUIRE(find_difference(*result.miss, "path"));
  CHECK(find_difference(*result.miss, "path")->actual == "//openai/v1/chat/completions");
  request.path = "/openai/v1/chat/completions%2F";
  CHECK_FALSE(match(request, {exchange}).exchange);
}

TEST_CASE("Identical requests take successive exchanges in recording order (429, 429, 200)", "[mock][match]") {
  std::vector<recording::Exchange> exchanges = {chat_exchange("throttled-1"), chat_exchange("throttled-2"),
                                                chat_exchange("ok")};
  std::vector<ExchangeState> states(3);
  auto request = chat_request();
  std::vector<std::string> served;
  for (int i = 0; i < 3; ++i) {
    auto result = match(request, exchanges, states);
    REQUIRE(result.exchange);
    served.push_back(exchanges[*result.exchange].id);
    ++states[*result.exchange].used;
  }
  CHECK(served == std::vector<std::string>{"throttled-1", "throttled-2", "ok"});

  auto result = match(request, exchanges, states);
  REQUIRE(result.miss);
  CHECK(result.miss->cause == MissCause::ClosestUsedUp);
  CHECK(result.miss->closest_id == "throttled-1");
  CHECK(result.miss->closest_exact);
  CHECK(result.miss->differences.empty());
}

TEST_CASE("times: 0 never runs out; times: 2 serves twice", "[mock][match]") {
  std::vector<recording::Exchange> exchanges = {chat_exchange("any", "{}", 0)};
  std::vector<ExchangeState> states(1);
  for (int i = 0; i < 1000; ++i) {
    auto result = match(chat_request(), exchanges, states);
    REQUIRE(result.exchange);
    ++states[0].used;
  }
  exchanges[0].times = 2;
  states[0].used = 0;
  CHECK(match(chat_request(), exchanges, {{1, false}}).exchange);
  CHECK_FALSE(match(chat_request(), exchanges, {{2, false}}).exchange);
}

TEST_CASE("Miss causes: no close exchange, closest differs, used up, held back", "[mock][match]") {
  std::vector<recording::Exchange> exchanges = {chat_exchange("chat-a", "{}", 1, "other"),
                                                chat_exchange("chat-b", "{}", 1, "hello")};
  SECTION("nothing shares the method or the path") {
    recording::RecordedRequest request;
    request.method = "GET";
    request.path = "/somewhere/else";
    auto result = match(request, exchanges);
    REQUIRE(result.miss);
    CHECK(result.miss->cause == MissCause::NoCloseExchange);
    REQUIRE(result.miss->closest);  // still named, to help
    CHECK(find_difference(*result.miss, "method"));
    CHECK(find_difference(*result.miss, "path"));
  }
  SECTION("the closest differs in one JSON pointer") {
    auto result = match(chat_request("hello!"), exchanges);
    REQUIRE(result.miss);
    CHECK(result.miss->cause == MissCause::ClosestDiffers);
    CHECK(result.miss->differences.size() == 1);
    const Difference* d = find_difference(*result.miss, "body", "/messages/0/content");
    REQUIRE(d);
    CHECK(d->expected == "other");  // equal distance: the first recorded one
  }
  SECTION("closeness prefers fewer differences") {
    auto request = chat_request("hello");
    request.body = text_body(R"({"model":"chat-prod","messages":[{"role":"user","content":"hello"}],"n":1})");
    auto result = match(request, exchanges);
    REQUIRE(result.miss);
    CHECK(result.miss->closest_id == "chat-b");
    CHECK(result.miss->closest_location == exchanges[1].location);
    REQUIRE(find_difference(*result.miss, "body", "/n"));
    CHECK(find_difference(*result.miss, "body", "/n")->change == "extra");
  }
  SECTION("the exact match was used up") {
    auto result = match(chat_request("hello"), exchanges, {{0, false}, {1, false}});
    REQUIRE(result.miss);
    CHECK(result.miss->cause == MissCause::ClosestUsedUp);
    CHECK(result.miss->closest_id == "chat-b");
    CHECK(result.miss->closest_used == 1);
  }
  SECTION("the exact match is held back") {
    auto result = match(chat_request("hello"), exchanges, {{0, false}, {0, true}});
    REQUIRE(result.miss);
    CHECK(result.miss->cause == MissCause::HeldBack);
    CHECK(result.miss->closest_held_back);
  }
  SECTION("an empty recording") {
    auto result = match(chat_request(), {});
    REQUIRE(result.miss);
    CHECK(result.miss->cause == MissCause::NoCloseExchange);
    CHECK_FALSE(result.miss->closest);
    CHECK(miss_report_json(*result.miss)["closest"].is_null());
  }
}

TEST_CASE("Miss reports: JSON with pointers, text, and the Azure-shaped 599 body", "[mock][match]") {
  std::vector<recording::Exchange> exchanges = {chat_exchange("chat-ok")};
  auto request = chat_request("hello!");
  request.headers.push_back({"api-key", "<redacted>"});
  auto result = match(request, exchanges);
  REQUIRE(result.miss);
  auto report = miss_report_json(*result.miss);
  CHECK(report["cause"] == "closest_differs");
  CHECK(report["closest"]["id"] == "chat-ok");
  CHECK(report["closest"]["location"] == exchanges[0].location);
  REQUIRE(report["differences"].size() == 1);
  CHECK(report["differences"][0]["field"] == "body");
  CHECK(report["differences"][0]["pointer"] == "/messages/0/content");
  CHECK(report["differences"][0]["expected"] == "hello");
  CHECK(report["differences"][0]["actual"] == "hello!");

  std::string text = miss_report_text(*result.miss);
  CHECK(text.find("chat-ok") != std::string::npos);
  CHECK(text.find("/messages/0/content") != std::string::npos);
  CHECK(text.find("\"hello!\"") != std::string::npos);
  CHECK(miss_report_text(json::parse(R"({"cause":5,"closest":"x","differences":[1,{"field":2}]})")).size() > 0);

  auto body = json::parse(no_match_body(*result.miss));
  CHECK(body["error"]["code"] == "gwlint_no_match");
  CHECK(body["error"]["message"].get<std::string>().find("/messages/0/content") != std::string::npos);
  CHECK(body["gwlint"]["differences"][0]["pointer"] == "/messages/0/content");
}

TEST_CASE("The matcher survives arbitrary bytes", "[mock][match]") {
  std::vector<recording::Exchange> exchanges = {chat_exchange("a"), chat_exchange("b")};
  exchanges[1].request.body = text_body(std::string("\xff\x00\xfe", 3));
  std::string junk;
  for (int i = 0; i < 512; ++i) junk += static_cast<char>((i * 131 + 7) % 256);
  recording::RecordedRequest request;
  request.method = junk.substr(0, 10);
  request.path = junk;
  request.query = {{junk, junk}};
  request.headers = {{junk, junk}, {"", ""}};
  request.body = text_body(junk);
  MatchRules rules;
  rules.ignore_headers = {junk, "*"};
  rules.ignore_json = {junk, "/~", "~1"};
  rules.require_headers = {junk};
  rules.forbid_headers = {"*"};
  auto result = match(request, exchanges, {}, rules);
  REQUIRE(result.miss);
  CHECK_NOTHROW(no_match_body(*result.miss));
  CHECK_NOTHROW(miss_report_text(*result.miss));
}
