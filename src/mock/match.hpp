#pragma once
// The matcher (SCENARIOS.md §2): pure functions from an incoming request (already sanitised with
// recording::sanitize_request), the recorded exchanges, their use counts and the match rules to
// either the exchange to answer with or a miss report. No sockets, no locks, no exceptions on any
// input, so it can be unit-tested and fuzzed on its own.
//
// Split in two so the server can keep its lock tiny: compare_request() does the work (parsing,
// diffing) without any shared state; select_exchange() only looks at the comparisons and the use
// counts, and is what runs under the server's consume lock.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "mock/json_diff.hpp"
#include "mock/mock_server.hpp"
#include "recording/recording.hpp"

namespace gwlint::mock {

// One field that differs between a recorded request and the incoming one.
struct Difference {
  std::string field;    // "method", "path", "query.NAME", "header.NAME", "body"
  std::string pointer;  // JSON pointer inside the body ("" for the whole body or non-body fields)
  std::string change;   // "value", "type", "missing", "extra", "forbidden", "not_json"
  nlohmann::json expected;
  nlohmann::json actual;
};

// MatchRules with its pointers parsed once.
struct CompiledRules {
  MatchRules rules;
  std::vector<JsonPointer> ignore_json;
  std::vector<std::string> invalid_pointers;  // ignore_json entries that are not RFC 6901 pointers
};
CompiledRules compile_rules(const MatchRules& rules);

struct Comparison {
  std::vector<Difference> differences;  // empty: the request matches this exchange
  bool differences_truncated = false;
  int penalty = 0;  // 0 for a match; method/path weigh most, then query, headers, body pointers
  bool method_equal = true;
  bool path_equal = true;
  bool matches() const { return differences.empty() && !differences_truncated; }
};

// The incoming body parsed once for all exchanges (only when some recorded body is JSON).
class IncomingRequest {
 public:
  explicit IncomingRequest(const recording::RecordedRequest& request) : request_(request) {}
  const recording::RecordedRequest& request() const { return request_; }
  const std::optional<nlohmann::json>& json() const;  // nullopt: not JSON

 private:
  const recording::RecordedRequest& request_;
  mutable bool parsed_ = false;
  mutable std::optional<nlohmann::json> json_;
};

Comparison compare_request(const IncomingRequest& incoming, const recording::RecordedRequest& recorded,
                           const CompiledRules& rules);
std::vector<Comparison> compare_all(const recording::RecordedRequest& incoming,
                                    const std::vector<recording::Exchange>& exchanges, const CompiledRules& rules);

struct ExchangeState {
  int used = 0;
  bool held_back = false;  // a fault or the scenario's state keeps it from being served now
};
bool exchange_available(const recording::Exchange& exchange, const ExchangeState& state);

enum class MissCause {
  NoCloseExchange,  // every exchange differs in both method and path (or there are none)
  ClosestDiffers,   // the closest exchange is available but differs: `differences` says how
  ClosestUsedUp,    // the closest exchange (often an exact match) was already used `times` times
  HeldBack,         // the closest exchange is held back by faults/state
};
const char* miss_cause_name(MissCause cause);

struct MissReport {
  std::string method;
  std::string path;
  std::vector<std::pair<std::string, std::string>> query;
  MissCause cause = MissCause::NoCloseExchange;
  std::optional<std::size_t> closest;  // index into the exchanges; nullopt when there are none
  std::string closest_id;
  std::string closest_location;
  int closest_used = 0;
  int closest_times = 0;
  bool closest_held_back = false;
  bool closest_exact = false;  // the closest matched every field (used up or held back)
  std::vector<Difference> differences;
  bool differences_truncated = false;
};

struct MatchResult {
  std::optional<std::size_t> exchange;  // the exchange to answer with (the caller consumes it)
  std::optional<MissReport> miss;       // set when exchange is not
};

// Recording order decides between equals, so identical requests take successive exchanges
// (429, 429, 200) as each is used up. `states` may be shorter than `exchanges` (missing = unused).
MatchResult select_exchange(const recording::RecordedRequest& incoming,
                            const std::vector<recording::Exchange>& exchanges,
                            const std::vector<Comparison>& comparisons, const std::vector<ExchangeState>& states);

// compare_all + select_exchange.
MatchResult match_request(const recording::RecordedRequest& incoming, const std::vector<recording::Exchange>& exchanges,
                          const std::vector<ExchangeState>& states, const CompiledRules& rules);

}  // namespace gwlint::mock
