// Server-sent events as the WHATWG spec reads them: lines end at CRLF, LF or CR; a blank line
// ends an event; `data:` lines join with '\n'; one space after the colon is dropped; `:` lines
// are comments. An event cut off at the end of the text is kept, since a recording of a cut
// stream should show the cut (the import checks report the missing terminator).
#include <string>

#include "recording/import_detail.hpp"

namespace gwlint::recording {

std::vector<SseEvent> parse_sse(std::string_view text) {
  std::vector<SseEvent> events;
  SseEvent current;
  bool has_data = false;
  bool has_field = false;
  auto dispatch = [&]() {
    if (has_field) events.push_back(std::move(current));
    current = SseEvent{};
    has_data = false;
    has_field = false;
  };
  size_t i = 0;
  while (i < text.size()) {
    size_t end = text.find_first_of("\r\n", i);
    std::string_view line = text.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
    if (end == std::string_view::npos) {
      i = text.size();
    } else {
      i = end + ((text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1);
    }
    if (line.empty()) {
      dispatch();
      continue;
    }
    if (line.front() == ':') continue;
    size_t colon = line.find(':');
    std::string_view field = line.substr(0, colon);
    std::string_view value = colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    if (field == "data") {
      if (has_data) current.data += '\n';
      current.data += value;
      has_data = true;
      has_field = true;
    } else if (field == "event") {
      current.event = std::string(value);
      has_field = true;
    } else if (field == "id") {
      current.id = std::string(value);
      has_field = true;
    }
    // `retry:` and unknown fields are not replayed.
  }
  dispatch();
  return events;
}

}  // namespace gwlint::recording
