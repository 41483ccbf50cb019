// The per-rule fixture test (fixtures/<CODE>/bad-*.yaml and good-*.yaml) and the guard that
// every registered rule has documentation and fixtures. A bad fixture marks each offending line
// with `# expect: CODE[, CODE]`; every finding of the file must be expected and every
// expectation found. JSON fixtures keep expectations in a sidecar `<file>.expect` ("LINE CODE").
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "config/loader.hpp"
#include "lint/linter.hpp"
#include "lint/rule.hpp"
#include "resources/embedded.hpp"

namespace fs = std::filesystem;
using namespace gwlint;

namespace {

const fs::path kFixtures = fs::path(GWLINT_SOURCE_DIR) / "fixtures";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string trim(std::string text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\r' || text.back() == ',')) text.pop_back();
  while (!text.empty() && text.front() == ' ') text.erase(0, 1);
  return text;
}

using Expectation = std::pair<uint32_t, std::string>;  // line, code

std::set<Expectation> expectations_of(const fs::path& path, const std::string& text) {
  std::set<Expectation> out;
  fs::path sidecar = path;
  sidecar += ".expect";
  if (fs::exists(sidecar)) {
    std::istringstream lines(read_file(sidecar));
    std::string row;
    while (std::getline(lines, row)) {
      if (row.empty() || row[0] == '#') continue;  // `# gwlint-test: ...` options live here for JSON
      std::istringstream fields(row);
      uint32_t line;
      std::string code;
      if (fields >> line >> code) out.insert({line, code});
    }
    return out;
  }
  std::istringstream lines(text);
  std::string line;
  for (uint32_t number = 1; std::getline(lines, line); ++number) {
    auto at = line.find("# expect:");
    if (at == std::string::npos) continue;
    std::istringstream codes(line.substr(at + 9));
    std::string code;
    while (std::getline(codes, code, ',')) {
      code = trim(code);
      if (!code.empty()) out.insert({number, code});
    }
  }
  return out;
}

// Options from a first-line comment: `# gwlint-test: --today 2026-11-25 --check-env`.
LintOptions options_of(const std::string& text) {
  LintOptions options;
  parse_civil_date("2026-11-25", options.context.today);
  std::string first_line = text.substr(0, text.find('\n'));
  auto at = first_line.find("gwlint-test:");
  if (at == std::string::npos) return options;
  std::istringstream words(first_line.substr(at + 12));
  std::string word;
  while (words >> word) {
    if (word == "--check-env") options.context.check_env = true;
    if (word == "--today") {
      std::string date;
      words >> date;
      REQUIRE(parse_civil_date(date, options.context.today));
    }
  }
  return options;
}

std::vector<fs::path> fixture_files() {
  std::vector<fs::path> files;
  if (!fs::exists(kFixtures)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(kFixtures)) {
    std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || entry.path().extension() == ".expect") continue;
    if (name.rfind("bad-", 0) == 0 || name.rfind("good-", 0) == 0) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("every rule has documentation and a failing and a passing fixture", "[fixtures][guard]") {
  for (const Rule* rule : RuleRegistry::instance().rules()) {
    std::string code(rule->info().code);
    INFO("rule " << code);
    std::string_view doc = find_embedded(embedded_rule_docs(), code + ".md");
    CHECK_FALSE(doc.empty());
    CHECK(doc.rfind("# " + code + " " + std::string(rule->info().name), 0) == 0);
    bool bad = false, good = false;
    fs::path folder = kFixtures / code;
    if (fs::exists(folder)) {
      for (const auto& entry : fs::directory_iterator(folder)) {
        std::string name = entry.path().filename().string();
        bad = bad || name.rfind("bad-", 0) == 0;
        good = good || name.rfind("good-", 0) == 0;
      }
    }
    CHECK(bad);
    CHECK(good);
  }
}

TEST_CASE("fixtures produce exactly the findings they expect", "[fixtures]") {
  auto files = fixture_files();
  REQUIRE_FALSE(files.empty());
  for (const fs::path& path : files) {
    std::string text = read_file(path);
    std::set<Expectation> expected = expectations_of(path, text);
    bool is_bad = path.filename().string().rfind("bad-", 0) == 0;
    std::string folder_code = path.parent_path().filename().string();
    fs::path sidecar = path;
    sidecar += ".expect";
    LintOptions options = options_of(fs::exists(sidecar) ? read_file(sidecar) : text);
    FileReport report =
        lint_document(load_document(path.string(), text, options.limits, path.parent_path().string()), options);
    std::set<Expectation> found;
    std::ostringstream described;
    for (const Finding& finding : report.findings) {
      found.insert({finding.span.begin_position().line, finding.code});
      described << "  " << finding.span.begin_position().line << " " << finding.code << ": " << finding.message << "\n";
    }
    INFO("fixture " << path.string() << "\nfindings:\n" << described.str());
    if (is_bad) {
      bool mentions_own_rule =
          std::any_of(expected.begin(), expected.end(), [&](const Expectation& e) { return e.second == folder_code; });
      CHECK(mentions_own_rule);
    }
    for (const auto& e : expected) {
      INFO("expected " << e.second << " on line " << e.first);
      CHECK(found.count(e) == 1);
    }
    for (const auto& f : found) {
      INFO("unexpected " << f.second << " on line " << f.first);
      CHECK(expected.count(f) == 1);
    }
  }
}
