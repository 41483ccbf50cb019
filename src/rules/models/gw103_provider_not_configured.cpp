// GW103 provider-not-configured: a model reference names a provider with no block under
// `providers`. Unknown ids are GW102's; this rule only looks at real provider ids.
#include "lint/rule.hpp"
#include "rules/data/provider_ids.hpp"
#include "rules/models/model_ref_support.hpp"

namespace gwlint {
namespace {

class ProviderNotConfigured final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"GW103", "provider-not-configured", Severity::Error, "",
                               "a model reference names a provider with no block under `providers`"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    const GatewayModel& gateway = *input.gateway;
    for (const ModelReference& ref : gateway.models) {
      auto parts = models::well_formed_parts(ref);
      if (!parts || !parts->provider_known || !data::is_provider_id(parts->provider)) continue;
      if (gateway.provider(parts->provider)) continue;
      std::string provider(parts->provider);
      std::string missing = gateway.providers_node ? "`aiGateway.providers` has no `" + provider + "` block"
                                                   : "`aiGateway` has no `providers` section";
      Finding& finding = sink.report(ref.node, "`" + ref.role + "` uses provider `" + provider + "`, but " + missing +
                                                   ", so the gateway has no credentials or endpoint to call it with");
      std::vector<std::string> configured;
      for (const ProviderConfig& block : gateway.providers) {
        if (data::is_provider_id(block.id)) configured.emplace_back(block.id);
      }
      finding.suggestion = "add the `" + provider + ":` provider block under `aiGateway.providers`, or point `" +
                           ref.role + "` at a provider that is configured" +
                           (configured.empty() ? std::string() : " (" + models::quoted_list(configured) + ")");
    }
  }
};

}  // namespace
GWLINT_REGISTER_RULE(ProviderNotConfigured);
}  // namespace gwlint
