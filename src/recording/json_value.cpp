#include "recording/json_value.hpp"

#include <cerrno>
#include <cstdlib>

#include "config/text_checks.hpp"
#include "schema/yaml_json.hpp"

namespace gwlint::recording {

namespace {

nlohmann::ordered_json number_from(const std::string& text, schema::JsonType type) {
  if (type == schema::JsonType::Integer) {
    bool radix = text.size() > 2 && text[0] == '0' && (text[1] == 'o' || text[1] == 'x');
    int base = radix ? (text[1] == 'o' ? 8 : 16) : 10;
    const char* begin = text.c_str() + (radix ? 2 : 0);
    errno = 0;
    long long value = std::strtoll(begin, nullptr, base);
    if (errno == 0) return value;
    if (text[0] != '-') {
      errno = 0;
      unsigned long long big = std::strtoull(begin, nullptr, base);
      if (errno == 0) return big;
    }
  }
  // Floats, and integers too large for 64 bits (as nlohmann's own parser does).
  return std::strtod(text.c_str(), nullptr);
}

}  // namespace

nlohmann::ordered_json node_to_ordered_json(const Node* node) {
  schema::JsonType type = schema::json_type_of(node);
  switch (type) {
    case schema::JsonType::Null:
      return nullptr;
    case schema::JsonType::Boolean:
      return schema::to_json(node).get<bool>();
    case schema::JsonType::Integer:
    case schema::JsonType::Number:
      return number_from(node->scalar, type);
    case schema::JsonType::String:
      return node->scalar;
    case schema::JsonType::Array: {
      nlohmann::ordered_json array = nlohmann::ordered_json::array();
      for (const Node* item : node->items) array.push_back(node_to_ordered_json(item));
      return array;
    }
    case schema::JsonType::Object: {
      nlohmann::ordered_json object = nlohmann::ordered_json::object();
      for (const MappingEntry& entry : node->entries) object[entry.key->scalar] = node_to_ordered_json(entry.value);
      return object;
    }
  }
  return nullptr;
}

std::optional<nlohmann::json> parse_json(std::string_view bytes) {
  nlohmann::json value = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, false);
  if (value.is_discarded()) return std::nullopt;
  return value;
}

bool is_canonical_json_container(std::string_view bytes) {
  if (bytes.empty() || (bytes.front() != '{' && bytes.front() != '[')) return false;
  auto value = nlohmann::ordered_json::parse(bytes.begin(), bytes.end(), nullptr, false);
  if (value.is_discarded()) return false;
  try {
    return value.dump() == bytes;
  } catch (const nlohmann::json::exception&) {
    return false;  // invalid UTF-8 inside a string
  }
}

bool is_safe_text(std::string_view bytes) {
  if (find_text_problem(bytes)) return false;
  // U+FEFF, U+2028, U+2029 and NEL (U+0085; C1 controls are rejected by most emitters anyway).
  for (std::string_view bad : {"\xEF\xBB\xBF", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xC2\x85"}) {
    if (bytes.find(bad) != std::string_view::npos) return false;
  }
  for (size_t i = 0; i + 1 < bytes.size(); ++i) {
    // Other C1 controls (U+0080-U+009F) are escaped by yaml-cpp; keep them out of text to be safe.
    if (static_cast<unsigned char>(bytes[i]) == 0xC2 && static_cast<unsigned char>(bytes[i + 1]) < 0xA0) return false;
  }
  return true;
}

}  // namespace gwlint::recording
