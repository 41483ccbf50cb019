#pragma once
// The environment variable names gwlint proposes when a secret must move out of the file
// (SEC301, SEC303, PRV602). They follow each provider SDK's own default variable, so the
// suggestion is also what the team most likely already has in its secret store.
#include <string>
#include <string_view>

namespace gwlint::secrets {

// `apiKey` of azure -> AZURE_OPENAI_API_KEY, of openai -> OPENAI_API_KEY, of google ->
// GOOGLE_GENERATIVE_AI_API_KEY; amazon-bedrock `secretAccessKey` -> AWS_SECRET_ACCESS_KEY.
// An unknown provider or field is spelt the same way (`mistral` `apiKey` -> MISTRAL_API_KEY).
std::string env_var_for_field(std::string_view provider, std::string_view field);

// Authorization -> GATEWAY_TOKEN, Ocp-Apim-Subscription-Key -> APIM_SUBSCRIPTION_KEY,
// x-api-key -> GATEWAY_API_KEY, api-key -> the provider's key variable; others in upper snake case.
std::string env_var_for_header(std::string_view provider, std::string_view header);

// `camelCase`, `kebab-case` or `dotted.name` in UPPER_SNAKE_CASE, letters, digits and `_` only.
std::string upper_snake(std::string_view text);

}  // namespace gwlint::secrets
