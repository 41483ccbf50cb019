#include <fmt/format.h>

#include <sstream>

#include "report/terminal_text.hpp"
#include "scenario/report.hpp"

namespace gwlint::scenario {
namespace {

struct Palette {
  bool on;
  std::string paint(const char* code, const std::string& text) const {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : text;
  }
};

// Multi-line text from clients and reports, made safe for a terminal line by line.
void write_indented(std::ostream& out, const std::string& text, const std::string& indent) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) out << indent << terminal_safe(line, true) << '\n';
}

std::string label(ScenarioStatus status, const Palette& palette) {
  switch (status) {
    case ScenarioStatus::Passed:
      return palette.paint("32", "PASS ");
    case ScenarioStatus::Failed:
      return palette.paint("31;1", "FAIL ");
    case ScenarioStatus::Error:
      return palette.paint("35;1", "ERROR");
  }
  return "ERROR";
}

}  // namespace

RunSummary summarise(const std::vector<ScenarioResult>& results, double duration_ms) {
  RunSummary summary;
  summary.duration_ms = duration_ms;
  for (const auto& result : results) {
    switch (result.status) {
      case ScenarioStatus::Passed:
        ++summary.passed;
        break;
      case ScenarioStatus::Failed:
        ++summary.failed;
        break;
      case ScenarioStatus::Error:
        ++summary.errors;
        break;
    }
  }
  return summary;
}

void write_text(const std::vector<ScenarioResult>& results, const RunSummary& summary, bool color, bool verbose,
                std::ostream& out) {
  Palette palette{color};
  for (const auto& result : results) {
    out << label(result.status, palette) << ' ' << terminal_safe(result.path);
    if (result.status != ScenarioStatus::Error || !result.calls.empty()) {
      out << fmt::format("  {}  [{}, {} request{}, {:.0f} ms]", terminal_safe(result.name),
                         terminal_safe(result.client), result.journal.size(), result.journal.size() == 1 ? "" : "s",
                         result.duration_ms);
    }
    out << '\n';
    bool show = verbose || result.status != ScenarioStatus::Passed;
    if (!show) continue;
    if (!result.error.empty()) write_indented(out, result.error, "      ");
    if (!result.description.empty()) write_indented(out, "proves: " + result.description, "      ");
    for (const auto& call : result.calls) {
      const auto& r = call.result;
      out << fmt::format("      call {} {} -> {}", call.spec.call.op, terminal_safe(call.url), r.outcome);
      if (r.status) out << fmt::format(" {}", r.status);
      if (!r.error_code.empty()) out << fmt::format(" ({})", terminal_safe(r.error_code));
      if (r.attempts > 1) out << fmt::format(" after {} attempts", r.attempts);
      out << '\n';
    }
    if (verbose) {
      for (const auto& finding : result.lint_findings) write_indented(out, "lint: " + finding, "      ");
    }
    for (const auto& check : result.checks) {
      if (check.passed && !verbose) continue;
      std::string mark = check.passed ? palette.paint("32", "ok  ") : palette.paint("31", "FAIL");
      out << fmt::format("      {} {}: expected {}, got {}\n", mark, terminal_safe(check.what),
                         terminal_safe(check.expected), terminal_safe(check.actual));
      if (!check.detail.empty() && (!check.passed || verbose)) write_indented(out, check.detail, "           ");
    }
    if (verbose) {
      for (size_t i = 0; i < result.journal.size(); ++i) {
        const auto& entry = result.journal[i];
        out << fmt::format("      request {} at {:.0f} ms: {} {} -> {} ({})\n", i + 1, entry.at_ms, entry.method,
                           terminal_safe(entry.path), entry.status,
                           entry.exchange.empty() ? "no match" : terminal_safe(entry.exchange));
      }
    }
  }
  size_t total = results.size();
  out << fmt::format("{} scenario{}: {} passed, {} failed, {} invalid ({:.1f} s)\n", total, total == 1 ? "" : "s",
                     summary.passed, summary.failed, summary.errors, summary.duration_ms / 1000.0);
}

}  // namespace gwlint::scenario
