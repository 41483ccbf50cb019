// Scenario files: what loads, and where a broken one is wrong (file:line:col).
#include "scenario/scenario_loader.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using namespace gwlint;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / fs::path("gwlint-scenario-test-" + std::to_string(::getpid()) + "-" +
                                                std::to_string(reinterpret_cast<uintptr_t>(this)));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& text) const {
    fs::path file = path / name;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }
};

const char* kConfig = R"(aiGateway:
  providers:
    azure:
      apiKey: ${AZURE_OPENAI_API_KEY}
      resourceName: acme-openai-eastus2
  languageModel: azure|chat-prod
)";

const char* kExchanges = R"(exchanges:
  - id: chat-ok
    request:
      method: POST
      path: /openai/v1/chat/completions
      query: { api-version: preview }
      body: { json: { model: chat-prod, messages: [ { role: user, content: hi } ] } }
    response:
      status: 200
      headers: { content-type: application/json }
      body: { text: '{"choices":[{"index":0,"message":{"role":"assistant","content":"Hello"}}]}' }
)";

bool has_problem(const scenario::LoadResult& result, const std::string& location_suffix, const std::string& text) {
  for (const auto& problem : result.problems) {
    bool at = problem.location.size() >= location_suffix.size() &&
              problem.location.compare(problem.location.size() - location_suffix.size(), location_suffix.size(),
                                       location_suffix) == 0;
    if (at && problem.message.find(text) != std::string::npos) return true;
  }
  return false;
}

std::string all_problems(const scenario::LoadResult& result) {
  std::string out;
  for (const auto& problem : result.problems) out += problem.location + ": " + problem.message + "\n";
  return out;
}

}  // namespace

TEST_CASE("a scenario with a config file and inline exchanges loads") {
  TempDir dir;
  dir.write("configs/app-config.yaml", kConfig);
  std::string path = dir.write("ok.yaml", std::string("name: chat ok\nconfig: configs/app-config.yaml\n") + kExchanges +
                                              "calls:\n  - { op: chat, input: hello }\nexpect: { outcome: ok, "
                                              "status: 200, requests: 1, all_used: true, lint: [AZ201] }\n");
  auto result = scenario::load_scenario_file(path);
  INFO(all_problems(result));
  REQUIRE(result.scenario);
  const auto& loaded = *result.scenario;
  CHECK(loaded.name == "chat ok");
  CHECK(loaded.config_path == (dir.path / "configs/app-config.yaml").lexically_normal().string());
  REQUIRE(loaded.config);
  REQUIRE(loaded.recording.exchanges.size() == 1);
  REQUIRE(loaded.calls.size() == 1);
  CHECK(loaded.calls[0].call.model == "languageModel");
  CHECK(loaded.calls[0].call.input == "hello");
  CHECK(loaded.expect.status == 200);
  CHECK(loaded.expect.all_used == true);
  CHECK(loaded.expect.lint == std::vector<std::string>{"AZ201"});
  CHECK(loaded.client.kind == scenario::ClientSpec::Kind::Builtin);
}

TEST_CASE("an inline config stays usable after loading") {
  TempDir dir;
  std::string text = std::string(
                         "config:\n  aiGateway:\n    providers:\n      azure:\n        resourceName: x\n"
                         "    languageModel: azure|chat-prod\n") +
                     kExchanges + "calls:\n  - { op: embeddings }\n";
  auto result = scenario::load_scenario_file(dir.write("inline.yaml", text));
  INFO(all_problems(result));
  REQUIRE(result.scenario);
  REQUIRE(result.scenario->config);
  REQUIRE(result.scenario->config->root);
  CHECK(result.scenario->config->root->find("aiGateway") != nullptr);
  CHECK(result.scenario->calls[0].call.model == "embeddingModel");
}

