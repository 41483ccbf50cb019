// GW007 file-too-large-or-deep: input over the size, depth or alias-expansion limits, refused
// before deep parsing.
#include "lint/rule.hpp"

namespace gwlint {
namespace {

class FileTooLargeOrDeep final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"GW007", "file-too-large-or-deep", Severity::Error, "",
                               "input over the size limit (8 MiB), nesting over 64 levels, or an alias bomb"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    for (const LoadProblem& problem : input.document.problems) {
      if (problem.kind == LoadProblemKind::LimitExceeded) sink.report(problem.span, problem.path, problem.message);
    }
  }
};

}  // namespace
GWLINT_REGISTER_RULE(FileTooLargeOrDeep);
}  // namespace gwlint
