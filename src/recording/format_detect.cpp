// Formats are told apart by content, never by file extension: HAR files are often saved as
// .json, cassettes as .yml or .json, test-proxy files always as .json.
#include "recording/import_detail.hpp"

namespace gwlint::recording {

const char* format_name(ImportFormat format) {
  switch (format) {
    case ImportFormat::Har:
      return "HAR 1.2";
    case ImportFormat::TestProxy:
      return "Azure SDK test-proxy";
    case ImportFormat::Vcr:
      return "VCR.py cassette";
    case ImportFormat::Gwlint:
      return "gwlint recording";
  }
  return "unknown";
}

std::optional<ImportFormat> detect_format(const Node* root) {
  if (!root || !root->is_mapping()) return std::nullopt;
  if (const Node* log = root->find("log"); log && log->is_mapping() && log->find("entries")) return ImportFormat::Har;
  if (root->find("Entries")) return ImportFormat::TestProxy;
  if (root->find("interactions")) return ImportFormat::Vcr;
  if (root->find("exchanges")) return ImportFormat::Gwlint;
  return std::nullopt;
}

}  // namespace gwlint::recording
