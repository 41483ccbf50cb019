// Bytes -> gwlint's own recording format (SCENARIOS.md §1) through the positioned loader; a
// recording that loads without problems is written as YAML and JSON and loaded back, and must
// come back the same, byte for byte in every body and event (fuzz/round_trip.hpp).
#include <cstdint>
#include <string>

#include "config/loader.hpp"
#include "round_trip.hpp"

using namespace gwlint;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  LoadLimits limits;
  auto document = load_document("fuzz-recording.yaml", std::move(text), limits, std::string());
  recording::LoadResult loaded = recording::recording_from_document(*document);
  for (const recording::Problem& problem : loaded.problems) {
    FUZZ_CHECK(!problem.message.empty(), "a recording problem without a message");
  }
  if (loaded.ok()) gwlint_fuzz::round_trip(*loaded.recording);
  return 0;
}
