#pragma once
// Shared by the mock tests: exchanges built in code, and a raw TCP client that shows what went over
// the wire (resets, EOFs, missing chunk terminators) where an HTTP client would hide it.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "recording/recording.hpp"

namespace gwlint::mock::test {

inline recording::Body json_body(const nlohmann::json& value) {
  recording::Body body;
  body.kind = recording::BodyKind::Json;
  body.bytes = value.dump();
  body.json = value;
  return body;
}

inline recording::Body text_body(const std::string& text) {
  recording::Body body;
  body.kind = text.empty() ? recording::BodyKind::None : recording::BodyKind::Text;
  body.bytes = text;
  return body;
}

inline nlohmann::json chat_request_json(const std::string& content = "hello") {
  return {{"model", "chat-prod"}, {"messages", {{{"role", "user"}, {"content", content}}}}};
}

// POST /openai/v1/chat/completions?api-version=preview with a JSON chat body, answered 200.
inline recording::Exchange chat_exchange(const std::string& id, const std::string& response_body = "{\"ok\":true}",
                                         int times = 1, const std::string& content = "hello") {
  recording::Exchange exchange;
  exchange.id = id;
  exchange.location = "rec.yaml:" + std::to_string(3 + id.size()) + ":5";
  exchange.times = times;
  exchange.request.method = "POST";
  exchange.request.path = "/openai/v1/chat/completions";
  exchange.request.query = {{"api-version", "preview"}};
  exchange.request.headers = {{"api-key", "<redacted>"}, {"content-type", "application/json"}};
  exchange.request.body = json_body(chat_request_json(content));
  exchange.response.status = 200;
  exchange.response.headers = {{"content-type", "application/json"}, {"apim-request-id", "rec-" + id}};
  exchange.response.body = text_body(response_body);
  return exchange;
}

inline recording::Recording make_recording(std::vector<recording::Exchange> exchanges) {
  recording::Recording out;
  out.source = "tests";
  out.exchanges = std::move(exchanges);
  return out;
}

inline std::string chat_http_request(const std::string& content = "hello", const std::string& extra_headers = "") {
  std::string body = chat_request_json(content).dump();
  return "POST /openai/v1/chat/completions?api-version=preview HTTP/1.1\r\nHost: 127.0.0.1\r\n"
         "api-key: secret-key-123\r\nContent-Type: application/json\r\nConnection: close\r\n" +
         extra_headers + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

inline httplib::Result post_chat(httplib::Client& client, const std::string& content = "hello") {
  return client.Post("/openai/v1/chat/completions?api-version=preview", {{"api-key", "client-secret-999"}},
                     chat_request_json(content).dump(), "application/json");
}

struct ReadResult {
  std::string bytes;
  bool eof = false;        // orderly close (FIN) seen
  int error = 0;           // errno of a failed read (ECONNRESET for an RST)
  bool timed_out = false;  // nothing more within the timeout, connection still open
};

class RawClient {
 public:
  explicit RawClient(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd_ < 0 || ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
      throw std::runtime_error("cannot connect to the mock");
    }
  }
  ~RawClient() { close(); }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  void send(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
      ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) throw std::runtime_error("send failed");
      sent += static_cast<std::size_t>(n);
    }
  }

  // Reads until EOF, an error, or `timeout` without new bytes.
  ReadResult read_all(std::chrono::milliseconds timeout) {
    ReadResult result;
    char buffer[4096];
    while (true) {
      pollfd entry{fd_, POLLIN, 0};
      int rc = ::poll(&entry, 1, static_cast<int>(timeout.count()));
      if (rc == 0) {
        result.timed_out = true;
        return result;
      }
      ssize_t n = ::recv(fd_, buffer, sizeof(buffer), 0);
      if (n == 0) {
        result.eof = true;
        return result;
      }
      if (n < 0) {
        if (errno == EINTR) continue;
        result.error = errno;
        return result;
      }
      result.bytes.append(buffer, static_cast<std::size_t>(n));
    }
  }

  void close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

// Splits a raw HTTP/1.1 response into its head and body (as sent: still chunked, if it was).
inline std::pair<std::string, std::string> split_response(const std::string& raw) {
  auto end = raw.find("\r\n\r\n");
  if (end == std::string::npos) return {raw, ""};
  return {raw.substr(0, end + 2), raw.substr(end + 4)};
}

}  // namespace gwlint::mock::test
