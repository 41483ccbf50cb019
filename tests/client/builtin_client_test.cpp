#include <catch2/catch.hpp>
#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <vector>

#include "client/azure_request.hpp"
#include "client/client.hpp"
#include "config/loader.hpp"
#include "test_servers.hpp"

using namespace gwlint;
using namespace gwlint::client;
using gwlint::client::testing::LocalServer;
using gwlint::client::testing::RawServer;
using Clock = std::chrono::steady_clock;

namespace {

struct Seen {
  std::string method, target, body;
  httplib::Headers headers;
  Clock::time_point at;
};

// Records every request, answers with `answer(n)` for the n-th one (0-based).
struct RecordingServer {
  LocalServer server;
  std::mutex mutex;
  std::vector<Seen> seen;
  std::function<void(size_t, const httplib::Request&, httplib::Response&)> answer;

  explicit RecordingServer(std::function<void(size_t, const httplib::Request&, httplib::Response&)> handler)
      : answer(std::move(handler)) {
    server.http().Post(".*", [this](const httplib::Request& req, httplib::Response& res) {
      size_t n;
      {
        std::lock_guard<std::mutex> lock(mutex);
        n = seen.size();
        seen.push_back({req.method, req.target, req.body, req.headers, Clock::now()});
      }
      answer(n, req, res);
    });
    server.start();
  }
  size_t count() {
    std::lock_guard<std::mutex> lock(mutex);
    return seen.size();
  }
};

AzureEndpoint resource_endpoint() {
  AzureEndpoint endpoint;
  endpoint.base = "https://my-openai-resource.openai.azure.com/openai";
  endpoint.host = "my-openai-resource.openai.azure.com";
  endpoint.from_resource_name = true;
  endpoint.api_version = "preview";
  endpoint.api_key = "test-key-0123456789";
  return endpoint;
}

BuiltinOptions options_for(const std::string& url) {
  BuiltinOptions options;
  options.mock_url = url;
  options.timeout_ms = 3000;
  options.backoff_base_ms = 20;
  return options;
}

const char* kChatAnswer =
    R"({"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Hello there"}}],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}})";

std::string sse(const std::vector<std::string>& datas) {
  std::string out;
  for (const auto& data : datas) out += "data: " + data + "\n\n";
  return out;
}

const std::vector<std::string> kStreamEvents = {
    R"({"choices":[],"prompt_filter_results":[{"prompt_index":0,"content_filter_results":{}}]})",
    R"({"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]})",
    R"({"choices":[{"index":0,"delta":{"content":"Hel"}}]})",
    R"({"choices":[{"index":0,"delta":{"content":"lo"},"content_filter_results":{}}]})",
    R"({"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]})",
    R"({"choices":[],"usage":{"prompt_tokens":1,"completion_tokens":2,"total_tokens":3}})",
    "[DONE]",
};

// Serves `body` in pieces of the given sizes (chunked transfer), optionally breaking off.
void serve_in_pieces(httplib::Response& res, std::string body, std::vector<size_t> sizes, bool break_off = false) {
  res.status = 200;
  res.set_chunked_content_provider(
      "text/event-stream; charset=utf-8",
      [body, sizes, break_off, pos = size_t{0}, i = size_t{0}](size_t, httplib::DataSink& sink) mutable {
        if (pos >= body.size()) {
          if (break_off) return false;
          sink.done();
          return true;
        }
        size_t n = i < sizes.size() ? sizes[i++] : body.size() - pos;
        n = std::min(n, body.size() - pos);
        sink.write(body.data() + pos, n);
        pos += n;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        return true;
      });
}

}  // namespace

