#pragma once
// The socket layer under cpp-httplib, owned by the mock so faults can act on the connection itself.
//
// cpp-httplib 0.11.4 gives handlers no access to the socket, and Server::process_and_close_socket
// (the per-connection loop) is a private virtual: it can be overridden but the base version cannot
// be called. So MockHttpServer overrides it with its own keep-alive loop around the protected
// Server::process_request, on a Stream of its own (Connection). The connection being served is
// published to the handler through a thread_local, and because every read and write of it goes
// through Connection, a handler can end it early — RST, FIN without bytes, or stall — and httplib's
// later attempts to write a response just fail on a connection marked closed, never on a reused fd.
#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "mock/stop_signal.hpp"

namespace gwlint::mock {

class Connection final : public httplib::Stream {
 public:
  Connection(int fd, const StopSignal& stop, std::chrono::milliseconds read_timeout,
             std::chrono::milliseconds write_timeout);
  ~Connection() override;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return fd_; }

  // Waits (stop-aware) for the next request on a kept-alive connection.
  bool wait_for_request(std::chrono::milliseconds idle_timeout);
  bool closed() const { return fd_ < 0; }

  void close_gracefully();  // FIN after what was sent (the normal end)
  void reset();             // RST now: SO_LINGER {1, 0} and close
  void close_empty();       // FIN now, with no response bytes
  // Keeps the connection open and silent until the client goes away or the mock stops, then
  // closes it. Bytes the client sends meanwhile are read and dropped so polling does not spin.
  void stall();

  // Accept-Encoding is taken off the request before httplib routes it, or httplib would gzip
  // recorded bodies (and SSE streams) instead of replaying their bytes; the matcher still sees it.
  std::vector<std::string> accept_encoding;
  // The request had no framing headers and got "Content-Length: 0" so httplib does not wait for
  // EOF; the matcher and journal do not see that added header.
  bool added_content_length = false;

 private:
  enum class Wait { Ready, Timeout, Stopped };
  Wait wait_for(short events, std::chrono::milliseconds timeout) const;
  void close_now();

  int fd_;
  const StopSignal& stop_;
  std::chrono::milliseconds read_timeout_;
  std::chrono::milliseconds write_timeout_;
  char buffer_[4096];
  std::size_t buffer_begin_ = 0;
  std::size_t buffer_end_ = 0;
};

// The connection the calling handler thread is serving, or nullptr outside a handler.
Connection* current_connection();

class MockHttpServer final : public httplib::Server {
 public:
  explicit MockHttpServer(const StopSignal& stop) : stop_(stop) {}

  // httplib 0.11.4 listens with a backlog of 5 (compiled into the shared library), so a burst of
  // concurrent connects overflows it and clients wait for SYN retransmits. Linux lets listen() be
  // called again on a listening socket to change the backlog.
  void widen_backlog();

 private:
  bool process_and_close_socket(socket_t sock) override;
  const StopSignal& stop_;
};

// cpp-httplib's ThreadPool has a fixed size, so a few stalled connections could starve the rest.
// This queue adds a thread whenever every worker is busy (up to max_threads) and joins them all
// on shutdown.
class GrowingTaskQueue final : public httplib::TaskQueue {
 public:
  explicit GrowingTaskQueue(std::size_t max_threads) : max_threads_(max_threads) {}
  ~GrowingTaskQueue() override { shutdown(); }
  void enqueue(std::function<void()> fn) override;
  void shutdown() override;

 private:
  void work();
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  std::size_t idle_ = 0;
  std::size_t max_threads_;
  bool shutting_down_ = false;
};

}  // namespace gwlint::mock
