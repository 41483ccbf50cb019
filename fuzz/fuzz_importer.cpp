// Bytes -> `gwlint import` in memory (recording::import_recording_text): format detection by
// content, then the HAR 1.2, Azure SDK test-proxy, VCR.py or gwlint path, stream splitting, ids,
// checks and secret redaction. What imports without errors must survive the writer and the
// loader unchanged (fuzz/round_trip.hpp), as `gwlint import` writes it.
#include <cstdint>
#include <string>

#include "recording/importer.hpp"
#include "recording/sanitizer.hpp"
#include "round_trip.hpp"

using namespace gwlint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  recording::ImportResult result = recording::import_recording_text("fuzz-import.json", std::move(text));
  if (!result.errors.empty() || !result.recording) return 0;
  // No credential survives an import: a secret header keeps at most its scheme (`Bearer <redacted>`).
  auto redacted = [](const std::string& value) {
    std::string_view tail = recording::kRedacted;
    return value.empty() || (value.size() >= tail.size() &&
                             value.compare(value.size() - tail.size(), tail.size(), std::string(tail)) == 0);
  };
  for (const recording::Exchange& exchange : result.recording->exchanges) {
    for (const auto* headers : {&exchange.request.headers, &exchange.response.headers}) {
      for (const recording::Header& header : *headers) {
        FUZZ_CHECK(!recording::is_secret_header(header.name) || redacted(header.value),
                   "a secret header survived the import: " + header.name + ": " + header.value);
      }
    }
    for (const auto& [name, value] : exchange.request.query) {
      FUZZ_CHECK(!recording::is_secret_query_key(name) || value.empty() || value == recording::kRedacted,
                 "a secret query parameter survived the import: " + name + "=" + value);
    }
  }
  gwlint_fuzz::round_trip(*result.recording);
  return 0;
}