TEST_CASE("builtin: the request is what @ai-sdk/azure sends", "[client][builtin]") {
  RecordingServer server([](size_t, const httplib::Request&, httplib::Response& res) {
    res.set_content(kChatAnswer, "application/json");
  });
  auto endpoint = resource_endpoint();
  endpoint.headers = {{"X-Custom-Header", "custom-value"}};
  auto result = run_builtin(endpoint, "chat-prod", {"chat", "languageModel", "hi"}, options_for(server.server.url()));
  CHECK(result.outcome == "ok");
  CHECK(result.status == 200);
  CHECK(result.text == "Hello there");
  CHECK(result.attempts == 1);
  CHECK(result.url == "https://my-openai-resource.openai.azure.com/openai/v1/chat/completions?api-version=preview");
  REQUIRE(server.count() == 1);
  const Seen& seen = server.seen[0];
  CHECK(seen.method == "POST");
  CHECK(seen.target == "/openai/v1/chat/completions?api-version=preview");
  CHECK(seen.headers.find("Host")->second == "my-openai-resource.openai.azure.com");
  CHECK(seen.headers.find("api-key")->second == "test-key-0123456789");
  CHECK(seen.headers.find("x-custom-header")->second == "custom-value");
  CHECK(seen.headers.find("content-type")->second == "application/json");
  CHECK(seen.headers.count("authorization") == 0);
  CHECK(seen.body == R"({"model":"chat-prod","messages":[{"role":"user","content":"hi"}]})");
}

TEST_CASE("builtin: custom headers override api-key the way the SDK merges them", "[client][builtin]") {
  auto endpoint = resource_endpoint();
  endpoint.headers = {{"api-key", "from-headers"}};
  auto headers = request_headers(endpoint);
  auto value_of = [&](const std::string& name) {
    for (const auto& [key, value] : headers) {
      if (key == name) return value;
    }
    return std::string("<absent>");
  };
  CHECK(value_of("api-key") == "from-headers");
  // Another spelling is another JS key: `new Headers()` joins the two values.
  endpoint.headers = {{"Api-Key", "second"}, {"Content-Type", "text/plain"}};
  headers = request_headers(endpoint);
  CHECK(value_of("api-key") == "test-key-0123456789, second");
  CHECK(value_of("content-type") == "application/json, text/plain");

  RecordingServer server([](size_t, const httplib::Request&, httplib::Response& res) {
    res.set_content(kChatAnswer, "application/json");
  });
  endpoint.headers = {{"api-key", "from-headers"}};
  run_builtin(endpoint, "d", {"chat", "languageModel", "hi"}, options_for(server.server.url()));
  REQUIRE(server.count() == 1);
  CHECK(server.seen[0].headers.count("api-key") == 1);
  CHECK(server.seen[0].headers.find("api-key")->second == "from-headers");
}

TEST_CASE("builtin: baseURL with a trailing slash sends //v1 with the gateway's Host", "[client][builtin]") {
  RecordingServer server([](size_t, const httplib::Request&, httplib::Response& res) {
    res.status = 404;
    res.set_content(R"({"error":{"code":"404","message":"Resource not found"}})", "application/json");
  });
  AzureEndpoint endpoint = resource_endpoint();
  endpoint.base = "https://gw.example.com/azure/openai/";
  endpoint.host = "gw.example.com";
  endpoint.from_resource_name = false;
  auto result = run_builtin(endpoint, "chat-prod", {"chat", "languageModel", "hi"}, options_for(server.server.url()));
  CHECK(result.outcome == "error");
  CHECK(result.status == 404);
  CHECK(result.error_code == "404");
  CHECK(result.message == "Resource not found");
  CHECK(result.attempts == 1);
  REQUIRE(server.count() == 1);
  CHECK(server.seen[0].target == "/azure/openai//v1/chat/completions?api-version=preview");
  CHECK(server.seen[0].headers.find("Host")->second == "gw.example.com");
}

TEST_CASE("builtin: config to request end to end", "[client][builtin]") {
  RecordingServer server([](size_t, const httplib::Request&, httplib::Response& res) {
    res.set_content(R"({"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.1,0.2]}]})",
                    "application/json");
  });
  auto document = load_document("app-config.yaml", R"(aiGateway:
  providers:
    azure:
      apiKey: ${AZURE_OPENAI_API_KEY}
      resourceName: contoso
      apiVersion: v1
  embeddingModel: azure|embed-small
)",
                                LoadLimits{}, "");
  Call call{"embeddings", "embeddingModel", "some text"};
  auto resolved = resolve_call(*document, call, {});
  REQUIRE(resolved.endpoint);
  auto result = run_builtin(*resolved.endpoint, resolved.deployment, call, options_for(server.server.url()));
  CHECK(result.outcome == "ok");
  CHECK(result.text == "1 vector");
  REQUIRE(server.count() == 1);
  CHECK(server.seen[0].target == "/openai/v1/embeddings?api-version=v1");
  CHECK(server.seen[0].headers.find("Host")->second == "contoso.openai.azure.com");
  CHECK(server.seen[0].headers.find("api-key")->second == kPlaceholderApiKey);
  CHECK(server.seen[0].body == R"({"model":"embed-small","input":["some text"],"encoding_format":"float"})");
}

