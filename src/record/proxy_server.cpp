#include "record/proxy_server.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/socket.h>

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "mock/http_connection.hpp"
#include "mock/stop_signal.hpp"
#include "record/exchange_builder.hpp"
#include "record/forwarded_headers.hpp"
#include "record/sse_splitter.hpp"
#include "record/upstream_call.hpp"
#include "recording/uri.hpp"

namespace gwlint::record {

namespace {

// Each SSE stream holds a server thread for its whole length; the growing queue (the mock's) adds
// threads instead of queueing a request behind long streams.
constexpr std::size_t kMaxConnectionThreads = 1024;

std::string json_string(const std::string& text) {
  return nlohmann::json(text).dump();
}

void answer_error(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  res = httplib::Response();
  res.status = status;
  res.set_content(fmt::format("{{\"error\":{{\"code\":{},\"message\":{}}}}}", json_string(code), json_string(message)),
                  "application/json");
}

// The raw path and query from the request line; an absolute-form target loses its scheme and host.
std::string origin_form(const std::string& target) {
  if (!target.empty() && target.front() == '/') return target;
  size_t scheme = target.find("://");
  if (scheme == std::string::npos) return "/" + target;
  size_t path = target.find('/', scheme + 3);
  return path == std::string::npos ? "/" : target.substr(path);
}

std::string first_value(const httplib::Headers& headers, const char* name) {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

}  // namespace

// One SSE response being relayed: shared by the chunked content provider (which relays and
// splits) and its releaser (which runs when httplib is done with the response, however it ended).
struct StreamRelay {
  std::shared_ptr<UpstreamCall> call;
  std::uint64_t call_id = 0;
  ClientRequest client;
  UpstreamHead head;
  SseSplitter splitter;
  bool finished = false;  // recorded, or given up on
  StreamRelay(std::shared_ptr<UpstreamCall> c, std::uint64_t id, ClientRequest request, UpstreamHead h)
      : call(std::move(c)), call_id(id), client(std::move(request)), head(std::move(h)), splitter(head.at) {}
};

struct ProxyServer::Impl {
  Impl(ProxyOptions options_in, Recorder& recorder_in) : options(std::move(options_in)), recorder(recorder_in) {}

  void handle(const httplib::Request& req, httplib::Response& res);
  bool relay_stream(StreamRelay& relay, httplib::DataSink& sink);
  void record(const ClientRequest& client, recording::RecordedResponse response, const std::string& detail);
  void note(const std::string& line) const {
    if (options.note) options.note(line);
  }
  std::uint64_t track(const std::shared_ptr<UpstreamCall>& call);
  void untrack(std::uint64_t id);

  ProxyOptions options;
  Recorder& recorder;
  mock::StopSignal stop_signal;

  std::mutex calls_mutex;
  std::map<std::uint64_t, std::weak_ptr<UpstreamCall>> calls;  // in flight, for stop()
  std::uint64_t next_call_id = 0;
  bool cancelling = false;
  std::atomic<std::size_t> cut{0};

