// The importers on files written for the tests: a realistic HAR, a CRLF+BOM test-proxy file,
// VCR variants, the checks that produce warnings, and the errors that stop an import.
#include <catch2/catch.hpp>

#include "recording/importer.hpp"
#include "recording/recording_io.hpp"
#include "recording_test_support.hpp"

using namespace gwlint::recording;
using namespace gwlint::recording::testing;

namespace {

std::string describe(const std::vector<Problem>& problems) {
  std::string out;
  for (const auto& p : problems) out += p.location + ": " + p.message + "\n";
  return out;
}

std::string query_value(const RecordedRequest& request, const std::string& name) {
  for (const auto& [key, value] : request.query) {
    if (key == name) return value;
  }
  return "<absent>";
}

// Replaces every "\n" with "\r\n" and puts a UTF-8 byte order mark in front.
std::string crlf_with_bom(const std::string& text) {
  std::string out = "\xEF\xBB\xBF";
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

ImportResult import_text(const std::string& name, const std::string& text) {
  return import_recording_file(write_scratch(name, text));
}

bool has_warning(const ImportResult& result, const std::string& part) {
  for (const Problem& p : result.warnings) {
    if (p.message.find(part) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("HAR: a playground session with JSON, a stream and base64 bodies", "[import][har]") {
  std::string path = test_data("import/playground-session.har");
  std::string source = read_bytes(path);
  REQUIRE(source.find("0123456789abcdef0123456789abcdef") != std::string::npos);  // the key is in the input
  ImportResult result = import_recording_file(path);
  INFO(describe(result.errors) + describe(result.warnings));
  CHECK(result.errors.empty());
  CHECK(result.warnings.empty());
  CHECK(result.format == ImportFormat::Har);
  CHECK(std::string(format_name(result.format)) == "HAR 1.2");
  REQUIRE(result.recording);
  const auto& exchanges = result.recording->exchanges;
  REQUIRE(exchanges.size() == 4);
  CHECK(exchanges[0].id == "chat-completions");
  CHECK(exchanges[1].id == "chat-completions-stream");
  CHECK(exchanges[2].id == "embeddings");
  CHECK(exchanges[3].id == "audio-speech");
  CHECK(exchanges[0].location == path + ":20:7");

  const Exchange& chat = exchanges[0];
  CHECK(chat.request.path == "/openai/v1/chat/completions");
  CHECK(query_value(chat.request, "api-version") == "preview");
  REQUIRE(chat.request.body.json);
  CHECK((*chat.request.body.json)["model"] == "chat-prod");
  CHECK(*find_header(chat.request.headers, "api-key") == "<redacted>");
  CHECK(*find_header(chat.request.headers, "cookie") == "<redacted>");
  CHECK(find_header(chat.request.headers, "x-ms-useragent"));
  CHECK_FALSE(find_header(chat.request.headers, ":authority"));
  CHECK_FALSE(find_header(chat.request.headers, "user-agent"));
  CHECK_FALSE(find_header(chat.request.headers, "accept-encoding"));
  CHECK(chat.response.body.bytes.size() == 870);  // its recorded content-length
  CHECK(chat.response.body.bytes.find("Bonjour\xC2\xA0!") != std::string::npos);

  const Exchange& stream = exchanges[1];
  REQUIRE(stream.response.is_stream);
  REQUIRE(stream.response.events.size() == 5);
  CHECK(stream.response.events.front().data.find("prompt_filter_results") != std::string::npos);
  CHECK(stream.response.events.back().data == "[DONE]");

  const Exchange& embeddings = exchanges[2];
  CHECK(embeddings.response.body.kind == BodyKind::Base64);
  REQUIRE(embeddings.response.body.json);
  CHECK((*embeddings.response.body.json)["object"] == "list");
  CHECK(embeddings.response.body.bytes.rfind(R"({"data":[{"embedding":[-0.0069,0.003,0.0125])", 0) == 0);

  const Exchange& speech = exchanges[3];
  CHECK(speech.response.body.bytes.size() == 24);
  CHECK(speech.response.body.bytes.substr(0, 2) == "\xFF\xF3");
  CHECK_FALSE(speech.response.body.json);

  std::string out = (scratch_dir() / "har-out.yaml").string();
  write_recording_file(out, *result.recording);
  std::string written = read_bytes(out);
  CHECK(written.find("0123456789abcdef0123456789abcdef") == std::string::npos);
  CHECK(written.find("abc123") == std::string::npos);
  CHECK(written.find("base64:") != std::string::npos);
  LoadResult reloaded = load_recording_file(out);
  REQUIRE(reloaded.ok());
  CHECK(reloaded.recording->exchanges[3].response.body.bytes == speech.response.body.bytes);
  CHECK(reloaded.recording->exchanges[0].response.body.bytes == chat.response.body.bytes);
}

TEST_CASE("test-proxy: a CRLF file with a byte order mark imports the same", "[import][test-proxy]") {
  std::string original = read_bytes(upstream("azure-sdk-assets/ChatCompletionStreaming.json"));
  ImportResult plain = import_recording_file(upstream("azure-sdk-assets/ChatCompletionStreaming.json"));
  ImportResult crlf = import_text("ChatCompletionStreaming-crlf.json", crlf_with_bom(original));
  INFO(describe(crlf.errors) + describe(crlf.warnings));
  CHECK(crlf.errors.empty());
  CHECK(crlf.warnings.empty());
  CHECK(crlf.format == ImportFormat::TestProxy);
  REQUIRE(crlf.recording);
  REQUIRE(plain.recording);
  const Exchange& a = plain.recording->exchanges.at(0);
  const Exchange& b = crlf.recording->exchanges.at(0);
  CHECK(a.request.body.bytes == b.request.body.bytes);
  REQUIRE(a.response.events.size() == b.response.events.size());
  for (size_t i = 0; i < a.response.events.size(); ++i) CHECK(a.response.events[i].data == b.response.events[i].data);
  CHECK(b.location.find(":3:5") != std::string::npos);  // the BOM is not a column
}

TEST_CASE("test-proxy: header arrays, string and null bodies", "[import][test-proxy]") {
  ImportResult result = import_text("variants.json", R"({
  "Entries": [
    {
      "RequestUri": "https://x.openai.azure.com/openai/v1/embeddings?api-version=preview&api-key=SECRETKEY",
      "RequestMethod": "post",
      "RequestHeaders": { "Accept": ["application/json", "text/plain"], "Host": "x.openai.azure.com", "traceparent": "00-abc-def-01" },
      "RequestBody": "{\"input\": \"hi\"}",
      "StatusCode": 200,
      "ResponseHeaders": { "Content-Type": "application/json", "Content-Length": "16" },
      "ResponseBody": "{\"data\": []}\r\n\r\n"
    },
    {
      "RequestUri": "/openai/v1/models",
      "RequestMethod": "GET",
      "RequestHeaders": {},
      "RequestBody": null,
      "StatusCode": 204,
      "ResponseHeaders": {},
      "ResponseBody": null
    }
  ],
  "Variables": {}
})");
  INFO(describe(result.errors) + describe(result.warnings));
  CHECK(result.errors.empty());
  CHECK(result.warnings.empty());
  REQUIRE(result.recording);
  REQUIRE(result.recording->exchanges.size() == 2);
  const Exchange& embed = result.recording->exchanges[0];
  CHECK(embed.request.method == "POST");
  CHECK(query_value(embed.request, "api-key") == "<redacted>");
  CHECK(embed.request.headers.size() == 2);                  // Accept twice; Host and traceparent dropped
  CHECK(embed.request.body.bytes == "{\"input\": \"hi\"}");  // a string body keeps its bytes
  CHECK(embed.response.body.bytes == "{\"data\": []}\r\n\r\n");
  REQUIRE(embed.response.body.json);
  const Exchange& models = result.recording->exchanges[1];
  CHECK(models.id == "models");
  CHECK(models.request.body.kind == BodyKind::None);
  CHECK(models.response.status == 204);
}

TEST_CASE("VCR: binary bodies, {string: ...} request bodies, plain status codes", "[import][vcr]") {
  ImportResult result = import_text("cassette.yml", R"(interactions:
- request:
    body:
      string: '{"a": 1}'
    headers:
      Content-Type: [application/json]
      Authorization: [Bearer sk-live-123]
    method: POST
    uri: https://api.example.com/openai/deployments/d/embeddings?api-version=2024-10-21
  response:
    body:
      string: !!binary |
        H4sIAAAAAAAAA6tWSkksSVSyUlBKSU1LLSoBAHqjNR0RAAAA
    headers:
      Content-Encoding: [gzip]
      Content-Type: [application/json]
    status: 200
version: 1
)");
  INFO(describe(result.errors) + describe(result.warnings));
  CHECK(result.errors.empty());
  REQUIRE(result.recording);
  const Exchange& exchange = result.recording->exchanges.at(0);
  CHECK(exchange.request.body.bytes == R"({"a": 1})");
  CHECK(*find_header(exchange.request.headers, "authorization") == "Bearer <redacted>");
  CHECK(exchange.response.status == 200);
  CHECK(exchange.response.body.kind == BodyKind::Base64);
  CHECK(exchange.response.body.bytes.substr(0, 2) == "\x1F\x8B");     // still gzip...
  CHECK(find_header(exchange.response.headers, "content-encoding"));  // ...so the header stays
  // gzip bytes with a JSON content-type: the check says so.
  CHECK(has_warning(result, "declared JSON"));
}

TEST_CASE("checks: suspicious recordings produce warnings", "[import][checks]") {
  ImportResult result = import_text("suspicious.json", R"({
  "Entries": [
    {
      "RequestUri": "https://x/openai/deployments/d/chat/completions?api-version=2024-10-21",
      "RequestMethod": "POST", "RequestHeaders": {}, "RequestBody": null,
      "StatusCode": 200,
      "ResponseHeaders": { "Content-Type": "application/json" },
      "ResponseBody": { "error": { "code": "429", "message": "Rate limit" } }
    },
    {
      "RequestUri": "https://x/openai/deployments/d/chat/completions?api-version=2024-10-21",
      "RequestMethod": "POST", "RequestHeaders": {}, "RequestBody": null,
      "StatusCode": 200,
      "ResponseHeaders": { "Content-Type": "text/event-stream" },
      "ResponseBody": [ "data: {\"choices\":[]}\n\n", "data: {\"choices\":[{\"delta\":{}}]}\n\n" ]
    },
    {
      "RequestUri": "https://x/openai/deployments/d/chat/completions?api-version=2024-10-21",
      "RequestMethod": "POST", "RequestHeaders": { "Content-Type": "application/json", "Content-Length": "99" },
      "RequestBody": "{\"model\": ",
      "StatusCode": 500,
      "ResponseHeaders": { "Content-Type": "application/json; charset=utf-8", "Content-Length": "7" },
      "ResponseBody": "<html>oops</html>"
    }
  ]
})");
  INFO(describe(result.errors) + describe(result.warnings));
  CHECK(result.errors.empty());
  REQUIRE(result.recording);
  REQUIRE(result.recording->exchanges.size() == 3);
  CHECK(result.recording->exchanges[0].id == "chat-completions");
  CHECK(result.recording->exchanges[1].id == "chat-completions-stream");
  CHECK(result.recording->exchanges[2].id == "chat-completions-500");
  std::vector<std::string> messages;
  for (const auto& w : result.warnings)
    messages.push_back(w.location.substr(w.location.rfind('/') + 1) + ": " + w.message);
  CHECK(messages ==
        std::vector<std::string>{
            "suspicious.json:8:23: chat-completions: status 200 but the body is an error object (code 429)",
            "suspicious.json:15:23: chat-completions-stream: the event stream does not end with `data: [DONE]` (2 "
            "events); a client would see a cut stream",
            "suspicious.json:20:22: chat-completions-500: the request body is declared JSON (content-type "
            "application/json) but does not parse as JSON",
            "suspicious.json:20:22: chat-completions-500: the request Content-Length is 99 but the recorded body is 10 "
            "bytes",
            "suspicious.json:23:23: chat-completions-500: the response body is declared JSON (content-type "
            "application/json; charset=utf-8) but does not parse as JSON",
            "suspicious.json:23:23: chat-completions-500: the response Content-Length is 7 but the recorded body is "
            "17 bytes",
        });
}

TEST_CASE("checks: the same ids get numbers", "[import][checks]") {
  std::string entry = R"({"RequestUri": "https://x/openai/v1/chat/completions", "RequestMethod": "POST",
      "StatusCode": 429, "ResponseHeaders": {"retry-after-ms": "10", "Retry-After": "1"}, "ResponseBody": null})";
  std::string ok = R"({"RequestUri": "https://x/openai/v1/chat/completions", "RequestMethod": "POST",
      "StatusCode": 200, "ResponseHeaders": {}, "ResponseBody": null})";
  ImportResult result = import_text("retries.json", "{\"Entries\": [" + entry + "," + entry + "," + ok + "]}");
  REQUIRE(result.recording);
  const auto& exchanges = result.recording->exchanges;
  CHECK(exchanges[0].id == "chat-completions-429-1");
  CHECK(exchanges[1].id == "chat-completions-429-2");
  CHECK(exchanges[2].id == "chat-completions");
  CHECK(*find_header(exchanges[0].response.headers, "retry-after-ms") == "10");
  CHECK(*find_header(exchanges[0].response.headers, "Retry-After") == "1");
}

