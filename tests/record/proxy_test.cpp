// The recording proxy end to end in one process: client -> ProxyServer -> TLS upstream, then the
// written recording replayed by the mock to the same bytes.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "mock/mock_server.hpp"
#include "record/proxy_server.hpp"
#include "record/recorder.hpp"
#include "record_test_support.hpp"
#include "recording/recording_io.hpp"
#include "recording/uri.hpp"

using namespace gwlint;
using namespace gwlint::record;
using namespace gwlint::record::test;

namespace {

ProxyOptions options_for(const TlsUpstream& upstream, bool trust_certificate, const std::string& base = "",
                         std::vector<std::string> redact = {}) {
  ProxyOptions options;
  options.upstream = parse_upstream_url(upstream.url() + base);
  if (trust_certificate) options.ca_file = certificate().cert;
  options.redaction = JsonRedaction(redact);
  return options;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("JSON and SSE calls are relayed, streamed unbuffered, recorded redacted, and replay identically",
          "[record][proxy]") {
  TlsUpstream upstream;
  Recorder recorder("test", std::nullopt);
  ProxyServer proxy(options_for(upstream, true, "/sub", {"/user"}), recorder);
  proxy.start();
  REQUIRE(proxy.port() > 0);
  CHECK(proxy.url() == "http://127.0.0.1:" + std::to_string(proxy.port()));

  ClientResult json = post_chat(proxy.port(), false, R"(,"user":"alice-7f3e")");
  CHECK(json.status == 200);
  CHECK(json.body == kJsonBody);
  CHECK(json.content_type == "application/json");

  ClientResult stream = post_chat(proxy.port(), true);
  CHECK(stream.status == 200);
  CHECK(stream.body == stream_bytes());
  CHECK(stream.content_type == "text/event-stream; charset=utf-8");
  // No buffering: the first event reached the client before the upstream had sent the last one
  // (the upstream spends 150 ms between its first and last event).
  REQUIRE(upstream.last_event_sent_ns > 0);
  CHECK(stream.first_bytes_ns < upstream.last_event_sent_ns.load());

  // What the upstream saw: the base path prepended, its own Host, identity encoding, the key.
  auto received = upstream.received();
  REQUIRE(received.size() == 2);
  CHECK(received[0].target == "/sub/openai/v1/chat/completions?api-version=preview");
  CHECK(received[0].host == "127.0.0.1:" + std::to_string(upstream.port()));
  CHECK(received[0].accept_encoding == "identity");
  CHECK(received[0].body.find("alice-7f3e") != std::string::npos);  // redaction is for the file only

  proxy.stop();
  recording::Recording recorded = recorder.recording();
  REQUIRE(recorded.exchanges.size() == 2);
  const auto& chat = recorded.exchanges[0];
  CHECK(chat.id == "chat-completions");
  CHECK(chat.request.path == "/openai/v1/chat/completions");
  CHECK(chat.request.query == recording::QueryPairs{{"api-version", "preview"}});
  CHECK(chat.times == 1);
  CHECK(chat.response.body.bytes == kJsonBody);
  CHECK(chat.request.body.bytes.find("\"user\":\"<redacted>\"") != std::string::npos);
  const auto& streamed = recorded.exchanges[1];
  CHECK(streamed.id == "chat-completions-stream");
  REQUIRE(streamed.response.is_stream);
  REQUIRE(streamed.response.events.size() == kEvents.size());
  // The upstream spaces its events 50 ms apart. One late event shortens the next gap, so under
  // load single gaps jitter; their sum and their being clearly non-zero are what must hold.
  int gaps = 0;
  for (size_t i = 0; i < kEvents.size(); ++i) {
    CHECK(streamed.response.events[i].data == kEvents[i]);
    if (i > 0) {
      CHECK(streamed.response.events[i].after_ms >= 10);
      gaps += streamed.response.events[i].after_ms;
    }
  }
  CHECK(gaps >= 120);
  CHECK(gaps < 5000);

  TempDir dir;
  std::string path = dir.file("rec.yaml");
  recording::write_recording_file(path, recorded);
  std::string text = read_text(path);
  CHECK(text.find(kKey) == std::string::npos);
  CHECK(text.find(kKey.substr(0, 12)) == std::string::npos);
  CHECK(text.find("alice-7f3e") == std::string::npos);
  CHECK(text.find("<redacted>") != std::string::npos);

  // Replay: the mock serves the file; the same calls get the same bytes.
  auto loaded = recording::load_recording_file(path);
  REQUIRE(loaded.ok());
  mock::MatchRules rules;
  rules.ignore_json = {"/user"};  // redacted in the recording, real in the call
  mock::MockServer mock(std::move(*loaded.recording), rules, {}, {});
  mock.start();
  ClientResult replayed_json = post_chat(mock.port(), false, R"(,"user":"alice-7f3e")");
  ClientResult replayed_stream = post_chat(mock.port(), true);
  mock.stop();
  CHECK(replayed_json.status == 200);
  CHECK(replayed_json.body == json.body);
  CHECK(replayed_stream.status == 200);
  CHECK(replayed_stream.body == stream.body);
}

TEST_CASE("An upstream certificate the CA set does not vouch for is a 502, never bypassed", "[record][proxy][tls]") {
  TlsUpstream upstream;
  Recorder recorder("test", std::nullopt);
  std::vector<std::string> notes;
  std::mutex notes_mutex;
  ProxyOptions options = options_for(upstream, false);  // system CAs only: the self-signed cert fails
  options.note = [&](const std::string& line) {
    std::lock_guard<std::mutex> lock(notes_mutex);
    notes.push_back(line);
  };
  ProxyServer proxy(std::move(options), recorder);
  proxy.start();
  ClientResult result = post_chat(proxy.port(), false);
  proxy.stop();
  CHECK(result.status == 502);
  auto error = nlohmann::json::parse(result.body, nullptr, false);
  REQUIRE(error.is_object());
  CHECK(error["error"]["code"] == "gwlint_upstream_failed");
  INFO(result.body);
  CHECK(error["error"]["message"].get<std::string>().find("certificate verification failed") != std::string::npos);
  CHECK(upstream.received().empty());  // no request went over the unverified connection
  CHECK(recorder.size() == 0);
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].find("502, not recorded") != std::string::npos);
}

