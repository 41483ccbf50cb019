// How @ai-sdk/azure turns its settings into a request URL, reproduced exactly (DOMAIN.md §2).
//
// Source: vercel/ai, packages/azure/src/azure-openai-provider.ts (createAzure, the `url` helper):
//
//   const baseUrlPrefix = options.baseURL ?? `https://${getResourceName()}.openai.azure.com/openai`;
//   if (options.useDeploymentBasedUrls)
//     fullUrl = new URL(`${baseUrlPrefix}/deployments/${modelId}${path}`);
//   else
//     fullUrl = new URL(`${baseUrlPrefix}/v1${path}`);
//   fullUrl.searchParams.set('api-version', apiVersion);
//
// The baseURL is joined as written: there is no withoutTrailingSlash() here (unlike the openai
// provider), and the WHATWG URL parser keeps empty path segments, so `https://x/openai/` yields
// `https://x/openai//v1/chat/completions`, and a baseURL ending in `/v1` yields `/v1/v1/...`.
// The deployment goes into the path only in the deployment style; otherwise it is the body's
// `model`. Chat models call `/chat/completions`, embedding models `/embeddings`
// (packages/openai/src/chat/openai-chat-language-model.ts, embedding/openai-embedding-model.ts).
#include "client/client.hpp"
#include "client/url_parts.hpp"

namespace gwlint::client {

namespace {

std::string operation_path(const std::string& op) {
  if (op == "embeddings") return "/embeddings";
  return "/chat/completions";  // chat and chat-stream
}

}  // namespace

std::string AzureEndpoint::url_for(const std::string& op, const std::string& deployment) const {
  std::string joined = use_deployment_urls ? base + "/deployments/" + deployment + operation_path(op)
                                           : base + "/v1" + operation_path(op);
  auto parts = parse_url(joined);
  if (!parts) return joined;  // resolve_call refuses such a base; keep the text for messages
  set_search_param(*parts, "api-version", api_version);
  return parts->href();
}

std::string mock_base_url(const AzureEndpoint& endpoint, const std::string& mock_url) {
  std::string origin = mock_url;
  while (!origin.empty() && origin.back() == '/') origin.pop_back();
  // The path as written (not normalised): the client under test must do the joining itself.
  std::string_view base = endpoint.base;
  size_t scheme = base.find("://");
  size_t path_start = scheme == std::string_view::npos ? std::string_view::npos : base.find_first_of("/?#", scheme + 3);
  if (path_start == std::string_view::npos) return origin;
  return origin + std::string(base.substr(path_start));
}

}  // namespace gwlint::client
