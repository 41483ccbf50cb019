#include "mock/http_connection.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace gwlint::mock {

namespace {

thread_local Connection* t_current = nullptr;

// Poll in short slices so a stop is noticed within this long.
constexpr std::chrono::milliseconds kPollSlice{20};
constexpr std::size_t kKeepAliveRequests = 100;
constexpr std::chrono::seconds kKeepAliveIdle{5};
constexpr std::chrono::seconds kReadTimeout{5};
constexpr std::chrono::seconds kWriteTimeout{5};

void address_of(int fd, bool peer, std::string& ip, int& port) {
  sockaddr_storage address{};
  socklen_t length = sizeof(address);
  int rc = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&address), &length)
                : ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  if (fd < 0 || rc != 0) return;
  char text[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET) {
    auto* in = reinterpret_cast<sockaddr_in*>(&address);
    ::inet_ntop(AF_INET, &in->sin_addr, text, sizeof(text));
    port = ntohs(in->sin_port);
  } else if (address.ss_family == AF_INET6) {
    auto* in6 = reinterpret_cast<sockaddr_in6*>(&address);
    ::inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof(text));
    port = ntohs(in6->sin6_port);
  }
  ip = text;
}

struct CurrentConnection {
  explicit CurrentConnection(Connection* connection) { t_current = connection; }
  ~CurrentConnection() { t_current = nullptr; }
};

}  // namespace

Connection* current_connection() {
  return t_current;
}

Connection::Connection(int fd, const StopSignal& stop, std::chrono::milliseconds read_timeout,
                       std::chrono::milliseconds write_timeout)
    : fd_(fd), stop_(stop), read_timeout_(read_timeout), write_timeout_(write_timeout) {
  // Scenario clients are child processes; an inherited copy of this socket would keep the
  // connection open after the mock closes it (no FIN, no RST reaching the client).
  ::fcntl(fd_, F_SETFD, FD_CLOEXEC);
  int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));  // SSE events go out as written
}

Connection::~Connection() {
  close_gracefully();
}

Connection::Wait Connection::wait_for(short events, std::chrono::milliseconds timeout) const {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (fd_ >= 0) {
    if (stop_.stopping()) return Wait::Stopped;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() < 0) return Wait::Timeout;
    pollfd entry{fd_, events, 0};
    int rc = ::poll(&entry, 1, static_cast<int>(std::min(left, kPollSlice).count()));
    if (rc > 0) return Wait::Ready;  // includes POLLHUP/POLLERR: the read or write reports it
    if (rc < 0 && errno != EINTR) return Wait::Ready;
  }
  return Wait::Stopped;
}

bool Connection::is_readable() const {
  if (fd_ < 0) return false;
  return buffer_begin_ < buffer_end_ || wait_for(POLLIN, read_timeout_) == Wait::Ready;
}

bool Connection::is_writable() const {
  return fd_ >= 0 && wait_for(POLLOUT, write_timeout_) == Wait::Ready;
}

