#pragma once
// Files compiled into the binary by cmake/embed_files.cmake.
#include <string_view>
#include <vector>

namespace gwlint {

struct EmbeddedFile {
  std::string_view name;  // path relative to its folder: "providers/azure.schema.json", "AZ201.md"
  std::string_view content;
};

const std::vector<EmbeddedFile>& embedded_schemas();
const std::vector<EmbeddedFile>& embedded_rule_docs();

// The content of an embedded file by name, or empty.
std::string_view find_embedded(const std::vector<EmbeddedFile>& files, std::string_view name);

}  // namespace gwlint
