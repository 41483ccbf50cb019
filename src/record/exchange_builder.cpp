#include "record/exchange_builder.hpp"

#include <algorithm>
#include <cctype>

#include "record/forwarded_headers.hpp"
#include "recording/import_detail.hpp"
#include "recording/json_value.hpp"
#include "recording/sanitizer.hpp"
#include "recording/uri.hpp"

namespace gwlint::record {

namespace {

recording::Headers recorded_headers(const httplib::Headers& headers) {
  recording::Headers out;
  for (const auto& [name, value] : headers) {
    if (!is_hop_by_hop(name, headers)) out.push_back({name, value});
  }
  return out;
}

// JSON when the content type says so and it parses, else text when it can be kept as text, else
// base64; the writer picks the same form from the bytes, this keeps the model honest in memory.
recording::Body body_of(std::string bytes, const recording::Headers& headers) {
  recording::Body body;
  body.json = recording::parse_json(bytes);
  if (bytes.empty()) {
    body.kind = recording::BodyKind::None;
  } else if (body.json && recording::is_json_content(headers)) {
    body.kind = recording::BodyKind::Json;
  } else if (recording::is_safe_text(bytes)) {
    body.kind = recording::BodyKind::Text;
  } else {
    body.kind = recording::BodyKind::Base64;
  }
  body.bytes = std::move(bytes);
  return body;
}

void redact_body(recording::Body& body, const JsonRedaction& redaction) {
  if (redaction.apply(body.bytes)) body.json = recording::parse_json(body.bytes);
}

}  // namespace

recording::RecordedRequest recorded_request(const ClientRequest& client) {
  recording::RecordedRequest request;
  request.method = client.method;
  std::transform(request.method.begin(), request.method.end(), request.method.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  auto target = recording::split_target(client.target);
  request.path = std::move(target.path);
  request.query = std::move(target.query);
  httplib::Headers as_sent;
  for (const auto& header : client.headers) as_sent.emplace(header.name, header.value);
  for (const auto& header : client.headers) {
    if (!is_hop_by_hop(header.name, as_sent)) request.headers.push_back(header);
  }
  request.body = body_of(client.body, request.headers);
  return request;
}

recording::RecordedResponse recorded_response(int status, const httplib::Headers& headers, std::string body) {
  recording::RecordedResponse response;
  response.status = status;
  response.headers = recorded_headers(headers);
  response.body = body_of(std::move(body), response.headers);
  return response;
}

recording::RecordedResponse recorded_stream(int status, const httplib::Headers& headers,
                                            std::vector<recording::SseEvent> events) {
  recording::RecordedResponse response;
  response.status = status;
  response.headers = recorded_headers(headers);
  response.events = std::move(events);
  response.is_stream = true;
  return response;
}

recording::Exchange redacted_exchange(recording::RecordedRequest request, recording::RecordedResponse response,
                                      const JsonRedaction& redaction) {
  recording::ImportedExchange imported;
  imported.exchange.request = std::move(request);
  imported.exchange.response = std::move(response);
  imported.keep_host = false;  // the Host the client sent named the recorder, not Azure
  recording::drop_transport_headers(imported);
  recording::Exchange exchange = std::move(imported.exchange);
  recording::sanitize_exchange(exchange);
  redact_body(exchange.request.body, redaction);
  redact_body(exchange.response.body, redaction);
  for (auto& event : exchange.response.events) redaction.apply(event.data);
  exchange.times = 1;
  return exchange;
}

}  // namespace gwlint::record
