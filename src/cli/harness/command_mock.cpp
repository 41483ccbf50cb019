// `gwlint mock serve`: replay a recording over HTTP until SIGINT/SIGTERM (SCENARIOS.md §4).
// The first line on stdout is the URL, so scripts can start it and read where it listens.
#include <fmt/format.h>
#include <pthread.h>

#include <csignal>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "mock/json_diff.hpp"
#include "mock/mock_server.hpp"
#include "recording/recording_io.hpp"

namespace gwlint::cli {

namespace {

struct MockServeArguments {
  std::string recording;
  int port = 0;
  std::string host = "127.0.0.1";
  double time_scale = 0.0;
  std::vector<std::string> ignore_headers;
  std::vector<std::string> ignore_json;
};

int run_mock_serve(const MockServeArguments& args) {
  auto loaded = recording::load_recording_file(args.recording);
  if (!loaded.ok()) {
    for (const auto& problem : loaded.problems) std::cerr << problem.location << ": " << problem.message << '\n';
    if (loaded.problems.empty()) std::cerr << args.recording << ": the recording could not be loaded\n";
    return kExitUsage;
  }
  for (const auto& pointer : args.ignore_json) {
    if (!mock::parse_json_pointer(pointer)) {
      std::cerr << fmt::format("gwlint mock serve: --ignore-json '{}' is not a JSON pointer (RFC 6901: '/a/b')\n",
                               pointer);
      return kExitUsage;
    }
  }

  // Block the stop signals before any server thread exists: every thread inherits the mask, so
  // only sigwait() below receives them. No handler runs, so nothing async-signal-unsafe can.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  sigset_t previous;
  pthread_sigmask(SIG_BLOCK, &stop_signals, &previous);
  std::signal(SIGPIPE, SIG_IGN);  // a client gone mid-response must not end the mock

  mock::MatchRules rules;
  rules.ignore_headers = args.ignore_headers;
  rules.ignore_json = args.ignore_json;
  mock::MockOptions options;
  options.host = args.host;
  options.port = args.port;
  options.time_scale = args.time_scale;
  std::size_t exchanges = loaded.recording->exchanges.size();
  mock::MockServer server(std::move(*loaded.recording), rules, {}, options);
  try {
    server.start();
  } catch (const std::exception& error) {
    std::cerr << "gwlint mock serve: " << error.what() << '\n';
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return kExitUsage;
  }
  std::cout << server.url() << std::endl;  // endl: scripts wait for this line
  std::cerr << fmt::format(
      "gwlint mock serve: {} exchange(s) from {}; journal at {}/__gwlint/journal; "
      "stop with Ctrl-C or SIGTERM\n",
      exchanges, args.recording, server.url());

  int received = 0;
  while (sigwait(&stop_signals, &received) != 0) {
  }
  server.stop();
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  return kExitOk;
}

}  // namespace

CommandRunner add_mock_command(CLI::App& app) {
  auto* mock = app.add_subcommand("mock", "Serve recorded Azure OpenAI exchanges over HTTP (the scenario mock)");
  mock->require_subcommand(1);
  auto args = std::make_shared<MockServeArguments>();
  auto* serve = mock->add_subcommand(
      "serve", "Replay a recording on http://HOST:PORT until SIGINT/SIGTERM; prints the URL as the first line");
  serve->add_option("--recording", args->recording, "the recording to serve (YAML or JSON)")->required();
  serve->add_option("--port", args->port, "port to listen on (0: any free port)")->check(CLI::Range(0, 65535));
  serve->add_option("--host", args->host, "address to listen on (default 127.0.0.1; others only when given)");
  serve->add_option("--time-scale", args->time_scale, "multiplies recorded SSE gaps (0: no waiting, 1: real time)")
      ->check(CLI::NonNegativeNumber);
  serve->add_option("--ignore-header", args->ignore_headers, "header name or glob never compared (repeatable)");
  serve->add_option("--ignore-json", args->ignore_json, "JSON pointer skipped in request bodies (repeatable)");
  return [args, serve]() { return serve->parsed() ? run_mock_serve(*args) : kExitUsage; };
}

}  // namespace gwlint::cli
