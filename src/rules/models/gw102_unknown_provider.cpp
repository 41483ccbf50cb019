// GW102 unknown-provider: the provider part of a model reference is not a Portal provider id.
#include <algorithm>

#include "lint/rule.hpp"
#include "lint/text_utils.hpp"
#include "lint/value_helpers.hpp"
#include "rules/data/provider_ids.hpp"
#include "rules/models/model_ref_support.hpp"

namespace gwlint {
namespace {

// Ids the user probably meant: an alias or case variant first, else ids within a small edit
// distance (2, or 1 for very short input, so `aws` does not match every short id).
std::vector<std::string> candidates(std::string_view provider) {
  if (std::string_view alias = data::provider_for_alias(provider); !alias.empty()) return {std::string(alias)};
  size_t limit = provider.size() <= 3 ? 1 : 2;
  std::vector<std::string> out;
  for (std::string_view id : data::provider_ids()) {
    if (edit_distance(provider, id, EditMetric::OptimalStringAlignment, LetterCase::Insensitive) <= limit)
      out.emplace_back(id);
  }
  return out;
}

std::string all_ids() {
  std::vector<std::string> ids(data::provider_ids().begin(), data::provider_ids().end());
  return models::quoted_list(ids);
}

class UnknownProvider final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"GW102", "unknown-provider", Severity::Error, "yes, when one candidate",
                               "provider id not among azure, openai, amazon-bedrock, cohere, google, ollama"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    for (const ModelReference& ref : input.gateway->models) {
      auto parts = models::well_formed_parts(ref);
      if (!parts || !parts->provider_known || data::is_provider_id(parts->provider)) continue;
      std::string provider(parts->provider);
      std::vector<std::string> maybe = candidates(provider);
      std::string message = "`" + provider + "` in `" + ref.role + "` is not a provider id, so `" + ref.node->scalar +
                            "` cannot be resolved";
      if (maybe.size() == 1) {
        std::string fixed = maybe.front() + "|" + std::string(parts->name);
        Finding& finding = sink.report(ref.node, message + "; did you mean `" + maybe.front() + "`?");
        finding.suggestion = "write `" + fixed + "`: provider ids are lower case and exact";
        finding.fix = replace_value_fix(ref.node, fixed, Requote::EscapeAsNeeded);
      } else if (!maybe.empty()) {
        Finding& finding =
            sink.report(ref.node, message + "; did you mean " + models::quoted_list(maybe, 8, "or") + "?");
        finding.suggestion = "use one of the provider ids (" + all_ids() + ")";
      } else {
        Finding& finding = sink.report(ref.node, message + "; the ids are " + all_ids());
        finding.suggestion = "use one of the provider ids, the same key as the provider's block under `providers`";
      }
    }
  }
};

}  // namespace
GWLINT_REGISTER_RULE(UnknownProvider);
}  // namespace gwlint
