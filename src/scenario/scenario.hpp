#pragma once
// A scenario file (SCENARIOS.md §2) in memory: the config under test, the recording the mock
// serves, the client and the calls it makes, faults, and what must hold afterwards.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "client/client.hpp"
#include "config/document.hpp"
#include "mock/mock_server.hpp"
#include "recording/recording.hpp"

namespace gwlint::scenario {

// What must hold after a call (per call) or after the whole run (scenario level). Unset fields
// are not checked.
struct Expectations {
  std::optional<std::string> outcome;  // ok | error
  std::optional<int> status;
  std::optional<std::string> error_code;
  std::optional<std::string> text_contains;
  std::optional<int> attempts;
  // Scenario level only:
  std::optional<int> requests;               // requests the mock saw
  std::optional<bool> all_used;              // every exchange with `times` > 0 used up
  std::optional<bool> retry_waits_honoured;  // gaps between retries >= what the mock asked for
  std::vector<std::string> lint;             // rule codes the linter reports on the config
  std::string location;                      // of the `expect:` mapping
};

struct CallSpec {
  client::Call call;
  std::optional<Expectations> expect;  // per-call expectations (outcome/status/error_code/...)
  std::string location;
};

struct ClientSpec {
  enum class Kind { Builtin, Command } kind = Kind::Builtin;
  std::string name = "builtin";  // shown in reports: "builtin", or the command's program name
  client::CommandSpec command;   // Kind::Command
  int timeout_ms = 10000;        // per request (builtin) or per call (command)
  int max_attempts = 3;          // builtin: attempts including the first (the AI SDK: 1 + maxRetries 2)
  // Written in the scenario (not defaults): they still apply when --client swaps the client.
  bool timeout_written = false;
  bool max_attempts_written = false;
};

struct Scenario {
  std::string path;  // the scenario file
  std::string name;
  std::string description;  // one line: which rule or behaviour it proves

  // The config under test: a file (kept for lint and reports) or an inline mapping.
  std::string config_path;
  std::shared_ptr<const Document> config;

  recording::Recording recording;
  ClientSpec client;
  std::vector<CallSpec> calls;
  mock::MatchRules match;
  std::vector<mock::Fault> faults;
  Expectations expect;
  std::map<std::string, std::string> env;  // values for ${VAR} in the config (never the real ones)
};

}  // namespace gwlint::scenario
