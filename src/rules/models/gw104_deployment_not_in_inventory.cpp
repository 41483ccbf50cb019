// GW104 deployment-not-in-inventory: with an inventory, an `azure|NAME` reference whose NAME is
// not a deployment in it. Without an inventory the rule says nothing: it cannot know.
#include <algorithm>

#include "lint/rule.hpp"
#include "lint/text_utils.hpp"
#include "lint/value_helpers.hpp"
#include "rules/models/model_ref_support.hpp"

namespace gwlint {
namespace {

// Above this many deployments the did-you-mean search is skipped: it compares the name with every
// deployment, and an inventory that large is generated, not typed.
constexpr size_t kMaxDeploymentsForSimilarNames = 1000;

// Deployments whose name differs only slightly (a typo, a case slip) or one name extends the
// other (`chat-prod` and `chat-production`).
std::vector<std::string> close_names(const GatewayModel& gateway, std::string_view name) {
  std::vector<std::string> out;
  if (gateway.deployments.size() > kMaxDeploymentsForSimilarNames) return out;
  for (const Deployment& deployment : gateway.deployments) {
    std::string_view other = deployment.name;
    size_t limit = other.size() <= 4 ? 1 : 2;
    bool extends = std::min(name.size(), other.size()) >= 4 && (istarts_with(name, other) || istarts_with(other, name));
    // The edit distance is at least the difference in length: most names need no matrix at all.
    size_t length_gap = name.size() > other.size() ? name.size() - other.size() : other.size() - name.size();
    if (extends || (length_gap <= limit &&
                    edit_distance(name, other, EditMetric::OptimalStringAlignment, LetterCase::Insensitive) <= limit)) {
      out.push_back(deployment.name);
    }
  }
  return out;
}

class DeploymentNotInInventory final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"GW104", "deployment-not-in-inventory", Severity::Error,
                               "yes, when the model matches one deployment",
                               "with an inventory: the referenced Azure deployment is not in it"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway || !input.gateway->has_inventory) return;
    const GatewayModel& gateway = *input.gateway;
    // The inventory as the message lists it, built once per file.
    std::string listing;
    models::ServingIndex index(gateway, input.context.extra_model_ids);
    for (const ModelReference& ref : gateway.models) {
      auto name_view = models::azure_deployment_name(ref);
      // A `rerankingModel` on azure is GW106's: no deployment can rerank.
      if (!name_view || !models::role_can_use(ref, "azure") || gateway.deployment(*name_view)) continue;
      std::string name(*name_view);
      if (listing.empty()) {
        listing =
            gateway.deployments.empty() ? ", which is empty" : " (" + models::quoted_names(gateway.deployments) + ")";
      }
      std::string message = "`" + name + "` in `" + ref.role + "` is not a deployment in the inventory" + listing;
      message = printable_value(message + ", so Azure answers 404 DeploymentNotFound");

      const std::vector<const Deployment*>& serving = index.serving(name);
      if (serving.size() == 1) {
        const std::string& target = serving.front()->name;
        Finding& finding = sink.report(ref.node, message);
        finding.suggestion =
            "`" + name + "` is the model that deployment `" + target + "` serves; write `azure|" + target + "`";
        finding.fix = replace_value_fix(ref.node, "azure|" + target, Requote::EscapeAsNeeded);
        continue;
      }
      Finding& finding = sink.report(ref.node, message);
      if (serving.size() > 1) {
        finding.suggestion =
            "`" + name + "` is served by " + models::quoted_names(serving) + "; write `azure|` and the one meant";
      } else if (std::vector<std::string> similar = close_names(gateway, name); !similar.empty()) {
        finding.suggestion = "did you mean " + models::quoted_list(similar, 8, "or") +
                             "? Otherwise create the deployment in Azure and add it to the inventory";
      } else {
        finding.suggestion =
            "reference a deployment from the inventory, or create `" + name + "` in Azure and add it to the inventory";
      }
    }
  }
};

}  // namespace
GWLINT_REGISTER_RULE(DeploymentNotInInventory);
}  // namespace gwlint
