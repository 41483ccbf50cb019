#include "mock/header_rules.hpp"

#include <cctype>

namespace gwlint::mock {

namespace {
char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}
}  // namespace

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string to_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower(c);
  return out;
}

bool glob_match_ci(std::string_view pattern, std::string_view text) {
  std::size_t p = 0, t = 0;
  std::size_t star = std::string_view::npos, resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || (pattern[p] != '*' && lower(pattern[p]) == lower(text[t])))) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool header_listed(const std::vector<std::string>& globs, std::string_view name) {
  for (const auto& glob : globs) {
    if (glob_match_ci(glob, name)) return true;
  }
  return false;
}

bool is_transport_header(std::string_view name) {
  for (std::string_view transport : {"content-length", "transfer-encoding", "connection", "keep-alive"}) {
    if (iequals(name, transport)) return true;
  }
  return false;
}

}  // namespace gwlint::mock
