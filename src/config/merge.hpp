#pragma once
// `--merge a.yaml b.yaml ...`: the configuration Backstage actually runs with, built the way its
// loader merges `--config` layers: later layers win, mappings merge deeply, lists and scalars
// are replaced whole. Every node of the merged view is a node of the layer it came from, so a
// finding points at the file and line where the effective value is written.
#include <memory>
#include <vector>

#include "config/document.hpp"

namespace gwlint {

// Layers in order (base first). The result owns them; its main file is the first layer's.
std::unique_ptr<Document> merge_layers(std::vector<std::unique_ptr<Document>> layers);

}  // namespace gwlint
