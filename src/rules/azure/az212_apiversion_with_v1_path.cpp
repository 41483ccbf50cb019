// AZ212 apiversion-with-v1-path: a dated Azure `apiVersion` with the v1 endpoint (resourceName, or
// a baseURL `https://x.openai.azure.com/openai[/v1]`, also in a sovereign cloud: `.openai.azure.us`,
// `.openai.azure.cn`). The v1 API accepts only `preview`, `v1` or `latest` and answers a dated
// version with 400 "API version not supported" (DOMAIN.md §3, §5).
// Fires on the Portal documentation's own example; that pairing does fail.
#include <string>

#include "config/value_source.hpp"
#include "lint/rule.hpp"
#include "lint/text_utils.hpp"
#include "lint/value_helpers.hpp"
#include "rules/azure/url_parts.hpp"
#include "rules/data/api_versions.hpp"

namespace gwlint {
namespace {

bool is_set(const Node* node) {
  return node && !node->is_null() && !(node->is_scalar() && node->scalar.empty());
}

class ApiversionWithV1Path final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"AZ212", "apiversion-with-v1-path", Severity::Error, "yes (→ `preview`)",
                               "a dated `apiVersion` with the v1 endpoint (resourceName or *.openai.azure.com); Azure "
                               "answers 400 \"API version not supported\""};
    return info;
  }

  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    for (const ProviderConfig& provider : input.gateway->providers) {
      if (provider.id == "azure") check_provider(provider, sink);
    }
  }

 private:
  static void check_provider(const ProviderConfig& azure, FindingSink& sink) {
    const Node* node = azure.field("apiVersion");
    if (!is_literal_string(node)) return;
    if (!data::is_dated_shape(data::parse_api_version(node->scalar).shape)) return;
    if (azure_endpoint_of(azure) != AzureEndpoint::V1) return;

    const Node* base_url = azure.field("baseURL");
    const Node* endpoint = is_set(base_url) ? base_url : azure.field("resourceName");
    std::string via;
    if (endpoint == base_url) {
      via = "`baseURL` on " + as_code(split_url(base_url->scalar).host);
    } else if (endpoint->is_scalar() && value_source(endpoint) == ValueSource::Literal) {
      via = "`resourceName: " + printable_value(endpoint->scalar) + "`";
    } else {
      via = "`resourceName`";
    }
    Finding& finding =
        sink.report(node, "dated `apiVersion` " + as_code(node->scalar) + " with the v1 endpoint (" + via +
                              "): Azure answers every call with 400 \"API version not supported\"");
    finding.related.push_back({endpoint->span, "the v1 endpoint comes from here"});
    finding.suggestion =
        "use `preview` (the Portal's default), `v1` or `latest`, or remove `apiVersion`; a dated "
        "version works only behind a gateway that speaks the deployment-style API";
    finding.fix = replace_value_fix(node, "preview", Requote::SameStyleOnly);
  }
};

}  // namespace
GWLINT_REGISTER_RULE(ApiversionWithV1Path);
}  // namespace gwlint
