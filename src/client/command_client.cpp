// A client under test as a separate program (SCENARIOS.md §3, "command"): started with
// Boost.Process in its own process group, told where the mock stands through GWLINT_* variables,
// its stdout and stderr read concurrently (so neither pipe can fill and block it), killed as a
// whole group on timeout and after it exits (a background grandchild must not outlive the run),
// and judged by the last JSON object line it printed.
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <boost/asio/io_context.hpp>
#include <boost/process.hpp>
#include <boost/process/extend.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <thread>

#include "client/azure_error.hpp"
#include "client/client.hpp"
#include "client/process_group.hpp"

namespace gwlint::client {

namespace {

namespace bp = boost::process;
using Clock = std::chrono::steady_clock;

constexpr size_t kMaxCapture = 1u << 20;  // per stream; the rest is read and discarded
constexpr auto kDrainGrace = std::chrono::milliseconds(500);

// Reads one pipe to its end without blocking the other; keeps the first kMaxCapture bytes.
struct Capture {
  explicit Capture(boost::asio::io_context& io) : pipe(io) {}
  bp::async_pipe pipe;
  std::array<char, 16384> buffer{};
  std::string text;
  size_t dropped = 0;
  bool eof = false;

  void start() {
    pipe.async_read_some(boost::asio::buffer(buffer), [this](const boost::system::error_code& ec, size_t n) {
      size_t keep = std::min(n, kMaxCapture - std::min(kMaxCapture, text.size()));
      text.append(buffer.data(), keep);
      dropped += n - keep;
      if (ec) {
        eof = true;
        return;
      }
      start();
    });
  }
};

std::string json_text(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string headers_json(const AzureEndpoint& endpoint) {
  nlohmann::ordered_json headers = nlohmann::ordered_json::object();
  for (const auto& header : endpoint.headers) headers[header.name] = header.value;
  return headers.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string append_list(const std::string& existing, const std::string& extra) {
  return existing.empty() ? extra : existing + "," + extra;
}

// The last stdout line that is a JSON object: clients may log before it.
std::optional<nlohmann::json> last_json_line(const std::string& out) {
  size_t end = out.size();
  while (end > 0) {
    size_t start = out.rfind('\n', end - 1);
    start = start == std::string::npos ? 0 : start + 1;
    std::string line = out.substr(start, end - start);
    size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string::npos && line[first] == '{') {
      auto parsed = nlohmann::json::parse(line, nullptr, false);
      if (!parsed.is_discarded() && parsed.is_object()) return parsed;
    }
    if (start == 0) break;
    end = start - 1;
  }
  return std::nullopt;
}

std::string string_field(const nlohmann::json& object, const char* name) {
  auto it = object.find(name);
  if (it == object.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  if (it->is_null()) return {};
  return it->dump();
}

// Applies the client's own report; false when it is not the result shape.
bool apply_report(ClientResult& result, const nlohmann::json& report, std::string& problem) {
  std::string outcome = string_field(report, "outcome");
  if (outcome != "ok" && outcome != "error") {
    problem = "its JSON line has no \"outcome\": \"ok\" | \"error\"";
    return false;
  }
  result.outcome = outcome;
  if (auto status = report.find("status"); status != report.end() && status->is_number()) {
    result.status = status->get<int>();
  }
  result.error_code = string_field(report, "error_code");
  result.text = string_field(report, "text");
  result.message = string_field(report, "message");
  if (auto attempts = report.find("attempts"); attempts != report.end() && attempts->is_number_integer()) {
    result.attempts = attempts->get<int>();
  }
  if (auto waits = report.find("retry_waits_ms"); waits != report.end() && waits->is_array()) {
    for (const auto& wait : *waits) {
      if (wait.is_number()) result.retry_waits_ms.push_back(wait.get<double>());
    }
  }
  return true;
}

void kill_group(pid_t pgid) {
  if (pgid > 1) ::kill(-pgid, SIGKILL);
}

// Whether the child has exited, without reaping it: while it is an unreaped zombie its pid (the
// group id) cannot be reused, so killing the group afterwards cannot hit a stranger.
bool has_exited(pid_t pid) {
  siginfo_t info{};
  if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0) return errno == ECHILD;
  return info.si_pid == pid;
}

}  // namespace

ClientResult run_command(const CommandSpec& spec, const AzureEndpoint& endpoint, const std::string& deployment,
                         const Call& call, const std::string& mock_url) {
  ClientResult result;
  result.outcome = "error";
  if (spec.argv.empty() || spec.argv.front().empty()) {
    result.error_code = "client_not_found";
    result.message = "the command client has no program to run";
    return result;
  }

  // Resolve the program as a shell would: a name without '/' is looked up on PATH.
  std::string program = spec.argv.front();
  boost::filesystem::path exe = program;
  if (program.find('/') == std::string::npos) {
    exe = bp::search_path(program);
    if (exe.empty()) {
      result.error_code = "client_not_found";
      result.message = "command client `" + program + "` is not on PATH";
      return result;
    }
  } else if (::access(program.c_str(), X_OK) != 0) {
    result.error_code = "client_not_found";
    result.message = "command client `" + program + "` does not exist or is not executable";
    return result;
  }
  std::vector<std::string> args(spec.argv.begin() + 1, spec.argv.end());

  // The environment is built here as KEY=VALUE strings rather than with bp::environment: Boost
  // 1.74's basic_environment::find compares a key against shorter entries past their end (a heap
  // overflow AddressSanitizer reports). The executor's `env` is set in on_exec_setup instead.
  std::map<std::string, std::string> overrides = {
      {"GWLINT_BASE_URL", mock_base_url(endpoint, mock_url)},
      {"GWLINT_API_KEY", endpoint.api_key},
      {"GWLINT_DEPLOYMENT", deployment},
      {"GWLINT_API_VERSION", endpoint.api_version},
      {"GWLINT_HEADERS", headers_json(endpoint)},
      {"GWLINT_CALL", json_text({{"op", call.op}, {"model", call.model}, {"input", call.input}})},
      {"GWLINT_HOST", endpoint.host},
      {"GWLINT_USE_DEPLOYMENT_URLS", endpoint.use_deployment_urls ? "true" : "false"},
  };
  if (spec.call_timeout_ms > 0) overrides["GWLINT_TIMEOUT_MS"] = std::to_string(spec.call_timeout_ms);
  std::vector<std::string> env_strings;
  for (char** entry = ::environ; entry && *entry; ++entry) {
    std::string_view text(*entry);
    std::string name(text.substr(0, text.find('=')));
    // A proxy configured for the user's shell must not swallow the loopback mock.
    if (name == "NO_PROXY" || name == "no_proxy") {
      overrides.emplace(name, append_list(std::string(text.substr(name.size() + 1)), "127.0.0.1,localhost"));
      continue;
    }
    if (!overrides.count(name)) env_strings.emplace_back(text);
  }
  overrides.emplace("NO_PROXY", "127.0.0.1,localhost");
  overrides.emplace("no_proxy", "127.0.0.1,localhost");
  for (const auto& [name, value] : overrides) env_strings.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& entry : env_strings) envp.push_back(entry.data());
  envp.push_back(nullptr);
  char** child_env = envp.data();

