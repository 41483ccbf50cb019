#include "cli/input_paths.hpp"

#include <algorithm>
#include <filesystem>

#include "lint/text_utils.hpp"

namespace gwlint::cli {

namespace fs = std::filesystem;

namespace {

void walk(const fs::path& directory, std::vector<std::string>& out) {
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
      if (!it->is_symlink(type_error)) folders.push_back(path);
    } else if (is_default_config_name(name)) {
      files.push_back(path);
    }
  }
  std::sort(files.begin(), files.end());
  std::sort(folders.begin(), folders.end());
  for (const auto& file : files) out.push_back(file.string());
  for (const auto& folder : folders) walk(folder, out);
}

}  // namespace

bool is_default_config_name(const std::string& name) {
  if (name.rfind("app-config", 0) == 0 && (ends_with(name, ".yaml") || ends_with(name, ".yml"))) return true;
  return ends_with(name, ".gateway.yaml") || ends_with(name, ".gateway.yml") || ends_with(name, ".gateway.json");
}

std::vector<std::string> expand_input_paths(const std::vector<std::string>& arguments) {
  std::vector<std::string> out;
  for (const auto& argument : arguments) {
    std::error_code ec;
    if (argument != "-" && fs::is_directory(argument, ec)) {
      walk(argument, out);
    } else {
      out.push_back(argument);
    }
  }
  return out;
}

}  // namespace gwlint::cli
