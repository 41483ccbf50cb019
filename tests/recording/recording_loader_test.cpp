// Loading gwlint recordings: what valid files mean, and exact file:line:col for what is wrong.
#include <catch2/catch.hpp>

#include "config/loader.hpp"
#include "recording/recording_io.hpp"
#include "recording_test_support.hpp"

using namespace gwlint::recording;
using namespace gwlint::recording::testing;

namespace {

struct Loaded {
  std::string path;
  LoadResult result;
};

Loaded load_text(const std::string& name, const std::string& text) {
  std::string path = write_scratch(name, text);
  return {path, load_recording_file(path)};
}

// "file:line:col: message" lines, in the order reported.
std::vector<std::string> lines(const Loaded& loaded) {
  std::vector<std::string> out;
  for (const Problem& p : loaded.result.problems) out.push_back(p.location + ": " + p.message);
  return out;
}

const char* kValid = R"(version: 1
source: "hand-written for the loader test"
exchanges:
  - id: chat-ok
    request:
      method: post
      path: /openai/v1/chat/completions?api-version=preview&tag=a
      query: { tag: [b, c], empty: }
      headers: { api-key: "<redacted>", Content-Type: application/json, x-retry: 3 }
      body: { json: { model: chat-prod, n: 1, t: 0.5, ok: true, none: null, v: "2024-10-21", messages: [ { role: user, content: hi } ] } }
    response:
      status: "200"
      headers:
        - { name: set-cookie, value: a=1 }
        - { name: Set-Cookie, value: b=2 }
      body: { text: "  leading spaces\r\nand CRLF\n" }
  - id: bytes
    request: { method: GET, path: /bin }
    response: { status: 200, body: { base64: "AAEC/w==" } }
    times: 0
  - id: stream
    request: { method: POST, path: /s }
    response:
      status: 200
      events:
        - { data: { choices: [], prompt_filter_results: [] } }
        - { data: "two\nlines", event: delta, id: "7", after_ms: 38 }
        - { data: '[DONE]', after_ms: 5 }
)";

}  // namespace

TEST_CASE("a valid recording loads with exact bytes", "[loader]") {
  Loaded loaded = load_text("valid.yaml", kValid);
  INFO(Catch::Detail::stringify(lines(loaded)));
  REQUIRE(loaded.result.ok());
  const Recording& recording = *loaded.result.recording;
  CHECK(recording.version == 1);
  CHECK(recording.source == "hand-written for the loader test");
  CHECK(recording.path == loaded.path);
  REQUIRE(recording.exchanges.size() == 3);

  const Exchange& chat = recording.exchanges[0];
  CHECK(chat.id == "chat-ok");
  CHECK(chat.location == loaded.path + ":4:5");
  CHECK(chat.request.method == "POST");
  CHECK(chat.request.path == "/openai/v1/chat/completions");
  using Q = std::vector<std::pair<std::string, std::string>>;
  CHECK(chat.request.query == Q{{"api-version", "preview"}, {"tag", "a"}, {"tag", "b"}, {"tag", "c"}, {"empty", ""}});
  REQUIRE(chat.request.headers.size() == 3);
  CHECK(*find_header(chat.request.headers, "content-type") == "application/json");
  CHECK(*find_header(chat.request.headers, "X-Retry") == "3");
  CHECK(chat.request.body.kind == BodyKind::Json);
  // Compact, in the written key order, YAML 1.2 typing (quoted date stays a string).
  CHECK(
      chat.request.body.bytes ==
      R"({"model":"chat-prod","n":1,"t":0.5,"ok":true,"none":null,"v":"2024-10-21","messages":[{"role":"user","content":"hi"}]})");
  REQUIRE(chat.request.body.json);
  CHECK((*chat.request.body.json)["n"] == 1);
  CHECK(chat.response.status == 200);
  REQUIRE(chat.response.headers.size() == 2);
  CHECK(chat.response.headers[1].name == "Set-Cookie");
  CHECK(chat.response.body.kind == BodyKind::Text);
  CHECK(chat.response.body.bytes == "  leading spaces\r\nand CRLF\n");
  CHECK_FALSE(chat.response.body.json);
  CHECK(chat.times == 1);

  const Exchange& bytes = recording.exchanges[1];
  CHECK(bytes.response.body.kind == BodyKind::Base64);
  CHECK(bytes.response.body.bytes == std::string("\x00\x01\x02\xff", 4));
  CHECK(bytes.times == 0);

  const Exchange& stream = recording.exchanges[2];
  REQUIRE(stream.response.is_stream);
  REQUIRE(stream.response.events.size() == 3);
  CHECK(stream.response.events[0].data == R"({"choices":[],"prompt_filter_results":[]})");
  CHECK(stream.response.events[0].after_ms == 0);
  CHECK(stream.response.events[1].data == "two\nlines");
  CHECK(stream.response.events[1].event == "delta");
  CHECK(stream.response.events[1].id == "7");
  CHECK(stream.response.events[1].after_ms == 38);
  CHECK(stream.response.events[2].data == "[DONE]");
}

