#pragma once
// Reads scenario files (SCENARIOS.md §2) with positioned problems, and finds them in folders.
#include <optional>
#include <string>
#include <vector>

#include "recording/recording_io.hpp"
#include "scenario/scenario.hpp"

namespace gwlint::scenario {

struct LoadResult {
  std::optional<Scenario> scenario;
  std::vector<recording::Problem> problems;  // any problem: the file is invalid (exit 2)
};

LoadResult load_scenario_file(const std::string& path);

// Scenario files under `paths`: a file given by name is always one; in a folder (recursively,
// hidden folders and node_modules skipped), a *.yaml/*.yml file whose top level has `calls:`.
// Recordings and configs beside them are not scenarios. Sorted for a stable order.
std::vector<std::string> find_scenario_files(const std::vector<std::string>& paths, std::string& error);

}  // namespace gwlint::scenario
