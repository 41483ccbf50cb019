#include "lint/severity.hpp"

namespace gwlint {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::Off:
      return "off";
    case Severity::Info:
      return "info";
    case Severity::Warning:
      return "warning";
    case Severity::Error:
      return "error";
  }
  return "?";
}

std::optional<Severity> parse_severity(std::string_view text) {
  if (text == "off" || text == "none") return Severity::Off;
  if (text == "info" || text == "note") return Severity::Info;
  if (text == "warning" || text == "warn") return Severity::Warning;
  if (text == "error") return Severity::Error;
  return std::nullopt;
}

}  // namespace gwlint
