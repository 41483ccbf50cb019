#include "schema/schema_explainer.hpp"

#include <algorithm>

#include "config/value_source.hpp"
#include "schema/schema_messages.hpp"
#include "schema/yaml_json.hpp"

namespace gwlint::schema {

namespace {

using nlohmann::json;

const json* member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

bool type_admits(const json& type, JsonType actual) {
  if (type.is_string()) return type_satisfies(actual, type.get_ref<const std::string&>());
  if (!type.is_array()) return true;
  return std::any_of(type.begin(), type.end(), [&](const json& each) {
    return each.is_string() && type_satisfies(actual, each.get<std::string>());
  });
}

// Whether a value of type `actual` could match `schema` (its type, or any of its alternatives).
bool may_be(const SchemaSet& set, SchemaRef declared, JsonType actual) {
  SchemaRef schema = follow_refs(set, declared);
  if (!schema || !schema.node->is_object()) return true;
  if (const json* type = member(*schema.node, "type")) return type_admits(*type, actual);
  for (const char* keyword : {"anyOf", "oneOf"}) {
    const json* branches = member(*schema.node, keyword);
    if (!branches || !branches->is_array()) continue;
    return std::any_of(branches->begin(), branches->end(), [&](const json& branch) {
      return may_be(set, {&branch, schema.file}, actual);
    });
  }
  return true;
}

bool has_required_keys(const SchemaSet& set, SchemaRef declared, const Node* node) {
  SchemaRef schema = follow_refs(set, declared);
  const json* required = schema ? member(*schema.node, "required") : nullptr;
  if (!required || !required->is_array()) return true;
  return std::all_of(required->begin(), required->end(), [&](const json& name) {
    return name.is_string() && node->find_entry(name.get_ref<const std::string&>());
  });
}

// `anyOf: [{required: [resourceName]}, {required: [baseURL]}]` where a rule reports the absence.
bool only_rule_owned_requirements(const SchemaSet& set, SchemaRef schema, const json& branches) {
  for (const json& each : branches) {
    SchemaRef branch = follow_refs(set, {&each, schema.file});
    if (!branch || !branch.node->is_object()) return false;
    for (const auto& [keyword, value] : branch.node->items()) {
      if (keyword != "required" && keyword != "title" && keyword != "description") return false;
    }
    const json* required = member(*branch.node, "required");
    if (!required || !required->is_array() || required->empty()) return false;
    for (const json& name : *required) {
      if (!name.is_string() || !is_rule_owned_requirement(branch.file, name.get_ref<const std::string&>())) {
        return false;
      }
    }
  }
  return true;
}

// A block mapping or list starts on the line after its key; the key is where a reader looks.
const Node* block_collection_anchor(const Node* node) {
  bool block = (node->is_mapping() || node->is_sequence()) && !node->flow;
  return block && node->key_in_parent ? node->key_in_parent : node;
}

const Node* first_other_key(const Node* mapping, std::string_view key) {
  for (const MappingEntry& entry : mapping->entries) {
    if (entry.key->text() != key) return entry.key;
  }
  return mapping;
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "`" : ", `") + name + "`";
  return out;
}

class Explainer {
 public:
  explicit Explainer(const SchemaSet& set) : set_(set) {}

  void explain(SchemaRef declared, const Node* node, std::vector<SchemaIssue>& out) const {
    // An unresolved `{ $include: ... }` stands for content gwlint cannot see (GW008 reports it).
    if (!declared || !node || value_source(node) == ValueSource::IncludeObject) return;
    SchemaRef schema = follow_refs(set_, declared);
    if (!schema || !schema.node->is_object()) return;
    const json& keywords = *schema.node;

    if (const json* type = member(keywords, "type"); type && !type_admits(*type, json_type_of(node))) {
      report_mismatch(declared, node, out);
      return;  // nothing inside a value of the wrong type is worth explaining
    }
    if (const json* values = member(keywords, "enum"); values && values->is_array()) {
      json value = to_json(node);
      if (std::find(values->begin(), values->end(), value) == values->end()) report_mismatch(declared, node, out);
    }
    if (const json* branches = member(keywords, "anyOf"); branches && branches->is_array()) {
      check_alternatives(declared, schema, *branches, false, node, out);
    }
    if (const json* branches = member(keywords, "oneOf"); branches && branches->is_array()) {
      check_alternatives(declared, schema, *branches, true, node, out);
    }
    if (node->is_mapping()) check_mapping(schema, node, out);
    if (const json* items = member(keywords, "items"); items && node->is_sequence()) {
      for (const Node* item : node->items) explain({items, schema.file}, item, out);
    }
  }

