#pragma once
#include <string>
#include <vector>

namespace gwlint::cli {

// Project settings for the search: `include` replaces the default file name globs, `exclude`
// skips paths (globs relative to `base`, the project config's folder).
struct PathFilter {
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::string base;
};

// Expands the command line's PATHS: files as given, "-" for stdin, directories walked
// recursively for gateway configs (default globs `**/app-config*.yaml`,
// `**/*.gateway.{yaml,yml,json}`), skipping hidden folders and node_modules. Sorted per
// directory for stable output. Paths that do not exist are kept: linting reports them.
std::vector<std::string> expand_input_paths(const std::vector<std::string>& arguments, const PathFilter& filter = {});

// True when a file name matches the default config globs.
bool is_default_config_name(const std::string& file_name);

}  // namespace gwlint::cli
