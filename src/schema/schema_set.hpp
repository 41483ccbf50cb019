#pragma once
// The JSON Schemas of schemas/ (compiled into the binary), loaded once per process: the raw
// documents, with every `$ref` made absolute, for explaining errors and listing allowed keys,
// and the valijson compilation of the root for validating.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <valijson/schema.hpp>

namespace gwlint::schema {

// One subschema and the file it sits in.
struct SchemaRef {
  const nlohmann::json* node = nullptr;
  std::string_view file;  // "providers/azure.schema.json"
  explicit operator bool() const { return node != nullptr; }
};

class SchemaSet {
 public:
  // Loads `embedded_schemas()`; throws std::runtime_error when a schema is broken (a build bug).
  SchemaSet();
  SchemaSet(const SchemaSet&) = delete;
  SchemaSet& operator=(const SchemaSet&) = delete;

  const valijson::Schema& compiled() const { return compiled_; }
  SchemaRef root() const;
  // The target of an absolute `$ref` ("https://.../common.schema.json#/definitions/url"), or empty.
  SchemaRef resolve(std::string_view absolute_ref) const;

 private:
  struct File {
    std::string name;
    nlohmann::json json;
  };
  std::map<std::string, File, std::less<>> by_id_;
  std::string root_id_;
  valijson::Schema compiled_;
};

// The process-wide set, built on first use (thread-safe static initialisation).
const SchemaSet& schema_set();

// Follows `$ref`s until a subschema that is not a bare reference (with a hop limit).
SchemaRef follow_refs(const SchemaSet& set, SchemaRef schema);

// Resolves `ref` against the base URI `base` (RFC 3986 merge and dot-segment removal), enough
// for the schemas' relative references: "../common.schema.json#/definitions/url", "#/x".
std::string resolve_uri(std::string_view base, std::string_view ref);

}  // namespace gwlint::schema
