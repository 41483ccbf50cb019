// Loader: positions, styles, duplicates, limits and hostile bytes.
#include "config/loader.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "config/text_checks.hpp"

using namespace gwlint;

namespace {

std::unique_ptr<Document> load(const std::string& text, LoadLimits limits = {}) {
  return load_document("test.yaml", text, limits, "");
}

bool has_problem(const Document& document, LoadProblemKind kind) {
  for (const auto& problem : document.problems) {
    if (problem.kind == kind) return true;
  }
  return false;
}

const Node* at(const Document& document, std::initializer_list<const char*> keys) {
  const Node* node = document.root;
  for (const char* key : keys) node = node ? node->find(key) : nullptr;
  return node;
}

}  // namespace

TEST_CASE("scalars know their position, end and style", "[loader]") {
  auto doc = load("aiGateway:\n  apiVersion: 2024-10-21\n  name: \"quoted\"\n  other: 'single'\n");
  const Node* version = at(*doc, {"aiGateway", "apiVersion"});
  REQUIRE(version);
  CHECK(version->scalar == "2024-10-21");
  CHECK(version->style == ScalarStyle::Plain);
  CHECK(version->span.begin_position().line == 2);
  CHECK(version->span.begin_position().column == 15);
  CHECK(version->span.end_position().column == 25);
  const Node* quoted = at(*doc, {"aiGateway", "name"});
  CHECK(quoted->style == ScalarStyle::DoubleQuoted);
  CHECK(quoted->is_quoted());
  CHECK(quoted->span.end - quoted->span.begin == 8);  // includes the quotes
  CHECK(at(*doc, {"aiGateway", "other"})->style == ScalarStyle::SingleQuoted);
  CHECK(path_of(version) == "aiGateway.apiVersion");
}

TEST_CASE("anchors and tags do not shift the value's position", "[loader]") {
  auto doc = load("a: &x value\nb: !!str 2024\nc: *x\n");
  CHECK(at(*doc, {"a"})->span.begin_position().column == 7);
  const Node* tagged = at(*doc, {"b"});
  CHECK(tagged->span.begin_position().column == 10);
  CHECK(tagged->tag == "tag:yaml.org,2002:str");
  const Node* alias = at(*doc, {"c"});
  CHECK(alias->scalar == "value");                // an alias reads as its anchor's value...
  CHECK(alias->span.begin_position().line == 3);  // ...at the place it is written
  CHECK(path_of(alias) == "c");
}

TEST_CASE("duplicate keys are kept and reported with both positions", "[loader]") {
  auto doc = load("a: 1\nb: 2\na: 3\n");
  REQUIRE(doc->problems.size() == 1);
  const LoadProblem& problem = doc->problems[0];
  CHECK(problem.kind == LoadProblemKind::DuplicateKey);
  CHECK(problem.span.begin_position().line == 3);
  REQUIRE(problem.related.size() == 1);
  CHECK(problem.related[0].begin_position().line == 1);
  CHECK(doc->root->entries.size() == 3);
}

TEST_CASE("many duplicate keys in a large mapping are found in linear time", "[loader]") {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "k" + std::to_string(i % 10000) + ": v\n";
  auto doc = load(text);
  CHECK(doc->problems.size() == 10000);
}

TEST_CASE("JSON loads into the same tree", "[loader]") {
  auto doc = load("{\"aiGateway\": {\"providers\": {\"azure\": {\"apiKey\": \"${K}\"}}}}");
  CHECK(doc->format == InputFormat::Json);
  const Node* key = at(*doc, {"aiGateway", "providers", "azure", "apiKey"});
  REQUIRE(key);
  CHECK(key->is_quoted());
  CHECK(key->span.begin_position().column == 50);
}

TEST_CASE("syntax errors carry yaml-cpp's position", "[loader]") {
  auto doc = load("{\"aiGateway\": {\"providers\": {\"azure\"");
  CHECK(doc->fatal);
  CHECK(doc->root == nullptr);
  REQUIRE(has_problem(*doc, LoadProblemKind::SyntaxError));
  auto tabs = load("aiGateway:\n\tproviders: {}\n");
  REQUIRE(has_problem(*tabs, LoadProblemKind::SyntaxError));
  CHECK(tabs->problems[0].message.find("tab") != std::string::npos);
  CHECK(tabs->problems[0].span.begin_position().line == 2);
}

TEST_CASE("byte order mark and CRLF keep positions right", "[loader]") {
  auto doc = load(
      "\xEF\xBB\xBF"
      "aiGateway:\r\n  languageModel: azure|x\r\n");
  const Node* model = at(*doc, {"aiGateway", "languageModel"});
  REQUIRE(model);
  CHECK(model->scalar == "azure|x");
  CHECK(model->span.begin_position().line == 2);
  CHECK(model->span.begin_position().column == 18);
}

