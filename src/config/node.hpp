#pragma once
// The positioned tree every later stage reads: YAML and JSON load into the same shape, and each
// node remembers where it came from (file and byte span) and, for scalars, how it was written.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "config/source_file.hpp"

namespace gwlint {

// Byte offsets into one source file; line/column are derived when a finding is printed.
struct SourceSpan {
  const SourceFile* file = nullptr;
  uint32_t begin = 0;
  uint32_t end = 0;

  SourcePosition begin_position() const { return file ? file->position_at(begin) : SourcePosition{}; }
  SourcePosition end_position() const { return file ? file->position_at(end) : SourcePosition{}; }
};

enum class NodeKind : uint8_t { Null, Scalar, Mapping, Sequence };
enum class ScalarStyle : uint8_t { Plain, SingleQuoted, DoubleQuoted, Literal, Folded };

struct Node;

struct MappingEntry {
  const Node* key = nullptr;
  const Node* value = nullptr;
};

struct Node {
  NodeKind kind = NodeKind::Null;
  ScalarStyle style = ScalarStyle::Plain;
  bool flow = false;    // written in flow style ({...} / [...]), always true for JSON
  bool is_key = false;  // a mapping key (its path is its mapping's path plus itself)
  SourceSpan span;
  std::string scalar;                 // scalar text as loaded (after YAML unescaping)
  std::string tag;                    // explicit tag, e.g. "tag:yaml.org,2002:str"; empty when none was written
  std::vector<MappingEntry> entries;  // mapping entries in source order; duplicates kept
  std::vector<const Node*> items;     // sequence items
  const Node* parent = nullptr;
  const Node* key_in_parent = nullptr;  // for a mapping value: its key node
  int32_t index_in_parent = -1;         // for a sequence item: its index
  uint64_t weight = 1;                  // node count with aliases expanded (billion-laughs guard)

  bool is_null() const { return kind == NodeKind::Null; }
  bool is_scalar() const { return kind == NodeKind::Scalar; }
  bool is_mapping() const { return kind == NodeKind::Mapping; }
  bool is_sequence() const { return kind == NodeKind::Sequence; }
  bool is_quoted() const { return style == ScalarStyle::SingleQuoted || style == ScalarStyle::DoubleQuoted; }

  // First entry whose key is the scalar `key` (exact match), or nullptr.
  const MappingEntry* find_entry(std::string_view key) const;
  const Node* find(std::string_view key) const;
  // The scalar text when this is a scalar, else empty.
  std::string_view text() const { return is_scalar() ? std::string_view(scalar) : std::string_view(); }
};

// Dotted config path of a node, e.g. "aiGateway.providers.azure.baseURL" or
// "aiGateway.providers.azure.headers[1].value".
std::string path_of(const Node* node);

const char* kind_name(NodeKind kind);

}  // namespace gwlint
