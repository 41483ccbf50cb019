// The record module's small parts: command-line values, the incremental SSE splitter and the
// JSON redaction.
#include <catch2/catch.hpp>

#include "record/json_redaction.hpp"
#include "record/sse_splitter.hpp"
#include "record/upstream_target.hpp"

using namespace gwlint::record;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

TEST_CASE("Upstream URLs: scheme, host, port, base path (credentials and queries refused)", "[record][args]") {
  auto azure = parse_upstream_url("https://acme.openai.azure.com");
  CHECK(azure.tls);
  CHECK(azure.host == "acme.openai.azure.com");
  CHECK(azure.port == 443);
  CHECK(azure.base_path.empty());
  CHECK(azure.authority() == "acme.openai.azure.com");

  auto based = parse_upstream_url("HTTPS://gw.example.com:8443/azure/");
  CHECK(based.port == 8443);
  CHECK(based.base_path == "/azure");
  CHECK(based.authority() == "gw.example.com:8443");

  auto local = parse_upstream_url("http://[::1]:8080");
  CHECK_FALSE(local.tls);
  CHECK(local.host == "::1");
  CHECK(local.authority() == "[::1]:8080");

  CHECK_THROWS_AS(parse_upstream_url("ftp://x"), UsageError);
  CHECK_THROWS_AS(parse_upstream_url("acme.openai.azure.com"), UsageError);
  CHECK_THROWS_AS(parse_upstream_url("https://user:pw@acme.openai.azure.com"), UsageError);
  CHECK_THROWS_AS(parse_upstream_url("https://acme.openai.azure.com/?api-key=x"), UsageError);
  CHECK_THROWS_AS(parse_upstream_url("https://:443"), UsageError);
  CHECK_THROWS_AS(parse_upstream_url("https://x:0"), UsageError);
  CHECK_THROWS_AS(parse_upstream_url("https://x:99999"), UsageError);
}

TEST_CASE("Listen addresses and the printed URL", "[record][args]") {
  auto any = parse_listen_address("127.0.0.1:0");
  CHECK(any.host == "127.0.0.1");
  CHECK(any.port == 0);
  CHECK(parse_listen_address("[::1]:9000").host == "::1");
  CHECK_THROWS_AS(parse_listen_address("127.0.0.1"), UsageError);
  CHECK_THROWS_AS(parse_listen_address(":80"), UsageError);
  CHECK_THROWS_AS(parse_listen_address("127.0.0.1:http"), UsageError);
  CHECK(listen_url("127.0.0.1", 5) == "http://127.0.0.1:5");
  CHECK(listen_url("0.0.0.0", 5) == "http://127.0.0.1:5");
  CHECK(listen_url("::1", 5) == "http://[::1]:5");
  CHECK(is_loopback_host("127.0.0.1"));
  CHECK(is_loopback_host("localhost"));
  CHECK_FALSE(is_loopback_host("0.0.0.0"));
}

TEST_CASE("A CA file must be readable PEM", "[record][args]") {
  CHECK_THROWS_WITH(check_ca_file("/nonexistent/ca.pem"), Catch::Contains("cannot read"));
  CHECK_THROWS_WITH(check_ca_file("/etc/hostname"), Catch::Contains("no PEM certificate"));
}

TEST_CASE("The splitter cuts events at blank lines however the bytes are chunked", "[record][sse]") {
  auto t0 = Clock::now();
  SseSplitter splitter(t0);
  splitter.feed("data: {\"a\":1}\n", t0 + milliseconds(3));
  splitter.feed("\ndata: [DO", t0 + milliseconds(4));
  splitter.feed("NE]\n\n", t0 + milliseconds(54));
  auto events = splitter.finish(t0 + milliseconds(60));
  REQUIRE(events.size() == 2);
  CHECK(events[0].data == "{\"a\":1}");
  CHECK(events[0].after_ms == 4);  // since the response head
  CHECK(events[1].data == "[DONE]");
  CHECK(events[1].after_ms == 50);  // since the previous event
  CHECK(splitter.replays_verbatim());
}

TEST_CASE("CRLF split across chunks, comments, fields and a cut last event", "[record][sse]") {
  auto t0 = Clock::now();
  SseSplitter splitter(t0);
  splitter.feed(": keep-alive\r\n\r\nevent: delta\r\nid: 7\r\ndata: line one\r", t0);
  splitter.feed("\ndata: line two\r\n\r", t0 + milliseconds(10));
  splitter.feed("\ndata: cut", t0 + milliseconds(20));
  auto events = splitter.finish(t0 + milliseconds(30));
  REQUIRE(events.size() == 2);
  CHECK(events[0].event == "delta");
  CHECK(events[0].id == "7");
  CHECK(events[0].data == "line one\nline two");
  CHECK(events[0].after_ms == 20);  // the CRLF that ended it arrived with the third chunk
  CHECK(events[1].data == "cut");
  CHECK(events[1].after_ms == 10);
  CHECK_FALSE(splitter.replays_verbatim());
}

TEST_CASE("JSON redaction replaces present pointers and keeps other bodies byte for byte", "[record][redact]") {
  JsonRedaction redaction({"/user", "/messages/0/content"});
  std::string body = R"({"model":"m","user":"alice@example.com","messages":[{"role":"user","content":"hi"}]})";
  CHECK(redaction.apply(body));
  CHECK(body == R"({"model":"m","user":"<redacted>","messages":[{"role":"user","content":"<redacted>"}]})");

  std::string untouched = "{ \"model\" : \"m\" }";
  CHECK_FALSE(redaction.apply(untouched));
  CHECK(untouched == "{ \"model\" : \"m\" }");
  std::string text = "not json";
  CHECK_FALSE(redaction.apply(text));
  std::string wrong_shape = R"({"messages":{"x":1}})";
  CHECK_FALSE(redaction.apply(wrong_shape));

  CHECK_THROWS_AS(JsonRedaction({"user"}), UsageError);
  CHECK_THROWS_AS(JsonRedaction({""}), UsageError);
  CHECK_THROWS_AS(JsonRedaction({"/a~2"}), UsageError);
}
