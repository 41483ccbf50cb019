#pragma once
// `gwlint lint --fix` and `--diff`: the safe fixes of a lint report applied as text edits, so
// every byte no fix touches stays as it was (PRODUCT.md §3).
#include <string>
#include <vector>

#include "lint/linter.hpp"

namespace gwlint {

struct FixedFile {
  const SourceFile* file = nullptr;
  std::string path;  // as the document names it (what --fix writes, --diff prints)
  std::string text;  // the file with the accepted edits applied
  size_t fixes = 0;  // findings fixed in this file
};

struct FixResult {
  std::vector<FixedFile> files;  // only files whose text changes, in document order
  size_t fixed = 0;              // findings whose fix was applied
  size_t overlapping = 0;        // fixes dropped because they overlap an accepted one
};

// Collects every safe fix of the report, sorts the edits by position (then rule code), drops a
// fix any of whose edits overlaps an edit accepted before it, and applies the rest per file.
// A fix identical to one already accepted counts as fixed; an edit that changes nothing is
// skipped, so a report with nothing left to do gives an empty result.
FixResult apply_fixes(const FileReport& report);

// A unified diff (`--- a/PATH`, `+++ b/PATH`, hunks with `context` lines around each change)
// from `before` to `after`; empty when they are equal. Files over `max_lines` lines get one
// whole-file hunk instead of a line-by-line comparison.
std::string unified_diff(const std::string& path, const std::string& before, const std::string& after,
                         size_t context = 3, size_t max_lines = 20000);

// Replaces `path` with `text` atomically: a temporary file in the same directory, the original
// file's mode, fsync, rename. A symlink is followed, so the link stays a link. False with
// `error` set when it cannot (the original is then untouched).
bool write_file_atomically(const std::string& path, const std::string& text, std::string& error);

}  // namespace gwlint
