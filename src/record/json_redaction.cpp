#include "record/json_redaction.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "record/upstream_target.hpp"
#include "recording/sanitizer.hpp"

namespace gwlint::record {

using ordered_json = nlohmann::ordered_json;

JsonRedaction::JsonRedaction(const std::vector<std::string>& pointers) {
  for (const std::string& pointer : pointers) {
    // "" is a valid pointer (the whole document), but redacting a whole body is never what was meant.
    bool valid = !pointer.empty();
    try {
      if (valid) ordered_json::json_pointer parsed(pointer);
    } catch (const nlohmann::json::exception&) {
      valid = false;
    }
    if (!valid) {
      throw UsageError(
          fmt::format("--redact-json: '{}' is not a JSON pointer (RFC 6901: '/user', '/messages/0/content')", pointer));
    }
    pointers_.push_back(pointer);
  }
}

bool JsonRedaction::apply(std::string& bytes) const {
  if (pointers_.empty() || bytes.empty()) return false;
  ordered_json document = ordered_json::parse(bytes, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return false;
  bool changed = false;
  for (const std::string& text : pointers_) {
    ordered_json::json_pointer pointer(text);
    try {
      if (!document.contains(pointer)) continue;
      document[pointer] = std::string(recording::kRedacted);
      changed = true;
    } catch (const nlohmann::json::exception&) {
      // An array index that is not a number ("/messages/x"): the pointer is simply not there.
    }
  }
  if (changed) bytes = document.dump();
  return changed;
}

}  // namespace gwlint::record
