#pragma once
// Lets stop() wake every handler that is sleeping (recorded SSE gaps, delay faults) or waiting on a
// stalled socket, so stopping never waits for a recorded gap or a client to go away.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace gwlint::mock {

class StopSignal {
 public:
  void request_stop();
  void reset();  // before the server starts again
  bool stopping() const { return stopping_.load(std::memory_order_acquire); }
  // Sleeps for `duration`; false when the stop came first.
  bool sleep_for(std::chrono::milliseconds duration) const;

 private:
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  mutable std::condition_variable wake_;
};

}  // namespace gwlint::mock
