#include "mock/json_diff.hpp"

#include <algorithm>
#include <cstdint>

namespace gwlint::mock {

std::optional<JsonPointer> parse_json_pointer(std::string_view text) {
  JsonPointer tokens;
  if (text.empty()) return tokens;
  if (text.front() != '/') return std::nullopt;
  std::string token;
  for (std::size_t i = 1; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '/') {
      tokens.push_back(std::move(token));
      token.clear();
      continue;
    }
    if (text[i] == '~') {
      if (i + 1 >= text.size()) return std::nullopt;
      char next = text[++i];
      if (next == '0') {
        token += '~';
      } else if (next == '1') {
        token += '/';
      } else {
        return std::nullopt;
      }
      continue;
    }
    token += text[i];
  }
  return tokens;
}

std::string escape_pointer_token(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string format_json_pointer(const JsonPointer& pointer) {
  std::string out;
  for (const auto& token : pointer) {
    out += '/';
    out += escape_pointer_token(token);
  }
  return out;
}

namespace {

using nlohmann::json;

// The categories a client can confuse; every number type is one category.
int type_category(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return 0;
    case json::value_t::boolean:
      return 1;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return 2;
    case json::value_t::string:
      return 3;
    case json::value_t::array:
      return 4;
    case json::value_t::object:
      return 5;
    default:
      return 6;  // binary, discarded: never produced by parsing text
  }
}

bool numbers_equal(const json& a, const json& b) {
  if (a.is_number_float() || b.is_number_float()) return a.get<double>() == b.get<double>();
  // Both integral: compare without going through double, which loses precision past 2^53.
  bool a_negative = a.is_number_integer() && !a.is_number_unsigned() && a.get<std::int64_t>() < 0;
  bool b_negative = b.is_number_integer() && !b.is_number_unsigned() && b.get<std::int64_t>() < 0;
  if (a_negative != b_negative) return false;
  if (a_negative) return a.get<std::int64_t>() == b.get<std::int64_t>();
  return a.get<std::uint64_t>() == b.get<std::uint64_t>();
}

class Differ {
 public:
  Differ(const std::vector<JsonPointer>& ignore, std::size_t limit) : ignore_(ignore), limit_(limit) {}

  void walk(const json& expected, const json& actual) {
    if (ignored()) return;
    int expected_type = type_category(expected);
    if (expected_type != type_category(actual)) {
      add("type", expected, actual);
      return;
    }
    if (expected.is_object()) {
      for (auto it = expected.begin(); it != expected.end(); ++it) {
        path_.push_back(it.key());
        auto found = actual.find(it.key());
        if (found == actual.end()) {
          if (!ignored()) add("missing", it.value(), json());
        } else {
          walk(it.value(), *found);
        }
        path_.pop_back();
      }
      for (auto it = actual.begin(); it != actual.end(); ++it) {
        if (expected.contains(it.key())) continue;
        path_.push_back(it.key());
        if (!ignored()) add("extra", json(), it.value());
        path_.pop_back();
      }
      return;
    }
    if (expected.is_array()) {
      std::size_t common = std::min(expected.size(), actual.size());
      for (std::size_t i = 0; i < std::max(expected.size(), actual.size()); ++i) {
        path_.push_back(std::to_string(i));
        if (i < common) {
          walk(expected[i], actual[i]);
        } else if (!ignored()) {
          if (i < expected.size()) {
            add("missing", expected[i], json());
          } else {
            add("extra", json(), actual[i]);
          }
        }
        path_.pop_back();
      }
      return;
    }
    if (!json_values_equal(expected, actual)) add("value", expected, actual);
  }

  JsonDiffResult result;

 private:
  bool ignored() const {
    for (const auto& pointer : ignore_) {
      // A pointer ignores its whole subtree.
      if (pointer.size() <= path_.size() && std::equal(pointer.begin(), pointer.end(), path_.begin())) return true;
    }
    return false;
  }

  void add(const char* change, const json& expected, const json& actual) {
    if (result.differences.size() >= limit_) {
      result.truncated = true;
      return;
    }
    result.differences.push_back({format_json_pointer(path_), change, expected, actual});
  }

  const std::vector<JsonPointer>& ignore_;
  std::size_t limit_;
  JsonPointer path_;
};

}  // namespace

bool json_values_equal(const json& a, const json& b) {
  int type = type_category(a);
  if (type != type_category(b)) return false;
  switch (type) {
    case 2:
      return numbers_equal(a, b);
    case 4: {
      if (a.size() != b.size()) return false;
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (!json_values_equal(a[i], b[i])) return false;
      }
      return true;
    }
    case 5: {
      if (a.size() != b.size()) return false;
      for (auto it = a.begin(); it != a.end(); ++it) {
        auto found = b.find(it.key());
        if (found == b.end() || !json_values_equal(it.value(), *found)) return false;
      }
      return true;
    }
    default:
      return a == b;
  }
}

JsonDiffResult diff_json(const json& expected, const json& actual, const std::vector<JsonPointer>& ignore,
                         std::size_t limit) {
  Differ differ(ignore, limit);
  differ.walk(expected, actual);
  return std::move(differ.result);
}

std::optional<json> parse_json_body(std::string_view bytes, std::size_t max_depth) {
  // Count nesting outside strings; the parser and the comparison both recurse per level.
  std::size_t depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : bytes) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return std::nullopt;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  json value = json::parse(bytes.begin(), bytes.end(), nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) return std::nullopt;
  return value;
}

std::string dump_json(const json& value, int indent) {
  return value.dump(indent, ' ', false, json::error_handler_t::replace);
}

json abbreviate_json(const json& value, std::size_t max_chars) {
  if (!value.is_structured() && !value.is_string()) return value;
  std::string text = value.is_string() ? value.get<std::string>() : dump_json(value);
  if (text.size() <= max_chars) return value;
  // Cut on a UTF-8 boundary so the shortened text is still valid.
  std::size_t cut = max_chars;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "... (" + std::to_string(text.size()) + " bytes)";
}

}  // namespace gwlint::mock
