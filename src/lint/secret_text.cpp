#include "lint/secret_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "lint/text_utils.hpp"
#include "rules/data/secret_names.hpp"

namespace gwlint {

namespace {

constexpr std::array<std::string_view, 10> kSecretWords = {"key",  "secret", "token", "passw",     "pwd",
                                                           "cred", "auth",   "sig",   "signature", "bearer"};

std::string squashed_lower(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool contains_secret_word(std::string_view squashed) {
  return std::any_of(kSecretWords.begin(), kSecretWords.end(),
                     [&](std::string_view word) { return squashed.find(word) != std::string_view::npos; });
}

bool is_secret_query_name(std::string_view name) {
  std::string squashed = squashed_lower(name);
  return squashed == "code" || contains_secret_word(squashed);
}

// A value that only references the environment (`${AZURE_KEY}`, `{ $env: X }`) holds no secret.
bool is_reference_only(std::string_view value) {
  while (!value.empty() && (value.front() == '"' || value.front() == '\'')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '"' || value.back() == '\'' || value.back() == ' ')) value.remove_suffix(1);
  if (value.rfind("{ $env", 0) == 0 || value.rfind("{$env", 0) == 0 || value.rfind("{ $file", 0) == 0 ||
      value.rfind("{$file", 0) == 0 || value.rfind("$include", 0) == 0)
    return true;
  if (value.size() > 3 && value.compare(0, 2, "${") == 0 && value.back() == '}' &&
      value.find_first_of("}$", 2) == value.size() - 1) {
    std::string_view inner = value.substr(2, value.size() - 3);
    inner = inner.substr(0, inner.find(":-"));
    return looks_like_env_name(inner);
  }
  return false;
}

void add_credential_after_scheme(std::string_view line, std::vector<std::pair<size_t, size_t>>& out) {
  static constexpr std::array<std::string_view, 3> schemes = {"bearer ", "basic ", "token "};
  std::string lower(line);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view scheme : schemes) {
    for (size_t at = lower.find(scheme); at != std::string::npos; at = lower.find(scheme, at + 1)) {
      if (at > 0 && std::isalnum(static_cast<unsigned char>(lower[at - 1]))) continue;
      size_t begin = at + scheme.size();
      size_t end = begin;
      while (end < line.size() && !std::isspace(static_cast<unsigned char>(line[end])) && line[end] != '"' &&
             line[end] != '\'' && line[end] != ',' && line[end] != '}')
        ++end;
      if (end - begin >= 8 && line.compare(begin, 2, "${") != 0) out.emplace_back(begin, end);
    }
  }
}

}  // namespace

ByteRanges merge_ranges(ByteRanges ranges) {
  std::sort(ranges.begin(), ranges.end());
  ByteRanges merged;
  for (const auto& range : ranges) {
    if (!merged.empty() && range.first <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, range.second);
    } else {
      merged.push_back(range);
    }
  }
  return merged;
}

bool looks_like_env_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  size_t digits = 0, upper = 0, lower = 0;
  for (char c : name) {
    if (std::isdigit(static_cast<unsigned char>(c)))
      ++digits;
    else if (std::isupper(static_cast<unsigned char>(c)))
      ++upper;
    else if (std::islower(static_cast<unsigned char>(c)))
      ++lower;
    else if (c != '_')
      return false;
  }
  if (std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  // Names are words: few digits. Keys are long runs mixing letters and digits.
  if (digits > 4 && digits * 4 > name.size()) return false;
  if (upper && lower && name.size() > 24) return false;
  return upper + lower > 0;
}

bool is_secretish_key(std::string_view key) {
  std::string squashed = squashed_lower(key);
  if (squashed.empty() || squashed == "key") return false;  // the `key:` of a header list entry
  if (data::is_secret_field_name(key) || contains_secret_word(squashed)) return true;
  static constexpr std::array<std::string_view, 6> near = {"apikey",   "secretaccesskey", "sessiontoken",
                                                           "password", "accesskeyid",     "clientsecret"};
  if (squashed.size() < 3 || squashed.size() > 17) return false;  // no near miss of the words below
  return std::any_of(near.begin(), near.end(), [&](std::string_view word) {
    // Typos keep the first letter; checking it first keeps this off the profile.
    return squashed[0] == word[0] && squashed.size() + 2 >= word.size() && word.size() + 2 >= squashed.size() &&
           edit_distance(squashed, word, EditMetric::OptimalStringAlignment, LetterCase::Insensitive) <= 2;
  });
}

