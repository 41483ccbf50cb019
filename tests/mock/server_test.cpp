#include <httplib.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <mutex>
#include <set>
#include <thread>

#include "mock/mock_server.hpp"
#include "mock_test_support.hpp"

using namespace gwlint;
using namespace gwlint::mock;
using namespace gwlint::mock::test;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kChatPath = "/openai/v1/chat/completions?api-version=preview";

recording::Exchange stream_exchange(const std::string& id, std::vector<recording::SseEvent> events) {
  auto exchange = chat_exchange(id);
  exchange.response.headers = {{"content-type", "text/event-stream; charset=utf-8"}, {"apim-request-id", "s"}};
  exchange.response.is_stream = true;
  exchange.response.events = std::move(events);
  return exchange;
}

}  // namespace

TEST_CASE("Bodies replay byte for byte, even to a client that accepts gzip", "[mock][server]") {
  const std::string body = "{\"id\":\"chatcmpl-1\",\n \"choices\":[]}\n\n  {tail with no newline}";
  auto exchange = chat_exchange("chat-ok", body);
  exchange.response.headers.push_back({"Content-Length", "1"});  // recorded framing is recomputed
  exchange.response.headers.push_back({"x-ratelimit-remaining-requests", "99"});
  MockServer server(make_recording({exchange}), {}, {}, {});
  server.start();
  REQUIRE(server.port() > 0);
  CHECK(server.url() == "http://127.0.0.1:" + std::to_string(server.port()));

  RawClient client(server.port());
  client.send(chat_http_request("hello", "Accept-Encoding: gzip, br\r\n"));
  auto read = client.read_all(std::chrono::seconds(5));
  auto [head, received] = split_response(read.bytes);
  CHECK(head.rfind("HTTP/1.1 200", 0) == 0);
  CHECK(received == body);
  CHECK(head.find("Content-Length: " + std::to_string(body.size()) + "\r\n") != std::string::npos);
  CHECK(head.find("Content-Encoding") == std::string::npos);
  CHECK(head.find("x-ratelimit-remaining-requests: 99") != std::string::npos);
  CHECK(head.find("apim-request-id: rec-chat-ok") != std::string::npos);

  auto journal = server.journal();
  REQUIRE(journal.size() == 1);
  CHECK(journal[0].exchange == "chat-ok");
  CHECK(journal[0].status == 200);
  // Sanitised before it is journaled: the client's key never appears.
  CHECK(journal[0].headers.size() >= 3);
  CHECK(server.journal_json().dump().find("secret-key-123") == std::string::npos);
  bool saw_accept_encoding = false;
  for (const auto& header : journal[0].headers) {
    CHECK(header.name != "REMOTE_ADDR");
    if (header.name == "Accept-Encoding") saw_accept_encoding = header.value == "gzip, br";
  }
  CHECK(saw_accept_encoding);
}

TEST_CASE("A miss gets 599 with the closest exchange and the differing pointer", "[mock][server]") {
  MockServer server(make_recording({chat_exchange("chat-ok")}), {}, {}, {});
  server.start();
  httplib::Client client("127.0.0.1", server.port());
  auto first = post_chat(client);
  REQUIRE(first);
  CHECK(first->status == 200);
  auto again = post_chat(client);
  REQUIRE(again);
  CHECK(again->status == 599);
  CHECK(json::parse(again->body)["gwlint"]["cause"] == "closest_used_up");

  auto near = post_chat(client, "hello!");
  REQUIRE(near);
  CHECK(near->status == 599);
  CHECK(near->get_header_value("Content-Type") == "application/json");
  auto body = json::parse(near->body);
  CHECK(body["error"]["code"] == "gwlint_no_match");
  CHECK(body["gwlint"]["closest"]["id"] == "chat-ok");
  CHECK(body["gwlint"]["differences"][0]["pointer"] == "/messages/0/content");
  CHECK(near->body.find("client-secret-999") == std::string::npos);

  auto journal = server.journal_json();
  REQUIRE(journal["requests"].size() == 3);
  CHECK(journal["requests"][2]["status"] == 599);
  CHECK(journal["requests"][2]["exchange"].is_null());
  CHECK(journal["requests"][2]["miss"]["differences"][0]["pointer"] == "/messages/0/content");
}

