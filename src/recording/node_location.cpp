#include "recording/node_location.hpp"

#include <fmt/format.h>

#include "report/terminal_text.hpp"

namespace gwlint::recording {

std::string location_of(const Node* node) {
  if (!node || !node->span.file) return {};
  SourcePosition at = node->span.begin_position();
  return fmt::format("{}:{}:{}", node->span.file->path(), at.line, at.column);
}

std::string describe_value(const Node* node) {
  if (!node || node->is_null()) return "nothing (null)";
  if (node->is_mapping()) return "a mapping";
  if (node->is_sequence()) return "a list";
  constexpr size_t kShown = 40;
  std::string text = node->scalar.size() > kShown ? node->scalar.substr(0, kShown) + "..." : node->scalar;
  return fmt::format("\"{}\"", terminal_safe(text));
}

}  // namespace gwlint::recording
