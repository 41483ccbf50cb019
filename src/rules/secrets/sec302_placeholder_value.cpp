// SEC302 placeholder-value: a value copied from documentation and never replaced
// (`your-azure-api-key`, `my-openai-resource`, `abc123...`, `custom-value`, ...), anywhere in
// aiGateway, including the name part of `provider|name` model references.
#include <unordered_set>

#include "lint/rule.hpp"
#include "rules/data/placeholders.hpp"
#include "rules/env/gateway_values.hpp"
#include "rules/secrets/env_var_names.hpp"

namespace gwlint {
namespace {

struct Advice {
  std::string consequence;  // after "; " in the message
  std::string fix;          // the suggestion
};

Advice advice_for(const Node* value, const GatewayModel& gateway) {
  const ProviderConfig* provider = values::provider_of(value, gateway);
  if (values::header_with_value(value, gateway)) {
    return {"it is sent as is with every request", "set the value your gateway expects, or delete the example header"};
  }
  std::string_view key = value->key_in_parent ? value->key_in_parent->text() : std::string_view();
  if (values::is_secret_field_value(value, gateway) || key == "accessKeyId") {
    std::string_view id = provider ? provider->id : std::string_view();
    std::string variable = secrets::env_var_for_field(id, key);
    std::string consequence = id == "azure"            ? "Azure answers 401 (invalid subscription key)"
                              : id == "amazon-bedrock" ? "AWS rejects every request as unauthenticated"
                                                       : "the provider answers 401";
    return {consequence, "reference your real credential instead: `" + std::string(key) + ": ${" + variable + "}`"};
  }
  if (key == "resourceName") {
    return {"requests go to a host that does not exist or is somebody else's",
            "use your resource's name: the `NAME` in its endpoint `https://NAME.openai.azure.com`"};
  }
  if (key == "baseURL") {
    return {"requests go to a host that does not exist or is somebody else's",
            "use the real base URL of your endpoint or gateway"};
  }
  if (key == "region")
    return {"the client cannot build an endpoint from it", "use your AWS region id, e.g. `us-east-1`"};
  return {"it was never replaced with the real value", "replace it with your real value"};
}

Advice advice_for_model(const ModelReference& ref) {
  if (ref.provider == "azure") {
    return {"no deployment has that name, so the call gets 404 DeploymentNotFound",
            "use the name of your Azure deployment (Azure portal → the resource → Deployments)"};
  }
  return {"no model has that name", "use the id of the model you want"};
}

class PlaceholderValue final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"SEC302", "placeholder-value", Severity::Error, "",
                               "a value copied from documentation (`your-azure-api-key`, `your-resource-name`, "
                               "`your-deployment-name`, `abc123...`, `my-openai-resource`, `custom-value`)"};
    return info;
  }

  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    const GatewayModel& gateway = *input.gateway;
    std::unordered_set<const Node*> model_nodes;
    for (const ModelReference& ref : gateway.models) {
      model_nodes.insert(ref.node);
      check_model(ref, sink);
    }
    values::for_each_value(gateway.gateway, [&](const Node* value) {
      if (!value->is_scalar() || model_nodes.count(value)) return;
      // `{ $env: NAME }` names a variable, and a header's name is not a value.
      if (value->key_in_parent && value->key_in_parent->text().substr(0, 1) == "$") return;
      if (values::header_with_name(value, gateway)) return;
      std::optional<std::string_view> placeholder = data::find_placeholder(value->scalar);
      if (!placeholder) return;
      report(sink, value, values::describe(value, gateway), *placeholder, advice_for(value, gateway));
    });
  }

 private:
  static void check_model(const ModelReference& ref, FindingSink& sink) {
    std::string where = "`" + ref.role + "`";
    if (!ref.has_separator) {
      if (std::optional<std::string_view> placeholder = data::find_placeholder(ref.name)) {
        report(sink, ref.node, where, *placeholder, advice_for_model(ref));
      }
      return;
    }
    std::optional<std::string_view> placeholder = data::find_placeholder(ref.name);
    if (!placeholder) return;
    std::string kind = ref.provider == "azure" ? "deployment name" : "model name";
    Advice advice = advice_for_model(ref);
    Finding& finding = sink.report(ref.node, "`" + std::string(*placeholder) + "` in " + where + " (`" +
                                                 ref.node->scalar + "`) is a placeholder " + kind +
                                                 " copied from the documentation; " + advice.consequence);
    finding.suggestion = advice.fix;
  }

  static void report(FindingSink& sink, const Node* value, const std::string& where, std::string_view placeholder,
                     const Advice& advice) {
    // find_placeholder() returns the whole (trimmed) value or a part of it.
    std::string_view whole = value->scalar;
    while (!whole.empty() && whole.back() == ' ') whole.remove_suffix(1);
    while (!whole.empty() && whole.front() == ' ') whole.remove_prefix(1);
    bool is_whole = placeholder == whole;
    std::string message = is_whole ? where + " is `" + std::string(placeholder) + "`, a placeholder"
                                   : "`" + std::string(placeholder) + "` in " + where + " is a placeholder";
    Finding& finding = sink.report(value, message + " copied from the documentation; " + advice.consequence);
    finding.suggestion = advice.fix;
  }
};

}  // namespace
GWLINT_REGISTER_RULE(PlaceholderValue);
}  // namespace gwlint
