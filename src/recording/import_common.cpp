// Conversion steps every importer uses: bodies, header values, content types, problems.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "recording/import_detail.hpp"
#include "recording/json_value.hpp"
#include "recording/node_location.hpp"

namespace gwlint::recording {

namespace {

// "Text/Event-Stream; charset=utf-8" -> "text/event-stream".
std::string media_type(const Headers& headers) {
  const std::string* value = find_header(headers, "content-type");
  if (!value) return {};
  std::string type = value->substr(0, value->find(';'));
  type.erase(std::remove_if(type.begin(), type.end(), [](unsigned char c) { return std::isspace(c); }), type.end());
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return type;
}

}  // namespace

std::string ImportContext::where(const Node* at) const {
  std::string location = location_of(at);
  return location.empty() ? path_ : location;
}

void ImportContext::error(const Node* at, const std::string& message) {
  result_.errors.push_back({where(at), message});
}

void ImportContext::warning(const Node* at, const std::string& message) {
  result_.warnings.push_back({where(at), message});
}

Body body_from_text(std::string bytes, BodyKind kind) {
  Body body;
  body.kind = kind;
  body.bytes = std::move(bytes);
  body.json = parse_json(body.bytes);
  return body;
}

Body body_from_json_node(const Node* node) {
  Body body;
  body.kind = BodyKind::Json;
  body.bytes = node_to_ordered_json(node).dump();
  body.json = parse_json(body.bytes);
  return body;
}

void add_header_value(Headers& headers, const std::string& name, const Node* value) {
  if (!value || value->is_null()) {
    headers.push_back({name, ""});
  } else if (value->is_sequence()) {
    for (const Node* item : value->items) {
      if (item->is_scalar()) headers.push_back({name, item->scalar});
    }
  } else if (value->is_scalar()) {
    headers.push_back({name, value->scalar});
  }
}

bool is_event_stream(const Headers& headers) {
  return media_type(headers) == "text/event-stream";
}

bool is_json_content(const Headers& headers) {
  std::string type = media_type(headers);
  return type == "application/json" || (type.size() > 5 && type.compare(type.size() - 5, 5, "+json") == 0);
}

void split_stream_body(RecordedResponse& response) {
  if (response.is_stream || !is_event_stream(response.headers)) return;
  response.events = parse_sse(response.body.bytes);
  response.body = Body{};
  response.is_stream = true;
}

}  // namespace gwlint::recording
