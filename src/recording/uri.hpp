#pragma once
// Request targets: recorded URIs (`https://host/path?query`) and paths that carry a query are
// split into the path (percent-encoding kept, as the server sees it) and decoded query pairs.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gwlint::recording {

using QueryPairs = std::vector<std::pair<std::string, std::string>>;

struct RequestTarget {
  std::string host;  // empty for an origin-form target ("/path?q")
  std::string path;  // "/" when the URI has none
  QueryPairs query;
};

// "%2F" -> "/", and "+" -> " " (form encoding, as servers decode query strings).
std::string percent_decode(std::string_view text);
QueryPairs parse_query(std::string_view query);
// Accepts an absolute URI ("https://host:port/path?q#f") or an origin-form target ("/path?q").
RequestTarget split_target(std::string_view uri);

}  // namespace gwlint::recording
