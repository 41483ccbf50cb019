#pragma once
// Masks secret values wherever they would be printed: messages, suggestions, fixes and the
// source lines of code frames, in every output format.
//
// Two mechanisms, because either alone leaks: secret *spans* (byte ranges of the source) mask
// code frames exactly, even when a value runs over several lines or is written with escapes;
// secret *strings* mask any other text that repeats a value (a message quoting a URL).
#include <string>
#include <string_view>
#include <vector>

#include "config/document.hpp"

namespace gwlint {

// A source line with secrets masked, and where a byte range of the original line landed.
struct MaskedLine {
  std::string text;
  size_t mark_begin = 0;  // byte offsets into `text` of the range asked for
  size_t mark_end = 0;
};

class Redactor {
 public:
  // Collects every literal secret in the document: values of secret fields and secret headers,
  // credentials inside URLs, literal fallbacks of `${VAR:-...}` in secret fields.
  explicit Redactor(const Document& document);
  Redactor() = default;

  // `text` with every known secret replaced by its mask ("4f2a…(redacted)").
  std::string redact(std::string_view text) const;
  // Line `line` of `file` with secrets masked; [mark_begin, mark_end) are byte offsets into the
  // line whose masked position the caller needs (a caret under a span).
  MaskedLine redact_line(const SourceFile& file, uint32_t line, size_t mark_begin, size_t mark_end) const;
  bool empty() const { return secrets_.empty() && spans_.empty(); }

  static std::string mask(std::string_view secret);

 private:
  void add_string(std::string_view secret);
  void add_span(const SourceFile* file, size_t begin, size_t end);
  void add_scalar(const Node* value);
  void add_part(const Node* value, size_t begin, size_t length);
  void add_url_credentials(const Node* value);

  std::vector<std::string> secrets_;  // longest first, so a secret inside another is masked whole
  std::vector<SourceSpan> spans_;     // sorted by file then begin
};

}  // namespace gwlint