  std::mutex lifecycle_mutex;
  std::unique_ptr<mock::MockHttpServer> server;
  std::thread listener;
  std::mutex listener_mutex;
  std::condition_variable listener_finished;
  bool listener_done = false;
  int port = -1;
};

std::uint64_t ProxyServer::Impl::track(const std::shared_ptr<UpstreamCall>& call) {
  std::lock_guard<std::mutex> lock(calls_mutex);
  if (cancelling) call->cancel();
  calls[++next_call_id] = call;
  return next_call_id;
}

void ProxyServer::Impl::untrack(std::uint64_t id) {
  std::lock_guard<std::mutex> lock(calls_mutex);
  calls.erase(id);
}

void ProxyServer::Impl::handle(const httplib::Request& req, httplib::Response& res) {
  if (stop_signal.stopping()) {
    answer_error(res, 503, "gwlint_record_stopping", "gwlint record is stopping");
    return;
  }
  ClientRequest client;
  client.method = req.method;
  client.target = origin_form(req.target);
  for (const auto& [name, value] : req.headers) {
    if (!is_httplib_request_header(name)) client.headers.push_back({name, value});
  }
  client.body = req.body;

  UpstreamRequest forwarded;
  forwarded.method = req.method;
  forwarded.target = options.upstream.base_path + client.target;
  forwarded.headers = upstream_request_headers(req.headers, options.upstream);
  forwarded.body = req.body;
  auto call =
      std::make_shared<UpstreamCall>(make_upstream_client(options.upstream, options.ca_file), std::move(forwarded));
  std::uint64_t id = track(call);
  call->start();
  std::string what = fmt::format("{} {}", client.method, recording::split_target(client.target).path);

  if (!call->wait_for_head()) {
    untrack(id);
    std::string message = fmt::format("could not forward to {}: {}", options.upstream.url, call->error_message());
    note(fmt::format("{} -> 502, not recorded: {}", what, message));
    answer_error(res, 502, "gwlint_upstream_failed", "gwlint record " + message);
    return;
  }
  UpstreamHead head = call->head();
  std::string content_type = first_value(head.headers, "Content-Type");
  auto fill_head = [&]() {
    res.status = head.status;
    for (const auto& [name, value] : client_response_headers(head.headers)) res.headers.emplace(name, value);
  };

  if (!head.is_stream) {
    std::string body;
    bool complete = call->wait_for_body(body);
    untrack(id);
    if (!complete) {
      std::string message = fmt::format("the upstream's response broke off: {}", call->error_message());
      note(fmt::format("{} -> 502, not recorded: {}", what, message));
      answer_error(res, 502, "gwlint_upstream_failed", "gwlint record: " + message);
      return;
    }
    fill_head();
    if (!content_type.empty()) res.set_header("Content-Type", content_type);
    res.body = body;
    record(client, recorded_response(head.status, head.headers, std::move(body)), "");
    return;
  }

  fill_head();
  auto relay = std::make_shared<StreamRelay>(call, id, std::move(client), head);
  call.reset();  // the relay owns the call now; it is joined when httplib releases the relay
  res.set_chunked_content_provider(
      content_type, [this, relay](size_t, httplib::DataSink& sink) { return relay_stream(*relay, sink); },
      [this, relay](bool) {
        untrack(relay->call_id);
        if (!relay->finished) {
          relay->call->cancel();
          note(fmt::format("{} {}: the stream was cut before it ended (client gone or recorder stopping), not recorded",
                           relay->client.method, recording::split_target(relay->client.target).path));
        }
      });
}

// Called by httplib until it returns false or calls sink.done(). Every chunk is written to the
// client the moment it arrives from the upstream; the splitter only looks at it on the way.
bool ProxyServer::Impl::relay_stream(StreamRelay& relay, httplib::DataSink& sink) {
  std::vector<UpstreamChunk> chunks;
  UpstreamCall::Next next = relay.call->next_chunks(chunks);
  for (const UpstreamChunk& chunk : chunks) {
    relay.splitter.feed(chunk.bytes, chunk.at);
    if (!sink.write(chunk.bytes.data(), chunk.bytes.size())) return false;  // the client went away
  }
  if (next == UpstreamCall::Next::Data) return true;
  // Cut by the client going away or by stop(): not what the upstream did, so not recorded.
  if (next == UpstreamCall::Next::Cancelled) return false;

  relay.finished = true;
  std::vector<recording::SseEvent> events = relay.splitter.finish(Clock::now());
  std::string detail = fmt::format(" ({} events)", events.size());
  if (next == UpstreamCall::Next::Failed) {
    // Azure ending a stream early is worth keeping: the replay ends where the upstream did.
    detail +=
        fmt::format("; the upstream broke the stream off ({}), recorded as received", relay.call->error_message());
  }
  if (!relay.splitter.replays_verbatim()) {
    detail += "; it had comments, CRLF or other fields, so the replay sends the same events in `data:` form";
  }
  record(relay.client, recorded_stream(relay.head.status, relay.head.headers, std::move(events)), detail);
  if (next == UpstreamCall::Next::Failed) return false;  // end the client's response as abruptly
  sink.done();
  return true;
}

void ProxyServer::Impl::record(const ClientRequest& client, recording::RecordedResponse response,
                               const std::string& detail) {
  int status = response.status;
  recording::Exchange exchange = redacted_exchange(recorded_request(client), std::move(response), options.redaction);
  std::string what = fmt::format("{} {} -> {}{}", exchange.request.method, exchange.request.path, status, detail);
  if (recorder.add(std::move(exchange))) {
    note("recorded " + what);
  } else {
    note(what + " (not recorded: --max-exchanges reached)");
  }
}

ProxyServer::ProxyServer(ProxyOptions options, Recorder& recorder)
    : impl_(std::make_unique<Impl>(std::move(options), recorder)) {}

ProxyServer::~ProxyServer() {
  stop();
}

void ProxyServer::start() {
  std::lock_guard<std::mutex> lock(impl_->lifecycle_mutex);
  if (impl_->server) return;
  impl_->stop_signal.reset();
  {
    std::lock_guard<std::mutex> calls_lock(impl_->calls_mutex);
    impl_->cancelling = false;
  }
  // The mock's server class: its connection loop notices a stop within milliseconds, keeps
  // httplib from gzipping what it relays (Accept-Encoding is taken off first), gives a bodiless
  // POST a zero Content-Length, and sets TCP_NODELAY so each relayed chunk leaves at once.
  auto server = std::make_unique<mock::MockHttpServer>(impl_->stop_signal);
  Impl* impl = impl_.get();
  auto handler = [impl](const httplib::Request& req, httplib::Response& res) { impl->handle(req, res); };
  server->Get(".*", handler);  // HEAD too
  server->Post(".*", handler);
  server->Put(".*", handler);
  server->Patch(".*", handler);
  server->Delete(".*", handler);
  server->Options(".*", handler);
  server->new_task_queue = [] { return new mock::GrowingTaskQueue(kMaxConnectionThreads); };
  server->set_socket_options([](socket_t sock) {
    int one = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    ::fcntl(sock, F_SETFD, FD_CLOEXEC);
  });
  const ListenAddress& listen = impl_->options.listen;
  int port = listen.port == 0 ? server->bind_to_any_port(listen.host)
                              : (server->bind_to_port(listen.host, listen.port) ? listen.port : -1);
  if (port <= 0) throw std::runtime_error(fmt::format("cannot listen on {}:{}", listen.host, listen.port));
  server->widen_backlog();
  {
    std::lock_guard<std::mutex> done_lock(impl_->listener_mutex);
    impl_->listener_done = false;
  }
  mock::MockHttpServer* raw = server.get();
  impl_->listener = std::thread([impl, raw] {
    raw->listen_after_bind();  // returns once every connection thread has ended
    std::lock_guard<std::mutex> done_lock(impl->listener_mutex);
    impl->listener_done = true;
    impl->listener_finished.notify_all();
  });
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!raw->is_running() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  impl_->port = port;
  impl_->server = std::move(server);
}

void ProxyServer::stop(std::chrono::milliseconds grace) {
  std::lock_guard<std::mutex> lock(impl_->lifecycle_mutex);
  if (!impl_->server) return;
  impl_->server->stop();  // closes the listener: no new connections
  {
    std::unique_lock<std::mutex> done_lock(impl_->listener_mutex);
    impl_->listener_finished.wait_for(done_lock, grace, [this] { return impl_->listener_done; });
  }
  std::size_t cut = 0;
  {
    std::lock_guard<std::mutex> calls_lock(impl_->calls_mutex);
    impl_->cancelling = true;
    for (auto& [id, weak] : impl_->calls) {
      if (auto call = weak.lock()) {
        call->cancel();
        ++cut;
      }
    }
  }
  impl_->cut = cut;
  impl_->stop_signal.request_stop();  // ends kept-alive and half-written connections
  if (impl_->listener.joinable()) impl_->listener.join();
  impl_->server.reset();
}

int ProxyServer::port() const {
  return impl_->port;
}

std::string ProxyServer::url() const {
  return listen_url(impl_->options.listen.host, impl_->port);
}

std::size_t ProxyServer::cut_exchanges() const {
  return impl_->cut;
}

}  // namespace gwlint::record
