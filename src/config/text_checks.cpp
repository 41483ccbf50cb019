#include "config/text_checks.hpp"

#include <fmt/format.h>

namespace gwlint {

namespace {

// Length of the valid UTF-8 sequence starting at `i`, or 0 when it is invalid.
size_t utf8_sequence_length(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  size_t length;
  uint32_t min_code_point;
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) {
    length = 2;
    min_code_point = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3;
    min_code_point = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4;
    min_code_point = 0x10000;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  uint32_t code_point = lead & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(i + k) & 0x3F);
  }
  if (code_point < min_code_point || code_point > 0x10FFFF) return 0;  // overlong or out of range
  if (code_point >= 0xD800 && code_point <= 0xDFFF) return 0;          // surrogate
  return length;
}

}  // namespace

std::optional<TextProblem> find_text_problem(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        return TextProblem{i, fmt::format("control character U+{:04X} is not allowed in YAML or JSON text", c)};
      }
      ++i;
      continue;
    }
    size_t length = utf8_sequence_length(text, i);
    if (length == 0) return TextProblem{i, fmt::format("invalid UTF-8 byte 0x{:02X}: the file must be UTF-8", c)};
    i += length;
  }
  return std::nullopt;
}

size_t bom_length(std::string_view text) {
  return text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
}

bool looks_like_json(std::string_view text) {
  for (size_t i = bom_length(text); i < text.size(); ++i) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    return c == '{' || c == '[';
  }
  return false;
}

}  // namespace gwlint
