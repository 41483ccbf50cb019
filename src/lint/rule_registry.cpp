#include <algorithm>
#include <array>

#include "lint/rule.hpp"
#include "lint/text_utils.hpp"

namespace gwlint {

Finding& FindingSink::report(const Node* node, std::string message) {
  return report(node ? node->span : SourceSpan{}, node ? path_of(node) : std::string(), std::move(message));
}

Finding& FindingSink::report(SourceSpan span, std::string path, std::string message) {
  const RuleInfo& info = rule_.info();
  Finding finding;
  finding.code = std::string(info.code);
  finding.name = std::string(info.name);
  finding.severity = info.default_severity;
  finding.span = span;
  finding.path = std::move(path);
  finding.message = std::move(message);
  out_.push_back(std::move(finding));
  return out_.back();
}

RuleRegistry& RuleRegistry::instance() {
  static RuleRegistry registry;
  return registry;
}

namespace {

int group_rank(std::string_view code) {
  static constexpr std::array<std::string_view, 6> groups = {"GW", "AZ", "SEC", "HDR", "ENV", "PRV"};
  for (size_t i = 0; i < groups.size(); ++i) {
    if (code.substr(0, groups[i].size()) == groups[i]) return static_cast<int>(i);
  }
  return static_cast<int>(groups.size());
}

}  // namespace

// Rules register during static initialisation, before any lint thread starts; keeping the
// list sorted on insert makes rules() a plain read, safe from every thread.
bool RuleRegistry::add(std::unique_ptr<Rule> rule) {
  auto before = [](const Rule* a, const Rule* b) {
    int ga = group_rank(a->info().code), gb = group_rank(b->info().code);
    return ga != gb ? ga < gb : a->info().code < b->info().code;
  };
  ordered_.insert(std::upper_bound(ordered_.begin(), ordered_.end(), rule.get(), before), rule.get());
  owned_.push_back(std::move(rule));
  return true;
}

const std::vector<const Rule*>& RuleRegistry::rules() const {
  return ordered_;
}

const Rule* RuleRegistry::find(std::string_view code_or_name) const {
  for (const Rule* rule : rules()) {
    if (iequals(rule->info().code, code_or_name) || rule->info().name == code_or_name) return rule;
  }
  return nullptr;
}

}  // namespace gwlint
