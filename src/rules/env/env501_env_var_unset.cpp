// ENV501 env-var-unset: with --check-env, a `${VAR}` or `{ $env: VAR }` under aiGateway whose
// variable is unset or empty in gwlint's own environment. Only names are printed, never values.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "config/value_source.hpp"
#include "lint/rule.hpp"
#include "lint/text_utils.hpp"
#include "rules/env/gateway_values.hpp"

extern char** environ;

namespace gwlint {
namespace {

// A set, non-empty variable whose name is close to `name` (a typo or a renamed variable).
std::string nearest_set_variable(std::string_view name) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, name.size() / 4) + 1;
  for (char** entry = environ; entry && *entry; ++entry) {
    std::string_view text(*entry);
    size_t equals = text.find('=');
    if (equals == std::string_view::npos || equals + 1 == text.size()) continue;
    std::string_view candidate = text.substr(0, equals);
    size_t d = edit_distance(name, candidate, EditMetric::Levenshtein, LetterCase::Insensitive);
    if (d > 0 && d < best_distance) {
      best_distance = d;
      best = std::string(candidate);
    }
  }
  return best;
}

class EnvVarUnset final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"ENV501", "env-var-unset", Severity::Error, "",
                               "with `--check-env`: a referenced variable is not set"};
    return info;
  }

  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.context.check_env || !input.gateway) return;
    const GatewayModel& gateway = *input.gateway;
    values::for_each_value(gateway.gateway, [&](const Node* value) {
      if (!value->is_scalar()) return;
      bool directive = value->key_in_parent && value->key_in_parent->text() == "$env" && value->parent &&
                       value->parent->entries.size() == 1;
      std::string where = values::describe(directive ? value->parent : value, gateway);
      if (directive && value_source(value) != ValueSource::EnvSubstituted) {
        std::string name = value->scalar;
        name.erase(name.find_last_not_of(' ') + 1);
        name.erase(0, name.find_first_not_of(' '));
        if (is_valid_env_name(name)) check_variable(sink, value, where, name, false);
        return;
      }
      for (const values::EnvRef& ref : values::env_refs(value->scalar)) {
        if (!ref.problem.empty()) continue;
        // `${VAR:-fallback}`: Backstage uses the fallback when VAR is unset or empty.
        if (ref.has_fallback && !ref.fallback.empty()) continue;
        check_variable(sink, value, reference_span(value, ref), where, ref.name, ref.has_fallback);
      }
    });
  }

 private:
  // The span of the reference itself (`${DEFAULT_DEPLOYMENT}` in `azure|${DEFAULT_DEPLOYMENT}`)
  // when the scalar is written as loaded, character for character: plain on one line, or quoted on
  // one line without escapes. Otherwise the whole value, since offsets in the loaded text would not
  // match the file.
  static SourceSpan reference_span(const Node* value, const values::EnvRef& ref) {
    const SourceSpan& span = value->span;
    if (!span.file || span.end < span.begin || ref.end > value->scalar.size()) return span;
    std::string_view written = std::string_view(span.file->text()).substr(span.begin, span.end - span.begin);
    size_t quote = 0;
    if (value->style == ScalarStyle::SingleQuoted || value->style == ScalarStyle::DoubleQuoted) {
      quote = 1;
    } else if (value->style != ScalarStyle::Plain) {
      return span;
    }
    if (written.size() != value->scalar.size() + 2 * quote ||
        written.substr(quote, value->scalar.size()) != value->scalar) {
      return span;
    }
    return SourceSpan{span.file, static_cast<uint32_t>(span.begin + quote + ref.begin),
                      static_cast<uint32_t>(span.begin + quote + ref.end)};
  }

  static void check_variable(FindingSink& sink, const Node* value, const std::string& where, const std::string& name,
                             bool empty_fallback) {
    check_variable(sink, value, value->span, where, name, empty_fallback);
  }

  static void check_variable(FindingSink& sink, const Node* value, const SourceSpan& span, const std::string& where,
                             const std::string& name, bool empty_fallback) {
    const char* set = std::getenv(name.c_str());
    if (set && *set) return;
    std::string state = set ? "is set but empty" : "is not set";
    // Backstage makes a value with any undefined reference undefined as a whole.
    std::string effect = empty_fallback ? " and the fallback is empty, so Backstage loads the value as missing"
                         : set          ? ", so the value is empty"
                                        : ", so Backstage loads the value as missing";
    Finding& finding = sink.report(span, path_of(value),
                                   "environment variable `" + name + "` used by " + where + " " + state + effect);
    std::string suggestion =
        "set `" + name + "` where the Portal runs, or use the variable name your deployment defines";
    if (std::string near = nearest_set_variable(name); !near.empty()) {
      suggestion += "; `" + near + "` is set here, did you mean it?";
    }
    finding.suggestion = suggestion;
  }
};

}  // namespace
GWLINT_REGISTER_RULE(EnvVarUnset);
}  // namespace gwlint
