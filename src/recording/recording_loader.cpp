// Reading gwlint's recording format (SCENARIOS.md §1) from the positioned tree, validated by
// hand so every message names the field (`exchanges[2].response.status`) and its line:col.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "config/loader.hpp"
#include "recording/base64.hpp"
#include "recording/json_value.hpp"
#include "recording/node_location.hpp"
#include "recording/recording_io.hpp"
#include "recording/uri.hpp"
#include "schema/key_suggestions.hpp"
#include "schema/yaml_json.hpp"

namespace gwlint::recording {

namespace {

// Recordings of long streams are larger than configs; the other limits stay the loader's.
constexpr size_t kMaxRecordingBytes = 64u << 20;

bool is_token_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

class RecordingReader {
 public:
  explicit RecordingReader(std::vector<Problem>& problems) : problems_(problems) {}
  // Problems go out in source order, whatever order the checks found them in.
  ~RecordingReader() {
    std::map<const SourceFile*, size_t> file_rank;  // `$include`d files: in order of first problem
    for (const Pending& pending : pending_) file_rank.emplace(pending.file, file_rank.size());
    std::stable_sort(pending_.begin(), pending_.end(), [&](const Pending& a, const Pending& b) {
      return std::tie(file_rank[a.file], a.offset) < std::tie(file_rank[b.file], b.offset);
    });
    for (Pending& pending : pending_) problems_.push_back(std::move(pending.problem));
  }

  void read_file(const Node* root, Recording& recording) {
    if (!root || root->is_null())
      return problem(root, "", "the recording is empty; expected `version: 1` and `exchanges:`");
    if (!expect_mapping(root, "", "the recording")) return;
    reject_unknown(root, "", {"version", "source", "exchanges"});
    const Node* version = root->find("version");
    if (!version) {
      problem(root, "", "`version: 1` is missing");
    } else if (auto value = integer(version, "version", 1, 1, "the number 1")) {
      recording.version = *value;
    }
    if (const Node* source = root->find("source")) {
      if (auto text = string(source, "source")) recording.source = *text;
    }
    const Node* exchanges = root->find("exchanges");
    if (!exchanges) return problem(root, "", "`exchanges:` is missing (a list of recorded exchanges)");
    read_exchanges(exchanges, recording);
  }

  void read_exchanges(const Node* list, Recording& recording) {
    if (!list || !list->is_sequence()) {
      return problem(list, "exchanges", fmt::format("expected a list of exchanges, got {}", describe_value(list)));
    }
    std::map<std::string, const Node*> seen;
    for (size_t i = 0; i < list->items.size(); ++i) {
      const Node* item = list->items[i];
      Exchange exchange;
      std::string path = fmt::format("exchanges[{}]", i);
      if (!read_exchange(item, path, exchange)) continue;
      if (!exchange.id.empty()) {
        auto [it, fresh] = seen.emplace(exchange.id, item);
        if (!fresh) {
          problem(item->find("id"), path + ".id",
                  fmt::format("duplicate id \"{}\" (first used at {}); ids name exchanges in faults and reports",
                              exchange.id, location_of(it->second->find("id"))));
        }
      }
      recording.exchanges.push_back(std::move(exchange));
    }
  }

 private:
  bool read_exchange(const Node* node, const std::string& path, Exchange& exchange) {
    if (!expect_mapping(node, path, "an exchange")) return false;
    exchange.location = location_of(node);
    reject_unknown(node, path, {"id", "request", "response", "times"});
    // Required rather than generated: faults and reports name exchanges by id, and an id made
    // from a position would silently change meaning when an exchange is inserted above it.
    if (const Node* id = node->find("id")) {
      if (auto text = string(id, path + ".id")) {
        if (text->empty()) problem(id, path + ".id", "must not be empty");
        exchange.id = *text;
      }
    } else {
      problem(node, path, "`id` is missing (a unique name such as `chat-ok`)");
    }
    if (const Node* request = node->find("request")) {
      read_request(request, path + ".request", exchange.request);
    } else {
      problem(node, path, "`request` is missing");
    }
    if (const Node* response = node->find("response")) {
      read_response(response, path + ".response", exchange.response);
    } else {
      problem(node, path, "`response` is missing");
    }
    if (const Node* times = node->find("times")) {
      if (auto value = integer(times, path + ".times", 0, 1000000, "an integer >= 0 (0 = any number of times)")) {
        exchange.times = *value;
      }
    }
    return true;
  }

