#include "scenario/field_reader.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>

#include "schema/key_suggestions.hpp"

namespace gwlint::scenario {

FieldReader::FieldReader(const Node* mapping, std::string context, std::vector<recording::Problem>& problems)
    : mapping_(mapping), context_(std::move(context)), problems_(problems) {}

void FieldReader::problem(const Node* at, const std::string& message) {
  problems_.push_back({location_of(at ? at : mapping_), message});
}

const Node* FieldReader::node(std::string_view key) const {
  if (!mapping_ || !mapping_->is_mapping()) return nullptr;
  return mapping_->find(key);
}

static std::string field_name(const std::string& context, std::string_view key) {
  return context.empty() ? std::string(key) : fmt::format("{}.{}", context, key);
}

std::optional<std::string> FieldReader::string(std::string_view key, bool required) {
  const Node* value = node(key);
  if (!value) {
    if (required) problem(mapping_, fmt::format("{}: required", field_name(context_, key)));
    return std::nullopt;
  }
  if (!value->is_scalar()) {
    problem(value, fmt::format("{}: expected a string, got a {}", field_name(context_, key), kind_name(value->kind)));
    return std::nullopt;
  }
  return value->scalar;
}

std::optional<double> FieldReader::number(std::string_view key, double min, double max) {
  const Node* value = node(key);
  if (!value) return std::nullopt;
  if (value->is_scalar() && !value->is_quoted() && !value->scalar.empty()) {
    errno = 0;
    char* end = nullptr;
    double parsed = std::strtod(value->scalar.c_str(), &end);
    if (errno == 0 && end && *end == '\0' && parsed >= min && parsed <= max) return parsed;
  }
  problem(value, fmt::format("{}: expected a number from {} to {}, got {}", field_name(context_, key), min, max,
                             value->is_scalar() ? "\"" + value->scalar + "\"" : std::string(kind_name(value->kind))));
  return std::nullopt;
}

std::optional<int> FieldReader::integer(std::string_view key, int min, int max) {
  const Node* value = node(key);
  if (!value) return std::nullopt;
  if (value->is_scalar() && !value->is_quoted() && !value->scalar.empty()) {
    errno = 0;
    char* end = nullptr;
    long parsed = std::strtol(value->scalar.c_str(), &end, 10);
    if (errno == 0 && end && *end == '\0' && parsed >= min && parsed <= max) return static_cast<int>(parsed);
  }
  problem(value, fmt::format("{}: expected an integer from {} to {}, got {}", field_name(context_, key), min, max,
                             value->is_scalar() ? "\"" + value->scalar + "\"" : std::string(kind_name(value->kind))));
  return std::nullopt;
}

std::optional<bool> FieldReader::boolean(std::string_view key) {
  const Node* value = node(key);
  if (!value) return std::nullopt;
  if (value->is_scalar() && !value->is_quoted()) {
    if (value->scalar == "true") return true;
    if (value->scalar == "false") return false;
  }
  problem(value, fmt::format("{}: expected true or false", field_name(context_, key)));
  return std::nullopt;
}

std::vector<std::string> FieldReader::string_list(std::string_view key) {
  std::vector<std::string> out;
  const Node* value = node(key);
  if (!value) return out;
  if (value->is_scalar()) {
    out.push_back(value->scalar);
    return out;
  }
  if (!value->is_sequence()) {
    problem(value, fmt::format("{}: expected a list of strings", field_name(context_, key)));
    return out;
  }
  for (const Node* item : value->items) {
    if (item->is_scalar()) {
      out.push_back(item->scalar);
    } else {
      problem(item, fmt::format("{}[{}]: expected a string", field_name(context_, key), item->index_in_parent));
    }
  }
  return out;
}

void FieldReader::reject_unknown(const std::vector<std::string_view>& known) {
  if (!mapping_ || !mapping_->is_mapping()) return;
  std::vector<std::string> known_strings(known.begin(), known.end());
  for (const auto& entry : mapping_->entries) {
    std::string_view key = entry.key->text();
    bool is_known = false;
    for (auto candidate : known) is_known = is_known || candidate == key;
    if (is_known) continue;
    auto similar = schema::similar_keys(key, known_strings);
    std::string hint = similar.empty() ? fmt::format(" (known: {})", fmt::join(known, ", "))
                                       : fmt::format(" (did you mean `{}`?)", similar.front());
    problem(entry.key, fmt::format("{}: unknown key `{}`{}", context_.empty() ? "scenario" : context_, key, hint));
  }
}

}  // namespace gwlint::scenario
