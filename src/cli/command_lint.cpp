// `gwlint lint [PATHS...]`: validate and run every rule; text or JSON; exit 0/1/2.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "cli/atomic_output.hpp"
#include "cli/commands.hpp"
#include "cli/fix_mode.hpp"
#include "cli/input_paths.hpp"
#include "cli/project_config.hpp"
#include "lint/baseline.hpp"
#include "lint/batch.hpp"
#include "lint/inventory_file.hpp"
#include "lint/rule.hpp"
#include "report/reporter.hpp"

namespace gwlint::cli {

namespace {

struct LintArguments {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  std::string fail_on = "error";
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::vector<std::string> severity;
  std::string today;
  std::string color = "auto";
  bool check_env = false;
  std::string deployments;     // --deployments FILE: the inventory (gwlint map or az CLI JSON)
  std::string baseline;        // --baseline FILE: report only findings absent from it
  std::string write_baseline;  // --write-baseline FILE: accept every current finding
  bool fix = false;
  bool diff = false;
  bool merge = false;              // --merge: the paths are layers of one configuration (base first)
  bool no_project_config = false;  // --no-project-config: ignore .gwlint.yaml
  unsigned jobs = 0;
};

bool use_color(const std::string& mode, const std::string& output) {
  if (mode == "always") return true;
  if (mode == "never" || !output.empty()) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

// Checks every rule selector and --severity entry against the registry; false on a typo.
bool build_policy(const LintArguments& args, RulePolicy& policy) {
  const auto& rules = RuleRegistry::instance().rules();
  auto known = [&](const std::string& selector) {
    for (const Rule* rule : rules) {
      if (selector_matches(selector, rule->info().code, rule->info().name)) return true;
    }
    std::cerr << fmt::format("gwlint lint: unknown rule '{}'; `gwlint rules` lists them all\n", selector);
    return false;
  };
  for (const auto& s : args.select) {
    if (!known(s)) return false;
    policy.select.push_back(s);
  }
  for (const auto& s : args.ignore) {
    if (!known(s)) return false;
    policy.ignore.push_back(s);
  }
  for (const auto& entry : args.severity) {
    auto eq = entry.find('=');
    std::optional<Severity> level = eq == std::string::npos ? std::nullopt : parse_severity(entry.substr(eq + 1));
    if (!level) {
      std::cerr << fmt::format("gwlint lint: --severity expects CODE=off|info|warning|error, got '{}'\n", entry);
      return false;
    }
    std::string name = entry.substr(0, eq);
    const Rule* rule = RuleRegistry::instance().find(name);
    if (!rule) {
      std::cerr << fmt::format("gwlint lint: unknown rule '{}' in --severity\n", name);
      return false;
    }
    policy.severity[std::string(rule->info().code)] = *level;
  }
  return true;
}

bool fails(const RunSummary& summary, const std::string& fail_on) {
  if (fail_on == "never") return false;
  if (fail_on == "info") return summary.errors + summary.warnings + summary.infos > 0;
  if (fail_on == "warning") return summary.errors + summary.warnings > 0;
  return summary.errors > 0;
}

// One report for the merged view of all layers; an unreadable layer is an error like any file.
void lint_merged(const std::vector<std::string>& paths, const LintOptions& options, const ReportConsumer& consume) {
  if (paths.empty()) return;
  FileReport report;
  std::string failed_path, error;
  if (!lint_layers(paths, options, report, failed_path, error)) return consume(failed_path, nullptr, &error);
  consume(report.path, &report, nullptr);
}

int run_lint(const LintArguments& given) {
  LintArguments args = given;
  LintOptions options;
  if (!build_policy(args, options.policy)) return kExitUsage;
  PathFilter filter;
  if (!apply_project_config("lint", args.no_project_config, options, filter, args.deployments, args.baseline,
                            args.write_baseline.empty())) {
    return kExitUsage;
  }
  if (!args.today.empty() && !parse_civil_date(args.today, options.context.today)) {
    std::cerr << fmt::format("gwlint lint: --today expects a date YYYY-MM-DD, got '{}'\n", args.today);
    return kExitUsage;
  }
  options.context.check_env = args.check_env;
  if (!args.deployments.empty()) {
    std::string error;
    if (!load_inventory_file(args.deployments, options.context.external_deployments, error)) {
      std::cerr << "gwlint lint: " << error << '\n';
      return kExitUsage;
    }
  }

  std::vector<std::string> paths =
      expand_input_paths(args.paths.empty() ? std::vector<std::string>{"."} : args.paths, filter);
  if (args.merge && (args.fix || args.diff)) {
    std::cerr << "gwlint lint: --fix and --diff work on single files, not on a --merge view\n";
    return kExitUsage;
  }
  if (args.fix && std::find(paths.begin(), paths.end(), "-") != paths.end()) {
    std::cerr << "gwlint lint: --fix needs files; use --diff with stdin\n";
    return kExitUsage;
  }
  AtomicOutput output(args.output);
  if (!output.ok()) {
    std::cerr << fmt::format("gwlint lint: cannot write {}\n", args.output);
    return kExitUsage;
  }
  unsigned jobs = args.jobs ? args.jobs : std::max(1u, std::thread::hardware_concurrency());
  if (args.diff) {
    int code = run_diff(paths, options, jobs, output.stream());
    std::string error;
    if (!output.commit(error)) {
      std::cerr << fmt::format("gwlint lint: cannot write the report: {}\n", error);
      return kExitUsage;
    }
    return code;
  }
  Baseline baseline;
  if (!args.baseline.empty()) {
    std::string error;
    if (!Baseline::load(args.baseline, baseline, error)) {
      std::cerr << "gwlint lint: " << error << '\n';
      return kExitUsage;
    }
  }
  Baseline written(args.write_baseline);
  std::vector<std::string> linted;
  FixSession fixer(options);
  auto reporter = make_reporter(args.format, output.stream(), {use_color(args.color, args.output), &options.policy});
  if (!reporter) {
    std::cerr << fmt::format("gwlint lint: unknown format '{}' (known: {})\n", args.format, reporter_formats());
    return kExitUsage;
  }

  RunSummary summary;
  bool unreadable = false;
  reporter->begin();
  // Progress for long runs on a terminal only: CI logs and pipes stay clean.
  const bool show_progress = paths.size() >= 500 && ::isatty(STDERR_FILENO) == 1;
  size_t done = 0;
  auto last_progress = std::chrono::steady_clock::now();
  auto progress = [&](bool final) {
    if (!show_progress) return;
    auto now = std::chrono::steady_clock::now();
    if (!final && now - last_progress < std::chrono::milliseconds(200)) return;
    last_progress = now;
    std::cerr << (final ? "\r\x1b[K" : fmt::format("\rgwlint: {}/{} files", done, paths.size())) << std::flush;
  };
  auto consume = [&](const std::string& path, FileReport* report, const std::string* error) {
    ++done;
    progress(false);
    if (error) {
      std::cerr << fmt::format("{}: error: cannot read: {}\n", path, *error);
      unreadable = true;
      return;
    }
    if (args.fix && !fixer.fix(*report)) unreadable = true;
    linted.push_back(report->path);
    if (!args.write_baseline.empty()) written.add(report->findings);
    if (!args.baseline.empty()) baseline.filter(report->findings);
    summary.count(*report);
    reporter->file(*report);
  };
  if (args.merge) {
    lint_merged(paths, options, consume);
  } else {
    lint_files(paths, options, jobs, consume);
  }
  progress(true);
  reporter->end(summary);
  if (args.fix) fixer.print_summary(std::cerr);
  if (!args.baseline.empty()) {
    if (size_t stale = baseline.stale_count(linted)) {
      std::cerr << fmt::format(
          "gwlint lint: {} baseline entries in {} matched nothing (fixed since?); rewrite it "
          "with --write-baseline\n",
          stale, args.baseline);
    }
  }
  std::string error;
  if (!output.commit(error)) {
    std::cerr << fmt::format("gwlint lint: cannot write the report: {}\n", error);
    return kExitUsage;
  }
  if (unreadable) return kExitUsage;
  if (!args.write_baseline.empty()) {
    // Writing a baseline accepts every current finding: the run succeeds.
    if (!written.write(error)) {
      std::cerr << "gwlint lint: " << error << '\n';
      return kExitUsage;
    }
    std::cerr << fmt::format("gwlint lint: wrote {} findings to the baseline {}\n", written.size(),
                             args.write_baseline);
    return kExitOk;
  }
  return fails(summary, args.fail_on) ? kExitFindings : kExitOk;
}

}  // namespace

CommandRunner add_lint_command(CLI::App& app) {
  auto args = std::make_shared<LintArguments>();
  auto* command = app.add_subcommand("lint", "Validate gateway config files and run every rule");
  command->add_option(
      "paths", args->paths,
      "files, directories (searched for app-config*.yaml and *.gateway.{yaml,yml,json}) or - for stdin");
  command->add_option("--format", args->format, "output format: text, json, sarif, junit, github, markdown")
      ->check(CLI::IsMember({"text", "json", "sarif", "junit", "github", "markdown"}));
  command->add_option("-o,--output", args->output, "write the report to FILE (atomically) instead of stdout");
  command->add_option("--fail-on", args->fail_on, "lowest severity that makes the exit code 1")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}));
  command->add_option("--select", args->select, "only these rules (codes, names or code prefixes, comma separated)")
      ->delimiter(',')
      ->allow_extra_args(false);
  command->add_option("--ignore", args->ignore, "skip these rules (codes, names or code prefixes)")
      ->delimiter(',')
      ->allow_extra_args(false);
  command->add_option("--severity", args->severity, "override a rule's severity: CODE=off|info|warning|error")
      ->delimiter(',')
      ->allow_extra_args(false);
  command->add_option("--today", args->today, "date for api-version retirement checks (YYYY-MM-DD; default: today)");
  command->add_flag("--check-env", args->check_env, "report ${VAR} references whose variable is unset (ENV501)");
  command->add_option("--deployments", args->deployments,
                      "deployment inventory FILE: gwlint's map or `az cognitiveservices account deployment list` JSON");
  command->add_option("--baseline", args->baseline, "report only findings absent from this baseline FILE");
  command->add_option("--write-baseline", args->write_baseline,
                      "write every current finding to FILE as the accepted baseline (exit 0)");
  command->add_option("--color", args->color, "colour in text output: auto (TTY and no NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  auto* fix = command->add_flag("--fix", args->fix, "apply safe fixes in place, then report what remains");
  command->add_flag("--diff", args->diff, "print what --fix would change as a unified diff; change nothing")
      ->excludes(fix);
  command->add_flag("--merge", args->merge,
                    "lint the files as layers of one configuration, merged as Backstage merges its config layers "
                    "(later wins, mappings merge deeply, lists are replaced)");
  command->add_flag("--no-project-config", args->no_project_config,
                    "ignore .gwlint.yaml (otherwise found from the working directory upwards)");
  command->add_option("-j,--jobs", args->jobs, "files linted in parallel (default: number of cores)");
  return [args]() { return run_lint(*args); };
}

}  // namespace gwlint::cli
