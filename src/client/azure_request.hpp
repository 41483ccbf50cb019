#pragma once
// The request the gateway's Azure provider sends for one call, byte for byte where it matters:
// URL, headers and JSON body, built as @ai-sdk/azure 2.x (on @ai-sdk/openai and provider-utils)
// builds them. The builtin client sends it; tests and audits can show it.
#include <string>
#include <utility>
#include <vector>

#include "client/client.hpp"

namespace gwlint::client {

struct AzureRequest {
  std::string url;   // the real URL (url_for)
  std::string host;  // its Host header value
  std::string path_and_query;
  // Final headers as fetch would send them: lower-case names, same-name values joined with ", ",
  // sorted by name (the order a Headers object iterates in). Host is not among them.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // JSON, keys in the SDK's order
};

// The operation's JSON body:
// - chat: {"model":D,"messages":[{"role":"user","content":INPUT}]} -- a single text part is sent
//   as a plain string (convert-to-openai-chat-messages.ts); unset options are undefined and vanish
//   in JSON.stringify.
// - chat-stream: the same plus "stream":true,"stream_options":{"include_usage":true}
//   (OpenAIChatLanguageModel.doStream).
// - embeddings: {"model":D,"input":[INPUT],"encoding_format":"float"} (OpenAIEmbeddingModel.doEmbed).
std::string request_body(const std::string& op, const std::string& deployment, const std::string& input);

// The headers: createAzure's getHeaders() is {'api-key': KEY, ...options.headers} (a JS object: the
// same key written the same way overrides, in place), normalised through `new Headers()` by
// withUserAgentSuffix (names lower-cased, the same name in another case joined with ", "), then
// postJsonToApi puts {'Content-Type': 'application/json', ...that} through `new Headers()` again,
// so a custom content-type is joined to application/json rather than replacing it.
std::vector<std::pair<std::string, std::string>> request_headers(const AzureEndpoint& endpoint);

AzureRequest build_azure_request(const AzureEndpoint& endpoint, const std::string& deployment, const Call& call);

}  // namespace gwlint::client
