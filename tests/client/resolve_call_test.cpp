#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "client/client.hpp"
#include "client/config_values.hpp"
#include "config/loader.hpp"

using namespace gwlint;
using namespace gwlint::client;

namespace {

std::unique_ptr<Document> load(const std::string& yaml, const std::string& path = "app-config.yaml") {
  return load_document(path, yaml, LoadLimits{}, std::filesystem::path(path).parent_path().string());
}

ResolveResult resolve(const std::string& yaml, const Call& call = {}, const Env& env = {}) {
  auto document = load(yaml);
  return resolve_call(*document, call, env);
}

bool has_note(const AzureEndpoint& endpoint, const std::string& part) {
  for (const auto& note : endpoint.notes) {
    if (note.find(part) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("substitute_env follows Backstage's transform", "[client][resolve]") {
  Env env{{"KEY", "k1"}, {"EMPTY", ""}};
  CHECK(substitute_env("${KEY}", env) == "k1");
  CHECK(substitute_env("${ KEY }", env) == "k1");
  CHECK(substitute_env("Bearer ${KEY}!", env) == "Bearer k1!");
  CHECK(substitute_env("${EMPTY}", env) == "");
  CHECK_FALSE(substitute_env("${MISSING}", env));
  CHECK_FALSE(substitute_env("a ${KEY} ${MISSING}", env));
  CHECK(substitute_env("${MISSING:-fallback}", env) == "fallback");
  CHECK(substitute_env("${EMPTY:- spaced }", env) == " spaced ");
  CHECK(substitute_env("${KEY:-fallback}", env) == "k1");
  CHECK_FALSE(substitute_env("${MISSING:-}", env));
  CHECK(substitute_env("$${KEY}", env) == "${KEY}");
  CHECK(substitute_env("$$${KEY}", env) == "$${KEY}");
  CHECK(substitute_env("$KEY and ${KEY", env) == "$KEY and ${KEY");
  CHECK(substitute_env("${a{b}", env) == "${a{b}");
}

TEST_CASE("resolve_call: resourceName endpoint with defaults", "[client][resolve]") {
  auto result = resolve(R"(aiGateway:
  providers:
    azure:
      apiKey: ${AZURE_OPENAI_API_KEY}
      resourceName: my-openai-resource
  languageModel: azure|chat-prod
)",
                        {}, {{"AZURE_OPENAI_API_KEY", "secret-value-123"}});
  REQUIRE(result.error.empty());
  REQUIRE(result.endpoint);
  const auto& endpoint = *result.endpoint;
  CHECK(result.deployment == "chat-prod");
  CHECK(endpoint.base == "https://my-openai-resource.openai.azure.com/openai");
  CHECK(endpoint.host == "my-openai-resource.openai.azure.com");
  CHECK(endpoint.from_resource_name);
  CHECK(endpoint.api_version == "preview");
  CHECK(endpoint.api_key == "secret-value-123");
  CHECK(endpoint.headers.empty());
  CHECK_FALSE(endpoint.use_deployment_urls);
}

TEST_CASE("resolve_call: baseURL wins over resourceName, with a note", "[client][resolve]") {
  auto result = resolve(R"(aiGateway:
  providers:
    azure:
      apiKey: ${KEY}
      resourceName: my-openai-resource
      baseURL: https://AI-Gateway.example.com/azure/openai/
      apiVersion: "2024-10-21"
  languageModel: azure|chat-prod
)");
  REQUIRE(result.endpoint);
  const auto& endpoint = *result.endpoint;
  CHECK(endpoint.base == "https://AI-Gateway.example.com/azure/openai/");
  CHECK(endpoint.host == "ai-gateway.example.com");
  CHECK_FALSE(endpoint.from_resource_name);
  CHECK(endpoint.api_version == "2024-10-21");
  CHECK(has_note(endpoint, "resourceName is ignored: baseURL is set"));
  CHECK(endpoint.url_for("chat", result.deployment) ==
        "https://ai-gateway.example.com/azure/openai//v1/chat/completions?api-version=2024-10-21");
}

TEST_CASE("resolve_call: unset key gets the placeholder, fallback works", "[client][resolve]") {
  const char* yaml = R"(aiGateway:
  providers:
    azure:
      apiKey: ${AZURE_OPENAI_API_KEY}
      resourceName: ${RESOURCE:-fallback-resource}
  languageModel: azure|chat-prod
)";
  auto result = resolve(yaml);
  REQUIRE(result.endpoint);
  CHECK(result.endpoint->api_key == kPlaceholderApiKey);
  CHECK(has_note(*result.endpoint, "placeholder"));
  CHECK(result.endpoint->host == "fallback-resource.openai.azure.com");
  auto with_env = resolve(yaml, {}, {{"RESOURCE", "real-res"}, {"AZURE_OPENAI_API_KEY", "abcd1234"}});
  REQUIRE(with_env.endpoint);
  CHECK(with_env.endpoint->host == "real-res.openai.azure.com");
  CHECK(with_env.endpoint->api_key == "abcd1234");
}

TEST_CASE("resolve_call: headers in map and list form, values substituted", "[client][resolve]") {
  Env env{{"TOKEN", "t-123"}};
  auto map_form = resolve(R"(aiGateway:
  providers:
    azure:
      apiKey: x
      baseURL: https://gw.example.com/openai
      headers:
        X-Custom-Header: custom-value
        Authorization: Bearer ${TOKEN}
        X-Dropped: ${UNSET}
  languageModel: azure|chat-prod
)",
                          {}, env);
  REQUIRE(map_form.endpoint);
  REQUIRE(map_form.endpoint->headers.size() == 2);
  CHECK(map_form.endpoint->headers[0].name == "X-Custom-Header");
  CHECK(map_form.endpoint->headers[0].value == "custom-value");
  CHECK(map_form.endpoint->headers[1].name == "Authorization");
  CHECK(map_form.endpoint->headers[1].value == "Bearer t-123");
  CHECK(has_note(*map_form.endpoint, "X-Dropped"));

  auto list_form = resolve(R"(aiGateway:
  providers:
    azure:
      apiKey: x
      baseURL: https://gw.example.com/openai
      headers:
        - key: X-Custom-Header
          value: custom-value
        - key: X-Team
          value: ${TOKEN}
  languageModel: azure|chat-prod
)",
                           {}, env);
  REQUIRE(list_form.endpoint);
  REQUIRE(list_form.endpoint->headers.size() == 2);
  CHECK(list_form.endpoint->headers[1].name == "X-Team");
  CHECK(list_form.endpoint->headers[1].value == "t-123");
}

