#include "lint/linter.hpp"

#include <algorithm>
#include <cctype>

#include "config/loader.hpp"
#include "config/merge.hpp"
#include "lint/gateway_model.hpp"
#include "lint/rule.hpp"
#include "lint/suppressions.hpp"
#include "schema/schema_validator.hpp"

namespace gwlint {

namespace {

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool selector_matches(std::string_view selector, std::string_view code, std::string_view name) {
  if (selector == name) return true;
  std::string wanted = upper(selector);
  return !wanted.empty() && code.substr(0, wanted.size()) == wanted;
}

Severity RulePolicy::severity_of(std::string_view code, std::string_view name, Severity default_severity) const {
  auto named = [&](const std::vector<std::string>& selectors) {
    return std::any_of(selectors.begin(), selectors.end(),
                       [&](const std::string& s) { return selector_matches(s, code, name); });
  };
  if (!select.empty() && !named(select)) return Severity::Off;
  if (named(ignore)) return Severity::Off;
  if (auto it = severity.find(std::string(code)); it != severity.end()) return it->second;
  return default_severity;
}

FileReport lint_document(std::unique_ptr<Document> document, const LintOptions& options) {
  FileReport report;
  report.path = document->main_file().path();
  GatewayModel gateway;
  report.has_gateway = !document->fatal && build_gateway_model(*document, gateway);
  if (report.has_gateway) add_external_deployments(gateway, options.context.external_deployments);
  std::vector<SchemaIssue> schema_issues;
  if (report.has_gateway) schema_issues = validate_against_schema(*document);

  RuleInput input{*document, report.has_gateway ? &gateway : nullptr, schema_issues, options.context};
  for (const Rule* rule : RuleRegistry::instance().rules()) {
    const RuleInfo& info = rule->info();
    Severity severity = options.policy.severity_of(info.code, info.name, info.default_severity);
    if (severity == Severity::Off) continue;
    size_t first = report.findings.size();
    FindingSink sink(*rule, report.findings);
    rule->check(input, sink);
    // A rule may pick a severity per finding (AZ207); an override replaces it.
    if (options.policy.severity.count(std::string(info.code)) > 0) {
      for (size_t i = first; i < report.findings.size(); ++i) report.findings[i].severity = severity;
    }
  }

  apply_suppressions(*document, report.findings, options.policy);

  // Only what is printed needs masking: a clean file skips building the secret set.
  if (!report.findings.empty()) report.redactor = Redactor(*document);
  for (Finding& finding : report.findings) {
    // What users see as the fix is the exact text that replaces the finding's span (quotes
    // included), so applying it by hand or by tool gives the same file.
    if (finding.fix && finding.fix->edits.size() == 1) {
      const TextEdit& edit = finding.fix->edits.front();
      if (edit.file == finding.span.file && edit.begin == finding.span.begin && edit.end == finding.span.end) {
        finding.fix->replacement = edit.replacement;
      }
    }
    finding.message = report.redactor.redact(finding.message);
    if (finding.suggestion) finding.suggestion = report.redactor.redact(*finding.suggestion);
    if (finding.fix) finding.fix->replacement = report.redactor.redact(finding.fix->replacement);
    for (auto& related : finding.related) related.message = report.redactor.redact(related.message);
  }
  std::stable_sort(report.findings.begin(), report.findings.end(), [](const Finding& a, const Finding& b) {
    if (a.span.file != b.span.file) return a.file() < b.file();
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    return a.code < b.code;
  });
  report.document = std::move(document);
  return report;
}

namespace {

// Reads and loads one file ("-" is stdin, shown as `<stdin>`); nullptr with `error` when unreadable.
std::unique_ptr<Document> load_path(const std::string& path, const LintOptions& options, std::string& error) {
  ReadResult read = read_input(path, options.limits.max_bytes);
  if (read.error) {
    error = *read.error;
    return nullptr;
  }
  return load_text_as(path == "-" ? std::string("<stdin>") : path, std::move(read), options.limits);
}

}  // namespace

bool lint_path(const std::string& path, const LintOptions& options, FileReport& out, std::string& error) {
  auto document = load_path(path, options, error);
  if (!document) return false;
  out = lint_document(std::move(document), options);
  return true;
}

bool lint_layers(const std::vector<std::string>& paths, const LintOptions& options, FileReport& out,
                 std::string& failed_path, std::string& error) {
  std::vector<std::unique_ptr<Document>> layers;
  for (const auto& path : paths) {
    layers.push_back(load_path(path, options, error));
    if (!layers.back()) {
      failed_path = path;
      return false;
    }
  }
  out = lint_document(merge_layers(std::move(layers)), options);
  return true;
}

}  // namespace gwlint
