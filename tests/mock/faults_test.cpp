#include <httplib.h>

#include <catch2/catch.hpp>

#include "mock/azure_errors.hpp"
#include "mock/mock_server.hpp"
#include "mock_test_support.hpp"

using namespace gwlint;
using namespace gwlint::mock;
using namespace gwlint::mock::test;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

namespace {

recording::Exchange streaming(const std::string& id, int events) {
  auto exchange = chat_exchange(id);
  exchange.response.headers = {{"content-type", "text/event-stream; charset=utf-8"}};
  exchange.response.is_stream = true;
  for (int i = 0; i < events; ++i) {
    exchange.response.events.push_back({"{\"n\":" + std::to_string(i) + "}", "", "", 0});
  }
  exchange.response.events.push_back({"[DONE]", "", "", 0});
  return exchange;
}

Fault fault(const std::string& exchange, FaultKind kind) {
  Fault out;
  out.exchange = exchange;
  out.kind = kind;
  return out;
}

long long elapsed_ms(Clock::time_point since) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - since).count();
}

}  // namespace

TEST_CASE("Fault kinds have their scenario-file names", "[mock][faults]") {
  CHECK(std::string(fault_kind_name(FaultKind::EventDelay)) == "event_delay");
  CHECK(fault_kind_from_name("event-delay") == FaultKind::EventDelay);
  CHECK(fault_kind_from_name("RESET") == FaultKind::Reset);
  CHECK_FALSE(fault_kind_from_name("explode"));
}

TEST_CASE("Azure-shaped errors for the status fault", "[mock][faults]") {
  Fault f = fault("x", FaultKind::Status);
  f.status = 401;
  auto unauthorized = azure_error_response(f, {}, "id-1");
  auto body = json::parse(unauthorized.body);
  CHECK(body["error"]["code"] == "401");
  CHECK(body["error"]["message"].get<std::string>().rfind("Access denied due to invalid subscription key", 0) == 0);
  CHECK_FALSE(body["error"].contains("type"));

  f.status = 404;
  CHECK(json::parse(azure_error_response(f, {}, "id").body)["error"]["code"] == "DeploymentNotFound");
  f.error_code = "404";
  CHECK(json::parse(azure_error_response(f, {}, "id").body)["error"]["code"] == "404");

  f = fault("x", FaultKind::Status);
  f.status = 429;
  f.retry_after_ms = 1500;
  auto throttled = azure_error_response(f, {{"apim-request-id", "from-recording"}}, "id-2");
  CHECK(throttled.status == 429);
  CHECK(*recording::find_header(throttled.headers, "retry-after") == "2");
  CHECK(*recording::find_header(throttled.headers, "retry-after-ms") == "1500");
  CHECK(*recording::find_header(throttled.headers, "apim-request-id") == "from-recording");
  CHECK(*recording::find_header(throttled.headers, "x-request-id") == "id-2");
  CHECK(recording::find_header(throttled.headers, "x-ms-region"));
  CHECK(json::parse(throttled.body)["error"]["message"].get<std::string>().find("Please retry after 2 seconds") !=
        std::string::npos);
  for (int status : {500, 503}) {
    f.status = status;
    auto error = azure_error_response(f, {}, "id");
    CHECK(error.status == status);
    CHECK(json::parse(error.body)["error"].contains("code"));
  }
  CHECK(retry_after_seconds(1000) == 1);
  CHECK(retry_after_seconds(1001) == 2);
}

TEST_CASE("status and delay faults over HTTP", "[mock][faults]") {
  Fault status = fault("chat-ok", FaultKind::Status);
  status.status = 429;
  status.retry_after_ms = 250;
  Fault delay = fault("chat-ok", FaultKind::Delay);
  delay.delay_ms = 200;
  MockServer server(make_recording({chat_exchange("chat-ok")}), {}, {delay, status}, {});
  server.start();
  httplib::Client client("127.0.0.1", server.port());
  auto start = Clock::now();
  auto result = post_chat(client);
  REQUIRE(result);
  CHECK(elapsed_ms(start) >= 190);
  CHECK(result->status == 429);
  CHECK(result->get_header_value("retry-after") == "1");
  CHECK(result->get_header_value("retry-after-ms") == "250");
  CHECK(result->get_header_value("apim-request-id") == "rec-chat-ok");
  CHECK(json::parse(result->body)["error"]["code"] == "429");
  auto journal = server.journal();
  REQUIRE(journal.size() == 1);
  CHECK(journal[0].fault == "delay+status");
  CHECK(journal[0].status == 429);
  CHECK(recording::find_header(journal[0].response_headers, "retry-after-ms"));
}

TEST_CASE("reset: the client's read fails with ECONNRESET", "[mock][faults]") {
  MockServer server(make_recording({chat_exchange("chat-ok")}), {}, {fault("chat-ok", FaultKind::Reset)}, {});
  server.start();
  RawClient client(server.port());
  client.send(chat_http_request());
  auto read = client.read_all(std::chrono::seconds(5));
  CHECK(read.bytes.empty());
  CHECK(read.error == ECONNRESET);
  CHECK(server.journal()[0].fault == "reset");
  CHECK(server.journal()[0].status == 0);
}

