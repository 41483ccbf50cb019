#pragma once
// `gwlint lint --fix` and `--diff` on top of src/fix/: passes of fix + re-lint per file.
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "lint/linter.hpp"

namespace gwlint::cli {

// One pass can leave fixes that overlapped an applied one; a few passes pick those up.
constexpr int kMaxFixPasses = 3;

class FixSession {
 public:
  explicit FixSession(const LintOptions& options) : options_(options) {}
  // Writes the fixed files behind `report` (up to kMaxFixPasses passes) and replaces `report`
  // by a lint of the result. False (with a message on stderr) when a file could not be written.
  bool fix(FileReport& report);
  // `fixed N findings in M files` and any fixes left for the next run, to stderr.
  void print_summary(std::ostream& err) const;

 private:
  const LintOptions& options_;
  size_t fixed_ = 0;
  size_t left_ = 0;
  std::set<std::string> files_;
};

// Prints what --fix would change as a unified diff and changes nothing. Returns the exit code:
// 0 nothing to fix, 1 something to fix, 2 a file could not be read.
int run_diff(const std::vector<std::string>& paths, const LintOptions& options, unsigned jobs, std::ostream& out);

}  // namespace gwlint::cli
