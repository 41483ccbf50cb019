// PRV603 ollama-missing-baseurl: an `ollama` block without `baseURL`. Ollama is self-hosted, so
// there is no endpoint to default to; `baseURL` is what makes the block usable.
#include "config/value_source.hpp"
#include "lint/rule.hpp"

namespace gwlint {
namespace {

class OllamaMissingBaseUrl final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"PRV603", "ollama-missing-baseurl", Severity::Error, "",
                               "an `ollama` provider without `baseURL`"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    const ProviderConfig* ollama = input.gateway->provider("ollama");
    if (!ollama) return;
    if (!ollama->body || !ollama->body->is_mapping()) return;      // a type error, GW003's
    if (value_source(ollama->body) != ValueSource::Other) return;  // an unresolved `$include`, GW008's
    const Node* base_url = ollama->field("baseURL");
    bool set = base_url && !base_url->is_null() &&
               (!base_url->is_scalar() || base_url->scalar.find_first_not_of(" \t") != std::string::npos);
    if (set) return;
    Finding& finding = sink.report(ollama->key, std::string("provider `ollama` has ") +
                                                    (base_url ? "an empty `baseURL`" : "no `baseURL`") +
                                                    ", and a self-hosted Ollama server has no default address, so "
                                                    "there is nowhere to send its requests");
    finding.suggestion =
        "set `baseURL` to your Ollama server's API root, e.g. `baseURL: http://localhost:11434/api` "
        "or `baseURL: ${OLLAMA_BASE_URL}`";
  }
};

}  // namespace
GWLINT_REGISTER_RULE(OllamaMissingBaseUrl);
}  // namespace gwlint
