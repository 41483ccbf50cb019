#include "schema/schema_validator.hpp"

#include <charconv>
#include <string_view>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "config/value_source.hpp"
#include "schema/schema_explainer.hpp"
#include "schema/schema_messages.hpp"
#include "schema/schema_set.hpp"
#include "schema/yaml_json.hpp"

namespace gwlint {

namespace {

using schema::SchemaRef;
using schema::SchemaSet;

// valijson's messages for an enclosing level of a failure; the leaf error says more.
bool is_wrapper_error(std::string_view description) {
  for (std::string_view prefix : {"Failed to validate against child schema", "Failed to validate against schema",
                                  "Failed to validate against additional properties schema",
                                  "Failed to validate item #", "Failed to validate against any schemas"}) {
    if (description.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

// The explainer checks `required` itself and leaves out the properties rules own.
bool is_missing_property_error(std::string_view description) {
  return description.substr(0, 25) == "Missing required property";
}

}  // namespace

// valijson's context ("<root>", "[aiGateway]", "[providers]", "[0]") back to the node.
const Node* node_at_context(const Node* root, const std::vector<std::string>& context) {
  const Node* node = root;
  for (size_t i = 1; i < context.size() && node; ++i) {
    std::string_view segment = context[i];
    if (segment.size() >= 2 && segment.front() == '[' && segment.back() == ']') {
      segment = segment.substr(1, segment.size() - 2);
    }
    if (node->is_mapping()) {
      node = node->find(segment);
    } else if (node->is_sequence()) {
      size_t index = 0;
      auto parsed = std::from_chars(segment.data(), segment.data() + segment.size(), index);
      node = parsed.ec == std::errc() && index < node->items.size() ? node->items[index] : nullptr;
    } else {
      node = nullptr;
    }
  }
  return node;
}

namespace {

bool inside_unresolved_include(const Node* node) {
  for (; node; node = node->parent) {
    if (value_source(node) == ValueSource::IncludeObject) return true;
  }
  return false;
}

// Reached when the explainer reports nothing for a section valijson rejects: normally a required
// property a rule reports instead (dropped on purpose). Anything else means the two disagree;
// then valijson's deepest error is reported rather than staying silent about an invalid file.
std::vector<SchemaIssue> issues_from_valijson(const Node* root, const valijson::ValidationResults& results) {
  const valijson::ValidationResults::Error* deepest = nullptr;
  for (const auto& error : results) {
    if (is_wrapper_error(error.description) || is_missing_property_error(error.description)) continue;
    if (!deepest || error.context.size() > deepest->context.size()) deepest = &error;
  }
  if (!deepest) return {};
  const Node* node = node_at_context(root, deepest->context);
  if (!node || inside_unresolved_include(node)) return {};
  SchemaIssue issue;
  issue.node = node;
  issue.path = path_of(node);
  issue.message = schema::subject_of(node) + " does not match the schema: " + deepest->description;
  return {issue};
}

}  // namespace

std::vector<SchemaIssue> validate_against_schema(const Document& document) {
  const Node* root = document.root;
  if (document.fatal || !root || !root->is_mapping()) return {};
  const MappingEntry* gateway = root->find_entry("aiGateway");
  if (!gateway) return {};

  const SchemaSet& set = schema::schema_set();
  nlohmann::json instance = nlohmann::json::object();
  instance["aiGateway"] = schema::to_json(gateway->value);
  valijson::adapters::NlohmannJsonAdapter adapter(instance);
  // Without a results list valijson stops at the first failure: the common, valid case is cheap.
  if (valijson::Validator().validate(set.compiled(), adapter, nullptr)) return {};

  std::vector<SchemaIssue> issues;
  SchemaRef root_schema = set.root();
  auto properties = root_schema.node->find("properties");
  if (properties != root_schema.node->end() && properties->contains("aiGateway")) {
    schema::explain(set, {&properties->at("aiGateway"), root_schema.file}, gateway->value, issues);
  }
  if (!issues.empty()) return issues;

  valijson::ValidationResults results;
  valijson::Validator().validate(set.compiled(), adapter, &results);
  return issues_from_valijson(root, results);
}

}  // namespace gwlint
