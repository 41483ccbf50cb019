#pragma once
// One request forwarded to the upstream. httplib's client is blocking, and the proxy must answer its
// own client with the upstream's status and headers before the upstream body has ended (an SSE
// stream is relayed while it arrives), so the request runs on a worker thread: the response
// handler hands the head over as soon as it is parsed, and the content receiver queues body bytes
// with their arrival time. The proxy's handler waits for the head, then either waits for the whole
// body or drains the queue chunk by chunk into its own chunked response.
#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "record/upstream_target.hpp"

namespace gwlint::record {

using Clock = std::chrono::steady_clock;

struct UpstreamRequest {
  std::string method;
  std::string target;  // base path + the client's raw path and query
  httplib::Headers headers;
  std::string body;
};

struct UpstreamHead {
  int status = 0;
  httplib::Headers headers;
  bool is_stream = false;  // text/event-stream: relayed as it arrives
  Clock::time_point at;    // when the head was parsed; the first event's after_ms counts from here
};

struct UpstreamChunk {
  std::string bytes;
  Clock::time_point at;  // arrival, so recorded gaps do not include the time spent relaying
};

// A client for the upstream: TLS with certificate and host name verification (system CAs, or only
// `ca_file`'s when given), or plain HTTP; no redirects, no keep-alive, the target sent as is.
std::unique_ptr<httplib::ClientImpl> make_upstream_client(const UpstreamTarget& upstream, const std::string& ca_file);

class UpstreamCall {
 public:
  UpstreamCall(std::unique_ptr<httplib::ClientImpl> client, UpstreamRequest request);
  ~UpstreamCall();  // cancels a call still running and joins its thread
  UpstreamCall(const UpstreamCall&) = delete;
  UpstreamCall& operator=(const UpstreamCall&) = delete;

  void start();
  // Blocks until the head is known; false when the call failed or was cancelled first.
  bool wait_for_head();
  const UpstreamHead& head() const { return head_; }  // valid after wait_for_head() returned true

  // A plain body: blocks until it is complete; false on failure or cancellation.
  bool wait_for_body(std::string& body);

  enum class Next { Data, End, Failed, Cancelled };
  // A stream: blocks until bytes arrive (Data, appended to `out`), the upstream ends it (End) or
  // breaks it off (Failed), or cancel() was called (Cancelled). Bytes that arrived first come first.
  Next next_chunks(std::vector<UpstreamChunk>& out);

  // Wakes every wait and aborts the upstream request; safe from any thread, more than once.
  void cancel();
  std::string error_message() const;

 private:
  void run();

  std::unique_ptr<httplib::ClientImpl> client_;
  UpstreamRequest request_;
  std::thread worker_;

  mutable std::mutex mutex_;
  std::condition_variable changed_;
  UpstreamHead head_;
  bool head_ready_ = false;
  std::string body_;
  std::deque<UpstreamChunk> chunks_;
  bool finished_ = false;
  bool succeeded_ = false;
  bool cancelled_ = false;
  httplib::Error error_ = httplib::Error::Success;
  long verify_result_ = 0;
};

}  // namespace gwlint::record
