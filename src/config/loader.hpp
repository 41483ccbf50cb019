#pragma once
// Entry point of the config module: bytes in, a positioned Document out. Never throws for bad
// input; everything wrong with the input becomes a LoadProblem on the document.
#include <memory>
#include <optional>
#include <string>

#include "config/document.hpp"
#include "config/load_limits.hpp"

namespace gwlint {

// Parses `text` (YAML or JSON) that was read from `display_path`. `$include`s are resolved
// relative to `base_directory` (empty: includes are reported as unresolvable).
std::unique_ptr<Document> load_document(std::string display_path, std::string text, const LoadLimits& limits,
                                        const std::string& base_directory);

struct ReadResult {
  std::string text;
  bool too_large = false;            // the file is over the byte limit; text holds nothing
  uint64_t size = 0;                 // size of the file on disk when known
  std::optional<std::string> error;  // could not be read at all (missing, a directory, permissions)
};

// Reads a file (or stdin for "-") without reading past the size limit.
ReadResult read_input(const std::string& path, size_t max_bytes);

// Reads and loads a file; an unreadable file is the caller's business (see read_input).
std::unique_ptr<Document> load_text_as(const std::string& path, ReadResult read, const LoadLimits& limits);

}  // namespace gwlint
