#pragma once
// Just enough of the WHATWG URL parser (what `new URL()` in the AI SDK does to the strings it
// joins) to build the exact request the gateway would send: scheme and host lower-cased, the
// default port dropped, dot segments resolved, empty segments (`//`) kept, the fragment dropped,
// and `api-version` set the way URLSearchParams.set serialises it.
#include <optional>
#include <string>
#include <string_view>

namespace gwlint::client {

struct UrlParts {
  std::string scheme;     // "http" or "https", lower case
  std::string authority;  // host[:port] as sent in Host: lower-cased host, default port dropped
  std::string path;       // starts with '/', percent-encoded as the URL parser does
  std::string query;      // without '?', empty when there is none
  bool has_query = false;

  std::string path_and_query() const { return has_query ? path + "?" + query : path; }
  std::string href() const { return scheme + "://" + authority + path_and_query(); }
};

// nullopt when `url` is not an absolute http(s) URL with a host (where `new URL()` throws or the
// client could not connect anyway).
std::optional<UrlParts> parse_url(std::string_view url);

// URLSearchParams.set(name, value) on `parts`: the first pair called `name` takes the value, the
// others go, or it is appended; the whole query is re-serialised as
// application/x-www-form-urlencoded.
void set_search_param(UrlParts& parts, std::string_view name, std::string_view value);

}  // namespace gwlint::client
