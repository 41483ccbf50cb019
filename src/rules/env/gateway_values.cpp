#include "rules/env/gateway_values.hpp"

#include <cctype>
#include <unordered_set>

#include "config/value_source.hpp"
#include "rules/data/secret_names.hpp"

namespace gwlint::values {

namespace {

void walk(const Node* node, const std::function<void(const Node*)>& visit, std::unordered_set<const Node*>& seen,
          int depth) {
  if (!node || depth > 128 || !seen.insert(node).second) return;
  if (node->is_mapping()) {
    for (const auto& entry : node->entries) {
      visit(entry.value);
      walk(entry.value, visit, seen, depth + 1);
    }
  } else if (node->is_sequence()) {
    for (const Node* item : node->items) {
      visit(item);
      walk(item, visit, seen, depth + 1);
    }
  }
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

}  // namespace

void for_each_value(const Node* root, const std::function<void(const Node*)>& visit) {
  std::unordered_set<const Node*> seen;
  walk(root, visit, seen, 0);
}

const ProviderConfig* provider_of(const Node* node, const GatewayModel& gateway) {
  if (!gateway.providers_node) return nullptr;
  for (const Node* n = node; n; n = n->parent) {
    if (n->parent == gateway.providers_node) return gateway.provider_with_body(n);
  }
  return nullptr;
}

const HeaderEntry* header_with_value(const Node* node, const GatewayModel& gateway) {
  return gateway.header_with_value(node);
}

const HeaderEntry* header_with_name(const Node* node, const GatewayModel& gateway) {
  return gateway.header_with_name(node);
}

std::string describe(const Node* value, const GatewayModel& gateway) {
  const ProviderConfig* provider = provider_of(value, gateway);
  if (!provider) {
    std::string path = path_of(value);
    if (path.rfind("aiGateway.", 0) == 0) path.erase(0, 10);
    return "`" + path + "`";
  }
  std::string of_provider = " of provider `" + std::string(provider->id) + "`";
  if (const HeaderEntry* header = header_with_value(value, gateway)) {
    return "header `" + std::string(header->name) + "`" + of_provider;
  }
  std::string path = path_of(value);
  std::string prefix = path_of(provider->body);
  if (path.size() > prefix.size() + 1 && path.compare(0, prefix.size(), prefix) == 0) {
    path.erase(0, prefix.size() + (path[prefix.size()] == '.' ? 1 : 0));
  }
  return "`" + path + "`" + of_provider;
}

bool is_secret_field_value(const Node* value, const GatewayModel& gateway) {
  if (!value || !value->key_in_parent || !value->parent) return false;
  if (!data::is_secret_field_name(value->key_in_parent->text())) return false;
  return !gateway.is_name_keyed_mapping(value->parent);
}

bool is_secret_header_value(const Node* value, const GatewayModel& gateway) {
  const HeaderEntry* header = header_with_value(value, gateway);
  return header && data::is_secret_header_name(header->name);
}

std::vector<EnvRef> env_refs(std::string_view text) {
  std::vector<EnvRef> out;
  for (const EnvReference& scanned : scan_env_references(text)) {
    EnvRef ref;
    ref.begin = scanned.begin;
    ref.end = scanned.end;
    ref.name = scanned.name;
    ref.problem = scanned.problem;
    ref.bare = ref.begin + 1 >= text.size() || text[ref.begin + 1] != '{';
    ref.unclosed = !ref.bare && text.find('}', ref.begin + 2) == std::string_view::npos;
    if (ref.bare) {
      ref.name = std::string(text.substr(ref.begin + 1, ref.end - ref.begin - 1));
    } else if (scanned.has_fallback && !ref.unclosed) {
      std::string_view inner = text.substr(ref.begin + 2, ref.end - ref.begin - 3);
      ref.has_fallback = true;
      ref.fallback = std::string(trim(inner.substr(inner.find(":-") + 2)));
    } else if (ref.unclosed) {
      std::string_view name = trim(text.substr(ref.begin + 2));
      if (is_valid_env_name(name)) ref.name = std::string(name);
    }
    out.push_back(std::move(ref));
  }
  return out;
}

std::vector<EscapedRef> escaped_refs(std::string_view text) {
  std::vector<EscapedRef> out;
  // Pairs of `$` as scan_env_references() reads them: `$$` is one escaped `$`.
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] != '$') continue;
    if (text[i + 1] != '$') continue;
    if (i + 2 < text.size() && text[i + 2] == '{') {
      size_t close = text.find('}', i + 3);
      if (close != std::string_view::npos) {
        std::string_view inner = text.substr(i + 3, close - i - 3);
        inner = trim(inner.substr(0, inner.find(":-")));
        if (is_valid_env_name(inner)) out.push_back({i, close + 1, std::string(inner)});
        i = close;
        continue;
      }
    }
    ++i;
  }
  return out;
}

std::vector<EnvRef> reported_malformed_refs(std::string_view text, bool secret) {
  std::vector<EnvRef> out;
  for (EnvRef& ref : env_refs(text)) {
    if (ref.problem.empty()) continue;
    if (ref.bare) {
      bool starts_word = ref.begin == 0 || !is_word_char(text[ref.begin - 1]);
      if (secret) {
        starts_word = ref.begin == 0 || text[ref.begin - 1] == ' ';
        bool ends_word = ref.end == text.size() || text[ref.end] == ' ';
        if (!ends_word) continue;
      }
      if (!starts_word) continue;
    }
    out.push_back(std::move(ref));
  }
  return out;
}

}  // namespace gwlint::values
