// The entry point of libgwlint-harness.so: the commands that need HTTP, TLS and process control
// (scenario, mock, record, audit). They live in a module `gwlint` loads with dlopen only when one
// of them runs, so `gwlint lint` (the pre-commit path) starts without cpp-httplib, OpenSSL, zlib,
// brotli and Boost.Filesystem: their relocations and OpenSSL's initialisation cost more than a
// whole one-file lint (docs/benchmarks.md). Core symbols resolve against the executable.
#include "cli/commands.hpp"
#include "cli/harness.hpp"

extern "C" void gwlint_add_harness_commands(CLI::App* app, gwlint::cli::HarnessCommands* out) {
  using namespace gwlint::cli;
  auto add = [&](CommandRunner runner) { out->emplace_back(app->get_subcommands({}).back(), std::move(runner)); };
  add(add_scenario_command(*app));
  add(add_mock_command(*app));
  add(add_record_command(*app));
  add(add_audit_command(*app));
}
