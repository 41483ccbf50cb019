#pragma once
// A loaded input file: its bytes and a line table, so any byte offset maps to a 1-based
// line/column and any line can be shown in a code frame.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gwlint {

struct SourcePosition {
  uint32_t line = 0;    // 1-based; 0 means "unknown"
  uint32_t column = 0;  // 1-based, in Unicode code points
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  size_t line_count() const { return line_starts_.size(); }

  SourcePosition position_at(size_t offset) const;
  // Byte offset of a 0-based (line, byte column) pair as yaml-cpp reports marks.
  size_t offset_of_line(uint32_t line_1based) const;
  // The text of a 1-based line, without its line break.
  std::string_view line_text(uint32_t line_1based) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
};

}  // namespace gwlint
