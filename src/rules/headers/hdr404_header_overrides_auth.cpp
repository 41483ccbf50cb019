// HDR404 header-overrides-auth: an Azure provider sets `apiKey` and also an `api-key` header.
// The client sends `apiKey` as `api-key` and applies custom headers after it (DOMAIN.md §2), so
// the header silently replaces the configured key.
#include "lint/rule.hpp"
#include "lint/text_utils.hpp"

namespace gwlint {
namespace {

bool is_set(const Node* node) {
  if (!node || node->is_null()) return false;
  if (!node->is_scalar()) return true;
  return node->scalar.find_first_not_of(" \t") != std::string::npos;
}

class HeaderOverridesAuth final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"HDR404", "header-overrides-auth", Severity::Warning, "",
                               "`api-key` in `headers` while `apiKey` is set: two keys, one silently wins"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    const ProviderConfig* azure = input.gateway->provider("azure");
    if (!azure || !azure->body || !azure->body->is_mapping()) return;
    const MappingEntry* api_key = azure->body->find_entry("apiKey");
    if (!api_key || !is_set(api_key->value)) return;
    bool list_form = azure->headers_node && azure->headers_node->is_sequence();
    for (const HeaderEntry& header : azure->headers) {
      if (!iequals(header.name, "api-key")) continue;
      // The finding sits on the name and belongs to the header: `headers.api-key` in the map form,
      // `headers[2]` (the `{key, value}` entry) in the list form.
      std::string path = path_of(list_form ? header.name_node->parent : header.name_node);
      Finding& finding = sink.report(header.name_node->span, path,
                                     "header `" + std::string(header.name) +
                                         "` of provider `azure` replaces the key from `apiKey`, "
                                         "because custom headers are applied after it, so two keys "
                                         "are configured and only the header's is used");
      finding.related.push_back({api_key->key->span, "`apiKey` is set here"});
      finding.suggestion = "keep one key: put it in `apiKey` and delete the `" + std::string(header.name) +
                           "` header; a gateway's own credential goes under its header name "
                           "(`Ocp-Apim-Subscription-Key`, `Authorization`)";
    }
  }
};

}  // namespace
GWLINT_REGISTER_RULE(HeaderOverridesAuth);
}  // namespace gwlint
