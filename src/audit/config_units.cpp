#include "audit/config_units.hpp"

#include <algorithm>
#include <map>

namespace gwlint::audit {

namespace {

struct PathParts {
  std::string folder;
  std::string name;
};

PathParts split(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return {"", path};
  return {path.substr(0, slash), path.substr(slash + 1)};
}

bool is_base_layer(const std::string& name) {
  return name == "app-config.yaml";
}
bool is_overlay_layer(const std::string& name) {
  const std::string prefix = "app-config.", suffix = ".yaml";
  return name.size() > prefix.size() + suffix.size() && name.rfind(prefix, 0) == 0 &&
         name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Sort key: the base first, local overrides last, the rest by name.
std::pair<int, std::string> layer_rank(const std::string& path) {
  std::string name = split(path).name;
  if (is_base_layer(name)) return {0, name};
  if (name == "app-config.local.yaml") return {2, name};
  return {1, name};
}

}  // namespace

std::vector<ConfigUnit> group_config_units(const std::vector<std::string>& paths) {
  // Folders that hold a base layer: only there do overlays merge (an overlay alone, like
  // examples/baseurl-overrides-resourcename/app-config.production.yaml, is audited as it is).
  std::map<std::string, bool> has_base;
  for (const std::string& path : paths) {
    PathParts parts = split(path);
    if (path != "-" && is_base_layer(parts.name)) has_base[parts.folder] = true;
  }
  std::vector<ConfigUnit> units;
  std::map<std::string, size_t> unit_of_folder;
  for (const std::string& path : paths) {
    PathParts parts = split(path);
    bool layer =
        path != "-" && has_base.count(parts.folder) && (is_base_layer(parts.name) || is_overlay_layer(parts.name));
    if (!layer) {
      units.push_back({{path}});
      continue;
    }
    auto [it, added] = unit_of_folder.emplace(parts.folder, units.size());
    if (added) units.push_back({});
    units[it->second].files.push_back(path);
  }
  for (ConfigUnit& unit : units) {
    std::stable_sort(unit.files.begin(), unit.files.end(),
                     [](const std::string& a, const std::string& b) { return layer_rank(a) < layer_rank(b); });
  }
  return units;
}

}  // namespace gwlint::audit
