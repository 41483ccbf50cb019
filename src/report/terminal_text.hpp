#pragma once
// Text that came from a config file is untrusted: before it reaches a terminal or a CI log,
// control characters (ESC sequences, BEL, C1 controls, line separators, bidirectional
// overrides) are shown as escapes instead of being interpreted.
#include <string>
#include <string_view>

namespace gwlint {

// `text` with every control or invisible-formatting character written as `\xNN` or `\u{NNNN}`.
// Tabs become a single space when `tabs_as_space` (code frames keep their caret aligned).
std::string terminal_safe(std::string_view text, bool tabs_as_space = false);

// Columns a terminal uses for `text` (UTF-8): East Asian wide characters and emoji count two,
// combining marks zero, everything else one.
size_t display_width(std::string_view text);

}  // namespace gwlint
