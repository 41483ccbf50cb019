#pragma once
#include <cstddef>
#include <cstdint>

namespace gwlint {

// Checked before deep work so hostile input is refused cheaply (rule GW007).
struct LoadLimits {
  size_t max_bytes = 8u << 20;  // 8 MiB per file
  int max_depth = 64;           // nesting of mappings and sequences
  // Nodes that aliases may add when expanded (billion-laughs guard). Plain nodes are bounded by
  // max_bytes already; only what aliases multiply is counted here.
  uint64_t max_alias_expansion = 100000;
  int max_include_depth = 16;
};

}  // namespace gwlint
