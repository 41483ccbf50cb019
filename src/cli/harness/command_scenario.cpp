// `gwlint scenario run`: scenario files → a mock per scenario, the client, checks, a report.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>

#include "cli/atomic_output.hpp"
#include "cli/commands.hpp"
#include "scenario/conformance.hpp"
#include "scenario/report.hpp"
#include "scenario/runner.hpp"
#include "scenario/scenario_loader.hpp"

namespace gwlint::cli {
namespace {

struct ScenarioArguments {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string output;
  std::string color = "auto";
  std::string clients;  // "builtin,ai-sdk,openai": run the library once per client
  std::string clients_dir = "clients";
  std::string client_command;  // a command line (split on spaces) overriding every scenario's client
  int client_timeout_ms = 60000;
  std::string conformance;  // write the conformance matrix here (needs --client builtin,...)
  std::string conformance_notes = "clients/conformance-notes.yaml";
  bool check = false;  // with --conformance: compare instead of writing
  double time_scale = 0.0;
  unsigned jobs = 1;
  bool verbose = false;
  bool quiet = false;
};

bool color_wanted(const std::string& mode, const std::string& output) {
  if (mode == "always") return true;
  if (mode == "never" || !output.empty()) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return ::isatty(STDOUT_FILENO) == 1;
}

std::vector<std::string> split_command(const std::string& line) {
  std::istringstream words(line);
  std::vector<std::string> argv;
  for (std::string word; words >> word;) argv.push_back(word);
  return argv;
}

// The conformance document: written (atomically) or, with --check, compared with the committed
// one. Passes when builtin passes every scenario and every disagreement is explained.
int write_conformance(const ScenarioArguments& args, const std::vector<scenario::NamedClient>& clients,
                      const std::vector<std::vector<scenario::ScenarioResult>>& per_client,
                      const scenario::ConformanceNotes& notes) {
  auto disagreements = scenario::find_disagreements(clients, per_client, notes);
  std::vector<std::string> names;
  for (const auto& client : clients) names.push_back(client.name);
  std::string command_line =
      fmt::format("gwlint scenario run {} --client {} --conformance {}",
                  fmt::join(args.paths.empty() ? std::vector<std::string>{"scenarios"} : args.paths, " "),
                  fmt::join(names, ","), args.conformance);
  std::string document = scenario::conformance_markdown(clients, per_client, disagreements, command_line);
  std::string error;
  if (args.check) {
    std::ifstream committed(args.conformance, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(committed)), std::istreambuf_iterator<char>());
    if (text != document) {
      std::cerr << fmt::format("gwlint scenario run: {} is out of date; regenerate it with `{}`\n", args.conformance,
                               command_line);
      return kExitFindings;
    }
  } else {
    AtomicOutput file(args.conformance);
    if (!file.ok()) {
      std::cerr << fmt::format("gwlint scenario run: cannot write {}\n", args.conformance);
      return kExitUsage;
    }
    file.stream() << document;
    if (!file.commit(error)) {
      std::cerr << fmt::format("gwlint scenario run: cannot write {}: {}\n", args.conformance, error);
      return kExitUsage;
    }
    std::cerr << fmt::format("gwlint scenario run: wrote {}\n", args.conformance);
  }
  int status = kExitOk;
  for (const auto& result : per_client.front()) {
    if (result.status != scenario::ScenarioStatus::Passed) {
      std::cerr << fmt::format("gwlint scenario run: builtin fails {}\n", result.path);
      status = kExitFindings;
    }
  }
  for (const auto& d : disagreements) {
    if (d.note) continue;
    std::cerr << fmt::format("gwlint scenario run: unexplained disagreement: {} on {} (add it to {})\n", d.client,
                             d.scenario, args.conformance_notes);
    status = kExitFindings;
  }
  return status;
}

int run_scenarios(const ScenarioArguments& args) {
  std::vector<std::string> paths = args.paths.empty() ? std::vector<std::string>{"scenarios"} : args.paths;
  std::string error;
  std::vector<std::string> files = scenario::find_scenario_files(paths, error);
  if (!error.empty()) {
    std::cerr << "gwlint scenario run: " << error << '\n';
    return kExitUsage;
  }
  if (files.empty()) {
    std::cerr << fmt::format("gwlint scenario run: no scenario files (YAML with `calls:`) in {}\n",
                             fmt::join(paths, ", "));
    return kExitUsage;
  }

  scenario::RunOptions options;
  options.time_scale = args.time_scale;
  // Which clients run the library: the scenarios' own, one override, or several in turn.
  std::vector<scenario::NamedClient> clients;
  if (!args.client_command.empty()) {
    scenario::NamedClient client;
    client.spec.kind = scenario::ClientSpec::Kind::Command;
    client.spec.command.argv = split_command(args.client_command);
    client.name = client.spec.command.argv.empty() ? "command" : client.spec.command.argv.front();
    client.spec.name = client.name;
    client.spec.timeout_ms = args.client_timeout_ms;
    clients.push_back(client);
  } else if (!args.clients.empty()) {
    if (!scenario::resolve_clients(args.clients, args.clients_dir, args.client_timeout_ms, clients, error)) {
      std::cerr << "gwlint scenario run: --client: " << error << '\n';
      return kExitUsage;
    }
  }
  if (!args.conformance.empty() && (clients.size() < 2 || clients.front().name != "builtin")) {
    std::cerr << "gwlint scenario run: --conformance compares clients with builtin: use --client builtin,OTHER,...\n";
    return kExitUsage;
  }
  scenario::ConformanceNotes notes;
  if (!args.conformance.empty() && !scenario::load_conformance_notes(args.conformance_notes, notes, error)) {
    std::cerr << "gwlint scenario run: " << error << '\n';
    return kExitUsage;
  }

  AtomicOutput output(args.output);
  if (!output.ok()) {
    std::cerr << fmt::format("gwlint scenario run: cannot write {}\n", args.output);
    return kExitUsage;
  }
  const size_t runs = files.size() * std::max<size_t>(1, clients.size());
  const bool progress = !args.quiet && runs > 1 && ::isatty(STDERR_FILENO) == 1;
  std::mutex progress_mutex;
  size_t finished_before = 0;  // runs of earlier clients
  auto on_done = [&](size_t done) {
    if (!progress) return;
    std::lock_guard<std::mutex> lock(progress_mutex);
    std::cerr << fmt::format("\rgwlint: {}/{} scenario runs", finished_before + done, runs) << std::flush;
  };
  auto started = std::chrono::steady_clock::now();
  std::vector<std::vector<scenario::ScenarioResult>> per_client;
  if (clients.empty()) {
    per_client.push_back(scenario::run_files(files, options, static_cast<int>(std::max(1u, args.jobs)), on_done));
  }
  for (const auto& client : clients) {
    options.client = client.spec;
    per_client.push_back(scenario::run_files(files, options, static_cast<int>(std::max(1u, args.jobs)), on_done));
    finished_before += files.size();
  }
  if (progress) std::cerr << "\r\x1b[K" << std::flush;
  double duration_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  std::vector<scenario::ScenarioResult> results;
  for (auto& group : per_client) results.insert(results.end(), group.begin(), group.end());
  auto summary = scenario::summarise(results, duration_ms);

  if (args.format == "json") {
    scenario::write_json(results, summary, output.stream());
  } else if (args.format == "junit") {
    scenario::write_junit(results, summary, output.stream());
  } else {
    scenario::write_text(results, summary, color_wanted(args.color, args.output), args.verbose, output.stream());
  }
  if (!output.commit(error)) {
    std::cerr << fmt::format("gwlint scenario run: cannot write the report: {}\n", error);
    return kExitUsage;
  }
  if (summary.errors > 0) return kExitUsage;
  if (!args.conformance.empty()) return write_conformance(args, clients, per_client, notes);
  return summary.failed > 0 ? kExitFindings : kExitOk;
}

}  // namespace