TEST_CASE("errors stop an import, with positions", "[import][errors]") {
  SECTION("not a recording") {
    ImportResult result = import_text("config.yaml", "app:\n  title: x\n");
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].location.find("config.yaml:1:1") != std::string::npos);
    CHECK(result.errors[0].message.find("not a recognised recording") != std::string::npos);
    CHECK_FALSE(result.recording);
  }
  SECTION("unparseable") {
    ImportResult result = import_text("broken.json", "{\n  \"Entries\": [\n    {\"RequestUri\": \"x\",,}\n  ]\n}\n");
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].location.find("broken.json:3:") != std::string::npos);
    CHECK_FALSE(result.recording);
  }
  SECTION("entries without method or URI") {
    ImportResult result = import_text("missing.json", R"({"Entries": [
  {"RequestMethod": "GET", "StatusCode": 200},
  {"RequestUri": "https://x/y", "StatusCode": 200},
  {"RequestUri": "https://x/y", "RequestMethod": "GET", "StatusCode": "OK"}
]})");
    REQUIRE(result.errors.size() == 3);
    CHECK(result.errors[0].location.find("missing.json:2:3") != std::string::npos);
    CHECK(result.errors[0].message == "Entries[0]: RequestUri is missing or not a string");
    CHECK(result.errors[1].message == "Entries[1]: RequestMethod is missing or not a string");
    CHECK(result.errors[2].location.find("missing.json:4:71") != std::string::npos);
    CHECK_FALSE(result.recording);
  }
  SECTION("HAR entry without url, VCR interaction without method") {
    ImportResult har = import_text("bad.har", R"({"log": {"version": "1.2", "entries": [
  {"request": {"method": "GET", "headers": []}, "response": {"status": 200, "headers": [], "content": {}}}
]}})");
    REQUIRE(har.errors.size() == 1);
    CHECK(har.errors[0].message == "log.entries[0].request: `url` is missing");
    ImportResult vcr = import_text(
        "bad.yaml", "interactions:\n- request: {uri: 'https://x/y'}\n  response: {status: {code: 200}}\nversion: 1\n");
    REQUIRE(vcr.errors.size() == 1);
    CHECK(vcr.errors[0].location.find("bad.yaml:2:12") != std::string::npos);
    CHECK(vcr.errors[0].message == "interactions[0].request: `method` is missing");
  }
  SECTION("a gwlint recording with problems is reported like the loader does") {
    ImportResult result = import_text(
        "own.yaml",
        "version: 1\nexchanges:\n  - id: a\n    request: {method: GET, path: /}\n    response: {status: 99}\n");
    REQUIRE(result.errors.size() == 1);
    CHECK(result.format == ImportFormat::Gwlint);
    CHECK(result.errors[0].message == "exchanges[0].response.status: expected an integer 100-599, got \"99\"");
  }
  SECTION("a missing file") {
    ImportResult result = import_recording_file((scratch_dir() / "absent.har").string());
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].message.find("no such file") != std::string::npos);
  }
}

