#include "audit/value_display.hpp"

#include <fmt/format.h>

#include "config/value_source.hpp"

namespace gwlint::audit {

namespace {

// `${VAR}` references only; literal text around them is dropped for secrets (a value written as
// `Bearer ${TOKEN}` shows as `Bearer ${TOKEN}` when it is not secret, `${TOKEN}` when it is).
std::string references_only(std::string_view text) {
  std::string out;
  for (const EnvReference& ref : scan_env_references(text)) {
    if (ref.name.empty()) continue;
    if (!out.empty()) out += " + ";
    out += "${" + ref.name + (ref.has_fallback ? ":-…}" : "}");
  }
  bool has_literal_text = false;
  size_t at = 0;
  for (const EnvReference& ref : scan_env_references(text)) {
    if (ref.begin > at) has_literal_text = true;
    at = ref.end;
  }
  if (at < text.size()) has_literal_text = true;
  if (has_literal_text) out += " (with literal text, redacted)";
  return out;
}

std::string single_value(const Node* object) {
  const Node* value = object->entries.front().value;
  return value && value->is_scalar() ? value->scalar : std::string("(not a string)");
}

}  // namespace

std::string masked_length(size_t length) {
  return fmt::format("•••• ({} chars)", length);
}

ValueOrigin describe_value(const Node* node, bool secret, const Redactor& redactor) {
  switch (value_source(node)) {
    case ValueSource::Missing:
      return {"missing", "(not set)"};
    case ValueSource::EnvSubstituted:
      return {"env", redactor.redact(secret ? references_only(node->scalar) : node->scalar)};
    case ValueSource::EnvObject:
      return {"env-object", redactor.redact("$env: " + single_value(node))};
    case ValueSource::FileObject:
      return {"file", redactor.redact("$file: " + single_value(node))};
    case ValueSource::IncludeObject:
      return {"include", redactor.redact("$include: " + single_value(node))};
    case ValueSource::Literal:
      if (secret) return {"literal", "literal in the file (redacted)"};
      return {"literal", redactor.redact(node->scalar)};
    case ValueSource::Other:
      break;
  }
  return {"other", node && node->is_null() ? "(null)" : "(not a string)"};
}

}  // namespace gwlint::audit
