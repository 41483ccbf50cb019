// AZ205 resourcename-invalid: `resourceName` cannot be an Azure custom subdomain, so the host
// `{resourceName}.openai.azure.com` cannot exist. Pasted URLs and hosts are AZ204's.
#include "config/value_source.hpp"
#include "lint/rule.hpp"
#include "lint/text_utils.hpp"
#include "lint/value_helpers.hpp"
#include "rules/data/azure_names.hpp"
#include "rules/models/model_ref_support.hpp"

namespace gwlint {
namespace {

class ResourcenameInvalid final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"AZ205", "resourcename-invalid", Severity::Error, "",
                               "`resourceName` breaks Azure's custom subdomain rules (characters, length, "
                               "leading/trailing hyphen)"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    const ProviderConfig* azure = input.gateway->provider("azure");
    const Node* value = azure ? azure->field("resourceName") : nullptr;
    // An env or file reference is only known at run time; "" is an unset value (AZ203's).
    if (!is_string_scalar(value) || value->scalar.empty()) return;
    if (value_source(value) != ValueSource::Literal || data::parse_pasted_endpoint(value->scalar)) return;
    auto problem = data::resource_name_problem(value->scalar);
    if (!problem) return;
    Finding& finding = sink.report(value, printable_value("`resourceName: " + value->scalar + "` " + *problem +
                                                          "; Azure resource names are 2 to 64 letters, digits and "
                                                          "hyphens, starting and ending with a letter or digit, so "
                                                          "no such host exists"));
    finding.suggestion =
        "copy the subdomain from the resource's endpoint (Azure portal → Keys and Endpoint): the `x` in "
        "`https://x.openai.azure.com/`";
  }
};

}  // namespace
GWLINT_REGISTER_RULE(ResourcenameInvalid);
}  // namespace gwlint
