#pragma once
// `--output FILE`: output goes to a temporary file beside the target and is renamed over it
// only when the run finished, so a reader never sees a partly written report.
#include <fstream>
#include <ostream>
#include <string>

namespace gwlint::cli {

class AtomicOutput {
 public:
  // An empty path means stdout.
  explicit AtomicOutput(std::string path);
  ~AtomicOutput();  // discards the temporary file unless commit() succeeded

  bool ok() const { return path_.empty() || file_.is_open(); }
  std::ostream& stream();
  // Flushes and renames into place; returns false (and removes the temporary) on failure.
  bool commit(std::string& error);

 private:
  std::string path_;
  std::string temp_path_;
  std::ofstream file_;
  bool committed_ = false;
  bool direct_ = false;  // a device or pipe: written in place, nothing to rename
};

}  // namespace gwlint::cli
