#include "mock/faults.hpp"

#include <algorithm>
#include <cctype>

namespace gwlint::mock {

namespace {
constexpr struct {
  FaultKind kind;
  const char* name;
} kFaultNames[] = {
    {FaultKind::Status, "status"},       {FaultKind::Delay, "delay"}, {FaultKind::EventDelay, "event_delay"},
    {FaultKind::Truncate, "truncate"},   {FaultKind::Reset, "reset"}, {FaultKind::Stall, "stall"},
    {FaultKind::Malformed, "malformed"}, {FaultKind::Empty, "empty"}};
}  // namespace

const char* fault_kind_name(FaultKind kind) {
  for (const auto& entry : kFaultNames) {
    if (entry.kind == kind) return entry.name;
  }
  return "status";
}

std::optional<FaultKind> fault_kind_from_name(std::string_view name) {
  std::string normal;
  for (char c : name) normal += c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& entry : kFaultNames) {
    if (normal == entry.name) return entry.kind;
  }
  return std::nullopt;
}

FaultPlan plan_faults(const std::vector<Fault>& faults, const std::string& exchange_id) {
  FaultPlan plan;
  for (const auto& fault : faults) {
    if (fault.exchange != exchange_id) continue;
    if (!plan.names.empty()) plan.names += '+';
    plan.names += fault_kind_name(fault.kind);
    int after = std::max(fault.after_events, 0);
    switch (fault.kind) {
      case FaultKind::Status:
        plan.status = fault;
        break;
      case FaultKind::Delay:
        plan.delay_ms += std::max(fault.delay_ms, 0);
        break;
      case FaultKind::EventDelay:
        plan.event_delay_ms += std::max(fault.delay_ms, 0);
        break;
      case FaultKind::Truncate:
        plan.truncate_after = plan.truncate_after ? std::min(*plan.truncate_after, after) : after;
        break;
      case FaultKind::Malformed:
        plan.malformed_after = plan.malformed_after ? std::min(*plan.malformed_after, after) : after;
        break;
      // The connection faults exclude each other; the one listed first wins.
      case FaultKind::Reset:
        if (plan.connection == ConnectionFault::None) plan.connection = ConnectionFault::Reset;
        break;
      case FaultKind::Stall:
        if (plan.connection == ConnectionFault::None) plan.connection = ConnectionFault::Stall;
        break;
      case FaultKind::Empty:
        if (plan.connection == ConnectionFault::None) plan.connection = ConnectionFault::Empty;
        break;
    }
  }
  return plan;
}

}  // namespace gwlint::mock
