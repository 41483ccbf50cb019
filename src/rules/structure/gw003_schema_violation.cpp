// GW003 schema-violation: a value in aiGateway breaks the JSON Schema (type, enum, required).
#include "lint/rule.hpp"
#include "schema/schema_validator.hpp"

namespace gwlint {
namespace {

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
      Finding& finding = sink.report(issue.node->span, issue.path, issue.message);
      if (!issue.suggestion.empty()) finding.suggestion = issue.suggestion;
    }
  }
};

}  // namespace
GWLINT_REGISTER_RULE(SchemaViolation);
}  // namespace gwlint
