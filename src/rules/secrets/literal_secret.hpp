#pragma once
// When a secret value counts as written in the file (SEC301, SEC303). One problem, one finding:
// a placeholder is SEC302's, a malformed reference ENV502's, an empty value PRV602's.
#include <optional>

#include "rules/env/gateway_values.hpp"

namespace gwlint::secrets {

struct LiteralSecret {
  // Set when the secret sits in the fallback of `${VAR:-fallback}` rather than being the value.
  std::optional<values::EnvRef> fallback;
};

// nullopt when `value` (of a secret field or header) is not a literal secret: a reference
// (`${VAR}`, `Bearer ${VAR}`, `{ $env }`, `{ $file }`), empty, a placeholder, a malformed
// or mis-escaped (`$${VAR}`) reference, or a YAML boolean/null word.
std::optional<LiteralSecret> literal_secret(const Node* value);

}  // namespace gwlint::secrets
