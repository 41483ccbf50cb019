#include "lint/value_helpers.hpp"

#include <algorithm>
#include <cctype>

#include "config/value_source.hpp"
#include "schema/yaml_json.hpp"

namespace gwlint {

namespace {

bool is_space(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}

// Text YAML would read as syntax when written plain: an indicator first, `: ` or ` #`.
bool has_plain_syntax(std::string_view text) {
  if (text.empty()) return false;
  return std::string_view("-?:,[]{}#&*!|>'\"%@`").find(text.front()) != std::string_view::npos ||
         text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos;
}

// Whether `text` reads back as the same string when written as a plain scalar outside a flow
// collection.
bool plain_safe(std::string_view text) {
  if (text.empty() || is_space(text.front()) || is_space(text.back()) || has_plain_syntax(text)) return false;
  return std::none_of(text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; });
}

std::string single_quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string double_quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

bool is_string_scalar(const Node* node) {
  return node && node->is_scalar() && schema::json_type_of(node) == schema::JsonType::String;
}

bool is_literal_string(const Node* node) {
  return is_string_scalar(node) && value_source(node) == ValueSource::Literal;
}

std::optional<std::string> requote_like(const Node* node, std::string_view text, Requote how) {
  if (!node || !node->is_scalar()) return std::nullopt;
  bool escape = how == Requote::EscapeAsNeeded;
  switch (node->style) {
    case ScalarStyle::Plain:
      if (escape) return plain_safe(text) ? std::string(text) : double_quoted(text);
      // EscapeAsNeeded guards edge spaces and line breaks, SameStyleOnly flow indicators inside a
      // flow collection: each check came from the rules that needed it, and both stay as they
      // were so every existing fix is byte-identical.
      if (text.empty() || has_plain_syntax(text)) return std::nullopt;
      if (node->parent && node->parent->flow && text.find_first_of(",[]{}") != std::string_view::npos) {
        return std::nullopt;
      }
      return std::string(text);
    case ScalarStyle::SingleQuoted:
      if (!escape && text.find('\'') != std::string_view::npos) return std::nullopt;
      return single_quoted(text);
    case ScalarStyle::DoubleQuoted:
      if (!escape && text.find_first_of("\"\\") != std::string_view::npos) return std::nullopt;
      return double_quoted(text);
    default:
      return std::nullopt;
  }
}

std::optional<Fix> replace_value_fix(const Node* node, std::string_view text, Requote how) {
  if (!node || !node->span.file) return std::nullopt;
  std::optional<std::string> written = requote_like(node, text, how);
  if (!written) return std::nullopt;
  Fix fix;
  fix.replacement = std::string(text);
  fix.edits.push_back(TextEdit{node->span.file, node->span.begin, node->span.end, std::move(*written)});
  return fix;
}

}  // namespace gwlint
