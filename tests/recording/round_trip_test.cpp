// Writing and reloading a recording keeps every body and event byte for byte.
#include <catch2/catch.hpp>

#include "recording/json_value.hpp"
#include "recording/recording_io.hpp"
#include "recording_test_support.hpp"

using namespace gwlint::recording;
using namespace gwlint::recording::testing;

namespace {

Body text_body(std::string bytes) {
  Body body;
  body.kind = BodyKind::Text;
  body.bytes = std::move(bytes);
  return body;
}

const std::vector<std::string>& tricky_bodies() {
  static const std::vector<std::string> bodies = {
      "line one\r\nline two\r\n",
      "ends with a newline\n",
      "\n\nstarts with blank lines",
      "   leading spaces",
      "trailing spaces   ",
      "tab\there",
      "h\xC3\xA9llo \xE2\x80\x94 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80 nbsp\xC2\xA0",
      R"({"message":"Azure OpenAI\u0027s content management policy"})",  // JSON, but not canonical
      R"({"a": 1, "b": [true, null]})",                                  // JSON with spaces
      "{\n  \"pretty\": true\n}\n",
      R"({"a":1,"b":[true,null,"x"],"c":{"d":-0.09496298,"e":1e+100,"f":18446744073709551615}})",
      R"({"s":"123","n":"null","t":"true","y":"yes","d":"2024-10-21","e":"","k":{"":1},"q":"it's \"q\"","u":"\u00e9"})",
      R"([{"z":1,"a":2}])",
      R"(["- item","key: value","#c","&a","*b","!t","%p","@","`","{x}","[y]","? q","| l","> f"])",
      "[DONE]",
      "",
      std::string("\xFF\xFE\x00not utf-8", 13),
      "\x01\x1B[31mcontrol characters\x7F",
      "\x01\x1B[31mcontrol characters, no DEL",
      "line\xE2\x80\xA8separator",
      "\xEF\xBB\xBF"
      "bom first",
      "null",
      "~",
      "- a list?",
      "'single' and \"double\" quotes",
      "back\\slash \\n not a newline",
  };
  return bodies;
}

Recording tricky_recording() {
  Recording recording;
  recording.source = "round-trip test: 'quotes', \"double\", #hash, and a newline\nsecond line";
  int n = 0;
  for (const std::string& bytes : tricky_bodies()) {
    Exchange exchange;
    exchange.id = "body-" + std::to_string(++n);
    exchange.request.method = "POST";
    exchange.request.path = "/openai/deployments/my%20dep/chat/completions";
    exchange.request.query = {{"api-version", "2024-10-21"}, {"tag", "a&b=c"}, {"tag", "yes"}, {"empty", ""}};
    exchange.request.headers = {{"api-key", "<redacted>"}, {"x-null", "null"}, {"x-num", "0123"},
                                {"x-colon", "a: b"},       {"x-empty", ""},    {"x-hash", "#not a comment"},
                                {"x-bool", "no"},          {"x-quote", "'q'"}};
    exchange.request.body = text_body(bytes);
    exchange.response.status = 200 + (n % 3) * 100;
    exchange.response.headers = {{"set-cookie", "<redacted>"}, {"Set-Cookie", "<redacted>"}};  // list form
    exchange.response.body = text_body(bytes);
    exchange.times = n % 3;
    recording.exchanges.push_back(std::move(exchange));
  }
  Exchange stream;
  stream.id = "stream";
  stream.request.method = "POST";
  stream.request.path = "/s";
  stream.response.is_stream = true;
  int after = 0;
  for (const std::string& data : tricky_bodies()) {
    if (data.find('\r') != std::string::npos) continue;  // CR cannot be an SSE data byte
    // Data is text (no base64 form): C0 controls are escaped, DEL and invalid UTF-8 cannot be kept.
    if (!is_safe_text(data) && (data.find('\x7F') != std::string::npos || data.find('\xFF') != std::string::npos)) {
      continue;
    }
    SseEvent event;
    event.data = data;
    event.after_ms = after++;
    if (after % 2) event.event = "yes";
    if (after % 3) event.id = "007";
    stream.response.events.push_back(event);
  }
  recording.exchanges.push_back(stream);
  return recording;
}

void require_same(const Recording& a, const Recording& b) {
  CHECK(a.source == b.source);
  REQUIRE(a.exchanges.size() == b.exchanges.size());
  for (size_t i = 0; i < a.exchanges.size(); ++i) {
    const Exchange& x = a.exchanges[i];
    const Exchange& y = b.exchanges[i];
    INFO("exchange " << x.id);
    CHECK(x.id == y.id);
    CHECK(x.times == y.times);
    CHECK(x.request.method == y.request.method);
    CHECK(x.request.path == y.request.path);
    CHECK(x.request.query == y.request.query);
    REQUIRE(x.request.headers.size() == y.request.headers.size());
    for (size_t h = 0; h < x.request.headers.size(); ++h) {
      CHECK(x.request.headers[h].name == y.request.headers[h].name);
      CHECK(x.request.headers[h].value == y.request.headers[h].value);
    }
    CHECK(x.request.body.bytes == y.request.body.bytes);
    CHECK(x.response.status == y.response.status);
    CHECK(x.response.headers.size() == y.response.headers.size());
    CHECK(x.response.body.bytes == y.response.body.bytes);
    CHECK(x.response.is_stream == y.response.is_stream);
    REQUIRE(x.response.events.size() == y.response.events.size());
    for (size_t e = 0; e < x.response.events.size(); ++e) {
      CHECK(x.response.events[e].data == y.response.events[e].data);
      CHECK(x.response.events[e].event == y.response.events[e].event);
      CHECK(x.response.events[e].id == y.response.events[e].id);
      CHECK(x.response.events[e].after_ms == y.response.events[e].after_ms);
    }
  }
}

}  // namespace