TEST_CASE("broken scenarios are reported at their line and column") {
  TempDir dir;
  dir.write("app-config.yaml", kConfig);
  std::string base = std::string("config: app-config.yaml\n") + kExchanges;

  SECTION("unknown keys get a suggestion") {
    auto result = scenario::load_scenario_file(dir.write("s.yaml", base + "calls:\n  - { op: chat }\nexpct: {}\n"));
    CHECK(has_problem(result, "s.yaml:15:1", "did you mean `expect`"));
  }
  SECTION("an unknown op") {
    auto result = scenario::load_scenario_file(dir.write("s.yaml", base + "calls:\n  - { op: complete }\n"));
    CHECK(has_problem(result, "s.yaml:14:11", "expected chat, chat-stream or embeddings"));
  }
  SECTION("a fault on an exchange that does not exist, and an unknown kind") {
    auto result = scenario::load_scenario_file(
        dir.write("s.yaml", base + "calls: [ { op: chat } ]\nfaults:\n  - { exchange: nope, kind: explode }\n"));
    CHECK(has_problem(result, "s.yaml:15:17", "no exchange `nope`"));
    CHECK(has_problem(result, "s.yaml:15:29", "unknown fault `explode`"));
  }
  SECTION("a status out of range and a wrong type") {
    auto result = scenario::load_scenario_file(
        dir.write("s.yaml", base + "calls: [ { op: chat } ]\nexpect:\n  status: 999\n  all_used: maybe\n"));
    CHECK(has_problem(result, "s.yaml:15:11", "expected an integer from 100 to 599"));
    CHECK(has_problem(result, "s.yaml:16:13", "expected true or false"));
  }
  SECTION("no calls") {
    auto result = scenario::load_scenario_file(dir.write("s.yaml", base));
    CHECK(has_problem(result, "s.yaml:1:1", "calls: expected a non-empty list"));
  }
  SECTION("a missing config file") {
    auto result = scenario::load_scenario_file(
        dir.write("s.yaml", std::string("config: missing.yaml\n") + kExchanges + "calls: [ { op: chat } ]\n"));
    CHECK(has_problem(result, "s.yaml:1:9", "cannot read"));
  }
  SECTION("a YAML syntax error") {
    auto result = scenario::load_scenario_file(dir.write("s.yaml", "calls: [ { op: chat }\n"));
    CHECK_FALSE(result.problems.empty());
    CHECK_FALSE(result.scenario);
  }
  SECTION("the recording's own problems carry the recording's position") {
    dir.write("rec.yaml",
              "version: 1\nexchanges:\n  - id: a\n    request: { method: POST, path: nope }\n"
              "    response: { status: 200 }\n");
    auto result = scenario::load_scenario_file(dir.write("s.yaml",
                                                         "config: app-config.yaml\nrecording: rec.yaml\ncalls: [ "
                                                         "{ op: chat } ]\n"));
    REQUIRE_FALSE(result.problems.empty());
    CHECK(result.problems.front().location.find("rec.yaml:") != std::string::npos);
  }
}

TEST_CASE("scenario files are found by their calls, recordings beside them are not") {
  TempDir dir;
  dir.write("a.yaml", "calls: []\n");
  dir.write("sub/b.yml", "# comment\ncalls:\n  - {}\n");
  dir.write("recordings/r.yaml", "version: 1\nexchanges: []\n");
  dir.write("node_modules/x.yaml", "calls: []\n");
  dir.write(".hidden/y.yaml", "calls: []\n");
  std::string error;
  auto files = scenario::find_scenario_files({dir.path.string()}, error);
  CHECK(error.empty());
  REQUIRE(files.size() == 2);
  CHECK(files[0] == (dir.path / "a.yaml").string());
  CHECK(files[1] == (dir.path / "sub/b.yml").string());

  auto missing = scenario::find_scenario_files({(dir.path / "missing").string()}, error);
  CHECK(missing.empty());
  CHECK(error.find("no such file") != std::string::npos);
}
