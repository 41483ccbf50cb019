#include "schema/key_suggestions.hpp"

#include <algorithm>
#include <limits>

#include "lint/text_utils.hpp"

namespace gwlint::schema {

namespace {

constexpr std::string_view kSeparators = "-_. ";

bool is_separator(char c) {
  return kSeparators.find(c) != std::string_view::npos;
}

// Lower case without separators, so `api_key`, `API-Key` and `apiKey` compare equal.
std::string squashed(std::string_view text) {
  return squash(text, kSeparators);
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out(1);
  for (char c : ascii_lower(text)) {
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
  return edit_distance(a, b, EditMetric::OptimalStringAlignment, LetterCase::Sensitive);
}

std::vector<std::string> similar_keys(std::string_view written, const std::vector<std::string>& known) {
  std::string wanted = ascii_lower(written);
  if (auto out = matching(known, [&](const std::string& key) { return ascii_lower(key) == wanted; }); !out.empty()) {
    return out;
  }
  std::string flat = squashed(written);
  if (auto out = matching(known, [&](const std::string& key) { return squashed(key) == flat; }); !out.empty()) {
    return out;
  }

  size_t best = std::numeric_limits<size_t>::max();
  std::vector<std::string> closest;
  for (const std::string& key : known) {
    size_t limit = typo_limit(std::min(wanted.size(), key.size()));
    // The distance is at least the difference in length, so most keys need no matrix at all.
    size_t length_gap = wanted.size() > key.size() ? wanted.size() - key.size() : key.size() - wanted.size();
    if (length_gap > limit) continue;
    size_t distance = damerau_levenshtein(wanted, ascii_lower(key));
    if (distance > limit) continue;
    if (distance < best) closest.clear(), best = distance;
    if (distance == best) closest.push_back(key);
  }
  if (!closest.empty()) return closest;

  std::vector<std::string> parts = words(written);
  if (parts.size() > 1) {
    if (auto out = matching(known, [&](const std::string& key) { return ascii_lower(key) == parts.front(); });
        !out.empty()) {
      return out;
    }
  }
  return matching(known, [&](const std::string& key) {
    std::vector<std::string> key_parts = words(key);
    return key_parts.size() > 1 && std::find(key_parts.begin(), key_parts.end(), wanted) != key_parts.end();
  });
}

}  // namespace gwlint::schema
