#include "lint/suppressions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <tuple>

#include "lint/rule.hpp"

namespace gwlint {

namespace {

constexpr std::string_view kMarker = "gwlint-disable-";

// The byte where a `#` comment starts on this line, ignoring `#` inside quotes or glued to text
// (`a#b` is not a comment in YAML).
size_t comment_start(std::string_view line) {
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') {
      if (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t' || line[i - 1] == ':' || line[i - 1] == '[' ||
          line[i - 1] == '{' || line[i - 1] == ',')
        quote = c;
      continue;
    }
    if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) return i;
  }
  return std::string_view::npos;
}

std::vector<std::string> split_codes(std::string_view text) {
  std::vector<std::string> codes;
  // Codes end at the reason (`--`) or at a further comment (`# expect: ...` in fixtures).
  size_t stop = std::min(text.find("--"), text.find('#'));
  text = text.substr(0, stop);
  std::string current;
  for (char c : text) {
    if (c == ',' || c == ' ' || c == '\t') {
      if (!current.empty()) codes.push_back(std::move(current));
      current.clear();
    } else {
      current += c;
    }
  }
  if (!current.empty()) codes.push_back(std::move(current));
  return codes;
}

bool names_rule(const std::string& selector, const Finding& finding) {
  return selector == finding.name ||
         std::equal(selector.begin(), selector.end(), finding.code.begin(), finding.code.end(),
                    [](char a, char b) { return std::toupper(static_cast<unsigned char>(a)) == b; });
}

bool covers_line(const Suppression& s, uint32_t line) {
  switch (s.scope) {
    case SuppressionScope::Line:
      return line == s.line;
    case SuppressionScope::NextLine:
      return line == s.line + 1;
    case SuppressionScope::File:
      return true;
  }
  return false;
}

// The text edit that deletes the directive, or only its unused codes.
std::optional<Fix> removal_fix(const Suppression& s) {
  const std::string& text = s.file->text();
  Fix fix;
  bool all_unused = std::none_of(s.used.begin(), s.used.end(), [](bool used) { return used; });
  if (all_unused) {
    uint32_t begin = s.comment_begin, end = s.comment_end;
    if (s.owns_line) {
      begin = static_cast<uint32_t>(s.file->offset_of_line(s.line));
      end = s.line < s.file->line_count() ? static_cast<uint32_t>(s.file->offset_of_line(s.line + 1)) : end;
    } else {
      while (begin > 0 && (text[begin - 1] == ' ' || text[begin - 1] == '\t')) --begin;
    }
    fix.edits.push_back({s.file, begin, end, ""});
    fix.replacement = "";
    return fix;
  }
  // Rewrite the code list without the unused codes; keep the directive and its reason.
  std::string_view comment(text.data() + s.comment_begin, s.comment_end - s.comment_begin);
  size_t marker = comment.find(kMarker);
  size_t list_begin = comment.find_first_of(" \t", marker);
  if (list_begin == std::string_view::npos) return std::nullopt;
  size_t list_end = std::min({comment.find("--", list_begin), comment.find('#', list_begin), comment.size()});
  while (list_end > list_begin && (comment[list_end - 1] == ' ' || comment[list_end - 1] == '\t')) --list_end;
  std::string kept;
  for (size_t i = 0; i < s.codes.size(); ++i) {
    if (!s.used[i]) continue;
    kept += kept.empty() ? "" : ",";
    kept += s.codes[i];
  }
  uint32_t begin = s.comment_begin + static_cast<uint32_t>(list_begin);
  fix.edits.push_back({s.file, begin, s.comment_begin + static_cast<uint32_t>(list_end), " " + kept});
  fix.replacement = " " + kept;
  return fix;
}

// Lines that belong to the inside of a multi-line scalar (a `|` block, a folded or quoted string
// over several lines): a `#` there is text, not a comment, and must not suppress anything.
void collect_scalar_lines(const Node* node, std::vector<std::tuple<const SourceFile*, uint32_t, uint32_t>>& out,
                          int depth = 0) {
  if (!node || depth > 128) return;
  if (node->is_scalar()) {
    uint32_t first = node->span.begin_position().line, last = node->span.end_position().line;
    if (last > first) out.emplace_back(node->span.file, first, last);
    return;
  }
  for (const auto& entry : node->entries) collect_scalar_lines(entry.value, out, depth + 1);
  for (const Node* item : node->items) collect_scalar_lines(item, out, depth + 1);
}

}  // namespace

