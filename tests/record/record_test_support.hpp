#pragma once
// An in-process TLS upstream standing in for Azure OpenAI: a self-signed certificate for
// 127.0.0.1 made with the openssl CLI, served by httplib::SSLServer. It checks the api-key,
// answers JSON or (for "stream": true) four SSE events 50 ms apart, and notes what it received
// and when it sent the last event.
#include <dirent.h>
#include <httplib.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace gwlint::record::test {

using Clock = std::chrono::steady_clock;

inline const std::string kKey = "c0ffee11c0ffee22c0ffee33c0ffee44";
inline const std::string kJsonBody =
    R"({"id":"chatcmpl-9","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"pong"},"finish_reason":"stop"}]})";
inline const std::vector<std::string> kEvents = {R"({"choices":[],"prompt_filter_results":[]})",
                                                 R"({"choices":[{"index":0,"delta":{"content":"po"}}]})",
                                                 R"({"choices":[{"index":0,"delta":{"content":"ng"}}]})", "[DONE]"};
constexpr std::chrono::milliseconds kEventGap{50};

inline std::string stream_bytes() {
  std::string out;
  for (const auto& event : kEvents) out += "data: " + event + "\n\n";
  return out;
}

inline int count_entries(const char* directory) {
  int count = 0;
  if (DIR* dir = ::opendir(directory)) {
    while (dirent* entry = ::readdir(dir)) {
      if (entry->d_name[0] != '.') ++count;
    }
    ::closedir(dir);
  }
  return count - (std::string(directory) == "/proc/self/fd" ? 1 : 0);  // the DIR's own fd
}

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "gwlint-record-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// One certificate per test binary run: openssl takes a moment, the tests need only one.
struct Certificate {
  TempDir dir;
  std::string cert = dir.file("cert.pem");
  std::string key = dir.file("key.pem");
  Certificate() {
    std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 "
        "-addext subjectAltName=IP:127.0.0.1 -keyout '" +
        key + "' -out '" + cert + "' >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("openssl could not make a certificate");
  }
};

inline const Certificate& certificate() {
  static Certificate instance;
  return instance;
}

struct ReceivedRequest {
  std::string target;
  std::string host;
  std::string accept_encoding;
  std::string body;
};

class TlsUpstream {
 public:
  TlsUpstream() : server_(certificate().cert.c_str(), certificate().key.c_str()) {
    if (!server_.is_valid()) throw std::runtime_error("SSLServer could not load the certificate");
    server_.set_tcp_nodelay(true);  // each event leaves when written, as Azure's do
    server_.Post(".*", [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~TlsUpstream() {
    release_stall = true;
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }
  std::string url() const { return "https://127.0.0.1:" + std::to_string(port_); }

  std::vector<ReceivedRequest> received() {
    std::lock_guard<std::mutex> lock(mutex_);
    return received_;
  }

  std::atomic<long long> last_event_sent_ns{0};  // steady clock, when the final event was written
  std::atomic<bool> stall_after_first{false};    // send one event, then nothing until released
  std::atomic<bool> release_stall{false};
  std::atomic<bool> break_after_second{false};  // close the stream mid-way, without its terminator

 private:
  void handle(const httplib::Request& req, httplib::Response& res) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      received_.push_back(
          {req.target, req.get_header_value("Host"), req.get_header_value("Accept-Encoding"), req.body});
    }
    if (req.get_header_value("api-key") != kKey) {
      res.status = 401;
      res.set_content(R"({"error":{"code":"401","message":"Access denied due to invalid subscription key."}})",
                      "application/json");
      return;
    }
    auto body = nlohmann::json::parse(req.body, nullptr, false);
    if (!body.is_object() || !body.value("stream", false)) {
      res.set_header("apim-request-id", "req-json");
      res.set_content(kJsonBody, "application/json");
      return;
    }
    res.set_header("apim-request-id", "req-stream");
    res.set_chunked_content_provider("text/event-stream; charset=utf-8", [this](size_t, httplib::DataSink& sink) {
      for (size_t i = 0; i < kEvents.size(); ++i) {
        if (i > 0) std::this_thread::sleep_for(kEventGap);
        if (i == 1 && stall_after_first) {
          while (!release_stall && sink.is_writable()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
          return false;
        }
        if (i == 2 && break_after_second) return false;
        std::string frame = "data: " + kEvents[i] + "\n\n";
        if (!sink.write(frame.data(), frame.size())) return false;
        if (i + 1 == kEvents.size()) last_event_sent_ns = Clock::now().time_since_epoch().count();
      }
      sink.done();
      return true;
    });
  }

  httplib::SSLServer server_;
  int port_ = -1;
  std::thread thread_;
  std::mutex mutex_;
  std::vector<ReceivedRequest> received_;
};

// What a client got back, with the time the first body bytes arrived.
struct ClientResult {
  int status = 0;
  std::string body;
  std::string content_type;
  long long first_bytes_ns = 0;
  httplib::Error error = httplib::Error::Success;
};

inline ClientResult post_chat(int port, bool stream, const std::string& extra = "") {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(std::chrono::seconds(10));
  httplib::Request req;
  req.method = "POST";
  req.path = "/openai/v1/chat/completions?api-version=preview";
  req.headers = {{"api-key", kKey}, {"Content-Type", "application/json"}};
  req.body = std::string(R"({"model":"chat-prod","messages":[{"role":"user","content":"ping"}],"stream":)") +
             (stream ? "true" : "false") + extra + "}";
  ClientResult result;
  req.content_receiver = [&result](const char* data, size_t length, uint64_t, uint64_t) {
    if (result.body.empty()) result.first_bytes_ns = Clock::now().time_since_epoch().count();
    result.body.append(data, length);
    return true;
  };
  httplib::Response res;
  if (client.send(req, res, result.error)) {
    result.status = res.status;
    result.content_type = res.get_header_value("Content-Type");
  }
  return result;
}

}  // namespace gwlint::record::test
