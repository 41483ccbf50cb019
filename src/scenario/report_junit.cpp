#include <fmt/format.h>

#include "report/xml_text.hpp"
#include "scenario/report.hpp"

namespace gwlint::scenario {

void write_junit(const std::vector<ScenarioResult>& results, const RunSummary& summary, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format(
      "<testsuites name=\"gwlint scenarios\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"{:.3f}\">\n",
      results.size(), summary.failed, summary.errors, summary.duration_ms / 1000.0);
  out << fmt::format(
      "  <testsuite name=\"gwlint scenario run\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"{:.3f}\">\n",
      results.size(), summary.failed, summary.errors, summary.duration_ms / 1000.0);
  for (const auto& result : results) {
    out << fmt::format("    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3f}\"", xml_escape(result.path, true),
                       xml_escape(result.name + " [" + result.client + "]", true), result.duration_ms / 1000.0);
    if (result.status == ScenarioStatus::Passed) {
      out << "/>\n";
      continue;
    }
    out << ">\n";
    std::string body;
    if (!result.error.empty()) body += result.error + "\n";
    size_t failed = 0;
    for (const auto& check : result.checks) {
      if (check.passed) continue;
      ++failed;
      body += fmt::format("{}: expected {}, got {}\n", check.what, check.expected, check.actual);
      if (!check.detail.empty()) body += check.detail + "\n";
    }
    if (result.status == ScenarioStatus::Error) {
      out << fmt::format("      <error message=\"{}\">{}</error>\n",
                         xml_escape("invalid scenario or harness error", true), xml_escape(body, false));
    } else {
      out << fmt::format("      <failure message=\"{}\">{}</failure>\n",
                         xml_escape(fmt::format("{} check{} failed", failed, failed == 1 ? "" : "s"), true),
                         xml_escape(body, false));
    }
    out << "    </testcase>\n";
  }
  out << "  </testsuite>\n</testsuites>\n";
}

}  // namespace gwlint::scenario
