// HDR402 header-value-injection: CR, LF or NUL in a header value. CR LF ends a header line in
// HTTP/1.1, so the rest of the value becomes a header (or a request) of its own; careful clients
// refuse the value instead and every request fails. The value itself is never printed.
#include "lint/rule.hpp"

namespace gwlint {
namespace {

bool is_block(const Node* node) {
  return node->style == ScalarStyle::Literal || node->style == ScalarStyle::Folded;
}

// "a CR LF line break", "a line feed", "a NUL character", joined with "and".
std::string characters_in(std::string_view value) {
  bool crlf = value.find("\r\n") != std::string_view::npos;
  bool cr = false, lf = false, nul = false;
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\r' && !(i + 1 < value.size() && value[i + 1] == '\n')) cr = true;
    if (value[i] == '\n' && !(i > 0 && value[i - 1] == '\r')) lf = true;
    if (value[i] == '\0') nul = true;
  }
  std::vector<std::string> parts;
  if (crlf) parts.push_back("a CR LF line break");
  if (cr) parts.push_back("a carriage return (CR)");
  if (lf) parts.push_back("a line feed (LF)");
  if (nul) parts.push_back("a NUL character");
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
  return out;
}

class HeaderValueInjection final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"HDR402", "header-value-injection", Severity::Error, "",
                               "CR, LF or NUL in a header value (request splitting)"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    for (const ProviderConfig& provider : input.gateway->providers) {
      for (const HeaderEntry& header : provider.headers) {
        const Node* value = header.value_node;
        if (!value || !value->is_scalar()) continue;
        std::string_view text = value->scalar;
        if (text.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos) continue;
        std::string where = "header `" + std::string(header.name) + "` of provider `" + std::string(provider.id) + "`";
        // The usual accident: a `|` or `>` block keeps its final newline.
        bool only_final_newline = is_block(value) && text.back() == '\n' &&
                                  text.find_first_of(std::string_view("\r\n\0", 3)) == text.size() - 1;
        if (only_final_newline) {
          std::string block = value->style == ScalarStyle::Literal ? "|" : ">";
          Finding& finding =
              sink.report(value, "the value of " + where + " ends with a line feed, because the `" + block +
                                     "` block scalar keeps its final newline, so the client "
                                     "refuses the header or sends a broken one");
          finding.suggestion =
              "write the value as a plain or quoted scalar, or strip the final newline with `" + block + "-`";
          continue;
        }
        Finding& finding = sink.report(value, "the value of " + where + " contains " + characters_in(text) +
                                                  ", which can inject headers into the request (request splitting), "
                                                  "or makes the client refuse every request");
        finding.suggestion = text.find_first_of("\r\n") == std::string_view::npos
                                 ? "remove the NUL character from the value"
                                 : "make the value a single line and send each header as its own entry";
      }
    }
  }
};

}  // namespace
GWLINT_REGISTER_RULE(HeaderValueInjection);
}  // namespace gwlint
