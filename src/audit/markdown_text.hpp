#pragma once
// Escaping for the Markdown report: every `{{value}}` in report.md.mustache goes through
// markdown_escape, so a value from a config can neither break a table (`|`, line breaks) nor
// become markup (emphasis, links, raw HTML).
#include <string>
#include <string_view>

namespace gwlint::audit {

std::string markdown_escape(std::string_view text);

// A fence for a code block that holds `text`: one backtick more than its longest run (at least 3).
std::string code_fence_for(std::string_view text);

}  // namespace gwlint::audit
