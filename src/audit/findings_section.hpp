#pragma once
// A config's findings for the report: each as in `lint --format json` plus its code frame (secrets
// masked), whether it can be fixed, and whether a baseline already knew it.
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "lint/baseline.hpp"
#include "lint/linter.hpp"

namespace gwlint::audit {

// The findings of `report` in source order; `codes` receives the rule codes seen. `baseline`
// (nullptr: none, every finding is "new") counts what it has matched, so callers use it from one
// thread at a time.
nlohmann::ordered_json findings_json(const FileReport& report, Baseline* baseline, std::set<std::string>& codes);

// Rule documentation for the report. A doc's examples may hold the very literal a config has
// (docs/rules/SEC301.md shows a made-up key someone may have pasted), so every doc passes
// through the redactor of every config of the run before it is shown.
class RuleDocs {
 public:
  RuleDocs();                                  // every rule's docs/rules/CODE.md
  void redact_with(const Redactor& redactor);  // thread-safe
  std::string doc(const std::string& code) const;

 private:
  mutable std::mutex lock_;
  std::map<std::string, std::string> docs_;
};

// The catalogue entries (name, summary, default severity, fixable, `explain` text) of `codes`.
nlohmann::ordered_json rules_json(const std::set<std::string>& codes, const RuleDocs& docs);

}  // namespace gwlint::audit
