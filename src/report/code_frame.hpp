#pragma once
#include <string>

#include "lint/finding.hpp"
#include "lint/redactor.hpp"

namespace gwlint {

// The source line of the finding (secrets masked) with a caret line under its span:
//    6 |   languageModel: azure|gpt-4o
//      |                  ^^^^^^^^^^^^
std::string render_code_frame(const Finding& finding, const Redactor& redactor, bool color);

}  // namespace gwlint
