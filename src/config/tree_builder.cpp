#include "config/tree_builder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string_view>
#include <unordered_set>

namespace gwlint {

namespace {

ScalarStyle style_at(const std::string& text, size_t offset) {
  if (offset >= text.size()) return ScalarStyle::Plain;
  switch (text[offset]) {
    case '"':
      return ScalarStyle::DoubleQuoted;
    case '\'':
      return ScalarStyle::SingleQuoted;
    case '|':
      return ScalarStyle::Literal;
    case '>':
      return ScalarStyle::Folded;
    default:
      return ScalarStyle::Plain;
  }
}

// yaml-cpp 0.7 decodes the YAML escapes `\N` (U+0085) and `\_` (U+00A0) to the single bytes 0x85 and
// 0xA0, not to their UTF-8 encodings, so a valid file gave strings that are not UTF-8 (found by
// fuzzing: fuzz/regressions/importer/; the recording writer then refused them). The text is checked
// to be UTF-8 before parsing and every other escape decodes to UTF-8, so in a double-quoted scalar a
// 0x85 or 0xA0 byte that does not continue a sequence came from one of those two escapes.
std::string repair_escapes(const std::string& value) {
  if (value.find_first_of("\x85\xA0") == std::string::npos) return value;
  std::string out;
  for (size_t i = 0; i < value.size();) {
    auto c = static_cast<unsigned char>(value[i]);
    size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool valid = length > 0 && i + length <= value.size();
    for (size_t k = 1; valid && k < length; ++k) valid = (static_cast<unsigned char>(value[i + k]) & 0xC0) == 0x80;
    if (valid) {
      out.append(value, i, length);
      i += length;
      continue;
    }
    if (c == 0x85 || c == 0xA0) out += '\xC2';
    out += static_cast<char>(c);
    ++i;
  }
  return out;
}

// Indentation (spaces) of the line that holds `offset`.
size_t indentation_of_line(const std::string& text, size_t offset) {
  size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  size_t i = line_start;
  while (i < text.size() && text[i] == ' ') ++i;
  return i - line_start;
}

// A block scalar (`|`, `>`) runs over the following lines that are blank or indented deeper
// than its parent (the key's column: `- key: |` has content indented past `key`, not past `-`);
// its span ends after the last such non-blank line.
size_t block_scalar_end(const std::string& text, size_t begin, size_t parent_indent) {
  size_t end = text.find('\n', begin);
  if (end == std::string::npos) return text.size();
  size_t last = end;
  while (end < text.size()) {
    size_t line = end + 1;
    size_t next = text.find('\n', line);
    if (next == std::string::npos) next = text.size();
    size_t i = line;
    while (i < next && text[i] == ' ') ++i;
    bool blank = i == next || (i + 1 == next && text[i] == '\r');
    if (!blank && i - line <= parent_indent) break;
    if (!blank) last = next > line && text[next - 1] == '\r' ? next - 1 : next;
    end = next;
  }
  return last;
}

constexpr size_t kUnterminated = std::string::npos;

// End offset of a scalar written at `begin`: exact for quoted, single-line plain and block
// scalars, end of line as the fallback. kUnterminated for a quote that never closes.
size_t scalar_end(const std::string& text, size_t begin, ScalarStyle style, const std::string& value,
                  size_t parent_indent) {
  const size_t n = text.size();
  if (style == ScalarStyle::DoubleQuoted) {
    for (size_t i = begin + 1; i < n; ++i) {
      if (text[i] == '\\') {
        ++i;
      } else if (text[i] == '"') {
        return i + 1;
      }
    }
    return kUnterminated;
  }
  if (style == ScalarStyle::SingleQuoted) {
    for (size_t i = begin + 1; i < n; ++i) {
      if (text[i] == '\'') {
        if (i + 1 < n && text[i + 1] == '\'') {
          ++i;
        } else {
          return i + 1;
        }
      }
    }
    return kUnterminated;
  }
  if (style == ScalarStyle::Literal || style == ScalarStyle::Folded)
    return block_scalar_end(text, begin, parent_indent);
  if (text.compare(begin, value.size(), value) == 0) return begin + value.size();
  size_t eol = text.find('\n', begin);
  if (eol == std::string::npos) eol = n;
  while (eol > begin && (text[eol - 1] == '\r' || text[eol - 1] == ' ')) --eol;
  return eol;
}

}  // namespace

TreeBuilder::TreeBuilder(Document& document, const SourceFile& file, size_t offset_bias, const LoadLimits& limits,
                         IncludeHandler include_handler)
    : document_(document),
      file_(file),
      offset_bias_(offset_bias),
      limits_(limits),
      include_handler_(std::move(include_handler)) {}

size_t TreeBuilder::offset_of(const YAML::Mark& mark) const {
  if (mark.pos < 0) return file_.text().size();
  return std::min(static_cast<size_t>(mark.pos) + offset_bias_, file_.text().size());
}

// yaml-cpp marks a node at its anchor or tag (`&a !!str value`); skip those to reach the value.
size_t TreeBuilder::skip_node_properties(size_t offset) const {
  const std::string& text = file_.text();
  while (offset < text.size() && (text[offset] == '&' || text[offset] == '!')) {
    while (offset < text.size() && text[offset] != ' ' && text[offset] != '\t' && text[offset] != '\n' &&
           text[offset] != '\r')
      ++offset;
    // The value may follow on the next line (`apiKey: &k` then the value indented below).
    while (offset < text.size() &&
           (text[offset] == ' ' || text[offset] == '\t' || text[offset] == '\n' || text[offset] == '\r'))
      ++offset;
  }
  return offset;
}

// yaml-cpp reads a block-mapping line without `:` (`  languageModel azure`) as a key with an
// empty value; YAML and Backstage reject it, and reading it as a key hides the real mistake.
void TreeBuilder::check_entry_has_colon(const Node& key, const Node& value) const {
  if (!key.is_scalar() || key.style != ScalarStyle::Plain || !value.is_null() || value.span.begin != value.span.end)
    return;
  const std::string& text = file_.text();
  size_t before = key.span.begin;
  while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
  if (before > 0 && text[before - 1] == '?') return;  // explicit key: `? key`
  size_t after = key.span.end;
  while (after < text.size() && (text[after] == ' ' || text[after] == '\t')) ++after;
  if (after < text.size() && text[after] == ':') return;
  // Quote only the first word: the rest of such a line is often a value, and may be a secret.
  std::string first_word = key.scalar.substr(0, std::min(key.scalar.find_first_of(" \t"), size_t{40}));
  throw SyntaxFailure{key.span.begin, fmt::format("the line starting `{}` is not a `key: value` entry (there is no "
                                                  "`:`); a mapping line needs a colon after the key",
                                                  first_word)};
}

void TreeBuilder::attach(Node* node) {
  if (stack_.empty()) {
    if (!root_) root_ = node;
    return;
  }
  Frame& top = stack_.back();
  Node* parent = top.node;
  if (parent->is_sequence()) {
    if (!node->parent) {
      node->parent = parent;
      node->index_in_parent = static_cast<int32_t>(parent->items.size());
    }
    parent->items.push_back(node);
    return;
  }
  if (!top.pending_key) {
    if (!node->parent) {
      node->parent = parent;
      node->is_key = true;
    }
    top.pending_key = node;
    return;
  }
  if (!parent->flow) check_entry_has_colon(*top.pending_key, *node);
  if (!node->parent && node->is_null() && node->span.begin == node->span.end) {
    // An empty value (`key:`) has no text of its own: point at the key.
    node->span = top.pending_key->span;
  }
  if (!node->parent) {
    node->parent = parent;
    node->key_in_parent = top.pending_key;
  }
  parent->entries.push_back({top.pending_key, node});
  top.pending_key = nullptr;
}

void TreeBuilder::OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) {
  Node* node = document_.new_node();
  node->kind = NodeKind::Null;
  size_t offset = offset_of(mark);
  node->span = {&file_, static_cast<uint32_t>(offset), static_cast<uint32_t>(offset)};
  if (anchor) anchors_[anchor] = node;
  attach(node);
}

