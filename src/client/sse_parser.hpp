#pragma once
// An incremental text/event-stream parser (WHATWG HTML, "Parsing an event stream"): bytes in, in
// chunks split anywhere, events out. Lines end in LF, CRLF or CR (a CRLF split across two chunks
// is one line end); `:` starts a comment; `data:` lines join with '\n'; `event:`/`id:`/`retry:`
// are kept; an event is dispatched at a blank line and dropped at the end of the stream when
// unterminated, as the spec says. Total on any input: it is fuzzed.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gwlint::client {

struct ServerSentEvent {
  std::string event;  // empty: the default type ("message")
  std::string data;   // `data:` lines joined with '\n'
  std::string id;     // the last event id in effect when it was dispatched
};

class SseParser {
 public:
  // `max_event_bytes` bounds one line and one event's data; past it the parser stops buffering and
  // reports overflowed(), so hostile input cannot exhaust memory.
  explicit SseParser(size_t max_event_bytes = 16u << 20) : max_event_bytes_(max_event_bytes) {}

  // Parses `bytes` and returns the events they complete, in order.
  std::vector<ServerSentEvent> feed(std::string_view bytes);
  // End of stream: a partial line is processed, an undispatched event is discarded.
  void finish();

  bool overflowed() const { return overflowed_; }
  int retry_ms() const { return retry_ms_; }  // last valid `retry:` value, -1 when none
  const std::string& last_event_id() const { return last_event_id_; }

 private:
  void process_line(std::string_view line, std::vector<ServerSentEvent>* out);

  size_t max_event_bytes_;
  std::string line_;
  std::string data_;
  std::string event_;
  std::string last_event_id_;
  bool has_data_ = false;
  bool pending_cr_ = false;  // the previous chunk ended in CR: a leading LF belongs to it
  bool bom_checked_ = false;
  bool overflowed_ = false;
  bool line_too_long_ = false;
  int retry_ms_ = -1;
};

}  // namespace gwlint::client
