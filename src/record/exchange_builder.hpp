#pragma once
// Turns one proxied request and the upstream's answer into a recorded exchange, redacted before it
// is stored anywhere: headers and query keys by the shared sanitizer, JSON bodies and SSE event
// data by --redact-json. Header policy is the importers' (recording/import_headers.cpp), so a
// recorded exchange and an imported one replay the same way.
#include <httplib.h>

#include <string>
#include <vector>

#include "record/json_redaction.hpp"
#include "recording/recording.hpp"

namespace gwlint::record {

// What the client sent, as it sent it: method, raw target (percent-encoding kept) and headers
// without httplib's additions; the body decoded from any chunked framing.
struct ClientRequest {
  std::string method;
  std::string target;
  recording::Headers headers;
  std::string body;
};

recording::RecordedRequest recorded_request(const ClientRequest& client);
recording::RecordedResponse recorded_response(int status, const httplib::Headers& headers, std::string body);
recording::RecordedResponse recorded_stream(int status, const httplib::Headers& headers,
                                            std::vector<recording::SseEvent> events);

// Drops transport headers, sanitises secrets and applies the JSON redaction. `id` and `times` are
// left for the recorder.
recording::Exchange redacted_exchange(recording::RecordedRequest request, recording::RecordedResponse response,
                                      const JsonRedaction& redaction);

}  // namespace gwlint::record
