#include "record/sse_splitter.hpp"

#include <cmath>

#include "mock/sse_stream.hpp"
#include "recording/import_detail.hpp"

namespace gwlint::record {

SseSplitter::SseSplitter(Clock::time_point head_at) : last_(head_at) {}

void SseSplitter::feed(std::string_view bytes, Clock::time_point arrived) {
  pending_.append(bytes.data(), bytes.size());
  while (true) {
    size_t end = pending_.find_first_of("\r\n", scanned_);
    if (end == std::string::npos) return;
    // A CR at the end of what arrived may be the first half of a CRLF: wait for the next byte.
    if (pending_[end] == '\r' && end + 1 == pending_.size()) return;
    size_t next = end + ((pending_[end] == '\r' && pending_[end + 1] == '\n') ? 2 : 1);
    bool blank = end == scanned_;
    scanned_ = next;
    if (!blank) continue;
    take_block(std::string_view(pending_).substr(0, next), arrived);
    pending_.erase(0, next);
    scanned_ = 0;
  }
}

std::vector<recording::SseEvent> SseSplitter::finish(Clock::time_point at) {
  if (!pending_.empty()) {
    take_block(pending_, at);
    verbatim_ = false;  // the replay ends the cut event with its blank line
    pending_.clear();
    scanned_ = 0;
  }
  return std::move(events_);
}

void SseSplitter::take_block(std::string_view block, Clock::time_point at) {
  // The block is one event at most; parse_sse gives the importers' reading of its fields.
  std::vector<recording::SseEvent> parsed = recording::parse_sse(block);
  if (parsed.empty()) {
    verbatim_ = false;  // a comment or keep-alive: the mock does not send it
    return;
  }
  recording::SseEvent event = std::move(parsed.front());
  double gap = std::chrono::duration<double, std::milli>(at - last_).count();
  event.after_ms = static_cast<int>(std::max(0.0, std::round(gap)));
  last_ = at;
  if (mock::format_sse_event(event) != block) verbatim_ = false;
  events_.push_back(std::move(event));
}

}  // namespace gwlint::record