std::vector<Suppression> find_suppressions(const Document& document) {
  std::vector<Suppression> out;
  if (document.format == InputFormat::Json) return out;
  std::vector<std::tuple<const SourceFile*, uint32_t, uint32_t>> scalar_lines;
  bool scalars_collected = false;
  for (const auto& file : document.files()) {
    const std::string& text = file->text();
    if (text.find(kMarker) == std::string::npos) continue;  // the common case: nothing to parse
    if (!scalars_collected) {
      collect_scalar_lines(document.root, scalar_lines);
      scalars_collected = true;
    }
    auto inside_scalar = [&](uint32_t line) {
      return std::any_of(scalar_lines.begin(), scalar_lines.end(), [&](const auto& range) {
        return std::get<0>(range) == file.get() && std::get<1>(range) < line && line <= std::get<2>(range);
      });
    };
    for (uint32_t line = 1; line <= file->line_count(); ++line) {
      if (inside_scalar(line)) continue;
      std::string_view content = file->line_text(line);
      size_t hash = comment_start(content);
      if (hash == std::string_view::npos) continue;
      std::string_view comment = content.substr(hash + 1);
      size_t lead = comment.find_first_not_of(" \t");
      if (lead == std::string_view::npos || comment.compare(lead, kMarker.size(), kMarker) != 0) continue;
      std::string_view rest = comment.substr(lead + kMarker.size());
      Suppression s;
      size_t consumed;
      if (rest.rfind("next-line", 0) == 0) {
        s.scope = SuppressionScope::NextLine;
        consumed = 9;
      } else if (rest.rfind("line", 0) == 0) {
        s.scope = SuppressionScope::Line;
        consumed = 4;
      } else if (rest.rfind("file", 0) == 0) {
        s.scope = SuppressionScope::File;
        consumed = 4;
      } else {
        continue;
      }
      if (consumed < rest.size() && rest[consumed] != ' ' && rest[consumed] != '\t') continue;
      s.file = file.get();
      s.line = line;
      size_t line_start = file->offset_of_line(line);
      s.comment_begin = static_cast<uint32_t>(line_start + hash);
      s.comment_end = static_cast<uint32_t>(line_start + content.size());
      s.owns_line = content.find_first_not_of(" \t") == hash;
      s.codes = split_codes(rest.substr(consumed));
      s.used.assign(std::max<size_t>(1, s.codes.size()), false);
      out.push_back(std::move(s));
    }
  }
  return out;
}

void apply_suppressions(const Document& document, std::vector<Finding>& findings, const RulePolicy& policy) {
  std::vector<Suppression> suppressions = find_suppressions(document);
  if (suppressions.empty()) return;
  auto suppressed = [&](const Finding& finding) {
    bool hit = false;
    uint32_t line = finding.span.begin_position().line;
    for (Suppression& s : suppressions) {
      if (s.file != finding.span.file || !covers_line(s, line)) continue;
      if (s.codes.empty()) {
        s.used[0] = hit = true;
        continue;
      }
      for (size_t i = 0; i < s.codes.size(); ++i) {
        if (names_rule(s.codes[i], finding)) s.used[i] = hit = true;
      }
    }
    return hit;
  };
  findings.erase(std::remove_if(findings.begin(), findings.end(), suppressed), findings.end());

  const Rule* unused_rule = RuleRegistry::instance().find("GW006");
  if (!unused_rule) return;
  const RuleInfo& info = unused_rule->info();
  Severity severity = policy.severity_of(info.code, info.name, info.default_severity);
  if (severity == Severity::Off) return;
  FindingSink sink(*unused_rule, findings);
  for (const Suppression& s : suppressions) {
    // A code for a rule that did not run (not selected, ignored, unknown) cannot have been used:
    // report unknown codes, stay quiet about rules switched off for this run.
    std::vector<std::string> unused;
    for (size_t i = 0; i < s.codes.size(); ++i) {
      if (s.used[i]) continue;
      const Rule* rule = RuleRegistry::instance().find(s.codes[i]);
      if (rule &&
          policy.severity_of(rule->info().code, rule->info().name, rule->info().default_severity) == Severity::Off)
        continue;
      unused.push_back(rule ? s.codes[i] : s.codes[i] + " (no such rule)");
    }
    if (s.codes.empty() && !s.used[0]) unused.push_back("every rule");
    if (unused.empty()) continue;
    std::string list;
    for (const auto& code : unused) list += (list.empty() ? "`" : ", `") + code + "`";
    SourceSpan span{s.file, s.comment_begin, s.comment_end};
    Finding& finding = sink.report(span, "", fmt::format("this suppression of {} suppressed nothing", list));
    finding.severity = severity;
    finding.suggestion = "remove it; suppressions left behind hide the next finding on this line";
    if (auto fix = removal_fix(s)) finding.fix = std::move(fix);
  }
}

}  // namespace gwlint
