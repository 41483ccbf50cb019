#pragma once
// Config values as Backstage's config loader hands them to the gateway: `${VAR}` substitution,
// `{ $env: VAR }`, `{ $file: path }`. What the lint rules only inspect, a scenario has to resolve.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "config/node.hpp"

namespace gwlint::client {

using Env = std::map<std::string, std::string>;

// Backstage's substitution transform (@backstage/config-loader, substitution.ts): the string is
// split on /\$?\$\{[^{}]*\}/; `$${...}` becomes the literal `${...}`; `${VAR}` takes VAR's value
// (the name trimmed; an empty value counts as set); `${VAR:-fallback}` takes the fallback (as
// written, untrimmed) when VAR is unset or empty. When any reference stays undefined the whole
// value is undefined: nullopt (the config key is then absent).
std::optional<std::string> substitute_env(std::string_view text, const Env& env);

// The string the gateway sees for `node`: a scalar (substituted), `{ $env: VAR }`, or
// `{ $file: path }` read relative to the directory of the file the node came from. nullopt when
// the value is absent, unset, unreadable or not a string-like value; `why` then says why.
std::optional<std::string> resolve_config_string(const Node* node, const Env& env, std::string* why = nullptr);

}  // namespace gwlint::client
