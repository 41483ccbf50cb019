#include "mock/sse_stream.hpp"

namespace gwlint::mock {

namespace {

// A field value cannot hold a line break (it would end the field), so `event` and `id` are cut at
// the first one; `data` gets one `data:` line per line instead.
std::string first_line(const std::string& value) {
  return value.substr(0, value.find_first_of("\r\n"));
}

}  // namespace

std::string format_sse_event(const recording::SseEvent& event) {
  std::string out;
  if (!event.event.empty()) out += "event: " + first_line(event.event) + "\n";
  if (!event.id.empty()) out += "id: " + first_line(event.id) + "\n";
  std::size_t start = 0;
  while (true) {
    std::size_t end = event.data.find('\n', start);
    std::string line = event.data.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out += "data: " + line + "\n";
    if (end == std::string::npos) break;
    start = end + 1;
  }
  out += "\n";
  return out;
}

std::string malformed_sse_frame() {
  return "data: {\"choices\":[{\"delta\":\n\n";
}

}  // namespace gwlint::mock
