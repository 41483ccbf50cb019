// `gwlint audit [PATHS...] --out DIR`: lint every config (Backstage layers merged), run scenarios
// when asked, and write DIR/report.html, report.md and report.json (PRODUCT.md §2). The work is
// in src/audit; this file turns options into an AuditOptions and results into files and an exit
// code (as lint: 0 clean, 1 errors or failed scenarios, 2 usage, unreadable input or harness error).
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <thread>

#include "audit/auditor.hpp"
#include "audit/progress_bar.hpp"
#include "audit/report_files.hpp"
#include "cli/atomic_output.hpp"
#include "cli/commands.hpp"
#include "cli/input_paths.hpp"
#include "cli/project_config.hpp"
#include "lint/inventory_file.hpp"
#include "scenario/scenario_loader.hpp"

namespace gwlint::cli {

namespace {

struct AuditArguments {
  std::vector<std::string> paths;
  std::string out;
  std::string deployments;
  std::string scenarios;
  std::string baseline;
  std::string today;
  bool quiet = false;
  bool no_project_config = false;
  unsigned jobs = 0;
};

std::string date_text(const CivilDate& date) {
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

nlohmann::ordered_json or_null(const std::string& text) {
  return text.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(text);
}

// All three files are rendered before any is written, and each is renamed into place whole.
bool write_reports(const std::string& folder, const audit::RenderedReport& rendered) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) {
    std::cerr << fmt::format("gwlint audit: cannot create {}: {}\n", folder, ec.message());
    return false;
  }
  const std::pair<const char*, const std::string*> files[] = {
      {"report.json", &rendered.json}, {"report.md", &rendered.markdown}, {"report.html", &rendered.html}};
  for (const auto& [name, content] : files) {
    std::string path = (std::filesystem::path(folder) / name).string();
    AtomicOutput output(path);
    std::string error;
    if (!output.ok() || !(output.stream() << *content) || !output.commit(error)) {
      std::cerr << fmt::format("gwlint audit: cannot write {}{}\n", path, error.empty() ? "" : ": " + error);
      return false;
    }
  }
  return true;
}

int run_audit_command(const AuditArguments& given) {
  AuditArguments args = given;
  audit::AuditOptions options;
  PathFilter filter;
  if (!apply_project_config("audit", args.no_project_config, options.lint, filter, args.deployments, args.baseline,
                            true)) {
    return kExitUsage;
  }
  if (!args.today.empty() && !parse_civil_date(args.today, options.lint.context.today)) {
    std::cerr << fmt::format("gwlint audit: --today expects a date YYYY-MM-DD, got '{}'\n", args.today);
    return kExitUsage;
  }
  if (!args.deployments.empty()) {
    std::string error;
    if (!load_inventory_file(args.deployments, options.lint.context.external_deployments, error)) {
      std::cerr << "gwlint audit: " << error << '\n';
      return kExitUsage;
    }
  }
  Baseline baseline;
  if (!args.baseline.empty()) {
    std::string error;
    if (!Baseline::load(args.baseline, baseline, error)) {
      std::cerr << "gwlint audit: " << error << '\n';
      return kExitUsage;
    }
    options.baseline = &baseline;
  }
  if (!args.scenarios.empty()) {
    std::string error;
    options.scenario_files = scenario::find_scenario_files({args.scenarios}, error);
    if (!error.empty()) {
      std::cerr << "gwlint audit: " << error << '\n';
      return kExitUsage;
    }
    options.run_scenarios = true;
  }
  options.paths = expand_input_paths(args.paths.empty() ? std::vector<std::string>{"."} : args.paths, filter);
  options.jobs = args.jobs ? args.jobs : std::max(1u, std::thread::hardware_concurrency());
  options.inputs = {{"paths", args.paths.empty() ? std::vector<std::string>{"."} : args.paths},
                    {"out", args.out},
                    {"deployments", or_null(args.deployments)},
                    {"scenarios", or_null(args.scenarios)},
                    {"baseline", or_null(args.baseline)},
                    {"today", date_text(options.lint.context.today)}};

  // Progress only for a person at a terminal: CI logs and pipes stay clean.
  audit::ProgressBar bar(std::cerr);
  if (!args.quiet && ::isatty(STDERR_FILENO) == 1) {
    options.on_progress = [&bar](const audit::AuditProgress& progress) { bar.update(progress); };
  }
  audit::AuditOutcome outcome = audit::run_audit(options);
  bar.finish();

  for (const auto& config : outcome.report["configs"]) {
    if (!config["error"].is_null()) std::cerr << "gwlint audit: " << config["error"].get<std::string>() << '\n';
  }
  if (!write_reports(args.out, audit::render_report(outcome.report))) return kExitUsage;
  if (!args.quiet) {
    const auto& summary = outcome.report["summary"];
    std::string scenarios;
    if (options.run_scenarios) {
      scenarios = fmt::format("; scenarios {}/{} passed", summary["scenarios"]["passed"].get<size_t>(),
                              summary["scenarios"]["total"].get<size_t>());
    }
    std::cout << fmt::format(
        "gwlint audit: {} errors, {} warnings, {} infos in {} configs{}; wrote {}/report.html, "
        "report.md, report.json\n",
        summary["errors"].get<size_t>(), summary["warnings"].get<size_t>(), summary["infos"].get<size_t>(),
        summary["configs"].get<size_t>(), scenarios, args.out);
  }
  if (outcome.unreadable || outcome.scenario_errors) return kExitUsage;
  if (outcome.new_errors > 0 || outcome.scenario_failures) return kExitFindings;
  return kExitOk;
}

}  // namespace

CommandRunner add_audit_command(CLI::App& app) {
  auto args = std::make_shared<AuditArguments>();
  auto* command = app.add_subcommand(
      "audit",
      "Write an audit report (HTML, Markdown, JSON): effective configuration, model references, findings, "
      "scenario results");
  command->add_option("paths", args->paths,
                      "config files or directories (searched as `lint` does); Backstage layers in one folder "
                      "(app-config.yaml + app-config.*.yaml) are audited merged");
  command->add_option("-o,--out", args->out, "folder for report.html, report.md and report.json (created)")->required();
  command->add_option("--deployments", args->deployments,
                      "deployment inventory FILE: gwlint's map or `az cognitiveservices account deployment list` JSON");
  command->add_option("--scenarios", args->scenarios, "run the scenarios in DIR and add their results");
  command->add_option("--baseline", args->baseline, "mark findings this baseline FILE already knows as known");
  command->add_option("--today", args->today, "date for api-version retirement checks (YYYY-MM-DD; default: today)");
  command->add_flag("-q,--quiet", args->quiet, "no progress bar and no summary line");
  command->add_flag("--no-project-config", args->no_project_config,
                    "ignore .gwlint.yaml (otherwise found from the working directory upwards)");
  command->add_option("-j,--jobs", args->jobs, "configs and scenarios processed in parallel (default: cores)");
  return [args]() { return run_audit_command(*args); };
}

}  // namespace gwlint::cli
