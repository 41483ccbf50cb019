#pragma once
// The lint pipeline for one file: load → schema → typed model → every rule → severity policy
// → ordering → redaction. The CLI, tests and benchmarks all call this.
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "config/document.hpp"
#include "config/load_limits.hpp"
#include "lint/finding.hpp"
#include "lint/lint_context.hpp"
#include "lint/redactor.hpp"

namespace gwlint {

// Which rules run and how severe their findings are.
struct RulePolicy {
  std::vector<std::string> select;  // codes, names or code prefixes ("AZ", "SEC3"); empty: all
  std::vector<std::string> ignore;
  std::map<std::string, Severity> severity;  // by code; Severity::Off disables

  // Effective severity of a rule (Off when not selected, ignored or turned off).
  Severity severity_of(std::string_view code, std::string_view name, Severity default_severity) const;
};

struct LintOptions {
  LintContext context;
  RulePolicy policy;
  LoadLimits limits;
};

struct FileReport {
  std::string path;
  std::unique_ptr<Document> document;  // kept so reporters can print code frames
  std::vector<Finding> findings;       // sorted by position; already redacted
  Redactor redactor;                   // for code frames
  bool has_gateway = false;
};

// Lints an already loaded document.
FileReport lint_document(std::unique_ptr<Document> document, const LintOptions& options);
// Reads and lints a file ("-" is stdin). Returns false with `error` set when it cannot be read.
bool lint_path(const std::string& path, const LintOptions& options, FileReport& out, std::string& error);
// Lints files as layers of one configuration (config/merge.hpp), base first. Returns false with
// `failed_path` and `error` set when a layer cannot be read.
bool lint_layers(const std::vector<std::string>& paths, const LintOptions& options, FileReport& out,
                 std::string& failed_path, std::string& error);

// True when `selector` (code, name or code prefix) names the rule.
bool selector_matches(std::string_view selector, std::string_view code, std::string_view name);

}  // namespace gwlint
