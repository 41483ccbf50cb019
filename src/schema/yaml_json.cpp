#include "schema/yaml_json.hpp"

#include <cerrno>
#include <cstdlib>
#include <string>

namespace gwlint::schema {

namespace {

constexpr std::string_view kStringTag = "tag:yaml.org,2002:str";

bool all_of(std::string_view text, bool (*accept)(char)) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!accept(c)) return false;
  }
  return true;
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_octal(char c) {
  return c >= '0' && c <= '7';
}
bool is_hex(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::string_view without_sign(std::string_view text) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  return text;
}

bool is_core_null(std::string_view t) {
  return t.empty() || t == "~" || t == "null" || t == "Null" || t == "NULL";
}
bool is_core_true(std::string_view t) {
  return t == "true" || t == "True" || t == "TRUE";
}
bool is_core_false(std::string_view t) {
  return t == "false" || t == "False" || t == "FALSE";
}

bool is_core_int(std::string_view t) {
  if (t.size() > 2 && t[0] == '0' && t[1] == 'o') return all_of(t.substr(2), is_octal);
  if (t.size() > 2 && t[0] == '0' && t[1] == 'x') return all_of(t.substr(2), is_hex);
  return all_of(without_sign(t), is_digit);
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?, or [-+]?.inf, or .nan (any of 3 cases).
bool is_core_float(std::string_view t) {
  std::string_view body = without_sign(t);
  if (body == ".inf" || body == ".Inf" || body == ".INF") return true;
  if (t == ".nan" || t == ".NaN" || t == ".NAN") return true;
  size_t i = 0;
  size_t int_digits = 0;
  while (i < body.size() && is_digit(body[i])) ++i, ++int_digits;
  size_t frac_digits = 0;
  if (i < body.size() && body[i] == '.') {
    ++i;
    while (i < body.size() && is_digit(body[i])) ++i, ++frac_digits;
    if (int_digits == 0 && frac_digits == 0) return false;
  } else if (int_digits == 0) {
    return false;
  }
  if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    ++i;
    if (i < body.size() && (body[i] == '-' || body[i] == '+')) ++i;
    size_t exp_digits = 0;
    while (i < body.size() && is_digit(body[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == body.size();
}

bool is_string_scalar(const Node* node) {
  return node->style != ScalarStyle::Plain || node->tag == kStringTag;
}

nlohmann::json number_value(const std::string& text, JsonType type) {
  if (type == JsonType::Integer) {
    int base = 10;
    const char* begin = text.c_str();
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'o' || text[1] == 'x')) {
      base = text[1] == 'o' ? 8 : 16;
      begin += 2;
    }
    errno = 0;
    long long value = std::strtoll(begin, nullptr, base);
    if (errno == 0) return value;
  }
  std::string body = text;
  std::string_view unsigned_body = without_sign(body);
  bool negative = !body.empty() && body.front() == '-';
  if (unsigned_body == ".inf" || unsigned_body == ".Inf" || unsigned_body == ".INF") {
    return negative ? -HUGE_VAL : HUGE_VAL;
  }
  if (unsigned_body == ".nan" || unsigned_body == ".NaN" || unsigned_body == ".NAN") return std::nan("");
  return std::strtod(text.c_str(), nullptr);
}

}  // namespace

JsonType json_type_of(const Node* node) {
  if (!node) return JsonType::Null;
  switch (node->kind) {
    case NodeKind::Null:
      return JsonType::Null;
    case NodeKind::Mapping:
      return JsonType::Object;
    case NodeKind::Sequence:
      return JsonType::Array;
    case NodeKind::Scalar:
      break;
  }
  if (is_string_scalar(node)) return JsonType::String;
  std::string_view text = node->scalar;
  if (is_core_null(text)) return JsonType::Null;
  if (is_core_true(text) || is_core_false(text)) return JsonType::Boolean;
  if (is_core_int(text)) return JsonType::Integer;
  if (is_core_float(text)) return JsonType::Number;
  return JsonType::String;
}

std::string_view json_type_name(JsonType type) {
  switch (type) {
    case JsonType::Null:
      return "null";
    case JsonType::Boolean:
      return "boolean";
    case JsonType::Integer:
      return "integer";
    case JsonType::Number:
      return "number";
    case JsonType::String:
      return "string";
    case JsonType::Object:
      return "object";
    case JsonType::Array:
      return "array";
  }
  return "null";
}

bool type_satisfies(JsonType actual, std::string_view wanted) {
  if (wanted == json_type_name(actual)) return true;
  return wanted == "number" && actual == JsonType::Integer;
}

nlohmann::json to_json(const Node* node) {
  JsonType type = json_type_of(node);
  switch (type) {
    case JsonType::Null:
      return nullptr;
    case JsonType::Boolean:
      return is_core_true(node->scalar);
    case JsonType::Integer:
    case JsonType::Number:
      return number_value(node->scalar, type);
    case JsonType::String:
      return node->scalar;
    case JsonType::Array: {
      nlohmann::json array = nlohmann::json::array();
      for (const Node* item : node->items) array.push_back(to_json(item));
      return array;
    }
    case JsonType::Object: {
      nlohmann::json object = nlohmann::json::object();
      for (const MappingEntry& entry : node->entries) object[entry.key->scalar] = to_json(entry.value);
      return object;
    }
  }
  return nullptr;
}

}  // namespace gwlint::schema
