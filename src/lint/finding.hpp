#pragma once
// What every rule produces and every output format prints (PRODUCT.md §4).
#include <optional>
#include <string>
#include <vector>

#include "config/node.hpp"
#include "lint/severity.hpp"

namespace gwlint {

// Replace bytes [begin, end) of `file` with `replacement`. Fixes are text edits at source
// spans so everything else in the file stays byte for byte.
struct TextEdit {
  const SourceFile* file = nullptr;
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string replacement;
};

struct Fix {
  std::string replacement;  // the new text of the offending value, as shown to users
  std::vector<TextEdit> edits;
  bool safe = true;
};

struct RelatedLocation {
  SourceSpan span;
  std::string message;
};

struct Finding {
  std::string code;  // "AZ201"
  std::string name;  // "model-name-as-deployment"
  Severity severity = Severity::Error;
  SourceSpan span;
  std::string path;  // dotted config path
  std::string message;
  std::optional<std::string> suggestion;
  std::optional<Fix> fix;
  std::vector<RelatedLocation> related;

  const std::string& file() const;
};

}  // namespace gwlint