TEST_CASE("builtin: streamed chat in awkward chunks", "[client][builtin]") {
  std::string body = sse(kStreamEvents);
  RecordingServer server([body](size_t, const httplib::Request&, httplib::Response& res) {
    serve_in_pieces(res, body, {1, 2, 3, 5, 7, 11, 13, 17, 19, 23, 29});
  });
  auto result = run_builtin(resource_endpoint(), "chat-prod", {"chat-stream", "languageModel", "hi"},
                            options_for(server.server.url()));
  CHECK(result.outcome == "ok");
  CHECK(result.text == "Hello");
  REQUIRE(server.count() == 1);
  CHECK(
      server.seen[0].body ==
      R"({"model":"chat-prod","messages":[{"role":"user","content":"hi"}],"stream":true,"stream_options":{"include_usage":true}})");
}

TEST_CASE("builtin: a stream cut before [DONE] is an error", "[client][builtin]") {
  std::vector<std::string> events(kStreamEvents.begin(), kStreamEvents.begin() + 3);
  std::string body = sse(events);
  SECTION("connection breaks off") {
    RecordingServer server([body](size_t, const httplib::Request&, httplib::Response& res) {
      serve_in_pieces(res, body, {10, 10}, /*break_off=*/true);
    });
    auto result =
        run_builtin(resource_endpoint(), "d", {"chat-stream", "languageModel", "hi"}, options_for(server.server.url()));
    CHECK(result.outcome == "error");
    CHECK(result.error_code == "stream_truncated");
    CHECK(result.text == "Hel");
    CHECK(result.attempts == 1);
  }
  SECTION("stream ends cleanly but without [DONE]") {
    RecordingServer server(
        [body](size_t, const httplib::Request&, httplib::Response& res) { serve_in_pieces(res, body, {}); });
    auto result =
        run_builtin(resource_endpoint(), "d", {"chat-stream", "languageModel", "hi"}, options_for(server.server.url()));
    CHECK(result.outcome == "error");
    CHECK(result.error_code == "stream_truncated");
    CHECK(result.status == 200);
  }
}

TEST_CASE("builtin: a malformed frame and an error chunk in a stream", "[client][builtin]") {
  SECTION("malformed") {
    std::string body = sse({kStreamEvents[0], R"({"choices":[{"delta":{"content":"x"}})", "[DONE]"});
    RecordingServer server([body](size_t, const httplib::Request&, httplib::Response& res) {
      res.set_content(body, "text/event-stream");
    });
    auto result =
        run_builtin(resource_endpoint(), "d", {"chat-stream", "languageModel", "hi"}, options_for(server.server.url()));
    CHECK(result.outcome == "error");
    CHECK(result.error_code == "malformed_event");
  }
  SECTION("error chunk") {
    std::string body = sse({kStreamEvents[0], R"({"error":{"code":"server_error","message":"boom"}})", "[DONE]"});
    RecordingServer server([body](size_t, const httplib::Request&, httplib::Response& res) {
      res.set_content(body, "text/event-stream");
    });
    auto result =
        run_builtin(resource_endpoint(), "d", {"chat-stream", "languageModel", "hi"}, options_for(server.server.url()));
    CHECK(result.outcome == "error");
    CHECK(result.error_code == "server_error");
    CHECK(result.message == "boom");
  }
}

