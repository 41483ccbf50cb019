#include "schema/schema_wording.hpp"

#include <algorithm>
#include <array>

namespace gwlint::schema {

namespace {

constexpr std::string_view kStringHint =
    "write one text value, such as `${VAR}`, or a reference `{ $env: VAR }` / `{ $file: path }`";

const std::array<DefinitionWording, 17> kWordings{{
    {"aiGateway", "a mapping of gateway settings (providers, languageModel, ...)",
     "indent the gateway settings (`providers:`, `languageModel:`) beneath `aiGateway:`", "", ""},
    {"configString", "a string (or { $env } / { $file })", kStringHint, "", ""},
    {"url", "a URL string (or { $env } / { $file })",
     "write the URL as one text value, such as `https://host/path`, or use `${VAR}` / `{ $env: VAR }`", "", ""},
    {"envReference", "a `{ $env: VARIABLE }` reference", "write `{ $env: VARIABLE_NAME }` with nothing else in it",
     "$env", "a variable name"},
    {"fileReference", "a `{ $file: path }` reference", "write `{ $file: path/to/file }` with nothing else in it",
     "$file", "a file path"},
    {"headers", "a mapping of header names to values or a list of {key, value} entries",
     "write `Header-Name: value` lines under `headers`, or list items `- key: Header-Name` with `value: ...`", "", ""},
    {"headerMap", "a mapping of header names to values", "write `Header-Name: value` lines under `headers`", "", ""},
    {"headerList", "a list of {key, value} entries", "write list items `- key: Header-Name` with `value: ...`", "", ""},
    {"headerEntry", "a {key, value} entry", "write the item as `- key: Header-Name` with `value: ...` beneath it", "",
     ""},
    {"modelReference", "a string written provider|name", "write it as `provider|name`, such as `azure|chat-prod`", "",
     ""},
    {"deployments", "a mapping of deployment names to model ids",
     "write `deployment-name: model-id` lines, such as `chat-prod: gpt-5.4`", "", ""},
    {"deployment", "a model id or a {model, version} mapping",
     "write the model id, such as `gpt-4o`, or `model:` and `version:` lines", "", ""},
    {"deploymentModel", "a {model, version} mapping", "write `model:` and, optionally, a quoted `version:`", "", ""},
    {"providers", "a mapping of provider ids to their settings",
     "write each provider as a key, such as `azure:`, with its settings indented beneath", "", ""},
    {"provider", "a mapping of provider settings", "indent the provider's settings (`apiKey: ...`) beneath its id", "",
     ""},
    {"plugins", "a mapping of plugin ids to model choices",
     "write each plugin as a key, such as `aika:`, with its `languageModel` beneath", "", ""},
    {"pluginModels", "a mapping of model choices (languageModel, embeddingModel, rerankingModel)",
     "write `languageModel: provider|name` lines beneath the plugin id", "", ""},
}};

struct RuleOwnedRequirement {
  std::string_view schema_file;
  std::string_view property;
  std::string_view rule;  // who reports it instead
};

const std::array<RuleOwnedRequirement, 7> kRuleOwned{{
    {"providers/azure.schema.json", "apiKey", "PRV602"},
    {"providers/azure.schema.json", "resourceName", "AZ203"},
    {"providers/azure.schema.json", "baseURL", "AZ203"},
    {"providers/openai.schema.json", "apiKey", "PRV602"},
    {"providers/cohere.schema.json", "apiKey", "PRV602"},
    {"providers/google.schema.json", "apiKey", "PRV602"},
    {"providers/ollama.schema.json", "baseURL", "PRV603"},
}};

}  // namespace

const DefinitionWording* wording_for(std::string_view name) {
  auto found = std::find_if(kWordings.begin(), kWordings.end(),
                            [&](const DefinitionWording& wording) { return wording.name == name; });
  return found == kWordings.end() ? nullptr : &*found;
}

bool is_rule_owned_requirement(std::string_view schema_file, std::string_view property) {
  return std::any_of(kRuleOwned.begin(), kRuleOwned.end(), [&](const RuleOwnedRequirement& owned) {
    return owned.schema_file == schema_file && owned.property == property;
  });
}

}  // namespace gwlint::schema
