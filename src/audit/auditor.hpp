#pragma once
// The audit run: lint every config unit (layers merged), run the scenarios when asked, and put
// it all into one report document — report.json as written, and the only input of the HTML and
// Markdown views (report_view.hpp), so the three files can never disagree.
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lint/baseline.hpp"
#include "lint/linter.hpp"

namespace gwlint::audit {

struct AuditProgress {
  size_t configs_done = 0, configs_total = 0;
  size_t scenarios_done = 0, scenarios_total = 0;
};

struct AuditOptions {
  std::vector<std::string> paths;  // expanded config files
  LintOptions lint;                // rules, --today, --deployments inventory
  Baseline* baseline = nullptr;    // --baseline, loaded; nullptr: none
  std::vector<std::string> scenario_files;
  bool run_scenarios = false;
  unsigned jobs = 1;
  nlohmann::ordered_json inputs = nlohmann::ordered_json::object();  // echoed into the report
  // Called from worker threads, one call at a time.
  std::function<void(const AuditProgress&)> on_progress;
};

struct AuditOutcome {
  nlohmann::ordered_json report;
  bool unreadable = false;       // a config could not be read
  bool scenario_errors = false;  // a scenario file was invalid or the harness failed
  bool scenario_failures = false;
  size_t new_errors = 0;  // findings at error that the baseline does not know
};

AuditOutcome run_audit(const AuditOptions& options);

}  // namespace gwlint::audit
