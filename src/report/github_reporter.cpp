// `github`: GitHub Actions workflow commands, one annotation per finding (PRODUCT.md §4):
//   ::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=CODE name::message
// Escaped as GitHub's runner does: data %, CR, LF; property values also : and ,.
#include <fmt/format.h>

#include "report/reporters.hpp"

namespace gwlint {

namespace {

std::string escape_data(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : escape_data(text)) {
    if (c == ':') {
      out += "%3A";
    } else if (c == ',') {
      out += "%2C";
    } else {
      out += c;
    }
  }
  return out;
}

const char* command_of(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    default:
      return "notice";
  }
}

class GithubReporter final : public Reporter {
 public:
  explicit GithubReporter(std::ostream& out) : out_(out) {}

  void file(const FileReport& report) override {
    for (const Finding& finding : report.findings) {
      SourcePosition begin = finding.span.begin_position();
      SourcePosition end = finding.span.end_position();
      uint32_t line = std::max<uint32_t>(1, begin.line);
      uint32_t column = std::max<uint32_t>(1, begin.column);
      std::string properties = fmt::format("file={},line={},col={}", escape_property(finding.file()), line, column);
      uint32_t end_line = std::max(line, end.line);
      properties += fmt::format(",endLine={}", end_line);
      // GitHub takes columns only for one-line spans; its endColumn is the last column itself.
      if (end_line == line) properties += fmt::format(",endColumn={}", std::max(column, end.column - 1));
      properties += fmt::format(",title={}", escape_property(finding.code + " " + finding.name));
      std::string message = finding.message;
      if (finding.suggestion) message += "\nhelp: " + *finding.suggestion;
      out_ << "::" << command_of(finding.severity) << ' ' << properties << "::" << escape_data(message) << '\n';
    }
  }

  void end(const RunSummary&) override {}

 private:
  std::ostream& out_;
};

}  // namespace

std::unique_ptr<Reporter> make_github_reporter(std::ostream& out, const ReporterOptions&) {
  return std::make_unique<GithubReporter>(out);
}

}  // namespace gwlint