TEST_CASE("Paths are matched as sent: percent-encoding and double slashes kept", "[mock][server]") {
  auto encoded = chat_exchange("encoded", "{\"encoded\":1}");
  encoded.request.path = "/openai/deployments/gpt%2D4o/chat/completions";
  MockServer server(make_recording({chat_exchange("chat-ok"), encoded}), {}, {}, {});
  server.start();
  RawClient client(server.port());
  std::string request = chat_http_request();
  request.replace(request.find("/openai/v1"), 10, "//openai/v1");
  client.send(request);
  auto [head, body] = split_response(client.read_all(std::chrono::seconds(5)).bytes);
  CHECK(head.rfind("HTTP/1.1 599", 0) == 0);
  auto report = json::parse(body)["gwlint"];
  CHECK(report["closest"]["id"] == "chat-ok");
  CHECK(report["differences"][0]["field"] == "path");
  CHECK(report["differences"][0]["actual"] == "//openai/v1/chat/completions");

  RawClient second(server.port());
  request = chat_http_request();
  request.replace(request.find("/openai/v1/chat"), 15, "/openai/deployments/gpt%2D4o/chat");
  second.send(request);
  auto [head2, body2] = split_response(second.read_all(std::chrono::seconds(5)).bytes);
  CHECK(head2.rfind("HTTP/1.1 200", 0) == 0);
  CHECK(body2 == "{\"encoded\":1}");
}

TEST_CASE("Journal and reset endpoints", "[mock][server]") {
  MockServer server(make_recording({chat_exchange("chat-ok")}), {}, {}, {});
  server.start();
  httplib::Client client("127.0.0.1", server.port());
  REQUIRE(post_chat(client)->status == 200);
  REQUIRE(post_chat(client)->status == 599);

  auto journal = client.Get("/__gwlint/journal");
  REQUIRE(journal);
  CHECK(journal->status == 200);
  auto requests = json::parse(journal->body)["requests"];
  REQUIRE(requests.size() == 2);
  CHECK(requests[0]["exchange"] == "chat-ok");
  CHECK(requests[0]["path"] == "/openai/v1/chat/completions");
  CHECK(requests[0]["query"][0]["value"] == "preview");
  CHECK(requests[1]["at_ms"].get<double>() >= requests[0]["at_ms"].get<double>());
  CHECK(journal->body.find("client-secret-999") == std::string::npos);

  auto reset = client.Post("/__gwlint/reset");
  REQUIRE(reset);
  CHECK(reset->status == 200);
  CHECK(json::parse(client.Get("/__gwlint/journal")->body)["requests"].empty());
  CHECK(server.usage()[0].used == 0);
  CHECK(post_chat(client)->status == 200);
  CHECK(server.usage()[0].used == 1);

  server.reset();
  CHECK(server.journal().empty());
  CHECK(client.Get("/__gwlint/reset")->status == 405);
}

