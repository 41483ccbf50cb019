// The builtin client's text/event-stream parser (src/client/sse_parser.hpp), fed the stream in
// chunks split at fuzzer-chosen points. Invariants: chunking changes nothing (events, retry, last
// id, overflow are those of the whole stream fed at once), and every event it yields, written
// back by the mock (mock::format_sse_event), parses to that same event. The importers' own
// one-shot parser (recording::parse_sse) runs on the same bytes for crashes.
//
// Input layout: the stream, then a trailer read from the end (FuzzedDataProvider takes integers
// from the back): one control byte (low 4 bits: number of split points; bit 4: a 64-byte event
// limit instead of the default, to reach the overflow paths), then 2 bytes per split point.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "client/sse_parser.hpp"
#include "fuzz_support.hpp"
#include "mock/sse_stream.hpp"
#include "recording/import_detail.hpp"

using gwlint::client::ServerSentEvent;
using gwlint::client::SseParser;

namespace {

struct Parsed {
  std::vector<ServerSentEvent> events;
  bool overflowed = false;
  int retry_ms = -1;
  std::string last_event_id;
};

Parsed parse(const std::string& stream, const std::vector<size_t>& cuts, size_t limit) {
  SseParser parser(limit);
  Parsed parsed;
  size_t start = 0;
  auto take = [&](size_t end) {
    for (ServerSentEvent& event : parser.feed(std::string_view(stream).substr(start, end - start)))
      parsed.events.push_back(std::move(event));
    start = end;
  };
  for (size_t cut : cuts) take(cut);
  take(stream.size());
  parser.finish();
  parsed.overflowed = parser.overflowed();
  parsed.retry_ms = parser.retry_ms();
  parsed.last_event_id = parser.last_event_id();
  return parsed;
}

bool same(const ServerSentEvent& a, const ServerSentEvent& b) {
  return a.event == b.event && a.data == b.data && a.id == b.id;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider provider(data, size);
  uint8_t control = provider.ConsumeIntegral<uint8_t>();
  size_t limit = (control & 0x10) ? 64 : (16u << 20);
  std::vector<uint16_t> raw_cuts;
  for (int i = 0; i < (control & 0x0F); ++i) raw_cuts.push_back(provider.ConsumeIntegral<uint16_t>());
  std::string stream = provider.ConsumeRemainingBytesAsString();
  std::vector<size_t> cuts;
  for (uint16_t cut : raw_cuts) cuts.push_back(stream.empty() ? 0 : cut % (stream.size() + 1));
  std::sort(cuts.begin(), cuts.end());

  Parsed whole = parse(stream, {}, limit);
  Parsed chunked = parse(stream, cuts, limit);
  FUZZ_CHECK(whole.events.size() == chunked.events.size(), "chunking changed the number of events");
  for (size_t i = 0; i < whole.events.size(); ++i) {
    FUZZ_CHECK(same(whole.events[i], chunked.events[i]), "chunking changed event " + std::to_string(i));
  }
  FUZZ_CHECK(whole.overflowed == chunked.overflowed, "chunking changed overflowed()");
  FUZZ_CHECK(whole.retry_ms == chunked.retry_ms, "chunking changed retry_ms()");
  FUZZ_CHECK(whole.last_event_id == chunked.last_event_id, "chunking changed last_event_id()");

  for (const ServerSentEvent& event : whole.events) {
    gwlint::recording::SseEvent recorded;
    recorded.event = event.event;
    recorded.data = event.data;
    recorded.id = event.id;
    std::string wire = gwlint::mock::format_sse_event(recorded);
    SseParser again;
    std::vector<ServerSentEvent> back = again.feed(wire);
    FUZZ_CHECK(back.size() == 1, "the mock's framing of an event does not parse as one event:\n" + wire);
    // An empty id is "no id line": the fresh parser's last id is empty too.
    FUZZ_CHECK(same(back[0], event), "the mock's framing changed the event:\n" + wire);
  }

  (void)gwlint::recording::parse_sse(stream);
  return 0;
}
