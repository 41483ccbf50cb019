// What an import reports rather than keeps silently (SCENARIOS.md §1): recordings are the
// ground truth of scenarios, so a suspicious one must be seen before it becomes a test.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string_view>

#include "recording/import_detail.hpp"

namespace gwlint::recording {

namespace {

const Node* or_entry(const Node* at, const ImportedExchange& imported) {
  return at ? at : imported.entry;
}

void check_json_body(const Body& body, const Headers& headers, const char* side, const Node* at,
                     const ImportedExchange& imported, ImportContext& context) {
  if (body.bytes.empty() || !is_json_content(headers) || body.json) return;
  context.warning(or_entry(at, imported),
                  fmt::format("{}: the {} body is declared JSON (content-type {}) but does not parse as JSON",
                              imported.exchange.id, side, *find_header(headers, "content-type")));
}

// Checked on the bytes kept (for VCR's folded YAML strings: after unfolding, as UTF-8), and
// only when they are the recorded bytes: a test-proxy JSON object was re-serialised, so its
// length says nothing about what was sent.
void check_length(const Body& body, const Headers& headers, bool verbatim, const char* side, const Node* at,
                  const ImportedExchange& imported, ImportContext& context) {
  const std::string* declared = find_header(headers, "content-length");
  if (!declared || !verbatim) return;
  std::string digits = *declared;
  if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 15) {
    context.warning(or_entry(at, imported), fmt::format("{}: the {} Content-Length \"{}\" is not a number",
                                                        imported.exchange.id, side, *declared));
    return;
  }
  unsigned long long length = std::stoull(digits);
  if (length != body.bytes.size()) {
    context.warning(or_entry(at, imported),
                    fmt::format("{}: the {} Content-Length is {} but the recorded body is {} bytes",
                                imported.exchange.id, side, length, body.bytes.size()));
  }
}

// RFC 9110 token characters: what the recording loader accepts in a method or a header name.
bool is_token(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
  });
}

}  // namespace

// Found by fuzzing (fuzz/regressions/importer/): the importers took any string as a method, a
// path or a header, so `gwlint import` wrote recordings that gwlint itself then refused to load
// (a YAML-read test-proxy key `violen    "Content-Length"`). The same rules as the loader's
// (recording_loader.cpp), reported as import errors naming the entry.
void check_loadable(const ImportedExchange& imported, ImportContext& context) {
  const RecordedRequest& request = imported.exchange.request;
  const std::string& id = imported.exchange.id;
  if (!is_token(request.method)) {
    context.error(imported.entry, fmt::format("{}: the method \"{}\" is not an HTTP method", id, request.method));
  }
  if (request.path.empty() || request.path.front() != '/' ||
      request.path.find_first_of(" \r\n\t") != std::string::npos) {
    context.error(imported.entry,
                  fmt::format("{}: the path \"{}\" is not a request path (it must start with '/' and hold no spaces "
                              "or line breaks)",
                              id, request.path));
  }
  for (const Headers* headers : {&request.headers, &imported.exchange.response.headers}) {
    for (const Header& header : *headers) {
      if (!is_token(header.name)) {
        context.error(imported.entry, fmt::format("{}: \"{}\" is not a valid header name", id, header.name));
      } else if (header.value.find_first_of(std::string("\r\n\0", 3)) != std::string::npos) {
        context.error(imported.entry,
                      fmt::format("{}: the value of header {} holds a line break or NUL", id, header.name));
      }
    }
  }
}

void check_imported_exchange(const ImportedExchange& imported, ImportContext& context) {
  const Exchange& exchange = imported.exchange;
  const RecordedResponse& response = exchange.response;

  check_json_body(exchange.request.body, exchange.request.headers, "request", imported.request_body_at, imported,
                  context);
  check_length(exchange.request.body, exchange.request.headers, imported.request_body_verbatim, "request",
               imported.request_body_at, imported, context);

  if (response.is_stream) {
    if (response.events.empty()) {
      context.warning(or_entry(imported.response_body_at, imported),
                      fmt::format("{}: the event stream holds no events (not even `data: [DONE]`)", exchange.id));
    } else if (response.events.back().data != "[DONE]") {
      context.warning(or_entry(imported.response_body_at, imported),
                      fmt::format("{}: the event stream does not end with `data: [DONE]` ({} events); a client "
                                  "would see a cut stream",
                                  exchange.id, response.events.size()));
    }
    return;
  }
  check_json_body(response.body, response.headers, "response", imported.response_body_at, imported, context);
  check_length(response.body, response.headers, imported.response_body_verbatim, "response", imported.response_body_at,
               imported, context);
  if (response.status >= 200 && response.status <= 299 && response.body.json && response.body.json->is_object()) {
    auto error = response.body.json->find("error");
    if (error != response.body.json->end() && error->is_object()) {
      std::string code;
      if (auto c = error->find("code"); c != error->end()) code = c->is_string() ? c->get<std::string>() : c->dump();
      context.warning(or_entry(imported.response_body_at, imported),
                      fmt::format("{}: status {} but the body is an error object{}", exchange.id, response.status,
                                  code.empty() ? "" : fmt::format(" (code {})", code)));
    }
  }
}

}  // namespace gwlint::recording
