#pragma once
// How Backstage's config loader types a YAML value (the `yaml` package, YAML 1.2 core schema):
// plain `true`/`false`, `null`/`~`/empty, integers and floats are typed; everything else, and
// every quoted, block or `!!str` scalar, is a string. The schema checks see values this way.
#include <nlohmann/json.hpp>
#include <string_view>

#include "config/node.hpp"

namespace gwlint::schema {

enum class JsonType { Null, Boolean, Integer, Number, String, Object, Array };

JsonType json_type_of(const Node* node);
// JSON Schema's name of the type: "null", "boolean", "integer", "number", "string", "object", "array".
std::string_view json_type_name(JsonType type);
// Whether a value of `actual` type satisfies the JSON Schema type name `wanted`.
bool type_satisfies(JsonType actual, std::string_view wanted);

// The node as JSON with the same typing; for a duplicated key the last value wins, like the loader.
nlohmann::json to_json(const Node* node);

}  // namespace gwlint::schema
