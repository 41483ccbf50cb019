#include "schema/schema_messages.hpp"

#include <string_view>

#include "rules/data/secret_names.hpp"
#include "schema/yaml_json.hpp"

namespace gwlint::schema {

namespace {

// Only short numbers and booleans are echoed: that is where seeing the value helps ("quote it"),
// and a misplaced string may well be a pasted key (`openai: sk-...` under `providers`).
constexpr size_t kMaxQuotedLength = 12;

std::string_view key_of(const Node* node) {
  return node && node->key_in_parent ? node->key_in_parent->text() : std::string_view();
}

bool is_gateway_child(const Node* node, std::string_view key) {
  return node && key_of(node) == key && node->parent && key_of(node->parent) == "aiGateway";
}

// Secrets and header values (often credentials) are never echoed back either.
bool may_quote(const Node* node) {
  JsonType type = json_type_of(node);
  if (type != JsonType::Boolean && type != JsonType::Integer && type != JsonType::Number) return false;
  if (node->scalar.size() > kMaxQuotedLength) return false;
  if (node->scalar.find_first_of("\n\r`") != std::string::npos) return false;
  for (const Node* at = node; at; at = at->parent) {
    std::string_view key = key_of(at);
    if (key == "headers" || data::is_secret_field_name(key)) return false;
  }
  return true;
}

// The name of a `$ref` target: the definition name, or "provider" for a whole provider file.
std::string_view ref_name(std::string_view ref) {
  size_t hash = ref.find('#');
  std::string_view fragment = hash == std::string_view::npos ? std::string_view() : ref.substr(hash + 1);
  if (fragment.empty() || fragment == "/") {
    return ref.find("/providers/") != std::string_view::npos ? std::string_view("provider") : std::string_view();
  }
  return fragment.substr(fragment.rfind('/') + 1);
}

std::string type_words(std::string_view type) {
  if (type == "object") return "a mapping";
  if (type == "array") return "a list";
  if (type == "string") return "a string";
  if (type == "integer") return "a whole number";
  if (type == "number") return "a number";
  if (type == "boolean") return "true or false";
  if (type == "null") return "empty";
  return "a valid value";
}

std::string joined_alternatives(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += i + 1 == parts.size() ? " or " : ", ";
    out += parts[i];
  }
  return out;
}

// "headers[1]" for a list item: the key of the list, then the indexes down to the item.
std::string item_path(const Node* item) {
  std::string indexes;
  const Node* at = item;
  for (; at && at->index_in_parent >= 0; at = at->parent) {
    indexes.insert(0, "[" + std::to_string(at->index_in_parent) + "]");
  }
  return std::string(key_of(at)) + indexes;
}

}  // namespace

bool is_providers_mapping(const Node* node) {
  return is_gateway_child(node, "providers");
}

std::string subject_of(const Node* node) {
  if (!node) return "the value";
  if (node->key_in_parent) {
    std::string key(key_of(node));
    const Node* parent = node->parent;
    if (is_providers_mapping(parent)) return "provider `" + key + "`";
    if (is_gateway_child(parent, "plugins")) return "plugin `" + key + "`";
    if (key_of(parent) == "headers") return "header `" + key + "`";
    if (key_of(parent) == "deployments") return "deployment `" + key + "`";
    // A field of a list item needs the item to be found: `headers[3].value`.
    if (parent && parent->index_in_parent >= 0) return "`" + item_path(parent) + "." + key + "`";
    return "`" + key + "`";
  }
  if (node->index_in_parent < 0) return "the top level";
  return "`" + item_path(node) + "`";
}

std::string found_description(const Node* node) {
  JsonType type = json_type_of(node);
  std::string what;
  switch (type) {
    case JsonType::Null:
      return "an empty value";
    case JsonType::Object:
      return node->entries.empty() ? "an empty mapping" : "a mapping";
    case JsonType::Array:
      return node->items.empty() ? "an empty list" : "a list";
    case JsonType::Boolean:
      what = "a boolean";
      break;
    case JsonType::Integer:
    case JsonType::Number:
      what = "a number";
      break;
    case JsonType::String:
      what = "a string";
      break;
  }
  if (may_quote(node)) what += " (`" + node->scalar + "`)";
  return what;
}

const DefinitionWording* wording_of(const SchemaSet& set, SchemaRef declared) {
  SchemaRef at = declared;
  for (int hops = 0; at && at.node->is_object() && hops < 16; ++hops) {
    auto ref = at.node->find("$ref");
    if (ref == at.node->end() || !ref->is_string()) return nullptr;
    const std::string& target = ref->get_ref<const std::string&>();
    if (const DefinitionWording* wording = wording_for(ref_name(target))) return wording;
    at = set.resolve(target);
  }
  return nullptr;
}

std::string expected_description(const SchemaSet& set, SchemaRef declared) {
  if (const DefinitionWording* wording = wording_of(set, declared)) return std::string(wording->expected);
  SchemaRef schema = follow_refs(set, declared);
  if (!schema || !schema.node->is_object()) return "a valid value";
  const nlohmann::json& json = *schema.node;
  if (auto values = json.find("enum"); values != json.end() && values->is_array()) {
    std::vector<std::string> parts;
    for (const auto& value : *values)
      parts.push_back("`" + (value.is_string() ? value.get<std::string>() : value.dump()) + "`");
    return "one of " + joined_alternatives(parts);
  }
  if (auto type = json.find("type"); type != json.end()) {
    if (type->is_string()) return type_words(type->get_ref<const std::string&>());
    std::vector<std::string> parts;
    for (const auto& each : *type) {
      if (each.is_string()) parts.push_back(type_words(each.get_ref<const std::string&>()));
    }
    return joined_alternatives(parts);
  }
  for (const char* keyword : {"anyOf", "oneOf"}) {
    auto branches = json.find(keyword);
    if (branches == json.end() || !branches->is_array()) continue;
    std::vector<std::string> parts;
    for (const auto& branch : *branches) parts.push_back(expected_description(set, {&branch, schema.file}));
    return joined_alternatives(parts);
  }
  return "a valid value";
}

}  // namespace gwlint::schema