TEST_CASE("gwlint recordings pass through, sanitised and checked", "[import]") {
  ImportResult result = import_text("own-ok.yaml", R"(version: 1
source: mine
exchanges:
  - id: chat
    request: { method: POST, path: /x, headers: { api-key: real-key-123 } }
    response: { status: 200, headers: { content-type: application/json }, body: { text: "{\"error\":{\"code\":\"x\"}}" } }
)");
  INFO(describe(result.errors));
  REQUIRE(result.recording);
  CHECK(result.recording->source == "mine");
  CHECK(result.recording->exchanges[0].id == "chat");
  CHECK(*find_header(result.recording->exchanges[0].request.headers, "api-key") == "<redacted>");
  REQUIRE(result.warnings.size() == 1);
  CHECK(result.warnings[0].location.find("own-ok.yaml:4:5") != std::string::npos);
}

// Found by fuzzing (fuzz/regressions/importer/): these imported, and the recording written from
// them did not load. Also the in-memory entry point the fuzz target uses.
TEST_CASE("errors: what gwlint's own format cannot hold stops an import", "[import][errors]") {
  auto har = [](const std::string& method, const std::string& url, const std::string& header_name,
                const std::string& header_value) {
    return R"({"log": {"version": "1.2", "entries": [{"request": {"method": ")" + method + R"(", "url": ")" + url +
           R"(", "headers": [{"name": ")" + header_name + R"(", "value": ")" + header_value +
           R"("}]}, "response": {"status": 200, "headers": [], "content": {"text": "ok"}}}]}})";
  };
  ImportResult good = import_recording_text("mem.har", har("GET", "https://h/p?q=1", "x-a", "1"));
  INFO(describe(good.errors));
  REQUIRE(good.recording);
  CHECK(good.errors.empty());
  CHECK(good.recording->exchanges[0].request.path == "/p");

  auto only_error = [](const ImportResult& result, const std::string& part) {
    INFO(describe(result.errors));
    CHECK_FALSE(result.recording);
    REQUIRE(result.errors.size() == 1);
    CHECK(result.errors[0].message.find(part) != std::string::npos);
  };
  only_error(import_recording_text("mem.har", har("GET", "https://h/p", "violen    \\\"Content-Length\\\"", "1")),
             "is not a valid header name");
  only_error(import_recording_text("mem.har", har("GET", "https://h/p", "x-a", "one\\r\\nx-injected: 1")),
             "holds a line break or NUL");
  only_error(import_recording_text("mem.har", har("GE T", "https://h/p", "x-a", "1")), "is not an HTTP method");
  only_error(import_recording_text("mem.har", har("GET", "https://h/a b", "x-a", "1")), "is not a request path");
}