TEST_CASE("the same recording as JSON loads the same", "[loader]") {
  Loaded yaml = load_text("same.yaml", kValid);
  REQUIRE(yaml.result.ok());
  std::string json_path = write_scratch("same.json", recording_to_json(*yaml.result.recording));
  LoadResult json = load_recording_file(json_path);
  REQUIRE(json.ok());
  CHECK(json.recording->exchanges[0].request.body.bytes == yaml.result.recording->exchanges[0].request.body.bytes);
  CHECK(json.recording->exchanges[0].location == json_path + ":5:5");
}

TEST_CASE("problems are reported with file:line:col and the field path", "[loader]") {
  SECTION("status that is not an integer, and out of range") {
    Loaded loaded = load_text("status.yaml", R"(version: 1
exchanges:
  - id: a
    request: { method: POST, path: /x }
    response: { status: 200 }
  - id: b
    request: { method: POST, path: /x }
    response: { status: 700 }
  - id: c
    request: { method: POST, path: /x }
    response:
      status: abc
)");
    CHECK_FALSE(loaded.result.ok());
    CHECK(lines(loaded) ==
          std::vector<std::string>{
              loaded.path + ":8:25: exchanges[1].response.status: expected an integer 100-599, got \"700\"",
              loaded.path + ":12:15: exchanges[2].response.status: expected an integer 100-599, got \"abc\"",
          });
  }
  SECTION("unknown keys, with a suggestion, and what is then missing") {
    Loaded loaded = load_text("keys.yaml", R"(version: 1
exchanges:
  - id: a
    request: { method: POST, path: /x, header: {} }
    reponse: { status: 200 }
)");
    CHECK(lines(loaded) ==
          std::vector<std::string>{
              loaded.path + ":3:5: exchanges[0]: `response` is missing",
              loaded.path + ":4:40: exchanges[0].request: unknown key \"header\"; did you mean \"headers\"?",
              loaded.path + ":5:5: exchanges[0]: unknown key \"reponse\"; did you mean \"response\"?",
          });
  }
  SECTION("duplicate ids, a missing id, a path without '/'") {
    Loaded loaded = load_text("ids.yaml", R"(version: 1
exchanges:
  - id: same
    request: { method: GET, path: /a }
    response: { status: 200 }
  - request: { method: GET, path: b }
    response: { status: 200 }
  - id: same
    request: { method: GET, path: /c }
    response: { status: 200 }
)");
    CHECK(lines(loaded) ==
          std::vector<std::string>{
              loaded.path + ":6:5: exchanges[1]: `id` is missing (a unique name such as `chat-ok`)",
              loaded.path + ":6:35: exchanges[1].request.path: expected a path starting with '/', got \"b\"",
              loaded.path + ":8:9: exchanges[2].id: duplicate id \"same\" (first used at " + loaded.path +
                  ":3:9); ids name exchanges in faults and reports",
          });
  }
  SECTION("bodies: two kinds at once, bad base64, body and events together") {
    Loaded loaded = load_text("bodies.yaml", R"(version: 1
exchanges:
  - id: a
    request: { method: POST, path: /x, body: { json: {}, text: "" } }
    response: { status: 200, body: { base64: "not base64!" } }
  - id: b
    request: { method: POST, path: /x, body: "plain" }
    response:
      status: 200
      body: { text: "x" }
      events: [ { data: "y" } ]
)");
    CHECK(
        lines(loaded) ==
        std::vector<std::string>{
            loaded.path + ":4:46: exchanges[0].request.body: expected one of {json: ...}, {text: \"...\"} or {base64: "
                          "\"...\"}, got a mapping with 2 keys",
            loaded.path +
                ":5:46: exchanges[0].response.body.base64: is not valid base64 (A-Z a-z 0-9 + /, padded with '=')",
            loaded.path + ":7:46: exchanges[1].request.body: expected one of {json: ...}, {text: \"...\"} or {base64: "
                          "\"...\"}, got \"plain\"",
            loaded.path +
                ":11:15: exchanges[1].response.events: a response has either `body` or `events` (a server-sent "
                "event stream), not both",
        });
  }
  SECTION("times, after_ms, an unquoted [DONE], a header list entry without value") {
    Loaded loaded = load_text("events.yaml", R"(version: 1
exchanges:
  - id: a
    request:
      method: POST
      path: /x
      headers:
        - { name: api-key }
    response:
      status: 200
      events:
        - { data: x, after_ms: -5 }
        - { data: [DONE] }
    times: -1
)");
    CHECK(
        lines(loaded) ==
        std::vector<std::string>{
            loaded.path + ":8:11: exchanges[0].request.headers[0]: a header in list form needs both `name` and `value`",
            loaded.path +
                ":12:32: exchanges[0].response.events[0].after_ms: expected milliseconds, an integer >= 0, got \"-5\"",
            loaded.path + ":13:19: exchanges[0].response.events[1].data: `[DONE]` unquoted is a YAML list; write the "
                          "terminator as '[DONE]'",
            loaded.path + ":14:12: exchanges[0].times: expected an integer >= 0 (0 = any number of times), got \"-1\"",
        });
  }
  SECTION("version and exchanges") {
    Loaded loaded = load_text("version.yaml", "version: 2\nexchange: []\n");
    CHECK(lines(loaded) == std::vector<std::string>{
                               loaded.path + ":1:1: `exchanges:` is missing (a list of recorded exchanges)",
                               loaded.path + ":1:10: version: expected the number 1, got \"2\"",
                               loaded.path + ":2:1: unknown key \"exchange\"; did you mean \"exchanges\"?",
                           });
  }
  SECTION("a syntax error comes from the loader, positioned") {
    Loaded loaded = load_text("syntax.yaml", "version: 1\nexchanges:\n  - id: \"open\n");
    REQUIRE(loaded.result.problems.size() == 1);
    CHECK(loaded.result.problems[0].location.rfind(loaded.path + ":3:", 0) == 0);
    CHECK_FALSE(loaded.result.recording);
  }
  SECTION("a missing file") {
    LoadResult result = load_recording_file((scratch_dir() / "nope.yaml").string());
    REQUIRE(result.problems.size() == 1);
    CHECK(result.problems[0].message.find("no such file") != std::string::npos);
  }
}

TEST_CASE("inline exchanges of a scenario file", "[loader]") {
  std::string text =
      "name: demo\nexchanges:\n  - id: x\n    request: { method: GET, path: /p }\n"
      "    response: { status: 204 }\n  - id: y\n    request: { method: GET }\n"
      "    response: { status: 200 }\n";
  auto document = gwlint::load_document("scenario.yaml", text, gwlint::LoadLimits{}, "");
  REQUIRE(document->root);
  LoadResult result = recording_from_exchanges(*document->root->find("exchanges"), "scenario.yaml");
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].location == "scenario.yaml:7:14");
  CHECK(result.problems[0].message == "exchanges[1].request: `path` is missing");

  auto good = gwlint::load_document("good.yaml", text.substr(0, text.find("  - id: y")), gwlint::LoadLimits{}, "");
  LoadResult ok = recording_from_exchanges(*good->root->find("exchanges"), "inline in good.yaml");
  REQUIRE(ok.ok());
  CHECK(ok.recording->source == "inline in good.yaml");
  CHECK(ok.recording->path.empty());
  CHECK(ok.recording->exchanges[0].response.status == 204);
  CHECK(ok.recording->exchanges[0].location == "good.yaml:3:5");
}
