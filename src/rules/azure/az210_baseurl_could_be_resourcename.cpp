// AZ210 baseurl-could-be-resourcename: an Azure `baseURL` that is exactly the plain endpoint
// `https://x.openai.azure.com/openai`, which `resourceName: x` produces on its own (DOMAIN.md §2).
// A style note: nothing fails, but a hand-written URL can drift and a resource name cannot.
#include <string>

#include "config/value_source.hpp"
#include "lint/rule.hpp"
#include "lint/text_utils.hpp"
#include "lint/value_helpers.hpp"
#include "rules/azure/url_parts.hpp"
#include "rules/data/azure_names.hpp"

namespace gwlint {
namespace {

constexpr std::string_view kOpenAiSuffix = ".openai.azure.com";

// The `x` of `https://x.openai.azure.com/openai[/]`, or empty when the URL is anything more.
std::string plain_endpoint_resource(std::string_view text) {
  UrlParts url = split_url(text);
  if (!iequals(url.scheme, "https") || url.has_userinfo || url.has_query || url.has_fragment) return {};
  if (url.has_port && url.port != "443") return {};
  if (!iequals(url.path, "/openai") && !iequals(url.path, "/openai/")) return {};
  std::string host = ascii_lower(url.host);
  if (host.size() <= kOpenAiSuffix.size() ||
      host.compare(host.size() - kOpenAiSuffix.size(), std::string::npos, kOpenAiSuffix) != 0) {
    return {};
  }
  std::string label = host.substr(0, host.size() - kOpenAiSuffix.size());  // DNS names are case-insensitive
  if (label.find('.') != std::string::npos || data::resource_name_problem(label)) return {};
  return label;
}

// The key written like `like` (quoted the same way), for rewriting `baseURL:` as `resourceName:`.
std::string key_like(const Node* like, std::string_view key) {
  if (like->style == ScalarStyle::DoubleQuoted) return "\"" + std::string(key) + "\"";
  if (like->style == ScalarStyle::SingleQuoted) return "'" + std::string(key) + "'";
  return std::string(key);
}

bool only_blanks(std::string_view text) {
  return text.find_first_not_of(" \t") == std::string_view::npos;
}

// The byte range that removes the entry `key: value` cleanly: its whole line in block YAML or when
// it stands alone on its line, else the entry and one neighbouring comma. Empty range when unsure.
std::pair<uint32_t, uint32_t> entry_deletion(const std::string& text, const Node* key, const Node* value) {
  size_t line_begin = text.rfind('\n', key->span.begin == 0 ? 0 : key->span.begin - 1);
  line_begin = line_begin == std::string::npos || key->span.begin == 0 ? 0 : line_begin + 1;
  size_t eol = text.find('\n', value->span.end);
  if (eol == std::string::npos) eol = text.size();
  size_t line_end = eol == text.size() ? eol : eol + 1;
  bool alone_before = only_blanks(std::string_view(text).substr(line_begin, key->span.begin - line_begin));
  std::string_view after = std::string_view(text).substr(value->span.end, line_end - value->span.end);
  size_t rest = after.find_first_not_of(" \t\r\n");

  if (!value->parent || !value->parent->flow) {
    bool alone_after = rest == std::string_view::npos || after[rest] == '#';
    if (alone_before && alone_after) return {static_cast<uint32_t>(line_begin), static_cast<uint32_t>(line_end)};
    return {0, 0};
  }
  if (rest != std::string_view::npos && after[rest] == ',') {  // `"baseURL": "...",` followed by more entries
    size_t after_comma = value->span.end + rest + 1;
    if (alone_before && only_blanks(std::string_view(text).substr(after_comma, eol - after_comma))) {
      return {static_cast<uint32_t>(line_begin), static_cast<uint32_t>(line_end)};
    }
    size_t next = text.find_first_not_of(" \t", after_comma);
    return {key->span.begin, static_cast<uint32_t>(next == std::string::npos ? after_comma : next)};
  }
  size_t previous = text.find_last_not_of(" \t\r\n", key->span.begin == 0 ? 0 : key->span.begin - 1);
  if (previous == std::string::npos || text[previous] != ',') return {0, 0};
  return {static_cast<uint32_t>(previous), value->span.end};  // the last entry: drop the comma before it
}

class BaseurlCouldBeResourcename final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"AZ210", "baseurl-could-be-resourcename", Severity::Info, "yes",
                               "Azure `baseURL` is the plain endpoint `https://x.openai.azure.com/openai`; use "
                               "`resourceName: x`"};
    return info;
  }

  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    for (const ProviderConfig& provider : input.gateway->providers) {
      if (provider.id == "azure" && provider.body && provider.body->is_mapping()) check_provider(provider, sink);
    }
  }

 private:
  static void check_provider(const ProviderConfig& azure, FindingSink& sink) {
    const MappingEntry* entry = azure.body->find_entry("baseURL");
    if (!entry || !is_literal_string(entry->value)) return;
    const Node* key = entry->key;
    const Node* value = entry->value;
    std::string resource = plain_endpoint_resource(value->scalar);
    if (resource.empty()) return;

    Finding& finding =
        sink.report(value, "`baseURL` " + as_code(value->scalar) + " is the plain endpoint of resource " +
                               as_code(resource) + ": `resourceName: " + resource + "` says the same and cannot drift");
    // Both edits work on one file's bytes; a merged view can put key and value in different layers.
    bool same_file = key->span.file && key->span.file == value->span.file;
    const std::string& text = value->span.file->text();
    const MappingEntry* existing = azure.body->find_entry("resourceName");
    if (!existing) {
      finding.suggestion = "replace the `baseURL` entry with `resourceName: " + resource + "`";
      if (!same_file) return;
      size_t separator_begin = key->span.end;
      std::string separator = text.substr(separator_begin, value->span.begin - separator_begin);
      if (separator.find_first_of("\n#") != std::string::npos) separator = ": ";
      auto new_value = requote_like(value, resource, Requote::SameStyleOnly);
      if (!new_value) return;
      std::string replacement = key_like(key, "resourceName") + separator + *new_value;
      finding.fix = Fix{
          "resourceName: " + resource, {TextEdit{key->span.file, key->span.begin, value->span.end, replacement}}, true};
      return;
    }
    const Node* named = existing->value;
    if (named->is_scalar() && value_source(named) == ValueSource::Literal && iequals(named->scalar, resource)) {
      finding.suggestion = "delete the `baseURL` entry: `resourceName: " + named->scalar + "` already says the same";
      if (!same_file) return;
      auto [begin, end] = entry_deletion(text, key, value);
      if (end > begin) finding.fix = Fix{"", {TextEdit{key->span.file, begin, end, ""}}, true};
      return;
    }
    if (!named->is_scalar() || named->scalar.empty()) {
      finding.suggestion = "write `resourceName: " + resource + "` and delete the `baseURL` entry";
    } else if (value_source(named) != ValueSource::Literal) {
      finding.suggestion = "delete the `baseURL` entry if `resourceName` resolves to " + as_code(resource) +
                           "; it is ignored while `baseURL` is set";
    } else {
      finding.suggestion = "replace `baseURL` with `resourceName: " + resource +
                           "` once you know which resource is meant: `resourceName: " + printable_value(named->scalar) +
                           "` names another one (and is ignored while `baseURL` is set)";
    }
  }
};

}  // namespace
GWLINT_REGISTER_RULE(BaseurlCouldBeResourcename);
}  // namespace gwlint
