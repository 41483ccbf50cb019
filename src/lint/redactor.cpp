#include "lint/redactor.hpp"

#include <algorithm>
#include <cctype>

#include "config/value_source.hpp"
#include "lint/secret_text.hpp"
#include "rules/data/placeholders.hpp"
#include "rules/data/secret_names.hpp"

namespace gwlint {

namespace {

// Walks every mapping entry of the tree. Aliases are shallow copies that share children, so a
// walk can revisit nodes; the alias-expansion limit of the loader bounds that.
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

template <typename Visit>
void for_each_scalar(const Node* node, const Visit& visit, int depth = 0) {
  if (!node || depth > 128) return;
  if (node->is_scalar()) visit(node);
  for (const auto& entry : node->entries) for_each_scalar(entry.value, visit, depth + 1);
  for (const Node* item : node->items) for_each_scalar(item, visit, depth + 1);
}

// `$AZURE_KEY`, `${AZURE_KEY`, `${AZURE_KEY}`: a (broken) reference by a variable name is not a
// secret, and masking it would hide what ENV502 points at. `${sk-proj-...}` is a key in braces.
bool is_reference_by_name(std::string_view text) {
  for (std::string_view scheme : {"Bearer ", "Basic ", "Token "}) {  // `Bearer $${TOKEN}` too
    if (text.substr(0, scheme.size()) == scheme) text.remove_prefix(scheme.size());
  }
  if (text.empty() || text.front() != '$') return false;
  std::string name;
  for (char c : text) {
    if (c != '$' && c != '{' && c != '}' && c != ' ') name += c;
  }
  return is_valid_env_name(name) && looks_like_env_name(name);
}

// A documentation placeholder (`your-api-key`) is shown as is; one with a random tail
// (`your-key-4f2a9c1d8e7b…`) is a real key with a placeholder-looking start.
bool looks_random(std::string_view text) {
  size_t run = 0, best = 0;
  bool digit = false, alpha = false;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      ++run;
      digit = digit || std::isdigit(static_cast<unsigned char>(c));
      alpha = alpha || std::isalpha(static_cast<unsigned char>(c));
      if (digit && alpha) best = std::max(best, run);
    } else {
      run = 0;
      digit = alpha = false;
    }
  }
  return best >= 10;
}

}  // namespace

