#include <dirent.h>
#include <signal.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "client/client.hpp"

using namespace gwlint::client;
using Clock = std::chrono::steady_clock;

namespace {

AzureEndpoint endpoint() {
  AzureEndpoint e;
  e.base = "https://gw.example.com/azure/openai";
  e.host = "gw.example.com";
  e.api_version = "preview";
  e.api_key = "cmd-key-0123456789";
  e.headers = {{"X-Custom-Header", "custom-value"}};
  return e;
}

CommandSpec shell(const std::string& script, int timeout_ms = 5000) {
  return CommandSpec{{"/bin/sh", "-c", script}, timeout_ms, ""};
}

// Live (not zombie) processes whose process group is `pgid`, from /proc.
int live_in_group(int pgid) {
  int count = 0;
  DIR* proc = ::opendir("/proc");
  if (!proc) return -1;
  while (dirent* entry = ::readdir(proc)) {
    if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
    std::ifstream stat(std::string("/proc/") + entry->d_name + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    size_t paren = text.rfind(')');
    if (paren == std::string::npos) continue;
    std::istringstream rest(text.substr(paren + 2));
    char state = 0;
    int ppid = 0, pgrp = 0;
    rest >> state >> ppid >> pgrp;
    if (pgrp == pgid && state != 'Z' && state != 'X') ++count;
  }
  ::closedir(proc);
  return count;
}

size_t open_fds() {
  size_t count = 0;
  DIR* dir = ::opendir("/proc/self/fd");
  while (dir && ::readdir(dir)) ++count;
  if (dir) ::closedir(dir);
  return count;
}

const char* kOkLine = R"({"outcome":"ok","status":200,"error_code":"","text":"hello from client"})";

}  // namespace

TEST_CASE("command: the environment and the result line", "[client][command]") {
  std::string script =
      "echo \"base=$GWLINT_BASE_URL\"; echo \"deployment=$GWLINT_DEPLOYMENT\"; echo \"version=$GWLINT_API_VERSION\";"
      "echo \"host=$GWLINT_HOST\"; echo \"style=$GWLINT_USE_DEPLOYMENT_URLS\"; echo \"headers=$GWLINT_HEADERS\";"
      "echo \"call=$GWLINT_CALL\"; echo \"key=$GWLINT_API_KEY\"; echo 'not json {'; echo '" +
      std::string(kOkLine) + "'; echo 'trailing log line'";
  auto result =
      run_command(shell(script), endpoint(), "chat-prod", {"chat", "languageModel", "hi"}, "http://127.0.0.1:4567");
  CHECK(result.outcome == "ok");
  CHECK(result.status == 200);
  CHECK(result.text == "hello from client");
  CHECK(result.exit_code == 0);
  CHECK_FALSE(result.timed_out);
  const std::string& out = result.stdout_text;
  CHECK(out.find("base=http://127.0.0.1:4567/azure/openai\n") != std::string::npos);
  CHECK(out.find("deployment=chat-prod\n") != std::string::npos);
  CHECK(out.find("version=preview\n") != std::string::npos);
  CHECK(out.find("host=gw.example.com\n") != std::string::npos);
  CHECK(out.find("style=false\n") != std::string::npos);
  CHECK(out.find(R"(headers={"X-Custom-Header":"custom-value"})") != std::string::npos);
  CHECK(out.find(R"(call={"input":"hi","model":"languageModel","op":"chat"})") != std::string::npos);
  // The key reaches the client but never the captured output.
  CHECK(out.find("cmd-key-0123456789") == std::string::npos);
  CHECK(out.find("key=<redacted>") != std::string::npos);
  CHECK(result.process_group > 0);
  CHECK(result.to_json()["outcome"] == "ok");
}

TEST_CASE("command: the client reports an Azure error", "[client][command]") {
  auto result = run_command(
      shell(
          R"(echo '{"outcome":"error","status":404,"error_code":"DeploymentNotFound","text":"","message":"no such deployment","attempts":1}')"),
      endpoint(), "gpt-4o", {}, "http://127.0.0.1:1");
  CHECK(result.outcome == "error");
  CHECK(result.status == 404);
  CHECK(result.error_code == "DeploymentNotFound");
  CHECK(result.message == "no such deployment");
  CHECK(result.attempts == 1);
}

TEST_CASE("command: unusable output and failures", "[client][command]") {
  SECTION("no JSON line") {
    auto result = run_command(shell("echo 'just some text'"), endpoint(), "d", {}, "http://127.0.0.1:1");
    CHECK(result.outcome == "error");
    CHECK(result.error_code == "bad_client_output");
    CHECK(result.message.find("just some text") != std::string::npos);
  }
  SECTION("JSON without the result shape") {
    auto result = run_command(shell(R"(echo '{"hello":1}')"), endpoint(), "d", {}, "http://127.0.0.1:1");
    CHECK(result.error_code == "bad_client_output");
  }
  SECTION("non-zero exit without JSON") {
    auto result = run_command(shell("echo oops >&2; exit 3"), endpoint(), "d", {}, "http://127.0.0.1:1");
    CHECK(result.error_code == "client_failed");
    CHECK(result.exit_code == 3);
    CHECK(result.message.find("code 3") != std::string::npos);
    CHECK(result.message.find("oops") != std::string::npos);
    CHECK(result.stderr_text == "oops\n");
  }
  SECTION("command not found") {
    CommandSpec spec{{"gwlint-no-such-client-program"}, 1000, ""};
    auto result = run_command(spec, endpoint(), "d", {}, "http://127.0.0.1:1");
    CHECK(result.error_code == "client_not_found");
    CommandSpec path_spec{{"/nonexistent/dir/client"}, 1000, ""};
    CHECK(run_command(path_spec, endpoint(), "d", {}, "http://127.0.0.1:1").error_code == "client_not_found");
    CHECK(run_command(CommandSpec{}, endpoint(), "d", {}, "http://127.0.0.1:1").error_code == "client_not_found");
  }
  SECTION("large output on both streams does not deadlock and is capped") {
    auto result = run_command(
        shell("head -c 3000000 /dev/zero | tr '\\0' e >&2; head -c 3000000 /dev/zero | tr '\\0' o; echo; echo '" +
              std::string(kOkLine) + "'"),
        endpoint(), "d", {}, "http://127.0.0.1:1");
    CHECK(result.stdout_text.size() < 1100000);
    CHECK(result.stderr_text.size() < 1100000);
    CHECK(result.stdout_text.find("discarded") != std::string::npos);
    // The result line came after the cap: the client's report is lost, and says so.
    CHECK(result.error_code == "bad_client_output");
  }
}

TEST_CASE("command: timeout kills the whole process group", "[client][command]") {
  auto start = Clock::now();
  auto result = run_command(shell("sleep 100 & sleep 100", 500), endpoint(), "d", {}, "http://127.0.0.1:1");
  auto elapsed = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  CHECK(result.outcome == "error");
  CHECK(result.error_code == "timeout");
  CHECK(result.timed_out);
  CHECK(elapsed >= 500);
  CHECK(elapsed < 1600);
  REQUIRE(result.process_group > 0);
  CHECK(live_in_group(result.process_group) == 0);
}

TEST_CASE("command: a background grandchild does not outlive a normal exit", "[client][command]") {
  auto start = Clock::now();
  auto result =
      run_command(shell("sleep 100 & echo '" + std::string(kOkLine) + "'"), endpoint(), "d", {}, "http://127.0.0.1:1");
  auto elapsed = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  CHECK(result.outcome == "ok");
  CHECK_FALSE(result.timed_out);
  CHECK(elapsed < 1500);
  REQUIRE(result.process_group > 0);
  CHECK(live_in_group(result.process_group) == 0);
}

TEST_CASE("command: no file descriptors leak", "[client][command]") {
  // Warm up whatever a first run allocates once.
  run_command(shell("true"), endpoint(), "d", {}, "http://127.0.0.1:1");
  size_t before = open_fds();
  for (int i = 0; i < 5; ++i) {
    run_command(shell("echo '" + std::string(kOkLine) + "'"), endpoint(), "d", {}, "http://127.0.0.1:1");
    run_command(shell("sleep 100 & sleep 100", 100), endpoint(), "d", {}, "http://127.0.0.1:1");
    run_command(CommandSpec{{"gwlint-no-such-client-program"}, 100, ""}, endpoint(), "d", {}, "http://127.0.0.1:1");
  }
  CHECK(open_fds() == before);
}