TEST_CASE("An unreachable upstream is a 502 with a JSON error, not recorded", "[record][proxy]") {
  // A port that was free a moment ago: bound, read back, closed, so nothing listens there.
  int port = 0;
  {
    int sock = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(sock, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0);
    socklen_t length = sizeof(address);
    ::getsockname(sock, reinterpret_cast<sockaddr*>(&address), &length);
    port = ntohs(address.sin_port);
    ::close(sock);
  }
  Recorder recorder("test", std::nullopt);
  ProxyOptions options;
  options.upstream = parse_upstream_url("http://127.0.0.1:" + std::to_string(port));
  ProxyServer proxy(std::move(options), recorder);
  proxy.start();
  ClientResult result = post_chat(proxy.port(), false);
  proxy.stop();
  CHECK(result.status == 502);
  CHECK(result.body.find("could not connect") != std::string::npos);
  CHECK(recorder.size() == 0);
}

TEST_CASE("A stream the upstream breaks off is recorded as received and cut for the client too", "[record][proxy]") {
  TlsUpstream upstream;
  upstream.break_after_second = true;
  Recorder recorder("test", std::nullopt);
  ProxyServer proxy(options_for(upstream, true), recorder);
  proxy.start();
  ClientResult result = post_chat(proxy.port(), true);
  proxy.stop();
  CHECK(result.error != httplib::Error::Success);  // the client sees the cut, not a clean end
  auto recorded = recorder.recording();
  REQUIRE(recorded.exchanges.size() == 1);
  const auto& events = recorded.exchanges[0].response.events;
  REQUIRE(events.size() == 2);
  CHECK(events[1].data == kEvents[1]);
}

TEST_CASE("A maximum of exchanges keeps the first N in completion order", "[record][proxy]") {
  TlsUpstream upstream;
  Recorder recorder("test", std::size_t{1});
  ProxyServer proxy(options_for(upstream, true), recorder);
  proxy.start();
  CHECK(post_chat(proxy.port(), false).status == 200);
  CHECK(recorder.limit_reached());
  CHECK(post_chat(proxy.port(), true).status == 200);  // still relayed, just not recorded
  proxy.stop();
  CHECK(recorder.size() == 1);
}

TEST_CASE("Concurrent calls are all relayed and recorded", "[record][proxy]") {
  TlsUpstream upstream;
  Recorder recorder("test", std::nullopt);
  ProxyServer proxy(options_for(upstream, true), recorder);
  proxy.start();
  std::vector<std::thread> clients;
  std::atomic<int> good{0};
  for (int i = 0; i < 8; ++i) {
    clients.emplace_back([&, i] {
      ClientResult result = post_chat(proxy.port(), i % 2 == 1);
      if (result.status == 200 && result.body == (i % 2 == 1 ? stream_bytes() : kJsonBody)) ++good;
    });
  }
  for (auto& client : clients) client.join();
  proxy.stop();
  CHECK(good == 8);
  auto recorded = recorder.recording();
  REQUIRE(recorded.exchanges.size() == 8);
  std::set<std::string> ids;
  for (const auto& exchange : recorded.exchanges) ids.insert(exchange.id);
  CHECK(ids.size() == 8);
  CHECK(ids.count("chat-completions-1") == 1);
  CHECK(ids.count("chat-completions-stream-4") == 1);
}

TEST_CASE("Stopping with a stalled stream in flight is prompt and leaves no thread or fd behind",
          "[record][proxy][lifecycle]") {
  TlsUpstream upstream;
  upstream.stall_after_first = true;
  auto round = [&upstream]() {
    Recorder recorder("test", std::nullopt);
    ProxyServer proxy(options_for(upstream, true), recorder);
    proxy.start();
    ClientResult plain = post_chat(proxy.port(), false);
    CHECK(plain.status == 200);
    std::thread stalled([&] { post_chat(proxy.port(), true); });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the first event is through, then silence
    auto before_stop = Clock::now();
    proxy.stop();
    CHECK(Clock::now() - before_stop < std::chrono::seconds(2));
    CHECK(proxy.cut_exchanges() == 1);
    stalled.join();
    CHECK(recorder.size() == 1);  // the cut stream is not recorded
  };
  round();  // warms up OpenSSL and httplib's one-time state
  // The upstream's connection threads notice the proxy is gone within a few polls.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  int fds_before = count_entries("/proc/self/fd");
  int threads_before = count_entries("/proc/self/task");
  round();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  CHECK(count_entries("/proc/self/fd") == fds_before);
  CHECK(count_entries("/proc/self/task") == threads_before);
}
