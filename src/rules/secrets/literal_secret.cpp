#include "rules/secrets/literal_secret.hpp"

#include <array>
#include <cctype>

#include "rules/data/placeholders.hpp"

namespace gwlint::secrets {

namespace {

// Plain scalars a YAML loader reads as booleans or null: a wrong type (GW003), not a secret.
constexpr std::array<std::string_view, 9> kNonStrings = {"true",  "false", "True", "False", "TRUE",
                                                         "FALSE", "null",  "Null", "~"};

bool blank(std::string_view text) {
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

std::optional<LiteralSecret> literal_secret(const Node* value) {
  if (!value || !value->is_scalar() || blank(value->scalar)) return std::nullopt;
  const std::string& text = value->scalar;
  if (!values::reported_malformed_refs(text, /*secret=*/true).empty()) return std::nullopt;
  // `$${NAME}` is a mis-escaped reference: the text `${NAME}` is sent, which is no secret (ENV502).
  if (!values::escaped_refs(text).empty()) return std::nullopt;
  std::vector<values::EnvRef> refs = values::env_refs(text);
  bool referenced = false;
  for (const values::EnvRef& ref : refs) {
    if (!ref.problem.empty()) continue;
    referenced = true;
    // `${KEY:-0123...}`: when KEY is unset the literal fallback is the secret that is used.
    if (ref.has_fallback && !ref.fallback.empty() && !data::find_placeholder(ref.fallback)) {
      return LiteralSecret{ref};
    }
  }
  if (referenced) return std::nullopt;
  if (data::find_placeholder(text)) return std::nullopt;
  if (value->style == ScalarStyle::Plain) {
    for (std::string_view word : kNonStrings) {
      if (text == word) return std::nullopt;
    }
  }
  return LiteralSecret{};
}

}  // namespace gwlint::secrets
