#pragma once
// Runs the draft-07 schemas in schemas/ (compiled into the binary) over a positioned Document
// with valijson, and maps every error back to the node it concerns.
#include <string>
#include <vector>

#include "config/document.hpp"

namespace gwlint {

struct SchemaIssue {
  enum class Kind {
    Violation,     // GW003: wrong type, missing required property, enum, ...
    UnknownField,  // GW004: a key the schema does not allow at that place
  };
  Kind kind = Kind::Violation;
  const Node* node = nullptr;             // the offending value (or, for UnknownField, the key node)
  std::string message;                    // plain sentence: what was expected, what was found
  std::string unknown_key;                // UnknownField: the key as written
  std::vector<std::string> allowed_keys;  // UnknownField: the keys the schema knows there
  std::string suggestion;                 // the fix in words, when there is a useful one
  std::string path;  // dotted config path of the offending value (for a key: of its value), for baselines
};

// Validates the document's `aiGateway` section against schemas/app-config.schema.json (the rest
// of a Backstage app-config is not ours). One issue per offending node, the most specific one;
// a valid section costs one conversion and one valijson pass. Scalars are typed the way
// Backstage's YAML 1.2 loader types them. Required properties a rule reports itself (apiKey:
// PRV602, resourceName/baseURL: AZ203, ollama baseURL: PRV603) are left out.
// Thread-safe; the schemas are parsed once per process.
std::vector<SchemaIssue> validate_against_schema(const Document& document);

// The node a valijson error context ("<root>", "[aiGateway]", "[0]") names, or nullptr.
const Node* node_at_context(const Node* root, const std::vector<std::string>& context);

}  // namespace gwlint
