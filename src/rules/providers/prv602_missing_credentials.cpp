// PRV602 missing-credentials: a provider other than ollama has no key (azure, openai, cohere,
// google: `apiKey`; amazon-bedrock: the `accessKeyId` + `secretAccessKey` pair). Reported at the
// provider's key; unknown provider ids are GW102/GW003's business.
#include <algorithm>

#include "config/value_source.hpp"
#include "lint/rule.hpp"
#include "rules/data/provider_ids.hpp"
#include "rules/secrets/env_var_names.hpp"

namespace gwlint {
namespace {

// Present and not empty; a reference mapping ({ $env }, { $file }) counts as present.
bool has_value(const ProviderConfig& provider, std::string_view field) {
  const Node* node = provider.field(field);
  if (!node || node->is_null()) return false;
  return !node->is_scalar() || node->scalar.find_first_not_of(" \t\r\n") != std::string::npos;
}

// "missing" or "empty", for the message.
std::string state_of(const ProviderConfig& provider, std::string_view field) {
  return provider.field(field) ? "an empty `" + std::string(field) + "`" : "no `" + std::string(field) + "`";
}

std::string reference(std::string_view provider, std::string_view field) {
  return "`" + std::string(field) + ": ${" + secrets::env_var_for_field(provider, field) + "}`";
}

class MissingCredentials final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"PRV602", "missing-credentials", Severity::Error, "",
                               "a provider other than Ollama has no key (Bedrock: no access key pair)"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    for (const ProviderConfig& provider : input.gateway->providers) {
      if (provider.id == "ollama" || !data::is_provider_id(provider.id)) continue;
      // Anything but a mapping (a null body too) is a type error, GW003's.
      if (!provider.body || !provider.body->is_mapping()) continue;
      // `{ $include: ... }` is resolved by the loader; one left is GW008's.
      if (value_source(provider.body) != ValueSource::Other) continue;
      std::string id(provider.id);
      if (provider.id == "amazon-bedrock") {
        check_bedrock(provider, sink);
        continue;
      }
      if (has_value(provider, "apiKey")) continue;
      Finding& finding = sink.report(provider.key, "provider `" + id + "` has " + state_of(provider, "apiKey") +
                                                       ", so its requests are rejected with 401 or silently use a key "
                                                       "from the machine's environment");
      finding.suggestion = "add " + reference(id, "apiKey") + ", or remove the `" + id + "` block if it is unused";
    }
  }

 private:
  static void check_bedrock(const ProviderConfig& provider, FindingSink& sink) {
    bool id_set = has_value(provider, "accessKeyId");
    bool secret_set = has_value(provider, "secretAccessKey");
    if (id_set && secret_set) return;
    std::string id(provider.id);
    std::string what;
    if (!id_set && !secret_set) {
      what = "has no access key pair (`accessKeyId` and `secretAccessKey`)";
    } else if (!secret_set) {
      what = "has `accessKeyId` but " + state_of(provider, "secretAccessKey") + ", so requests cannot be signed";
    } else {
      what = "has `secretAccessKey` but " + state_of(provider, "accessKeyId") + ", so requests cannot be signed";
    }
    Finding& finding = sink.report(provider.key, "provider `" + id + "` " + what +
                                                     (id_set || secret_set ? ""
                                                                           : ", so its requests are unsigned or "
                                                                             "pick up whatever AWS credentials "
                                                                             "the machine has"));
    std::string add;
    if (!id_set) add += reference(id, "accessKeyId");
    if (!secret_set) add += (add.empty() ? "" : " and ") + reference(id, "secretAccessKey");
    finding.suggestion = "add " + add +
                         " (plus `sessionToken: ${AWS_SESSION_TOKEN}` for temporary credentials), or "
                         "remove the `" +
                         id + "` block if it is unused";
  }
};

}  // namespace
GWLINT_REGISTER_RULE(MissingCredentials);
}  // namespace gwlint
