#include "lint/redactor.hpp"

#include <algorithm>

#include "config/value_source.hpp"
#include "rules/data/placeholders.hpp"
#include "rules/data/secret_names.hpp"

namespace gwlint {

namespace {

// Walks every mapping; aliases make the tree a DAG, so the node-count limit bounds the walk.
template <typename Visit>
void for_each_entry(const Node* node, const Visit& visit, int depth = 0) {
  if (!node || depth > 128) return;
  if (node->is_mapping()) {
    for (const auto& entry : node->entries) {
      visit(*node, entry);
      for_each_entry(entry.value, visit, depth + 1);
    }
  } else if (node->is_sequence()) {
    for (const Node* item : node->items) for_each_entry(item, visit, depth + 1);
  }
}

// True when the text is nothing but (possibly malformed) env references, e.g. `$AZURE_KEY`.
bool is_only_references(std::string_view text) {
  auto refs = scan_env_references(text);
  if (refs.empty()) return false;
  size_t covered = 0;
  for (const auto& ref : refs) covered += ref.end - ref.begin;
  size_t blanks = static_cast<size_t>(std::count(text.begin(), text.end(), ' '));
  return covered + blanks >= text.size();
}

}  // namespace

Redactor::Redactor(const Document& document) {
  auto add_node = [&](const Node* value) {
    if (!value || !value->is_scalar() || value_source(value) != ValueSource::Literal) return;
    // Documentation placeholders and broken `$VAR` references are not secrets; masking them
    // would hide exactly what SEC302 and ENV502 point at.
    if (data::is_placeholder(value->scalar) || is_only_references(value->scalar)) return;
    add(value->scalar);
    // The raw text of a quoted scalar can differ from the loaded value (escapes): mask both.
    const SourceSpan& span = value->span;
    if (value->is_quoted() && span.file && span.end > span.begin) {
      add(std::string_view(span.file->text()).substr(span.begin, span.end - span.begin));
    }
  };
  for_each_entry(document.root, [&](const Node& mapping, const MappingEntry& entry) {
    std::string_view key = entry.key->text();
    if (data::is_secret_field_name(key) || key == "accessKeyId") add_node(entry.value);
    // Header list form: {key: Authorization, value: ...}
    if (key == "key" && entry.value->is_scalar() && data::is_secret_header_name(entry.value->scalar)) {
      add_node(mapping.find("value"));
    }
    // Header map form, and any mapping keyed by a header name.
    if (data::is_secret_header_name(key)) add_node(entry.value);
  });
  std::sort(secrets_.begin(), secrets_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  secrets_.erase(std::unique(secrets_.begin(), secrets_.end()), secrets_.end());
}

void Redactor::add(std::string_view secret) {
  // Strip quotes of raw spans and ignore values too short to be secrets (and too common to mask).
  while (!secret.empty() && (secret.front() == '"' || secret.front() == '\'')) secret.remove_prefix(1);
  while (!secret.empty() && (secret.back() == '"' || secret.back() == '\'')) secret.remove_suffix(1);
  if (secret.size() < 6) return;
  secrets_.emplace_back(secret);
  // "Bearer <token>": the token alone may show up too (e.g. in a message).
  if (auto space = secret.rfind(' '); space != std::string_view::npos && secret.size() - space > 7) {
    secrets_.emplace_back(secret.substr(space + 1));
  }
}

std::string Redactor::mask(std::string_view secret) {
  if (secret.size() < 12) return "…(redacted)";
  return std::string(secret.substr(0, 4)) + "…(redacted)";
}

std::string Redactor::redact(std::string_view text) const {
  std::string out(text);
  for (const auto& secret : secrets_) {
    size_t at = 0;
    while ((at = out.find(secret, at)) != std::string::npos) {
      std::string masked = mask(secret);
      out.replace(at, secret.size(), masked);
      at += masked.size();
    }
  }
  return out;
}

}  // namespace gwlint
