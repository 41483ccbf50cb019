#include <dirent.h>
#include <httplib.h>

#include <catch2/catch.hpp>

#include "mock/mock_server.hpp"
#include "mock_test_support.hpp"

using namespace gwlint;
using namespace gwlint::mock;
using namespace gwlint::mock::test;
using Clock = std::chrono::steady_clock;

namespace {

int count_entries(const char* directory) {
  int count = 0;
  DIR* dir = ::opendir(directory);
  if (!dir) return -1;
  while (dirent* entry = ::readdir(dir)) {
    if (entry->d_name[0] != '.') ++count;
  }
  ::closedir(dir);
  return count - (std::string(directory) == "/proc/self/fd" ? 1 : 0);  // the DIR's own fd
}

}  // namespace

TEST_CASE("start/stop leaves no thread and no fd behind, even with stalled and idle clients", "[mock][lifecycle]") {
  int fds_before = count_entries("/proc/self/fd");
  int threads_before = count_entries("/proc/self/task");
  for (int round = 0; round < 3; ++round) {
    Fault stall;
    stall.exchange = "slow";
    stall.kind = FaultKind::Stall;
    auto slow = chat_exchange("slow", "{}", 0, "stall me");
    auto fast = chat_exchange("fast", "{}", 0, "hello");
    recording::SseEvent event{"x", "", "", 60000};  // a minute-long recorded gap
    auto stream = chat_exchange("stream", "", 0, "stream");
    stream.response.is_stream = true;
    stream.response.events = {event};
    MockOptions options;
    options.time_scale = 1.0;
    MockServer server(make_recording({slow, fast, stream}), {}, {stall}, options);
    server.start();
    {
      std::vector<std::unique_ptr<RawClient>> clients;
      for (int i = 0; i < 5; ++i) {
        clients.push_back(std::make_unique<RawClient>(server.port()));
        clients.back()->send(chat_http_request("stall me"));
      }
      for (int i = 0; i < 3; ++i) {
        clients.push_back(std::make_unique<RawClient>(server.port()));
        clients.back()->send(chat_http_request("stream"));
      }
      clients.push_back(std::make_unique<RawClient>(server.port()));  // connected, silent
      httplib::Client keep_alive("127.0.0.1", server.port());
      keep_alive.set_keep_alive(true);
      REQUIRE(post_chat(keep_alive)->status == 200);
      std::this_thread::sleep_for(std::chrono::milliseconds(150));
      auto start = Clock::now();
      server.stop();
      CHECK(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count() < 500);
      server.stop();  // idempotent
    }
  }
  CHECK(count_entries("/proc/self/fd") == fds_before);
  CHECK(count_entries("/proc/self/task") == threads_before);
}

TEST_CASE("A stopped server can start again", "[mock][lifecycle]") {
  MockServer server(make_recording({chat_exchange("chat-ok", "{}", 0)}), {}, {}, {});
  server.start();
  server.stop();
  server.start();
  httplib::Client client("127.0.0.1", server.port());
  auto result = post_chat(client);
  REQUIRE(result);
  CHECK(result->status == 200);
}
