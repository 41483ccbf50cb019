#include "lint/baseline.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "config/loader.hpp"
#include "lint/linter.hpp"

using namespace gwlint;
namespace fs = std::filesystem;

namespace {

const char* kConfig =
    "aiGateway:\n"
    "  providers:\n"
    "    azure:\n"
    "      apiKey: ${AZURE_OPENAI_API_KEY}\n"
    "      resourceName: acme-openai\n"
    "  languageModel: azure|gpt-4o\n";

// The report owns the source files the findings point into: keep it alive while using them.
FileReport lint_at(const fs::path& file, const std::string& text) {
  std::ofstream(file) << text;
  LintOptions options;
  return lint_document(load_document(file.string(), text, options.limits, file.parent_path().string()), options);
}

}  // namespace

TEST_CASE("a baseline hides known findings across unrelated edits and shows new ones", "[baseline]") {
  fs::path dir = fs::temp_directory_path() / "gwlint-baseline-test";
  fs::create_directories(dir);
  fs::path config = dir / "app-config.yaml";
  std::string baseline_file = (dir / "baseline.json").string();

  Baseline writing(baseline_file);
  FileReport first = lint_at(config, kConfig);
  writing.add(first.findings);
  std::string error;
  REQUIRE(writing.write(error));

  Baseline known;
  REQUIRE(Baseline::load(baseline_file, known, error));
  FileReport shifted = lint_at(config, std::string("# a comment on top\n\n") + kConfig);
  REQUIRE_FALSE(shifted.findings.empty());
  known.filter(shifted.findings);
  CHECK(shifted.findings.empty());
  CHECK(known.stale_count({config.string()}) == 0);

  Baseline again;
  REQUIRE(Baseline::load(baseline_file, again, error));
  std::string changed = kConfig;
  changed.replace(changed.find("acme-openai"), 11, "https://acme-openai.openai.azure.com");
  FileReport with_new = lint_at(config, changed);
  again.filter(with_new.findings);
  REQUIRE(with_new.findings.size() == 1);
  CHECK(with_new.findings[0].code == "AZ204");

  Baseline stale;
  REQUIRE(Baseline::load(baseline_file, stale, error));
  FileReport fixed = lint_at(config,
                             "aiGateway:\n  providers:\n    azure:\n      apiKey: ${K}\n"
                             "      resourceName: acme-openai\n  languageModel: azure|chat-prod\n");
  stale.filter(fixed.findings);
  CHECK(stale.stale_count({config.string()}) >= 1);
  fs::remove_all(dir);
}

TEST_CASE("a malformed baseline is an error, not an empty baseline", "[baseline]") {
  fs::path file = fs::temp_directory_path() / "gwlint-bad-baseline.json";
  std::ofstream(file) << "[1, 2";
  Baseline baseline;
  std::string error;
  CHECK_FALSE(Baseline::load(file.string(), baseline, error));
  CHECK_FALSE(error.empty());
  CHECK_FALSE(Baseline::load((fs::temp_directory_path() / "no-such-baseline.json").string(), baseline, error));
  fs::remove(file);
}
