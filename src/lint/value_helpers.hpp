#pragma once
// Questions rules ask about a config value and the fix that rewrites one, written once so every
// rule skips the same values (GW003 owns the wrong types) and every fix quotes the same way.
#include <optional>
#include <string>
#include <string_view>

#include "config/node.hpp"
#include "lint/finding.hpp"

namespace gwlint {

// Whether the loader types `node` as a string, as Backstage's YAML 1.2 core schema reads it (not
// a plain number, boolean or null); other types are the schema's business (GW003).
bool is_string_scalar(const Node* node);

// A string written out in the file: no `${VAR}` substitution, `$env` or `$file` to resolve first.
bool is_literal_string(const Node* node);

// How a replacement keeps the quoting style of the scalar it replaces.
enum class Requote {
  // The node's style with whatever escaping it needs; a plain scalar that cannot stay plain
  // becomes double-quoted. For fixes that should always be offered (model references).
  EscapeAsNeeded,
  // The node's style exactly ("x" stays double-quoted, 'x' single-quoted, plain stays plain), or
  // nothing when that style cannot hold the text without escapes. For fixes that must not
  // reformat the value (baseURL, apiVersion).
  SameStyleOnly,
};

// `text` written as a replacement for the scalar `node`; nullopt for block scalars, where a safe
// rewrite is not worth the risk, and per `how`.
std::optional<std::string> requote_like(const Node* node, std::string_view text, Requote how);

// A fix replacing the whole scalar `node` with `text` (see requote_like).
std::optional<Fix> replace_value_fix(const Node* node, std::string_view text, Requote how);

}  // namespace gwlint
