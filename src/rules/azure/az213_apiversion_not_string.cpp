// AZ213 apiversion-not-string: an unquoted `apiVersion: 2024-10-21`. Backstage's YAML 1.2 loader
// keeps it a string, but YAML 1.1 tools that handle the same file (Helm, PyYAML, Ruby, js-yaml's
// default schema) read a timestamp and may pass on `2024-10-21T00:00:00Z` or worse (DOMAIN.md §3).
#include <cctype>
#include <string>

#include "lint/rule.hpp"
#include "rules/azure/url_parts.hpp"

namespace gwlint {
namespace {

// A cursor over the YAML 1.1 timestamp grammar (yaml.org/type/timestamp.html):
//   YYYY-MM-DD  |  YYYY-M-D ( [Tt] | [ \t]+ ) H:MM:SS (.fraction)? ( [ \t]* Z | [-+]H(:MM)? )?
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  bool done() const { return at_ == text_.size(); }
  // Consumes between `min` and `max` digits.
  bool digits(size_t min, size_t max) {
    size_t n = 0;
    while (n < max && at_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[at_]))) ++at_, ++n;
    return n >= min;
  }
  bool one_of(std::string_view chars) {
    if (at_ < text_.size() && chars.find(text_[at_]) != std::string_view::npos) return ++at_, true;
    return false;
  }
  size_t blanks() {
    size_t n = 0;
    while (one_of(" \t")) ++n;
    return n;
  }

 private:
  std::string_view text_;
  size_t at_ = 0;
};

bool is_yaml11_date(std::string_view text) {
  Cursor c(text);
  return c.digits(4, 4) && c.one_of("-") && c.digits(2, 2) && c.one_of("-") && c.digits(2, 2) && c.done();
}

bool is_yaml11_datetime(std::string_view text) {
  Cursor c(text);
  if (!(c.digits(4, 4) && c.one_of("-") && c.digits(1, 2) && c.one_of("-") && c.digits(1, 2))) return false;
  if (!c.one_of("Tt") && c.blanks() == 0) return false;
  if (!(c.digits(1, 2) && c.one_of(":") && c.digits(2, 2) && c.one_of(":") && c.digits(2, 2))) return false;
  if (c.one_of(".")) c.digits(0, std::string_view::npos);
  if (c.done()) return true;
  c.blanks();
  if (c.one_of("Z")) return c.done();
  if (!(c.one_of("+-") && c.digits(1, 2))) return false;
  if (c.one_of(":") && !c.digits(2, 2)) return false;
  return c.done();
}

class ApiversionNotString final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"AZ213", "apiversion-not-string", Severity::Warning, "yes (quote it)",
                               "`apiVersion` is an unquoted YAML date, a timestamp to YAML 1.1 tools such as Helm "
                               "and PyYAML"};
    return info;
  }

  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway || input.document.format == InputFormat::Json) return;  // JSON strings are always quoted
    for (const ProviderConfig& provider : input.gateway->providers) {
      if (provider.id == "azure") check_value(provider, sink);
    }
  }

 private:
  static void check_value(const ProviderConfig& azure, FindingSink& sink) {
    const Node* node = azure.field("apiVersion");
    // An explicit tag (`!!str 2024-10-21`) settles the type for every YAML version.
    if (!node || !node->is_scalar() || node->style != ScalarStyle::Plain || !node->tag.empty()) return;
    const std::string& text = node->scalar;
    if (!is_yaml11_date(text) && !is_yaml11_datetime(text)) return;
    std::string quoted = "\"" + text + "\"";
    Finding& finding = sink.report(node, "`apiVersion: " + text +
                                             "` is an unquoted YAML date: YAML 1.1 tools that handle the same file "
                                             "(Helm, PyYAML, Ruby) read it as a timestamp, not as the string Azure "
                                             "expects");
    finding.suggestion = "quote it: `apiVersion: " + quoted + "`";
    if (azure_endpoint_of(azure) == AzureEndpoint::V1) {
      // Quoting keeps the date, which the v1 endpoint rejects anyway (AZ212).
      finding.suggestion = "quote it (`apiVersion: " + quoted +
                           "`), or better, since this block calls the v1 endpoint, use `apiVersion: preview`";
    }
    finding.fix = Fix{quoted, {TextEdit{node->span.file, node->span.begin, node->span.end, quoted}}, true};
  }
};

}  // namespace
GWLINT_REGISTER_RULE(ApiversionNotString);
}  // namespace gwlint
