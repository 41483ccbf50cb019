#pragma once
// Runs scenarios: each on its own mock (127.0.0.1, port 0), the client driven with the config
// under test, then every expectation checked against the client's results and the mock's journal.
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "recording/recording_io.hpp"
#include "scenario/scenario.hpp"

namespace gwlint::scenario {

struct RunOptions {
  double time_scale = 0.0;           // SSE gaps: 0 none (CI), 1 as recorded
  std::optional<ClientSpec> client;  // overrides every scenario's client
};

// One expectation and whether it held; `detail` explains a failure (a diff, a miss report).
struct Check {
  std::string what;  // "status", "calls[0].error_code", "requests", "request 2 matched"
  bool passed = false;
  std::string expected;
  std::string actual;
  std::string detail;
};

struct CallRun {
  CallSpec spec;
  client::ClientResult result;
  std::string url;  // the URL the config makes the gateway call (real host, not the mock)
  double duration_ms = 0;
};

enum class ScenarioStatus { Passed, Failed, Error };
const char* status_name(ScenarioStatus status);  // "passed", "failed", "error"

struct ScenarioResult {
  std::string path;
  std::string name;
  std::string description;
  std::string client;
  ScenarioStatus status = ScenarioStatus::Error;
  std::string error;  // harness error (status Error)
  std::vector<CallRun> calls;
  std::vector<Check> checks;
  std::vector<mock::JournalEntry> journal;
  std::vector<mock::ExchangeUse> usage;
  std::vector<std::string> lint_findings;  // "AZ201 file:line:col message" for the config under test
  double duration_ms = 0;
};

ScenarioResult run_scenario(const Scenario& scenario, const RunOptions& options);

// The result for a file that did not load (status Error, the problems as the error).
ScenarioResult invalid_scenario(const std::string& path, const std::vector<recording::Problem>& problems);

// Loads and runs every file with `jobs` workers; results in file order. `on_done` (optional) is
// called after each scenario, from worker threads, with the number finished so far.
std::vector<ScenarioResult> run_files(const std::vector<std::string>& files, const RunOptions& options, int jobs,
                                      const std::function<void(size_t)>& on_done = {});

}  // namespace gwlint::scenario
