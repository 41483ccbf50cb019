// ENV502 env-ref-syntax: a malformed environment reference in a string under aiGateway: `${VAR`
// unclosed, `$VAR` without braces, `${}` empty, an invalid name, or a `{ $env: }` without a
// valid variable name. `${VAR:-fallback}` is fine, and so is `$${...}` (an escape), except in a
// secret field or credential header, where `$${NAME}` sends the text `${NAME}` as the credential.
#include <algorithm>
#include <cctype>

#include "config/value_source.hpp"
#include "lint/rule.hpp"
#include "lint/secret_text.hpp"
#include "rules/env/gateway_values.hpp"

namespace gwlint {
namespace {

// `AZURE-OPENAI-KEY` -> `AZURE_OPENAI_KEY`: the name Backstage could look up.
std::string repaired_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    out += ok && static_cast<unsigned char>(c) < 0x80 ? c : '_';
  }
  if (!out.empty() && std::isdigit(static_cast<unsigned char>(out.front()))) out.insert(0, "_");
  return out;
}

bool is_env_directive(const Node* value) {
  return value->key_in_parent && value->key_in_parent->text() == "$env" && value->parent &&
         value->parent->entries.size() == 1;
}

class EnvRefSyntax final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"ENV502", "env-ref-syntax", Severity::Error, "",
                               "a malformed reference: `${VAR` unclosed, `$VAR` without braces, `${}` empty, "
                               "invalid name"};
    return info;
  }

  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    const GatewayModel& gateway = *input.gateway;
    values::for_each_value(gateway.gateway, [&](const Node* value) {
      if (is_env_directive(value)) return check_directive(value, gateway, sink);
      if (!value->is_scalar()) return;
      bool secret_field = values::is_secret_field_value(value, gateway);
      bool secret_header = !secret_field && values::is_secret_header_value(value, gateway);
      bool secret = secret_field || secret_header;
      for (const values::EnvRef& ref : values::reported_malformed_refs(value->scalar, secret)) {
        report(sink, value, values::describe(value, gateway), value->scalar, ref, secret);
      }
      // Elsewhere `$${...}` is a deliberate literal; in a secret it is a reference escaped by mistake.
      if (secret) {
        for (const values::EscapedRef& ref : values::escaped_refs(value->scalar)) {
          report_escaped(sink, value, values::describe(value, gateway), ref, secret_header);
        }
      }
    });
  }

 private:
  // `{ $env: NAME }`: NAME must be a variable name (or come from a `${VAR}` itself). A list or
  // mapping there is a type error, GW003's.
  static void check_directive(const Node* value, const GatewayModel& gateway, FindingSink& sink) {
    if (value->is_mapping() || value->is_sequence()) return;
    if (value->is_scalar() && value_source(value) == ValueSource::EnvSubstituted) return;
    std::string name = value->is_scalar() ? value->scalar : "";
    while (!name.empty() && name.back() == ' ') name.pop_back();
    while (!name.empty() && name.front() == ' ') name.erase(0, 1);
    if (is_valid_env_name(name)) return;
    std::string where = values::describe(value->parent, gateway);
    if (name.empty()) {
      sink.report(value, where + " is `{ $env: }` with no variable name, so the value is undefined").suggestion =
          "write `{ $env: NAME }` with the variable your deployment defines";
      return;
    }
    std::string shown = name.substr(0, 40);
    sink.report(value, where + " reads `{ $env: " + shown + " }`, but `" + shown +
                           "` is not a valid variable name (letters, digits and `_`, not starting with a digit), so "
                           "Backstage finds no such variable")
        .suggestion = "write `{ $env: " + repaired_name(name) + " }` with the name your deployment defines";
  }

  static void report_escaped(FindingSink& sink, const Node* value, const std::string& where,
                             const values::EscapedRef& ref, bool header) {
    std::string reference = "${" + ref.name + "}";
    Finding& finding = sink.report(
        value, "`$" + reference + "` in " + where + " is Backstage's escape for the literal text `" + reference +
                   "`, so the " + (header ? "credential" : "key") + " sent is that text; write `" + reference + "`");
    finding.suggestion = "drop one `$`: `" + reference + "` substitutes the variable `" + ref.name + "`";
  }

  static void report(FindingSink& sink, const Node* value, const std::string& where, std::string_view text,
                     const values::EnvRef& ref, bool secret) {
    // In a secret, only the variable's name is shown, never the surrounding text.
    std::string raw(text.substr(ref.begin, std::min<size_t>(ref.end - ref.begin, 60)));
    const std::string& name = ref.name;
    std::string message, suggestion;
    if (secret && !name.empty() && !looks_like_env_name(name) && (ref.bare || ref.unclosed)) {
      // `$QZX36fff…` or `${sk_live_4f2a…` in a secret: a key pasted after `$`, not a name; never echo it.
      message = where + (ref.unclosed ? " starts with `${`" : " starts with `$`") +
                " but what follows does not look like a variable name, so Backstage sends the text as is";
      suggestion =
          "write `${NAME}` with the variable's name, e.g. `${AZURE_OPENAI_API_KEY}`; if a key was pasted "
          "there, rotate it";
    } else if (ref.bare) {
      message = where +
                (secret ? " refers to `" + name + "` with `$` and no braces"
                        : " has `" + raw + "`, a reference without braces") +
                ", which Backstage does not substitute, so the text is sent as is";
      suggestion = "write `${" + name + "}` or `{ $env: " + name + " }`";
    } else if (ref.unclosed) {
      if (!name.empty()) {
        message = where +
                  (secret ? " has an unclosed reference to `" + name + "`" : " has `" + raw + "` with no closing `}`");
        // In a secret the value is `${NAME` itself, which redaction would mask in the fix text.
        suggestion = secret ? "add the missing `}` after `" + name + "`" : "close it: `${" + name + "}`";
      } else {
        message = where + " has a `${` that is never closed";
        suggestion = "write `${NAME}` with a valid variable name, or `$${` for a literal `${`";
      }
      message += ", which Backstage does not substitute, so the text is sent as is";
    } else {
      std::string inner(text.substr(ref.begin + 2, ref.end - ref.begin - 3));
      if (ref.has_fallback) inner.erase(inner.find(":-"));  // the fallback is not the problem
      bool empty = inner.find_first_not_of(' ') == std::string::npos;
      if (empty) {
        message = where + " has an empty reference `${}`";
        suggestion = "name a variable: `${NAME}`, or write `$${}` for a literal `${}`";
      } else {
        std::string trimmed = inner.substr(inner.find_first_not_of(' '));
        while (!trimmed.empty() && trimmed.back() == ' ') trimmed.pop_back();
        if (secret) {
          // In a secret, what sits inside `${}` is often the key itself, pasted there: never echo it.
          message = where + " has `${...}` around text that is not a variable name (letters, digits and `_`)";
          suggestion =
              "put the variable's name inside, e.g. `${AZURE_OPENAI_API_KEY}`; if a key was pasted there, rotate it";
        } else {
          message = where + " refers to `" + trimmed.substr(0, 40) +
                    "`, which is not a valid variable name (letters, digits and `_`, not starting with a digit)";
          suggestion = "write `${" + repaired_name(trimmed) + "}` with the name your deployment defines";
        }
      }
      message += ", so Backstage finds no variable and the whole value becomes undefined";
    }
    Finding& finding = sink.report(value, message);
    finding.suggestion = suggestion;
  }
};

}  // namespace
GWLINT_REGISTER_RULE(EnvRefSyntax);
}  // namespace gwlint
