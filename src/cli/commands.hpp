#pragma once
// One function per subcommand: each adds its options to the parser and returns a runner.
#include <CLI/CLI.hpp>
#include <functional>

namespace gwlint::cli {

// Exit codes (PRODUCT.md §5).
constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;

using CommandRunner = std::function<int()>;

CommandRunner add_lint_command(CLI::App& app);
CommandRunner add_rules_command(CLI::App& app);
CommandRunner add_explain_command(CLI::App& app);
CommandRunner add_init_command(CLI::App& app);
CommandRunner add_scenario_command(CLI::App& app);
CommandRunner add_mock_command(CLI::App& app);
CommandRunner add_import_command(CLI::App& app);
CommandRunner add_record_command(CLI::App& app);
CommandRunner add_audit_command(CLI::App& app);

}  // namespace gwlint::cli