  boost::asio::io_context io;
  Capture out(io);
  Capture err(io);
  std::error_code spawn_error;
  std::string start_dir =
      spec.working_directory.empty() ? boost::filesystem::current_path().string() : spec.working_directory;
  auto started = Clock::now();
  bp::child child;
  try {
    child = bp::child(
        bp::exe = exe, bp::args = args, bp::start_dir = start_dir, bp::std_in<bp::null, bp::std_out> out.pipe,
        bp::std_err > err.pipe,
        // Its own process group, so a timeout (or the end of the run) can kill everything it started.
        bp::extend::on_exec_setup =
            [child_env](auto& exec) {
              exec.env = child_env;
              ::setpgid(0, 0);
            },
        spawn_error);
  } catch (const std::exception& e) {
    spawn_error = std::make_error_code(std::errc::invalid_argument);
    result.message = e.what();
  }
  if (spawn_error || !child.valid()) {
    result.error_code = "client_failed";
    result.message =
        "cannot start `" + program + "`: " + (result.message.empty() ? spawn_error.message() : result.message);
    return result;
  }
  pid_t pid = child.id();
  result.process_group = pid;
  out.start();
  err.start();

  auto deadline = started + std::chrono::milliseconds(std::max(0, spec.timeout_ms));
  bool exited = false;
  Clock::time_point drain_until{};
  while (true) {
    if (out.eof && err.eof) {
      if (exited) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));  // pipes closed; wait for the exit itself
    } else {
      io.run_for(std::chrono::milliseconds(10));
      if (io.stopped()) io.restart();
    }
    auto now = Clock::now();
    if (!exited) {
      if (has_exited(pid)) {
        exited = true;
        kill_group(pid);  // stragglers: whatever it left running in its group
        drain_until = now + kDrainGrace;
      } else if (now >= deadline) {
        kill_group(pid);
        result.timed_out = true;
        exited = true;
        drain_until = now + kDrainGrace;
      }
    } else if (now >= drain_until) {
      break;  // something outside the group still holds a pipe open
    }
  }
  std::error_code wait_error;
  child.wait(wait_error);  // reaps; the group is dead already
  // SIGKILL lands asynchronously: wait until it has, so nothing of the run outlives it.
  wait_until_group_gone(pid, 1000);
  out.pipe.close();
  err.pipe.close();
  io.poll();

  int status = child.native_exit_code();
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.exit_code = 128 + WTERMSIG(status);
  }
  result.stdout_text = redact_secret(out.text, endpoint.api_key);
  result.stderr_text = redact_secret(err.text, endpoint.api_key);
  if (out.dropped) result.stdout_text += "\n... (" + std::to_string(out.dropped) + " more bytes discarded)";
  if (err.dropped) result.stderr_text += "\n... (" + std::to_string(err.dropped) + " more bytes discarded)";

  if (result.timed_out) {
    result.outcome = "error";
    result.error_code = "timeout";
    result.message =
        "command client did not finish within " + std::to_string(spec.timeout_ms) + " ms; its process group was killed";
    return result;
  }
  std::string problem = "it printed no JSON object line";
  if (auto report = last_json_line(out.text); report && apply_report(result, *report, problem)) {
    result.message = redact_secret(result.message, endpoint.api_key);
    result.text = redact_secret(result.text, endpoint.api_key);
    return result;
  }
  result.outcome = "error";
  if (result.exit_code != 0) {
    result.error_code = "client_failed";
    result.message = "command client exited with code " + std::to_string(result.exit_code) + " and " + problem +
                     "; stderr: " + excerpt(result.stderr_text, 500);
  } else {
    result.error_code = "bad_client_output";
    result.message =
        "command client's result is unusable: " + problem + "; stdout: " + excerpt(result.stdout_text, 500);
  }
  return result;
}

}  // namespace gwlint::client
