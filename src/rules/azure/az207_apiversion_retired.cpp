// AZ207 apiversion-retired: an Azure `apiVersion` on the retirement table; an error once the
// retirement date is reached (relative to --today), a warning in the 90 days before it.
#include <string>

#include "lint/rule.hpp"
#include "lint/text_utils.hpp"
#include "lint/value_helpers.hpp"
#include "rules/azure/url_parts.hpp"
#include "rules/data/api_versions.hpp"

namespace gwlint {
namespace {

// Long enough to plan a change and roll it out; Microsoft announced the 2024 retirements about
// three months ahead.
constexpr int kWarningWindowDays = 90;

class ApiversionRetired final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"AZ207", "apiversion-retired", Severity::Error, "",
                               "`apiVersion` is retired (error) or retires within 90 days of --today (warning)"};
    return info;
  }

  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    for (const ProviderConfig& provider : input.gateway->providers) {
      if (provider.id == "azure") check_provider(provider, input.context, sink);
    }
  }

 private:
  static void check_provider(const ProviderConfig& azure, const LintContext& context, FindingSink& sink) {
    const Node* node = azure.field("apiVersion");
    if (!is_literal_string(node)) return;
    const data::ApiVersion* version = data::find_azure_api_version(node->scalar);
    if (!version || version->retired.empty()) return;
    CivilDate retired;
    if (!parse_civil_date(std::string(version->retired), retired)) return;

    int days_left = retired.days_since_epoch() - context.today.days_since_epoch();
    if (days_left > kWarningWindowDays) return;
    std::string name = as_code(version->version);
    std::string date(version->retired);
    Finding* finding = nullptr;
    if (days_left <= 0) {
      finding = &sink.report(node, "api-version " + name + " was retired on " + date +
                                       "; Azure rejects every request that still sends it");
    } else {
      finding = &sink.report(node, "api-version " + name + " retires on " + date + ", in " + std::to_string(days_left) +
                                       (days_left == 1 ? " day" : " days") +
                                       "; from then on Azure rejects every request that sends it");
      finding->severity = Severity::Warning;
    }
    if (azure_endpoint_of(azure) == AzureEndpoint::V1) {
      finding->suggestion =
          "this block calls the v1 endpoint: use `preview` (the Portal's default) or `v1` instead "
          "of any dated version";
    } else {
      finding->suggestion = "move to a supported version: `preview` or `v1` on the v1 API, or the current GA `" +
                            std::string(data::latest_ga_api_version()) +
                            "` behind a gateway that speaks the deployment-style API; test it first, newer versions "
                            "can change request and response shapes";
    }
  }
};

}  // namespace
GWLINT_REGISTER_RULE(ApiversionRetired);
}  // namespace gwlint