TEST_CASE("invalid UTF-8 and control characters are syntax errors at their byte", "[loader]") {
  auto bad = load("a: caf\xFF\n");
  REQUIRE(has_problem(*bad, LoadProblemKind::SyntaxError));
  CHECK(bad->problems[0].span.begin_position().column == 7);
  auto nul = load(std::string("a: \"x\0y\"\n", 9));
  REQUIRE(has_problem(*nul, LoadProblemKind::SyntaxError));
  CHECK(find_text_problem("overlong \xC0\xAF")->offset == 9);
  CHECK(find_text_problem("surrogate \xED\xA0\x80"));
  CHECK_FALSE(find_text_problem("ok: caf\xC3\xA9 \xF0\x9F\x98\x80"));
}

TEST_CASE("limits: size, depth and alias expansion", "[loader][limits]") {
  LoadLimits small;
  small.max_bytes = 16;
  CHECK(has_problem(*load("aiGateway: {providers: {}}\n", small), LoadProblemKind::LimitExceeded));

  auto deep = load("a: " + std::string(100000, '[') + std::string(100000, ']') + "\n");
  CHECK(deep->fatal);
  CHECK(has_problem(*deep, LoadProblemKind::LimitExceeded));

  std::string block = "aiGateway:\n";
  for (int i = 1; i < 3000; ++i) block += std::string(static_cast<size_t>(i), ' ') + "k:\n";
  CHECK(has_problem(*load(block), LoadProblemKind::LimitExceeded));

  std::string bomb = "a: &a [x,x,x,x,x,x,x,x,x,x]\n";
  const char* names = "abcdefgh";
  for (int i = 1; i < 8; ++i) {
    std::string prev(1, names[i - 1]);
    bomb += std::string(1, names[i]) + ": &" + names[i] + " [";
    for (int k = 0; k < 10; ++k) bomb += (k ? ",*" : "*") + prev;
    bomb += "]\n";
  }
  auto exploded = load(bomb);
  CHECK(exploded->fatal);
  CHECK(has_problem(*exploded, LoadProblemKind::LimitExceeded));

  CHECK(load("&a [*a]\n")->fatal);  // recursive alias
}

TEST_CASE("empty input, a lone scalar and a lone list load without a gateway", "[loader]") {
  CHECK(load("")->root == nullptr);
  CHECK_FALSE(load("")->fatal);
  CHECK(load("just a string\n")->root->is_scalar());
  CHECK(load("[1, 2, 3]\n")->root->is_sequence());
}

TEST_CASE("$include is resolved relative to the file; cycles and missing files are reported", "[loader][include]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "gwlint-include-test";
  fs::create_directories(dir);
  std::ofstream(dir / "azure.yaml") << "apiKey: ${K}\nresourceName: acme-openai\n";
  std::ofstream(dir / "loop.yaml") << "x:\n  $include: loop.yaml\n";
  auto doc = load_document((dir / "main.yaml").string(),
                           "aiGateway:\n  providers:\n    azure:\n      $include: azure.yaml\n", {}, dir.string());
  const Node* resource = at(*doc, {"aiGateway", "providers", "azure", "resourceName"});
  REQUIRE(resource);
  CHECK(resource->span.file->path() == (dir / "azure.yaml").string());
  CHECK(resource->span.begin_position().line == 2);
  CHECK(path_of(resource) == "aiGateway.providers.azure.resourceName");

  auto missing = load_document("m.yaml", "a:\n  $include: nope.yaml\n", {}, dir.string());
  CHECK(has_problem(*missing, LoadProblemKind::IncludeUnresolved));
  auto cycle = load_document((dir / "loop.yaml").string(), "x:\n  $include: loop.yaml\n", {}, dir.string());
  CHECK(has_problem(*cycle, LoadProblemKind::IncludeUnresolved));
  fs::remove_all(dir);
}

TEST_CASE("a second YAML document is a syntax error of its own", "[loader]") {
  auto doc = load("aiGateway: {}\n---\nother: 1\n");
  CHECK(doc->fatal);
  REQUIRE(has_problem(*doc, LoadProblemKind::SyntaxError));
  CHECK(doc->problems[0].span.begin_position().line == 2);  // the `---`
}

