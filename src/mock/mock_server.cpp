#include "mock/mock_server.hpp"

#include <fcntl.h>
#include <sys/socket.h>

#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "mock/azure_errors.hpp"
#include "mock/faults.hpp"
#include "mock/header_rules.hpp"
#include "mock/http_connection.hpp"
#include "mock/journal.hpp"
#include "mock/match.hpp"
#include "mock/match_report.hpp"
#include "mock/sse_stream.hpp"
#include "recording/sanitizer.hpp"
#include "recording/uri.hpp"

namespace gwlint::mock {

namespace {

using recording::Exchange;
using recording::Headers;
using recording::RecordedRequest;

constexpr std::size_t kMaxConnectionThreads = 1024;
constexpr const char* kJournalPath = "/__gwlint/journal";
constexpr const char* kResetPath = "/__gwlint/reset";

// httplib adds these to every request's headers; they are not what the client sent.
bool is_httplib_header(const std::string& name) {
  return iequals(name, "REMOTE_ADDR") || iequals(name, "REMOTE_PORT") || iequals(name, "LOCAL_ADDR") ||
         iequals(name, "LOCAL_PORT");
}

// httplib computes framing itself; content-type goes through its content provider API.
bool is_replayed_header(const std::string& name) {
  return !is_transport_header(name) && !iequals(name, "content-type");
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string url_host(const std::string& host) {
  if (host.empty() || host == "0.0.0.0") return "127.0.0.1";
  if (host == "::") return "[::1]";
  if (host.find(':') != std::string::npos) return "[" + host + "]";
  return host;
}

std::chrono::milliseconds scaled(int after_ms, double time_scale) {
  if (after_ms <= 0 || !(time_scale > 0)) return std::chrono::milliseconds(0);
  return std::chrono::milliseconds(std::llround(after_ms * time_scale));
}

}  // namespace

struct MockServer::Impl {
  Impl(recording::Recording recording_in, MatchRules rules_in, std::vector<Fault> faults_in, MockOptions options_in)
      : recording(std::move(recording_in)),
        rules(compile_rules(rules_in)),
        faults(std::move(faults_in)),
        options(std::move(options_in)),
        states(recording.exchanges.size()),
        started(std::chrono::steady_clock::now()) {
    // Recordings are sanitised on import, but one written by hand may not be; both sides must
    // carry the same <redacted> for a secret to compare equal.
    for (auto& exchange : recording.exchanges) recording::sanitize_request(exchange.request);
  }

  void handle(const httplib::Request& req, httplib::Response& res);
  RecordedRequest incoming_request(const httplib::Request& req) const;
  void answer_control(const RecordedRequest& incoming, httplib::Response& res);
  void answer_exchange(const Exchange& exchange, JournalEntry entry, httplib::Response& res);
  void set_stream(const Exchange& exchange, const FaultPlan& plan, httplib::Response& res);
  std::string next_request_id();

  recording::Recording recording;
  CompiledRules rules;
  std::vector<Fault> faults;
  MockOptions options;
  StopSignal stop;
  Journal journal;

  // The only lock on the request path: choosing and consuming an exchange.
  std::mutex state_mutex;
  std::vector<ExchangeState> states;

  std::chrono::steady_clock::time_point started;
  std::atomic<unsigned long long> request_counter{0};