TEST_CASE("builtin: Azure error bodies give the error code", "[client][builtin]") {
  SECTION("404 DeploymentNotFound") {
    RecordingServer server([](size_t, const httplib::Request&, httplib::Response& res) {
      res.status = 404;
      res.set_content(
          R"({"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist."}})",
          "application/json");
    });
    auto result = run_builtin(resource_endpoint(), "gpt-4o", {}, options_for(server.server.url()));
    CHECK(result.outcome == "error");
    CHECK(result.status == 404);
    CHECK(result.error_code == "DeploymentNotFound");
    CHECK(result.attempts == 1);
  }
  SECTION("401 with a string code") {
    RecordingServer server([](size_t, const httplib::Request&, httplib::Response& res) {
      res.status = 401;
      res.set_content(R"({"error":{"code":"401","message":"Access denied due to invalid subscription key."}})",
                      "application/json");
    });
    auto result = run_builtin(resource_endpoint(), "d", {}, options_for(server.server.url()));
    CHECK(result.status == 401);
    CHECK(result.error_code == "401");
    CHECK(result.attempts == 1);
  }
  SECTION("numeric code, and a body that is not JSON") {
    RecordingServer server([](size_t n, const httplib::Request&, httplib::Response& res) {
      res.status = 400;
      if (n == 0) {
        res.set_content(R"({"error":{"code":400,"message":"bad"}})", "application/json");
      } else {
        res.set_content("<html>Bad Request</html>", "text/html");
      }
    });
    auto options = options_for(server.server.url());
    auto numeric = run_builtin(resource_endpoint(), "d", {}, options);
    CHECK(numeric.error_code == "400");
    auto html = run_builtin(resource_endpoint(), "d", {}, options);
    CHECK(html.error_code.empty());
    CHECK(html.message.find("Bad Request") != std::string::npos);
  }
}

TEST_CASE("builtin: 429 with retry-after-ms is honoured", "[client][builtin][retry]") {
  RecordingServer server([](size_t n, const httplib::Request&, httplib::Response& res) {
    if (n == 0) {
      res.status = 429;
      res.set_header("retry-after-ms", "150");
      res.set_header("retry-after", "1");
      res.set_content(R"({"error":{"code":"429","message":"Please retry after 1 second."}})", "application/json");
    } else {
      res.set_content(kChatAnswer, "application/json");
    }
  });
  auto result = run_builtin(resource_endpoint(), "d", {}, options_for(server.server.url()));
  CHECK(result.outcome == "ok");
  CHECK(result.attempts == 2);
  REQUIRE(result.retry_waits_ms.size() == 1);
  CHECK(result.retry_waits_ms[0] >= 150.0);
  CHECK(result.retry_waits_ms[0] < 900.0);
  REQUIRE(server.count() == 2);
  auto gap = std::chrono::duration<double, std::milli>(server.seen[1].at - server.seen[0].at).count();
  CHECK(gap >= 150.0);
}

TEST_CASE("builtin: 429 until the attempts run out", "[client][builtin][retry]") {
  RecordingServer server([](size_t, const httplib::Request&, httplib::Response& res) {
    res.status = 429;
    res.set_header("retry-after-ms", "10");
    res.set_content(R"({"error":{"code":"429","message":"Rate limit."}})", "application/json");
  });
  auto options = options_for(server.server.url());
  auto result = run_builtin(resource_endpoint(), "d", {}, options);
  CHECK(result.outcome == "error");
  CHECK(result.status == 429);
  CHECK(result.error_code == "429");
  CHECK(result.attempts == options.max_attempts);
  CHECK(result.retry_waits_ms.size() == static_cast<size_t>(options.max_attempts - 1));
  CHECK(server.count() == static_cast<size_t>(options.max_attempts));
}

TEST_CASE("builtin: retry-after in seconds, and backoff without headers", "[client][builtin][retry]") {
  SECTION("retry-after seconds") {
    RecordingServer server([](size_t n, const httplib::Request&, httplib::Response& res) {
      if (n == 0) {
        res.status = 503;
        res.set_header("retry-after", "1");
        res.set_content(R"({"error":{"code":"ServiceUnavailable","message":"busy"}})", "application/json");
      } else {
        res.set_content(kChatAnswer, "application/json");
      }
    });
    auto result = run_builtin(resource_endpoint(), "d", {}, options_for(server.server.url()));
    CHECK(result.outcome == "ok");
    REQUIRE(result.retry_waits_ms.size() == 1);
    CHECK(result.retry_waits_ms[0] >= 1000.0);
  }
  SECTION("exponential backoff, bounded by max_retry_wait_ms") {
    RecordingServer server([](size_t, const httplib::Request&, httplib::Response& res) {
      res.status = 500;
      res.set_content(R"({"error":{"code":"InternalServerError","message":"oops"}})", "application/json");
    });
    auto options = options_for(server.server.url());
    options.backoff_base_ms = 40;
    options.max_retry_wait_ms = 60;
    auto result = run_builtin(resource_endpoint(), "d", {}, options);
    CHECK(result.attempts == 3);
    REQUIRE(result.retry_waits_ms.size() == 2);
    CHECK(result.retry_waits_ms[0] >= 40.0);
    CHECK(result.retry_waits_ms[1] >= 60.0);
    CHECK(result.retry_waits_ms[1] < 500.0);
  }
  SECTION("no retry on 400") {
    RecordingServer server([](size_t, const httplib::Request&, httplib::Response& res) {
      res.status = 400;
      res.set_content(R"({"error":{"code":"content_filter","param":"prompt","message":"filtered"}})",
                      "application/json");
    });
    auto result = run_builtin(resource_endpoint(), "d", {}, options_for(server.server.url()));
    CHECK(result.error_code == "content_filter");
    CHECK(result.attempts == 1);
  }
}