TEST_CASE("A POST without Content-Length has no body (it does not wait for EOF)", "[mock][server]") {
  MockServer server(make_recording({chat_exchange("chat-ok")}), {}, {}, {});
  server.start();
  RawClient client(server.port());
  auto start = Clock::now();
  client.send("POST /__gwlint/reset HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  auto read = client.read_all(std::chrono::seconds(5));
  CHECK(read.bytes.rfind("HTTP/1.1 200", 0) == 0);
  CHECK(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count() < 1000);
}

TEST_CASE("SSE events are framed one block each, with recorded gaps scaled", "[mock][server]") {
  std::vector<recording::SseEvent> events = {
      {R"({"choices":[],"prompt_filter_results":[]})", "", "", 0},
      {"line one\nline two", "delta", "7", 150},
      {"[DONE]", "", "", 150},
  };
  const std::string expected =
      "data: {\"choices\":[],\"prompt_filter_results\":[]}\n\n"
      "event: delta\nid: 7\ndata: line one\ndata: line two\n\n"
      "data: [DONE]\n\n";

  for (double scale : {0.0, 1.0}) {
    MockOptions options;
    options.time_scale = scale;
    MockServer server(make_recording({stream_exchange("stream", events)}), {}, {}, options);
    server.start();
    httplib::Client client("127.0.0.1", server.port());
    std::string received;
    std::vector<std::pair<Clock::time_point, std::string>> arrivals;
    httplib::Request request;
    request.method = "POST";
    request.path = kChatPath;
    request.headers = {{"api-key", "k"}, {"Content-Type", "application/json"}};
    request.body = chat_request_json().dump();
    auto start = Clock::now();
    request.content_receiver = [&](const char* data, size_t length, uint64_t, uint64_t) {
      received.append(data, length);
      arrivals.emplace_back(Clock::now(), std::string(data, length));
      return true;
    };
    auto streamed = client.send(request);
    REQUIRE(streamed);
    CHECK(streamed->status == 200);
    CHECK(streamed->get_header_value("Content-Type") == "text/event-stream; charset=utf-8");
    CHECK(streamed->get_header_value("Transfer-Encoding") == "chunked");
    CHECK(received == expected);
    auto total = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    if (scale == 0.0) {
      CHECK(total < 120);
    } else {
      REQUIRE(arrivals.size() == 3);
      auto gap1 = std::chrono::duration_cast<std::chrono::milliseconds>(arrivals[1].first - arrivals[0].first).count();
      auto gap2 = std::chrono::duration_cast<std::chrono::milliseconds>(arrivals[2].first - arrivals[1].first).count();
      CHECK(gap1 >= 140);
      CHECK(gap2 >= 140);
      CHECK(gap1 < 400);
    }
  }
}

TEST_CASE("Many parallel requests on a times: 0 exchange all get the recorded answer", "[mock][server]") {
  const std::string body = "{\"answer\":42}";
  MockServer server(make_recording({chat_exchange("any", body, 0)}), {}, {}, {});
  server.start();
  constexpr int kClients = 200;
  std::atomic<int> ok{0};
  std::vector<std::thread> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&] {
      httplib::Client client("127.0.0.1", server.port());
      client.set_connection_timeout(10);
      client.set_read_timeout(10);
      auto result = post_chat(client);
      if (result && result->status == 200 && result->body == body) ++ok;
    });
  }
  for (auto& client : clients) client.join();
  CHECK(ok == kClients);
  CHECK(server.journal().size() == static_cast<std::size_t>(kClients));
  CHECK(server.usage()[0].used == kClients);
}

TEST_CASE("Consume-once holds under concurrency: each of N exchanges served exactly once", "[mock][server]") {
  std::vector<recording::Exchange> exchanges;
  for (int i = 0; i < 50; ++i) exchanges.push_back(chat_exchange("e" + std::to_string(i), std::to_string(i)));
  MockServer server(make_recording(exchanges), {}, {}, {});
  server.start();
  std::atomic<int> ok{0}, missed{0};
  std::vector<std::thread> clients;
  std::mutex bodies_mutex;
  std::set<std::string> bodies;
  for (int i = 0; i < 60; ++i) {
    clients.emplace_back([&] {
      httplib::Client client("127.0.0.1", server.port());
      auto result = post_chat(client);
      if (result && result->status == 200) {
        ++ok;
        std::lock_guard<std::mutex> lock(bodies_mutex);
        bodies.insert(result->body);
      } else if (result && result->status == 599) {
        ++missed;
      }
    });
  }
  for (auto& client : clients) client.join();
  CHECK(ok == 50);
  CHECK(missed == 10);
  CHECK(bodies.size() == 50);
}

TEST_CASE("start() reports a port it cannot bind", "[mock][server]") {
  MockServer first(make_recording({}), {}, {}, {});
  first.start();
  MockOptions options;
  options.port = first.port();
  MockServer second(make_recording({}), {}, {}, options);
  CHECK_THROWS_AS(second.start(), std::runtime_error);
}
