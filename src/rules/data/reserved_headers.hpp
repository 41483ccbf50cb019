#pragma once
// Headers the HTTP client sets itself for every request (RULES.md HDR403). A value fixed in
// config overrides or conflicts with the one the client computes.
#include <string_view>

namespace gwlint::data {

struct ReservedHeader {
  std::string_view name;    // canonical spelling, e.g. "Content-Length"
  std::string_view reason;  // what goes wrong, as a sentence fragment
  std::string_view advice;  // the fix beyond deleting the header; may be empty
};

// The reserved header `name` matches case-insensitively, or nullptr.
const ReservedHeader* find_reserved_header(std::string_view name);

}  // namespace gwlint::data
