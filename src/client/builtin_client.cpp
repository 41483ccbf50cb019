// gwlint's reference client (SCENARIOS.md §3): sends what the gateway's Azure provider would send
// (azure_request.hpp) to the mock, with the real Host, and reads the answer as the AI SDK does:
// JSON or an event stream, Azure error bodies, retries on 408/409/429/5xx and network errors
// (retry_policy.hpp). One fresh connection per attempt, so each attempt is one journal entry.
#include <httplib.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <thread>

#include "client/azure_error.hpp"
#include "client/azure_request.hpp"
#include "client/client.hpp"
#include "client/retry_policy.hpp"
#include "client/sse_parser.hpp"

namespace gwlint::client {

namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kMaxBodyBytes = 8u << 20;  // a JSON answer past this is not Azure's

struct Attempt {
  // Transport
  httplib::Error error = httplib::Error::Success;
  int saved_errno = 0;
  bool deadline_hit = false;
  double elapsed_ms = 0;
  // Response
  bool got_response = false;
  int status = 0;
  httplib::Headers headers;
  std::string body;
  bool body_truncated = false;
  // Event stream
  bool streaming = false;
  bool done = false;  // saw data: [DONE]
  bool stream_failed = false;
  std::string stream_code, stream_message;
  std::string text;
};

bool is_success(int status) {
  return status >= 200 && status < 300;
}

// One stream event, as OpenAIChatLanguageModel.doStream reads it: [DONE] ends it, a frame that is
// not JSON or carries `error` fails it, choices[0].delta.content adds text.
void on_stream_event(Attempt& attempt, const ServerSentEvent& event) {
  if (attempt.done || attempt.stream_failed) return;
  if (event.data == "[DONE]") {
    attempt.done = true;
    return;
  }
  auto chunk = nlohmann::json::parse(event.data, nullptr, false);
  if (chunk.is_discarded() || !chunk.is_object()) {
    attempt.stream_failed = true;
    attempt.stream_code = "malformed_event";
    attempt.stream_message = "stream event is not a JSON object: " + excerpt(event.data, 300);
    return;
  }
  if (chunk.contains("error")) {
    AzureError error = azure_error_from_json(chunk);
    attempt.stream_failed = true;
    attempt.stream_code = error.code.empty() ? "stream_error" : error.code;
    attempt.stream_message = error.message.empty() ? excerpt(event.data, 500) : error.message;
    return;
  }
  auto choices = chunk.find("choices");
  if (choices == chunk.end() || !choices->is_array() || choices->empty()) return;  // e.g. prompt_filter_results
  const auto& choice = choices->front();
  if (!choice.is_object()) return;
  auto delta = choice.find("delta");
  if (delta == choice.end() || !delta->is_object()) return;
  auto content = delta->find("content");
  if (content != delta->end() && content->is_string()) attempt.text += content->get<std::string>();
}

Attempt send_once(const AzureRequest& request, const Call& call, const BuiltinOptions& options) {
  Attempt attempt;
  auto start = Clock::now();
  auto deadline = start + std::chrono::milliseconds(options.timeout_ms);
  SseParser parser;

  httplib::Client http(options.mock_url);
  http.set_keep_alive(false);
  http.set_follow_location(false);  // fetch would follow, but Azure does not redirect and the mock must see every hop
  http.set_url_encode(false);       // the path is already encoded as the URL parser does
  auto timeout = std::chrono::milliseconds(std::max(1, options.timeout_ms));
  http.set_connection_timeout(timeout);
  http.set_read_timeout(timeout);
  http.set_write_timeout(timeout);

  httplib::Request req;
  req.method = "POST";
  req.path = request.path_and_query;
  req.headers.emplace("Host", request.host);
  for (const auto& [name, value] : request.headers) req.headers.emplace(name, value);
  req.body = request.body;
  req.response_handler = [&](const httplib::Response& response) {
    attempt.got_response = true;
    attempt.status = response.status;
    attempt.headers = response.headers;
    // The SDK reads a successful streamText answer as an event stream whatever its content-type.
    attempt.streaming = call.op == "chat-stream" && is_success(response.status);
    return true;
  };
  req.content_receiver = [&](const char* data, size_t size, uint64_t, uint64_t) {
    if (Clock::now() >= deadline) {
      attempt.deadline_hit = true;
      return false;
    }
    if (attempt.streaming) {
      for (const auto& event : parser.feed(std::string_view(data, size))) on_stream_event(attempt, event);
      return !attempt.stream_failed;  // the SDK stops reading at the first failed chunk
    }
    if (attempt.body.size() + size > kMaxBodyBytes) {
      attempt.body_truncated = true;
      return true;  // drain, keep what fits
    }
    attempt.body.append(data, size);
    return true;
  };

  errno = 0;
  auto result = http.send(req);
  attempt.saved_errno = errno;
  attempt.error = result.error();
  attempt.elapsed_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  if (attempt.streaming) parser.finish();
  return attempt;
}

std::string header_value(const httplib::Headers& headers, const char* name) {
  auto it = headers.find(name);  // case-insensitive multimap
  return it == headers.end() ? std::string() : it->second;
}

void fill_transport_error(ClientResult& result, const Attempt& attempt, const BuiltinOptions& options,
                          bool& retryable) {
  retryable = false;
  result.outcome = "error";
  result.status = attempt.got_response ? attempt.status : 0;
  bool read_timed_out = attempt.elapsed_ms + 5 >= options.timeout_ms &&
                        (attempt.error == httplib::Error::Read || attempt.error == httplib::Error::Write);
  if (attempt.deadline_hit || read_timed_out || attempt.error == httplib::Error::ConnectionTimeout) {
    result.error_code = "timeout";
    result.timed_out = true;
    result.message = "no complete answer within " + std::to_string(options.timeout_ms) + " ms";
    if (attempt.streaming) result.text = attempt.text;
    return;
  }
  if (attempt.got_response) {
    if (attempt.streaming) {
      result.error_code = "stream_truncated";
      result.message = "the event stream broke off before data: [DONE] (" + httplib::to_string(attempt.error) + ")";
      result.text = attempt.text;
    } else {
      result.error_code = "connection_reset";
      result.message = "the connection broke off inside the response body";
    }
    return;
  }
  // Before any response: the AI SDK retries these (handle-fetch-error.ts: "Cannot connect to API").
  retryable = true;
  switch (attempt.error) {
    case httplib::Error::Connection:
      result.error_code = "connection_failed";
      result.message = "cannot connect to " + options.mock_url;
      break;
    case httplib::Error::Write:
      result.error_code = "connection_reset";
      result.message = "the connection was reset while sending the request";
      break;
    default:
      // httplib reports both as Error::Read; errno tells them apart. After a reset the recv fails
      // with ECONNRESET and httplib's close_socket() then leaves ENOTCONN (shutdown() on a reset
      // socket); after a graceful close shutdown() succeeds and errno keeps an older value.
      if (attempt.saved_errno == ECONNRESET || attempt.saved_errno == ENOTCONN || attempt.saved_errno == EPIPE) {
        result.error_code = "connection_reset";
        result.message = "the connection was reset before any response";
      } else {
        result.error_code = "empty_response";
        result.message = "the server closed the connection without a response";
      }
      break;
  }
  result.message += " (" + httplib::to_string(attempt.error) + ")";
}

// Turns one attempt into the result; says whether the SDK would try again.
bool evaluate(ClientResult& result, const Attempt& attempt, const Call& call, const BuiltinOptions& options) {
  result.status = attempt.got_response ? attempt.status : 0;
  result.text.clear();
  result.message.clear();
  result.error_code.clear();
  result.timed_out = false;
  bool transport_failed = attempt.error != httplib::Error::Success;
  if (attempt.streaming) {
    if (attempt.stream_failed) {
      result.outcome = "error";
      result.error_code = attempt.stream_code;
      result.message = attempt.stream_message;
      result.text = attempt.text;
      return false;
    }
    if (attempt.done) {  // whatever happened after [DONE] does not change the answer
      result.outcome = "ok";
      result.text = attempt.text;
      return false;
    }
    if (!transport_failed) {
      result.outcome = "error";
      result.error_code = "stream_truncated";
      result.message = "the event stream ended without data: [DONE]";
      result.text = attempt.text;
      return false;
    }
  }
  if (transport_failed) {
    bool retryable = false;
    fill_transport_error(result, attempt, options, retryable);
    return retryable;
  }
  if (!is_success(attempt.status)) {
    AzureError error = azure_error_from_body(attempt.body);
    result.outcome = "error";
    result.error_code = error.code;
    result.message = !error.message.empty() ? error.message : excerpt(attempt.body);
    if (result.message.empty()) result.message = "HTTP " + std::to_string(attempt.status) + " with an empty body";
    return is_retryable_status(attempt.status);
  }
  // A successful JSON answer (createJsonResponseHandler): must parse, must have what the model reads.
  auto body = nlohmann::json::parse(attempt.body, nullptr, false);
  result.outcome = "error";
  result.error_code = "invalid_response";
  if (body.is_discarded()) {
    result.message = attempt.body.empty() ? "empty body" : "body is not JSON: " + excerpt(attempt.body, 500);
    return false;
  }
  if (call.op == "embeddings") {
    auto data = body.is_object() ? body.find("data") : body.end();
    if (!body.is_object() || data == body.end() || !data->is_array()) {
      result.message = "no `data` array in the embeddings answer";
      return false;
    }
    result.outcome = "ok";
    result.error_code.clear();
    result.text = std::to_string(data->size()) + (data->size() == 1 ? " vector" : " vectors");
    return false;
  }
  auto choices = body.is_object() ? body.find("choices") : body.end();
  if (!body.is_object() || choices == body.end() || !choices->is_array() || choices->empty() ||
      !choices->front().is_object()) {
    result.message = "Response did not contain any choices.";
    return false;
  }
  const auto& choice = choices->front();
  auto message = choice.find("message");
  result.outcome = "ok";
  result.error_code.clear();
  if (message != choice.end() && message->is_object()) {
    auto content = message->find("content");
    if (content != message->end() && content->is_string()) result.text = content->get<std::string>();
  }
  return false;
}

void sleep_at_least(double ms) {
  auto until = Clock::now() + std::chrono::microseconds(static_cast<long long>(std::ceil(ms * 1000.0)));
  while (Clock::now() < until) std::this_thread::sleep_until(until);
}

}  // namespace

