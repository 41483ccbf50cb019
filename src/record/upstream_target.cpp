#include "record/upstream_target.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "recording/base64.hpp"

namespace gwlint::record {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Digits only, 0..65535 (`allow_zero` for a listen port).
int parse_port(std::string_view text, bool allow_zero, std::string_view what) {
  bool digits = !text.empty() && text.size() <= 5 &&
                std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
  int port = digits ? std::stoi(std::string(text)) : -1;
  if (port < (allow_zero ? 0 : 1) || port > 65535) {
    throw UsageError(fmt::format("{}: '{}' is not a port number ({}..65535)", what, text, allow_zero ? 0 : 1));
  }
  return port;
}

// "host", "host:port", "[v6]", "[v6]:port" -> host (no brackets) and port text (maybe empty).
std::pair<std::string, std::string> split_host_port(std::string_view authority, std::string_view what) {
  if (!authority.empty() && authority.front() == '[') {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) throw UsageError(fmt::format("{}: unclosed '[' in '{}'", what, authority));
    std::string_view rest = authority.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') throw UsageError(fmt::format("{}: unexpected '{}'", what, rest));
    return {std::string(authority.substr(1, close - 1)), std::string(rest.empty() ? rest : rest.substr(1))};
  }
  size_t colon = authority.find(':');
  if (colon == std::string_view::npos) return {std::string(authority), ""};
  if (authority.find(':', colon + 1) != std::string_view::npos) {
    throw UsageError(fmt::format("{}: write an IPv6 address in brackets, like [::1]:8443", what));
  }
  return {std::string(authority.substr(0, colon)), std::string(authority.substr(colon + 1))};
}

}  // namespace

std::string UpstreamTarget::authority() const {
  std::string name = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  bool default_port = port == (tls ? 443 : 80);
  return default_port ? name : fmt::format("{}:{}", name, port);
}

UpstreamTarget parse_upstream_url(std::string_view text) {
  const std::string what = "--upstream";
  UpstreamTarget target;
  target.url = std::string(text);
  size_t scheme_end = text.find("://");
  std::string scheme = scheme_end == std::string_view::npos ? "" : lower(text.substr(0, scheme_end));
  if (scheme == "https") {
    target.tls = true;
  } else if (scheme == "http") {
    target.tls = false;
  } else {
    throw UsageError(fmt::format("{}: '{}' is not an http(s) URL (like https://NAME.openai.azure.com)", what, text));
  }
  std::string_view rest = text.substr(scheme_end + 3);
  if (rest.find_first_of("?#") != std::string_view::npos) {
    throw UsageError(fmt::format("{}: '{}' has a query or fragment; give the endpoint only", what, text));
  }
  size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  if (authority.find('@') != std::string_view::npos) {
    // Credentials in the URL would end up in the recording's `source` and in messages.
    throw UsageError(fmt::format("{}: credentials in the URL are not supported; the client sends the key", what));
  }
  auto [host, port] = split_host_port(authority, what);
  if (host.empty()) throw UsageError(fmt::format("{}: '{}' has no host", what, text));
  target.host = host;
  target.port = port.empty() ? (target.tls ? 443 : 80) : parse_port(port, false, what);
  std::string path = slash == std::string_view::npos ? "" : std::string(rest.substr(slash));
  while (!path.empty() && path.back() == '/') path.pop_back();
  target.base_path = path;
  return target;
}

ListenAddress parse_listen_address(std::string_view text) {
  const std::string what = "--listen";
  auto [host, port] = split_host_port(text, what);
  if (host.empty() || port.empty()) {
    throw UsageError(fmt::format("{}: '{}' is not HOST:PORT (like 127.0.0.1:0)", what, text));
  }
  return {host, parse_port(port, true, what)};
}

bool is_loopback_host(std::string_view host) {
  std::string name = lower(host);
  return name == "localhost" || name == "::1" || name.rfind("127.", 0) == 0;
}

std::string listen_url(const std::string& host, int port) {
  std::string name = host;
  if (name.empty() || name == "0.0.0.0") name = "127.0.0.1";
  if (name == "::") name = "::1";
  if (name.find(':') != std::string::npos) name = "[" + name + "]";
  return fmt::format("http://{}:{}", name, port);
}

void check_ca_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError(fmt::format("--ca-file: cannot read '{}'", path));
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  const std::string begin = "-----BEGIN CERTIFICATE-----";
  const std::string end = "-----END CERTIFICATE-----";
  size_t certificates = 0;
  for (size_t at = text.find(begin); at != std::string::npos; at = text.find(begin, at + 1)) {
    size_t body = at + begin.size();
    size_t stop = text.find(end, body);
    if (stop == std::string::npos) break;
    auto der = recording::base64_decode(std::string_view(text).substr(body, stop - body));
    if (!der || der->empty() || static_cast<unsigned char>(der->front()) != 0x30) {
      throw UsageError(fmt::format("--ca-file: '{}' holds a certificate block that is not valid PEM", path));
    }
    ++certificates;
  }
  if (certificates == 0) {
    throw UsageError(fmt::format("--ca-file: '{}' holds no PEM certificate (-----BEGIN CERTIFICATE-----)", path));
  }
}

}  // namespace gwlint::record
