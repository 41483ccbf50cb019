// GW002 duplicate-key: a key appears twice in one mapping; both positions are shown.
#include "lint/rule.hpp"

namespace gwlint {
namespace {

class DuplicateKey final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"GW002", "duplicate-key", Severity::Error, "",
                               "a key appears twice in one mapping (most loaders silently keep one)"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    for (const LoadProblem& problem : input.document.problems) {
      if (problem.kind != LoadProblemKind::DuplicateKey) continue;
      Finding& finding = sink.report(problem.span, problem.path, problem.message);
      for (const SourceSpan& first : problem.related) finding.related.push_back({first, "first defined here"});
      finding.suggestion = "keep one of the two entries; merge their contents if both matter";
    }
  }
};

}  // namespace
GWLINT_REGISTER_RULE(DuplicateKey);
}  // namespace gwlint
