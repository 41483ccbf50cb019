#pragma once
// The exchanges recorded so far, in completion order, shared by every proxy thread. Exchanges are
// redacted before they get here; ids are assigned when the recording is taken, with the
// importers' scheme (`chat-completions`, `chat-completions-stream`, numbered only when repeated).
#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "recording/recording.hpp"

namespace gwlint::record {

class Recorder {
 public:
  Recorder(std::string source, std::optional<std::size_t> max_exchanges);

  // Keeps the exchange unless the limit was reached already; returns whether it was kept.
  bool add(recording::Exchange exchange);
  bool limit_reached() const;
  std::size_t size() const;
  recording::Recording recording() const;

 private:
  std::string source_;
  std::optional<std::size_t> max_exchanges_;
  mutable std::mutex mutex_;
  std::vector<recording::Exchange> exchanges_;
};

// "recorded by gwlint record from https://x.openai.azure.com on 2025-06-01T10:00:00Z"
std::string default_source(const std::string& upstream_url, std::chrono::system_clock::time_point now);

}  // namespace gwlint::record
