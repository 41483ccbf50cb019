// HDR405 duplicate-header: two header names of one provider equal ignoring case. HTTP names are
// case-insensitive, so both are one header and what is sent depends on the client.
#include <unordered_map>

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
      // Lower-cased name -> the first header of that name: one pass, however many headers.
      std::unordered_map<std::string, size_t> first_of;
      first_of.reserve(headers.size());
      for (size_t i = 0; i < headers.size(); ++i) {
        auto [first, added] = first_of.try_emplace(ascii_lower(headers[i].name), i);
        if (added) continue;
        const HeaderEntry& earlier = headers[first->second];
        // The same key twice in one YAML map is GW002 duplicate-key.
        if (map_form && headers[i].name == earlier.name) continue;
        report(sink, provider, headers[i], earlier);
      }
    }
  }

 private:
  static void report(FindingSink& sink, const ProviderConfig& provider, const HeaderEntry& header,
                     const HeaderEntry& earlier) {
    std::string what = header.name == earlier.name
                           ? " is set twice"
                           : " repeats `" + std::string(earlier.name) + "` (header names ignore case)";
    Finding& finding = sink.report(header.name_node, "header `" + std::string(header.name) + "` of provider `" +
                                                         std::string(provider.id) + "`" + what +
                                                         ", so the client sends both joined into one value "
                                                         "or keeps just one");
    finding.related.push_back({earlier.name_node->span, "`" + std::string(earlier.name) + "` is set here"});
    finding.suggestion =
        "keep one `" + std::string(earlier.name) + "` entry with the value you mean and delete the other";
  }
};

}  // namespace
GWLINT_REGISTER_RULE(DuplicateHeader);
}  // namespace gwlint
