#pragma once
// Scenario results for people (text), programs (JSON) and CI (JUnit XML).
#include <nlohmann/json.hpp>
#include <ostream>
#include <vector>

#include "scenario/runner.hpp"

namespace gwlint::scenario {

struct RunSummary {
  size_t passed = 0, failed = 0, errors = 0;
  double duration_ms = 0;
};
RunSummary summarise(const std::vector<ScenarioResult>& results, double duration_ms);

// One line per scenario; a failure shows each check that did not hold with expected/actual and
// the mock's closest-match report; `verbose` also lists passing checks and every request.
void write_text(const std::vector<ScenarioResult>& results, const RunSummary& summary, bool color, bool verbose,
                std::ostream& out);
nlohmann::json result_json(const ScenarioResult& result);
void write_json(const std::vector<ScenarioResult>& results, const RunSummary& summary, std::ostream& out);
void write_junit(const std::vector<ScenarioResult>& results, const RunSummary& summary, std::ostream& out);

}  // namespace gwlint::scenario