TEST_CASE("empty: the connection closes with no bytes", "[mock][faults]") {
  MockServer server(make_recording({chat_exchange("chat-ok")}), {}, {fault("chat-ok", FaultKind::Empty)}, {});
  server.start();
  RawClient client(server.port());
  client.send(chat_http_request());
  auto read = client.read_all(std::chrono::seconds(5));
  CHECK(read.eof);
  CHECK(read.error == 0);
  CHECK(read.bytes.empty());
}

TEST_CASE("truncate: N events, then the connection drops without the chunk terminator", "[mock][faults]") {
  Fault truncate = fault("stream", FaultKind::Truncate);
  truncate.after_events = 2;
  MockServer server(make_recording({streaming("stream", 5)}), {}, {truncate}, {});
  server.start();
  RawClient client(server.port());
  client.send(chat_http_request());
  auto read = client.read_all(std::chrono::seconds(5));
  CHECK(read.eof);
  auto [head, body] = split_response(read.bytes);
  CHECK(head.find("Transfer-Encoding: chunked") != std::string::npos);
  CHECK(body.find("data: {\"n\":1}") != std::string::npos);
  CHECK(body.find("data: {\"n\":2}") == std::string::npos);
  CHECK(body.find("0\r\n\r\n") == std::string::npos);

  // A plain JSON body is cut in half the same way.
  Fault cut = fault("chat-ok", FaultKind::Truncate);
  MockServer plain(make_recording({chat_exchange("chat-ok", "{\"0123456789\":\"abcdefghij\"}")}), {}, {cut}, {});
  plain.start();
  RawClient plain_client(plain.port());
  plain_client.send(chat_http_request());
  auto plain_read = plain_client.read_all(std::chrono::seconds(5));
  CHECK(plain_read.eof);
  CHECK(split_response(plain_read.bytes).second.find("0\r\n\r\n") == std::string::npos);
}

TEST_CASE("malformed: good events, a broken frame, then a proper end", "[mock][faults]") {
  Fault malformed = fault("stream", FaultKind::Malformed);
  malformed.after_events = 1;
  MockServer server(make_recording({streaming("stream", 3)}), {}, {malformed}, {});
  server.start();
  httplib::Client client("127.0.0.1", server.port());
  auto result = post_chat(client);
  REQUIRE(result);
  CHECK(result->status == 200);
  CHECK(result->body == "data: {\"n\":0}\n\ndata: {\"choices\":[{\"delta\":\n\n");
}

TEST_CASE("event_delay adds to every recorded gap", "[mock][faults]") {
  Fault slow = fault("stream", FaultKind::EventDelay);
  slow.delay_ms = 60;
  MockServer server(make_recording({streaming("stream", 2)}), {}, {slow}, {});  // 3 events
  server.start();
  httplib::Client client("127.0.0.1", server.port());
  auto start = Clock::now();
  auto result = post_chat(client);
  REQUIRE(result);
  CHECK(elapsed_ms(start) >= 170);
  CHECK(result->body.find("[DONE]") != std::string::npos);
}

TEST_CASE("stall: nothing is sent, the client times out, stop() still returns at once", "[mock][faults]") {
  auto server = std::make_unique<MockServer>(make_recording({chat_exchange("chat-ok")}), MatchRules{},
                                             std::vector<Fault>{fault("chat-ok", FaultKind::Stall)}, MockOptions{});
  server->start();
  RawClient client(server->port());
  client.send(chat_http_request());
  auto read = client.read_all(std::chrono::milliseconds(400));
  CHECK(read.timed_out);
  CHECK(read.bytes.empty());
  auto start = Clock::now();
  server->stop();
  CHECK(elapsed_ms(start) < 500);
  auto after = client.read_all(std::chrono::seconds(2));
  CHECK_FALSE(after.timed_out);  // the stop closed it
  CHECK(after.bytes.empty());
}

TEST_CASE("stall ends when the client goes away", "[mock][faults]") {
  MockServer server(make_recording({chat_exchange("chat-ok", "{}", 0)}), {}, {fault("chat-ok", FaultKind::Stall)}, {});
  server.start();
  {
    RawClient client(server.port());
    client.send(chat_http_request());
    client.read_all(std::chrono::milliseconds(100));
  }
  // Other connections are served meanwhile (a stalled one holds only its own thread).
  std::vector<std::unique_ptr<RawClient>> stalled;
  for (int i = 0; i < 20; ++i) {
    stalled.push_back(std::make_unique<RawClient>(server.port()));
    stalled.back()->send(chat_http_request());
  }
  httplib::Client client("127.0.0.1", server.port());
  auto journal = client.Get("/__gwlint/journal");
  REQUIRE(journal);
  CHECK(journal->status == 200);
}
