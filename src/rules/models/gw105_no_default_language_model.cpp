// GW105 no-default-language-model: providers are configured but no top-level `languageModel` key.
// A plugin's own languageModel applies to that plugin only, so it does not count. A key with no
// value is GW003's (a null where a string belongs), not a second finding here.
#include "lint/rule.hpp"

namespace gwlint {
namespace {

bool has_providers(const GatewayModel& gateway) {
  const Node* providers = gateway.providers_node;
  return providers && providers->is_mapping() && !providers->entries.empty();
}

class NoDefaultLanguageModel final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"GW105", "no-default-language-model", Severity::Warning, "",
                               "providers are configured but no `languageModel` is set"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway || !input.gateway->gateway || !input.gateway->gateway->is_mapping()) return;
    const GatewayModel& gateway = *input.gateway;
    if (!has_providers(gateway)) return;
    // Only a missing key is this rule's: `languageModel:` or `~` is a null where a string belongs,
    // GW003's, and "" is GW101's (a malformed reference).
    if (gateway.gateway->find_entry("languageModel")) return;
    Finding& finding = sink.report(gateway.gateway_key,
                                   "`aiGateway` configures providers but sets no `languageModel`, so features "
                                   "without a model of their own have no default chat model to call");
    finding.suggestion =
        "set `languageModel` to the default chat model as `provider|name`, for Azure a chat deployment such as "
        "`azure|chat-prod`";
  }
};

}  // namespace
GWLINT_REGISTER_RULE(NoDefaultLanguageModel);
}  // namespace gwlint
