// `text`: file:line:col: severity: message [CODE name], a code frame, help, then a summary.
#include <fmt/format.h>

#include "report/code_frame.hpp"
#include "report/reporters.hpp"
#include "report/terminal_text.hpp"

namespace gwlint {

namespace {

const char* severity_color(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "\x1b[1;31m";
    case Severity::Warning:
      return "\x1b[1;33m";
    default:
      return "\x1b[1;36m";
  }
}

class TextReporter final : public Reporter {
 public:
  TextReporter(std::ostream& out, const ReporterOptions& options) : out_(out), color_(options.color) {}

  void file(const FileReport& report) override {
    for (const Finding& finding : report.findings) {
      SourcePosition at = finding.span.begin_position();
      std::string severity(severity_name(finding.severity));
      if (color_) severity = fmt::format("{}{}\x1b[0m", severity_color(finding.severity), severity);
      std::string location = fmt::format("{}:{}:{}", terminal_safe(finding.file()), at.line, at.column);
      if (color_) location = fmt::format("\x1b[1m{}\x1b[0m", location);
      out_ << fmt::format("{}: {}: {} [{} {}]\n", location, severity, terminal_safe(finding.message), finding.code,
                          finding.name);
      out_ << render_code_frame(finding, report.redactor, color_);
      for (const auto& related : finding.related) {
        SourcePosition r = related.span.begin_position();
        std::string file = related.span.file ? related.span.file->path() : finding.file();
        out_ << fmt::format("  note: {} ({}:{}:{})\n", terminal_safe(related.message), terminal_safe(file), r.line,
                            r.column);
      }
      if (finding.suggestion) out_ << fmt::format("  help: {}\n", terminal_safe(*finding.suggestion));
      if (finding.fix) out_ << fmt::format("  fix: replace with `{}`\n", terminal_safe(finding.fix->replacement));
      out_ << '\n';
    }
  }

  void end(const RunSummary& summary) override {
    std::string line =
        fmt::format("{} errors, {} warnings in {} files", summary.errors, summary.warnings, summary.files);
    if (summary.infos > 0) line += fmt::format(" ({} infos)", summary.infos);
    out_ << line << '\n';
  }

 private:
  std::ostream& out_;
  bool color_;
};

}  // namespace

std::unique_ptr<Reporter> make_text_reporter(std::ostream& out, const ReporterOptions& options) {
  return std::make_unique<TextReporter>(out, options);
}

}  // namespace gwlint
