#include <catch2/catch.hpp>

#include "config/loader.hpp"
#include "fix/apply_fixes.hpp"
#include "lint/linter.hpp"

using namespace gwlint;

namespace {

FileReport lint_text(const std::string& text) {
  LintOptions options;
  return lint_document(load_document("t.yaml", text, options.limits, ""), options);
}

// --fix on one in-memory file: passes of apply + re-lint until nothing changes.
std::string fix_text(std::string text, int passes = 3) {
  for (int i = 0; i < passes; ++i) {
    FixResult result = apply_fixes(lint_text(text));
    if (result.files.empty()) break;
    REQUIRE(result.files.size() == 1);
    text = result.files[0].text;
  }
  return text;
}

// A report over a bare document with hand-made fixes, to test the edit bookkeeping alone.
struct HandReport {
  FileReport report;
  const SourceFile* file;
  explicit HandReport(std::string text) {
    auto document = std::make_unique<Document>();
    file = document->add_file("h.yaml", std::move(text));
    report.path = "h.yaml";
    report.document = std::move(document);
  }
  void add(std::string code, uint32_t begin, uint32_t end, std::string replacement, bool safe = true) {
    Finding finding;
    finding.code = std::move(code);
    finding.span = {file, begin, end};
    finding.fix = Fix{replacement, {TextEdit{file, begin, end, replacement}}, safe};
    report.findings.push_back(std::move(finding));
  }
};

const std::string kHeader =
    "aiGateway:\n"
    "  providers:\n"
    "    azure:\n"
    "      apiKey: ${AZURE_OPENAI_API_KEY}\n";

}  // namespace

TEST_CASE("overlapping fixes: the first by position, then by code, wins; the rest are counted", "[fix]") {
  HandReport hand("abcdef");
  hand.add("ZZ002", 2, 4, "Y");  // overlaps the AA001 edit below, which starts earlier
  hand.add("AA001", 1, 3, "X");
  hand.add("BB001", 4, 5, "Z");         // touches the end of ZZ002's span only
  hand.add("CC009", 5, 6, "W", false);  // unsafe: never applied
  FixResult result = apply_fixes(hand.report);
  REQUIRE(result.files.size() == 1);
  CHECK(result.files[0].text == "aXdZf");
  CHECK(result.fixed == 2);
  CHECK(result.overlapping == 1);

  HandReport same_span("abcdef");
  same_span.add("AZ202", 1, 3, "2");
  same_span.add("AZ201", 1, 3, "1");
  same_span.add("GW104", 1, 3, "1");  // the very same edit as AZ201: fixed along with it
  same_span.add("GW102", 3, 3, "+");  // an insertion right after an edit: fine
  FixResult picked = apply_fixes(same_span.report);
  REQUIRE(picked.files.size() == 1);
  CHECK(picked.files[0].text == "a1+def");
  CHECK(picked.fixed == 3);
  CHECK(picked.overlapping == 1);

  HandReport noop("abc");
  noop.add("AZ201", 0, 1, "a");  // replaces bytes with themselves
  CHECK(apply_fixes(noop.report).files.empty());
}

TEST_CASE("fixes keep comments, quoting and untouched lines byte for byte", "[fix]") {
  const std::string before =
      "# Production overrides — keep this header\n"
      "aiGateway:   # the gateway block\n"
      "  providers:\n"
      "    azure:\n"
      "      apiKey: ${AZURE_OPENAI_API_KEY}   # from the vault\n"
      "      resourceName: \"https://acme-openai.openai.azure.com/\"   # pasted from the portal\n"
      "\n"
      "  languageModel: 'azure|chat-prod'     # quoted on purpose\n";
  std::string after = fix_text(before);
  CHECK(after ==
        "# Production overrides — keep this header\n"
        "aiGateway:   # the gateway block\n"
        "  providers:\n"
        "    azure:\n"
        "      apiKey: ${AZURE_OPENAI_API_KEY}   # from the vault\n"
        "      resourceName: \"acme-openai\"   # pasted from the portal\n"
        "\n"
        "  languageModel: 'azure|chat-prod'     # quoted on purpose\n");
}

TEST_CASE("CRLF files stay CRLF and multi-byte text around a fix is kept", "[fix]") {
  const std::string before =
      "# Überschreibungen für Produktion — 本番\r\n"
      "aiGateway:\r\n"
      "  providers:\r\n"
      "    azure:\r\n"
      "      apiKey: ${AZURE_OPENAI_API_KEY}  # schlüssel ✓\r\n"
      "      resourceName: acme-openai.openai.azure.com  # café\r\n"
      "  languageModel: azure|chat-prod\r\n";
  std::string after = fix_text(before);
  CHECK(after ==
        "# Überschreibungen für Produktion — 本番\r\n"
        "aiGateway:\r\n"
        "  providers:\r\n"
        "    azure:\r\n"
        "      apiKey: ${AZURE_OPENAI_API_KEY}  # schlüssel ✓\r\n"
        "      resourceName: acme-openai  # café\r\n"
        "  languageModel: azure|chat-prod\r\n");
}

TEST_CASE("GW006 removes a whole suppression comment line", "[fix]") {
  const std::string clean_tail =
      "      resourceName: acme-openai-eastus2\n"
      "  languageModel: azure|chat-prod\n";
  std::string before = kHeader +
                       "      resourceName: acme-openai-eastus2\n"
                       "  # gwlint-disable-next-line AZ201\n"
                       "  languageModel: azure|chat-prod\n";
  FileReport report = lint_text(before);
  REQUIRE(report.findings.size() == 1);
  CHECK(report.findings[0].code == "GW006");
  FixResult result = apply_fixes(report);
  REQUIRE(result.files.size() == 1);
  CHECK(result.fixed == 1);
  CHECK(result.files[0].text == kHeader + clean_tail);
}

TEST_CASE("fixing is idempotent: a fixed file has nothing left to fix", "[fix]") {
  const std::string before = kHeader +
                             "      resourceName: https://acme-openai.openai.azure.com/\n"
                             "      apiVersion: 2024-02-15-preview\n"
                             "  languageModel: azure|chat-prod # gwlint-disable-line AZ201\n";
  std::string once = fix_text(before);
  CHECK(once != before);
  CHECK(apply_fixes(lint_text(once)).files.empty());
  CHECK(fix_text(once) == once);
}

TEST_CASE("unified diff: hunks with context, counts and a missing last newline", "[fix]") {
  std::string before, after;
  for (int i = 1; i <= 20; ++i) {
    before += "line " + std::to_string(i) + "\n";
    after += i == 10 ? "changed\n" : "line " + std::to_string(i) + "\n";
  }
  CHECK(unified_diff("/x/a.yaml", before, after) ==
        "--- a/x/a.yaml\n+++ b/x/a.yaml\n@@ -7,7 +7,7 @@\n line 7\n line 8\n line 9\n-line 10\n+changed\n line 11\n"
        " line 12\n line 13\n");
  CHECK(unified_diff("a", "x\ny", "x\nz") ==
        "--- a/a\n+++ b/a\n@@ -1,2 +1,2 @@\n x\n-y\n\\ No newline at end of file\n+z\n"
        "\\ No newline at end of file\n");
  CHECK(unified_diff("a", "same\n", "same\n").empty());
  // Over the line bound: one whole-file hunk.
  CHECK(unified_diff("a", "1\n2\n3\n", "1\n2\nx\n", 3, 2) ==
        "--- a/a\n+++ b/a\n@@ -1,3 +1,3 @@\n-1\n-2\n-3\n+1\n+2\n+x\n");
}
