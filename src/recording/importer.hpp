#pragma once
// `gwlint import`: HAR 1.2, Azure SDK test-proxy JSON (`Entries`) and VCR.py YAML cassettes
// (`interactions`), detected by content, converted to a Recording, sanitised and checked.
#include <string>
#include <vector>

#include "recording/recording.hpp"
#include "recording/recording_io.hpp"

namespace gwlint::recording {

enum class ImportFormat { Har, TestProxy, Vcr, Gwlint };
const char* format_name(ImportFormat format);  // "HAR 1.2", "Azure SDK test-proxy", ...

struct ImportResult {
  std::optional<Recording> recording;
  ImportFormat format = ImportFormat::Gwlint;
  std::vector<Problem> errors;    // the file could not be imported (exit 2)
  std::vector<Problem> warnings;  // imported, but suspicious: a 200 carrying an error object, a
                                  // stream without [DONE], JSON that does not parse, a
                                  // Content-Length that does not match the body
};

ImportResult import_recording_file(const std::string& path);
// The same on bytes already in memory (the fuzz targets): `path` is for messages only and
// `$include`s are not resolved.
ImportResult import_recording_text(const std::string& path, std::string text);

}  // namespace gwlint::recording