void TreeBuilder::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
  size_t offset = offset_of(mark);
  auto it = anchors_.find(anchor);
  bool open = it != anchors_.end() &&
              std::any_of(stack_.begin(), stack_.end(), [&](const Frame& f) { return f.node == it->second; });
  if (it == anchors_.end() || open) {
    throw LimitExceeded{offset, "an alias refers to a node that contains it (a recursive alias)"};
  }
  const Node* target = it->second;
  alias_weight_ += target->weight;
  if (alias_weight_ > limits_.max_alias_expansion) {
    throw LimitExceeded{offset, fmt::format("aliases expand to more than {} nodes (an alias bomb?); refusing to "
                                            "expand them",
                                            limits_.max_alias_expansion)};
  }
  // A shallow copy that lives where the alias is written: findings on it point at `*name`
  // with this place's config path, and a fix replaces the alias, not the anchored value.
  Node* copy = document_.new_node();
  copy->kind = target->kind;
  copy->style = target->style;
  copy->flow = target->flow;
  copy->scalar = target->scalar;
  copy->tag = target->tag;
  copy->entries = target->entries;
  copy->items = target->items;
  copy->weight = target->weight;
  const std::string& text = file_.text();
  size_t end = offset + 1;
  while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != ',' &&
         text[end] != ']' && text[end] != '}')
    ++end;
  copy->span = {&file_, static_cast<uint32_t>(offset), static_cast<uint32_t>(end)};
  attach(copy);
}