TEST_CASE("builtin: a stalled server times out", "[client][builtin]") {
  LocalServer server;
  server.http().Post(".*", [&](const httplib::Request&, httplib::Response& res) {
    server.stall(5000);
    res.set_content(kChatAnswer, "application/json");
  });
  server.start();
  auto options = options_for(server.url());
  options.timeout_ms = 300;
  auto start = Clock::now();
  auto result = run_builtin(resource_endpoint(), "d", {}, options);
  auto elapsed = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  CHECK(result.outcome == "error");
  CHECK(result.error_code == "timeout");
  CHECK(result.timed_out);
  CHECK(result.attempts == 1);  // an aborted request is not retried
  CHECK(elapsed >= 300);
  CHECK(elapsed < 2000);
}

TEST_CASE("builtin: a stream that stalls mid-way times out", "[client][builtin]") {
  std::string head = sse({kStreamEvents[0], kStreamEvents[2]});
  LocalServer server;
  server.http().Post(".*", [&](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/event-stream", [&, sent = false](size_t, httplib::DataSink& sink) mutable {
      if (!sent) {
        sink.write(head.data(), head.size());
        sent = true;
        return true;
      }
      server.stall(3000);
      return false;
    });
  });
  server.start();
  auto options = options_for(server.url());
  options.timeout_ms = 400;
  auto result = run_builtin(resource_endpoint(), "d", {"chat-stream", "languageModel", "hi"}, options);
  CHECK(result.error_code == "timeout");
  CHECK(result.timed_out);
  CHECK(result.text == "Hel");
}

TEST_CASE("builtin: transport failures", "[client][builtin]") {
  SECTION("connection refused is retried, then reported") {
    int port;
    {
      LocalServer probe;
      probe.start();
      port = probe.port();
    }
    auto options = options_for("http://127.0.0.1:" + std::to_string(port));
    options.backoff_base_ms = 5;
    auto result = run_builtin(resource_endpoint(), "d", {}, options);
    CHECK(result.outcome == "error");
    CHECK(result.error_code == "connection_failed");
    CHECK(result.attempts == 3);
    CHECK(result.status == 0);
  }
  SECTION("closed without an answer") {
    RawServer raw(/*reset=*/false);
    auto options = options_for(raw.url());
    options.backoff_base_ms = 5;
    auto result = run_builtin(resource_endpoint(), "d", {}, options);
    CHECK(result.error_code == "empty_response");
    CHECK(result.attempts == 3);
    CHECK(raw.connections() == 3);
  }
  SECTION("reset") {
    RawServer raw(/*reset=*/true);
    auto options = options_for(raw.url());
    options.backoff_base_ms = 5;
    auto result = run_builtin(resource_endpoint(), "d", {}, options);
    CHECK(result.error_code == "connection_reset");
    CHECK(result.attempts == 3);
  }
}

TEST_CASE("builtin: the API key never appears in a message", "[client][builtin]") {
  RecordingServer server([](size_t, const httplib::Request& req, httplib::Response& res) {
    res.status = 401;
    res.set_content("echo: " + req.get_header_value("api-key"), "text/plain");
  });
  auto result = run_builtin(resource_endpoint(), "d", {}, options_for(server.server.url()));
  CHECK(result.message.find("test-key-0123456789") == std::string::npos);
  CHECK(result.message.find("<redacted>") != std::string::npos);
  CHECK(result.to_json().dump().find("test-key-0123456789") == std::string::npos);
}