TEST_CASE("resolve_call: model roles and literal references", "[client][resolve]") {
  const char* yaml = R"(aiGateway:
  providers:
    azure:
      apiKey: x
      resourceName: res
    openai:
      apiKey: y
  languageModel: azure|chat-prod
  embeddingModel: azure|embed-prod
  rerankingModel: cohere|rerank-v3.5
  plugins:
    aika:
      languageModel: azure|aika-chat
)";
  CHECK(resolve(yaml, {"chat", "languageModel", "hi"}).deployment == "chat-prod");
  CHECK(resolve(yaml, {"embeddings", "embeddingModel", "hi"}).deployment == "embed-prod");
  CHECK(resolve(yaml, {"chat", "plugins.aika.languageModel", "hi"}).deployment == "aika-chat");
  CHECK(resolve(yaml, {"chat", "azure|literal-deployment", "hi"}).deployment == "literal-deployment");
  // A name with '|' inside keeps everything after the first bar.
  CHECK(resolve(yaml, {"chat", "azure|a|b", "hi"}).deployment == "a|b");

  auto reranking = resolve(yaml, {"chat", "rerankingModel", "hi"});
  CHECK_FALSE(reranking.endpoint);
  CHECK(reranking.error.find("cohere") != std::string::npos);
  auto openai = resolve(yaml, {"chat", "openai|gpt-4o", "hi"});
  CHECK_FALSE(openai.endpoint);
  CHECK(openai.error.find("Azure OpenAI only") != std::string::npos);
  auto missing_role = resolve(yaml, {"chat", "plugins.other.languageModel", "hi"});
  CHECK_FALSE(missing_role.endpoint);
  CHECK(missing_role.error.find("no `plugins.other.languageModel`") != std::string::npos);
}

TEST_CASE("resolve_call: errors when the config cannot say where to call", "[client][resolve]") {
  CHECK(resolve("app: {}\n").error.find("aiGateway") != std::string::npos);
  CHECK(resolve("aiGateway:\n  languageModel: azure|d\n").error.find("providers.azure") != std::string::npos);
  CHECK(resolve("aiGateway:\n  providers:\n    azure:\n      apiKey: x\n  languageModel: azure|d\n")
            .error.find("neither") != std::string::npos);
  CHECK(resolve("aiGateway:\n  providers:\n    azure:\n      apiKey: x\n      baseURL: gw.example.com/openai\n"
                "  languageModel: azure|d\n")
            .error.find("not an absolute") != std::string::npos);
  CHECK(resolve("aiGateway:\n  providers:\n    azure:\n      apiKey: x\n      resourceName: r\n"
                "  languageModel: chat-prod\n")
            .error.find("provider|deployment") != std::string::npos);
}

TEST_CASE("resolve_call: $env and $file forms", "[client][resolve]") {
  auto dir = std::filesystem::temp_directory_path() / ("gwlint-client-resolve-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "secrets");
  std::ofstream(dir / "secrets" / "key.txt") << "file-key-value";
  auto document = load(R"(aiGateway:
  providers:
    azure:
      apiKey: { $file: secrets/key.txt }
      resourceName: { $env: RESOURCE }
      headers:
        X-Missing-File: { $file: secrets/none.txt }
  languageModel: azure|d
)",
                       (dir / "app-config.yaml").string());
  auto result = resolve_call(*document, {}, {{"RESOURCE", "env-res"}});
  REQUIRE(result.endpoint);
  CHECK(result.endpoint->api_key == "file-key-value");
  CHECK(result.endpoint->host == "env-res.openai.azure.com");
  CHECK(result.endpoint->headers.empty());

  auto missing = load(R"(aiGateway:
  providers:
    azure:
      apiKey: { $file: secrets/none.txt }
      resourceName: r
  languageModel: azure|d
)",
                      (dir / "app-config.yaml").string());
  auto placeholder = resolve_call(*missing, {}, {});
  REQUIRE(placeholder.endpoint);
  CHECK(placeholder.endpoint->api_key == kPlaceholderApiKey);
  std::filesystem::remove_all(dir);
}

TEST_CASE("resolve_call: useDeploymentBasedUrls when a config carries it", "[client][resolve]") {
  auto result = resolve(R"(aiGateway:
  providers:
    azure:
      apiKey: x
      resourceName: r
      apiVersion: "2024-10-21"
      useDeploymentBasedUrls: true
  languageModel: azure|chat-prod
)");
  REQUIRE(result.endpoint);
  CHECK(result.endpoint->use_deployment_urls);
  CHECK(result.endpoint->url_for("chat", result.deployment) ==
        "https://r.openai.azure.com/openai/deployments/chat-prod/chat/completions?api-version=2024-10-21");
}
