#include "mock/stop_signal.hpp"

namespace gwlint::mock {

void StopSignal::request_stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_.store(true, std::memory_order_release);
  }
  wake_.notify_all();
}

void StopSignal::reset() {
  std::lock_guard<std::mutex> lock(mutex_);
  stopping_.store(false, std::memory_order_release);
}

bool StopSignal::sleep_for(std::chrono::milliseconds duration) const {
  if (duration.count() <= 0) return !stopping();
  std::unique_lock<std::mutex> lock(mutex_);
  return !wake_.wait_for(lock, duration, [this] { return stopping(); });
}

}  // namespace gwlint::mock
