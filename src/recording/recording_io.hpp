#pragma once
// Loading and saving gwlint recordings (SCENARIOS.md §1). Loading goes through the positioned
// config loader, so every problem in a recording has a file:line:col, like a config finding.
#include <optional>
#include <string>
#include <vector>

#include "config/document.hpp"
#include "config/node.hpp"
#include "recording/recording.hpp"

namespace gwlint::recording {

struct Problem {
  std::string location;  // "file:line:col" (or just "file" when nothing narrower is known)
  std::string message;
};

struct LoadResult {
  std::optional<Recording> recording;  // empty when a problem made it unusable
  std::vector<Problem> problems;       // any problem means the recording is invalid (exit 2)
  bool ok() const { return recording.has_value() && problems.empty(); }
};

// Reads a recording file (YAML or JSON) from disk.
LoadResult load_recording_file(const std::string& path);

// A recording already loaded into a positioned document (the importer's pass-through for files
// that are in gwlint's format already): the document's load problems come first.
LoadResult recording_from_document(const Document& document);

// The `exchanges:` sequence written inline in a scenario file (already loaded and positioned).
LoadResult recording_from_exchanges(const Node& exchanges, const std::string& source);

// Serialises a recording; `.json` paths get JSON, anything else YAML. Bodies that are JSON text
// whose bytes re-serialise identically may be written as `json:`; everything else as `text:`, or
// `base64:` when not valid UTF-8, so a reload gives the same bytes.
std::string recording_to_yaml(const Recording& recording);
std::string recording_to_json(const Recording& recording);

// Writes to `path` atomically (temp file + rename); throws std::runtime_error with a message.
void write_recording_file(const std::string& path, const Recording& recording);

// The same with the format chosen by the caller (`gwlint import --format`), not the extension.
enum class RecordingFormat { Yaml, Json };
RecordingFormat recording_format_for_path(const std::string& path);  // `.json` (any case): Json
void write_recording_file(const std::string& path, const Recording& recording, RecordingFormat format);

}  // namespace gwlint::recording
