#include "resources/embedded.hpp"

namespace gwlint {

std::string_view find_embedded(const std::vector<EmbeddedFile>& files, std::string_view name) {
  for (const auto& file : files) {
    if (file.name == name) return file.content;
  }
  return {};
}

}  // namespace gwlint