Redactor::Redactor(const Document& document) {
  // Only the aiGateway section: findings quote values from there, and lines elsewhere (a GW002
  // frame in `backend:`) are masked by secret_ranges_in_line. Walking all of a large
  // app-config for every file would cost more than linting it.
  const Node* gateway = document.root && document.root->is_mapping() ? document.root->find("aiGateway") : nullptr;
  for_each_entry(gateway, [&](const Node& mapping, const MappingEntry& entry) {
    std::string_view key = entry.key->text();
    const Node* value = entry.value;
    if (is_secretish_key(key)) {
      if (value->is_scalar()) {
        add_scalar(value);
      } else if (!is_indirect(value_source(value))) {
        for_each_scalar(value, [&](const Node* scalar) { add_scalar(scalar); });  // `apiKey: [sk-...]`
      }
    }
    // Header list form: {key: Authorization, value: ...}
    if (key == "key" && value->is_scalar() && data::is_secret_header_name(value->scalar)) {
      add_scalar(mapping.find("value"));
    }
    // Header map form, and any mapping keyed by a header name.
    if (data::is_secret_header_name(key)) add_scalar(value);
    // `Bearer …`, `Basic …` under any name (list form `value:` included).
    if (value->is_scalar() && data::is_credential_value(value->scalar)) add_scalar(value);
    if (value->is_scalar()) add_url_credentials(value);
  });
  std::sort(secrets_.begin(), secrets_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  secrets_.erase(std::unique(secrets_.begin(), secrets_.end()), secrets_.end());
  std::sort(spans_.begin(), spans_.end(), [](const SourceSpan& a, const SourceSpan& b) {
    return a.file != b.file ? a.file < b.file : a.begin < b.begin;
  });
}

void Redactor::add_scalar(const Node* value) {
  if (!value || !value->is_scalar()) return;
  const std::string& text = value->scalar;
  if (value_source(value) != ValueSource::Literal) {
    // `${VAR:-literal}`: the fallback is written in the file.
    for (const auto& ref : scan_env_references(text)) {
      if (!ref.has_fallback) continue;
      size_t fallback = text.find(":-", ref.begin);
      if (fallback != std::string::npos && fallback + 2 < ref.end - 1) {
        add_part(value, fallback + 2, ref.end - 1 - (fallback + 2));
      }
    }
    return;
  }
  // Documentation placeholders are not secrets; masking them would hide what SEC302 shows.
  if ((data::is_placeholder(text) && !looks_random(text)) || is_reference_by_name(text)) return;
  add_string(text);
  add_span(value->span.file, value->span.begin, value->span.end);
  // `${sk-proj-...}`: a key pasted inside braces shows up alone in ENV502's message.
  for (const auto& ref : scan_env_references(text)) {
    if (ref.problem.empty() || ref.end <= ref.begin + 2) continue;
    size_t inner = ref.begin + (text.compare(ref.begin, 2, "${") == 0 ? 2 : 1);
    size_t inner_end = ref.end > inner && text[ref.end - 1] == '}' ? ref.end - 1 : ref.end;
    if (inner_end > inner) add_string(std::string_view(text).substr(inner, inner_end - inner));
  }
  // The raw text of a quoted scalar can differ from the loaded value (escapes): mask both.
  const SourceSpan& span = value->span;
  if (value->is_quoted() && span.file && span.end > span.begin + 2) {
    add_string(std::string_view(span.file->text()).substr(span.begin + 1, span.end - span.begin - 2));
  }
}

// A part of a scalar: masked as a string, and as a span when the source holds the value as is.
void Redactor::add_part(const Node* value, size_t begin, size_t length) {
  std::string_view part = std::string_view(value->scalar).substr(begin, length);
  add_string(part);
  const SourceSpan& span = value->span;
  if (!span.file) return;
  size_t quote = value->is_quoted() ? 1 : 0;
  std::string_view raw = std::string_view(span.file->text()).substr(span.begin, span.end - span.begin);
  if (raw.size() >= quote + begin + length && raw.substr(quote + begin, length) == part) {
    add_span(span.file, span.begin + quote + begin, span.begin + quote + begin + length);
  } else {
    add_span(span.file, span.begin, span.end);  // escapes or folding: mask the whole value
  }
}

// `https://user:password@host/...?api-key=...`: the password and secret query values.
void Redactor::add_url_credentials(const Node* value) {
  for (auto [begin, end] : url_secret_ranges(value->scalar)) add_part(value, begin, end - begin);
}

void Redactor::add_string(std::string_view secret) {
  // Values too short to be secrets are too common to mask in free text; their spans still are.
  if (secret.size() < 6) return;
  secrets_.emplace_back(secret);
  // "Bearer <token>": the token alone may show up too (e.g. in a message).
  if (auto space = secret.rfind(' '); space != std::string_view::npos && secret.size() - space > 7) {
    secrets_.emplace_back(secret.substr(space + 1));
  }
}

void Redactor::add_span(const SourceFile* file, size_t begin, size_t end) {
  if (file && end > begin) spans_.push_back({file, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
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

MaskedLine Redactor::redact_line(const SourceFile& file, uint32_t line, size_t mark_begin, size_t mark_end) const {
  std::string_view text = file.line_text(line);
  const size_t line_start = file.offset_of_line(line);
  mark_begin = std::min(mark_begin, text.size());
  mark_end = std::min(std::max(mark_end, mark_begin), text.size());

  // Cut the line at the mark and at every secret span edge; mask secret pieces whole and run
  // the string masks over the rest, piece by piece, so the mark's place stays known.
  std::vector<size_t> cuts = {0, mark_begin, mark_end, text.size()};
  std::vector<std::pair<size_t, size_t>> secret_ranges;
  for (const SourceSpan& span : spans_) {
    if (span.file != &file || span.end <= line_start || span.begin >= line_start + text.size()) continue;
    size_t begin = span.begin > line_start ? span.begin - line_start : 0;
    size_t end = std::min<size_t>(span.end - line_start, text.size());
    secret_ranges.emplace_back(begin, end);
    cuts.push_back(begin);
    cuts.push_back(end);
  }
  // What the text alone gives away: needed where the tree is missing (a line GW001 stopped at)
  // or does not mark a value as secret (a misspelt `apiKye:`).
  for (auto [begin, end] : secret_ranges_in_line(text)) {
    secret_ranges.emplace_back(begin, end);
    cuts.push_back(begin);
    cuts.push_back(end);
  }
  // Overlapping ranges (a span and the same value found by text) become one masked range.
  secret_ranges = merge_ranges(std::move(secret_ranges));
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

  MaskedLine out;
  bool masking = false;  // inside a secret range already shown by its mask
  for (size_t i = 0; i + 1 < cuts.size(); ++i) {
    size_t begin = cuts[i], end = cuts[i + 1];
    if (begin == mark_begin) out.mark_begin = out.text.size();
    auto secret = std::find_if(secret_ranges.begin(), secret_ranges.end(),
                               [&](const auto& r) { return r.first <= begin && end <= r.second; });
    if (secret == secret_ranges.end()) {
      masking = false;
      out.text += redact(text.substr(begin, end - begin));
    } else if (!masking || begin == secret->first) {
      // Show the mask once per secret range; the first characters only when the range starts
      // on this line (a continuation line of a multi-line value shows none).
      size_t absolute_begin = line_start + secret->first;
      bool starts_here = std::any_of(spans_.begin(), spans_.end(),
                                     [&](const SourceSpan& s) { return s.file == &file && s.begin == absolute_begin; });
      std::string_view whole = text.substr(secret->first, secret->second - secret->first);
      out.text += starts_here ? mask(whole) : "…(redacted)";
      masking = true;
    }
    if (end == mark_end) out.mark_end = out.text.size();
  }
  if (mark_end == mark_begin) out.mark_end = out.mark_begin;
  if (text.empty()) out.mark_begin = out.mark_end = 0;
  return out;
}

}  // namespace gwlint
