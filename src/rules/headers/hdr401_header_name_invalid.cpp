// HDR401 header-name-invalid: a header name that is not an HTTP token (RFC 9110 §5.1): spaces,
// colons, other separators, control characters, non-ASCII text, or nothing at all. Clients
// refuse such names before sending, so every request through the provider fails.
#include <cctype>
#include <cstring>

#include "config/value_source.hpp"
#include "lint/rule.hpp"
#include "rules/data/secret_names.hpp"

namespace gwlint {
namespace {

bool is_token_char(unsigned char c) {
  return std::isalnum(c) || (c < 0x80 && std::strchr("!#$%&'*+-.^_`|~", c) && c);
}

std::string trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return std::string(text);
}

// What is wrong, as a phrase after "it ...", from the first offending character.
std::string problem_of(std::string_view name) {
  for (unsigned char c : name) {
    if (is_token_char(c)) continue;
    if (c == ' ') return "contains a space";
    if (c == '\t') return "contains a tab";
    if (c < 0x20 || c == 0x7f) return "contains a control character";
    if (c >= 0x80) return "contains non-ASCII text";
    return std::string("contains `") + static_cast<char>(c) + "`";
  }
  return "";
}

std::string without_references(std::string_view text) {
  std::string out;
  size_t at = 0;
  for (const EnvReference& ref : scan_env_references(text)) {
    if (!ref.problem.empty()) continue;
    out += text.substr(at, ref.begin - at);
    at = ref.end;
  }
  return out + std::string(text.substr(at));
}

class HeaderNameInvalid final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"HDR401", "header-name-invalid", Severity::Error, "",
                               "a header name is not an HTTP token (spaces, colons, non-ASCII)"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    for (const ProviderConfig& provider : input.gateway->providers) {
      bool list_form = provider.headers_node && provider.headers_node->is_sequence();
      std::string of_provider = " of provider `" + std::string(provider.id) + "`";
      for (const HeaderEntry& header : provider.headers) {
        std::string_view name = header.name;
        if (name.empty()) {
          Finding& finding = sink.report(
              header.name_node, "a header name" + of_provider + " is empty, so the client rejects every request");
          finding.suggestion = "write the header's name, or delete the entry";
          continue;
        }
        // In the list form the name is a value, which Backstage substitutes: only the text around
        // `${VAR}` is known now.
        std::string problem = problem_of(list_form ? without_references(name) : std::string(name));
        if (problem.empty()) continue;
        report(sink, header, name, problem, of_provider);
      }
    }
  }

 private:
  static void report(FindingSink& sink, const HeaderEntry& header, std::string_view name, const std::string& problem,
                     const std::string& of_provider) {
    size_t colon = name.find(':');
    std::string before = colon == std::string_view::npos ? "" : trim(name.substr(0, colon));
    std::string shown(name);
    // `Authorization: Bearer ...` or `Authorization Bearer ...` as a name: what follows the
    // header word is a credential and is never printed.
    size_t split = name.find_first_of(": ");
    if (split != std::string_view::npos && data::is_secret_header_name(trim(name.substr(0, split)))) {
      shown = trim(name.substr(0, split)) + (name[split] == ':' ? ": …" : " …");
    }
    std::string suggestion;
    if (colon != std::string_view::npos && !before.empty() && problem_of(before).empty()) {
      // `"X-Team: search"`: name and value written into the name.
      std::string after = trim(name.substr(colon + 1));
      bool secret = data::is_secret_header_name(before);
      suggestion = "write the name and the value apart: `" + before + ": " + (secret ? "${...}" : after) +
                   "` in the map form, or `- {key: " + before + ", value: " + (secret ? "${...}" : after) + "}`";
    } else if (shown != name) {
      suggestion =
          "use `" + trim(name.substr(0, split)) + "` as the name and put the credential in the value as `${...}`";
    } else if (problem == "contains a space") {
      std::string hyphenated;
      for (char c : trim(name)) hyphenated += c == ' ' ? '-' : c;
      suggestion = "use the name your gateway expects, with hyphens instead of spaces, e.g. `" + hyphenated + "`";
    } else {
      suggestion =
          "use the name your gateway expects, made of letters, digits and the symbols ! # $ % & ' * + - . ^ _ ` | ~ "
          "only";
    }
    Finding& finding =
        sink.report(header.name_node, "header name `" + shown + "`" + of_provider + " is not an HTTP token: it " +
                                          problem + ", so the client rejects every request (\"invalid header name\")");
    finding.suggestion = suggestion;
  }
};

}  // namespace
GWLINT_REGISTER_RULE(HeaderNameInvalid);
}  // namespace gwlint