void TreeBuilder::OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                           const std::string& value) {
  Node* node = document_.new_node();
  node->kind = NodeKind::Scalar;
  size_t begin = skip_node_properties(offset_of(mark));
  node->style = style_at(file_.text(), begin);
  node->scalar = node->style == ScalarStyle::DoubleQuoted ? repair_escapes(value) : value;
  if (tag != "?" && tag != "!") node->tag = tag;
  size_t parent_indent = indentation_of_line(file_.text(), begin);
  if (!stack_.empty() && stack_.back().pending_key && stack_.back().pending_key->span.file == &file_) {
    size_t key = stack_.back().pending_key->span.begin;
    size_t line_start = file_.text().rfind('\n', key == 0 ? 0 : key - 1);
    parent_indent = key - (line_start == std::string::npos ? 0 : line_start + 1);
  }
  size_t end = scalar_end(file_.text(), begin, node->style, value, parent_indent);
  if (end == kUnterminated) {
    throw SyntaxFailure{begin, "this quoted string is never closed: add the closing quote"};
  }
  node->span = {&file_, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
  if (anchor) anchors_[anchor] = node;
  attach(node);
}

void TreeBuilder::open_container(Node* node, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                                 bool flow) {
  size_t begin = skip_node_properties(offset_of(mark));
  if (static_cast<int>(stack_.size()) >= limits_.max_depth) {
    throw LimitExceeded{begin, fmt::format("nesting deeper than {} levels", limits_.max_depth)};
  }
  node->flow = flow;
  if (tag != "?" && tag != "!") node->tag = tag;
  node->span = {&file_, static_cast<uint32_t>(begin), static_cast<uint32_t>(begin)};
  if (anchor) anchors_[anchor] = node;
  attach(node);
  stack_.push_back({node});
}

void TreeBuilder::close_container() {
  Node* node = stack_.back().node;
  stack_.pop_back();
  // The weight of a finished container counts its children once more for each alias to it.
  uint64_t weight = 1;
  uint32_t end = node->span.begin;
  auto absorb = [&](const Node* child) {
    weight = std::min<uint64_t>(weight + child->weight, UINT64_MAX / 2);
    if (child->span.file == &file_) end = std::max(end, child->span.end);
  };
  for (const auto& entry : node->entries) {
    absorb(entry.key);
    absorb(entry.value);
  }
  for (const Node* item : node->items) absorb(item);
  if (node->flow) {
    // Include the closing bracket when it follows directly (after blanks).
    const std::string& text = file_.text();
    size_t i = end == node->span.begin ? end + 1 : end;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
    if (i < text.size() && (text[i] == '}' || text[i] == ']')) end = static_cast<uint32_t>(i + 1);
  }
  node->weight = weight;
  node->span.end = end;
  if (node->is_mapping()) {
    report_duplicate_keys(*node);
    if (include_handler_ && node->entries.size() == 1 && node->entries[0].key->text() == "$include") {
      include_handler_(*node);
    }
  }
}

void TreeBuilder::report_duplicate_keys(const Node& mapping) {
  if (mapping.entries.size() < 2) return;
  auto report = [&](const MappingEntry& first, const MappingEntry& again) {
    LoadProblem problem{LoadProblemKind::DuplicateKey,
                        again.key->span,
                        fmt::format("duplicate key '{}': it is also defined on line {}; most loaders keep only "
                                    "one of them silently",
                                    again.key->scalar, first.key->span.begin_position().line),
                        {first.key->span},
                        path_of(again.value)};
    document_.problems.push_back(std::move(problem));
  };
  if (mapping.entries.size() <= 8) {
    for (size_t i = 1; i < mapping.entries.size(); ++i) {
      const MappingEntry& entry = mapping.entries[i];
      if (!entry.key->is_scalar()) continue;
      for (size_t j = 0; j < i; ++j) {
        if (mapping.entries[j].key->is_scalar() && mapping.entries[j].key->scalar == entry.key->scalar) {
          report(mapping.entries[j], entry);
          break;
        }
      }
    }
    return;
  }
  std::unordered_map<std::string_view, size_t> seen;
  seen.reserve(mapping.entries.size());
  for (size_t i = 0; i < mapping.entries.size(); ++i) {
    const MappingEntry& entry = mapping.entries[i];
    if (!entry.key->is_scalar()) continue;
    auto [it, inserted] = seen.emplace(entry.key->scalar, i);
    if (!inserted) report(mapping.entries[it->second], entry);
  }
}

void TreeBuilder::OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                                  YAML::EmitterStyle::value style) {
  Node* node = document_.new_node();
  node->kind = NodeKind::Sequence;
  open_container(node, mark, tag, anchor, style == YAML::EmitterStyle::Flow);
}

void TreeBuilder::OnSequenceEnd() {
  close_container();
}

void TreeBuilder::OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                             YAML::EmitterStyle::value style) {
  Node* node = document_.new_node();
  node->kind = NodeKind::Mapping;
  open_container(node, mark, tag, anchor, style == YAML::EmitterStyle::Flow);
}

void TreeBuilder::OnMapEnd() {
  close_container();
}

}  // namespace gwlint
