#pragma once
#include <string>
#include <vector>

namespace gwlint::cli {

// Expands the command line's PATHS: files as given, "-" for stdin, directories walked
// recursively for gateway configs (default globs `**/app-config*.yaml`,
// `**/*.gateway.{yaml,yml,json}`), skipping hidden folders and node_modules. Sorted per
// directory for stable output. Paths that do not exist are kept: linting reports them.
std::vector<std::string> expand_input_paths(const std::vector<std::string>& arguments);

// True when a file name matches the default config globs.
bool is_default_config_name(const std::string& file_name);

}  // namespace gwlint::cli
