#include "schema/key_suggestions.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

namespace gwlint::schema {

namespace {

bool is_separator(char c) {
  return c == '-' || c == '_' || c == '.' || c == ' ';
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string squashed(std::string_view text) {
  std::string out;
  for (char c : lower(text)) {
    if (!is_separator(c)) out += c;
  }
  return out;
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out(1);
  for (char c : lower(text)) {
    if (is_separator(c)) {
      if (!out.back().empty()) out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

// Short keys tolerate fewer edits: `url` is one edit from `uri` but is no typo of it.
size_t typo_limit(size_t length) {
  if (length <= 3) return 0;
  return length <= 5 ? 1 : 2;
}

template <typename Match>
std::vector<std::string> matching(const std::vector<std::string>& known, Match match) {
  std::vector<std::string> out;
  for (const std::string& key : known) {
    if (match(key)) out.push_back(key);
  }
  return out;
}

}  // namespace

size_t damerau_levenshtein(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

std::vector<std::string> similar_keys(std::string_view written, const std::vector<std::string>& known) {
  std::string wanted = lower(written);
  if (auto out = matching(known, [&](const std::string& key) { return lower(key) == wanted; }); !out.empty()) {
    return out;
  }
  std::string flat = squashed(written);
  if (auto out = matching(known, [&](const std::string& key) { return squashed(key) == flat; }); !out.empty()) {
    return out;
  }

  size_t best = std::numeric_limits<size_t>::max();
  std::vector<std::string> closest;
  for (const std::string& key : known) {
    size_t distance = damerau_levenshtein(wanted, lower(key));
    if (distance > typo_limit(std::min(wanted.size(), key.size()))) continue;
    if (distance < best) closest.clear(), best = distance;
    if (distance == best) closest.push_back(key);
  }
  if (!closest.empty()) return closest;

  std::vector<std::string> parts = words(written);
  if (parts.size() > 1) {
    if (auto out = matching(known, [&](const std::string& key) { return lower(key) == parts.front(); }); !out.empty()) {
      return out;
    }
  }
  return matching(known, [&](const std::string& key) {
    std::vector<std::string> key_parts = words(key);
    return key_parts.size() > 1 && std::find(key_parts.begin(), key_parts.end(), wanted) != key_parts.end();
  });
}

}  // namespace gwlint::schema
