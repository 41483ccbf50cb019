#include "report/code_frame.hpp"

#include <fmt/format.h>

namespace gwlint {

namespace {

size_t display_width(std::string_view text) {
  size_t width = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
  }
  return width;
}

// Tabs become one space so the caret line lines up with what is printed.
std::string printable(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\t') c = ' ';
  }
  return out;
}

}  // namespace

std::string render_code_frame(const Finding& finding, const Redactor& redactor, bool color) {
  const SourceFile* file = finding.span.file;
  if (!file || file->text().empty()) return {};
  SourcePosition begin = finding.span.begin_position();
  SourcePosition end = finding.span.end_position();
  std::string_view raw_line = file->line_text(begin.line);
  if (raw_line.size() > 400) return {};  // minified or huge lines make unreadable frames
  size_t line_start = file->offset_of_line(begin.line);
  size_t caret_begin_byte = finding.span.begin - line_start;
  size_t caret_end_byte = end.line == begin.line ? finding.span.end - line_start : raw_line.size();
  caret_begin_byte = std::min(caret_begin_byte, raw_line.size());
  caret_end_byte = std::min(std::max(caret_end_byte, caret_begin_byte), raw_line.size());

  // Mask the parts before, inside and after the span separately so the caret stays aligned
  // with what is printed, even when a secret inside the span becomes shorter.
  std::string before = printable(redactor.redact(raw_line.substr(0, caret_begin_byte)));
  std::string inside = printable(redactor.redact(raw_line.substr(caret_begin_byte, caret_end_byte - caret_begin_byte)));
  std::string after = printable(redactor.redact(raw_line.substr(caret_end_byte)));
  std::string full = redactor.redact(raw_line);
  if (full != std::string(raw_line) && full != before + inside + after) {
    // A secret straddles the span edge: print the masked line without splitting it.
    before = printable(full);
    inside.clear();
    after.clear();
  }
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