  std::mutex lifecycle_mutex;
  std::unique_ptr<MockHttpServer> server;
  std::thread listener;
  int port = -1;
};

RecordedRequest MockServer::Impl::incoming_request(const httplib::Request& req) const {
  RecordedRequest incoming;
  incoming.method = upper(req.method);
  // req.path is percent-decoded; recordings keep the path as sent, so split the raw target.
  auto target = recording::split_target(req.target);
  incoming.path = std::move(target.path);
  incoming.query = std::move(target.query);
  Connection* connection = current_connection();
  bool drop_content_length = connection && connection->added_content_length;
  for (const auto& [name, value] : req.headers) {
    if (is_httplib_header(name) || (drop_content_length && iequals(name, "Content-Length"))) continue;
    incoming.headers.push_back({name, value});
  }
  if (connection) {
    for (const auto& value : connection->accept_encoding) incoming.headers.push_back({"Accept-Encoding", value});
  }
  incoming.body.bytes = req.body;
  incoming.body.kind = req.body.empty() ? recording::BodyKind::None : recording::BodyKind::Text;
  recording::sanitize_request(incoming);
  return incoming;
}

std::string MockServer::Impl::next_request_id() {
  char text[48];
  std::snprintf(text, sizeof(text), "00000000-0000-4000-8000-%012llx", ++request_counter);
  return text;
}

void MockServer::Impl::handle(const httplib::Request& req, httplib::Response& res) {
  double at_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  RecordedRequest incoming = incoming_request(req);
  if (incoming.path == kJournalPath || incoming.path == kResetPath) {
    answer_control(incoming, res);
    return;
  }

  // The comparison (parsing, diffing) runs unlocked; only the choice and the use count are locked.
  auto comparisons = compare_all(incoming, recording.exchanges, rules);
  MatchResult result;
  {
    std::lock_guard<std::mutex> lock(state_mutex);
    result = select_exchange(incoming, recording.exchanges, comparisons, states);
    if (result.exchange) ++states[*result.exchange].used;
  }

  JournalEntry entry;
  entry.at_ms = at_ms;
  entry.method = incoming.method;
  entry.path = incoming.path;
  entry.query = incoming.query;
  entry.headers = incoming.headers;
  entry.body = incoming.body.bytes;
  if (result.exchange) {
    answer_exchange(recording.exchanges[*result.exchange], std::move(entry), res);
    return;
  }
  res.status = kNoMatchStatus;
  res.body = no_match_body(*result.miss);
  res.set_header("Content-Type", "application/json");
  entry.status = kNoMatchStatus;
  entry.response_headers = {{"content-type", "application/json"}};
  entry.miss = miss_report_json(*result.miss);
  journal.add(std::move(entry));
}

void MockServer::Impl::answer_control(const RecordedRequest& incoming, httplib::Response& res) {
  if (incoming.path == kJournalPath && (incoming.method == "GET" || incoming.method == "HEAD")) {
    res.status = 200;
    res.body = dump_json(journal.to_json());
    res.set_header("Content-Type", "application/json");
    return;
  }
  if (incoming.path == kResetPath && incoming.method == "POST") {
    {
      std::lock_guard<std::mutex> lock(state_mutex);
      for (auto& state : states) state.used = 0;
    }
    journal.clear();
    res.status = 200;
    res.body = "{\"reset\":true}";
    res.set_header("Content-Type", "application/json");
    return;
  }
  res.status = 405;
  res.body = "{\"error\":{\"code\":\"gwlint_method\",\"message\":\"use GET " + std::string(kJournalPath) + " or POST " +
             kResetPath + "\"}}";
  res.set_header("Content-Type", "application/json");
}

void MockServer::Impl::answer_exchange(const Exchange& exchange, JournalEntry entry, httplib::Response& res) {
  FaultPlan plan = plan_faults(faults, exchange.id);
  entry.exchange = exchange.id;
  entry.fault = plan.names;
  Connection* connection = current_connection();

  if (plan.connection != ConnectionFault::None) {
    entry.status = 0;  // nothing is sent
    journal.add(std::move(entry));
    bool in_time = stop.sleep_for(std::chrono::milliseconds(plan.delay_ms));
    if (!connection) return;
    if (!in_time || plan.connection == ConnectionFault::Reset) {
      connection->reset();
    } else if (plan.connection == ConnectionFault::Empty) {
      connection->close_empty();
    } else {
      connection->stall();
    }
    return;  // httplib's attempt to write `res` fails on the closed connection
  }

  int status = exchange.response.status;
  Headers headers;
  std::string body;
  bool stream = exchange.response.is_stream;
  if (plan.status) {
    ErrorResponse error = azure_error_response(*plan.status, exchange.response.headers, next_request_id());
    status = error.status;
    headers = std::move(error.headers);
    body = std::move(error.body);
    stream = false;
  } else {
    for (const auto& header : exchange.response.headers) {
      if (!is_transport_header(header.name)) headers.push_back(header);
    }
    body = exchange.response.body.bytes;
  }
  entry.status = status;
  entry.response_headers = headers;
  journal.add(std::move(entry));

  if (!stop.sleep_for(std::chrono::milliseconds(plan.delay_ms))) {
    if (connection) connection->reset();
    return;
  }

  res.status = status;
  std::string content_type;
  for (const auto& header : headers) {
    if (is_replayed_header(header.name)) {
      res.set_header(header.name, header.value);
    } else if (iequals(header.name, "content-type") && content_type.empty()) {
      content_type = header.value;
    }
  }
  if (stream) {
    set_stream(exchange, plan, res);
    return;
  }
  if (plan.malformed_after) body = body.substr(0, body.size() / 2);  // a body cut mid-JSON, framed correctly
  if (plan.truncate_after) {
    // Announce a chunked body, send its first half, then drop the connection without the terminator.
    std::string half = body.substr(0, body.size() / 2);
    res.set_chunked_content_provider(content_type, [half](size_t, httplib::DataSink& sink) {
      if (!half.empty()) sink.write(half.data(), half.size());
      return false;
    });
    return;
  }
  if (!content_type.empty()) res.set_header("Content-Type", content_type);
  res.body = std::move(body);
}

void MockServer::Impl::set_stream(const Exchange& exchange, const FaultPlan& plan, httplib::Response& res) {
  std::string content_type;
  if (const std::string* value = recording::find_header(exchange.response.headers, "content-type")) {
    content_type = *value;
  } else {
    content_type = "text/event-stream";
  }
  const auto* events = &exchange.response.events;  // the recording outlives every connection
  res.set_chunked_content_provider(content_type, [this, events, plan](size_t, httplib::DataSink& sink) {
    for (std::size_t i = 0; i <= events->size(); ++i) {
      if (plan.truncate_after && static_cast<std::size_t>(*plan.truncate_after) == i) return false;
      if (plan.malformed_after && static_cast<std::size_t>(*plan.malformed_after) == i) {
        std::string frame = malformed_sse_frame();
        if (!sink.write(frame.data(), frame.size())) return false;
        break;
      }
      if (i == events->size()) break;
      const auto& event = (*events)[i];
      auto wait = scaled(event.after_ms, options.time_scale) + std::chrono::milliseconds(plan.event_delay_ms);
      if (!stop.sleep_for(wait)) return false;
      std::string bytes = format_sse_event(event);
      if (!sink.write(bytes.data(), bytes.size())) return false;
    }
    sink.done();
    return true;
  });
}

MockServer::MockServer(recording::Recording recording, MatchRules rules, std::vector<Fault> faults, MockOptions options)
    : impl_(std::make_unique<Impl>(std::move(recording), std::move(rules), std::move(faults), std::move(options))) {}

MockServer::~MockServer() {
  stop();
}

void MockServer::start() {
  std::lock_guard<std::mutex> lock(impl_->lifecycle_mutex);
  if (impl_->server) return;
  impl_->stop.reset();
  impl_->started = std::chrono::steady_clock::now();  // journal times count from here
  auto server = std::make_unique<MockHttpServer>(impl_->stop);
  Impl* impl = impl_.get();
  auto handler = [impl](const httplib::Request& req, httplib::Response& res) { impl->handle(req, res); };
  // Every method and path comes to one handler; the matcher decides.
  server->Get(".*", handler);
  server->Post(".*", handler);
  server->Put(".*", handler);
  server->Patch(".*", handler);
  server->Delete(".*", handler);
  server->Options(".*", handler);
  server->new_task_queue = [] { return new GrowingTaskQueue(kMaxConnectionThreads); };
  // httplib's default also sets SO_REUSEPORT, which would let two mocks share a fixed --port.
  server->set_socket_options([](socket_t sock) {
    int one = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    ::fcntl(sock, F_SETFD, FD_CLOEXEC);
  });
  const auto& options = impl_->options;
  int port = options.port == 0 ? server->bind_to_any_port(options.host)
                               : (server->bind_to_port(options.host, options.port) ? options.port : -1);
  if (port <= 0) {
    throw std::runtime_error("cannot listen on " + options.host + ":" + std::to_string(options.port));
  }
  server->widen_backlog();
  MockHttpServer* raw = server.get();
  impl_->listener = std::thread([raw] { raw->listen_after_bind(); });
  // stop() only works once httplib marks itself running; wait for that so start/stop never race.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!raw->is_running() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  impl_->port = port;
  impl_->server = std::move(server);
}

void MockServer::stop() {
  std::lock_guard<std::mutex> lock(impl_->lifecycle_mutex);
  if (!impl_->server) return;
  impl_->stop.request_stop();  // wakes sleeping and stalled handlers
  impl_->server->stop();       // closes the listener; listen_after_bind joins the workers
  if (impl_->listener.joinable()) impl_->listener.join();
  impl_->server.reset();
}

int MockServer::port() const {
  return impl_->port;
}

std::string MockServer::url() const {
  return "http://" + url_host(impl_->options.host) + ":" + std::to_string(impl_->port);
}

std::vector<JournalEntry> MockServer::journal() const {
  return impl_->journal.entries();
}

nlohmann::json MockServer::journal_json() const {
  return impl_->journal.to_json();
}

std::vector<ExchangeUse> MockServer::usage() const {
  std::lock_guard<std::mutex> lock(impl_->state_mutex);
  std::vector<ExchangeUse> out;
  for (std::size_t i = 0; i < impl_->recording.exchanges.size(); ++i) {
    const auto& exchange = impl_->recording.exchanges[i];
    out.push_back({exchange.id, impl_->states[i].used, exchange.times});
  }
  return out;
}

void MockServer::reset() {
  {
    std::lock_guard<std::mutex> lock(impl_->state_mutex);
    for (auto& state : impl_->states) state.used = 0;
  }
  impl_->journal.clear();
}

void MockServer::set_held_back(const std::string& exchange_id, bool held) {
  std::lock_guard<std::mutex> lock(impl_->state_mutex);
  for (std::size_t i = 0; i < impl_->recording.exchanges.size(); ++i) {
    if (impl_->recording.exchanges[i].id == exchange_id) impl_->states[i].held_back = held;
  }
}

}  // namespace gwlint::mock
