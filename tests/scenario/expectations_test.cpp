// Expectations against client results and the mock's journal.
#include "scenario/expectations.hpp"

#include <catch2/catch.hpp>

using namespace gwlint;

namespace {

mock::JournalEntry entry(double at_ms, int status, recording::Headers response_headers = {},
                         std::string exchange = "x") {
  mock::JournalEntry out;
  out.at_ms = at_ms;
  out.status = status;
  out.method = "POST";
  out.path = "/openai/v1/chat/completions";
  out.response_headers = std::move(response_headers);
  out.exchange = std::move(exchange);
  return out;
}

const scenario::Check* find(const std::vector<scenario::Check>& checks, const std::string& what) {
  for (const auto& check : checks) {
    if (check.what == what) return &check;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("call expectations compare outcome, status, code, text and attempts") {
  client::ClientResult result;
  result.outcome = "error";
  result.status = 404;
  result.error_code = "DeploymentNotFound";
  result.attempts = 1;
  scenario::Expectations expect;
  expect.outcome = "error";
  expect.status = 404;
  expect.error_code = "DeploymentNotFound";
  expect.attempts = 1;
  expect.text_contains = "Hello";
  std::vector<scenario::Check> checks;
  scenario::check_call(expect, result, "calls[0].", checks);
  REQUIRE(checks.size() == 5);
  CHECK(find(checks, "calls[0].status")->passed);
  CHECK(find(checks, "calls[0].error_code")->passed);
  CHECK_FALSE(find(checks, "calls[0].text")->passed);

  result.status = 200;
  checks.clear();
  scenario::check_call(expect, result, "", checks);
  const auto* status = find(checks, "status");
  REQUIRE(status);
  CHECK_FALSE(status->passed);
  CHECK(status->expected == "404");
  CHECK(status->actual == "200");
}

TEST_CASE("retry waits: honoured when the next request comes after retry-after-ms, else retry-after") {
  scenario::ScenarioResult run;
  scenario::Expectations expect;
  expect.retry_waits_honoured = true;

  SECTION("honoured") {
    run.journal = {entry(0, 429, {{"retry-after-ms", "300"}, {"retry-after", "1"}}), entry(305, 200)};
    std::vector<scenario::Check> checks;
    scenario::check_run(expect, run, checks);
    REQUIRE(checks.size() == 1);
    CHECK(checks[0].passed);
  }
  SECTION("too early") {
    run.journal = {entry(0, 429, {{"retry-after-ms", "300"}}), entry(120, 200)};
    std::vector<scenario::Check> checks;
    scenario::check_run(expect, run, checks);
    CHECK_FALSE(checks[0].passed);
    CHECK(checks[0].detail.find("too early") != std::string::npos);
  }
  SECTION("retry-after in seconds when there is no retry-after-ms") {
    run.journal = {entry(0, 503, {{"retry-after", "1"}}), entry(900, 200)};
    std::vector<scenario::Check> checks;
    scenario::check_run(expect, run, checks);
    CHECK_FALSE(checks[0].passed);
  }
  SECTION("no retry at all does not count as honoured") {
    run.journal = {entry(0, 200)};
    std::vector<scenario::Check> checks;
    scenario::check_run(expect, run, checks);
    CHECK_FALSE(checks[0].passed);
  }
}

TEST_CASE("requests, all_used and lint expectations") {
  scenario::ScenarioResult run;
  run.journal = {entry(0, 200), entry(5, 200)};
  run.usage = {{"a", 1, 1}, {"b", 0, 2}, {"c", 0, 0}};
  run.lint_findings = {"AZ201 app-config.yaml:6:18 `gpt-4o` is a model id"};
  scenario::Expectations expect;
  expect.requests = 2;
  expect.all_used = true;
  expect.lint = {"AZ201", "AZ212"};
  std::vector<scenario::Check> checks;
  scenario::check_run(expect, run, checks);
  CHECK(find(checks, "requests")->passed);
  CHECK_FALSE(find(checks, "all_used")->passed);
  CHECK(find(checks, "all_used")->detail.find("b (0/2)") != std::string::npos);
  CHECK(find(checks, "lint AZ201")->passed);
  CHECK_FALSE(find(checks, "lint AZ212")->passed);
}

TEST_CASE("a request that matched nothing fails with the mock's report") {
  auto miss = entry(0, 599, {}, "");
  miss.miss = {{"cause", "closest_differs"},
               {"request", {{"method", "POST"}, {"path", "/openai/v1/chat/completions"}}},
               {"closest", {{"id", "chat-ok"}, {"location", "rec.yaml:3:5"}, {"used", 0}, {"times", 1}}},
               {"differences",
                {{{"field", "body"}, {"pointer", "/messages/0/content"}, {"expected", "hi"}, {"actual", "hello"}}}}};
  std::vector<scenario::Check> checks;
  scenario::check_all_matched({entry(0, 200), miss}, checks);
  REQUIRE(checks.size() == 1);
  CHECK_FALSE(checks[0].passed);
  CHECK(checks[0].what == "request 2 matched a recorded exchange");
  CHECK(checks[0].detail.find("chat-ok (rec.yaml:3:5)") != std::string::npos);
  CHECK(checks[0].detail.find("body /messages/0/content: expected \"hi\", got \"hello\"") != std::string::npos);
}
