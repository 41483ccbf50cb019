// SEC301 plaintext-secret: a field named like a secret (apiKey, secretAccessKey, sessionToken,
// ...) holds a literal instead of `${VAR}`, `{ $env }` or `{ $file }`. The value is never printed.
#include "lint/rule.hpp"
#include "rules/env/gateway_values.hpp"
#include "rules/secrets/env_var_names.hpp"
#include "rules/secrets/literal_secret.hpp"

namespace gwlint {
namespace {

// The variable to propose: the provider SDK's default for provider fields, else named after the
// enclosing key (`plugins.aika.token` -> AIKA_TOKEN).
std::string variable_for(const Node* value, const GatewayModel& gateway) {
  std::string_view field = value->key_in_parent->text();
  if (const ProviderConfig* provider = values::provider_of(value, gateway);
      provider && value->parent == provider->body) {
    return secrets::env_var_for_field(provider->id, field);
  }
  const Node* owner = value->parent;
  std::string_view scope = owner && owner->key_in_parent ? owner->key_in_parent->text() : std::string_view();
  if (scope == "aiGateway") scope = {};
  return secrets::env_var_for_field(secrets::upper_snake(scope), field);
}

class PlaintextSecret final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"SEC301", "plaintext-secret", Severity::Error, "",
                               "`apiKey`, `secretAccessKey`, `sessionToken` (or any key named like a secret) is a "
                               "literal instead of `${VAR}`, `$env` or `$file`; the value is never printed"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    const GatewayModel& gateway = *input.gateway;
    values::for_each_value(gateway.gateway, [&](const Node* value) {
      if (!values::is_secret_field_value(value, gateway)) return;
      std::optional<secrets::LiteralSecret> secret = secrets::literal_secret(value);
      if (!secret) return;
      std::string where = values::describe(value, gateway);
      std::string field(value->key_in_parent->text());
      std::string variable = variable_for(value, gateway);
      if (secret->fallback) {
        const std::string& name = secret->fallback->name;
        Finding& finding = sink.report(value, where + " has a literal secret as the fallback of `${" + name +
                                                  ":-…}`, which is used whenever `" + name +
                                                  "` is unset, so the secret is in the file all the same");
        finding.suggestion = "remove the fallback (`" + field + ": ${" + name +
                             "}`), rotate the secret since it has been committed, and set `" + name +
                             "` wherever the Portal runs";
        return;
      }
      Finding& finding = sink.report(value, where + " is a literal secret in the file; use ${" + variable +
                                                "}, { $env: " + variable + " } or { $file: ... }");
      finding.suggestion =
          "rotate the secret now (it has been in the file, so treat it as leaked), keep the new one "
          "in your secret store, expose it to the Portal as the environment variable `" +
          variable + "` and write `" + field + ": ${" + variable + "}`";
    });
  }
};

}  // namespace
GWLINT_REGISTER_RULE(PlaintextSecret);
}  // namespace gwlint
