#include "scenario/expectations.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "mock/match_report.hpp"

namespace gwlint::scenario {
namespace {

std::string quoted(const std::string& text) {
  return text.empty() ? "(none)" : fmt::format("\"{}\"", text);
}

std::string status_text(int status) {
  return status == 0 ? "no response" : std::to_string(status);
}

void add(std::vector<Check>& checks, std::string what, bool passed, std::string expected, std::string actual,
         std::string detail = {}) {
  checks.push_back({std::move(what), passed, std::move(expected), std::move(actual), std::move(detail)});
}

// Why a call ended as it did, for failed checks: the client's own message and output.
std::string call_detail(const client::ClientResult& result) {
  // A 599 is the mock saying nothing matched; its report is shown once, with the request.
  std::string detail = result.status == 599 ? "the mock matched no recorded exchange (report below)" : result.message;
  auto tail = [](const std::string& text) {
    constexpr size_t kKeep = 600;
    return text.size() > kKeep ? "..." + text.substr(text.size() - kKeep) : text;
  };
  if (!result.stderr_text.empty())
    detail += (detail.empty() ? "" : "\n") + ("client stderr: " + tail(result.stderr_text));
  return detail;
}

}  // namespace

void check_call(const Expectations& expect, const client::ClientResult& result, const std::string& prefix,
                std::vector<Check>& checks) {
  if (expect.outcome) {
    add(checks, prefix + "outcome", result.outcome == *expect.outcome, *expect.outcome, result.outcome,
        result.outcome != *expect.outcome ? call_detail(result) : "");
  }
  if (expect.status) {
    add(checks, prefix + "status", result.status == *expect.status, status_text(*expect.status),
        status_text(result.status), result.status != *expect.status ? call_detail(result) : "");
  }
  if (expect.error_code) {
    add(checks, prefix + "error_code", result.error_code == *expect.error_code, quoted(*expect.error_code),
        quoted(result.error_code), result.error_code != *expect.error_code ? call_detail(result) : "");
  }
  if (expect.text_contains) {
    bool found = result.text.find(*expect.text_contains) != std::string::npos;
    add(checks, prefix + "text", found, "contains " + quoted(*expect.text_contains), quoted(result.text));
  }
  if (expect.attempts) {
    add(checks, prefix + "attempts", result.attempts == *expect.attempts, std::to_string(*expect.attempts),
        std::to_string(result.attempts));
  }
}

void check_all_matched(const std::vector<mock::JournalEntry>& journal, std::vector<Check>& checks) {
  for (size_t i = 0; i < journal.size(); ++i) {
    const auto& entry = journal[i];
    if (!entry.exchange.empty()) continue;
    add(checks, fmt::format("request {} matched a recorded exchange", i + 1), false, "a match",
        fmt::format("{} {} matched nothing (the mock answered 599)", entry.method, entry.path),
        entry.miss.is_null() ? "" : describe_miss(entry.miss));
  }
}

double requested_wait_ms(const recording::Headers& headers) {
  if (const std::string* ms = recording::find_header(headers, "retry-after-ms")) {
    char* end = nullptr;
    double value = std::strtod(ms->c_str(), &end);
    if (end != ms->c_str() && value >= 0) return value;
  }
  if (const std::string* seconds = recording::find_header(headers, "retry-after")) {
    char* end = nullptr;
    double value = std::strtod(seconds->c_str(), &end);
    if (end != seconds->c_str() && value >= 0) return value * 1000.0;
  }
  return -1;
}

namespace {

void check_retry_waits(bool expected, const std::vector<mock::JournalEntry>& journal, std::vector<Check>& checks) {
  // A retryable answer that asked for a wait, followed by another request: that request is the
  // retry, and it must not arrive before the wait is over.
  std::vector<std::string> waits;
  bool all_honoured = true;
  for (size_t i = 0; i + 1 < journal.size(); ++i) {
    int status = journal[i].status;
    if (status != 429 && status < 500) continue;
    double asked = requested_wait_ms(journal[i].response_headers);
    if (asked < 0) continue;
    double gap = journal[i + 1].at_ms - journal[i].at_ms;
    bool honoured = gap + 0.5 >= asked;  // the journal's clock has sub-millisecond resolution
    all_honoured = all_honoured && honoured;
    waits.push_back(fmt::format("request {} came {:.0f} ms after a {} asking for {:.0f} ms{}", i + 2, gap, status,
                                asked, honoured ? "" : " (too early)"));
  }
  bool held = !waits.empty() && all_honoured;
  std::string actual =
      waits.empty() ? "no retry followed a response asking for a wait" : fmt::format("{}", fmt::join(waits, "; "));
  add(checks, "retry_waits_honoured", held == expected, expected ? "true" : "false", held ? "true" : "false", actual);
}

}  // namespace

void check_run(const Expectations& expect, const ScenarioResult& run, std::vector<Check>& checks) {
  if (expect.requests) {
    add(checks, "requests", run.journal.size() == static_cast<size_t>(*expect.requests),
        std::to_string(*expect.requests), std::to_string(run.journal.size()));
  }
  if (expect.all_used) {
    std::vector<std::string> unused;
    for (const auto& use : run.usage) {
      if (use.times > 0 && use.used < use.times)
        unused.push_back(fmt::format("{} ({}/{})", use.id, use.used, use.times));
    }
    bool all_used = unused.empty();
    add(checks, "all_used", all_used == *expect.all_used, *expect.all_used ? "true" : "false",
        all_used ? "true" : "false", unused.empty() ? "" : fmt::format("not used up: {}", fmt::join(unused, ", ")));
  }
  if (expect.retry_waits_honoured) check_retry_waits(*expect.retry_waits_honoured, run.journal, checks);
  for (const auto& code : expect.lint) {
    auto found = std::find_if(run.lint_findings.begin(), run.lint_findings.end(),
                              [&](const std::string& finding) { return finding.rfind(code + " ", 0) == 0; });
    std::vector<std::string> codes;
    for (const auto& finding : run.lint_findings) codes.push_back(finding.substr(0, finding.find(' ')));
    std::string actual = found != run.lint_findings.end() ? *found
                         : codes.empty()                  ? "no findings"
                                                          : fmt::format("only {}", fmt::join(codes, ", "));
    add(checks, "lint " + code, found != run.lint_findings.end(), "gwlint lint reports " + code, actual);
  }
}

std::string describe_miss(const nlohmann::json& miss) {
  return mock::miss_report_text(miss);
}

}  // namespace gwlint::scenario
