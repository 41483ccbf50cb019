// AZ209 baseurl-is-endpoint: an Azure `baseURL` that goes past the base (an operation path, a
// `/deployments/NAME` path, a trailing `/v1`, or `/openai/openai`). The client appends `/v1` and
// the operation path itself (DOMAIN.md §2), so such a base yields `.../v1/v1/...` and a 404.
#include <algorithm>
#include <string>
#include <vector>

#include "config/value_source.hpp"
#include "lint/rule.hpp"
#include "lint/text_utils.hpp"
#include "lint/value_helpers.hpp"
#include "rules/azure/url_parts.hpp"

namespace gwlint {
namespace {

// Operation paths the Azure OpenAI API serves under a base (DOMAIN.md §2), as segments.
const std::vector<std::vector<std::string_view>>& operation_paths() {
  static const std::vector<std::vector<std::string_view>> paths = {
      {"chat", "completions"},   {"completions"},     {"responses"},       {"embeddings"},
      {"images", "generations"}, {"images", "edits"}, {"audio", "speech"}, {"audio", "transcriptions"},
      {"audio", "translations"},
  };
  return paths;
}

using Segments = std::vector<std::string_view>;

std::string join_path(Segments::const_iterator first, Segments::const_iterator last) {
  std::string out;
  for (auto it = first; it != last; ++it) out += "/" + std::string(*it);
  return out;
}

bool ends_with_segments(const Segments& segments, const std::vector<std::string_view>& tail) {
  if (segments.size() < tail.size()) return false;
  for (size_t i = 0; i < tail.size(); ++i) {
    if (!iequals(segments[segments.size() - tail.size() + i], tail[i])) return false;
  }
  return true;
}

// Cuts `segments` back to the base; returns what was wrong, one clause each.
std::vector<std::string> cut_to_base(Segments& segments) {
  std::vector<std::string> reasons;
  const Segments original = segments;
  for (size_t i = 0; i < segments.size(); ++i) {
    if (!iequals(segments[i], "deployments")) continue;
    reasons.push_back("contains the deployment path " + as_code(join_path(segments.begin() + i, segments.end())));
    segments.resize(i);
    break;
  }
  if (reasons.empty()) {
    // `/chat/completions`, `/v1`, `/v1/responses`: whatever the client appends itself.
    for (const auto& operation : operation_paths()) {
      if (!ends_with_segments(segments, operation)) continue;
      segments.resize(segments.size() - operation.size());
      break;
    }
    while (!segments.empty() && iequals(segments.back(), "v1")) segments.pop_back();
    if (segments.size() < original.size()) {
      reasons.push_back("ends in " + as_code(join_path(original.begin() + segments.size(), original.end())));
    }
  }
  for (size_t i = 1; i < segments.size(); ++i) {
    if (iequals(segments[i], "openai") && iequals(segments[i - 1], "openai")) {
      reasons.push_back("repeats `/openai`");
      while (i < segments.size() && iequals(segments[i], "openai")) segments.erase(segments.begin() + i);
      break;
    }
  }
  return reasons;
}

std::string join_clauses(const std::vector<std::string>& clauses) {
  std::string out;
  for (size_t i = 0; i < clauses.size(); ++i) {
    if (i > 0) out += i + 1 == clauses.size() ? " and " : ", ";
    out += clauses[i];
  }
  return out;
}

class BaseurlIsEndpoint final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"AZ209", "baseurl-is-endpoint", Severity::Error, "yes",
                               "Azure `baseURL` ends in an operation path, `/deployments/NAME`, `/v1`, or repeats "
                               "`/openai`"};
    return info;
  }

  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    for (const ProviderConfig& provider : input.gateway->providers) {
      if (provider.id == "azure") check_value(provider.field("baseURL"), sink);
    }
  }

 private:
  static void check_value(const Node* node, FindingSink& sink) {
    if (!is_string_scalar(node)) return;
    ValueSource source = value_source(node);
    if (source != ValueSource::Literal && source != ValueSource::EnvSubstituted) return;
    const std::string& text = node->scalar;
    std::vector<EnvReference> refs = scan_env_references(text);
    size_t refs_end = 0;
    for (const EnvReference& ref : refs) {
      if (!ref.problem.empty()) return;  // ENV502's
      refs_end = std::max(refs_end, ref.end);
    }

    // Where the path starts: after the authority, or after `${ENDPOINT}` when the base comes from
    // the environment and only the path is written out.
    UrlParts url = split_url(text);
    size_t path_begin;
    if (url.has_authority && !url.scheme.empty()) {
      path_begin = url.origin_text.size();
    } else if (!refs.empty() && refs.front().begin == 0) {
      path_begin = refs_end;
    } else {
      return;  // not an absolute URL: AZ208's
    }
    if (refs_end > path_begin) return;  // a reference inside the path: it could be anything
    size_t path_end = text.find_first_of("?#", path_begin);
    if (path_end == std::string::npos) path_end = text.size();
    std::string_view path = std::string_view(text).substr(path_begin, path_end - path_begin);

    Segments segments = path_segments(path);
    std::vector<std::string> reasons = cut_to_base(segments);
    if (reasons.empty()) return;

    std::string prefix = url.has_userinfo ? std::string(url.scheme) + "://…@" + std::string(url.host) +
                                                (url.has_port ? ":" + std::string(url.port) : "")
                                          : text.substr(0, path_begin);
    std::string base_path = join_path(segments.begin(), segments.end());
    if (!path.empty() && path.front() != '/' && !base_path.empty()) base_path.erase(0, 1);  // `${ENDPOINT}openai`
    std::string shown = prefix + std::string(path);
    // What the client then calls for a chat request (DOMAIN.md §2), to make the damage visible.
    std::string called = std::string(path.empty() || path.front() == '/' ? "" : "/") + std::string(path);
    while (!called.empty() && called.back() == '/') called.pop_back();
    called += "/v1/chat/completions";
    Finding& finding = sink.report(node, "`baseURL` " + as_code(shown) + " " + join_clauses(reasons) +
                                             ", but the client appends `/v1` and the operation path itself: a chat "
                                             "request goes to " +
                                             as_code(called) + ", which does not exist");
    std::string base = prefix + base_path;
    bool deployment = reasons.front().rfind("contains the deployment path", 0) == 0;
    finding.suggestion = "cut it back to the base, " + as_code(base) +
                         (deployment ? ", and name the deployment in the model reference (`azure|NAME`)" : "");
    if (url.has_userinfo) return;  // the fix would print the credentials; AZ208 asks to remove them first
    std::string fixed = text.substr(0, path_begin) + base_path + text.substr(path_end);
    finding.fix = replace_value_fix(node, fixed, Requote::SameStyleOnly);
  }
};

}  // namespace
GWLINT_REGISTER_RULE(BaseurlIsEndpoint);
}  // namespace gwlint
