#include "audit/progress_bar.hpp"

#include <fmt/format.h>

namespace gwlint::audit {

void ProgressBar::update(const AuditProgress& p) {
  size_t total = p.configs_total + p.scenarios_total;
  size_t done = p.configs_done + p.scenarios_done;
  auto now = std::chrono::steady_clock::now();
  bool complete = done == total;
  if (drawn_ && !complete && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  const size_t width = 24;
  size_t filled = total ? done * width / total : width;
  std::string line = fmt::format("\r\x1b[Kgwlint audit [{}{}] configs {}/{}", std::string(filled, '#'),
                                 std::string(width - filled, '.'), p.configs_done, p.configs_total);
  if (p.scenarios_total) line += fmt::format(" · scenarios {}/{}", p.scenarios_done, p.scenarios_total);
  out_ << line << std::flush;
  drawn_ = true;
}

void ProgressBar::finish() {
  if (drawn_) out_ << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

}  // namespace gwlint::audit
