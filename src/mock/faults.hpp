#pragma once
// What the faults configured for one exchange do to its answer, combined: a `status` fault replaces
// the response, `delay`/`event_delay` add waits, `truncate`/`malformed` cut a stream, and
// `reset`/`stall`/`empty` take over the connection itself.
#include <optional>
#include <string>
#include <vector>

#include "mock/mock_server.hpp"

namespace gwlint::mock {

enum class ConnectionFault { None, Reset, Stall, Empty };

struct FaultPlan {
  std::optional<Fault> status;
  int delay_ms = 0;                    // before the first byte
  int event_delay_ms = 0;              // before each event, on top of the recorded gap
  std::optional<int> truncate_after;   // events sent before the connection is dropped
  std::optional<int> malformed_after;  // events sent before the broken frame
  ConnectionFault connection = ConnectionFault::None;
  std::string names;  // "delay+status": for the journal; empty when no fault applies
  bool any() const { return !names.empty(); }
};

FaultPlan plan_faults(const std::vector<Fault>& faults, const std::string& exchange_id);

}  // namespace gwlint::mock
