#pragma once
// gwlint's recording format (SCENARIOS.md §1) in memory: a list of recorded HTTP exchanges whose
// bodies are kept as the exact bytes that went over the wire. Every importer produces this, the
// mock serves it, the writer saves it.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gwlint::recording {

// Header names compare case-insensitively; order and duplicates are kept.
struct Header {
  std::string name;
  std::string value;
};
using Headers = std::vector<Header>;

// The value of the first header called `name` (any case), or nullptr.
const std::string* find_header(const Headers& headers, std::string_view name);

// How the body was written in the recording; `bytes` is always what goes over the wire.
enum class BodyKind { None, Json, Text, Base64 };

struct Body {
  BodyKind kind = BodyKind::None;
  std::string bytes;                   // exact wire bytes (a `json:` body serialised once, at load)
  std::optional<nlohmann::json> json;  // parsed, when kind is Json or the text parses as JSON
  bool empty() const { return bytes.empty(); }
};

// One server-sent event, replayed as `event:`/`id:`/`data:` lines after `after_ms` milliseconds
// (measured from the previous event, or from the response headers for the first one).
struct SseEvent {
  std::string data;  // may contain newlines: one `data:` line each
  std::string event;
  std::string id;
  int after_ms = 0;
};

struct RecordedRequest {
  std::string method;                                      // upper case
  std::string path;                                        // without the query, percent-encoding kept
  std::vector<std::pair<std::string, std::string>> query;  // decoded name/value pairs, in order
  Headers headers;
  Body body;
};

struct RecordedResponse {
  int status = 200;
  Headers headers;
  Body body;                     // unused when `events` is set
  std::vector<SseEvent> events;  // a text/event-stream response, in order
  bool is_stream = false;        // `events:` was given
};

struct Exchange {
  std::string id;  // unique within the recording
  RecordedRequest request;
  RecordedResponse response;
  int times = 1;         // how often it may be used; 0 = any number
  std::string location;  // "file:line:col" of the exchange in its source, for reports
};

struct Recording {
  int version = 1;
  std::string source;  // free text: where and when it was recorded
  std::vector<Exchange> exchanges;
  std::string path;  // the file it was loaded from, empty for inline exchanges
};

}  // namespace gwlint::recording
