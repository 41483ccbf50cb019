// AZ208 baseurl-malformed: a provider's `baseURL` that is not an absolute http(s) URL, uses plain
// http to a remote host, embeds credentials, carries a query or fragment, or ends in a slash.
// The client appends `/v1{path}?api-version=...` to it as a string (DOMAIN.md §2), so each of these
// breaks or leaks every request. Only the trailing slash has a fix: the rest needs a decision.
#include <string>
#include <vector>

#include "config/value_source.hpp"
#include "lint/rule.hpp"
#include "lint/text_utils.hpp"
#include "lint/value_helpers.hpp"
#include "rules/azure/url_parts.hpp"

namespace gwlint {
namespace {

// The URL as it may be shown: credentials, query values (other than api-version) and fragments
// can hold secrets, so only their shape is printed.
std::string display_url(const UrlParts& url) {
  std::string out = std::string(url.scheme) + "://";
  if (url.has_userinfo) out += "…@";
  out += std::string(url.host);
  if (url.has_port) out += ":" + std::string(url.port);
  out += std::string(url.path);
  if (url.has_query) {
    out += "?";
    size_t begin = 0;
    while (begin <= url.query.size()) {
      size_t amp = url.query.find('&', begin);
      std::string_view pair = url.query.substr(begin, amp == std::string_view::npos ? amp : amp - begin);
      size_t eq = pair.find('=');
      std::string_view name = pair.substr(0, eq);
      if (begin > 0) out += "&";
      out += std::string(name);
      if (eq != std::string_view::npos) out += iequals(name, "api-version") ? std::string(pair.substr(eq)) : "=…";
      if (amp == std::string_view::npos) break;
      begin = amp + 1;
    }
  }
  if (url.has_fragment) out += "#…";
  return out;
}

// The value of `api-version=` in a query, or empty.
std::string_view api_version_in(std::string_view query) {
  for (size_t begin = 0; begin <= query.size();) {
    size_t amp = query.find('&', begin);
    std::string_view pair = query.substr(begin, amp == std::string_view::npos ? amp : amp - begin);
    if (pair.size() > 12 && iequals(pair.substr(0, 12), "api-version=")) return pair.substr(12);
    if (amp == std::string_view::npos) break;
    begin = amp + 1;
  }
  return {};
}

bool looks_like_host(std::string_view text) {
  std::string_view first = text.substr(0, text.find_first_of("/?#"));
  if (first.empty() || first.find_first_of(" @") != std::string_view::npos) return false;
  std::string_view host = first.substr(0, first.find(':'));
  return host.find('.') != std::string_view::npos || is_loopback_host(host);
}

struct Problem {
  std::string what;  // "has a query string"
  std::string why;   // said only when it is the one problem, to keep the message one sentence
  std::string fix;
};

std::string join_clauses(const std::vector<std::string>& clauses, std::string_view joiner,
                         std::string_view last_joiner) {
  std::string out;
  for (size_t i = 0; i < clauses.size(); ++i) {
    if (i > 0) out += std::string(i + 1 == clauses.size() ? last_joiner : joiner);
    out += clauses[i];
  }
  return out;
}

class BaseurlMalformed final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"AZ208", "baseurl-malformed", Severity::Error, "yes, for a trailing slash",
                               "`baseURL` is not an absolute https URL, or has credentials, a query, a fragment or a "
                               "trailing slash"};
    return info;
  }

  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    for (const ProviderConfig& provider : input.gateway->providers) check_value(provider, sink);
  }

 private:
  static void check_value(const ProviderConfig& provider, FindingSink& sink) {
    const Node* node = provider.field("baseURL");
    if (!is_literal_string(node)) return;
    const std::string& text = node->scalar;
    // `https://${HOST}/openai` is only known at run time, and a broken `${HOST` is ENV502's.
    if (!scan_env_references(text).empty()) return;

    bool is_ollama = provider.id == "ollama";
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
      if (is_ollama) return;  // an Ollama block without a usable baseURL is PRV603's finding
      sink.report(node, "`baseURL` is empty, so there is no base to send requests to").suggestion =
          "write the base URL (`https://host/path`) or remove the key";
      return;
    }
    UrlParts url = split_url(text);
    if (url.scheme.empty()) {
      Finding& finding =
          sink.report(node, "`baseURL` " + as_code(text) + " is not an absolute URL: it has no `https://`");
      finding.suggestion = looks_like_host(text) ? "write it as " + as_code("https://" + text)
                                                 : "write the full base URL, such as `https://host/path`";
      return;
    }

    std::vector<Problem> problems;
    std::string scheme = ascii_lower(url.scheme);
    if (text.find_first_of(" \t\r\n") != std::string::npos) {
      problems.push_back({"contains whitespace", "which is not valid in a URL", "remove the spaces"});
    }
    if (scheme != "http" && scheme != "https") {
      problems.push_back(
          {"uses the scheme " + as_code(url.scheme), "but the client only speaks `https`", "use `https://`"});
    }
    if (url.host.empty()) problems.push_back({"has no host", "so there is nothing to connect to", "write the host"});
    if (url.has_userinfo) {
      problems.push_back({"embeds credentials before the host", "which Node's fetch refuses outright",
                          "remove them and send gateway credentials in `headers` with a `${VAR}` value"});
    }
    // An empty port (`https://host:/x`) means the default one, as URL parsers read it.
    if (url.has_port && !url.port.empty() &&
        (url.port.size() > 5 || url.port.find_first_not_of("0123456789") != std::string_view::npos ||
         std::stoi(std::string(url.port)) > 65535)) {
      problems.push_back({"has the invalid port " + as_code(":" + std::string(url.port)),
                          "which is not a number up to 65535", "fix the port"});
    }
    // Ollama sends no key and usually runs in-cluster over plain http (`http://ollama:11434/api`).
    if (scheme == "http" && !url.host.empty() && !is_loopback_host(url.host) && !is_ollama) {
      problems.push_back({"uses plain `http://` to " + as_code(url.host),
                          "which sends every prompt, and any key, in clear text",
                          "use `https://` (plain http is fine only for localhost)"});
    }
    if (url.has_query) {
      std::string_view version = api_version_in(url.query);
      problems.push_back({"has a query string", "which ends up in front of the operation path",
                          version.empty()
                              ? "drop the query string"
                              : "drop the query string and set `apiVersion: \"" + std::string(version) + "\"`"});
    }
    if (url.has_fragment) {
      problems.push_back(
          {"has a fragment", "which is never sent and cuts off the operation path", "drop the fragment"});
    }
    bool trailing_slash = !url.path.empty() && url.path.back() == '/';
    if (trailing_slash) {
      // The azure client appends `/v1/...`, the others append their operation path (`/chat/completions`).
      std::string doubled = provider.id == "azure" ? "`//v1`" : "`//`";
      problems.push_back(
          {"ends in a slash", "which gives " + doubled + " in every request path", "drop the trailing slash"});
    }
    if (problems.empty()) return;

    std::vector<std::string> whats, fixes;
    for (const Problem& problem : problems) whats.push_back(problem.what), fixes.push_back(problem.fix);
    std::string message = "`baseURL` " + as_code(display_url(url)) + " " + join_clauses(whats, ", ", " and ");
    if (problems.size() == 1) message += ", " + problems[0].why;
    Finding& finding = sink.report(node, message);
    finding.suggestion = join_clauses(fixes, "; ", "; ");
    // Safe only when the slash is the whole problem: other fixes need a decision.
    if (problems.size() == 1 && trailing_slash && text.back() == '/') {
      std::string trimmed = text;
      while (!trimmed.empty() && trimmed.back() == '/') trimmed.pop_back();
      finding.fix = replace_value_fix(node, trimmed, Requote::SameStyleOnly);
    }
  }
};

}  // namespace
GWLINT_REGISTER_RULE(BaseurlMalformed);
}  // namespace gwlint
