#pragma once
// Splits an SSE stream into recorded events while it is being relayed: bytes go in as they arrive
// (any chunking, a CRLF split across chunks included), each event comes out when its blank line
// arrives, stamped with the gap since the previous event (or since the response head for the
// first one) — the `after_ms` the mock waits on replay.
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "recording/recording.hpp"

namespace gwlint::record {

class SseSplitter {
 public:
  using Clock = std::chrono::steady_clock;
  explicit SseSplitter(Clock::time_point head_at);

  void feed(std::string_view bytes, Clock::time_point arrived);
  // The stream ended. An event cut off before its blank line is kept (as the importers do), so
  // a recording of a cut stream shows the cut.
  std::vector<recording::SseEvent> finish(Clock::time_point at);

  // True while every block seen is exactly what the mock will send for its event: `data: ` lines
  // ending in LF, no comments, no `retry:`. Otherwise the replay is equivalent but not the same bytes.
  bool replays_verbatim() const { return verbatim_; }

 private:
  void take_block(std::string_view block, Clock::time_point at);

  std::string pending_;  // bytes of the event not yet ended by a blank line
  size_t scanned_ = 0;   // where the next unread line in pending_ starts
  Clock::time_point last_;
  std::vector<recording::SseEvent> events_;
  bool verbatim_ = true;
};

}  // namespace gwlint::record
