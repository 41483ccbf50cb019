#pragma once
// Byte-level checks made before the YAML parser sees the text: yaml-cpp accepts some bytes that
// YAML forbids (NUL, invalid UTF-8), and reporting them ourselves gives an exact position.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gwlint {

struct TextProblem {
  size_t offset;
  std::string message;
};

// The first invalid UTF-8 sequence or forbidden control character, if any.
std::optional<TextProblem> find_text_problem(std::string_view text);

// Length of a leading UTF-8 byte order mark (0 or 3).
size_t bom_length(std::string_view text);

// True when the first significant character says the content is JSON ('{' or '[').
bool looks_like_json(std::string_view text);

}  // namespace gwlint
