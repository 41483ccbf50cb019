// AZ204 resourcename-is-url: `resourceName` holds a pasted endpoint URL or host instead of the
// bare name; the client would build `https://https://x.openai.azure.com/.openai.azure.com/...`.
#include "lint/rule.hpp"
#include "lint/text_utils.hpp"
#include "lint/value_helpers.hpp"
#include "rules/data/azure_names.hpp"
#include "rules/models/model_ref_support.hpp"

namespace gwlint {
namespace {

class ResourcenameIsUrl final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"AZ204", "resourcename-is-url", Severity::Error, "yes",
                               "`resourceName` holds a URL or host (`https://x.openai.azure.com/`); the fix keeps "
                               "just `x`"};
    return info;
  }
  // The value as shown in a message, without any `user:password@` it carries.
  static std::string shown(const std::string& value) {
    size_t scheme = value.find("://");
    size_t start = scheme == std::string::npos ? 0 : scheme + 3;
    size_t host_end = value.find_first_of("/?#", start);
    size_t at = value.rfind('@', host_end == std::string::npos ? std::string::npos : host_end);
    if (at == std::string::npos || at < start) return value;
    return value.substr(0, start) + "…@" + value.substr(at + 1);
  }

  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    const ProviderConfig* azure = input.gateway->provider("azure");
    const Node* value = azure ? azure->field("resourceName") : nullptr;
    if (!is_literal_string(value)) return;
    auto endpoint = data::parse_pasted_endpoint(value->scalar);
    if (!endpoint) return;
    bool fixable = endpoint->azure_openai_host && !data::resource_name_problem(endpoint->first_label);
    bool url = value->scalar.find_first_of("/?#") != std::string::npos;
    std::string what = url ? "a URL" : "a host name";
    if (fixable) {
      Finding& finding =
          sink.report(value, printable_value("`resourceName` holds " + what + " (`" + shown(value->scalar) +
                                             "`), but the client builds "
                                             "`https://{resourceName}.openai.azure.com`; write just `" +
                                             endpoint->first_label + "`"));
      finding.suggestion = "set `resourceName: " + endpoint->first_label + "`";
      finding.fix = replace_value_fix(value, endpoint->first_label, Requote::EscapeAsNeeded);
      return;
    }
    Finding& finding =
        sink.report(value, printable_value("`resourceName` holds " + what + " (`" + shown(value->scalar) +
                                           "`), but the client builds "
                                           "`https://{resourceName}.openai.azure.com` from a bare "
                                           "resource name"));
    finding.suggestion =
        "for a host that is not `x.openai.azure.com` (a gateway, another cloud, a custom domain), move the URL to "
        "`baseURL` and delete `resourceName`; for an Azure OpenAI resource, write just its subdomain";
  }
};

}  // namespace
GWLINT_REGISTER_RULE(ResourcenameIsUrl);
}  // namespace gwlint
