#include "audit/scenario_section.hpp"

#include <cmath>

#include "scenario/expectations.hpp"

namespace gwlint::audit {

namespace {

using json = nlohmann::ordered_json;

// Milliseconds to one decimal: enough for a person, stable enough for a diff.
double rounded(double ms) {
  return std::round(ms * 10.0) / 10.0;
}

// Which call sent each journal entry: calls run one after another, and each reports how many
// requests it made; anything beyond belongs to the last call.
std::vector<size_t> call_of_requests(const scenario::ScenarioResult& result) {
  std::vector<size_t> owner(result.journal.size(), 0);
  size_t at = 0;
  for (size_t call = 0; call < result.calls.size(); ++call) {
    int attempts = std::max(0, result.calls[call].result.attempts);
    for (int i = 0; i < attempts && at < owner.size(); ++i) owner[at++] = call;
  }
  size_t last = result.calls.empty() ? 0 : result.calls.size() - 1;
  for (; at < owner.size(); ++at) owner[at] = last;
  return owner;
}

json nullable_wait(double ms) {
  return ms < 0 ? json(nullptr) : json(rounded(ms));
}

}  // namespace

json scenario_json(const scenario::ScenarioResult& result) {
  json out = {{"path", result.path},
              {"name", result.name},
              {"description", result.description},
              {"client", result.client},
              {"status", scenario::status_name(result.status)},
              {"duration_ms", rounded(result.duration_ms)},
              {"error", result.error.empty() ? json(nullptr) : json(result.error)},
              {"calls", json::array()},
              {"failed_checks", json::array()},
              {"requests", json::array()},
              {"waits", json::array()},
              {"retry_after_honoured", nullptr}};
  for (const scenario::CallRun& call : result.calls) {
    json waits = json::array();
    for (double wait : call.result.retry_waits_ms) waits.push_back(rounded(wait));
    out["calls"].push_back({{"op", call.spec.call.op},
                            {"model", call.spec.call.model},
                            {"outcome", call.result.outcome},
                            {"status", call.result.status},
                            {"error_code", call.result.error_code},
                            {"attempts", call.result.attempts},
                            {"retry_waits_ms", std::move(waits)},
                            {"duration_ms", rounded(call.duration_ms)},
                            {"url", call.url}});
  }
  for (const scenario::Check& check : result.checks) {
    if (check.passed) continue;
    out["failed_checks"].push_back(
        {{"what", check.what}, {"expected", check.expected}, {"actual", check.actual}, {"detail", check.detail}});
  }
  std::vector<size_t> owner = call_of_requests(result);
  bool any_asked = false, all_honoured = true;
  for (size_t i = 0; i < result.journal.size(); ++i) {
    const mock::JournalEntry& entry = result.journal[i];
    double asked = scenario::requested_wait_ms(entry.response_headers);
    out["requests"].push_back({{"call", owner[i]},
                               {"at_ms", rounded(entry.at_ms)},
                               {"method", entry.method},
                               {"path", entry.path},
                               {"status", entry.status},
                               {"exchange", entry.exchange},
                               {"fault", entry.fault},
                               {"requested_wait_ms", nullable_wait(asked)}});
    // A retry is the next request of the same call; the gap between the two arrivals is at least
    // the time the client waited.
    if (i + 1 < result.journal.size() && owner[i + 1] == owner[i]) {
      double gap = result.journal[i + 1].at_ms - entry.at_ms;
      bool honoured = asked < 0 || gap + 0.5 >= asked;
      if (asked >= 0) {
        any_asked = true;
        all_honoured = all_honoured && honoured;
      }
      out["waits"].push_back({{"call", owner[i]},
                              {"after_request", i},
                              {"from_ms", rounded(entry.at_ms)},
                              {"to_ms", rounded(result.journal[i + 1].at_ms)},
                              {"requested_ms", nullable_wait(asked)},
                              {"actual_ms", rounded(gap)},
                              {"honoured", honoured}});
    }
  }
  if (any_asked) out["retry_after_honoured"] = all_honoured;
  return out;
}

}  // namespace gwlint::audit
