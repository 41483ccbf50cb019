#pragma once
// What the audit reports on: each config file on its own, except Backstage layers — one folder's
// `app-config.yaml` with its `app-config.*.yaml` — which Backstage merges at start-up and the
// audit therefore reports merged (as `lint --merge` does), so the effective URLs are the real ones.
#include <string>
#include <vector>

namespace gwlint::audit {

struct ConfigUnit {
  std::vector<std::string> files;  // one file, or the layers base first
  bool merged() const { return files.size() > 1; }
};

// Groups the expanded input paths, keeping the order in which each unit's first file came.
// Layer order: app-config.yaml, then the others by name, app-config.local.yaml last (Backstage
// reads local overrides last).
std::vector<ConfigUnit> group_config_units(const std::vector<std::string>& paths);

}  // namespace gwlint::audit
