#include "rules/data/reserved_headers.hpp"

#include <array>

#include "lint/text_utils.hpp"

namespace gwlint::data {

namespace {

constexpr std::array<ReservedHeader, 5> kReservedHeaders = {{
    {"Host",
     "the client derives it from the request URL, and a different value is routed to the wrong site or fails "
     "the TLS name check",
     "to reach a service under another host name, point `baseURL` at that name"},
    {"Content-Length",
     "the client computes it from each request body, and a fixed length truncates bodies or gets "
     "the request rejected",
     ""},
    {"Transfer-Encoding",
     "the client chooses the body framing itself, and Node's HTTP client refuses a configured "
     "value (`invalid transfer-encoding header`)",
     ""},
    {"Connection",
     "it is a hop-by-hop header the client manages, and Node's fetch refuses a configured value "
     "(`invalid connection header`)",
     ""},
    {"Content-Type",
     "the client sets it per request from the body it sends, and a fixed value breaks calls with "
     "another body type such as multipart uploads",
     ""},
}};

}  // namespace

const ReservedHeader* find_reserved_header(std::string_view name) {
  for (const ReservedHeader& header : kReservedHeaders) {
    if (iequals(header.name, name)) return &header;
  }
  return nullptr;
}

}  // namespace gwlint::data
