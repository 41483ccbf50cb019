#pragma once
// `.gwlint.yaml`, the project's settings (PRODUCT.md §3), found from the working directory
// upwards and validated against schemas/gwlint-config.schema.json. Command-line options win.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cli/input_paths.hpp"
#include "lint/linter.hpp"
#include "lint/severity.hpp"

namespace gwlint::cli {

struct ProjectConfig {
  std::string path;                       // the .gwlint.yaml that was read
  std::string folder;                     // its folder: relative paths in it start there
  std::map<std::string, Severity> rules;  // by rule code
  std::vector<std::string> include;       // file name globs for directory searches
  std::vector<std::string> exclude;       // path globs (relative to `folder`) to skip
  std::vector<std::string> models;        // extra model ids for AZ201
  std::string deployments;                // inventory file, resolved against `folder`
  std::string baseline;                   // baseline file, resolved against `folder`
};

// The nearest `.gwlint.yaml` from the working directory upwards, if any.
std::optional<std::string> find_project_config();

// False with `error` ("FILE:LINE:COL: ...") when the file does not load or breaks the schema.
bool load_project_config(const std::string& path, ProjectConfig& out, std::string& error);

// What `lint` and `audit` take from the nearest `.gwlint.yaml`: rule severities, extra model ids,
// the directory filter, and the inventory and baseline files where the command line left them
// empty (`baseline` is only filled when `fill_baseline`). False, with "gwlint COMMAND: error" on
// stderr, when the file is broken. Does nothing when `skip` (--no-project-config).
bool apply_project_config(const char* command, bool skip, LintOptions& options, PathFilter& filter,
                          std::string& deployments, std::string& baseline, bool fill_baseline);

}  // namespace gwlint::cli
