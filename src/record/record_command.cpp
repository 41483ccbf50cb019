#include "record/record_command.hpp"

#include <fmt/format.h>
#include <pthread.h>

#include <csignal>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <mutex>

#include "record/proxy_server.hpp"
#include "record/recorder.hpp"
#include "recording/recording_io.hpp"

namespace gwlint::record {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 2;
// After --max-exchanges, responses still being written (the Nth one included) get this long.
constexpr std::chrono::seconds kLimitGrace{2};

struct Settings {
  UpstreamTarget upstream;
  ListenAddress listen;
  JsonRedaction redaction;
};

Settings check_arguments(const RecordCommandOptions& options) {
  Settings settings;
  settings.upstream = parse_upstream_url(options.upstream);
  settings.listen = parse_listen_address(options.listen);
  if (!options.ca_file.empty()) {
    if (!settings.upstream.tls) throw UsageError("--ca-file applies to an https:// upstream only");
    check_ca_file(options.ca_file);
  }
  settings.redaction = JsonRedaction(options.redact_json);
  if (options.max_exchanges && *options.max_exchanges == 0) throw UsageError("--max-exchanges must be at least 1");
  if (options.out.empty()) throw UsageError("--out: give a file name");
  std::filesystem::path parent = std::filesystem::absolute(options.out).parent_path();
  std::error_code error;
  if (!std::filesystem::is_directory(parent, error)) {
    // Found now rather than after a recording session that could not be saved.
    throw UsageError(fmt::format("--out: the directory '{}' does not exist", parent.string()));
  }
  return settings;
}

// Waits for SIGINT/SIGTERM (blocked in every thread, so only this wait sees them) or, with
// --max-exchanges, for the recorder to be full. True when a signal came.
bool wait_for_stop(const sigset_t& stop_signals, const Recorder& recorder) {
  timespec slice{0, 50 * 1000 * 1000};
  while (true) {
    int received = sigtimedwait(&stop_signals, nullptr, &slice);
    if (received == SIGINT || received == SIGTERM) return true;
    if (recorder.limit_reached()) return false;
  }
}

}  // namespace

int run_record(const RecordCommandOptions& options, std::ostream& out, std::ostream& err) {
  Settings settings;
  try {
    settings = check_arguments(options);
  } catch (const UsageError& error) {
    err << "gwlint record: " << error.what() << '\n';
    return kExitUsage;
  }

  // Before any thread exists, so every thread inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  sigset_t previous;
  pthread_sigmask(SIG_BLOCK, &stop_signals, &previous);
  std::signal(SIGPIPE, SIG_IGN);  // a client gone mid-stream must not end the recorder

  std::string source =
      options.source.empty() ? default_source(settings.upstream.url, std::chrono::system_clock::now()) : options.source;
  Recorder recorder(source, options.max_exchanges);
  auto err_mutex = std::make_shared<std::mutex>();
  ProxyOptions proxy_options;
  proxy_options.upstream = settings.upstream;
  proxy_options.ca_file = options.ca_file;
  proxy_options.listen = settings.listen;
  proxy_options.redaction = settings.redaction;
  proxy_options.note = [&err, err_mutex](const std::string& line) {
    std::lock_guard<std::mutex> lock(*err_mutex);
    err << "gwlint record: " << line << std::endl;
  };
  ProxyServer proxy(std::move(proxy_options), recorder);
  try {
    proxy.start();
  } catch (const std::exception& error) {
    err << "gwlint record: " << error.what() << '\n';
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return kExitUsage;
  }
  out << proxy.url() << std::endl;  // endl: scripts wait for this line
  {
    std::lock_guard<std::mutex> lock(*err_mutex);
    err << fmt::format("gwlint record: forwarding {} to {}; writing {} {}\n", proxy.url(), settings.upstream.url,
                       options.out,
                       options.max_exchanges ? fmt::format("after {} exchange(s)", *options.max_exchanges)
                                             : std::string("on Ctrl-C or SIGTERM"));
    if (!settings.upstream.tls) {
      err << "gwlint record: warning: the upstream is plain http://; the client's key crosses the network "
             "unencrypted\n";
    }
    if (!is_loopback_host(settings.listen.host)) {
      err << fmt::format(
          "gwlint record: warning: listening on {}, not loopback: anyone who can reach it can "
          "use the upstream through it\n",
          settings.listen.host);
    }
    err.flush();
  }

  bool by_signal = wait_for_stop(stop_signals, recorder);
  if (!by_signal) {
    // Write as soon as the Nth exchange is in, then let responses still being sent finish.
    recording::Recording recording = recorder.recording();
    try {
      recording::write_recording_file(options.out, recording);
    } catch (const std::exception& error) {
      proxy.stop();
      err << "gwlint record: " << error.what() << '\n';
      pthread_sigmask(SIG_SETMASK, &previous, nullptr);
      return kExitUsage;
    }
    proxy.stop(kLimitGrace);
    err << fmt::format("gwlint record: wrote {} exchange(s) to {}\n", recording.exchanges.size(), options.out);
    pthread_sigmask(SIG_SETMASK, &previous, nullptr);
    return kExitOk;
  }

  proxy.stop();
  recording::Recording recording = recorder.recording();
  if (proxy.cut_exchanges() > 0) {
    err << fmt::format("gwlint record: {} exchange(s) still in flight were cut and not recorded\n",
                       proxy.cut_exchanges());
  }
  int code = kExitOk;
  try {
    recording::write_recording_file(options.out, recording);
    if (recording.exchanges.empty()) {
      err << fmt::format("gwlint record: no exchange was recorded; wrote an empty recording to {}\n", options.out);
    } else {
      err << fmt::format("gwlint record: wrote {} exchange(s) to {}\n", recording.exchanges.size(), options.out);
    }
  } catch (const std::exception& error) {
    err << "gwlint record: " << error.what() << '\n';
    code = kExitUsage;
  }
  pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  return code;
}

}  // namespace gwlint::record