 private:
  void report_mismatch(SchemaRef declared, const Node* node, std::vector<SchemaIssue>& out) const {
    SchemaIssue issue;
    issue.node = block_collection_anchor(node);
    issue.path = path_of(node);
    issue.message =
        subject_of(node) + " must be " + expected_description(set_, declared) + ", found " + found_description(node);
    JsonType found = json_type_of(node);
    const DefinitionWording* wording = wording_of(set_, declared);
    if (found == JsonType::Null && node->key_in_parent) {
      issue.suggestion = "give " + subject_of(node) + " a value, or remove it";
    } else if (node->is_scalar() && found != JsonType::String && may_be(set_, declared, JsonType::String)) {
      issue.suggestion = "quote the value so YAML reads it as text";
    } else if (wording) {
      issue.suggestion = std::string(wording->hint);
    } else {
      issue.suggestion = "write " + expected_description(set_, declared) + " here";
    }
    out.push_back(std::move(issue));
  }

  void check_alternatives(SchemaRef declared, SchemaRef schema, const json& branches, bool exactly_one,
                          const Node* node, std::vector<SchemaIssue>& out) const {
    std::vector<std::vector<SchemaIssue>> branch_issues(branches.size());
    size_t passing = 0;
    for (size_t i = 0; i < branches.size(); ++i) {
      explain({&branches[i], schema.file}, node, branch_issues[i]);
      if (branch_issues[i].empty()) ++passing;
    }
    if (passing == 1 || (passing > 1 && !exactly_one)) return;
    if (passing > 1) {
      SchemaIssue issue;
      issue.node = node;
      issue.path = path_of(node);
      issue.message = subject_of(node) + " matches more than one of the allowed forms (" +
                      expected_description(set_, declared) + ")";
      issue.suggestion = "rewrite it so it has exactly one of those forms";
      out.push_back(std::move(issue));
      return;
    }
    if (only_rule_owned_requirements(set_, schema, branches)) return;

    // The branch the value was evidently meant to be: the one its type fits, and among several,
    // the one whose required keys it has ({ $env } versus { $file }).
    std::vector<size_t> candidates;
    for (size_t i = 0; i < branches.size(); ++i) {
      if (may_be(set_, {&branches[i], schema.file}, json_type_of(node))) candidates.push_back(i);
    }
    if (candidates.size() > 1 && node->is_mapping()) {
      std::vector<size_t> keyed;
      for (size_t i : candidates) {
        if (has_required_keys(set_, {&branches[i], schema.file}, node)) keyed.push_back(i);
      }
      if (keyed.size() == 1) candidates = keyed;
    }
    if (candidates.size() != 1) {
      report_mismatch(declared, node, out);
      return;
    }
    size_t chosen = candidates.front();
    const DefinitionWording* wording = wording_of(set_, {&branches[chosen], schema.file});
    if (wording && !wording->reference_key.empty() && node->is_mapping()) {
      report_reference(*wording, node, out);
      return;
    }
    for (SchemaIssue& issue : branch_issues[chosen]) out.push_back(std::move(issue));
  }

  // `{ $env: VAR }` and `{ $file: path }` are all-or-nothing: one sentence for the whole object.
  void report_reference(const DefinitionWording& wording, const Node* node, std::vector<SchemaIssue>& out) const {
    std::string key(wording.reference_key);
    std::string base = "the `" + key + "` reference in " + subject_of(node) + " must be a single key `" + key +
                       "` with " + std::string(wording.reference_value);
    std::vector<std::string> extras;
    for (const MappingEntry& entry : node->entries) {
      if (entry.key->text() != key) extras.emplace_back(entry.key->text());
    }
    const Node* value = node->find(key);
    SchemaIssue issue;
    issue.path = path_of(node);
    issue.suggestion = std::string(wording.hint);
    if (!extras.empty()) {
      issue.node = first_other_key(node, key);
      issue.message = base + ", found also " + quoted_list(extras);
    } else if (value && json_type_of(value) != JsonType::String) {
      issue.node = value;
      issue.message = base + ", found " + found_description(value);
    } else {
      issue.node = node;
      issue.message = base;
    }
    out.push_back(std::move(issue));
  }

