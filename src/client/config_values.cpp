#include "client/config_values.hpp"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "config/value_source.hpp"

namespace gwlint::client {

namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

std::optional<std::string> lookup(const Env& env, std::string_view name) {
  auto it = env.find(std::string(name));
  if (it == env.end()) return std::nullopt;
  return it->second;
}

}  // namespace

std::optional<std::string> substitute_env(std::string_view text, const Env& env) {
  std::string out;
  bool undefined = false;
  size_t i = 0;
  while (i < text.size()) {
    // The regex is leftmost: at each '$' try `$${...}` then `${...}`, with no brace inside.
    bool escaped = text.compare(i, 3, "$${") == 0;
    bool reference = !escaped && text.compare(i, 2, "${") == 0;
    if (escaped || reference) {
      size_t open = i + (escaped ? 3 : 2);
      size_t close = text.find_first_of("{}", open);
      if (close != std::string_view::npos && text[close] == '}') {
        if (escaped) {
          out.append(text.substr(i + 1, close - i));  // drop one '$'
        } else {
          std::string_view inner = text.substr(open, close - open);
          std::optional<std::string> value;
          if (size_t sep = inner.find(":-"); sep != std::string_view::npos) {
            std::optional<std::string> env_value = lookup(env, trim(inner.substr(0, sep)));
            std::string_view fallback = inner.substr(sep + 2);
            if (env_value && !env_value->empty()) {
              value = env_value;
            } else if (!fallback.empty()) {
              value = std::string(fallback);
            }
          } else {
            value = lookup(env, trim(inner));
          }
          if (value) {
            out += *value;
          } else {
            undefined = true;
          }
        }
        i = close + 1;
        continue;
      }
    }
    out += text[i];
    ++i;
  }
  if (undefined) return std::nullopt;
  return out;
}

std::optional<std::string> resolve_config_string(const Node* node, const Env& env, std::string* why) {
  auto fail = [&](std::string reason) -> std::optional<std::string> {
    if (why) *why = std::move(reason);
    return std::nullopt;
  };
  switch (value_source(node)) {
    case ValueSource::Missing:
      return fail("not set");
    // Every string goes through the transform, also one that only holds a `$${...}` escape.
    case ValueSource::Literal:
    case ValueSource::EnvSubstituted: {
      auto value = substitute_env(node->scalar, env);
      if (!value) return fail("`" + node->scalar + "` refers to an unset variable");
      return value;
    }
    case ValueSource::EnvObject: {
      const Node* name = node->entries[0].value;
      if (!name || !name->is_scalar()) return fail("`$env` does not name a variable");
      auto value = lookup(env, name->scalar);
      if (!value) return fail("`$env: " + name->scalar + "` is unset");
      return value;
    }
    case ValueSource::FileObject: {
      const Node* path = node->entries[0].value;
      if (!path || !path->is_scalar()) return fail("`$file` does not name a file");
      std::filesystem::path file(path->scalar);
      if (file.is_relative() && node->span.file) {
        file = std::filesystem::path(node->span.file->path()).parent_path() / file;
      }
      std::ifstream in(file, std::ios::binary);
      if (!in) return fail("`$file: " + path->scalar + "` cannot be read");
      std::ostringstream text;
      text << in.rdbuf();
      return text.str();
    }
    case ValueSource::IncludeObject:
      return fail("`$include` was not resolved");
    case ValueSource::Other:
      break;
  }
  if (node->is_null()) return fail("is null");
  return fail("is not a string");
}

}  // namespace gwlint::client
