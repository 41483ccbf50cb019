// GW004 unknown-field: a key the schema does not know at that place, with "did you mean".
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "lint/rule.hpp"
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
    for (const SchemaIssue& issue : input.schema_issues) {
      if (issue.kind != SchemaIssue::Kind::UnknownField || !issue.node) continue;
      std::vector<std::string> maybe = candidates(issue);
      if (maybe.size() == 1) ++renames[{issue.node->parent, maybe.front()}];
    }
    for (const SchemaIssue& issue : input.schema_issues) {
      if (issue.kind != SchemaIssue::Kind::UnknownField || !issue.node) continue;
      std::vector<std::string> maybe = candidates(issue);
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
      if (mapping && mapping->find_entry(meant)) {
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
