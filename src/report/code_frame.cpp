#include "report/code_frame.hpp"

#include <fmt/format.h>

#include "report/terminal_text.hpp"

namespace gwlint {

std::string render_code_frame(const Finding& finding, const Redactor& redactor, bool color) {
  const SourceFile* file = finding.span.file;
  if (!file || file->text().empty()) return {};
  SourcePosition begin = finding.span.begin_position();
  SourcePosition end = finding.span.end_position();
  std::string_view raw_line = file->line_text(begin.line);
  if (raw_line.size() > 400) return {};  // minified or huge lines make unreadable frames
  size_t line_start = file->offset_of_line(begin.line);
  size_t caret_begin = finding.span.begin > line_start ? finding.span.begin - line_start : 0;
  size_t caret_end = end.line != begin.line          ? raw_line.size()
                     : finding.span.end > line_start ? finding.span.end - line_start
                                                     : 0;

  MaskedLine line = redactor.redact_line(*file, begin.line, caret_begin, caret_end);
  std::string before = terminal_safe(std::string_view(line.text).substr(0, line.mark_begin), true);
  std::string inside =
      terminal_safe(std::string_view(line.text).substr(line.mark_begin, line.mark_end - line.mark_begin), true);
  std::string after = terminal_safe(std::string_view(line.text).substr(line.mark_end), true);
  size_t caret_count = std::max<size_t>(1, display_width(inside));
  std::string gutter = fmt::format("{:>5} | ", begin.line);
  std::string blank = fmt::format("{:>5} | ", "");
  std::string caret_line(display_width(before), ' ');
  caret_line += std::string(caret_count, '^');
  if (color) {
    return fmt::format("\x1b[2m{}\x1b[0m{}{}{}\n\x1b[2m{}\x1b[0m\x1b[1;31m{}\x1b[0m\n", gutter, before, inside, after,
                       blank, caret_line);
  }
  return fmt::format("{}{}{}{}\n{}{}\n", gutter, before, inside, after, blank, caret_line);
}

}  // namespace gwlint
