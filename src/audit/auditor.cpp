#include "audit/auditor.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "audit/config_units.hpp"
#include "audit/effective_config.hpp"
#include "audit/findings_section.hpp"
#include "audit/model_references.hpp"
#include "audit/scenario_section.hpp"
#include "lint/gateway_model.hpp"
#include "report/rule_catalogue.hpp"
#include "scenario/runner.hpp"

namespace gwlint::audit {

namespace {

using json = nlohmann::ordered_json;

struct UnitResult {
  json config;
  std::set<std::string> codes;
  bool unreadable = false;
};

std::string label_of(const ConfigUnit& unit) {
  if (!unit.merged()) return unit.files.front();
  std::string label = unit.files.front();
  size_t slash = label.find_last_of('/');
  std::string folder = slash == std::string::npos ? std::string(".") : label.substr(0, slash);
  return folder + " (merged layers)";
}

json counts_of(const json& findings) {
  size_t errors = 0, warnings = 0, infos = 0, known = 0, fixable = 0;
  for (const json& finding : findings) {
    const std::string severity = finding["severity"];
    errors += severity == "error";
    warnings += severity == "warning";
    infos += severity == "info";
    known += finding["baseline"] == "known";
    fixable += finding["fixable"].get<bool>();
  }
  return {{"errors", errors}, {"warnings", warnings}, {"infos", infos}, {"new", findings.size() - known},
          {"known", known},   {"fixable", fixable}};
}

std::string worst_severity(const json& counts) {
  if (counts["errors"] > 0) return "error";
  if (counts["warnings"] > 0) return "warning";
  if (counts["infos"] > 0) return "info";
  return "none";
}

UnitResult audit_unit(const ConfigUnit& unit, size_t index, const AuditOptions& options, RuleDocs& docs) {
  UnitResult result;
  json& config = result.config;
  config = {{"id", "config-" + std::to_string(index + 1)},
            {"label", label_of(unit)},
            {"files", unit.files},
            {"merged", unit.merged()},
            {"has_gateway", false},
            {"error", nullptr}};
  FileReport report;
  std::string failed_path, error;
  bool read = unit.merged() ? lint_layers(unit.files, options.lint, report, failed_path, error)
                            : lint_path(unit.files.front(), options.lint, report, error);
  json providers = json::array(), models = json::array(), findings = json::array();
  if (!read) {
    result.unreadable = true;
    config["error"] = (unit.merged() ? failed_path + ": " : std::string()) + "cannot read: " + error;
  } else {
    config["has_gateway"] = report.has_gateway;
    docs.redact_with(report.redactor);
    findings = findings_json(report, options.baseline, result.codes);
    GatewayModel gateway;
    if (report.document && !report.document->fatal && build_gateway_model(*report.document, gateway)) {
      add_external_deployments(gateway, options.lint.context.external_deployments);
      providers = effective_providers(*report.document, gateway, report.redactor);
      models = model_references(gateway, report.redactor);
    }
  }
  config["counts"] = counts_of(findings);
  config["worst_severity"] = worst_severity(config["counts"]);
  config["providers"] = std::move(providers);
  config["models"] = std::move(models);
  config["findings"] = std::move(findings);
  return result;
}

UnitResult failed_unit(const ConfigUnit& unit, size_t index, const std::string& why) {
  UnitResult result;
  result.unreadable = true;
  result.config = {{"id", "config-" + std::to_string(index + 1)},
                   {"label", label_of(unit)},
                   {"files", unit.files},
                   {"merged", unit.merged()},
                   {"has_gateway", false},
                   {"error", why},
                   {"counts", counts_of(json::array())},
                   {"worst_severity", "none"},
                   {"providers", json::array()},
                   {"models", json::array()},
                   {"findings", json::array()}};
  return result;
}

int severity_rank(const std::string& severity) {
  return severity == "error" ? 0 : severity == "warning" ? 1 : severity == "info" ? 2 : 3;
}

// The ten worst findings of the run: errors first, new before known, then catalogue order.
json worst_findings(const json& configs) {
  std::vector<json> all;
  for (const json& config : configs) {
    for (const json& finding : config["findings"]) {
      json item = {{"config", config["id"]},          {"code", finding["code"]},        {"name", finding["name"]},
                   {"severity", finding["severity"]}, {"file", finding["file"]},        {"line", finding["line"]},
                   {"message", finding["message"]},   {"baseline", finding["baseline"]}};
      all.push_back(std::move(item));
    }
  }
  std::stable_sort(all.begin(), all.end(), [](const json& a, const json& b) {
    auto key = [](const json& f) {
      return std::make_tuple(severity_rank(f["severity"]), f["baseline"] == "known",
                             rule_index(f["code"].get<std::string>()));
    };
    return key(a) < key(b);
  });
  if (all.size() > 10) all.resize(10);
  return json(all);
}

}  // namespace

AuditOutcome run_audit(const AuditOptions& options) {
  std::vector<ConfigUnit> units = group_config_units(options.paths);
  AuditProgress progress;
  progress.configs_total = units.size();
  progress.scenarios_total = options.run_scenarios ? options.scenario_files.size() : 0;
  std::mutex progress_lock;
  auto report_progress = [&](auto update) {
    std::lock_guard<std::mutex> guard(progress_lock);
    update(progress);
    if (options.on_progress) options.on_progress(progress);
  };
  report_progress([](AuditProgress&) {});

  // Lint the units on `jobs` threads; results land in their unit's slot, so order is stable.
  std::vector<UnitResult> results(units.size());
  RuleDocs docs;
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i; (i = next++) < units.size();) {
      // An exception must not escape a worker thread (std::terminate): the config is reported
      // as unreadable with the reason instead.
      try {
        results[i] = audit_unit(units[i], i, options, docs);
      } catch (const std::exception& error) {
        results[i] = failed_unit(units[i], i, std::string("internal error: ") + error.what());
      }
      report_progress([](AuditProgress& p) { ++p.configs_done; });
    }
  };
  // The baseline counts what it has matched: one unit at a time keeps it consistent and the
  // known/new marks independent of thread timing.
  unsigned threads = options.baseline ? 1u : std::max(1u, std::min<unsigned>(options.jobs, units.size()));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& thread : pool) thread.join();

  AuditOutcome outcome;
  json configs = json::array();
  std::set<std::string> codes;
  for (UnitResult& result : results) {
    outcome.unreadable = outcome.unreadable || result.unreadable;
    codes.insert(result.codes.begin(), result.codes.end());
    for (const json& finding : result.config["findings"]) {
      if (finding["severity"] == "error" && finding["baseline"] == "new") ++outcome.new_errors;
    }
    configs.push_back(std::move(result.config));
  }

  json scenarios = json::array();
  size_t passed = 0, failed = 0, errored = 0;
  if (options.run_scenarios) {
    scenario::RunOptions run_options;
    auto on_done = [&](size_t done) { report_progress([done](AuditProgress& p) { p.scenarios_done = done; }); };
    for (const auto& result : scenario::run_files(options.scenario_files, run_options,
                                                  static_cast<int>(std::max(1u, options.jobs)), on_done)) {
      passed += result.status == scenario::ScenarioStatus::Passed;
      failed += result.status == scenario::ScenarioStatus::Failed;
      errored += result.status == scenario::ScenarioStatus::Error;
      scenarios.push_back(scenario_json(result));
    }
  }
  outcome.scenario_failures = failed > 0;
  outcome.scenario_errors = errored > 0;

  json totals = {{"errors", 0}, {"warnings", 0}, {"infos", 0}, {"new", 0}, {"known", 0}, {"fixable", 0}};
  size_t unreadable = 0;
  for (const json& config : configs) {
    for (auto& [key, value] : totals.items()) value = value.get<size_t>() + config["counts"][key].get<size_t>();
    unreadable += !config["error"].is_null();
  }
  bool fails = outcome.new_errors > 0 || outcome.unreadable || outcome.scenario_failures || outcome.scenario_errors;
  json summary = {{"status", fails ? "fail" : "pass"}, {"configs", configs.size()}, {"unreadable", unreadable}};
  for (auto& [key, value] : totals.items()) summary[key] = value;
  summary["new_errors"] = outcome.new_errors;
  summary["scenarios"] = {{"ran", options.run_scenarios},
                          {"total", scenarios.size()},
                          {"passed", passed},
                          {"failed", failed},
                          {"error", errored}};
  summary["worst"] = worst_findings(configs);

  outcome.report = {{"version", 1},
                    {"tool", {{"name", "gwlint"}, {"version", GWLINT_VERSION}}},
                    {"inputs", options.inputs},
                    {"summary", std::move(summary)},
                    {"configs", std::move(configs)},
                    {"scenarios", std::move(scenarios)},
                    {"rules", rules_json(codes, docs)}};
  return outcome;
}

}  // namespace gwlint::audit
