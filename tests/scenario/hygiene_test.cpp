// Resource hygiene (design/BENCH.md §3): a scenario run leaves no file descriptor, thread or
// child process behind — also when the client times out or the mock had stalled connections.
#include <dirent.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "scenario/runner.hpp"
#include "scenario/scenario_loader.hpp"

namespace fs = std::filesystem;
using namespace gwlint;

namespace {

size_t entries_in(const char* directory) {
  size_t count = 0;
  if (DIR* dir = ::opendir(directory)) {
    while (dirent* entry = ::readdir(dir)) count += entry->d_name[0] != '.';
    ::closedir(dir);
  }
  return count;
}

size_t open_fds() {
  return entries_in("/proc/self/fd");
}
size_t threads() {
  return entries_in("/proc/self/task");
}

// Live processes whose parent is this test process (zombies count too: nobody reaped them).
size_t children() {
  size_t count = 0;
  std::string self = std::to_string(::getpid());
  for (const auto& entry : fs::directory_iterator("/proc")) {
    std::string name = entry.path().filename().string();
    if (name.empty() || name[0] < '0' || name[0] > '9') continue;
    std::ifstream stat(entry.path() / "stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    size_t paren = text.rfind(')');
    if (paren == std::string::npos) continue;
    std::istringstream rest(text.substr(paren + 2));
    std::string state, parent;
    rest >> state >> parent;
    count += parent == self;
  }
  return count;
}

struct TempScenario {
  fs::path dir;
  explicit TempScenario(const std::string& body) {
    dir = fs::temp_directory_path() /
          ("gwlint-hygiene-" + std::to_string(::getpid()) + "-" + std::to_string(reinterpret_cast<uintptr_t>(this)));
    fs::create_directories(dir);
    std::ofstream(dir / "s.yaml") << R"(config:
  aiGateway:
    providers:
      azure:
        apiKey: ${AZURE_OPENAI_API_KEY}
        resourceName: acme-openai-eastus2
    languageModel: azure|chat-prod
exchanges:
  - id: chat
    times: 0
    request:
      method: POST
      path: /openai/v1/chat/completions
      query: { api-version: preview }
      body: { json: { model: chat-prod, messages: [ { role: user, content: hi } ] } }
    response:
      status: 200
      headers: { content-type: application/json }
      body: { text: '{"choices":[{"index":0,"message":{"role":"assistant","content":"Hello"}}]}' }
calls: [ { op: chat } ]
)" << body;
  }
  ~TempScenario() { fs::remove_all(dir); }
  std::string path() const { return (dir / "s.yaml").string(); }
};

scenario::ScenarioResult run_file(const std::string& path) {
  auto loaded = scenario::load_scenario_file(path);
  REQUIRE(loaded.scenario);
  return scenario::run_scenario(*loaded.scenario, {});
}

}  // namespace

TEST_CASE("a passing scenario run leaves no descriptor or thread behind") {
  TempScenario ok("expect: { outcome: ok }\n");
  run_file(ok.path());  // warm up what a first run allocates once (schemas, thread-local state)
  size_t fds = open_fds(), tasks = threads();
  for (int i = 0; i < 5; ++i) CHECK(run_file(ok.path()).status == scenario::ScenarioStatus::Passed);
  CHECK(open_fds() == fds);
  CHECK(threads() == tasks);
  CHECK(children() == 0);
}

TEST_CASE("a stalled mock and a timed-out builtin client leave nothing behind") {
  TempScenario stalled(
      "faults: [ { exchange: chat, kind: stall } ]\nclient: { name: builtin, timeout_ms: 300, max_attempts: 1 }\n"
      "expect: { outcome: error, error_code: timeout }\n");
  run_file(stalled.path());
  size_t fds = open_fds(), tasks = threads();
  auto result = run_file(stalled.path());
  CHECK(result.status == scenario::ScenarioStatus::Passed);
  CHECK(open_fds() == fds);
  CHECK(threads() == tasks);
}

TEST_CASE("a command client killed on timeout leaves no process behind") {
  TempScenario hanging(
      "client: { command: [sh, -c, 'sleep 30 & sleep 30'], timeout_ms: 300 }\n"
      "expect: { outcome: error, error_code: timeout }\n");
  run_file(hanging.path());
  size_t fds = open_fds(), tasks = threads();
  auto result = run_file(hanging.path());
  CHECK(result.status == scenario::ScenarioStatus::Passed);
  CHECK(children() == 0);
  CHECK(open_fds() == fds);
  CHECK(threads() == tasks);
}