ClientResult run_builtin(const AzureEndpoint& endpoint, const std::string& deployment, const Call& call,
                         const BuiltinOptions& options) {
  ClientResult result;
  AzureRequest request = build_azure_request(endpoint, deployment, call);
  result.url = request.url;
  if (request.path_and_query.empty()) {
    result.error_code = "invalid_url";
    result.message = "cannot build a request URL from `" + request.url + "`";
    return result;
  }
  int max_attempts = std::max(1, options.max_attempts);
  double backoff_ms = options.backoff_base_ms;
  for (int attempt_number = 1;; ++attempt_number) {
    Attempt attempt = send_once(request, call, options);
    result.attempts = attempt_number;
    bool retry = evaluate(result, attempt, call, options);
    if (!retry || attempt_number >= max_attempts) break;
    double wait = retry_delay_ms(header_value(attempt.headers, "retry-after-ms"),
                                 header_value(attempt.headers, "retry-after"), backoff_ms);
    wait = std::min(wait, static_cast<double>(std::max(0, options.max_retry_wait_ms)));
    auto before = Clock::now();
    sleep_at_least(wait);
    result.retry_waits_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - before).count());
    backoff_ms *= 2;
  }
  result.message = redact_secret(result.message, endpoint.api_key);
  result.text = redact_secret(result.text, endpoint.api_key);
  return result;
}

}  // namespace gwlint::client
