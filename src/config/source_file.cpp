#include "config/source_file.hpp"

#include <algorithm>

namespace gwlint {

SourceFile::SourceFile(std::string path, std::string text) : path_(std::move(path)), text_(std::move(text)) {
  // A UTF-8 byte order mark is not part of the first line: columns and code frames skip it.
  bool bom = text_.size() >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0;
  line_starts_.push_back(bom ? 3 : 0);
  for (size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(static_cast<uint32_t>(i + 1));
  }
}

SourcePosition SourceFile::position_at(size_t offset) const {
  offset = std::max<size_t>(std::min(offset, text_.size()), line_starts_.front());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), static_cast<uint32_t>(offset));
  size_t line_index = static_cast<size_t>(it - line_starts_.begin()) - 1;
  uint32_t column = 1;
  for (size_t i = line_starts_[line_index]; i < offset; ++i) {
    // Count code points: continuation bytes do not start a new column.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return {static_cast<uint32_t>(line_index + 1), column};
}

size_t SourceFile::offset_of_line(uint32_t line_1based) const {
  if (line_1based == 0 || line_1based > line_starts_.size()) return text_.size();
  return line_starts_[line_1based - 1];
}

std::string_view SourceFile::line_text(uint32_t line_1based) const {
  if (line_1based == 0 || line_1based > line_starts_.size()) return {};
  size_t begin = line_starts_[line_1based - 1];
  size_t end = line_1based < line_starts_.size() ? line_starts_[line_1based] - 1 : text_.size();
  std::string_view line(text_.data() + begin, end - begin);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace gwlint
