// GW005 no-gateway-config: the file has no aiGateway section and is skipped.
#include "lint/rule.hpp"

namespace gwlint {
namespace {

class NoGatewayConfig final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"GW005", "no-gateway-config", Severity::Info, "",
                               "the file has no `aiGateway` section; it is skipped"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    const Document& document = input.document;
    if (document.fatal || input.gateway) return;
    const SourceFile& file = document.main_file();
    SourceSpan start{&file, 0, 0};
    const Node* root = document.root;
    if (!root || root->is_null()) {
      sink.report(start, "", "the file is empty: there is no `aiGateway` section to check");
    } else if (!root->is_mapping()) {
      sink.report(root, std::string("the top level is a ") + kind_name(root->kind) +
                            ", not a mapping with an `aiGateway` section; the file is skipped");
    } else {
      sink.report(start, "", "no top-level `aiGateway` section; the file is skipped");
    }
  }
};

}  // namespace
GWLINT_REGISTER_RULE(NoGatewayConfig);
}  // namespace gwlint
