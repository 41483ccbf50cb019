#pragma once
// How the audit shows a config value without showing a secret: where it comes from
// (`${AZURE_OPENAI_API_KEY}`, `$file: path`, `$env: X`, a literal) and, for values that may be
// shown, the value itself with every known secret masked.
#include <string>

#include "config/node.hpp"
#include "lint/redactor.hpp"

namespace gwlint::audit {

struct ValueOrigin {
  std::string source;  // missing | literal | env | env-object | file | include | other
  std::string shown;   // what the report prints: never a secret value
};

// `secret`: the value itself must not appear (apiKey, a credential header): only its origin.
ValueOrigin describe_value(const Node* node, bool secret, const Redactor& redactor);

// A header value as the report prints it: its length only ("•••• (24 chars)"), since even a
// harmless-looking header (a tenant id, a routing token) may be sensitive.
std::string masked_length(size_t length);

}  // namespace gwlint::audit
