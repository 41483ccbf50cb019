#pragma once
// Semantic JSON comparison for request bodies (SCENARIOS.md §2): object key order ignored, array
// order kept, numbers by value (1 == 1.0), `ignore_json` pointers skipped. Every difference is named
// by its RFC 6901 pointer so a miss report can say exactly which field a client got wrong.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gwlint::mock {

// A parsed JSON pointer: its reference tokens, unescaped.
using JsonPointer = std::vector<std::string>;

// "" is the whole document; anything else must start with '/'. `~` must be followed by 0 or 1.
std::optional<JsonPointer> parse_json_pointer(std::string_view text);
std::string format_json_pointer(const JsonPointer& pointer);
std::string escape_pointer_token(std::string_view token);  // "~" -> "~0", "/" -> "~1"

struct JsonDifference {
  std::string pointer;
  std::string change;       // "value", "type", "missing" (recorded, not sent), "extra" (sent, not recorded)
  nlohmann::json expected;  // null for "extra"
  nlohmann::json actual;    // null for "missing"
};

struct JsonDiffResult {
  std::vector<JsonDifference> differences;
  bool truncated = false;  // stopped after `limit` differences
};

// Numbers compare by value across integer and floating representations.
bool json_values_equal(const nlohmann::json& a, const nlohmann::json& b);

JsonDiffResult diff_json(const nlohmann::json& expected, const nlohmann::json& actual,
                         const std::vector<JsonPointer>& ignore, std::size_t limit = 100);

// Parses a request body. Nesting deeper than `max_depth` is refused (nullopt) before parsing, so
// hostile input cannot drive the recursive comparison into the stack.
std::optional<nlohmann::json> parse_json_body(std::string_view bytes, std::size_t max_depth = 128);

// For reports: values whose serialisation is long become a shortened string.
nlohmann::json abbreviate_json(const nlohmann::json& value, std::size_t max_chars = 300);
// dump() that never throws on invalid UTF-8 (it is replaced).
std::string dump_json(const nlohmann::json& value, int indent = -1);

}  // namespace gwlint::mock