CommandRunner add_scenario_command(CLI::App& app) {
  auto args = std::make_shared<ScenarioArguments>();
  auto* scenario = app.add_subcommand("scenario", "Replay recorded Azure OpenAI exchanges against a client");
  scenario->require_subcommand(1);
  auto* run = scenario->add_subcommand("run", "Run scenario files (default: scenarios/)");
  run->add_option("paths", args->paths, "scenario files or directories (YAML files with `calls:`)");
  run->add_option("--format", args->format, "report format: text, json, junit")
      ->check(CLI::IsMember({"text", "json", "junit"}));
  run->add_option("-o,--output", args->output, "write the report to FILE (atomically) instead of stdout");
  run->add_option("-j,--jobs", args->jobs, "scenarios run in parallel, each on its own mock (default 1)");
  run->add_option("--time-scale", args->time_scale,
                  "multiply recorded SSE gaps: 0 replays without waiting (default), 1 as recorded")
      ->check(CLI::Range(0.0, 100.0));
  auto* client = run->add_option("--client", args->clients,
                                 "run the library with each of these clients in turn, comma separated: builtin, a "
                                 "folder name under --clients-dir (run.mjs or run), or NAME=program args");
  run->add_option("--clients-dir", args->clients_dir, "where named clients live (default: clients)");
  run->add_option("--client-command", args->client_command,
                  "run every scenario with this program (command protocol, SCENARIOS.md §3)")
      ->excludes(client);
  run->add_option("--client-timeout-ms", args->client_timeout_ms,
                  "kill a command client's process group after this long per call (default 60000)")
      ->check(CLI::Range(1, 3600000));
  run->add_option("--conformance", args->conformance,
                  "write the conformance matrix (scenario x client, request differences) to FILE; "
                  "needs --client builtin,...");
  run->add_option("--conformance-notes", args->conformance_notes,
                  "explanations of known disagreements (default: clients/conformance-notes.yaml)");
  run->add_flag("--check", args->check, "with --conformance: fail when FILE is not what this run generates");
  run->add_flag("-v,--verbose", args->verbose, "show every check and request, also for passing scenarios");
  run->add_flag("-q,--quiet", args->quiet, "no progress on stderr");
  run->add_option("--color", args->color, "colour: auto (TTY and no NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  return [args] { return run_scenarios(*args); };
}

}  // namespace gwlint::cli
