#pragma once
// `.gwlint.yaml`, the project's settings (PRODUCT.md §3), found from the working directory
// upwards and validated against schemas/gwlint-config.schema.json. Command-line options win.
#include <map>
#include <optional>
#include <string>
#include <vector>

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

}  // namespace gwlint::cli
