#include "mock/match.hpp"

#include <algorithm>
#include <map>

#include "mock/header_rules.hpp"

namespace gwlint::mock {

namespace {

using nlohmann::json;
using recording::Headers;
using recording::RecordedRequest;

// Weights for closeness: one differing method or path outweighs any number of query, header or
// body differences; body pointers are capped so a long body cannot outweigh a header.
constexpr int kMethodPenalty = 1000;
constexpr int kPathPenalty = 1000;
constexpr int kQueryPenalty = 100;
constexpr int kHeaderPenalty = 30;
constexpr int kBodyPointerPenalty = 1;
constexpr int kBodyPenaltyCap = 25;
constexpr int kBodyBytesPenalty = 10;
constexpr std::size_t kDifferenceLimit = 100;

// Bodies are not secrets by contract, but they can be large; reports show the start.
json body_text(const std::string& bytes) {
  return abbreviate_json(json(bytes));
}

json values_json(const std::vector<std::string>& values) {
  if (values.empty()) return json();
  if (values.size() == 1) return json(values.front());
  return json(values);
}

void compare_query(const RecordedRequest& incoming, const RecordedRequest& recorded, Comparison& out) {
  // Query parameters are a multiset of name/value pairs: order ignored, repeats counted.
  std::map<std::string, std::vector<std::string>> expected, actual;
  std::vector<std::string> names;
  for (const auto& [name, value] : recorded.query) {
    if (!expected.count(name) && !actual.count(name)) names.push_back(name);
    expected[name].push_back(value);
  }
  for (const auto& [name, value] : incoming.query) {
    if (!expected.count(name) && !actual.count(name)) names.push_back(name);
    actual[name].push_back(value);
  }
  for (const auto& name : names) {
    auto want = expected[name];
    auto got = actual[name];
    std::vector<std::string> want_sorted = want, got_sorted = got;
    std::sort(want_sorted.begin(), want_sorted.end());
    std::sort(got_sorted.begin(), got_sorted.end());
    if (want_sorted == got_sorted) continue;
    const char* change = got.empty() ? "missing" : want.empty() ? "extra" : "value";
    out.differences.push_back({"query." + name, "", change, values_json(want), values_json(got)});
    out.penalty += kQueryPenalty;
  }
}

std::vector<std::string> header_values(const Headers& headers, const std::string& name) {
  std::vector<std::string> values;
  for (const auto& header : headers) {
    if (iequals(header.name, name)) values.push_back(header.value);
  }
  return values;
}

void compare_headers(const RecordedRequest& incoming, const RecordedRequest& recorded, const MatchRules& rules,
                     Comparison& out) {
  for (const auto& glob : rules.require_headers) {
    bool present = std::any_of(incoming.headers.begin(), incoming.headers.end(),
                               [&](const auto& header) { return glob_match_ci(glob, header.name); });
    if (present) continue;
    out.differences.push_back({"header." + to_lower(glob), "", "missing", json("<present>"), json()});
    out.penalty += kHeaderPenalty;
  }
  for (const auto& glob : rules.forbid_headers) {
    for (const auto& header : incoming.headers) {
      if (!glob_match_ci(glob, header.name)) continue;
      // The incoming request is sanitised, so a secret shows as <redacted> here.
      out.differences.push_back({"header." + to_lower(header.name), "", "forbidden", json(), json(header.value)});
      out.penalty += kHeaderPenalty;
    }
  }
  for (const auto& header : recorded.headers) {
    if (is_transport_header(header.name) || header_listed(rules.ignore_headers, header.name) ||
        header_listed(rules.require_headers, header.name) || header_listed(rules.forbid_headers, header.name)) {
      continue;
    }
    auto values = header_values(incoming.headers, header.name);
    if (std::find(values.begin(), values.end(), header.value) != values.end()) continue;
    out.differences.push_back({"header." + to_lower(header.name), "", values.empty() ? "missing" : "value",
                               json(header.value), values_json(values)});
    out.penalty += kHeaderPenalty;
  }
}

void compare_body(const IncomingRequest& incoming, const RecordedRequest& recorded, const CompiledRules& rules,
                  Comparison& out) {
  const std::string& actual_bytes = incoming.request().body.bytes;
  if (recorded.body.json) {
    const auto& actual = incoming.json();
    if (!actual) {
      out.differences.push_back(
          {"body", "", "not_json", abbreviate_json(*recorded.body.json), body_text(actual_bytes)});
      out.penalty += kBodyPenaltyCap;
      return;
    }
    auto diff = diff_json(*recorded.body.json, *actual, rules.ignore_json, kDifferenceLimit);
    int penalty = 0;
    for (auto& difference : diff.differences) {
      out.differences.push_back({"body", difference.pointer, difference.change, abbreviate_json(difference.expected),
                                 abbreviate_json(difference.actual)});
      penalty += kBodyPointerPenalty;
    }
    out.differences_truncated = out.differences_truncated || diff.truncated;
    out.penalty += std::min(penalty + (diff.truncated ? kBodyPenaltyCap : 0), kBodyPenaltyCap);
    return;
  }
  if (recorded.body.bytes == actual_bytes) return;
  out.differences.push_back({"body", "", actual_bytes.empty() ? "missing" : "value", body_text(recorded.body.bytes),
                             body_text(actual_bytes)});
  out.penalty += kBodyBytesPenalty;
}

}  // namespace

CompiledRules compile_rules(const MatchRules& rules) {
  CompiledRules compiled{rules, {}, {}};
  for (const auto& text : rules.ignore_json) {
    if (auto pointer = parse_json_pointer(text)) {
      compiled.ignore_json.push_back(std::move(*pointer));
    } else {
      compiled.invalid_pointers.push_back(text);
    }
  }
  return compiled;
}

const std::optional<json>& IncomingRequest::json() const {
  if (!parsed_) {
    parsed_ = true;
    json_ = parse_json_body(request_.body.bytes);
  }
  return json_;
}

Comparison compare_request(const IncomingRequest& incoming, const RecordedRequest& recorded,
                           const CompiledRules& rules) {
  Comparison out;
  const RecordedRequest& request = incoming.request();
  if (!iequals(request.method, recorded.method)) {
    out.method_equal = false;
    out.differences.push_back({"method", "", "value", json(recorded.method), json(request.method)});
    out.penalty += kMethodPenalty;
  }
  if (request.path != recorded.path) {
    out.path_equal = false;
    out.differences.push_back({"path", "", "value", json(recorded.path), json(request.path)});
    out.penalty += kPathPenalty;
  }
  compare_query(request, recorded, out);
  compare_headers(request, recorded, rules.rules, out);
  compare_body(incoming, recorded, rules, out);
  return out;
}

std::vector<Comparison> compare_all(const RecordedRequest& incoming, const std::vector<recording::Exchange>& exchanges,
                                    const CompiledRules& rules) {
  IncomingRequest prepared(incoming);
  std::vector<Comparison> comparisons;
  comparisons.reserve(exchanges.size());
  for (const auto& exchange : exchanges) comparisons.push_back(compare_request(prepared, exchange.request, rules));
  return comparisons;
}

bool exchange_available(const recording::Exchange& exchange, const ExchangeState& state) {
  if (state.held_back) return false;
  return exchange.times <= 0 || state.used < exchange.times;
}

const char* miss_cause_name(MissCause cause) {
  switch (cause) {
    case MissCause::NoCloseExchange:
      return "no_close_exchange";
    case MissCause::ClosestDiffers:
      return "closest_differs";
    case MissCause::ClosestUsedUp:
      return "closest_used_up";
    case MissCause::HeldBack:
      return "held_back";
  }
  return "no_close_exchange";
}

MatchResult select_exchange(const RecordedRequest& incoming, const std::vector<recording::Exchange>& exchanges,
                            const std::vector<Comparison>& comparisons, const std::vector<ExchangeState>& states) {
  auto state_of = [&](std::size_t i) { return i < states.size() ? states[i] : ExchangeState{}; };
  std::size_t count = std::min(exchanges.size(), comparisons.size());
  MatchResult result;
  for (std::size_t i = 0; i < count; ++i) {
    if (comparisons[i].matches() && exchange_available(exchanges[i], state_of(i))) {
      result.exchange = i;
      return result;
    }
  }

  MissReport miss;
  miss.method = incoming.method;
  miss.path = incoming.path;
  miss.query = incoming.query;
  // Closest: lowest penalty; among equals an available one, then the first recorded.
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < count; ++i) {
    if (!best) {
      best = i;
      continue;
    }
    const auto& a = comparisons[i];
    const auto& b = comparisons[*best];
    bool a_available = exchange_available(exchanges[i], state_of(i));
    bool b_available = exchange_available(exchanges[*best], state_of(*best));
    if (a.penalty < b.penalty || (a.penalty == b.penalty && a_available && !b_available)) best = i;
  }
  if (best) {
    const auto& exchange = exchanges[*best];
    const auto& comparison = comparisons[*best];
    ExchangeState state = state_of(*best);
    miss.closest = best;
    miss.closest_id = exchange.id;
    miss.closest_location = exchange.location;
    miss.closest_used = state.used;
    miss.closest_times = exchange.times;
    miss.closest_held_back = state.held_back;
    miss.closest_exact = comparison.matches();
    miss.differences = comparison.differences;
    miss.differences_truncated = comparison.differences_truncated;
    if (!comparison.method_equal && !comparison.path_equal) {
      miss.cause = MissCause::NoCloseExchange;
    } else if (state.held_back) {
      miss.cause = MissCause::HeldBack;
    } else if (!exchange_available(exchange, state)) {
      miss.cause = MissCause::ClosestUsedUp;
    } else {
      miss.cause = MissCause::ClosestDiffers;
    }
  }
  result.miss = std::move(miss);
  return result;
}

MatchResult match_request(const RecordedRequest& incoming, const std::vector<recording::Exchange>& exchanges,
                          const std::vector<ExchangeState>& states, const CompiledRules& rules) {
  return select_exchange(incoming, exchanges, compare_all(incoming, exchanges, rules), states);
}

}  // namespace gwlint::mock
