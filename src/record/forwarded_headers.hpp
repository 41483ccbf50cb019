#pragma once
// Which headers cross the proxy. Hop-by-hop headers (RFC 9110 §7.6.1) describe one connection,
// not the exchange, so neither side's are passed on; framing headers are recomputed by httplib for
// the bytes it actually sends.
#include <httplib.h>

#include <string>
#include <string_view>

#include "record/upstream_target.hpp"

namespace gwlint::record {

// connection, keep-alive, transfer-encoding, te, trailer, upgrade, proxy-*, and any header the
// message's own Connection header names.
bool is_hop_by_hop(std::string_view name, const httplib::Headers& message);

// httplib's server adds REMOTE_ADDR, REMOTE_PORT, LOCAL_ADDR and LOCAL_PORT to every request.
bool is_httplib_request_header(std::string_view name);

// The client's headers as sent upstream: hop-by-hop and framing dropped, Host set to the upstream,
// and `Accept-Encoding: identity` so bodies arrive (and are recorded) decoded.
httplib::Headers upstream_request_headers(const httplib::Headers& client, const UpstreamTarget& upstream);

// The upstream's headers as sent back to the client: hop-by-hop and framing dropped (httplib frames
// the body itself; a streamed body goes out chunked), content-encoding dropped (httplib decoded it),
// and content-type left to the caller, which hands it to httplib's content API.
httplib::Headers client_response_headers(const httplib::Headers& upstream);

bool iequals(std::string_view a, std::string_view b);

}  // namespace gwlint::record
