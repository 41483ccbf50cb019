// AZ201 model-name-as-deployment: the name after `azure|` is a model id, but Azure routes by
// deployment name. An inventory entry of exactly that name means the deployment really is
// called so, and the rule stays silent. A `rerankingModel` on azure is GW106's: Azure cannot
// rerank, whatever the deployment.
#include "lint/rule.hpp"
#include "lint/value_helpers.hpp"
#include "rules/data/model_ids.hpp"
#include "rules/models/model_ref_support.hpp"

namespace gwlint {
namespace {

class ModelNameAsDeployment final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"AZ201", "model-name-as-deployment", Severity::Error,
                               "yes, with an inventory that deploys that model once",
                               "the Azure name after `|` is a model id, not a deployment name; Azure routes by "
                               "deployment name"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    const GatewayModel& gateway = *input.gateway;
    const auto& extra_ids = input.context.extra_model_ids;
    models::ServingIndex index(gateway, extra_ids);
    for (const ModelReference& ref : gateway.models) {
      auto name_view = models::azure_deployment_name(ref);
      if (!name_view || !models::role_can_use(ref, "azure") || gateway.deployment(*name_view)) continue;
      auto model = data::match_model_id(*name_view, extra_ids);
      if (!model) continue;
      std::string name(*name_view);
      Finding& finding = sink.report(ref.node, "`" + name + "` in `" + ref.role +
                                                   "` is an Azure OpenAI model name, not a deployment name; Azure "
                                                   "routes requests by deployment, so this call gets 404 "
                                                   "DeploymentNotFound");
      if (!gateway.has_inventory) {
        finding.suggestion = "write the name of the deployment that serves " + model->model +
                             " (Azure AI Foundry → Deployments), e.g. `azure|chat-prod`; list your deployments "
                             "under `deployments:` in the azure block so gwlint can check and fix references";
        continue;
      }
      const std::vector<const Deployment*>& serving = index.serving(name);
      if (serving.size() == 1) {
        const std::string& target = serving.front()->name;
        finding.suggestion = "deployment `" + target + "` serves " + model->model + "; write `azure|" + target + "`";
        finding.fix = replace_value_fix(ref.node, "azure|" + target, Requote::EscapeAsNeeded);
      } else if (serving.empty()) {
        finding.suggestion = "the inventory has no deployment of " + model->model +
                             "; deploy it in Azure and add the deployment to `deployments:`, or reference an "
                             "existing deployment";
      } else {
        finding.suggestion = "the inventory has several deployments of " + model->model + " (" +
                             models::quoted_names(serving) + "); write `azure|` and the one meant";
      }
    }
  }
};

}  // namespace
GWLINT_REGISTER_RULE(ModelNameAsDeployment);
}  // namespace gwlint
