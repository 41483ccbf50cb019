#pragma once
// Rule metadata for the formats that describe the rules they report on (SARIF, JUnit).
#include <string>
#include <string_view>

#include "lint/rule.hpp"

namespace gwlint {

// The index of a rule in the registry's catalogue order, or -1 when the code is unknown.
int rule_index(std::string_view code);
// The rule's documentation (docs/rules/CODE.md, embedded), or empty.
std::string_view rule_doc(std::string_view code);
// A stable 64-bit FNV-1a hash as 16 hex digits (fingerprints must not change between builds).
std::string stable_hash(std::string_view text);

}  // namespace gwlint
