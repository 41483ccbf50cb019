#pragma once
// Text for XML 1.0 documents written by hand.
#include <string>
#include <string_view>

namespace gwlint {

// Escapes & < > " ' as entities; keeps tab, LF and CR in element text but writes them as
// character references in attributes (so parsers do not normalise them to spaces); replaces
// what XML 1.0 cannot carry at all (other C0 controls, U+FFFE/U+FFFF, invalid UTF-8) with U+FFFD.
std::string xml_escape(std::string_view text, bool attribute);

}  // namespace gwlint
