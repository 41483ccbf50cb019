#include "scenario/runner.hpp"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "config/loader.hpp"
#include "lint/linter.hpp"
#include "scenario/expectations.hpp"
#include "scenario/scenario_loader.hpp"

namespace gwlint::scenario {
namespace {

using Clock = std::chrono::steady_clock;

// Time a command client gets beyond the scenario's own deadline to start up and print its result.
constexpr int kCommandStartGraceMs = 10000;

double elapsed_ms(Clock::time_point since) {
  return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

// What `gwlint lint` says about the config under test, so a scenario shows the rule next to
// the failure Azure gives. An inline config is linted as the mapping under `config:`.
std::vector<std::string> lint_config(const Scenario& scenario) {
  std::vector<std::string> lines;
  LintOptions options;
  FileReport report;
  std::string error;
  if (!scenario.config_path.empty()) {
    if (!lint_path(scenario.config_path, options, report, error)) return lines;
  } else {
    LoadLimits limits;
    ReadResult read = read_input(scenario.path, limits.max_bytes);
    if (read.error || read.too_large) return lines;
    auto document = load_text_as(scenario.path, std::move(read), limits);
    const Node* config = document->root ? document->root->find("config") : nullptr;
    if (!config || !config->is_mapping()) return lines;
    auto view = std::make_unique<Document>();
    view->root = config;
    view->adopt_layer(std::move(document));
    report = lint_document(std::move(view), options);
  }
  for (const auto& finding : report.findings) {
    if (finding.severity != Severity::Error && finding.severity != Severity::Warning) continue;
    auto position = finding.span.begin_position();
    lines.push_back(
        fmt::format("{} {}:{}:{} {}", finding.code, finding.file(), position.line, position.column, finding.message));
  }
  return lines;
}

client::ClientResult run_call(const Scenario& scenario, const ClientSpec& client, bool client_swapped,
                              const client::AzureEndpoint& endpoint, const std::string& deployment,
                              const client::Call& call, const std::string& mock_url) {
  if (client.kind == ClientSpec::Kind::Command) {
    client::CommandSpec spec = client.command;
    spec.timeout_ms = client.timeout_ms;
    // A deadline the scenario wrote (a stall scenario's 800 ms) is the client's to enforce; the
    // kill comes later, leaving room for the program to start and report.
    if (client_swapped && scenario.client.timeout_written) {
      spec.call_timeout_ms = scenario.client.timeout_ms;
      spec.timeout_ms = std::max(spec.timeout_ms, scenario.client.timeout_ms + kCommandStartGraceMs);
    }
    return client::run_command(spec, endpoint, deployment, call, mock_url);
  }
  client::BuiltinOptions options;
  options.mock_url = mock_url;
  options.max_attempts = client.max_attempts;
  options.timeout_ms = client.timeout_ms;
  // Limits the scenario wrote hold whichever client runs it.
  if (client_swapped && scenario.client.timeout_written) options.timeout_ms = scenario.client.timeout_ms;
  if (client_swapped && scenario.client.max_attempts_written) options.max_attempts = scenario.client.max_attempts;
  return client::run_builtin(endpoint, deployment, call, options);
}

}  // namespace

const char* status_name(ScenarioStatus status) {
  switch (status) {
    case ScenarioStatus::Passed:
      return "passed";
    case ScenarioStatus::Failed:
      return "failed";
    case ScenarioStatus::Error:
      return "error";
  }
  return "error";
}

ScenarioResult run_scenario(const Scenario& scenario, const RunOptions& options) {
  auto started = Clock::now();
  const ClientSpec& client = options.client ? *options.client : scenario.client;
  ScenarioResult run;
  run.path = scenario.path;
  run.name = scenario.name;
  run.description = scenario.description;
  run.client = client.name;
  run.lint_findings = lint_config(scenario);

  mock::MockOptions mock_options;
  mock_options.time_scale = options.time_scale;
  mock::MatchRules match = scenario.match;
  // An outside client connects to the mock by its own address and cannot send the real Host;
  // only the builtin client checks it.
  if (client.kind == ClientSpec::Kind::Command) match.ignore_headers.push_back("host");
  mock::MockServer mock(scenario.recording, match, scenario.faults, mock_options);
  try {
    mock.start();
  } catch (const std::exception& error) {
    run.error = fmt::format("the mock did not start: {}", error.what());
    run.duration_ms = elapsed_ms(started);
    return run;
  }

  for (const auto& call_spec : scenario.calls) {
    client::ResolveResult resolved = client::resolve_call(*scenario.config, call_spec.call, scenario.env);
    if (!resolved.endpoint) {
      run.error =
          fmt::format("{}: the config gives no Azure endpoint for this call: {}", call_spec.location, resolved.error);
      break;
    }
    CallRun call_run;
    call_run.spec = call_spec;
    call_run.url = resolved.endpoint->url_for(call_spec.call.op, resolved.deployment);
    auto call_started = Clock::now();
    size_t requests_before = mock.journal().size();
    call_run.result = run_call(scenario, client, options.client.has_value(), *resolved.endpoint, resolved.deployment,
                               call_spec.call, mock.url());
    call_run.duration_ms = elapsed_ms(call_started);
    // A client that does not count its attempts (most command clients) is measured by the mock.
    if (call_run.result.attempts == 0) {
      call_run.result.attempts = static_cast<int>(mock.journal().size() - requests_before);
    }
    run.calls.push_back(std::move(call_run));
  }
  mock.stop();
  run.journal = mock.journal();
  run.usage = mock.usage();

  if (run.error.empty()) {
    for (size_t i = 0; i < run.calls.size(); ++i) {
      const auto& call = run.calls[i];
      if (call.spec.expect) check_call(*call.spec.expect, call.result, fmt::format("calls[{}].", i), run.checks);
    }
    if (!run.calls.empty()) check_call(scenario.expect, run.calls.back().result, "", run.checks);
    check_all_matched(run.journal, run.checks);
    check_run(scenario.expect, run, run.checks);
    bool passed = std::all_of(run.checks.begin(), run.checks.end(), [](const Check& check) { return check.passed; });
    run.status = passed ? ScenarioStatus::Passed : ScenarioStatus::Failed;
  }
  run.duration_ms = elapsed_ms(started);
  return run;
}

ScenarioResult invalid_scenario(const std::string& path, const std::vector<recording::Problem>& problems) {
  ScenarioResult run;
  run.path = path;
  run.name = path;
  run.status = ScenarioStatus::Error;
  for (const auto& problem : problems) {
    if (!run.error.empty()) run.error += '\n';
    run.error += fmt::format("{}: {}", problem.location.empty() ? path : problem.location, problem.message);
  }
  return run;
}

std::vector<ScenarioResult> run_files(const std::vector<std::string>& files, const RunOptions& options, int jobs,
                                      const std::function<void(size_t)>& on_done) {
  std::vector<ScenarioResult> results(files.size());
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  auto worker = [&] {
    for (size_t i = next++; i < files.size(); i = next++) {
      try {
        LoadResult loaded = load_scenario_file(files[i]);
        results[i] =
            loaded.scenario ? run_scenario(*loaded.scenario, options) : invalid_scenario(files[i], loaded.problems);
      } catch (const std::exception& error) {
        results[i] = invalid_scenario(files[i], {{files[i], fmt::format("harness error: {}", error.what())}});
      }
      size_t finished = ++done;
      if (on_done) on_done(finished);
    }
  };
  size_t workers = std::max<size_t>(1, std::min<size_t>(static_cast<size_t>(std::max(jobs, 1)), files.size()));
  std::vector<std::thread> threads;
  for (size_t i = 1; i < workers; ++i) threads.emplace_back(worker);
  worker();
  for (auto& thread : threads) thread.join();
  return results;
}

}  // namespace gwlint::scenario
