#pragma once
// The recording reverse proxy (SCENARIOS.md §4, `gwlint record`): an HTTP server on a loopback
// address that forwards every request to the upstream (TLS, verified), relays the answer — SSE as
// it arrives, never buffered — and hands each completed exchange, redacted, to a Recorder.
// Upstream failures become a 502 with a JSON error and are not recorded.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "record/json_redaction.hpp"
#include "record/recorder.hpp"
#include "record/upstream_target.hpp"

namespace gwlint::record {

struct ProxyOptions {
  UpstreamTarget upstream;
  std::string ca_file;  // empty: the system's CAs
  ListenAddress listen;
  JsonRedaction redaction;
  // One line per exchange and per problem (the CLI prints them on stderr); called from any thread.
  std::function<void(const std::string&)> note;
};

class ProxyServer {
 public:
  ProxyServer(ProxyOptions options, Recorder& recorder);
  ~ProxyServer();  // stop()
  ProxyServer(const ProxyServer&) = delete;
  ProxyServer& operator=(const ProxyServer&) = delete;

  // Binds and serves on background threads; throws std::runtime_error when it cannot bind.
  void start();
  // Stops accepting at once; exchanges still in flight get `grace` to finish, then are cut (and
  // not recorded). Joins every thread it started. Idempotent.
  void stop(std::chrono::milliseconds grace = std::chrono::milliseconds(0));

  int port() const;
  std::string url() const;            // "http://127.0.0.1:PORT"
  std::size_t cut_exchanges() const;  // in flight when the last stop() cut them

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gwlint::record