TEST_CASE("YAML and JSON round trips keep every byte", "[round-trip]") {
  Recording original = tricky_recording();
  REQUIRE(original.exchanges.back().response.events.size() > 15);
  for (const char* name : {"round.yaml", "round.json"}) {
    INFO(name);
    std::string path = (scratch_dir() / name).string();
    write_recording_file(path, original);
    LoadResult loaded = load_recording_file(path);
    std::string problems;
    for (const auto& p : loaded.problems) problems += p.location + ": " + p.message + "\n";
    INFO(problems);
    REQUIRE(loaded.ok());
    require_same(original, *loaded.recording);
    // Writing what was loaded gives the same file: the writer is stable.
    std::string first = read_bytes(path);
    write_recording_file(path, *loaded.recording);
    CHECK(read_bytes(path) == first);
  }
}

TEST_CASE("the writer picks json:, text: or base64: by the bytes", "[round-trip]") {
  auto written_as = [](const std::string& bytes) {
    Recording recording;
    Exchange exchange;
    exchange.id = "x";
    exchange.request.method = "GET";
    exchange.request.path = "/";
    exchange.response.body = text_body(bytes);
    recording.exchanges.push_back(exchange);
    std::string yaml = recording_to_yaml(recording);
    for (const char* kind : {"json:", "text:", "base64:"}) {
      if (yaml.find(kind) != std::string::npos) return std::string(kind);
    }
    return std::string("none");
  };
  CHECK(written_as(R"({"a":1,"b":[true,null]})") == "json:");
  CHECK(written_as(R"({"z":1,"a":2})") == "json:");  // key order is kept, so still canonical
  CHECK(written_as(R"({"a": 1})") == "text:");
  CHECK(written_as(R"({"m":"it\u0027s"})") == "text:");
  CHECK(written_as("{\"a\":1}\n") == "text:");
  CHECK(written_as("123") == "text:");  // a JSON scalar stays text: clearer in a recording
  CHECK(written_as("plain") == "text:");
  CHECK(written_as(std::string("\x00\x01", 2)) == "base64:");
  CHECK(written_as("\xC3\x28") == "base64:");  // invalid UTF-8
}

TEST_CASE("YAML output is readable and YAML-1.1 safe", "[round-trip]") {
  Recording recording;
  Exchange exchange;
  exchange.id = "chat-ok";
  exchange.request.method = "POST";
  exchange.request.path = "/openai/v1/chat/completions";
  exchange.request.query = {{"api-version", "2024-10-21"}};
  exchange.request.headers = {{"x-accel-buffering", "no"}, {"content-type", "application/json"}};
  exchange.response.body = text_body(R"({"id":"1","n":2})");
  recording.exchanges.push_back(exchange);
  std::string yaml = recording_to_yaml(recording);
  INFO(yaml);
  CHECK(yaml.find("api-version: '2024-10-21'") != std::string::npos);
  CHECK(yaml.find("x-accel-buffering: 'no'") != std::string::npos);
  CHECK(yaml.find("content-type: application/json") != std::string::npos);
  CHECK(yaml.find("id: '1'") != std::string::npos);
  CHECK(yaml.find("'n': 2") != std::string::npos);  // `n` is false to YAML 1.1 (Go yaml.v2)
  CHECK(yaml.rfind("version: 1\n", 0) == 0);
}

TEST_CASE("write_recording_file replaces the file atomically and reports failures", "[round-trip]") {
  Recording recording;
  std::string path = (scratch_dir() / "atomic.yaml").string();
  write_scratch("atomic.yaml", "old contents");
  write_recording_file(path, recording);
  CHECK(read_bytes(path) == "version: 1\nexchanges: []\n");
  for (const auto& entry : std::filesystem::directory_iterator(scratch_dir())) {
    CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
  }
  CHECK_THROWS_WITH(write_recording_file((scratch_dir() / "missing-dir" / "x.yaml").string(), recording),
                    Catch::Contains("cannot create a temporary file"));
  // An explicit format wins over the extension.
  std::string json_in_yaml = (scratch_dir() / "forced.yaml").string();
  write_recording_file(json_in_yaml, recording, RecordingFormat::Json);
  CHECK(read_bytes(json_in_yaml).rfind("{", 0) == 0);
  CHECK(recording_format_for_path("X.JSON") == RecordingFormat::Json);
  CHECK(recording_format_for_path("x.yml") == RecordingFormat::Yaml);
}

TEST_CASE("a string that no recording file can hold is refused, not written broken", "[round-trip]") {
  Recording recording;
  Exchange exchange;
  exchange.id = "x";
  exchange.request.method = "GET";
  exchange.request.path = "/";
  exchange.response.is_stream = true;
  exchange.response.events.push_back({"del \x7F", "", "", 0});
  recording.exchanges.push_back(exchange);
  CHECK_THROWS_WITH(recording_to_yaml(recording), Catch::Contains("not valid UTF-8 or holds DEL"));
  CHECK_THROWS_WITH(recording_to_json(recording), Catch::Contains("not valid UTF-8 or holds DEL"));
  recording.exchanges[0].response.events[0].data = "ok \x1B";
  CHECK_NOTHROW(recording_to_yaml(recording));
}
