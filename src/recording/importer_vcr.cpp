// VCR.py cassettes (`interactions:` + `version: 1`), as vcrpy and pytest-recording write them:
// header values are lists, the request body is a string (or null, or {string: ...}), the
// response body is `{string: ...}`, and bytes that are not text are `!!binary` base64.
#include <fmt/format.h>

#include "recording/base64.hpp"
#include "recording/import_detail.hpp"
#include "recording/uri.hpp"

namespace gwlint::recording {

namespace {

constexpr std::string_view kBinaryTag = "tag:yaml.org,2002:binary";

void read_headers(const Node* node, Headers& headers) {
  if (!node || !node->is_mapping()) return;
  for (const MappingEntry& entry : node->entries) add_header_value(headers, entry.key->scalar, entry.value);
}

// A body: a string, `!!binary` base64, null, or a mapping holding one of those under `string`.
// Returns false after reporting a problem. Sets `binary` when the bytes came from `!!binary`.
bool read_body(const Node* node, const std::string& where, Body& body, bool& binary, ImportContext& context) {
  if (node && node->is_mapping()) node = node->find("string");
  if (!node || node->is_null()) return true;
  if (!node->is_scalar()) {
    context.error(node, where + ": expected the body as a string");
    return false;
  }
  if (node->tag == kBinaryTag || node->tag == "!binary" || node->tag == "!!binary") {
    auto bytes = base64_decode(node->scalar);
    if (!bytes) {
      context.error(node, where + ": `!!binary` body is not valid base64");
      return false;
    }
    binary = true;
    body = body_from_text(std::move(*bytes), BodyKind::Base64);
    return true;
  }
  body = body_from_text(node->scalar);
  return true;
}

int status_of(const Node* status) {
  if (status && status->is_mapping()) status = status->find("code");
  if (!status || !status->is_scalar() || status->scalar.empty() || status->scalar.size() > 3 ||
      status->scalar.find_first_not_of("0123456789") != std::string::npos) {
    return 0;
  }
  return std::stoi(status->scalar);
}

}  // namespace

void import_vcr(const Node* root, ImportContext& context, std::vector<ImportedExchange>& out) {
  const Node* interactions = root->find("interactions");
  if (!interactions->is_sequence()) return context.error(interactions, "interactions: expected a list");
  for (size_t i = 0; i < interactions->items.size(); ++i) {
    const Node* entry = interactions->items[i];
    std::string where = fmt::format("interactions[{}]", i);
    const Node* request = entry->is_mapping() ? entry->find("request") : nullptr;
    const Node* response = entry->is_mapping() ? entry->find("response") : nullptr;
    if (!request || !request->is_mapping()) {
      context.error(entry, where + ": the interaction has no `request` mapping");
      continue;
    }
    const Node* method = request->find("method");
    const Node* uri = request->find("uri");
    if (!method || !method->is_scalar() || method->scalar.empty()) {
      context.error(method ? method : request, where + ".request: `method` is missing");
      continue;
    }
    if (!uri || !uri->is_scalar() || uri->scalar.empty()) {
      context.error(uri ? uri : request, where + ".request: `uri` is missing");
      continue;
    }
    if (!response || !response->is_mapping()) {
      context.error(entry, where + ": the interaction has no `response` mapping");
      continue;
    }
    int code = status_of(response->find("status"));
    if (code < 100 || code > 599) {
      const Node* status = response->find("status");
      context.error(status ? status : response, where + ".response.status: expected an HTTP status code (100-599)");
      continue;
    }

    ImportedExchange imported;
    imported.entry = entry;
    Exchange& exchange = imported.exchange;
    RequestTarget target = split_target(uri->scalar);
    exchange.request.method = method->scalar;
    exchange.request.path = target.path;
    exchange.request.query = std::move(target.query);
    read_headers(request->find("headers"), exchange.request.headers);
    bool binary = false;
    imported.request_body_at = request->find("body");
    if (!read_body(imported.request_body_at, where + ".request.body", exchange.request.body, binary, context)) continue;

    exchange.response.status = code;
    read_headers(response->find("headers"), exchange.response.headers);
    imported.response_body_at = response->find("body");
    binary = false;
    if (!read_body(imported.response_body_at, where + ".response.body", exchange.response.body, binary, context)) {
      continue;
    }
    // Without vcrpy's decode_compressed_response the body is still gzip: keep the header
    // that says so, or a replay would hand the client compressed bytes as plain text.
    imported.keep_content_encoding = binary;
    out.push_back(std::move(imported));
  }
}

}  // namespace gwlint::recording
