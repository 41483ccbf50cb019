#include "recording/recording.hpp"

#include <strings.h>

namespace gwlint::recording {

const std::string* find_header(const Headers& headers, std::string_view name) {
  for (const Header& header : headers) {
    if (header.name.size() == name.size() && strncasecmp(header.name.data(), name.data(), name.size()) == 0) {
      return &header.value;
    }
  }
  return nullptr;
}

}  // namespace gwlint::recording
