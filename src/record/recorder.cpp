#include "record/recorder.hpp"

#include <fmt/format.h>

#include <ctime>

#include "recording/import_detail.hpp"

namespace gwlint::record {

Recorder::Recorder(std::string source, std::optional<std::size_t> max_exchanges)
    : source_(std::move(source)), max_exchanges_(max_exchanges) {}

bool Recorder::add(recording::Exchange exchange) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (max_exchanges_ && exchanges_.size() >= *max_exchanges_) return false;
  exchanges_.push_back(std::move(exchange));
  return true;
}

bool Recorder::limit_reached() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return max_exchanges_ && exchanges_.size() >= *max_exchanges_;
}

std::size_t Recorder::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return exchanges_.size();
}

recording::Recording Recorder::recording() const {
  recording::Recording out;
  out.version = 1;
  out.source = source_;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    out.exchanges = exchanges_;
  }
  recording::assign_exchange_ids(out.exchanges);
  return out;
}

std::string default_source(const std::string& upstream_url, std::chrono::system_clock::time_point now) {
  std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return fmt::format("recorded by gwlint record from {} on {}", upstream_url, stamp);
}

}  // namespace gwlint::record
