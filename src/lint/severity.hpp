#pragma once
#include <optional>
#include <string_view>

namespace gwlint {

// Ordered: a higher value is more severe. `Off` only appears in configuration, never on a finding.
enum class Severity { Off = 0, Info = 1, Warning = 2, Error = 3 };

std::string_view severity_name(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);  // "off", "info", "warning", "error"

}  // namespace gwlint
