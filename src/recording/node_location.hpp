#pragma once
// "file:line:col" for a positioned node: every recording and import problem points at its source.
#include <string>

#include "config/node.hpp"

namespace gwlint::recording {

// "file:line:col", or "" when the node has no source file.
std::string location_of(const Node* node);
// A short, terminal-safe rendering of what was written instead of the expected value.
std::string describe_value(const Node* node);

}  // namespace gwlint::recording
