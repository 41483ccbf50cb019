// GW004 unknown-field: a key the schema does not know at that place, with "did you mean".
#include <map>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "lint/rule.hpp"
#include "lint/text_utils.hpp"
#include "rules/data/provider_ids.hpp"
#include "schema/key_suggestions.hpp"
#include "schema/schema_validator.hpp"

namespace gwlint {
namespace {

std::string quoted_list(const std::vector<std::string>& names, const char* last_joiner) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? std::string(" ") + last_joiner + " " : ", ";
    out += "`" + names[i] + "`";
  }
  return out;
}

bool contains(const std::vector<std::string>& names, std::string_view name) {
  for (const std::string& each : names) {
    if (each == name) return true;
  }
  return false;
}

// A provider alias (`azure-openai`, `bedrock`) is a surer guess than spelling similarity.
std::vector<std::string> candidates(const SchemaIssue& issue) {
  std::string_view alias = data::provider_for_alias(issue.unknown_key);
  if (!alias.empty() && contains(issue.allowed_keys, alias)) return {std::string(alias)};
  return schema::similar_keys(issue.unknown_key, issue.allowed_keys);
}

// The renamed key, written with the same quotes as the original.
std::string key_text(const Node* key, const std::string& name) {
  if (key->style == ScalarStyle::DoubleQuoted) return "\"" + name + "\"";
  if (key->style == ScalarStyle::SingleQuoted) return "'" + name + "'";
  return name;
}

// The value of the entry whose key is `key`, or nullptr.
const Node* value_of_key(const Node* key) {
  const Node* mapping = key ? key->parent : nullptr;
  if (!mapping || !mapping->is_mapping()) return nullptr;
  for (const MappingEntry& entry : mapping->entries) {
    if (entry.key == key) return entry.value;
  }
  return nullptr;
}

// `<<: *base` is YAML 1.1's merge key. Backstage reads YAML 1.2, where `<<` is an ordinary key:
// nothing is merged, so a did-you-mean would only hide why the fields are missing.
void report_merge_key(const SchemaIssue& issue, FindingSink& sink) {
  const Node* value = value_of_key(issue.node);
  std::string merged = "its value";
  if (value && value->span.file && value->span.end > value->span.begin) {
    // An alias is kept as a copy positioned at `*name`, so its span is the alias as written.
    std::string_view written =
        std::string_view(value->span.file->text()).substr(value->span.begin, value->span.end - value->span.begin);
    if (written.size() > 1 && written.front() == '*' && written.size() <= 64) merged = as_code(written);
  }
  Finding& finding = sink.report(issue.node->span, issue.path,
                                 "`<<` is a YAML 1.1 merge key; Backstage's YAML 1.2 loader keeps `<<` as an ordinary "
                                 "key and does not merge " +
                                     merged + " into this mapping, so its fields are missing");
  finding.suggestion = "write the fields out here, or use Backstage's `$include`";
}

class UnknownField final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"GW004", "unknown-field", Severity::Error, "yes, when one candidate",
                               "a key the schema does not know, with \"did you mean\" (`baseUrl` -> `baseURL`)"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    // Two misspellings of one key in a mapping (`baseUrl`, `base_url`) must not both become it.
    std::map<std::pair<const Node*, std::string>, int> renames;
    // The keys of each mapping with a finding, gathered once: a mapping with thousands of unknown
    // keys must not be scanned once per key.
    std::unordered_map<const Node*, std::unordered_set<std::string_view>> keys_of;
    auto has_key = [&keys_of](const Node* mapping, std::string_view key) {
      auto [keys, added] = keys_of.try_emplace(mapping);
      if (added) {
        for (const MappingEntry& entry : mapping->entries) {
          if (entry.key->is_scalar()) keys->second.insert(entry.key->scalar);
        }
      }
      return keys->second.count(key) > 0;
    };
    const std::vector<SchemaIssue>& issues = input.schema_issues;
    std::vector<std::vector<std::string>> candidates_of(issues.size());
    for (size_t i = 0; i < issues.size(); ++i) {
      const SchemaIssue& issue = issues[i];
      if (issue.kind != SchemaIssue::Kind::UnknownField || !issue.node || issue.unknown_key == "<<") continue;
      candidates_of[i] = candidates(issue);
      if (candidates_of[i].size() == 1) ++renames[{issue.node->parent, candidates_of[i].front()}];
    }
    for (size_t i = 0; i < issues.size(); ++i) {
      const SchemaIssue& issue = issues[i];
      if (issue.kind != SchemaIssue::Kind::UnknownField || !issue.node) continue;
      if (issue.unknown_key == "<<") {
        report_merge_key(issue, sink);
        continue;
      }
      const std::vector<std::string>& maybe = candidates_of[i];
      if (maybe.empty()) {
        Finding& finding = sink.report(
            issue.node->span, issue.path,
            issue.message + (issue.allowed_keys.empty() ? std::string("; nothing is allowed here")
                                                        : "; expected " + quoted_list(issue.allowed_keys, "or")));
        finding.suggestion = "remove `" + issue.unknown_key + "`, or rename it to one of the keys listed";
        continue;
      }
      Finding& finding =
          sink.report(issue.node->span, issue.path, issue.message + "; did you mean " + quoted_list(maybe, "or") + "?");
      if (maybe.size() > 1) {
        finding.suggestion = "rename `" + issue.unknown_key + "` to the one you meant";
        continue;
      }
      const std::string& meant = maybe.front();
      finding.suggestion = "rename `" + issue.unknown_key + "` to `" + meant + "`";
      // Renaming onto a key that is already there would only trade this finding for a duplicate.
      const Node* mapping = issue.node->parent;
      if (mapping && has_key(mapping, meant)) {
        finding.suggestion =
            "`" + meant + "` is already set here: merge the two entries and remove `" + issue.unknown_key + "`";
        continue;
      }
      if (renames[{mapping, meant}] > 1) {
        finding.suggestion = "keep one of the keys meant as `" + meant + "` and rename it to `" + meant + "`";
        continue;
      }
      std::string text = key_text(issue.node, meant);
      finding.fix = Fix{text, {TextEdit{issue.node->span.file, issue.node->span.begin, issue.node->span.end, text}}};
    }
  }
};

}  // namespace
GWLINT_REGISTER_RULE(UnknownField);
}  // namespace gwlint
