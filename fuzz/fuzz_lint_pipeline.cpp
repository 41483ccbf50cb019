// Bytes -> the whole lint pipeline (load, schema, typed model, every rule, severity policy,
// redaction) -> every output format, plus `--fix`/`--diff`. Invariants: the JSON and SARIF
// outputs parse as JSON, the JUnit output is valid XML text, and applying the safe fixes to a
// file that loaded never turns it into one that does not.
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "config/loader.hpp"
#include "fix/apply_fixes.hpp"
#include "fuzz_support.hpp"
#include "lint/linter.hpp"
#include "report/reporters.hpp"

using namespace gwlint;

namespace {

LintOptions make_options() {
  LintOptions options;
  parse_civil_date("2025-06-01", options.context.today);  // fixed, so a crash reproduces any day
  options.context.check_env = true;
  return options;
}

std::string render(std::unique_ptr<Reporter> (*factory)(std::ostream&, const ReporterOptions&),
                   const FileReport& report, bool color) {
  std::ostringstream out;
  ReporterOptions options;
  options.color = color;
  auto reporter = factory(out, options);
  RunSummary summary;
  summary.count(report);
  reporter->begin();
  reporter->file(report);
  reporter->end(summary);
  return out.str();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const LintOptions options = make_options();
  std::string text(reinterpret_cast<const char*>(data), size);
  // The name decides nothing (the format is detected by content) but appears in every report.
  auto document = load_document("fuzz/app-config.yaml", text, options.limits, std::string());
  bool loaded = !document->fatal;
  FileReport report = lint_document(std::move(document), options);

  render(make_text_reporter, report, false);
  render(make_text_reporter, report, true);
  render(make_github_reporter, report, false);
  render(make_markdown_reporter, report, false);
  std::string json = render(make_json_reporter, report, false);
  FUZZ_CHECK(nlohmann::json::accept(json), "the json report is not JSON:\n" + json);
  // SARIF carries the whole rule catalogue with every rule's help text (~170 KB) before the first
  // result: rendering and parsing it for every input would take 3/4 of the time. One input in 16,
  // picked by a hash of its bytes (so a crash reproduces), is enough to explore result().
  if (std::hash<std::string>{}(text) % 16 == 0) {
    std::string sarif = render(make_sarif_reporter, report, false);
    FUZZ_CHECK(nlohmann::json::accept(sarif), "the sarif report is not JSON:\n" + sarif);
  }
  std::string junit = render(make_junit_reporter, report, false);
  FUZZ_CHECK(gwlint_fuzz::valid_xml_text(junit), "the junit report holds bytes XML forbids");

  FixResult fixed = apply_fixes(report);
  for (const FixedFile& file : fixed.files) {
    (void)unified_diff(file.path, file.file ? file.file->text() : std::string(), file.text);
    if (!loaded) continue;
    auto again = load_document(file.path, file.text, options.limits, std::string());
    FUZZ_CHECK(!again->fatal, "--fix turned a file that loaded into one that does not:\n" + file.text);
    (void)lint_document(std::move(again), options);
  }
  return 0;
}
