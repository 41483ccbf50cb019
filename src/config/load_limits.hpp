#pragma once
#include <cstddef>
#include <cstdint>

namespace gwlint {

// Checked before deep work so hostile input is refused cheaply (rule GW007).
struct LoadLimits {
  size_t max_bytes = 8u << 20;           // 8 MiB per file
  int max_depth = 64;                    // nesting of mappings and sequences
  uint64_t max_expanded_nodes = 200000;  // node count with aliases expanded
  int max_include_depth = 16;
};

}  // namespace gwlint
