#pragma once
// A rule is one stateless unit: metadata beside a check over the typed, positioned config.
// Rules register themselves with GWLINT_REGISTER_RULE; the registry is the single source for
// `gwlint rules`, `explain`, output metadata and the guard tests.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/document.hpp"
#include "lint/finding.hpp"
#include "lint/gateway_model.hpp"
#include "lint/lint_context.hpp"
#include "lint/severity.hpp"

namespace gwlint {

struct SchemaIssue;

struct RuleInfo {
  std::string_view code;  // stable: "AZ201"
  std::string_view name;  // stable kebab-case: "model-name-as-deployment"
  Severity default_severity;
  std::string_view fixable;  // empty when there is no fix; else when it applies ("yes", "when ...")
  std::string_view summary;  // one line for `gwlint rules`
};

// Everything a rule may look at for one file.
struct RuleInput {
  const Document& document;
  const GatewayModel* gateway;                    // nullptr: no aiGateway section or the file did not load
  const std::vector<SchemaIssue>& schema_issues;  // from schemas/, computed once per file
  const LintContext& context;
};

class Rule;

// Collects one rule's findings, stamping code, name and default severity from the rule.
class FindingSink {
 public:
  FindingSink(const Rule& rule, std::vector<Finding>& out) : rule_(rule), out_(out) {}

  Finding& report(const Node* node, std::string message);
  Finding& report(SourceSpan span, std::string path, std::string message);

 private:
  const Rule& rule_;
  std::vector<Finding>& out_;
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleInfo& info() const = 0;
  virtual void check(const RuleInput& input, FindingSink& sink) const = 0;
};

class RuleRegistry {
 public:
  static RuleRegistry& instance();
  bool add(std::unique_ptr<Rule> rule);
  // Every rule, in catalogue order (GW, AZ, SEC, HDR, ENV, PRV; then by code).
  const std::vector<const Rule*>& rules() const;
  // By code ("AZ201", any case) or name ("model-name-as-deployment").
  const Rule* find(std::string_view code_or_name) const;

 private:
  std::vector<std::unique_ptr<Rule>> owned_;
  std::vector<const Rule*> ordered_;  // catalogue order, kept sorted by add()
};

// Defines info() and registers the rule; use once per rule file after the class.
#define GWLINT_REGISTER_RULE(RuleClass)             \
  static const bool gwlint_registered_##RuleClass = \
      ::gwlint::RuleRegistry::instance().add(std::make_unique<RuleClass>())

}  // namespace gwlint
