// Azure SDK test-proxy session records (`{"Entries": [...], "Variables": {...}}`), as the .NET,
// Python, JS, Java and Go SDKs store them in Azure/azure-sdk-assets. Bodies are stored as a JSON
// value when the content was JSON (re-serialised by the proxy, so not the wire bytes), as a
// string otherwise, and a text/event-stream body as an array of event strings ("data: ...\n\n").
#include <fmt/format.h>

#include "recording/import_detail.hpp"
#include "recording/uri.hpp"

namespace gwlint::recording {

namespace {

void read_headers(const Node* node, Headers& headers) {
  if (!node || !node->is_mapping()) return;
  for (const MappingEntry& entry : node->entries) add_header_value(headers, entry.key->scalar, entry.value);
}

bool looks_like_sse_chunks(const Node* array, const Headers& headers) {
  if (array->items.empty()) return is_event_stream(headers);
  for (const Node* item : array->items) {
    if (!item->is_scalar() || !item->is_quoted()) return false;
  }
  if (is_event_stream(headers)) return true;
  std::string_view first = array->items.front()->scalar;
  return first.rfind("data:", 0) == 0 || first.rfind("event:", 0) == 0 || first.rfind(":", 0) == 0;
}

// Returns whether the stored body is the recorded bytes.
bool read_body(const Node* node, const Headers& headers, Body& body, std::vector<SseEvent>* events) {
  if (!node || node->is_null()) return true;
  if (node->is_scalar() && node->is_quoted()) {
    body = body_from_text(node->scalar);
    return true;
  }
  if (events && node->is_sequence() && looks_like_sse_chunks(node, headers)) {
    std::string stream;
    for (const Node* item : node->items) stream += item->scalar;
    *events = parse_sse(stream);
    return true;
  }
  body = body_from_json_node(node);  // an object, array, number or boolean
  return false;
}

}  // namespace

void import_test_proxy(const Node* root, ImportContext& context, std::vector<ImportedExchange>& out) {
  const Node* entries = root->find("Entries");
  if (!entries->is_sequence()) return context.error(entries, "Entries: expected a list of recorded requests");
  for (size_t i = 0; i < entries->items.size(); ++i) {
    const Node* entry = entries->items[i];
    std::string where = fmt::format("Entries[{}]", i);
    if (!entry->is_mapping()) {
      context.error(entry, where + ": expected a mapping (RequestUri, RequestMethod, ...)");
      continue;
    }
    ImportedExchange imported;
    imported.entry = entry;
    imported.keep_host = false;
    Exchange& exchange = imported.exchange;
    const Node* uri = entry->find("RequestUri");
    const Node* method = entry->find("RequestMethod");
    const Node* status = entry->find("StatusCode");
    if (!uri || !uri->is_scalar() || uri->scalar.empty()) {
      context.error(uri ? uri : entry, where + ": RequestUri is missing or not a string");
      continue;
    }
    if (!method || !method->is_scalar() || method->scalar.empty()) {
      context.error(method ? method : entry, where + ": RequestMethod is missing or not a string");
      continue;
    }
    int code = 0;
    if (status && status->is_scalar() && !status->scalar.empty() &&
        status->scalar.find_first_not_of("0123456789") == std::string::npos && status->scalar.size() <= 3) {
      code = std::stoi(status->scalar);
    }
    if (code < 100 || code > 599) {
      context.error(status ? status : entry, where + ": StatusCode is missing or not an HTTP status (100-599)");
      continue;
    }
    RequestTarget target = split_target(uri->scalar);
    exchange.request.method = method->scalar;
    exchange.request.path = target.path;
    exchange.request.query = std::move(target.query);
    read_headers(entry->find("RequestHeaders"), exchange.request.headers);
    imported.request_body_at = entry->find("RequestBody");
    imported.request_body_verbatim =
        read_body(imported.request_body_at, exchange.request.headers, exchange.request.body, nullptr);

    exchange.response.status = code;
    read_headers(entry->find("ResponseHeaders"), exchange.response.headers);
    imported.response_body_at = entry->find("ResponseBody");
    std::vector<SseEvent> events;
    imported.response_body_verbatim =
        read_body(imported.response_body_at, exchange.response.headers, exchange.response.body, &events);
    if (!events.empty() || (imported.response_body_at && imported.response_body_at->is_sequence() &&
                            is_event_stream(exchange.response.headers))) {
      exchange.response.events = std::move(events);
      exchange.response.is_stream = true;
    }
    out.push_back(std::move(imported));
  }
}

}  // namespace gwlint::recording
