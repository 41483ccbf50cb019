// SEC303 secret-in-header: a credential-carrying header (Authorization, api-key,
// Ocp-Apim-Subscription-Key, x-api-key, cf-aig-authorization, ...) has a literal value, or any
// header has a literal `Bearer`/`Basic`/`Token` credential. A header named like a credential only
// by its suffix (`X-Tenant-Key`) counts when the value looks like one. The value is never printed.
#include <array>

#include "lint/rule.hpp"
#include "lint/text_utils.hpp"
#include "rules/data/secret_names.hpp"
#include "rules/env/gateway_values.hpp"
#include "rules/secrets/env_var_names.hpp"
#include "rules/secrets/literal_secret.hpp"

namespace gwlint {
namespace {

// Authorization schemes whose word stays in the suggested value; only the credential after it
// moves to a variable. A closed list: any other first word may be part of the secret.
constexpr std::array<std::string_view, 5> kSchemes = {"Bearer", "Basic", "Token", "Digest", "ApiKey"};

std::string scheme_prefix(std::string_view value) {
  size_t space = value.find(' ');
  if (space == std::string_view::npos) return "";
  std::string_view word = value.substr(0, space);
  for (std::string_view scheme : kSchemes) {
    if (iequals(word, scheme)) return std::string(scheme) + " ";
  }
  return "";
}

class SecretInHeader final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"SEC303", "secret-in-header", Severity::Error, "",
                               "a header such as `Authorization`, `api-key`, `Ocp-Apim-Subscription-Key`, "
                               "`x-api-key` carries a literal secret"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    for (const ProviderConfig& provider : input.gateway->providers) {
      for (const HeaderEntry& header : provider.headers) {
        std::optional<secrets::LiteralSecret> secret = secrets::literal_secret(header.value_node);
        if (!secret) continue;
        // What is sent when the file is used as is: the value, or the fallback of `${VAR:-...}`.
        std::string sent = secret->fallback ? scheme_prefix(header.value_node->scalar) + secret->fallback->fallback
                                            : header.value_node->scalar;
        if (!data::header_carries_secret(header.name, sent)) continue;
        std::string where = "header `" + std::string(header.name) + "` of provider `" + std::string(provider.id) + "`";
        if (secret->fallback) {
          const std::string& name = secret->fallback->name;
          Finding& finding =
              sink.report(header.value_node, where + " has a literal secret as the fallback of `${" + name +
                                                 ":-…}`, which is sent whenever `" + name + "` is unset");
          finding.suggestion = "remove the fallback (`" + scheme_prefix(header.value_node->scalar) + "${" + name +
                               "}`), rotate the credential since it has been committed, and set `" + name +
                               "` wherever the Portal runs";
          continue;
        }
        std::string variable = secrets::env_var_for_header(provider.id, header.name);
        std::string replacement = scheme_prefix(header.value_node->scalar) + "${" + variable + "}";
        Finding& finding = sink.report(header.value_node,
                                       where + " carries a literal credential in the file; use `" + replacement + "`");
        finding.suggestion =
            "rotate the credential (it has been in the file, so treat it as leaked), keep the new one "
            "in your secret store, expose it as the environment variable `" +
            variable + "` and set the header to `" + replacement + "`";
      }
    }
  }
};

}  // namespace
GWLINT_REGISTER_RULE(SecretInHeader);
}  // namespace gwlint
