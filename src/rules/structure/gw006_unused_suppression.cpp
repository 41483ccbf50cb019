// GW006 unused-suppression: a `gwlint-disable` comment (or a code in it) that suppressed nothing.
// Its findings come from the suppression pass (lint/suppressions.cpp), which needs every other
// rule's findings first; this unit holds the rule's identity for the registry and docs.
#include "lint/rule.hpp"

namespace gwlint {
namespace {

class UnusedSuppression final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"GW006", "unused-suppression", Severity::Warning, "yes",
                               "a `gwlint-disable` comment that suppressed nothing"};
    return info;
  }
  void check(const RuleInput&, FindingSink&) const override {}
};

}  // namespace
GWLINT_REGISTER_RULE(UnusedSuppression);
}  // namespace gwlint
