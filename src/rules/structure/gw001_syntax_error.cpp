// GW001 syntax-error: the file is not valid YAML/JSON; nothing else is checked in that file.
#include "lint/rule.hpp"

namespace gwlint {
namespace {

class SyntaxError final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"GW001", "syntax-error", Severity::Error, "",
                               "the file is not valid YAML/JSON (first error, with its position)"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    for (const LoadProblem& problem : input.document.problems) {
      if (problem.kind == LoadProblemKind::SyntaxError) sink.report(problem.span, problem.path, problem.message);
    }
  }
};

}  // namespace
GWLINT_REGISTER_RULE(SyntaxError);
}  // namespace gwlint
