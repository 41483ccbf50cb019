#include "client/url_parts.hpp"

#include <cctype>
#include <utility>
#include <vector>

namespace gwlint::client {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

const char kHex[] = "0123456789ABCDEF";

void percent_encode_byte(std::string& out, unsigned char c) {
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 15];
}

// The WHATWG "path percent-encode set": C0 controls, space, `"#<>?\`{}` and non-ASCII. `#` and `?`
// never reach here (they end the path), `%` stays as written, like the URL parser does.
bool in_path_encode_set(unsigned char c) {
  return c < 0x20 || c == 0x7f || c > 0x7e || c == ' ' || c == '"' || c == '<' || c == '>' || c == '`' || c == '{' ||
         c == '}';
}

bool is_dot(std::string_view segment) {
  return segment == "." || segment == "%2e" || segment == "%2E";
}

bool is_double_dot(std::string_view segment) {
  if (segment.size() < 2 || segment.size() > 6) return false;
  std::string l = lower(segment);
  return l == ".." || l == ".%2e" || l == "%2e." || l == "%2e%2e";
}

// Splits on '/' keeping empty segments (the URL parser keeps `//`), resolves `.` and `..`.
std::string normalise_path(std::string_view raw) {
  std::vector<std::string> segments;
  size_t start = 1;  // raw starts with '/'
  while (true) {
    size_t slash = raw.find('/', start);
    std::string_view segment =
        raw.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    bool last = slash == std::string_view::npos;
    if (is_double_dot(segment)) {
      if (!segments.empty()) segments.pop_back();
      if (last) segments.emplace_back();  // "/a/.." is "/"
    } else if (is_dot(segment)) {
      if (last) segments.emplace_back();
    } else {
      std::string encoded;
      for (char ch : segment) {
        auto c = static_cast<unsigned char>(ch);
        if (in_path_encode_set(c)) {
          percent_encode_byte(encoded, c);
        } else {
          encoded += ch;
        }
      }
      segments.push_back(std::move(encoded));
    }
    if (last) break;
    start = slash + 1;
  }
  std::string out;
  for (const auto& segment : segments) out += "/" + segment;
  return out.empty() ? "/" : out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string form_decode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// application/x-www-form-urlencoded byte serialiser: alnum and `*-._` stay, space is '+'.
std::string form_encode(std::string_view text) {
  std::string out;
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '*' || c == '-' || c == '.' || c == '_') {
      out += ch;
    } else if (c == ' ') {
      out += '+';
    } else {
      percent_encode_byte(out, c);
    }
  }
  return out;
}

}  // namespace

std::optional<UrlParts> parse_url(std::string_view url) {
  // The URL parser strips leading/trailing C0 controls and spaces, and removes tabs and newlines.
  while (!url.empty() && static_cast<unsigned char>(url.front()) <= 0x20) url.remove_prefix(1);
  while (!url.empty() && static_cast<unsigned char>(url.back()) <= 0x20) url.remove_suffix(1);
  std::string text;
  for (char c : url) {
    if (c != '\t' && c != '\n' && c != '\r') text += c;
  }
  size_t colon = text.find(':');
  if (colon == std::string::npos) return std::nullopt;
  UrlParts parts;
  parts.scheme = lower(std::string_view(text).substr(0, colon));
  if (parts.scheme != "http" && parts.scheme != "https") return std::nullopt;
  // Special schemes treat '\' as '/', and any number of slashes before the host.
  for (char& c : text) {
    if (c == '\\') c = '/';
  }
  size_t pos = colon + 1;
  while (pos < text.size() && text[pos] == '/') ++pos;
  size_t end_authority = text.find_first_of("/?#", pos);
  if (end_authority == std::string::npos) end_authority = text.size();
  std::string authority = text.substr(pos, end_authority - pos);
  if (size_t at = authority.rfind('@'); at != std::string::npos) authority = authority.substr(at + 1);
  std::string host = authority;
  std::string port;
  if (!authority.empty() && authority.front() == '[') {
    size_t close = authority.find(']');
    if (close == std::string::npos) return std::nullopt;
    host = authority.substr(0, close + 1);
    if (close + 1 < authority.size()) {
      if (authority[close + 1] != ':') return std::nullopt;
      port = authority.substr(close + 2);
    }
  } else if (size_t port_colon = authority.rfind(':'); port_colon != std::string::npos) {
    host = authority.substr(0, port_colon);
    port = authority.substr(port_colon + 1);
  }
  if (host.empty()) return std::nullopt;
  for (char c : port) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  }
  while (port.size() > 1 && port.front() == '0') port.erase(0, 1);
  if (port.size() > 5 || (!port.empty() && std::stoi(port) > 65535)) return std::nullopt;
  if ((parts.scheme == "https" && port == "443") || (parts.scheme == "http" && port == "80")) port.clear();
  parts.authority = lower(host) + (port.empty() ? "" : ":" + port);

  std::string rest = text.substr(end_authority);
  if (size_t hash = rest.find('#'); hash != std::string::npos) rest.erase(hash);
  std::string raw_path = rest;
  if (size_t question = rest.find('?'); question != std::string::npos) {
    raw_path = rest.substr(0, question);
    parts.has_query = true;
    parts.query = rest.substr(question + 1);
  }
  if (raw_path.empty()) raw_path = "/";
  parts.path = normalise_path(raw_path);
  return parts;
}

void set_search_param(UrlParts& parts, std::string_view name, std::string_view value) {
  std::vector<std::pair<std::string, std::string>> pairs;
  if (parts.has_query) {
    std::string_view query = parts.query;
    size_t start = 0;
    while (start <= query.size()) {
      size_t amp = query.find('&', start);
      std::string_view item = query.substr(start, amp == std::string_view::npos ? std::string_view::npos : amp - start);
      if (!item.empty()) {
        size_t eq = item.find('=');
        if (eq == std::string_view::npos) {
          pairs.emplace_back(form_decode(item), "");
        } else {
          pairs.emplace_back(form_decode(item.substr(0, eq)), form_decode(item.substr(eq + 1)));
        }
      }
      if (amp == std::string_view::npos) break;
      start = amp + 1;
    }
  }
  bool found = false;
  std::vector<std::pair<std::string, std::string>> kept;
  for (auto& pair : pairs) {
    if (pair.first == name) {
      if (found) continue;
      found = true;
      pair.second = std::string(value);
    }
    kept.push_back(std::move(pair));
  }
  if (!found) kept.emplace_back(std::string(name), std::string(value));
  std::string query;
  for (const auto& [key, val] : kept) {
    if (!query.empty()) query += '&';
    query += form_encode(key) + "=" + form_encode(val);
  }
  parts.query = std::move(query);
  parts.has_query = true;
}

}  // namespace gwlint::client
