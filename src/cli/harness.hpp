#pragma once
// Loading the scenario harness module (libgwlint-harness.so) on demand; see harness/harness_entry.cpp.
#include <string>
#include <utility>
#include <vector>

#include "cli/commands.hpp"

namespace gwlint::cli {

using HarnessCommands = std::vector<std::pair<CLI::App*, CommandRunner>>;

// True for the subcommands the module provides.
bool is_harness_command(const std::string& name);

// Loads the module (once) and adds its subcommands to `app`. False with `error` when the module
// is not installed beside the executable.
bool add_harness_commands(CLI::App& app, HarnessCommands& out, std::string& error);

}  // namespace gwlint::cli
