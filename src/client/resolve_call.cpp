// From a loaded config to what the gateway's Azure provider would be created with (DOMAIN.md §2):
// the model reference picks the provider and the deployment, the provider block gives the endpoint,
// api-version, key and headers, each value resolved as Backstage's config loader would.
#include <cctype>

#include "client/client.hpp"
#include "client/config_values.hpp"
#include "client/url_parts.hpp"
#include "lint/gateway_model.hpp"

namespace gwlint::client {

namespace {

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

const ModelReference* find_role(const GatewayModel& model, const std::string& role) {
  for (const auto& ref : model.models) {
    if (ref.role == role) return &ref;
  }
  return nullptr;
}

ResolveResult failure(std::string why) {
  ResolveResult result;
  result.error = std::move(why);
  return result;
}

}  // namespace

ResolveResult resolve_call(const Document& config, const Call& call, const std::map<std::string, std::string>& env) {
  GatewayModel gateway;
  if (!build_gateway_model(config, gateway)) return failure("the config has no `aiGateway` section");

  // The model: a role of the config ("languageModel", "plugins.aika.languageModel") or a literal
  // `provider|deployment`.
  std::string reference;
  if (call.model.find('|') != std::string::npos) {
    reference = call.model;
  } else {
    const ModelReference* role = find_role(gateway, call.model);
    if (!role) return failure("the config has no `" + call.model + "` model");
    std::string why;
    auto value = resolve_config_string(role->node, env, &why);
    if (!value) return failure("`" + call.model + "` " + why);
    reference = *value;
  }
  size_t bar = reference.find('|');
  if (bar == std::string::npos) {
    return failure("model `" + reference + "` is not written `provider|deployment`");
  }
  std::string provider_id = reference.substr(0, bar);
  ResolveResult result;
  result.deployment = reference.substr(bar + 1);
  if (provider_id != "azure") {
    return failure("model `" + reference + "` uses provider `" + provider_id +
                   "`: scenario clients speak Azure OpenAI only");
  }
  if (result.deployment.empty()) return failure("model `" + reference + "` names no deployment");
  const ProviderConfig* azure = gateway.provider("azure");
  if (!azure || !azure->body || !azure->body->is_mapping()) {
    return failure("model `" + reference + "` needs `aiGateway.providers.azure`, which is missing or not a mapping");
  }

  AzureEndpoint endpoint;
  std::string why;
  auto base_url = resolve_config_string(azure->field("baseURL"), env, &why);
  if (!base_url && azure->field("baseURL")) endpoint.notes.push_back("baseURL is ignored: " + why);
  auto resource_name = resolve_config_string(azure->field("resourceName"), env, &why);
  if (!resource_name && azure->field("resourceName")) endpoint.notes.push_back("resourceName is ignored: " + why);

  // `options.baseURL ?? ...`: any baseURL, even an empty one, wins over the resource name.
  if (base_url) {
    if (resource_name) endpoint.notes.push_back("resourceName is ignored: baseURL is set");
    auto parts = parse_url(*base_url);
    if (!parts) {
      return failure("baseURL `" + *base_url + "` is not an absolute http(s) URL (the SDK's new URL() throws)");
    }
    endpoint.base = *base_url;
    endpoint.host = parts->authority;
    endpoint.from_resource_name = false;
  } else if (resource_name) {
    if (resource_name->empty()) return failure("resourceName is empty");
    endpoint.base = "https://" + *resource_name + ".openai.azure.com/openai";
    auto parts = parse_url(endpoint.base);
    if (!parts) return failure("resourceName `" + *resource_name + "` does not make a valid host");
    endpoint.host = parts->authority;
    endpoint.from_resource_name = true;
  } else {
    return failure("the azure provider has neither a usable `baseURL` nor `resourceName`");
  }

  auto api_version = resolve_config_string(azure->field("apiVersion"), env, &why);
  // Default `preview`: @ai-sdk/azure 2.0.0-2.0.43 and the Portal docs (later SDKs default to v1).
  endpoint.api_version = api_version ? *api_version : "preview";
  if (!api_version && azure->field("apiVersion")) {
    endpoint.notes.push_back("apiVersion is ignored (" + why + "): sending preview");
  }

  auto api_key = resolve_config_string(azure->field("apiKey"), env, &why);
  if (api_key) {
    endpoint.api_key = *api_key;
  } else {
    endpoint.api_key = kPlaceholderApiKey;
    endpoint.notes.push_back(std::string("apiKey ") + why + ": sending the placeholder key " + kPlaceholderApiKey);
  }

  for (const HeaderEntry& header : azure->headers) {
    auto value = resolve_config_string(header.value_node, env, &why);
    if (!value) {
      endpoint.notes.push_back("header `" + std::string(header.name) + "` is not sent: its value " + why);
      continue;
    }
    endpoint.headers.push_back({std::string(header.name), *value});
  }

  // Not in schemas/providers/azure.schema.json (the Portal does not document it, so GW004 reports
  // it), but @ai-sdk/azure has the option; honour it when a config carries it anyway.
  if (const Node* style = azure->field("useDeploymentBasedUrls"); style && style->is_scalar()) {
    endpoint.use_deployment_urls = lower(style->scalar) == "true";
    endpoint.notes.push_back("useDeploymentBasedUrls is not an AI Gateway field; honoured as the SDK option");
  }

  result.endpoint = std::move(endpoint);
  return result;
}

}  // namespace gwlint::client
