// GW003 schema-violation: a value in aiGateway breaks the JSON Schema (type, enum, required).
#include "lint/rule.hpp"
#include "schema/schema_validator.hpp"

namespace gwlint {
namespace {

// The value of a `{ $env: ... }` mapping when it is null or a scalar: a bad variable name is a
// reference problem (ENV502), so the schema's type error would report the same thing twice.
bool is_scalar_env_directive(const Node* node) {
  return (node->is_null() || node->is_scalar()) && node->key_in_parent && node->key_in_parent->text() == "$env";
}

class SchemaViolation final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"GW003", "schema-violation", Severity::Error, "",
                               "JSON Schema violation: wrong type, enum or required property; says what was "
                               "expected and what was found"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    for (const SchemaIssue& issue : input.schema_issues) {
      if (issue.kind != SchemaIssue::Kind::Violation || !issue.node) continue;
      if (is_scalar_env_directive(issue.node)) continue;  // `{ $env: }` / `{ $env: 1 }`: ENV502 says it better
      Finding& finding = sink.report(issue.node->span, issue.path, issue.message);
      if (!issue.suggestion.empty()) finding.suggestion = issue.suggestion;
    }
  }
};

}  // namespace
GWLINT_REGISTER_RULE(SchemaViolation);
}  // namespace gwlint
