#include "record/forwarded_headers.hpp"

#include <strings.h>

#include <array>

namespace gwlint::record {

namespace {

bool named_in_connection(std::string_view name, const httplib::Headers& message) {
  auto [begin, end] = message.equal_range("Connection");
  for (auto it = begin; it != end; ++it) {
    std::string_view tokens = it->second;
    while (!tokens.empty()) {
      size_t comma = tokens.find(',');
      std::string_view token = tokens.substr(0, comma);
      while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
      while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
      if (iequals(token, name)) return true;
      if (comma == std::string_view::npos) break;
      tokens.remove_prefix(comma + 1);
    }
  }
  return false;
}

bool is_framing(std::string_view name) {
  return iequals(name, "content-length") || iequals(name, "content-encoding");
}

}  // namespace

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

bool is_hop_by_hop(std::string_view name, const httplib::Headers& message) {
  static constexpr std::array<std::string_view, 6> kNames = {"connection", "keep-alive", "transfer-encoding",
                                                             "te",         "trailer",    "upgrade"};
  for (std::string_view hop : kNames) {
    if (iequals(name, hop)) return true;
  }
  if (name.size() >= 6 && strncasecmp(name.data(), "proxy-", 6) == 0) return true;
  return named_in_connection(name, message);
}

bool is_httplib_request_header(std::string_view name) {
  return iequals(name, "REMOTE_ADDR") || iequals(name, "REMOTE_PORT") || iequals(name, "LOCAL_ADDR") ||
         iequals(name, "LOCAL_PORT");
}

httplib::Headers upstream_request_headers(const httplib::Headers& client, const UpstreamTarget& upstream) {
  httplib::Headers out;
  for (const auto& [name, value] : client) {
    if (is_hop_by_hop(name, client) || is_httplib_request_header(name) || iequals(name, "host") ||
        iequals(name, "content-length") || iequals(name, "accept-encoding") ||
        iequals(name, "expect")) {  // httplib sends the body with the head; 100-continue is not spoken
      continue;
    }
    out.emplace(name, value);
  }
  out.emplace("Host", upstream.authority());
  out.emplace("Accept-Encoding", "identity");
  return out;
}

httplib::Headers client_response_headers(const httplib::Headers& upstream) {
  httplib::Headers out;
  for (const auto& [name, value] : upstream) {
    if (is_hop_by_hop(name, upstream) || is_framing(name) || iequals(name, "content-type")) continue;
    out.emplace(name, value);
  }
  return out;
}

}  // namespace gwlint::record