  void check_mapping(SchemaRef schema, const Node* node, std::vector<SchemaIssue>& out) const {
    const json& keywords = *schema.node;
    if (const json* required = member(keywords, "required"); required && required->is_array()) {
      for (const json& name : *required) {
        if (!name.is_string()) continue;
        const std::string& wanted = name.get_ref<const std::string&>();
        if (node->find_entry(wanted) || is_rule_owned_requirement(schema.file, wanted)) continue;
        SchemaIssue issue;
        issue.node = node->key_in_parent ? node->key_in_parent : node;
        issue.path = path_of(node);
        issue.message = subject_of(node) + " is missing the required field `" + wanted + "`";
        issue.suggestion = "add `" + wanted + ":` to " + subject_of(node);
        out.push_back(std::move(issue));
      }
    }
    const json* properties = member(keywords, "properties");
    const json* additional = member(keywords, "additionalProperties");
    for (const MappingEntry& entry : node->entries) {
      const std::string& key = entry.key->scalar;
      if (properties && properties->is_object()) {
        if (auto known = properties->find(key); known != properties->end()) {
          explain({&*known, schema.file}, entry.value, out);
          continue;
        }
      }
      if (!additional) continue;
      if (additional->is_object()) {
        explain({additional, schema.file}, entry.value, out);
      } else if (additional->is_boolean() && !additional->get<bool>()) {
        report_unknown(schema, node, entry, out);
      }
    }
  }

  void report_unknown(SchemaRef schema, const Node* mapping, const MappingEntry& entry,
                      std::vector<SchemaIssue>& out) const {
    SchemaIssue issue;
    issue.kind = SchemaIssue::Kind::UnknownField;
    issue.node = entry.key;
    issue.unknown_key = entry.key->scalar;
    // The key's own path (`...azure.baseUrl`), so two unknown keys in one mapping stay apart.
    bool own_value = entry.value && entry.value->key_in_parent == entry.key;
    issue.path = own_value ? path_of(entry.value) : path_of(mapping) + "." + issue.unknown_key;
    issue.allowed_keys = allowed_keys(set_, schema);
    if (is_providers_mapping(mapping)) {
      issue.message = "unknown provider `" + issue.unknown_key + "` under `providers`";
    } else {
      std::string where = subject_of(mapping);
      issue.message = "unknown field `" + issue.unknown_key + "` " + (mapping->parent ? "in " : "at ") + where;
    }
    out.push_back(std::move(issue));
  }

  const SchemaSet& set_;
};

void collect_keys(const SchemaSet& set, SchemaRef declared, std::vector<std::string>& keys, int depth) {
  SchemaRef schema = follow_refs(set, declared);
  if (!schema || !schema.node->is_object() || depth > 8) return;
  if (const json* properties = member(*schema.node, "properties"); properties && properties->is_object()) {
    for (const auto& [name, value] : properties->items()) keys.push_back(name);
  }
  for (const char* keyword : {"anyOf", "oneOf"}) {
    const json* branches = member(*schema.node, keyword);
    if (!branches || !branches->is_array()) continue;
    for (const json& branch : *branches) collect_keys(set, {&branch, schema.file}, keys, depth + 1);
  }
}

}  // namespace

void explain(const SchemaSet& set, SchemaRef schema, const Node* node, std::vector<SchemaIssue>& out) {
  Explainer(set).explain(schema, node, out);
}

std::vector<std::string> allowed_keys(const SchemaSet& set, SchemaRef schema) {
  std::vector<std::string> keys;
  collect_keys(set, schema, keys, 0);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

}  // namespace gwlint::schema
