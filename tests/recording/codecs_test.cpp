// The small pieces: base64, SSE parsing, request targets, exchange ids.
#include <catch2/catch.hpp>

#include "recording/base64.hpp"
#include "recording/import_detail.hpp"
#include "recording/uri.hpp"

using namespace gwlint::recording;

TEST_CASE("base64 encodes and decodes strictly", "[codecs]") {
  for (std::string bytes :
       {std::string(), std::string("f"), std::string("fo"), std::string("foo"), std::string("\x00\xFF\x10\x80", 4)}) {
    CHECK(base64_decode(base64_encode(bytes)) == bytes);
  }
  CHECK(base64_encode("foob") == "Zm9vYg==");
  CHECK(base64_decode("Zm9v\n YmFy") == std::string("foobar"));
  CHECK_FALSE(base64_decode("Zm9vYg="));   // length
  CHECK_FALSE(base64_decode("Zm9vYh=="));  // non-zero padding bits
  CHECK_FALSE(base64_decode("Zm=vYg=="));  // padding in the middle
  CHECK_FALSE(base64_decode("Zm9v!mFy"));  // not the alphabet
  CHECK_FALSE(base64_decode("Zm9v-_Fy"));  // base64url is not base64
}

TEST_CASE("SSE text splits into events like a browser reads it", "[codecs]") {
  auto events = parse_sse(
      ": comment\r\nevent: delta\r\nid: 7\r\ndata: {\"a\":1}\r\n\r\ndata:two\ndata:  lines\n\nretry: 5\n\ndata: "
      "[DONE]");
  REQUIRE(events.size() == 3);
  CHECK(events[0].event == "delta");
  CHECK(events[0].id == "7");
  CHECK(events[0].data == "{\"a\":1}");
  CHECK(events[1].data == "two\n lines");
  CHECK(events[2].data == "[DONE]");  // cut at the end without a blank line: kept
  CHECK(parse_sse("").empty());
  CHECK(parse_sse("\n\n\n").empty());
}

TEST_CASE("request targets split into path and decoded query", "[codecs]") {
  RequestTarget a =
      split_target("https://x.openai.azure.com:443/openai/v1/chat/completions?api-version=preview&q=a%20b+c&flag#frag");
  CHECK(a.host == "x.openai.azure.com:443");
  CHECK(a.path == "/openai/v1/chat/completions");
  using Q = std::vector<std::pair<std::string, std::string>>;
  CHECK(a.query == Q{{"api-version", "preview"}, {"q", "a b c"}, {"flag", ""}});
  CHECK(split_target("https://host").path == "/");
  CHECK(split_target("https://host?x=1").query == Q{{"x", "1"}});
  RequestTarget b = split_target("/redirect?to=https://evil/x");
  CHECK(b.host.empty());
  CHECK(b.path == "/redirect");
  CHECK(b.query == Q{{"to", "https://evil/x"}});
  CHECK(split_target("//openai/deployments/x").path == "//openai/deployments/x");
  CHECK(percent_decode("100%") == "100%");
  CHECK(percent_decode("%zz%41") == "%zzA");
}

TEST_CASE("exchange ids name the operation", "[codecs]") {
  auto make = [](std::string path, int status, bool stream) {
    Exchange e;
    e.request.path = std::move(path);
    e.response.status = status;
    e.response.is_stream = stream;
    return e;
  };
  std::vector<Exchange> exchanges = {
      make("/openai/deployments/gpt-4o/chat/completions", 200, false),
      make("/openai/v1/chat/completions", 404, false),
      make("/openai/v1/embeddings", 200, false),
      make("/openai/v1/embeddings", 200, false),
      make("/", 200, false),
      make("/openai/v1/responses", 200, true),
      make("/openai/deployments/My_Dep.1/images/generations", 500, false),
  };
  assign_exchange_ids(exchanges);
  CHECK(exchanges[0].id == "chat-completions");
  CHECK(exchanges[1].id == "chat-completions-404");
  CHECK(exchanges[2].id == "embeddings-1");
  CHECK(exchanges[3].id == "embeddings-2");
  CHECK(exchanges[4].id == "exchange");
  CHECK(exchanges[5].id == "responses-stream");
  CHECK(exchanges[6].id == "images-generations-500");
}
