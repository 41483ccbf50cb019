#include "audit/findings_section.hpp"

#include "lint/rule.hpp"
#include "report/code_frame.hpp"
#include "report/finding_json.hpp"
#include "report/rule_catalogue.hpp"

namespace gwlint::audit {

namespace {

using json = nlohmann::ordered_json;

// Which findings a baseline covers. Baseline::filter removes covered findings from a list, so the
// copy is tagged with indexes in `message` (baseline keys are file, rule and config path) to see
// which ones stayed.
std::vector<bool> known_by_baseline(const std::vector<Finding>& findings, Baseline* baseline) {
  std::vector<bool> known(findings.size(), false);
  if (!baseline) return known;
  std::vector<Finding> copy = findings;
  for (size_t i = 0; i < copy.size(); ++i) copy[i].message = std::to_string(i);
  baseline->filter(copy);
  std::fill(known.begin(), known.end(), true);
  for (const Finding& left : copy) known[std::stoul(left.message)] = false;
  return known;
}

}  // namespace

json findings_json(const FileReport& report, Baseline* baseline, std::set<std::string>& codes) {
  json out = json::array();
  std::vector<bool> known = known_by_baseline(report.findings, baseline);
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& finding = report.findings[i];
    json item = finding_to_json(finding);
    item["fixable"] = finding.fix.has_value() && finding.fix->safe;
    item["baseline"] = known[i] ? "known" : "new";
    // Colourless: the frame is printed by the templates, which escape it.
    item["code_frame"] = render_code_frame(finding, report.redactor, false);
    codes.insert(finding.code);
    out.push_back(std::move(item));
  }
  return out;
}

RuleDocs::RuleDocs() {
  for (const Rule* rule : RuleRegistry::instance().rules()) {
    std::string code(rule->info().code);
    docs_[code] = std::string(rule_doc(code));
  }
}

void RuleDocs::redact_with(const Redactor& redactor) {
  if (redactor.empty()) return;
  std::lock_guard<std::mutex> guard(lock_);
  for (auto& [code, doc] : docs_) doc = redactor.redact(doc);
}

std::string RuleDocs::doc(const std::string& code) const {
  std::lock_guard<std::mutex> guard(lock_);
  auto it = docs_.find(code);
  return it == docs_.end() ? std::string() : it->second;
}

json rules_json(const std::set<std::string>& codes, const RuleDocs& docs) {
  json out = json::object();
  for (const std::string& code : codes) {
    const Rule* rule = RuleRegistry::instance().find(code);
    if (!rule) continue;
    const RuleInfo& info = rule->info();
    out[code] = {{"name", std::string(info.name)},
                 {"summary", std::string(info.summary)},
                 {"default_severity", std::string(severity_name(info.default_severity))},
                 {"fixable", std::string(info.fixable)},
                 {"doc", docs.doc(code)},
                 {"explain", "gwlint explain " + code}};
  }
  return out;
}

}  // namespace gwlint::audit
