#include "record/upstream_call.hpp"

#include <fmt/format.h>

#include "recording/import_detail.hpp"

namespace gwlint::record {

namespace {

constexpr std::chrono::seconds kConnectTimeout{10};
// A non-streamed completion from a reasoning model can take minutes before its first byte.
constexpr std::chrono::minutes kReadTimeout{10};
constexpr std::chrono::seconds kWriteTimeout{60};
// How often a cancelled call re-tries to shut the upstream socket: httplib holds its socket lock
// while connecting, so the first try may come before there is a socket to shut.
constexpr std::chrono::milliseconds kCancelRetry{20};

bool is_event_stream(const httplib::Headers& headers) {
  recording::Headers converted;
  for (const auto& [name, value] : headers) converted.push_back({name, value});
  return recording::is_event_stream(converted);
}

// The X509_V_ERR_* codes seen in practice, so a 502 says why without linking OpenSSL here.
std::string verify_reason(long result) {
  switch (result) {
    case 0:
      return "the certificate does not name the upstream host";  // httplib's own host check
    case 10:
      return "the certificate has expired";
    case 18:
      return "self-signed certificate (pass its CA with --ca-file)";
    case 19:
      return "self-signed certificate in the chain (pass its CA with --ca-file)";
    case 20:
      return "unable to get the issuer certificate (pass the private CA with --ca-file)";
    case 21:
      return "unable to verify the first certificate";
    default:
      return fmt::format("OpenSSL verify result {}", result);
  }
}

}  // namespace

std::unique_ptr<httplib::ClientImpl> make_upstream_client(const UpstreamTarget& upstream, const std::string& ca_file) {
  std::unique_ptr<httplib::ClientImpl> client;
  if (upstream.tls) {
    auto tls = std::make_unique<httplib::SSLClient>(upstream.host, upstream.port);
    // Verification is on by default in httplib; said again so no refactor can lose it. There is
    // deliberately no option to turn it off: the client's real key goes over this connection.
    tls->enable_server_certificate_verification(true);
    if (!ca_file.empty()) tls->set_ca_cert_path(ca_file);  // else OpenSSL's default (system) paths
    client = std::move(tls);
  } else {
    client = std::make_unique<httplib::ClientImpl>(upstream.host, upstream.port);
  }
  client->set_url_encode(false);  // the client's target is already encoded; re-encoding changes `+` and `,`
  client->set_follow_location(false);
  client->set_keep_alive(false);
  client->set_tcp_nodelay(true);  // httplib writes the head and the body separately: no Nagle wait between
  client->set_connection_timeout(kConnectTimeout);
  client->set_read_timeout(kReadTimeout);
  client->set_write_timeout(kWriteTimeout);
  return client;
}

UpstreamCall::UpstreamCall(std::unique_ptr<httplib::ClientImpl> client, UpstreamRequest request)
    : client_(std::move(client)), request_(std::move(request)) {}

UpstreamCall::~UpstreamCall() {
  if (!worker_.joinable()) return;
  cancel();
  std::unique_lock<std::mutex> lock(mutex_);
  while (!finished_) {
    lock.unlock();
    client_->stop();  // shuts the socket down so a blocked read returns
    lock.lock();
    changed_.wait_for(lock, kCancelRetry, [this] { return finished_; });
  }
  lock.unlock();
  worker_.join();
}

void UpstreamCall::start() {
  worker_ = std::thread([this] { run(); });
}

void UpstreamCall::run() {
  httplib::Request req;
  req.method = request_.method;
  req.path = request_.target;
  req.headers = request_.headers;
  req.body = request_.body;
  req.response_handler = [this](const httplib::Response& response) {
    std::lock_guard<std::mutex> lock(mutex_);
    head_.status = response.status;
    head_.headers = response.headers;
    head_.is_stream = is_event_stream(response.headers);
    head_.at = Clock::now();
    head_ready_ = true;
    changed_.notify_all();
    return !cancelled_;
  };
  req.content_receiver = [this](const char* data, size_t length, uint64_t, uint64_t) {
    auto at = Clock::now();
    std::lock_guard<std::mutex> lock(mutex_);
    if (cancelled_) return false;
    if (head_.is_stream) {
      chunks_.push_back({std::string(data, length), at});
      changed_.notify_all();
    } else {
      body_.append(data, length);
    }
    return true;
  };
  httplib::Response response;
  httplib::Error error = httplib::Error::Success;
  bool ok = client_->send(req, response, error);
  long verify_result = 0;
  if (auto* tls = dynamic_cast<httplib::SSLClient*>(client_.get())) verify_result = tls->get_openssl_verify_result();

  std::lock_guard<std::mutex> lock(mutex_);
  if (ok && !head_ready_) {
    // httplib calls the response handler only when a body may follow (not for HEAD or 204).
    head_.status = response.status;
    head_.headers = response.headers;
    head_.at = Clock::now();
    head_ready_ = true;
  }
  succeeded_ = ok && !cancelled_;
  error_ = error;
  verify_result_ = verify_result;
  finished_ = true;
  changed_.notify_all();
}

bool UpstreamCall::wait_for_head() {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this] { return head_ready_ || finished_ || cancelled_; });
  return head_ready_ && !cancelled_ && (!finished_ || succeeded_);
}

bool UpstreamCall::wait_for_body(std::string& body) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this] { return finished_ || cancelled_; });
  if (!succeeded_ || cancelled_) return false;
  body = std::move(body_);
  return true;
}

UpstreamCall::Next UpstreamCall::next_chunks(std::vector<UpstreamChunk>& out) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [this] { return !chunks_.empty() || finished_ || cancelled_; });
  while (!chunks_.empty()) {
    out.push_back(std::move(chunks_.front()));
    chunks_.pop_front();
  }
  if (!out.empty()) return Next::Data;
  if (cancelled_) return Next::Cancelled;
  if (!succeeded_) return Next::Failed;
  return Next::End;
}

void UpstreamCall::cancel() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (cancelled_) return;
    cancelled_ = true;
  }
  changed_.notify_all();
  // The request may be blocked reading a silent upstream; the destructor shuts its socket.
}

std::string UpstreamCall::error_message() const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (cancelled_) return "the recorder is stopping";
  switch (error_) {
    case httplib::Error::SSLServerVerification:
      return "TLS certificate verification failed: " + verify_reason(verify_result_);
    case httplib::Error::SSLLoadingCerts:
      return "could not load the CA certificates";
    case httplib::Error::SSLConnection:
      return "TLS handshake failed";
    case httplib::Error::Connection:
      return "could not connect";
    case httplib::Error::ConnectionTimeout:
      return "connection timed out";
    default:
      return httplib::to_string(error_);
  }
}

}  // namespace gwlint::record
