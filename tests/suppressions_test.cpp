#include "lint/suppressions.hpp"

#include <catch2/catch.hpp>

#include "config/loader.hpp"
#include "lint/linter.hpp"

using namespace gwlint;

namespace {

FileReport lint_text(const std::string& text, LintOptions options = {}) {
  return lint_document(load_document("t.yaml", text, options.limits, ""), options);
}

const char* kModelName =
    "aiGateway:\n"
    "  providers:\n"
    "    azure:\n"
    "      apiKey: ${AZURE_OPENAI_API_KEY}\n"
    "      resourceName: acme-openai-eastus2\n";

}  // namespace

TEST_CASE("suppression comments are found with scope, codes and reason", "[suppressions]") {
  auto doc = load_document("t.yaml",
                           "a: 1 # gwlint-disable-line AZ201, model-name-as-deployment -- reason\n"
                           "# gwlint-disable-next-line\n"
                           "b: \"# gwlint-disable-line AZ201\"\n"
                           "c: x#gwlint-disable-line AZ201\n"
                           "# gwlint-disable-file SEC301\n",
                           {}, "");
  auto found = find_suppressions(*doc);
  REQUIRE(found.size() == 3);  // not inside quotes, not glued to a value
  CHECK(found[0].scope == SuppressionScope::Line);
  CHECK(found[0].codes == std::vector<std::string>{"AZ201", "model-name-as-deployment"});
  CHECK(found[1].scope == SuppressionScope::NextLine);
  CHECK(found[1].codes.empty());
  CHECK(found[1].owns_line);
  CHECK(found[2].scope == SuppressionScope::File);
}

TEST_CASE("a used suppression hides the finding; an unused one is GW006 with a removing fix", "[suppressions]") {
  auto used = lint_text(std::string(kModelName) + "  languageModel: azure|gpt-4o # gwlint-disable-line AZ201\n");
  CHECK(used.findings.empty());

  auto stale = lint_text(std::string(kModelName) + "  languageModel: azure|chat-prod # gwlint-disable-line AZ201\n");
  REQUIRE(stale.findings.size() == 1);
  const Finding& finding = stale.findings[0];
  CHECK(finding.code == "GW006");
  REQUIRE(finding.fix);
  const TextEdit& edit = finding.fix->edits.at(0);
  std::string fixed = stale.document->main_file().text();
  fixed.replace(edit.begin, edit.end - edit.begin, edit.replacement);
  CHECK(fixed == std::string(kModelName) + "  languageModel: azure|chat-prod\n");
}

TEST_CASE("a partly used list keeps the used codes; switched-off rules are not reported", "[suppressions]") {
  auto partly =
      lint_text(std::string(kModelName) + "  languageModel: azure|gpt-4o # gwlint-disable-line AZ201,SEC301\n");
  REQUIRE(partly.findings.size() == 1);
  REQUIRE(partly.findings[0].fix);
  CHECK(partly.findings[0].fix->edits.at(0).replacement == " AZ201");

  LintOptions options;
  options.policy.ignore = {"AZ201"};
  auto ignored =
      lint_text(std::string(kModelName) + "  languageModel: azure|gpt-4o # gwlint-disable-line AZ201\n", options);
  CHECK(ignored.findings.empty());
}

TEST_CASE("a suppression-looking line inside a block scalar is text, not a comment", "[suppressions]") {
  auto report = lint_text("app:\n  description: |\n    # gwlint-disable-file\n" + std::string(kModelName) +
                          "  languageModel: azure|gpt-4o\n");
  REQUIRE(report.findings.size() == 1);
  CHECK(report.findings[0].code == "AZ201");
}
