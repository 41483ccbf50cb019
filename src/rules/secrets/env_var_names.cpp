#include "rules/secrets/env_var_names.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "lint/text_utils.hpp"

namespace gwlint::secrets {

namespace {

struct Prefix {
  std::string_view provider;
  std::string_view prefix;
};

// The prefix of each provider SDK's default variable (@ai-sdk/* reads <PREFIX>_API_KEY).
constexpr std::array<Prefix, 6> kProviderPrefixes = {{
    {"azure", "AZURE_OPENAI"},
    {"openai", "OPENAI"},
    {"amazon-bedrock", "AWS"},
    {"cohere", "COHERE"},
    {"google", "GOOGLE_GENERATIVE_AI"},
    {"ollama", "OLLAMA"},
}};

struct HeaderVariable {
  std::string_view header;  // lower case
  std::string_view variable;
};

constexpr std::array<HeaderVariable, 6> kHeaderVariables = {{
    {"authorization", "GATEWAY_TOKEN"},
    {"cf-aig-authorization", "CF_AIG_TOKEN"},  // Cloudflare AI Gateway's name for it
    {"proxy-authorization", "PROXY_TOKEN"},
    {"ocp-apim-subscription-key", "APIM_SUBSCRIPTION_KEY"},
    {"x-api-key", "GATEWAY_API_KEY"},
    {"cookie", "GATEWAY_COOKIE"},
}};

std::string provider_prefix(std::string_view provider) {
  for (const Prefix& entry : kProviderPrefixes) {
    if (entry.provider == provider) return std::string(entry.prefix);
  }
  return upper_snake(provider);
}

}  // namespace

std::string upper_snake(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool boundary = std::isupper(c) && i > 0 &&
                    (std::islower(static_cast<unsigned char>(text[i - 1])) ||
                     std::isdigit(static_cast<unsigned char>(text[i - 1])));
    if (boundary && !out.empty() && out.back() != '_') out += '_';
    if (std::isalnum(c) && c < 0x80) {
      out += static_cast<char>(std::toupper(c));
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (!out.empty() && std::isdigit(static_cast<unsigned char>(out.front()))) out.insert(0, "_");
  return out;
}

std::string env_var_for_field(std::string_view provider, std::string_view field) {
  std::string prefix = provider_prefix(provider);
  std::string name = upper_snake(field);
  if (prefix.empty()) return name;
  if (name.empty()) return prefix;
  return prefix + "_" + name;
}

std::string env_var_for_header(std::string_view provider, std::string_view header) {
  std::string key = ascii_lower(header);
  for (const HeaderVariable& entry : kHeaderVariables) {
    if (entry.header == key) return std::string(entry.variable);
  }
  if (key == "api-key") return env_var_for_field(provider, "apiKey");
  std::string_view name = header;
  if (key.rfind("x-", 0) == 0) name.remove_prefix(2);
  std::string variable = upper_snake(name);
  return variable.empty() ? "GATEWAY_SECRET" : variable;
}

}  // namespace gwlint::secrets
