// HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), as browsers' dev tools, proxies
// (mitmproxy, Charles, Fiddler) and Playwright save it. Bodies are text (`postData.text`,
// `content.text`), base64 when `encoding: base64` says so.
#include <fmt/format.h>

#include "recording/base64.hpp"
#include "recording/import_detail.hpp"
#include "recording/uri.hpp"

namespace gwlint::recording {

namespace {

const Node* scalar_field(const Node* mapping, std::string_view key) {
  const Node* node = mapping && mapping->is_mapping() ? mapping->find(key) : nullptr;
  return node && node->is_scalar() ? node : nullptr;
}

void read_headers(const Node* list, Headers& headers) {
  if (!list || !list->is_sequence()) return;
  for (const Node* item : list->items) {
    const Node* name = scalar_field(item, "name");
    const Node* value = scalar_field(item, "value");
    if (name) headers.push_back({name->scalar, value ? value->scalar : std::string()});
  }
}

// Reads `text` (+ `encoding`) of postData or content; returns false after reporting bad base64.
bool read_body(const Node* holder, const std::string& where, Body& body, ImportContext& context) {
  const Node* text = scalar_field(holder, "text");
  if (!text) return true;
  const Node* encoding = scalar_field(holder, "encoding");
  if (encoding && encoding->scalar == "base64") {
    auto bytes = base64_decode(text->scalar);
    if (!bytes) {
      context.error(text, where + ".text: `encoding: base64` but the text is not valid base64");
      return false;
    }
    body = body_from_text(std::move(*bytes), BodyKind::Base64);
  } else {
    body = body_from_text(text->scalar);
  }
  return true;
}

}  // namespace

void import_har(const Node* root, ImportContext& context, std::vector<ImportedExchange>& out) {
  const Node* entries = root->find("log")->find("entries");
  if (!entries->is_sequence()) return context.error(entries, "log.entries: expected a list of entries");
  for (size_t i = 0; i < entries->items.size(); ++i) {
    const Node* entry = entries->items[i];
    std::string where = fmt::format("log.entries[{}]", i);
    const Node* request = entry->is_mapping() ? entry->find("request") : nullptr;
    const Node* response = entry->is_mapping() ? entry->find("response") : nullptr;
    if (!request || !request->is_mapping()) {
      context.error(entry, where + ": the entry has no `request` mapping");
      continue;
    }
    const Node* method = scalar_field(request, "method");
    const Node* url = scalar_field(request, "url");
    if (!method || method->scalar.empty()) {
      context.error(request, where + ".request: `method` is missing");
      continue;
    }
    if (!url || url->scalar.empty()) {
      context.error(request, where + ".request: `url` is missing");
      continue;
    }
    const Node* status = scalar_field(response, "status");
    int code = 0;
    if (status && !status->scalar.empty() && status->scalar.size() <= 3 &&
        status->scalar.find_first_not_of("0123456789") == std::string::npos) {
      code = std::stoi(status->scalar);
    }
    if (code == 0 && response && response->is_mapping()) {
      // Browsers record blocked or aborted requests with status 0: there is nothing to replay.
      context.warning(entry, fmt::format("{}: {} {} has no response (status 0); skipped", where, method->scalar,
                                         split_target(url->scalar).path));
      continue;
    }
    if (code < 100 || code > 599) {
      context.error(status ? status : (response ? response : entry),
                    where + ".response: `status` is missing or not an HTTP status (100-599)");
      continue;
    }

    ImportedExchange imported;
    imported.entry = entry;
    Exchange& exchange = imported.exchange;
    RequestTarget target = split_target(url->scalar);
    exchange.request.method = method->scalar;
    exchange.request.path = target.path;
    exchange.request.query = std::move(target.query);
    read_headers(request->find("headers"), exchange.request.headers);
    if (const Node* post = request->find("postData"); post && post->is_mapping()) {
      imported.request_body_at = post;
      if (!read_body(post, where + ".request.postData", exchange.request.body, context)) continue;
    }
    exchange.response.status = code;
    read_headers(response->find("headers"), exchange.response.headers);
    if (const Node* content = response->find("content"); content && content->is_mapping()) {
      imported.response_body_at = content;
      if (!read_body(content, where + ".response.content", exchange.response.body, context)) continue;
      // HAR's content.mimeType is the response's type even when the headers were trimmed.
      const Node* mime = scalar_field(content, "mimeType");
      if (!find_header(exchange.response.headers, "content-type") && mime &&
          mime->scalar.rfind("text/event-stream", 0) == 0) {
        exchange.response.events = parse_sse(exchange.response.body.bytes);
        exchange.response.body = Body{};
        exchange.response.is_stream = true;
      }
    }
    out.push_back(std::move(imported));
  }
}

}  // namespace gwlint::recording
