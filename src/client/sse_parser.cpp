#include "client/sse_parser.hpp"

#include <cctype>
#include <string>

namespace gwlint::client {

std::vector<ServerSentEvent> SseParser::feed(std::string_view bytes) {
  std::vector<ServerSentEvent> events;
  for (size_t i = 0; i < bytes.size(); ++i) {
    char c = bytes[i];
    if (pending_cr_) {
      pending_cr_ = false;
      if (c == '\n') continue;  // the LF of a CRLF split across chunks
    }
    if (c == '\r' || c == '\n') {
      if (!bom_checked_) {
        bom_checked_ = true;
        if (line_.compare(0, 3, "\xEF\xBB\xBF") == 0) line_.erase(0, 3);
      }
      if (c == '\r') {
        if (i + 1 < bytes.size()) {
          if (bytes[i + 1] == '\n') ++i;
        } else {
          pending_cr_ = true;
        }
      }
      if (!line_too_long_) process_line(line_, &events);
      line_.clear();
      line_too_long_ = false;
      continue;
    }
    if (line_.size() >= max_event_bytes_) {
      line_too_long_ = true;  // the rest of this line is dropped, and so is the line
      overflowed_ = true;
      continue;
    }
    line_ += c;
    if (!bom_checked_ && line_.size() >= 3) {
      bom_checked_ = true;
      if (line_.compare(0, 3, "\xEF\xBB\xBF") == 0) line_.erase(0, 3);
    }
  }
  return events;
}

void SseParser::finish() {
  // "Once the end of the file is reached, any pending data must be discarded": a last line with no
  // line end is not processed either, since no blank line can follow it to dispatch an event.
  line_.clear();
  data_.clear();
  event_.clear();
  has_data_ = false;
  pending_cr_ = false;
}

void SseParser::process_line(std::string_view line, std::vector<ServerSentEvent>* out) {
  if (line.empty()) {
    if (has_data_) {
      ServerSentEvent event;
      event.event = event_;
      event.data = data_;
      if (!event.data.empty() && event.data.back() == '\n') event.data.pop_back();
      event.id = last_event_id_;
      out->push_back(std::move(event));
    }
    data_.clear();
    event_.clear();
    has_data_ = false;
    return;
  }
  if (line.front() == ':') return;  // comment (keep-alive)
  std::string_view field = line;
  std::string_view value;
  if (size_t colon = line.find(':'); colon != std::string_view::npos) {
    field = line.substr(0, colon);
    value = line.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  }
  if (field == "data") {
    if (data_.size() + value.size() + 1 > max_event_bytes_) {
      overflowed_ = true;
      return;
    }
    data_.append(value);
    data_ += '\n';
    has_data_ = true;
  } else if (field == "event") {
    event_ = std::string(value);
  } else if (field == "id") {
    if (value.find('\0') == std::string_view::npos) last_event_id_ = std::string(value);
  } else if (field == "retry") {
    bool digits = !value.empty() && value.size() <= 9;
    for (char ch : value) digits = digits && std::isdigit(static_cast<unsigned char>(ch));
    if (digits) retry_ms_ = std::stoi(std::string(value));
  }
  // Other fields are ignored.
}

}  // namespace gwlint::client
