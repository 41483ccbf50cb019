#pragma once
// Where `gwlint record` listens and where it forwards, parsed once at startup so a bad URL, address
// or CA file is an exit-2 message before anything binds or connects.
#include <stdexcept>
#include <string>
#include <string_view>

namespace gwlint::record {

// A problem with what the user gave on the command line; the CLI prints it and exits 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct UpstreamTarget {
  bool tls = true;   // https://; plain http:// is for tests and local gateways
  std::string host;  // IPv6 without brackets
  int port = 443;
  std::string base_path;  // "/sub" from https://x.openai.azure.com/sub; empty, never a trailing slash
  std::string url;        // as given, for messages and the recording's `source`

  // The Host header value: the port only when it is not the scheme's default.
  std::string authority() const;
};

struct ListenAddress {
  std::string host = "127.0.0.1";
  int port = 0;  // 0: any free port
};

// https://HOST[:PORT][/BASE]; no credentials, query or fragment. Throws UsageError.
UpstreamTarget parse_upstream_url(std::string_view text);
// HOST:PORT or [IPv6]:PORT. Throws UsageError.
ListenAddress parse_listen_address(std::string_view text);
bool is_loopback_host(std::string_view host);
// "http://127.0.0.1:PORT": what the recorder prints, with brackets for IPv6 and loopback for any.
std::string listen_url(const std::string& host, int port);

// The file must be readable and hold at least one PEM certificate whose base64 decodes to DER.
// httplib only loads it at the first TLS connection, where a bad file would turn every request into
// a 502; checked here it is an exit-2 message instead. Throws UsageError.
void check_ca_file(const std::string& path);

}  // namespace gwlint::record
