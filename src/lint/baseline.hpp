#pragma once
// Baselines accept the findings a project already has, so CI fails only on new ones.
// A finding is known by file, rule and config path (`aiGateway.providers.azure.baseURL`), never
// by line: edits elsewhere in the file keep the baseline valid. Several findings with the same
// key are counted, so one more of them is still new.
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "lint/finding.hpp"

namespace gwlint {

struct BaselineKey {
  std::string file;  // relative to the baseline file's folder, '/' separators
  std::string code;
  std::string path;
  bool operator<(const BaselineKey& other) const {
    return std::tie(file, code, path) < std::tie(other.file, other.code, other.path);
  }
};

class Baseline {
 public:
  // Reads a baseline written by write(); false with `error` set when it is missing or malformed.
  static bool load(const std::string& baseline_path, Baseline& out, std::string& error);

  explicit Baseline(std::string baseline_path = {});

  // Takes the findings a baseline covers out of `findings`; what is left is new.
  void filter(std::vector<Finding>& findings);
  // Adds findings to a baseline being written.
  void add(const std::vector<Finding>& findings);
  // Atomically writes the baseline (JSON); false with `error` set on failure.
  bool write(std::string& error) const;

  // Entries for `linted_files` that matched nothing in this run: fixed findings, to drop.
  size_t stale_count(const std::vector<std::string>& linted_files) const;
  size_t size() const;

 private:
  BaselineKey key_of(const Finding& finding) const;
  std::string relative(const std::string& file) const;

  std::string path_;
  std::string folder_;
  std::map<BaselineKey, size_t> remaining_;  // count still unmatched (or, when writing, total)
};

}  // namespace gwlint
