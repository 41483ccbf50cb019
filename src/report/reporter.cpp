#include "report/reporter.hpp"

#include "report/reporters.hpp"

namespace gwlint {

void RunSummary::count(const FileReport& report) {
  ++files;
  for (const Finding& finding : report.findings) {
    switch (finding.severity) {
      case Severity::Error:
        ++errors;
        break;
      case Severity::Warning:
        ++warnings;
        break;
      case Severity::Info:
        ++infos;
        break;
      case Severity::Off:
        break;
    }
  }
}

std::unique_ptr<Reporter> make_reporter(std::string_view format, std::ostream& out, const ReporterOptions& options) {
  if (format == "text") return make_text_reporter(out, options);
  if (format == "json") return make_json_reporter(out, options);
  if (format == "sarif") return make_sarif_reporter(out, options);
  if (format == "junit") return make_junit_reporter(out, options);
  if (format == "github") return make_github_reporter(out, options);
  if (format == "markdown") return make_markdown_reporter(out, options);
  return nullptr;
}

const char* reporter_formats() {
  return "text, json, sarif, junit, github, markdown";
}

}  // namespace gwlint
