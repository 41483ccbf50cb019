// The mock's request matcher (src/mock/match.hpp) on a fuzzer-built request against the exchanges
// of every recording in scenarios/recordings/ (loaded once), with match rules that ignore JSON
// pointers and headers; then the miss report in all its forms (JSON, text, text from JSON, the
// 599 body). Invariants: a result is either an exchange that is available or a miss; indexes are
// in range; the 599 body is JSON.
//
// Input layout (text, so seeds stay readable): a request line `METHOD TARGET`, header lines
// `Name: value` up to a blank line, then the body. Header lines starting with `~` are not sent
// but change the setup: `~ignore-json: POINTER`, `~ignore-header: GLOB`, `~require: NAME`,
// `~forbid: NAME`, `~state: INDEX USED HELD` (use count and held-back flag of an exchange).
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "mock/json_diff.hpp"
#include "mock/match.hpp"
#include "mock/match_report.hpp"
#include "recording/recording_io.hpp"
#include "recording/sanitizer.hpp"
#include "recording/uri.hpp"

using namespace gwlint;
using namespace gwlint::mock;

namespace {

const std::vector<recording::Exchange>& exchanges() {
  static const std::vector<recording::Exchange> all = [] {
    std::vector<std::string> paths;
    for (const auto& entry : std::filesystem::directory_iterator(GWLINT_SOURCE_DIR "/scenarios/recordings")) {
      if (entry.path().extension() == ".yaml") paths.push_back(entry.path().string());
    }
    std::sort(paths.begin(), paths.end());
    std::vector<recording::Exchange> list;
    for (const std::string& path : paths) {
      recording::LoadResult loaded = recording::load_recording_file(path);
      FUZZ_CHECK(loaded.ok(), "a shipped recording does not load: " + path);
      for (recording::Exchange& exchange : loaded.recording->exchanges) list.push_back(std::move(exchange));
    }
    FUZZ_CHECK(!list.empty(), "no recordings in " GWLINT_SOURCE_DIR "/scenarios/recordings");
    return list;
  }();
  return all;
}

MatchRules base_rules() {
  MatchRules rules;
  rules.ignore_json = {"/stream_options/include_usage", "/user", "/messages/0/content", "/a~1b/~0c", "not-a-pointer"};
  rules.ignore_headers = {"x-stainless-*", "user-agent", "x-ms-*"};
  return rules;
}

std::string_view next_line(std::string_view& text) {
  size_t end = text.find('\n');
  std::string_view line = text.substr(0, end);
  text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::string trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return std::string(text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::vector<recording::Exchange>& recorded = exchanges();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  MatchRules rules = base_rules();
  std::vector<ExchangeState> states;

  // The request as the mock builds it from what cpp-httplib parsed (MockServer::incoming_request).
  recording::RecordedRequest request;
  std::string_view request_line = next_line(text);
  size_t space = request_line.find(' ');
  request.method = std::string(request_line.substr(0, space));
  std::transform(request.method.begin(), request.method.end(), request.method.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  std::string_view target = space == std::string_view::npos ? std::string_view() : request_line.substr(space + 1);
  recording::RequestTarget split = recording::split_target(target);
  request.path = std::move(split.path);
  request.query = std::move(split.query);
  while (!text.empty()) {
    std::string_view line = next_line(text);
    if (line.empty()) break;
    size_t colon = line.find(':');
    std::string name(line.substr(0, colon));
    std::string value = colon == std::string_view::npos ? std::string() : trim(line.substr(colon + 1));
    if (name == "~ignore-json") {
      rules.ignore_json.push_back(value);
    } else if (name == "~ignore-header") {
      rules.ignore_headers.push_back(value);
    } else if (name == "~require") {
      rules.require_headers.push_back(value);
    } else if (name == "~forbid") {
      rules.forbid_headers.push_back(value);
    } else if (name == "~state") {
      unsigned index = 0, used = 0, held = 0;
      if (std::sscanf(value.c_str(), "%u %u %u", &index, &used, &held) >= 1 && index < recorded.size()) {
        if (states.size() <= index) states.resize(index + 1);
        states[index].used = static_cast<int>(std::min(used, 1000u));
        states[index].held_back = held != 0;
      }
    } else {
      request.headers.push_back({name, value});
    }
  }
  request.body.bytes = std::string(text);
  request.body.kind = request.body.bytes.empty() ? recording::BodyKind::None : recording::BodyKind::Text;
  recording::sanitize_request(request);

  CompiledRules compiled = compile_rules(rules);
  MatchResult result = match_request(request, recorded, states, compiled);
  FUZZ_CHECK(result.exchange.has_value() != result.miss.has_value(), "a result must be an exchange or a miss");
  if (result.exchange) {
    FUZZ_CHECK(*result.exchange < recorded.size());
    ExchangeState state = *result.exchange < states.size() ? states[*result.exchange] : ExchangeState{};
    FUZZ_CHECK(exchange_available(recorded[*result.exchange], state), "matched an exchange that is not available");
    return 0;
  }
  const MissReport& miss = *result.miss;
  FUZZ_CHECK(!miss.closest || *miss.closest < recorded.size());
  nlohmann::json report = miss_report_json(miss);
  std::string dumped = dump_json(report);
  FUZZ_CHECK(nlohmann::json::accept(dumped), "the miss report does not dump as JSON");
  (void)miss_report_text(miss);
  (void)miss_report_text(report);
  (void)miss_report_text(nlohmann::json::parse(dumped));
  std::string body = no_match_body(miss);
  FUZZ_CHECK(nlohmann::json::accept(body), "the 599 body is not JSON:\n" + body);
  return 0;
}
