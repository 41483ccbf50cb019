// gwlint: thin main; each subcommand lives in its own command_*.cpp.
#include <fmt/format.h>

#include <iostream>
#include <map>

#include "cli/commands.hpp"
#include "cli/harness.hpp"

int main(int argc, char** argv) {
  using namespace gwlint::cli;
  CLI::App app{"gwlint: lint AI Gateway configuration (Spotify Portal for Backstage) before it ships"};
  app.set_version_flag("--version", std::string("gwlint ") + GWLINT_VERSION);
  app.require_subcommand(1);
  app.failure_message(CLI::FailureMessage::help);

  std::map<CLI::App*, CommandRunner> runners;
  auto add = [&](CommandRunner runner) { runners[app.get_subcommands({}).back()] = std::move(runner); };
  add(add_lint_command(app));
  add(add_rules_command(app));
  add(add_explain_command(app));
  add(add_init_command(app));
  add(add_import_command(app));

  // The harness commands come from a module loaded only when one of them runs (or for the full
  // --help), so linting never pays for HTTP and TLS libraries (cli/harness.hpp).
  std::string first_word = argc > 1 ? argv[1] : "";
  bool wants_harness =
      is_harness_command(first_word) || first_word.empty() || first_word == "-h" || first_word == "--help";
  if (wants_harness) {
    HarnessCommands harness;
    std::string error;
    if (add_harness_commands(app, harness, error)) {
      for (auto& [command, runner] : harness) runners[command] = std::move(runner);
    } else if (is_harness_command(first_word)) {
      std::cerr << fmt::format("gwlint: `{}` needs the scenario harness module: {}\n", first_word, error);
      return kExitUsage;
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& success) {
    return app.exit(success);  // --help, --version
  } catch (const CLI::ParseError& error) {
    app.exit(error);
    return kExitUsage;
  }
  try {
    for (auto& [command, runner] : runners) {
      if (command->parsed()) return runner();
    }
  } catch (const std::exception& error) {
    std::cerr << "gwlint: internal error: " << error.what() << '\n';
    return kExitUsage;
  }
  return kExitUsage;
}
