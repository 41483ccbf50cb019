#include "report/rule_catalogue.hpp"

#include <fmt/format.h>

#include "resources/embedded.hpp"

namespace gwlint {

int rule_index(std::string_view code) {
  const auto& rules = RuleRegistry::instance().rules();
  for (size_t i = 0; i < rules.size(); ++i) {
    if (rules[i]->info().code == code) return static_cast<int>(i);
  }
  return -1;
}

std::string_view rule_doc(std::string_view code) {
  return find_embedded(embedded_rule_docs(), std::string(code) + ".md");
}

std::string stable_hash(std::string_view text) {
  uint64_t hash = 14695981039346656037ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return fmt::format("{:016x}", hash);
}

}  // namespace gwlint
