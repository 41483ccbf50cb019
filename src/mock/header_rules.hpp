#pragma once
// Header names in match rules (`ignore_headers`, `require_headers`, `forbid_headers`) are
// case-insensitive globs: `*` any run of characters, `?` one character.
#include <string>
#include <string_view>
#include <vector>

namespace gwlint::mock {

bool iequals(std::string_view a, std::string_view b);
std::string to_lower(std::string_view text);
// Iterative with one backtrack point, so hostile patterns stay linear-ish and never recurse.
bool glob_match_ci(std::string_view pattern, std::string_view text);
bool header_listed(const std::vector<std::string>& globs, std::string_view name);

// Headers that describe the transport rather than what the client asked for: they change with
// body serialisation (content-length), framing or connection reuse, so they are never compared.
bool is_transport_header(std::string_view name);

}  // namespace gwlint::mock
