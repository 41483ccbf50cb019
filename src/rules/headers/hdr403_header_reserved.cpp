// HDR403 header-reserved: a header the HTTP client owns (Host, Content-Length,
// Transfer-Encoding, Connection, Content-Type) is set in config.
#include "lint/rule.hpp"
#include "rules/data/reserved_headers.hpp"

namespace gwlint {
namespace {

class HeaderReserved final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"HDR403", "header-reserved", Severity::Error, "",
                               "a header the client owns: `Host`, `Content-Length`, `Transfer-Encoding`, "
                               "`Connection`, `Content-Type`"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    for (const ProviderConfig& provider : input.gateway->providers) {
      for (const HeaderEntry& header : provider.headers) {
        const data::ReservedHeader* reserved = data::find_reserved_header(header.name);
        if (!reserved) continue;
        Finding& finding = sink.report(
            header.name_node, "header `" + std::string(header.name) + "` of provider `" + std::string(provider.id) +
                                  "` belongs to the HTTP client: " + std::string(reserved->reason));
        finding.suggestion =
            "delete the `" + std::string(header.name) + "` header; the client sends the right value itself";
        if (!reserved->advice.empty()) *finding.suggestion += "; " + std::string(reserved->advice);
      }
    }
  }
};

}  // namespace
GWLINT_REGISTER_RULE(HeaderReserved);
}  // namespace gwlint
