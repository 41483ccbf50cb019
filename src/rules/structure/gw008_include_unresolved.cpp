// GW008 include-unresolved: a `$include` that cannot be followed (missing file, a cycle, too deep,
// a selector that names nothing). Not in the original catalogue: Backstage refuses to start on
// these, so they are errors, and they need a code of their own.
#include "lint/rule.hpp"

namespace gwlint {
namespace {

class IncludeUnresolved final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"GW008", "include-unresolved", Severity::Error, "",
                               "a `$include` names a missing file, forms a cycle, or selects nothing"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    for (const LoadProblem& problem : input.document.problems) {
      if (problem.kind == LoadProblemKind::IncludeUnresolved) sink.report(problem.span, problem.path, problem.message);
    }
  }
};

}  // namespace
GWLINT_REGISTER_RULE(IncludeUnresolved);
}  // namespace gwlint
