// AZ203 missing-endpoint: an azure block with neither `resourceName` nor `baseURL`, so the
// client has no host to call (the SDK would fall back to the AZURE_RESOURCE_NAME variable).
#include "lint/rule.hpp"

namespace gwlint {
namespace {

bool is_set(const Node* node) {
  return node && !node->is_null() && !(node->is_scalar() && node->scalar.empty());
}

class MissingEndpoint final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"AZ203", "missing-endpoint", Severity::Error, "",
                               "the azure provider has neither `resourceName` nor `baseURL`"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    const ProviderConfig* azure = input.gateway->provider("azure");
    // A scalar or list body is the schema's business; a null body configures nothing at all.
    if (!azure || !(azure->body->is_mapping() || azure->body->is_null())) return;
    if (azure->body->is_mapping() && azure->body->entries.size() == 1 &&
        azure->body->entries[0].key->text() == "$include") {
      return;  // the block lives in an unresolved include; gwlint cannot see its fields
    }
    if (is_set(azure->field("resourceName")) || is_set(azure->field("baseURL"))) return;
    Finding& finding = sink.report(azure->key,
                                   "the `azure` provider sets neither `resourceName` nor `baseURL`, so the client "
                                   "has no endpoint to send requests to");
    finding.suggestion =
        "add `resourceName:` with the resource's subdomain (the `x` in `https://x.openai.azure.com/`), or `baseURL:` "
        "for a gateway in front of Azure";
  }
};

}  // namespace
GWLINT_REGISTER_RULE(MissingEndpoint);
}  // namespace gwlint
