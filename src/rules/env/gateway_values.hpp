#pragma once
// Helpers for the rules that look at every value under `aiGateway` (SEC301–SEC303, ENV501,
// ENV502): a walk over the values, a description of where a value sits for messages, which
// values hold secrets, and Backstage's `${...}` references as the loader really reads them.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/gateway_model.hpp"

namespace gwlint::values {

// Every value node under `root` (mapping values and sequence items, depth first, in source
// order; mapping keys are not visited), each once even when aliases share it.
void for_each_value(const Node* root, const std::function<void(const Node*)>& visit);

// The provider block `node` sits in, or nullptr when it is outside `providers`.
const ProviderConfig* provider_of(const Node* node, const GatewayModel& gateway);
// The header whose value (resp. name) is `node`, or nullptr.
const HeaderEntry* header_with_value(const Node* node, const GatewayModel& gateway);
const HeaderEntry* header_with_name(const Node* node, const GatewayModel& gateway);

// Where a value sits, for messages: "`apiKey` of provider `azure`", "header `X-Team` of provider
// `azure`", "`languageModel`", "`plugins.aika.languageModel`".
std::string describe(const Node* value, const GatewayModel& gateway);

// The value of a field named like a secret (data::is_secret_field_name) -- not an entry of a
// `headers` map (a header, SEC303's) nor of the deployment inventory (keys are deployment names).
bool is_secret_field_value(const Node* value, const GatewayModel& gateway);
// The value of a header named like a credential (data::is_secret_header_name), either form.
bool is_secret_header_value(const Node* value, const GatewayModel& gateway);

// One `${...}` or `$VAR` reference of a string (scan_env_references), with what the rules need
// besides: the fallback text of `${VAR:-fallback}`, and the name of `$VAR` and `${VAR`.
struct EnvRef {
  size_t begin = 0;       // offset of '$'
  size_t end = 0;         // one past the reference
  std::string name;       // the variable, when it is a valid name (also for `${VAR` and `$VAR`)
  std::string problem;    // empty when well formed
  bool bare = false;      // `$VAR`, no braces
  bool unclosed = false;  // `${VAR` with no '}'
  bool has_fallback = false;
  std::string fallback;  // trimmed text after `:-`
};
std::vector<EnvRef> env_refs(std::string_view text);

// A `$${NAME}` (or `$${NAME:-fallback}`) with a valid variable name: Backstage's escape for the
// literal text `${NAME}`. In a secret that is a reference written wrong, since nobody means to send
// the text `${AZURE_OPENAI_API_KEY}` as a key (ENV502).
struct EscapedRef {
  size_t begin = 0;  // offset of the first '$'
  size_t end = 0;    // one past '}'
  std::string name;
};
std::vector<EscapedRef> escaped_refs(std::string_view text);

// The malformed references of a scalar that ENV502 reports. A `$Word` inside other text is only
// an attempt at a reference at a word start; in a secret it must stand alone (`Bearer $TOKEN`),
// so a key that happens to contain `$` is not taken apart.
std::vector<EnvRef> reported_malformed_refs(std::string_view text, bool secret);

}  // namespace gwlint::values
