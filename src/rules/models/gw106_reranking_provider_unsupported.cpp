// GW106 reranking-provider-unsupported: a `rerankingModel` whose provider has no reranking
// endpoint the gateway can call (only cohere and amazon-bedrock do).
#include "lint/rule.hpp"
#include "rules/data/provider_ids.hpp"
#include "rules/models/model_ref_support.hpp"

namespace gwlint {
namespace {

class RerankingProviderUnsupported final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"GW106", "reranking-provider-unsupported", Severity::Error, "",
                               "`rerankingModel` names a provider other than cohere or amazon-bedrock"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    for (const ModelReference& ref : input.gateway->models) {
      if (!ref.is_reranking()) continue;
      auto parts = models::well_formed_parts(ref);
      // Unknown ids are GW102's; only a real provider without reranking is this rule's.
      if (!parts || !parts->provider_known || !data::is_provider_id(parts->provider)) continue;
      if (data::supports_reranking(parts->provider)) continue;
      std::string provider(parts->provider);
      Finding& finding = sink.report(ref.node, "`" + ref.role + "` uses provider `" + provider +
                                                   "`, which has no reranking endpoint in the AI Gateway; only "
                                                   "`cohere` and `amazon-bedrock` models can rerank");
      finding.suggestion =
          "point `" + ref.role +
          "` at a Cohere or Bedrock rerank model (`cohere|rerank-v3.5`, `amazon-bedrock|cohere.rerank-v3-5:0`) "
          "and configure that provider, or remove the key";
    }
  }
};

}  // namespace
GWLINT_REGISTER_RULE(RerankingProviderUnsupported);
}  // namespace gwlint
