#pragma once
// Scenario results for the report: pass/fail per scenario and client, durations, the calls, the
// failed checks, and every request the mock saw with the waits between retries, so the timeline
// can show whether retry-after was honoured.
#include <nlohmann/json.hpp>
#include <vector>

#include "scenario/runner.hpp"

namespace gwlint::audit {

nlohmann::ordered_json scenario_json(const scenario::ScenarioResult& result);

}  // namespace gwlint::audit
