#pragma once
// Masks secret values wherever they would be printed: messages, suggestions, fixes and the
// source lines of code frames, in every output format.
#include <string>
#include <string_view>
#include <vector>

#include "config/document.hpp"

namespace gwlint {

class Redactor {
 public:
  // Collects every literal value of a secret field or secret header in the document.
  explicit Redactor(const Document& document);
  Redactor() = default;

  // `text` with every known secret replaced by its mask ("4f2a…(redacted)").
  std::string redact(std::string_view text) const;
  bool empty() const { return secrets_.empty(); }

  static std::string mask(std::string_view secret);

 private:
  void add(std::string_view secret);
  std::vector<std::string> secrets_;  // longest first, so a secret inside another is masked whole
};

}  // namespace gwlint
