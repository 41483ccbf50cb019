#pragma once
// Inline suppression comments (PRODUCT.md §3):
//   # gwlint-disable-line CODE[,CODE] [-- reason]       findings on this line
//   # gwlint-disable-next-line CODE[,CODE] [-- reason]  findings on the next line
//   # gwlint-disable-file CODE[,CODE] [-- reason]       findings anywhere in the file
// Codes or rule names; no code means every rule. A directive, or a code in it, that suppressed
// nothing is reported as GW006 unused-suppression, with a fix that removes it.
#include <string>
#include <vector>

#include "config/document.hpp"
#include "lint/finding.hpp"
#include "lint/linter.hpp"

namespace gwlint {

enum class SuppressionScope { Line, NextLine, File };

struct Suppression {
  SuppressionScope scope = SuppressionScope::Line;
  const SourceFile* file = nullptr;
  uint32_t line = 0;               // the comment's line (1-based)
  uint32_t comment_begin = 0;      // byte offset of '#'
  uint32_t comment_end = 0;        // end of the comment (end of line)
  bool owns_line = false;          // nothing but the comment on its line
  std::vector<std::string> codes;  // as written; empty: every rule
  std::vector<bool> used;          // per code (or one entry when codes is empty)
};

// Every suppression comment in the document's YAML files (JSON has no comments).
std::vector<Suppression> find_suppressions(const Document& document);

// Drops suppressed findings from `findings`, then appends a GW006 finding for each directive
// (or code) that suppressed nothing, among the rules `policy` lets run.
void apply_suppressions(const Document& document, std::vector<Finding>& findings, const RulePolicy& policy);

}  // namespace gwlint
