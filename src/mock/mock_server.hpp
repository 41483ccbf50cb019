#pragma once
// The Azure OpenAI mock (SCENARIOS.md §2, §4): cpp-httplib on 127.0.0.1, serving a Recording.
// Each request is sanitised, matched against the exchanges (consume-once by default), answered
// with the recorded bytes (SSE with recorded gaps scaled by time_scale) or a fault, and journaled.
// A request that matches nothing gets 599 with a JSON report naming the closest exchange and a
// field-by-field diff.
#include <atomic>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "recording/recording.hpp"

namespace gwlint::mock {

enum class FaultKind { Status, Delay, EventDelay, Truncate, Reset, Stall, Malformed, Empty };
const char* fault_kind_name(FaultKind kind);  // "status", "event_delay", ... as in scenario files
std::optional<FaultKind> fault_kind_from_name(std::string_view name);  // also accepts "event-delay"

struct Fault {
  std::string exchange;  // exchange id it applies to
  FaultKind kind = FaultKind::Status;
  int status = 0;             // Status: 401, 404, 429, 500, 503 (Azure-shaped error body)
  std::string error_code;     // Status: overrides the default code (e.g. DeploymentNotFound)
  int retry_after_ms = 1000;  // Status 429: sent as retry-after-ms and (rounded up) retry-after
  int delay_ms = 0;           // Delay (before the first byte), EventDelay (added before each event)
  int after_events = 0;       // Truncate / Malformed: events sent intact first
};

struct MatchRules {
  std::vector<std::string> ignore_headers;   // names or globs ("x-stainless-*"), any case
  std::vector<std::string> ignore_json;      // JSON pointers skipped in body comparison
  std::vector<std::string> require_headers;  // must be present (any value)
  std::vector<std::string> forbid_headers;   // must be absent
};

struct MockOptions {
  std::string host = "127.0.0.1";
  int port = 0;             // 0: any free port
  double time_scale = 0.0;  // multiplies recorded SSE gaps; 0 = no waiting
};

struct JournalEntry {
  double at_ms = 0;  // since the mock started (steady clock)
  std::string method;
  std::string path;
  std::vector<std::pair<std::string, std::string>> query;
  recording::Headers headers;  // sanitised
  std::string body;
  std::string exchange;  // matched exchange id; empty for a miss
  int status = 0;        // status sent (599 for a miss, 0 when a fault sent none)
  recording::Headers response_headers;
  std::string fault;    // fault kind applied, if any
  nlohmann::json miss;  // the closest-match report for a miss, else null
};

struct ExchangeUse {
  std::string id;
  int used = 0;
  int times = 1;
};

class MockServer {
 public:
  MockServer(recording::Recording recording, MatchRules rules, std::vector<Fault> faults, MockOptions options);
  ~MockServer();  // stops and joins
  MockServer(const MockServer&) = delete;
  MockServer& operator=(const MockServer&) = delete;

  // Binds and starts serving on a background thread; returns once listening. Throws
  // std::runtime_error when it cannot bind.
  void start();
  void stop();  // idempotent; wakes stalled handlers, closes the listener, joins threads
  int port() const;
  std::string url() const;  // "http://127.0.0.1:PORT"

  std::vector<JournalEntry> journal() const;
  nlohmann::json journal_json() const;
  std::vector<ExchangeUse> usage() const;
  void reset();  // journal cleared, every exchange unused again

  // Keeps an exchange from being matched (a miss names it with cause `held_back`) until released:
  // for scenario state that makes an exchange valid only later. Unknown ids are ignored.
  void set_held_back(const std::string& exchange_id, bool held);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gwlint::mock
