#pragma once
// JSON bodies: a positioned YAML/JSON node typed like the YAML 1.2 core schema, serialised once
// with its key order kept (so `json:` bytes follow the recording, not an alphabetical sort), and
// the check that decides whether bytes can be written back as `json:` without changing them.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "config/node.hpp"

namespace gwlint::recording {

// The node as JSON, key order kept; a duplicated key keeps its last value, like the loader.
nlohmann::ordered_json node_to_ordered_json(const Node* node);

// The parsed value when `bytes` is one complete JSON text, else nullopt.
std::optional<nlohmann::json> parse_json(std::string_view bytes);

// True when `bytes` is a JSON object or array whose compact serialisation (key order kept) is
// exactly `bytes`, so writing it as `json:` and loading it again gives the same bytes.
bool is_canonical_json_container(std::string_view bytes);

// True when `bytes` can be kept as a YAML/JSON string and read back unchanged: valid UTF-8 with
// no control characters but tab, CR and LF, and no byte order mark or Unicode line separators
// (which YAML parsers may treat as structure).
bool is_safe_text(std::string_view bytes);

}  // namespace gwlint::recording
