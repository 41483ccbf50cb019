#include "config/node.hpp"

#include <algorithm>

namespace gwlint {

const MappingEntry* Node::find_entry(std::string_view key) const {
  for (const auto& entry : entries) {
    if (entry.key->is_scalar() && entry.key->scalar == key) return &entry;
  }
  return nullptr;
}

const Node* Node::find(std::string_view key) const {
  const MappingEntry* entry = find_entry(key);
  return entry ? entry->value : nullptr;
}

static bool is_simple_key(std::string_view key) {
  if (key.empty()) return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return c != '.' && c != '[' && c != ']' && c != ' ' && static_cast<unsigned char>(c) > 0x20;
  });
}

namespace {

void append_key(std::string& path, std::string_view key) {
  if (is_simple_key(key)) {
    if (!path.empty()) path += '.';
    path += key;
  } else {
    path += "[\"";
    path += key;
    path += "\"]";
  }
}

}  // namespace

std::string path_of(const Node* node) {
  if (node && node->is_key) {
    // A key names the entry it starts: `aiGateway.providers.azure` for the `azure` key.
    std::string path = path_of(node->parent);
    append_key(path, node->text());
    return path;
  }
  std::vector<const Node*> chain;
  for (const Node* n = node; n && n->parent; n = n->parent) chain.push_back(n);
  std::string path;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const Node* n = *it;
    if (n->key_in_parent) {
      append_key(path, n->key_in_parent->text());
    } else if (n->index_in_parent >= 0) {
      path += '[';
      path += std::to_string(n->index_in_parent);
      path += ']';
    }
  }
  return path;
}

const char* kind_name(NodeKind kind) {
  switch (kind) {
    case NodeKind::Null:
      return "null";
    case NodeKind::Scalar:
      return "scalar";
    case NodeKind::Mapping:
      return "mapping";
    case NodeKind::Sequence:
      return "sequence";
  }
  return "?";
}

}  // namespace gwlint
