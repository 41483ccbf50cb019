#pragma once
// The audit's progress on a terminal: `[#######.......] configs 5/9 · scenarios 3/17`, redrawn
// in place at most ten times a second and erased at the end. The caller decides whether to show
// it at all (stderr a TTY, no --quiet).
#include <chrono>
#include <ostream>

#include "audit/auditor.hpp"

namespace gwlint::audit {

class ProgressBar {
 public:
  explicit ProgressBar(std::ostream& out) : out_(out) {}
  void update(const AuditProgress& progress);
  void finish();  // erases the line

 private:
  std::ostream& out_;
  std::chrono::steady_clock::time_point last_{};
  bool drawn_ = false;
};

}  // namespace gwlint::audit