std::vector<std::pair<size_t, size_t>> url_secret_ranges(std::string_view text) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t scheme = text.find("://");
  size_t authority = scheme != std::string_view::npos ? scheme + 3 : (text.rfind("//", 0) == 0 ? 2 : 0);
  size_t authority_end = text.find_first_of("/?# ", authority);
  if (authority_end == std::string_view::npos) authority_end = text.size();
  size_t at = text.rfind('@', authority_end);
  if (at != std::string_view::npos && at > authority && at < authority_end) {
    size_t colon = text.find(':', authority);
    size_t begin = colon != std::string_view::npos && colon < at ? colon + 1 : authority;
    if (at > begin) out.emplace_back(begin, at);
  }
  for (size_t query = text.find('?', authority); query != std::string_view::npos && query + 1 < text.size();) {
    size_t name_begin = query + 1;
    size_t pair_end = text.find_first_of("&# ", name_begin);
    if (pair_end == std::string_view::npos) pair_end = text.size();
    size_t eq = text.find('=', name_begin);
    if (eq != std::string_view::npos && eq < pair_end && pair_end > eq + 1 &&
        is_secret_query_name(text.substr(name_begin, eq - name_begin))) {
      out.emplace_back(eq + 1, pair_end);
    }
    query = pair_end < text.size() && text[pair_end] == '&' ? pair_end : std::string_view::npos;
  }
  return out;
}

std::vector<std::pair<size_t, size_t>> secret_ranges_in_line(std::string_view line) {
  std::vector<std::pair<size_t, size_t>> out;
  // `  - "apiKey": value  # comment` (YAML) or `"apiKey": "value",` (JSON)
  size_t i = line.find_first_not_of(" \t");
  if (i != std::string_view::npos && line[i] == '-') i = line.find_first_not_of(" \t", i + 1);
  if (i != std::string_view::npos) {
    char quote = line[i] == '"' || line[i] == '\'' ? line[i] : 0;
    size_t key_begin = quote ? i + 1 : i;
    size_t key_end = quote ? line.find(quote, key_begin) : line.find(':', key_begin);
    size_t colon = key_end == std::string_view::npos ? key_end : line.find(':', key_end);
    if (colon != std::string_view::npos && (quote || colon == key_end)) {
      std::string_view key = line.substr(key_begin, key_end - key_begin);
      size_t value_begin = line.find_first_not_of(" \t", colon + 1);
      if (value_begin != std::string_view::npos && is_secretish_key(key)) {
        size_t value_end = line.size();
        char first = line[value_begin];
        if (first != '"' && first != '\'') {
          size_t comment = line.find(" #", value_begin);
          if (comment != std::string_view::npos) value_end = comment;
        }
        while (value_end > value_begin && (line[value_end - 1] == ' ' || line[value_end - 1] == ',')) --value_end;
        std::string_view value = line.substr(value_begin, value_end - value_begin);
        if (!value.empty() && !is_reference_only(value) && value != "|" && value != ">" && value != "{" && value != "[")
          out.emplace_back(value_begin, value_end);
      }
    }
  }
  // `apiKey sk-proj-…`: a secret-named word and a value with the colon missing (GW001).
  if (i != std::string_view::npos && out.empty()) {
    size_t word_end = line.find_first_of(" \t", i);
    if (word_end != std::string_view::npos && line.find(':', i) == std::string_view::npos &&
        is_secretish_key(line.substr(i, word_end - i))) {
      size_t value_begin = line.find_first_not_of(" \t", word_end);
      if (value_begin != std::string_view::npos) out.emplace_back(value_begin, line.size());
    }
  }
  add_credential_after_scheme(line, out);
  // URLs anywhere on the line.
  for (size_t at = line.find('@'); at != std::string_view::npos; at = line.find('@', at + 1)) {
    size_t start = line.find_last_of(" \t\"'", at);
    start = start == std::string_view::npos ? 0 : start + 1;
    size_t end = line.find_first_of(" \t\"',", at);
    if (end == std::string_view::npos) end = line.size();
    for (auto [b, e] : url_secret_ranges(line.substr(start, end - start))) out.emplace_back(start + b, start + e);
  }
  for (size_t q = line.find('?'); q != std::string_view::npos; q = line.find('?', q + 1)) {
    size_t start = line.find_last_of(" \t\"'", q);
    start = start == std::string_view::npos ? 0 : start + 1;
    size_t end = line.find_first_of(" \t\"',", q);
    if (end == std::string_view::npos) end = line.size();
    for (auto [b, e] : url_secret_ranges(line.substr(start, end - start))) out.emplace_back(start + b, start + e);
  }
  // The same URL is found from its `@` and from its `?`: keep each range once.
  return merge_ranges(std::move(out));
}

}  // namespace gwlint
