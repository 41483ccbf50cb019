#pragma once
// The work of `gwlint import` (src/cli/command_import.cpp only parses options and calls this),
// kept here so it is unit-tested without the whole CLI.
#include <ostream>
#include <string>
#include <string_view>

#include "recording/importer.hpp"

namespace gwlint::recording {

struct ImportOptions {
  std::string input;
  std::string output;   // "-" writes to `out`
  std::string format;   // "yaml", "json", or empty: by the output's extension (stdout: yaml)
  bool strict = false;  // warnings fail the import (exit 1, nothing written)
};

// "file:line:col: warning: message" (or "file: warning: ..."), terminal-safe.
std::string format_problem(const Problem& problem, std::string_view severity);

// Imports, prints problems and a summary line on `err`, writes the recording (atomically) or to
// `out` for "-". Returns the exit code: 0 written, 1 --strict with warnings, 2 errors (nothing
// written). Recordings never hold a secret (sanitised), and messages quote no header values.
int run_import(const ImportOptions& options, std::ostream& out, std::ostream& err);

}  // namespace gwlint::recording
