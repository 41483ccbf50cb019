// `markdown`: a heading, a summary line and a table a person pastes into a pull request
// (PRODUCT.md §4). Rows are kept until end() because the summary comes before the table.
#include <fmt/format.h>

#include "report/reporters.hpp"

namespace gwlint {

namespace {

// One table cell: no line breaks, no unescaped `|` (GitHub splits cells on it even inside code
// spans), no raw HTML.
std::string cell(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '|':
        out += "\\|";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') break;
        out += "<br>";
        break;
      case '\n':
        out += "<br>";
        break;
      default:
        out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
    }
  }
  return out;
}

// `text` as a code span inside a table cell; only `|` is escaped there (GFM table rule).
std::string code_cell(std::string_view text) {
  std::string inner;
  for (char c : text) {
    if (c == '|') {
      inner += "\\|";
    } else if (c == '\n' || c == '\r' || static_cast<unsigned char>(c) < 0x20) {
      inner += ' ';
    } else {
      inner += c;
    }
  }
  std::string fence = inner.find('`') == std::string::npos ? "`" : "`` ";
  std::string close = fence == "`" ? "`" : " ``";
  return fence + inner + close;
}

std::string_view severity_label(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "🔴 error";
    case Severity::Warning:
      return "🟡 warning";
    default:
      return "🔵 info";
  }
}

class MarkdownReporter final : public Reporter {
 public:
  explicit MarkdownReporter(std::ostream& out) : out_(out) {}

  void file(const FileReport& report) override {
    for (const Finding& finding : report.findings) {
      SourcePosition at = finding.span.begin_position();
      std::string message = finding.message;
      if (finding.suggestion) message += "\n" + fmt::format("Help: {}", *finding.suggestion);
      rows_ += fmt::format("| {} | {} | {} {} | {} |\n", severity_label(finding.severity),
                           code_cell(fmt::format("{}:{}:{}", finding.file(), at.line, at.column)),
                           code_cell(finding.code), cell(finding.name), cell(message));
    }
  }

  void end(const RunSummary& summary) override {
    out_ << "## gwlint report\n\n";
    out_ << fmt::format("**{} {}, {} {}, {} {}** in {} {}.\n\n", summary.errors, plural(summary.errors, "error"),
                        summary.warnings, plural(summary.warnings, "warning"), summary.infos,
                        plural(summary.infos, "info"), summary.files, plural(summary.files, "file"));
    if (rows_.empty()) {
      out_ << "No findings.\n";
      return;
    }
    out_ << "| Severity | Location | Rule | Message |\n|---|---|---|---|\n" << rows_;
  }

 private:
  static std::string plural(size_t count, std::string_view word) {
    return count == 1 ? std::string(word) : std::string(word) + "s";
  }

  std::ostream& out_;
  std::string rows_;
};

}  // namespace

std::unique_ptr<Reporter> make_markdown_reporter(std::ostream& out, const ReporterOptions&) {
  return std::make_unique<MarkdownReporter>(out);
}

}  // namespace gwlint
