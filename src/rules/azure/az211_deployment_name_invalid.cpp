// AZ211 deployment-name-invalid: a deployment name Azure could never have created, in an
// `azure|NAME` reference or an inventory key.
#include "lint/rule.hpp"
#include "lint/text_utils.hpp"
#include "rules/data/azure_names.hpp"
#include "rules/models/model_ref_support.hpp"

namespace gwlint {
namespace {

constexpr const char* kRules =
    "Azure deployment names are 2 to 64 letters, digits, `-`, `_` and `.`, not ending in `.`";

class DeploymentNameInvalid final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"AZ211", "deployment-name-invalid", Severity::Error, "",
                               "the deployment name breaks Azure's deployment naming rules"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    const GatewayModel& gateway = *input.gateway;
    for (const ModelReference& ref : gateway.models) {
      auto name = models::azure_deployment_name(ref);
      if (!name) continue;
      auto problem = data::deployment_name_problem(*name);
      if (!problem) continue;
      Finding& finding = sink.report(ref.node, "deployment name `" + std::string(*name) + "` in `" + ref.role + "` " +
                                                   *problem + "; " + kRules + ", so no such deployment can exist");
      finding.suggestion = "use the deployment name exactly as Azure AI Foundry → Deployments shows it";
    }
    for (const Deployment& deployment : gateway.deployments) {
      if (!deployment.node) continue;
      auto problem = data::deployment_name_problem(deployment.name);
      if (!problem) continue;
      Finding& finding =
          sink.report(deployment.node, printable_value("inventory deployment `" + deployment.name + "` " + *problem +
                                                       "; " + kRules + ", so Azure cannot have such a deployment"));
      finding.suggestion =
          "correct the name to the one Azure shows, e.g. from `az cognitiveservices account "
          "deployment list`";
    }
  }
};

}  // namespace
GWLINT_REGISTER_RULE(DeploymentNameInvalid);
}  // namespace gwlint
