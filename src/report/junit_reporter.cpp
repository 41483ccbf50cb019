// `junit`: one <testsuite> per file, one <testcase> per rule checked, a <failure> per error or
// warning finding; info findings go to the testcase's <system-out> (PRODUCT.md §4). Each file's
// suite is complete when its turn comes; the root <testsuites> carries the run's totals, so the
// suites are held (as text) until end().
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "lint/rule.hpp"
#include "report/reporters.hpp"
#include "report/xml_text.hpp"

namespace gwlint {

namespace {

std::string attr(std::string_view text) {
  return xml_escape(text, true);
}

std::string failure_text(const Finding& finding) {
  SourcePosition at = finding.span.begin_position();
  std::string text = fmt::format("{}:{}:{}: {}", finding.file(), at.line, at.column, finding.message);
  if (!finding.path.empty()) text += fmt::format("\npath: {}", finding.path);
  if (finding.suggestion) text += fmt::format("\nhelp: {}", *finding.suggestion);
  if (finding.fix) text += fmt::format("\nfix: replace with `{}`", finding.fix->replacement);
  return text;
}

class JunitReporter final : public Reporter {
 public:
  JunitReporter(std::ostream& out, const ReporterOptions& options) : out_(out), policy_(options.policy) {
    for (const Rule* rule : RuleRegistry::instance().rules()) {
      const RuleInfo& info = rule->info();
      Severity severity =
          policy_ ? policy_->severity_of(info.code, info.name, info.default_severity) : info.default_severity;
      if (severity != Severity::Off) checked_.push_back(&info);
    }
  }

  void file(const FileReport& report) override {
    // Findings by rule code, keeping rules that are not in the catalogue (never expected).
    std::map<std::string, std::vector<const Finding*>> by_code;
    for (const Finding& finding : report.findings) by_code[finding.code].push_back(&finding);
    struct Case {
      std::string code, name;
    };
    std::vector<Case> cases;
    for (const RuleInfo* info : checked_) cases.push_back({std::string(info->code), std::string(info->name)});
    for (const auto& [code, findings] : by_code) {
      // A named copy of the reference: clang before 16 cannot capture a structured binding (C++20).
      const std::string& wanted = code;
      bool known = std::any_of(cases.begin(), cases.end(), [&](const Case& c) { return c.code == wanted; });
      if (!known) cases.push_back({code, findings.front()->name});
    }

    std::string file = attr(report.path);
    std::string body;
    size_t failures = 0;
    for (const Case& c : cases) {
      body += fmt::format("    <testcase classname=\"{}\" name=\"{}\" time=\"0\"", file, attr(c.code + " " + c.name));
      auto found = by_code.find(c.code);
      if (found == by_code.end()) {
        body += "/>\n";
        continue;
      }
      body += ">\n";
      std::string infos;
      bool failed = false;
      for (const Finding* finding : found->second) {
        std::string text = xml_escape(failure_text(*finding), false);
        if (finding->severity == Severity::Info) {
          infos += fmt::format("info: {}\n", text);
          continue;
        }
        failed = true;
        body += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n", attr(finding->message),
                            severity_name(finding->severity), text);
      }
      if (!infos.empty()) body += fmt::format("      <system-out>{}</system-out>\n", infos);
      body += "    </testcase>\n";
      if (failed) ++failures;
    }
    suites_ +=
        fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\" time=\"0\">\n",
                    file, cases.size(), failures);
    suites_ += body;
    suites_ += "  </testsuite>\n";
    tests_ += cases.size();
    failures_ += failures;
  }

  void end(const RunSummary&) override {
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         << fmt::format("<testsuites name=\"gwlint\" tests=\"{}\" failures=\"{}\" errors=\"0\" time=\"0\">\n", tests_,
                        failures_)
         << suites_ << "</testsuites>\n";
  }

 private:
  std::ostream& out_;
  const RulePolicy* policy_;
  std::vector<const RuleInfo*> checked_;
  std::string suites_;
  size_t tests_ = 0;
  size_t failures_ = 0;
};

}  // namespace

std::unique_ptr<Reporter> make_junit_reporter(std::ostream& out, const ReporterOptions& options) {
  return std::make_unique<JunitReporter>(out, options);
}

}  // namespace gwlint
