#include "config/merge.hpp"

namespace gwlint {

void Document::adopt_layer(std::unique_ptr<Document> layer) {
  for (auto& file : layer->files_) files_.push_back(std::move(file));
  layer->files_.clear();
  layers_.push_back(std::move(layer));
}

namespace {

// A new mapping holding `base`'s entries with `over`'s merged in: keys keep base order, new keys
// follow in `over`'s order; a key present in both takes `over`'s key node, so findings about
// the key point at the layer that set it last.
const Node* merge_nodes(Document& merged, const Node* base, const Node* over, const Node* parent,
                        const Node* key_in_parent) {
  if (!base || !over || !base->is_mapping() || !over->is_mapping()) return over ? over : base;
  Node* node = merged.new_node();
  node->kind = NodeKind::Mapping;
  node->flow = over->flow;
  node->span = over->span;
  node->parent = parent;
  node->key_in_parent = key_in_parent;
  node->weight = 1;
  auto add = [&](const Node* key, const Node* value) {
    node->entries.push_back({key, value});
    node->weight += key->weight + value->weight;
  };
  for (const auto& entry : base->entries) {
    const MappingEntry* later = entry.key->is_scalar() ? over->find_entry(entry.key->scalar) : nullptr;
    if (!later) {
      add(entry.key, entry.value);
    } else {
      add(later->key, merge_nodes(merged, entry.value, later->value, node, later->key));
    }
  }
  for (const auto& entry : over->entries) {
    if (!entry.key->is_scalar() || !base->find_entry(entry.key->scalar)) add(entry.key, entry.value);
  }
  return node;
}

// Copies the merged tree into `merged` so that every node's parent is its parent in the merged
// view (rules walk up from a value to its provider block). Spans still point into the layers.
const Node* reparent(Document& merged, const Node* node, const Node* parent, const Node* key, int32_t index,
                     int depth = 0) {
  if (!node || depth > 256) return node;
  Node* copy = merged.new_node();
  *copy = *node;
  copy->parent = parent;
  copy->key_in_parent = key;
  copy->index_in_parent = index;
  copy->is_key = false;
  for (auto& entry : copy->entries) {
    Node* new_key = merged.new_node();
    *new_key = *entry.key;
    new_key->parent = copy;
    new_key->is_key = true;
    entry.key = new_key;
    entry.value = reparent(merged, entry.value, copy, new_key, -1, depth + 1);
  }
  for (size_t i = 0; i < copy->items.size(); ++i) {
    copy->items[i] = reparent(merged, copy->items[i], copy, nullptr, static_cast<int32_t>(i), depth + 1);
  }
  return copy;
}

}  // namespace

std::unique_ptr<Document> merge_layers(std::vector<std::unique_ptr<Document>> layers) {
  auto merged = std::make_unique<Document>();
  const Node* root = nullptr;
  bool first = true;
  for (auto& layer : layers) {
    merged->problems.insert(merged->problems.end(), layer->problems.begin(), layer->problems.end());
    merged->fatal = merged->fatal || layer->fatal;
    if (first) merged->format = layer->format;
    first = false;
    if (layer->root && !layer->fatal) {
      root = root && root->is_mapping() && layer->root->is_mapping()
                 ? merge_nodes(*merged, root, layer->root, nullptr, nullptr)
                 : layer->root;
    }
    merged->adopt_layer(std::move(layer));
  }
  merged->root = merged->fatal ? nullptr : reparent(*merged, root, nullptr, nullptr, -1);
  return merged;
}

}  // namespace gwlint
