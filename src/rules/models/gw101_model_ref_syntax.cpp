// GW101 model-ref-syntax: a model reference that is not `provider|name`.
#include "lint/rule.hpp"
#include "lint/text_utils.hpp"
#include "rules/models/model_ref_support.hpp"

namespace gwlint {
namespace {

class ModelRefSyntax final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"GW101", "model-ref-syntax", Severity::Error, "",
                               "a `*Model` value is not `provider|name` (missing `|`, `/` or `:` instead, "
                               "empty side, spaces, more than one `|`)"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    for (const ModelReference& ref : input.gateway->models) {
      models::RefSyntax syntax = models::check_ref_syntax(ref);
      if (syntax.problem.empty()) continue;
      std::string subject =
          ref.node->scalar.empty() ? "`" + ref.role + "`" : "`" + ref.node->scalar + "` in `" + ref.role + "`";
      Finding& finding = sink.report(ref.node, printable_value(subject + " " + syntax.problem));
      if (!syntax.suggestion.empty()) finding.suggestion = printable_value(syntax.suggestion);
    }
  }
};

}  // namespace
GWLINT_REGISTER_RULE(ModelRefSyntax);
}  // namespace gwlint
