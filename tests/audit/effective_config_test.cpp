// The effective configuration: exact URLs, ignored fields, masked headers, secret origins.
#include "audit/effective_config.hpp"

#include <catch2/catch.hpp>

#include "audit/value_display.hpp"
#include "audit_support.hpp"
#include "lint/gateway_model.hpp"

using namespace gwlint;
using namespace gwlint::audit;
using json = nlohmann::ordered_json;

namespace {

json providers_of(const std::string& yaml) {
  FileReport report = audit_test::lint_text(yaml);
  GatewayModel gateway;
  REQUIRE(build_gateway_model(*report.document, gateway));
  return effective_providers(*report.document, gateway, report.redactor);
}

std::string url(const json& provider, const std::string& operation) {
  for (const json& item : provider["urls"]) {
    if (item["operation"] == operation) return item["url"];
  }
  return {};
}

}  // namespace

TEST_CASE("resourceName gives the v1 URLs with api-version preview", "[audit][effective]") {
  json providers = providers_of(R"(aiGateway:
  providers:
    azure:
      apiKey: ${AZURE_OPENAI_API_KEY}
      resourceName: acme-openai-eastus2
  languageModel: azure|chat-prod
)");
  REQUIRE(providers.size() == 1);
  const json& azure = providers[0];
  CHECK(url(azure, "chat") ==
        "https://acme-openai-eastus2.openai.azure.com/openai/v1/chat/completions?api-version=preview");
  CHECK(url(azure, "embeddings") ==
        "https://acme-openai-eastus2.openai.azure.com/openai/v1/embeddings?api-version=preview");
  CHECK(azure["endpoint_from"] == "resourceName");
  REQUIRE(azure["secrets"].size() == 1);
  CHECK(azure["secrets"][0]["name"] == "apiKey");
  CHECK(azure["secrets"][0]["source"] == "env");
  CHECK(azure["secrets"][0]["shown"] == "${AZURE_OPENAI_API_KEY}");
}

TEST_CASE("a baseURL wins and resourceName is listed as ignored", "[audit][effective]") {
  json azure = providers_of(R"(aiGateway:
  providers:
    azure:
      apiKey: { $file: ./secrets/azure-key }
      resourceName: acme
      baseURL: https://gw.example.com/azure/
      apiVersion: 2024-10-21
  languageModel: azure|chat-prod
)")[0];
  // As written: the trailing slash doubles (DOMAIN.md §2).
  CHECK(url(azure, "chat") == "https://gw.example.com/azure//v1/chat/completions?api-version=2024-10-21");
  REQUIRE(azure["ignored"].size() == 1);
  CHECK(azure["ignored"][0]["field"] == "resourceName");
  CHECK(azure["ignored"][0]["reason"] == "baseURL is set");
  CHECK(azure["secrets"][0]["shown"] == "$file: ./secrets/azure-key");
  CHECK(azure["secrets"][0]["source"] == "file");
}

TEST_CASE("env references in the endpoint stay references, the environment is not read", "[audit][effective]") {
  ::setenv("AUDIT_TEST_RESOURCE", "real-value-from-env", 1);
  json azure = providers_of(R"(aiGateway:
  providers:
    azure:
      apiKey: { $env: AZURE_KEY }
      resourceName: ${AUDIT_TEST_RESOURCE}
      apiVersion: ${API_VERSION}
  languageModel: azure|chat-prod
)")[0];
  CHECK(url(azure, "chat") ==
        "https://${AUDIT_TEST_RESOURCE}.openai.azure.com/openai/v1/chat/completions?api-version=${API_VERSION}");
  CHECK(azure["secrets"][0]["shown"] == "$env: AZURE_KEY");
  CHECK(azure.dump().find("real-value-from-env") == std::string::npos);
  ::unsetenv("AUDIT_TEST_RESOURCE");
}

TEST_CASE("literal secrets and header values never appear", "[audit][effective][secrets]") {
  const std::string key = "5e3b9c0d1a2f4e6b8c7d9e0f1a2b3c4d";
  json providers = providers_of(R"(aiGateway:
  providers:
    azure:
      apiKey: )" + key + R"(
      resourceName: acme
      headers:
        Authorization: Bearer sk-live-77aa88bb99cc00dd11ee22ff33aa44bb
        X-Team: "<script>alert('x')</script>"
        X-Token: ${TEAM_TOKEN}
    openai:
      apiKey: "Zx81kQ3mT7pL2vN9rB4wC6yH0sJ5dF8g"
      baseURL: https://user:Zx81kQ3mT7pL2vN9rB4wC6yH0sJ5dF8g@api.openai.com/v1
  languageModel: azure|chat-prod
)");
  std::string text = providers.dump();
  CHECK(text.find("1a2f4e6b8c7d9e0f") == std::string::npos);
  CHECK(text.find("77aa88bb99cc") == std::string::npos);
  CHECK(text.find("Zx81kQ3mT7pL2vN9") == std::string::npos);
  CHECK(text.find("<script>") == std::string::npos);
  const json& azure = providers[0];
  CHECK(azure["secrets"][0]["shown"] == "literal in the file (redacted)");
  json headers = azure["headers"];
  REQUIRE(headers.size() == 3);
  CHECK(headers[0]["secret"] == true);
  CHECK(headers[1]["shown"] == masked_length(std::string("<script>alert('x')</script>").size()));
  CHECK(headers[1]["secret"] == false);
  CHECK(headers[2]["shown"] == "${TEAM_TOKEN}");
  const json& openai = providers[1];
  CHECK(openai["endpoint_from"] == "baseURL");
}

TEST_CASE("other providers show their base URL or the default", "[audit][effective]") {
  json providers = providers_of(R"(aiGateway:
  providers:
    openai:
      apiKey: ${OPENAI_API_KEY}
    amazon-bedrock:
      region: eu-central-1
      accessKeyId: ${AWS_ACCESS_KEY_ID}
      secretAccessKey: ${AWS_SECRET_ACCESS_KEY}
    ollama:
      baseURL: http://localhost:11434/api
  languageModel: openai|gpt-4o
)");
  REQUIRE(providers.size() == 3);
  CHECK(providers[0]["base_url"] == "https://api.openai.com/v1");
  CHECK(providers[0]["endpoint_from"] == "default");
  CHECK(providers[1]["base_url"] == "https://bedrock-runtime.eu-central-1.amazonaws.com");
  CHECK(providers[1]["secrets"].size() == 2);
  CHECK(providers[2]["base_url"] == "http://localhost:11434/api");
}

TEST_CASE("value origins", "[audit][effective]") {
  auto document = audit_test::load("a: ${X}\nb: { $env: Y }\nc: { $file: k.txt }\nd: plain\n");
  Redactor redactor(*document);
  CHECK(describe_value(document->root->find("a"), true, redactor).shown == "${X}");
  CHECK(describe_value(document->root->find("b"), true, redactor).shown == "$env: Y");
  CHECK(describe_value(document->root->find("c"), true, redactor).shown == "$file: k.txt");
  CHECK(describe_value(document->root->find("d"), true, redactor).shown == "literal in the file (redacted)");
  CHECK(describe_value(document->root->find("d"), false, redactor).shown == "plain");
  CHECK(describe_value(nullptr, true, redactor).source == "missing");
}
