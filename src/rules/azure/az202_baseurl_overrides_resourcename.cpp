// AZ202 baseurl-overrides-resourcename: both `baseURL` and `resourceName` in the azure block;
// the client uses baseURL and silently ignores resourceName.
#include "config/value_source.hpp"
#include "lint/rule.hpp"
#include "rules/data/azure_names.hpp"

namespace gwlint {
namespace {

// Set means a value is written: `resourceName:` with nothing after it, or "", sets nothing.
bool is_set(const Node* node) {
  return node && !node->is_null() && !(node->is_scalar() && node->scalar.empty());
}

class BaseurlOverridesResourcename final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"AZ202", "baseurl-overrides-resourcename", Severity::Warning, "",
                               "both `baseURL` and `resourceName` are set; `resourceName` is ignored"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    const ProviderConfig* azure = input.gateway->provider("azure");
    if (!azure) return;
    const Node* base_url = azure->field("baseURL");
    const Node* resource_name = azure->field("resourceName");
    if (!is_set(base_url) || !is_set(resource_name)) return;
    // The host resourceName would give only for a bare, valid name: a pasted URL or host is AZ204's,
    // and `https://x.openai.azure.com/.openai.azure.com` would be no host at all.
    bool bare_name = value_source(resource_name) == ValueSource::Literal && resource_name->is_scalar() &&
                     !data::parse_pasted_endpoint(resource_name->scalar) &&
                     !data::resource_name_problem(resource_name->scalar);
    std::string named = bare_name ? "`resourceName: " + resource_name->scalar + "`" : "`resourceName`";
    std::string host = bare_name ? resource_name->scalar + ".openai.azure.com" : "the resource named there";
    Finding& finding =
        sink.report(base_url, "`baseURL` overrides " + named +
                                  ", which is then ignored: requests go to the baseURL, never to " + host);
    finding.related.push_back({resource_name->span, "ignored because baseURL is set"});
    finding.suggestion =
        "keep one endpoint: delete `resourceName` when a gateway or proxy is meant, or `baseURL` for a direct "
        "connection to the resource";
  }
};

}  // namespace
GWLINT_REGISTER_RULE(BaseurlOverridesResourcename);
}  // namespace gwlint