  void read_request(const Node* node, const std::string& path, RecordedRequest& request) {
    if (!expect_mapping(node, path, "the request")) return;
    reject_unknown(node, path, {"method", "path", "query", "headers", "body"});
    if (const Node* method = node->find("method")) {
      if (auto text = string(method, path + ".method")) {
        if (text->empty() || !std::all_of(text->begin(), text->end(), is_token_char)) {
          problem(method, path + ".method",
                  fmt::format("expected an HTTP method such as POST, got {}", describe_value(method)));
        }
        request.method = *text;
        std::transform(request.method.begin(), request.method.end(), request.method.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
      }
    } else {
      problem(node, path, "`method` is missing");
    }
    if (const Node* target = node->find("path")) {
      if (auto text = string(target, path + ".path")) {
        if (text->empty() || text->front() != '/') {
          problem(target, path + ".path",
                  fmt::format("expected a path starting with '/', got {}", describe_value(target)));
        } else if (text->find_first_of(" \r\n\t") != std::string::npos) {
          problem(target, path + ".path", "must not contain spaces or line breaks (percent-encode them)");
        }
        // A query written into the path is split off, so `/x?a=b` and `path: /x, query: {a: b}`
        // mean the same request (and match the same way).
        RequestTarget split = split_target(*text);
        request.path = text->empty() ? std::string() : split.path;
        request.query = std::move(split.query);
      }
    } else {
      problem(node, path, "`path` is missing");
    }
    if (const Node* query = node->find("query")) read_query(query, path + ".query", request.query);
    if (const Node* headers = node->find("headers")) read_headers(headers, path + ".headers", request.headers);
    if (const Node* body = node->find("body")) read_body(body, path + ".body", request.body);
  }

  void read_response(const Node* node, const std::string& path, RecordedResponse& response) {
    if (!expect_mapping(node, path, "the response")) return;
    reject_unknown(node, path, {"status", "headers", "body", "events"});
    if (const Node* status = node->find("status")) {
      if (auto value = integer(status, path + ".status", 100, 599, "an integer 100-599")) response.status = *value;
    } else {
      problem(node, path, "`status` is missing");
    }
    if (const Node* headers = node->find("headers")) read_headers(headers, path + ".headers", response.headers);
    const Node* body = node->find("body");
    const Node* events = node->find("events");
    if (body && events && !body->is_null()) {
      problem(events, path + ".events",
              "a response has either `body` or `events` (a server-sent event stream), not both");
    }
    if (body) read_body(body, path + ".body", response.body);
    if (events) {
      response.is_stream = true;
      read_events(events, path + ".events", response.events);
    }
  }

  void read_query(const Node* node, const std::string& path, QueryPairs& query) {
    if (node->is_null()) return;
    if (!expect_mapping(node, path, "query parameters (name: value)")) return;
    for (const MappingEntry& entry : node->entries) {
      std::string name = entry.key->scalar;
      std::string item_path = path + "." + name;
      const Node* value = entry.value;
      if (value->is_null()) {
        query.emplace_back(name, std::string());  // `?flag` / `?flag=`
      } else if (value->is_scalar()) {
        query.emplace_back(name, value->scalar);
      } else if (value->is_sequence()) {
        // A repeated parameter (`?tag=a&tag=b`).
        for (size_t i = 0; i < value->items.size(); ++i) {
          const Node* item = value->items[i];
          if (auto text = string(item, fmt::format("{}[{}]", item_path, i))) query.emplace_back(name, *text);
        }
      } else {
        problem(value, item_path, "expected a value or a list of values (a repeated parameter), got a mapping");
      }
    }
  }

  void add_header(const Node* at, const std::string& path, Headers& headers, const std::string& name,
                  const std::string& value) {
    if (name.empty() || !std::all_of(name.begin(), name.end(), is_token_char)) {
      problem(at, path, fmt::format("\"{}\" is not a valid header name", name));
    }
    // The mock sends these bytes as they are: a line break would inject a header.
    if (value.find_first_of(std::string("\r\n\0", 3)) != std::string::npos) {
      problem(at, path, "a header value must not contain line breaks or NUL");
    }
    headers.push_back({name, value});
  }

  std::optional<std::string> header_value(const Node* node, const std::string& path) {
    if (node->is_null()) return std::string();
    return string(node, path);
  }

  void read_headers(const Node* node, const std::string& path, Headers& headers) {
    if (node->is_null()) return;
    if (node->is_mapping()) {
      for (const MappingEntry& entry : node->entries) {
        std::string name = entry.key->scalar;
        std::string item_path = path + "." + name;
        if (entry.value->is_sequence()) {  // a header sent several times
          for (size_t i = 0; i < entry.value->items.size(); ++i) {
            std::string at = fmt::format("{}[{}]", item_path, i);
            if (auto value = header_value(entry.value->items[i], at))
              add_header(entry.value->items[i], at, headers, name, *value);
          }
        } else if (auto value = header_value(entry.value, item_path)) {
          add_header(entry.key, item_path, headers, name, *value);
        }
      }
      return;
    }
    if (node->is_sequence()) {
      for (size_t i = 0; i < node->items.size(); ++i) {
        const Node* item = node->items[i];
        std::string item_path = fmt::format("{}[{}]", path, i);
        if (!expect_mapping(item, item_path, "a header ({name, value})")) continue;
        reject_unknown(item, item_path, {"name", "value"});
        const Node* name = item->find("name");
        const Node* value = item->find("value");
        if (!name || !value) {
          problem(item, item_path, "a header in list form needs both `name` and `value`");
          continue;
        }
        auto name_text = string(name, item_path + ".name");
        auto value_text = header_value(value, item_path + ".value");
        if (name_text && value_text) add_header(name, item_path, headers, *name_text, *value_text);
      }
      return;
    }
    problem(node, path,
            fmt::format("expected a mapping (name: value) or a list of {{name, value}}, got {}", describe_value(node)));
  }

  void read_body(const Node* node, const std::string& path, Body& body) {
    if (node->is_null()) return;
    if (!node->is_mapping() || node->entries.size() != 1) {
      return problem(node, path,
                     fmt::format("expected one of {{json: ...}}, {{text: \"...\"}} or {{base64: \"...\"}}, got {}",
                                 node->is_mapping() ? fmt::format("a mapping with {} keys", node->entries.size())
                                                    : describe_value(node)));
    }
    const MappingEntry& entry = node->entries.front();
    const std::string& kind = entry.key->scalar;
    std::string item_path = path + "." + kind;
    if (kind == "json") {
      // Serialised once, here: the mock then replays these exact bytes every time.
      body.kind = BodyKind::Json;
      body.bytes = node_to_ordered_json(entry.value).dump();
      body.json = nlohmann::json::parse(body.bytes);
    } else if (kind == "text") {
      auto text = string(entry.value, item_path);
      if (!text) return;
      body.kind = BodyKind::Text;
      body.bytes = *text;
      body.json = parse_json(body.bytes);
    } else if (kind == "base64") {
      auto text = string(entry.value, item_path);
      if (!text) return;
      auto bytes = base64_decode(*text);
      if (!bytes) return problem(entry.value, item_path, "is not valid base64 (A-Z a-z 0-9 + /, padded with '=')");
      body.kind = BodyKind::Base64;
      body.bytes = std::move(*bytes);
      body.json = parse_json(body.bytes);
    } else {
      problem(entry.key, path, unknown_key_message(kind, {"json", "text", "base64"}));
    }
  }

  void read_events(const Node* node, const std::string& path, std::vector<SseEvent>& events) {
    if (!node->is_sequence()) {
      return problem(node, path, fmt::format("expected a list of events, got {}", describe_value(node)));
    }
    for (size_t i = 0; i < node->items.size(); ++i) {
      const Node* item = node->items[i];
      std::string item_path = fmt::format("{}[{}]", path, i);
      if (!expect_mapping(item, item_path, "an event ({data, event?, id?, after_ms?})")) continue;
      reject_unknown(item, item_path, {"data", "event", "id", "after_ms"});
      SseEvent event;
      if (const Node* data = item->find("data")) {
        read_event_data(data, item_path + ".data", event.data);
      } else {
        problem(item, item_path, "`data` is missing");
      }
      for (auto [key, field] : {std::pair{"event", &event.event}, std::pair{"id", &event.id}}) {
        const Node* value = item->find(key);
        if (!value) continue;
        std::string field_path = item_path + "." + key;
        if (auto text = string(value, field_path)) {
          if (text->find_first_of("\r\n") != std::string::npos) {
            problem(value, field_path, "must be one line (it is sent as one SSE field)");
          }
          *field = *text;
        }
      }
      if (const Node* after = item->find("after_ms")) {
        if (auto value = integer(after, item_path + ".after_ms", 0, 3600000, "milliseconds, an integer >= 0")) {
          event.after_ms = *value;
        }
      }
      events.push_back(std::move(event));
    }
  }

  void read_event_data(const Node* node, const std::string& path, std::string& data) {
    if (node->is_mapping() || node->is_sequence()) {
      // `data: [DONE]` unquoted is a YAML list holding "DONE", not the stream terminator.
      if (node->is_sequence() && node->flow && node->items.size() == 1 && node->items[0]->is_scalar() &&
          !node->items[0]->is_quoted() && node->items[0]->scalar == "DONE") {
        return problem(node, path, "`[DONE]` unquoted is a YAML list; write the terminator as '[DONE]'");
      }
      data = node_to_ordered_json(node).dump();  // compact JSON, as Azure sends chunks
      return;
    }
    auto text = string(node, path);
    if (!text) return;
    // SSE ends a line at CR, LF or CRLF: a CR inside the data would not arrive as recorded.
    if (text->find('\r') != std::string::npos) return problem(node, path, "must not contain a carriage return (CR)");
    data = *text;
  }

  // --- typed reads ---

  std::optional<std::string> string(const Node* node, const std::string& path) {
    if (node && node->is_scalar()) return node->scalar;
    problem(node, path, fmt::format("expected a string, got {}", describe_value(node)));
    return std::nullopt;
  }

  // An integer written plain (`200`) or quoted (`"200"`): both mean the same to a person.
  std::optional<int> integer(const Node* node, const std::string& path, int min, int max, const char* wanted) {
    if (node && node->is_scalar() && !node->scalar.empty() && node->scalar.size() <= 9) {
      std::string_view text = node->scalar;
      bool negative = text.front() == '-';
      std::string_view digits = negative ? text.substr(1) : text;
      if (!digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        int value = std::stoi(std::string(text));
        if (value >= min && value <= max) return value;
      }
    }
    problem(node, path, fmt::format("expected {}, got {}", wanted, describe_value(node)));
    return std::nullopt;
  }

  bool expect_mapping(const Node* node, const std::string& path, const char* what) {
    if (node && node->is_mapping()) return true;
    problem(node, path, fmt::format("expected {} as a mapping, got {}", what, describe_value(node)));
    return false;
  }

  std::string unknown_key_message(const std::string& key, const std::vector<std::string>& known) {
    std::string message = fmt::format("unknown key \"{}\"", key);
    auto similar = schema::similar_keys(key, known);
    if (!similar.empty()) return message + fmt::format("; did you mean \"{}\"?", similar.front());
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
    return message + " (expected one of: " + list + ")";
  }

  void reject_unknown(const Node* mapping, const std::string& path, const std::vector<std::string>& known) {
    for (const MappingEntry& entry : mapping->entries) {
      const std::string& key = entry.key->scalar;
      if (std::find(known.begin(), known.end(), key) == known.end()) {
        problem(entry.key, path, unknown_key_message(key, known));
      }
    }
  }

  void problem(const Node* at, const std::string& path, const std::string& message) {
    std::string location = location_of(at);
    if (location.empty()) location = fallback_location_;
    const SourceFile* file = at ? at->span.file : nullptr;
    uint32_t offset = at ? at->span.begin : 0;
    pending_.push_back({file, offset, pending_.size(), {location, path.empty() ? message : path + ": " + message}});
  }

 public:
  std::string fallback_location_;

 private:
  struct Pending {
    const SourceFile* file;
    uint32_t offset;
    size_t sequence;
    Problem problem;
  };
  std::vector<Problem>& problems_;
  std::vector<Pending> pending_;
};

}  // namespace

LoadResult recording_from_document(const Document& document) {
  LoadResult result;
  const std::string& path = document.main_file().path();
  for (const LoadProblem& problem : document.problems) {
    SourcePosition at = problem.span.begin_position();
    std::string file = problem.span.file ? problem.span.file->path() : path;
    result.problems.push_back({at.line ? fmt::format("{}:{}:{}", file, at.line, at.column) : file, problem.message});
  }
  if (document.fatal) return result;
  Recording recording;
  recording.path = path;
  {
    RecordingReader reader(result.problems);
    reader.fallback_location_ = path;
    reader.read_file(document.root, recording);
  }
  if (result.problems.empty()) result.recording = std::move(recording);
  return result;
}

LoadResult load_recording_file(const std::string& path) {
  LoadLimits limits;
  limits.max_bytes = kMaxRecordingBytes;
  ReadResult read = read_input(path, limits.max_bytes);
  if (read.error) return LoadResult{std::nullopt, {{path, "cannot read the recording: " + *read.error}}};
  auto document = load_text_as(path, std::move(read), limits);
  return recording_from_document(*document);
}

LoadResult recording_from_exchanges(const Node& exchanges, const std::string& source) {
  LoadResult result;
  Recording recording;
  recording.source = source;
  {
    RecordingReader reader(result.problems);
    reader.read_exchanges(&exchanges, recording);
  }
  if (result.problems.empty()) result.recording = std::move(recording);
  return result;
}

}  // namespace gwlint::recording