TEST_CASE("YAML that yaml-cpp would accept but YAML forbids is a syntax error", "[loader]") {
  auto unterminated = load("a:\n  b: \"abc\n  c: d\n");
  REQUIRE(has_problem(*unterminated, LoadProblemKind::SyntaxError));
  CHECK(unterminated->problems[0].span.begin_position().line == 2);
  auto no_colon = load("aiGateway:\n  x: 1\n  languageModel azure\n");
  REQUIRE(has_problem(*no_colon, LoadProblemKind::SyntaxError));
  CHECK(no_colon->problems[0].span.begin_position().line == 3);
  CHECK_FALSE(load("? explicit\n: value\n")->fatal);
  CHECK_FALSE(load("{a: , b: c}\n")->fatal);
  auto duplicate_then_error = load("a: 1\na: 2\nb: \"open\n");
  CHECK(duplicate_then_error->problems.size() == 1);  // only the syntax error is reported
}

TEST_CASE("big plain files load; only alias expansion is capped", "[loader][limits]") {
  std::string list = "catalog:\n  locations:\n";
  for (int i = 0; i < 120000; ++i) list += "    - target: ./c" + std::to_string(i) + ".yaml\n";
  auto doc = load(list);
  CHECK_FALSE(doc->fatal);
}

TEST_CASE("keys carry the path of the entry they start; BOM does not shift columns", "[loader]") {
  auto doc = load("\xEF\xBB\xBF{\"aiGateway\": {\"providers\": {\"azure\": {}}}}");
  const Node* providers = at(*doc, {"aiGateway", "providers"});
  REQUIRE(providers);
  const Node* key = providers->entries[0].key;
  CHECK(path_of(key) == "aiGateway.providers.azure");
  CHECK(doc->root->entries[0].key->span.begin_position().column == 2);
}

TEST_CASE("block scalars span their whole block", "[loader]") {
  auto doc = load("a:\n  b: >-\n    https://x.example\n    /openai\n  c: d\n");
  const Node* b = at(*doc, {"a", "b"});
  REQUIRE(b);
  CHECK(b->span.end_position().line == 4);
}

TEST_CASE("an include fan-out is parsed once per file and capped by the expansion limit", "[loader][include]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "gwlint-include-fanout";
  fs::create_directories(dir);
  std::ofstream(dir / "l0.yaml") << "a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n";
  for (int level = 1; level <= 8; ++level) {
    std::ofstream out(dir / ("l" + std::to_string(level) + ".yaml"));
    for (int k = 0; k < 10; ++k) out << "k" << k << ": { $include: l" << level - 1 << ".yaml }\n";
  }
  auto start = std::chrono::steady_clock::now();
  auto doc = load_document((dir / "main.yaml").string(), "x:\n  $include: l8.yaml\n", {}, dir.string());
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
  CHECK(has_problem(*doc, LoadProblemKind::IncludeUnresolved));
  CHECK(doc->files().size() <= 10);

  fs::create_directories(dir / "nested");
  std::ofstream(dir / "nested" / "b.yaml") << "inner:\n  $include: c.yaml\n";
  std::ofstream(dir / "nested" / "c.yaml") << "value: 1\n";
  auto nested = load_document((dir / "a.yaml").string(), "top:\n  $include: nested/b.yaml\n", {}, dir.string());
  CHECK_FALSE(has_problem(*nested, LoadProblemKind::IncludeUnresolved));
  fs::remove_all(dir);
}

TEST_CASE("a block scalar in a list item ends before the next key; properties may end a line", "[loader]") {
  auto doc = load("headers:\n  - value: |\n      abc\n    key: X-Test\n");
  const Node* item = doc->root->find("headers")->items.at(0);
  CHECK(item->find("value")->span.end_position().line == 3);
  auto anchored = load("a:\n  apiKey: &k\n    \"sk-123\"\n");
  const Node* key = at(*anchored, {"a", "apiKey"});
  CHECK(key->style == ScalarStyle::DoubleQuoted);
  CHECK(key->span.begin_position().line == 3);
}

// Found by fuzzing (fuzz/regressions/*/yaml-escapes-N-underscore.yaml): yaml-cpp 0.7 decodes `\N` and
// `\_` to the bytes 0x85 and 0xA0, which are not UTF-8; the tree builder re-encodes them.
TEST_CASE("the escapes \\N and \\_ load as UTF-8, like every other escape", "[loader]") {
  auto document = load("a: \"x\\Ny\\_z \\xe9 \\u00a0 \\L\"\n\"k\\N\": 'single \\N'\nc: \"\xC3\xA0\\N\"\n");
  REQUIRE(document->root);
  CHECK(at(*document, {"a"})->scalar == "x\xC2\x85y\xC2\xA0z \xC3\xA9 \xC2\xA0 \xE2\x80\xA8");
  CHECK(at(*document, {"k\xC2\x85"})->scalar == "single \\N");  // no escapes in single quotes
  CHECK(at(*document, {"c"})->scalar == "\xC3\xA0\xC2\x85");    // 0xA0 continuing "à" is kept as it is
}