ssize_t Connection::read(char* ptr, size_t size) {
  if (fd_ < 0) return -1;
  if (buffer_begin_ == buffer_end_) {
    if (wait_for(POLLIN, read_timeout_) != Wait::Ready) return -1;
    ssize_t n;
    do {
      n = ::recv(fd_, buffer_, sizeof(buffer_), 0);
    } while (n < 0 && errno == EINTR);
    if (n <= 0) return n;
    buffer_begin_ = 0;
    buffer_end_ = static_cast<std::size_t>(n);
  }
  // httplib reads request lines a byte at a time; the buffer keeps that to one recv per 4 KiB.
  std::size_t n = std::min(size, buffer_end_ - buffer_begin_);
  std::memcpy(ptr, buffer_ + buffer_begin_, n);
  buffer_begin_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t Connection::write(const char* ptr, size_t size) {
  if (fd_ < 0) return -1;
  if (wait_for(POLLOUT, write_timeout_) != Wait::Ready) return -1;
  ssize_t n;
  do {
    n = ::send(fd_, ptr, size, MSG_NOSIGNAL);
  } while (n < 0 && errno == EINTR);
  return n;
}

void Connection::get_remote_ip_and_port(std::string& ip, int& port) const {
  address_of(fd_, true, ip, port);
}
void Connection::get_local_ip_and_port(std::string& ip, int& port) const {
  address_of(fd_, false, ip, port);
}

bool Connection::wait_for_request(std::chrono::milliseconds idle_timeout) {
  if (fd_ < 0) return false;
  if (buffer_begin_ < buffer_end_) return true;
  return wait_for(POLLIN, idle_timeout) == Wait::Ready;
}

void Connection::close_now() {
  if (fd_ < 0) return;
  ::close(fd_);
  fd_ = -1;
}

void Connection::close_gracefully() {
  if (fd_ < 0) return;
  ::shutdown(fd_, SHUT_RDWR);
  close_now();
}

void Connection::reset() {
  if (fd_ < 0) return;
  linger option{1, 0};  // close() then sends RST instead of FIN and drops unsent data
  ::setsockopt(fd_, SOL_SOCKET, SO_LINGER, &option, sizeof(option));
  close_now();
}

void Connection::close_empty() {
  if (fd_ < 0) return;
  ::shutdown(fd_, SHUT_WR);
  // Unread bytes at close() would turn the FIN into an RST; drop whatever already arrived.
  char scratch[4096];
  while (::recv(fd_, scratch, sizeof(scratch), MSG_DONTWAIT) > 0) {
  }
  close_now();
}

void Connection::stall() {
  while (fd_ >= 0 && !stop_.stopping()) {
    pollfd entry{fd_, static_cast<short>(POLLIN | POLLRDHUP), 0};
    int rc = ::poll(&entry, 1, static_cast<int>(kPollSlice.count()));
    if (rc < 0 && errno != EINTR) break;
    if (rc <= 0) continue;
    if (entry.revents & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL)) break;
    char scratch[4096];
    ssize_t n = ::recv(fd_, scratch, sizeof(scratch), MSG_DONTWAIT);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) break;
  }
  close_gracefully();
}

void MockHttpServer::widen_backlog() {
  socket_t sock = svr_sock_;
  if (sock != INVALID_SOCKET) ::listen(sock, SOMAXCONN);
}

bool MockHttpServer::process_and_close_socket(socket_t sock) {
  Connection connection(sock, stop_, kReadTimeout, kWriteTimeout);
  CurrentConnection current(&connection);
  bool ok = false;
  for (std::size_t left = kKeepAliveRequests; left > 0; --left) {
    if (stop_.stopping() || !connection.wait_for_request(kKeepAliveIdle)) break;
    bool connection_closed = false;
    ok = process_request(connection, /*close_connection=*/left == 1, connection_closed, [&](httplib::Request& req) {
      auto [begin, end] = req.headers.equal_range("Accept-Encoding");
      for (auto it = begin; it != end; ++it) connection.accept_encoding.push_back(it->second);
      req.headers.erase("Accept-Encoding");
      // RFC 9112 §6.3: a request with neither Content-Length nor Transfer-Encoding has no body.
      // httplib 0.11.4 would instead read a POST body until EOF (curl -X POST, urllib without data).
      if (!req.has_header("Content-Length") && !req.has_header("Transfer-Encoding")) {
        req.set_header("Content-Length", "0");
        connection.added_content_length = true;
      }
    });
    if (!ok || connection_closed || connection.closed()) break;
    connection.accept_encoding.clear();
    connection.added_content_length = false;
  }
  connection.close_gracefully();
  return ok;
}

void GrowingTaskQueue::enqueue(std::function<void()> fn) {
  std::lock_guard<std::mutex> lock(mutex_);
  jobs_.push_back(std::move(fn));
  if (jobs_.size() > idle_ && threads_.size() < max_threads_) {
    try {
      threads_.emplace_back([this] { work(); });
    } catch (const std::system_error&) {
      // Out of threads: the job waits for a busy worker instead.
    }
  }
  wake_.notify_one();
}

void GrowingTaskQueue::shutdown() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shutting_down_ && threads_.empty()) return;
    shutting_down_ = true;
  }
  wake_.notify_all();
  for (auto& thread : threads_) thread.join();
  threads_.clear();
}

void GrowingTaskQueue::work() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ++idle_;
      wake_.wait(lock, [this] { return !jobs_.empty() || shutting_down_; });
      --idle_;
      if (jobs_.empty()) return;  // shutting down with nothing left to run
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

}  // namespace gwlint::mock
