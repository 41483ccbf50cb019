#include "lint/finding.hpp"

namespace gwlint {

const std::string& Finding::file() const {
  static const std::string unknown = "<unknown>";
  return span.file ? span.file->path() : unknown;
}

}  // namespace gwlint
