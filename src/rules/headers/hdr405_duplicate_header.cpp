// HDR405 duplicate-header: two header names of one provider equal ignoring case. HTTP names are
// case-insensitive, so both are one header and what is sent depends on the client.
#include "lint/rule.hpp"
#include "lint/text_utils.hpp"

namespace gwlint {
namespace {

class DuplicateHeader final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"HDR405", "duplicate-header", Severity::Error, "",
                               "two header names equal ignoring case"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    for (const ProviderConfig& provider : input.gateway->providers) {
      bool map_form = provider.headers_node && provider.headers_node->is_mapping();
      const auto& headers = provider.headers;
      for (size_t i = 1; i < headers.size(); ++i) {
        for (size_t j = 0; j < i; ++j) {
          if (!iequals(headers[i].name, headers[j].name)) continue;
          // The same key twice in one YAML map is GW002 duplicate-key.
          if (map_form && headers[i].name == headers[j].name) break;
          std::string what = headers[i].name == headers[j].name
                                 ? " is set twice"
                                 : " repeats `" + std::string(headers[j].name) + "` (header names ignore case)";
          Finding& finding =
              sink.report(headers[i].name_node, "header `" + std::string(headers[i].name) + "` of provider `" +
                                                    std::string(provider.id) + "`" + what +
                                                    ", so the client sends both joined into one value "
                                                    "or keeps just one");
          finding.related.push_back({headers[j].name_node->span, "`" + std::string(headers[j].name) + "` is set here"});
          finding.suggestion =
              "keep one `" + std::string(headers[j].name) + "` entry with the value you mean and delete the other";
          break;
        }
      }
    }
  }
};

}  // namespace
GWLINT_REGISTER_RULE(DuplicateHeader);
}  // namespace gwlint
