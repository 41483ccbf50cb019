#include "cli/input_paths.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>

#include "lint/text_utils.hpp"

namespace gwlint::cli {

namespace fs = std::filesystem;

namespace {

// `*.gateway.{yaml,json}` → `*.gateway.yaml`, `*.gateway.json` (fnmatch has no braces).
std::vector<std::string> expand_braces(const std::string& glob) {
  size_t open = glob.find('{');
  size_t close = open == std::string::npos ? open : glob.find('}', open);
  if (close == std::string::npos) return {glob};
  std::vector<std::string> out;
  std::string head = glob.substr(0, open), tail = glob.substr(close + 1);
  std::string options = glob.substr(open + 1, close - open - 1);
  for (size_t start = 0;;) {
    size_t comma = options.find(',', start);
    for (auto& rest : expand_braces(tail)) out.push_back(head + options.substr(start, comma - start) + rest);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

// fnmatch without FNM_PATHNAME: `*` also crosses `/`, so `node_modules/**` and `**/x.yaml` work.
// A leading `**/` also matches at the top (`**/app-config*.yaml` matches `app-config.yaml`).
bool matches_any(const std::vector<std::string>& globs, const std::string& text) {
  for (const auto& glob : globs) {
    for (const auto& expanded : expand_braces(glob)) {
      if (::fnmatch(expanded.c_str(), text.c_str(), 0) == 0) return true;
      if (expanded.rfind("**/", 0) == 0 && ::fnmatch(expanded.c_str() + 3, text.c_str(), 0) == 0) return true;
    }
  }
  return false;
}

// Excludes are written relative to the project config's folder: `test/fixtures/*`.
bool excluded(const PathFilter& filter, const fs::path& path) {
  if (filter.exclude.empty()) return false;
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec).lexically_normal();
  fs::path base = fs::absolute(filter.base.empty() ? fs::path(".") : fs::path(filter.base), ec).lexically_normal();
  std::string relative = absolute.lexically_relative(base).generic_string();
  return matches_any(filter.exclude, relative) || matches_any(filter.exclude, path.generic_string());
}

bool wanted_name(const PathFilter& filter, const std::string& name) {
  return filter.include.empty() ? is_default_config_name(name) : matches_any(filter.include, name);
}

void walk(const fs::path& directory, const PathFilter& filter, std::vector<std::string>& out) {
  std::vector<fs::path> files;
  std::vector<fs::path> folders;
  std::error_code ec;
  for (fs::directory_iterator it(directory, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
       it.increment(ec)) {
    const fs::path& path = it->path();
    std::string name = path.filename().string();
    std::error_code type_error;
    if (it->is_directory(type_error)) {
      if (name.empty() || name[0] == '.' || name == "node_modules") continue;
      if (!it->is_symlink(type_error) && !excluded(filter, path)) folders.push_back(path);
    } else if (wanted_name(filter, name) && !excluded(filter, path)) {
      files.push_back(path);
    }
  }
  std::sort(files.begin(), files.end());
  std::sort(folders.begin(), folders.end());
  for (const auto& file : files) out.push_back(file.string());
  for (const auto& folder : folders) walk(folder, filter, out);
}

}  // namespace

bool is_default_config_name(const std::string& name) {
  if (name.rfind("app-config", 0) == 0 && (ends_with(name, ".yaml") || ends_with(name, ".yml"))) return true;
  return ends_with(name, ".gateway.yaml") || ends_with(name, ".gateway.yml") || ends_with(name, ".gateway.json");
}

std::vector<std::string> expand_input_paths(const std::vector<std::string>& arguments, const PathFilter& filter) {
  std::vector<std::string> out;
  for (const auto& argument : arguments) {
    std::error_code ec;
    if (argument != "-" && fs::is_directory(argument, ec)) {
      walk(argument, filter, out);
    } else if (argument == "-" || !excluded(filter, argument)) {
      out.push_back(argument);  // a named file is linted whatever its name, unless excluded
    }
  }
  return out;
}

}  // namespace gwlint::cli
