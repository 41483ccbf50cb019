#pragma once
// What the importers share: an exchange as read from a foreign format together with where its
// parts were in the source (for file:line:col in warnings) and whether its bodies are the bytes
// that went over the wire or a re-serialisation (a test-proxy JSON object).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/node.hpp"
#include "recording/importer.hpp"

namespace gwlint::recording {

struct ImportedExchange {
  Exchange exchange;
  const Node* entry = nullptr;
  const Node* request_body_at = nullptr;
  const Node* response_body_at = nullptr;
  bool request_body_verbatim = true;  // false when rebuilt from a parsed JSON object
  bool response_body_verbatim = true;
  bool keep_host = true;               // test-proxy's host comes from the URI, not a header
  bool keep_content_encoding = false;  // the body is still encoded (VCR `!!binary`)
};

class ImportContext {
 public:
  ImportContext(std::string path, ImportResult& result) : path_(std::move(path)), result_(result) {}
  const std::string& path() const { return path_; }
  void error(const Node* at, const std::string& message);
  void warning(const Node* at, const std::string& message);
  bool failed() const { return !result_.errors.empty(); }

 private:
  std::string where(const Node* at) const;
  std::string path_;
  ImportResult& result_;
};

// Format by content: the root mapping's keys (log.entries, Entries, interactions, exchanges).
std::optional<ImportFormat> detect_format(const Node* root);

void import_har(const Node* root, ImportContext& context, std::vector<ImportedExchange>& out);
void import_test_proxy(const Node* root, ImportContext& context, std::vector<ImportedExchange>& out);
void import_vcr(const Node* root, ImportContext& context, std::vector<ImportedExchange>& out);

// Shared conversion steps.
Body body_from_text(std::string bytes, BodyKind kind = BodyKind::Text);
Body body_from_json_node(const Node* node);  // re-serialised compactly, key order kept
void add_header_value(Headers& headers, const std::string& name, const Node* value);  // string or list
std::vector<SseEvent> parse_sse(std::string_view text);
bool is_event_stream(const Headers& headers);
bool is_json_content(const Headers& headers);
// Turns a text/event-stream body into events (after_ms 0: formats do not record the gaps).
void split_stream_body(RecordedResponse& response);
void drop_transport_headers(ImportedExchange& imported);
void assign_exchange_ids(std::vector<Exchange>& exchanges);
void check_imported_exchange(const ImportedExchange& imported, ImportContext& context);
// Errors for what gwlint's own format cannot hold (a method or header name that is not a token,
// a header value with a line break, a path not starting with '/'): the import would write a
// recording that does not load.
void check_loadable(const ImportedExchange& imported, ImportContext& context);

}  // namespace gwlint::recording
