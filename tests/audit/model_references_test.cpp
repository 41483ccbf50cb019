#include "audit/model_references.hpp"

#include <catch2/catch.hpp>

#include "audit_support.hpp"

using namespace gwlint;
using json = nlohmann::ordered_json;

TEST_CASE("every model reference with its provider, deployment and inventory match", "[audit][models]") {
  FileReport report = audit_test::lint_text(R"(aiGateway:
  providers:
    azure:
      apiKey: ${AZURE_OPENAI_API_KEY}
      resourceName: acme
      deployments:
        chat-prod: gpt-4o
    cohere:
      apiKey: ${COHERE_API_KEY}
  languageModel: azure|gpt-4o
  rerankingModel: cohere|rerank-v3.5
  plugins:
    soundcheck:
      languageModel: azure|chat-prod
)");
  GatewayModel gateway;
  REQUIRE(build_gateway_model(*report.document, gateway));
  json models = audit::model_references(gateway, report.redactor);
  REQUIRE(models.size() == 3);
  CHECK(models[0]["role"] == "languageModel");
  CHECK(models[0]["inventory"] == "missing");
  CHECK(models[1]["provider"] == "cohere");
  CHECK(models[1]["model_id"] == "rerank-v3.5");
  CHECK(models[2]["plugin"] == "soundcheck");
  CHECK(models[2]["inventory"] == "match");
  CHECK(models[2]["model_id"] == "gpt-4o");
  CHECK(models[2]["line"] == 14);
}
