// Which recorded headers an import keeps. Dropped are the ones the transport, not the caller or
// Azure, decided: a replay must not compare or resend them. Everything else is kept (secrets
// are redacted afterwards by the sanitizer).
#include <strings.h>

#include <algorithm>
#include <array>

#include "recording/import_detail.hpp"

namespace gwlint::recording {

namespace {

struct DroppedHeader {
  std::string_view name;  // a trailing '*' matches any suffix
  std::string_view why;
};

// Request side.
constexpr std::array<DroppedHeader, 14> kDroppedRequestHeaders = {{
    {"content-length", "recomputed by whichever client replays the body"},
    {"connection", "hop-by-hop"},
    {"keep-alive", "hop-by-hop"},
    {"transfer-encoding", "hop-by-hop; the recording holds the decoded body"},
    {"te", "hop-by-hop"},
    {"expect", "a transport handshake (100-continue)"},
    {"accept-encoding", "compression is negotiated per connection; bodies are stored decoded"},
    {"user-agent", "names the SDK build that recorded, not what the config decides"},
    {"x-ms-client-request-id", "a fresh random id per request"},
    {"x-stainless-*", "the openai SDKs' platform telemetry (OS, arch, runtime, retry count)"},
    {"traceparent", "distributed tracing, new per request"},
    {"tracestate", "distributed tracing, new per request"},
    {"date", "the time of recording"},
    {"request-id", "a fresh random id per request"},
}};

// Response side: what the mock's own HTTP stack produces for the body it sends.
constexpr std::array<DroppedHeader, 6> kDroppedResponseHeaders = {{
    {"content-length", "recomputed by the mock for the bytes it sends"},
    {"transfer-encoding", "hop-by-hop; the mock chooses its own framing"},
    {"connection", "hop-by-hop"},
    {"keep-alive", "hop-by-hop"},
    {"date", "the time of recording; meaningless on replay"},
    {"content-encoding", "bodies are stored decoded, so the encoding no longer applies"},
}};

template <size_t N>
bool listed(const std::array<DroppedHeader, N>& table, const std::string& name) {
  for (const DroppedHeader& dropped : table) {
    std::string_view pattern = dropped.name;
    if (!pattern.empty() && pattern.back() == '*') {
      pattern.remove_suffix(1);
      if (name.size() >= pattern.size() && strncasecmp(name.data(), pattern.data(), pattern.size()) == 0) return true;
    } else if (name.size() == pattern.size() && strncasecmp(name.data(), pattern.data(), pattern.size()) == 0) {
      return true;
    }
  }
  return false;
}

bool is_named(const std::string& name, std::string_view wanted) {
  return name.size() == wanted.size() && strncasecmp(name.data(), wanted.data(), wanted.size()) == 0;
}

}  // namespace

void drop_transport_headers(ImportedExchange& imported) {
  Headers& request = imported.exchange.request.headers;
  request.erase(std::remove_if(request.begin(), request.end(),
                               [&](const Header& h) {
                                 // HTTP/2 pseudo-headers (HAR from browsers) are the request line again.
                                 if (!h.name.empty() && h.name.front() == ':') return true;
                                 if (!imported.keep_host && is_named(h.name, "host")) return true;
                                 return listed(kDroppedRequestHeaders, h.name);
                               }),
                request.end());
  Headers& response = imported.exchange.response.headers;
  response.erase(std::remove_if(response.begin(), response.end(),
                                [&](const Header& h) {
                                  if (!h.name.empty() && h.name.front() == ':') return true;
                                  if (imported.keep_content_encoding && is_named(h.name, "content-encoding"))
                                    return false;
                                  return listed(kDroppedResponseHeaders, h.name);
                                }),
                 response.end());
}

}  // namespace gwlint::recording
