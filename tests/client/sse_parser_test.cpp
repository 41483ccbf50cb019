#include "client/sse_parser.hpp"

#include <catch2/catch.hpp>
#include <random>

using namespace gwlint::client;

namespace {

std::vector<ServerSentEvent> parse_in_chunks(const std::string& stream, const std::vector<size_t>& cuts) {
  SseParser parser;
  std::vector<ServerSentEvent> events;
  size_t start = 0;
  for (size_t cut : cuts) {
    for (auto& e : parser.feed(std::string_view(stream).substr(start, cut - start))) events.push_back(e);
    start = cut;
  }
  for (auto& e : parser.feed(std::string_view(stream).substr(start))) events.push_back(e);
  parser.finish();
  return events;
}

std::vector<ServerSentEvent> parse_bytewise(const std::string& stream) {
  std::vector<size_t> cuts;
  for (size_t i = 1; i < stream.size(); ++i) cuts.push_back(i);
  return parse_in_chunks(stream, cuts);
}

std::vector<std::string> datas(const std::vector<ServerSentEvent>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) out.push_back(e.data);
  return out;
}

}  // namespace

TEST_CASE("SSE: every line ending, whole and split at every byte", "[client][sse]") {
  for (std::string eol : {"\n", "\r\n", "\r"}) {
    std::string stream = "data: {\"a\":1}" + eol + eol + ": keep-alive" + eol + "event: delta" + eol + "id: 7" + eol +
                         "data: line one" + eol + "data: line two" + eol + eol + "data: [DONE]" + eol + eol;
    for (const auto& events : {parse_in_chunks(stream, {}), parse_bytewise(stream)}) {
      REQUIRE(events.size() == 3);
      CHECK(events[0].data == "{\"a\":1}");
      CHECK(events[0].event.empty());
      CHECK(events[1].event == "delta");
      CHECK(events[1].id == "7");
      CHECK(events[1].data == "line one\nline two");
      CHECK(events[2].data == "[DONE]");
      CHECK(events[2].id == "7");  // the last event id persists
      CHECK(events[2].event.empty());
    }
  }
}

TEST_CASE("SSE: CRLF split across chunks is one line end", "[client][sse]") {
  std::string stream = "data: a\r\n\r\ndata: b\r\n\r\n";
  // Cut between every CR and its LF.
  auto events = parse_in_chunks(stream, {8, 10, 18, 20});
  CHECK(datas(events) == std::vector<std::string>{"a", "b"});
  // CR at a chunk end followed by a CR: two line ends (an empty line dispatches).
  CHECK(datas(parse_in_chunks("data: x\r\rdata: y\r\r", {8})) == std::vector<std::string>{"x", "y"});
}

TEST_CASE("SSE: field parsing details", "[client][sse]") {
  // No space after the colon, two spaces (one kept), a bare field name, unknown fields, retry.
  auto events = parse_in_chunks("data:x\ndata:  y\ndata\nfoo: bar\nretry: 1500\n\n", {});
  REQUIRE(events.size() == 1);
  CHECK(events[0].data == "x\n y\n");
  SseParser parser;
  parser.feed("retry: 1500\nretry: 12x\n\n");
  CHECK(parser.retry_ms() == 1500);
  // An event with no data is not dispatched; a comment-only stream gives nothing.
  CHECK(parse_in_chunks("event: ping\n\n: hi\n\n", {}).empty());
  // A leading BOM is dropped once, also when split.
  CHECK(datas(parse_in_chunks("\xEF\xBB\xBF"
                              "data: z\n\n",
                              {1, 2})) == std::vector<std::string>{"z"});
  // An unterminated last event is discarded at the end of the stream.
  CHECK(datas(parse_in_chunks("data: a\n\ndata: cut", {})) == std::vector<std::string>{"a"});
  CHECK(datas(parse_in_chunks("data: a\n\ndata: [DONE]\n", {})) == std::vector<std::string>{"a"});
}

TEST_CASE("SSE: oversized lines and events are bounded", "[client][sse]") {
  SseParser parser(64);
  std::string big(1000, 'x');
  auto events = parser.feed("data: " + big + "\n\ndata: ok\n\n");
  CHECK(parser.overflowed());
  CHECK(datas(events) == std::vector<std::string>{"ok"});
}

TEST_CASE("SSE: random bytes and random splits never crash", "[client][sse]") {
  std::mt19937 rng(12345);
  const std::string alphabet =
      "data: \r\n:{}[]DONE\xEF\xBB\xBF"
      "event id retry 0123456789";
  for (int round = 0; round < 300; ++round) {
    std::string input;
    size_t length = rng() % 400;
    for (size_t i = 0; i < length; ++i) {
      input += (rng() % 4 == 0) ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
    }
    SseParser parser(128);
    size_t pos = 0;
    size_t total = 0;
    while (pos < input.size()) {
      size_t n = 1 + rng() % 17;
      for (const auto& event : parser.feed(std::string_view(input).substr(pos, n))) total += event.data.size();
      pos += n;
    }
    parser.finish();
    CHECK(total <= input.size());
  }
}
