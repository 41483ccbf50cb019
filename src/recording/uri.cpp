#include "recording/uri.hpp"

namespace gwlint::recording {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += c;  // a stray '%' is kept as written
    }
  }
  return out;
}

QueryPairs parse_query(std::string_view query) {
  QueryPairs pairs;
  size_t start = 0;
  while (start <= query.size()) {
    size_t amp = query.find('&', start);
    std::string_view part = query.substr(start, amp == std::string_view::npos ? std::string_view::npos : amp - start);
    if (!part.empty()) {
      size_t eq = part.find('=');
      if (eq == std::string_view::npos) {
        pairs.emplace_back(percent_decode(part), std::string());
      } else {
        pairs.emplace_back(percent_decode(part.substr(0, eq)), percent_decode(part.substr(eq + 1)));
      }
    }
    if (amp == std::string_view::npos) break;
    start = amp + 1;
  }
  return pairs;
}

RequestTarget split_target(std::string_view uri) {
  RequestTarget target;
  if (size_t hash = uri.find('#'); hash != std::string_view::npos) uri = uri.substr(0, hash);
  std::string_view rest = uri;
  if (size_t scheme = uri.find("://");
      scheme != std::string_view::npos && uri.substr(0, scheme).find('/') == std::string_view::npos) {
    std::string_view after = uri.substr(scheme + 3);
    size_t end = after.find_first_of("/?");
    target.host = std::string(after.substr(0, end));
    rest = end == std::string_view::npos ? std::string_view() : after.substr(end);
  }
  size_t question = rest.find('?');
  target.path = std::string(rest.substr(0, question));
  if (target.path.empty()) target.path = "/";
  if (question != std::string_view::npos) target.query = parse_query(rest.substr(question + 1));
  return target;
}

}  // namespace gwlint::recording
