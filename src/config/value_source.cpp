#include "config/value_source.hpp"

#include <cctype>

namespace gwlint {

ValueSource value_source(const Node* node) {
  if (!node) return ValueSource::Missing;
  if (node->is_scalar()) {
    for (const auto& ref : scan_env_references(node->scalar)) {
      if (ref.problem.empty()) return ValueSource::EnvSubstituted;
    }
    return ValueSource::Literal;
  }
  if (node->is_mapping() && node->entries.size() == 1) {
    std::string_view key = node->entries[0].key->text();
    if (key == "$env") return ValueSource::EnvObject;
    if (key == "$file") return ValueSource::FileObject;
    if (key == "$include") return ValueSource::IncludeObject;
  }
  return ValueSource::Other;
}

bool is_indirect(ValueSource source) {
  return source == ValueSource::EnvSubstituted || source == ValueSource::EnvObject ||
         source == ValueSource::FileObject || source == ValueSource::IncludeObject;
}

bool is_valid_env_name(std::string_view name) {
  if (name.empty()) return false;
  if (!(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) return false;
  for (char c : name) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  }
  return true;
}

std::vector<EnvReference> scan_env_references(std::string_view text) {
  std::vector<EnvReference> refs;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '$') continue;
    if (i + 1 < text.size() && text[i + 1] == '$') {  // `$$` escapes: `$${X}` is the literal `${X}`
      ++i;
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '{') {
      size_t close = text.find('}', i + 2);
      EnvReference ref;
      ref.begin = i;
      if (close == std::string_view::npos) {
        ref.end = text.size();
        ref.problem = "is never closed: add '}'";
        refs.push_back(ref);
        break;
      }
      ref.end = close + 1;
      std::string_view inner = text.substr(i + 2, close - i - 2);
      // Backstage trims the name before looking it up.
      while (!inner.empty() && inner.front() == ' ') inner.remove_prefix(1);
      while (!inner.empty() && inner.back() == ' ') inner.remove_suffix(1);
      // Backstage's loader also takes a fallback: `${VAR:-default}`.
      if (auto fallback = inner.find(":-"); fallback != std::string_view::npos) {
        ref.has_fallback = true;
        inner = inner.substr(0, fallback);
        while (!inner.empty() && inner.back() == ' ') inner.remove_suffix(1);
      }
      if (inner.empty()) {
        ref.problem = "is empty: name a variable inside ${...}";
      } else if (!is_valid_env_name(inner)) {
        ref.problem = "is not a valid variable name (letters, digits and '_', not starting with a digit)";
      } else {
        ref.name = std::string(inner);
      }
      refs.push_back(ref);
      i = close;
      continue;
    }
    // `$VAR` is not substituted by Backstage: it stays the literal text `$VAR`.
    size_t j = i + 1;
    while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_')) ++j;
    if (j > i + 1 && (std::isupper(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '_')) {
      EnvReference ref;
      ref.begin = i;
      ref.end = j;
      ref.problem = "has no braces: Backstage only substitutes ${VAR}";
      refs.push_back(ref);
      i = j - 1;
    }
  }
  return refs;
}

}  // namespace gwlint
