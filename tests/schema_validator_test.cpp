// Schema module: valijson glue, error explanation and positions, typing, did-you-mean.
#include "schema/schema_validator.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "config/loader.hpp"
#include "schema/key_suggestions.hpp"
#include "schema/schema_set.hpp"
#include "schema/yaml_json.hpp"

using namespace gwlint;

namespace {

std::unique_ptr<Document> load(const std::string& text, const std::string& name = "test.yaml") {
  return load_document(name, text, LoadLimits{}, "");
}

// Issues point into their document, so the document travels with them.
struct Checked {
  std::unique_ptr<Document> document;
  std::vector<SchemaIssue> issues;
  size_t size() const { return issues.size(); }
  bool empty() const { return issues.empty(); }
  const SchemaIssue& operator[](size_t i) const { return issues.at(i); }
  auto begin() const { return issues.begin(); }
  auto end() const { return issues.end(); }
};

Checked issues_of(const std::string& text) {
  Checked checked{load(text), {}};
  REQUIRE(checked.document->root);
  checked.issues = validate_against_schema(*checked.document);
  return checked;
}

// A valid Azure provider with `extra` spliced into its body (6-space indent).
std::string azure_with(const std::string& extra) {
  return "aiGateway:\n"
         "  providers:\n"
         "    azure:\n"
         "      apiKey: ${AZURE_OPENAI_API_KEY}\n"
         "      resourceName: acme-openai-eastus2\n" +
         extra + "  languageModel: azure|chat-prod\n";
}

uint32_t line_of(const SchemaIssue& issue) {
  return issue.node->span.begin_position().line;
}
uint32_t column_of(const SchemaIssue& issue) {
  return issue.node->span.begin_position().column;
}

}  // namespace

TEST_CASE("a valid gateway section has no issues", "[schema]") {
  CHECK(issues_of(azure_with("      apiVersion: preview\n")).empty());
  CHECK(issues_of("app:\n  title: Portal\nbackend:\n  baseUrl: http://x\n" + azure_with("")).empty());
  CHECK(issues_of("app:\n  title: no gateway here\n").empty());
  CHECK(issues_of("aiGateway: {}\n").empty());
}

TEST_CASE("Backstage's YAML 1.2 typing decides what is a string", "[schema]") {
  // An unquoted date stays a string (AZ213 warns about YAML 1.1 tools, the schema does not).
  CHECK(issues_of(azure_with("      apiVersion: 2024-10-21\n")).empty());
  CHECK(issues_of(azure_with("      apiVersion: yes\n")).empty());
  CHECK(issues_of(azure_with("      apiVersion: '2024'\n")).empty());
  CHECK(issues_of(azure_with("      apiVersion: !!str 2024\n")).empty());
  auto issues = issues_of(azure_with("      apiVersion: 2024\n"));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].message == "`apiVersion` must be a string (or { $env } / { $file }), found a number (`2024`)");
  CHECK(issues[0].suggestion == "quote the value so YAML reads it as text");

  using schema::JsonType;
  auto type_of = [](const std::string& value) {
    auto document = load("v: " + value + "\n");
    return schema::json_type_of(document->root->find("v"));
  };
  CHECK(type_of("true") == JsonType::Boolean);
  CHECK(type_of("True") == JsonType::Boolean);
  CHECK(type_of("on") == JsonType::String);
  CHECK(type_of("~") == JsonType::Null);
  CHECK(type_of("") == JsonType::Null);
  CHECK(type_of("0x1F") == JsonType::Integer);
  CHECK(type_of("-12") == JsonType::Integer);
  CHECK(type_of("1.5e3") == JsonType::Number);
  CHECK(type_of(".inf") == JsonType::Number);
  CHECK(type_of("1_000") == JsonType::String);
  CHECK(type_of("\"12\"") == JsonType::String);
  CHECK(type_of("|\n  12") == JsonType::String);
}

TEST_CASE("a type error lands on the value with what was expected and found", "[schema]") {
  auto issues = issues_of(azure_with("      apiVersion: [1]\n"));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].kind == SchemaIssue::Kind::Violation);
  CHECK(line_of(issues[0]) == 6);
  CHECK(column_of(issues[0]) == 19);
  CHECK(issues[0].message == "`apiVersion` must be a string (or { $env } / { $file }), found a list");
  CHECK(issues[0].path == "aiGateway.providers.azure.apiVersion");

  SECTION("a block mapping is reported at its key") {
    auto block = issues_of(azure_with("") + "  embeddingModel:\n    provider: openai\n");
    REQUIRE(block.size() == 1);
    CHECK(line_of(block[0]) == 7);
    CHECK(block[0].node->scalar == "embeddingModel");
    CHECK(block[0].message == "`embeddingModel` must be a string written provider|name, found a mapping");
  }
  SECTION("headers of the wrong shape say both accepted shapes") {
    auto headers = issues_of(azure_with("      headers: \"X-Team: search\"\n"));
    REQUIRE(headers.size() == 1);
    CHECK(headers[0].message ==
          "`headers` must be a mapping of header names to values or a list of {key, value} entries, found a "
          "string");
  }
  SECTION("an empty value") {
    auto empty = issues_of("aiGateway:\n  providers:\n");
    REQUIRE(empty.size() == 1);
    CHECK(empty[0].message == "`providers` must be a mapping of provider ids to their settings, found an empty value");
  }
}

TEST_CASE("anyOf failures report the branch the value was meant to be, once", "[schema]") {
  SECTION("header map value") {
    auto issues = issues_of(azure_with("      headers:\n        X-Retries: 3\n"));
    REQUIRE(issues.size() == 1);
    CHECK(line_of(issues[0]) == 7);
    CHECK(issues[0].message == "header `X-Retries` must be a string (or { $env } / { $file }), found a number");
  }
  SECTION("header list entry without a value") {
    auto issues = issues_of(azure_with("      headers:\n        - key: X-Team\n"));
    REQUIRE(issues.size() == 1);
    CHECK(line_of(issues[0]) == 7);
    CHECK(issues[0].message == "`headers[0]` is missing the required field `value`");
  }
  SECTION("$env reference with an extra key, reported at that key") {
    auto issues = issues_of(azure_with("      apiVersion:\n        $env: AZURE_API_VERSION\n        default: v1\n"));
    REQUIRE(issues.size() == 1);
    CHECK(line_of(issues[0]) == 8);
    CHECK(issues[0].message ==
          "the `$env` reference in `apiVersion` must be a single key `$env` with a variable name, found also "
          "`default`");
  }
  SECTION("deployment object without its model") {
    auto issues = issues_of(azure_with("      deployments:\n        chat-prod:\n          version: '1'\n"));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].message == "deployment `chat-prod` is missing the required field `model`");
    CHECK(issues[0].path == "aiGateway.providers.azure.deployments.chat-prod");
    CHECK(line_of(issues[0]) == 7);
  }
}

TEST_CASE("both header shapes and Backstage references are accepted", "[schema]") {
  CHECK(issues_of(azure_with("      headers:\n        X-Team: search\n        X-Key: ${GATEWAY_KEY}\n")).empty());
  CHECK(issues_of(azure_with("      headers:\n        - key: X-Team\n          value: search\n"
                             "        - key: X-Key\n          value: { $env: GATEWAY_KEY }\n"))
            .empty());
  CHECK(issues_of("aiGateway:\n  providers:\n    azure:\n      apiKey: { $env: AZURE_OPENAI_API_KEY }\n"
                  "      baseURL: { $file: secrets/url.txt }\n")
            .empty());
  CHECK(issues_of(azure_with("      deployments:\n        chat-prod: gpt-5.4\n"
                             "        embeddings: { model: text-embedding-3-small, version: '1' }\n"))
            .empty());
}

TEST_CASE("unknown keys become UnknownField on the key with the allowed keys", "[schema]") {
  auto issues = issues_of(azure_with("      baseUrl: https://gw.example.com/azure\n"));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].kind == SchemaIssue::Kind::UnknownField);
  CHECK(issues[0].unknown_key == "baseUrl");
  CHECK(line_of(issues[0]) == 6);
  CHECK(column_of(issues[0]) == 7);
  CHECK(issues[0].message == "unknown field `baseUrl` in provider `azure`");
  CHECK(issues[0].path == "aiGateway.providers.azure.baseUrl");
  CHECK(issues[0].allowed_keys ==
        std::vector<std::string>{"apiKey", "apiVersion", "baseURL", "deployments", "headers", "resourceName"});

  auto providers = issues_of("aiGateway:\n  providers:\n    azure-openai: {}\n");
  REQUIRE(providers.size() == 1);
  CHECK(providers[0].message == "unknown provider `azure-openai` under `providers`");
  CHECK(providers[0].allowed_keys.size() == 6);

  auto plugin = issues_of("aiGateway:\n  plugins:\n    aika:\n      model: azure|chat-prod\n");
  REQUIRE(plugin.size() == 1);
  CHECK(plugin[0].message == "unknown field `model` in plugin `aika`");
  CHECK(plugin[0].allowed_keys == std::vector<std::string>{"embeddingModel", "languageModel", "rerankingModel"});

  auto several = issues_of(azure_with("      apikey: x\n      apiversion: preview\n"));
  CHECK(several.size() == 2);
}

TEST_CASE("required properties that rules own are left to the rules", "[schema]") {
  CHECK(issues_of("aiGateway:\n  providers:\n    azure:\n      apiVersion: preview\n").empty());  // PRV602, AZ203
  CHECK(issues_of("aiGateway:\n  providers:\n    openai: {}\n    cohere: {}\n    google: {}\n").empty());
  CHECK(issues_of("aiGateway:\n  providers:\n    ollama:\n      headers: {X-Team: search}\n").empty());  // PRV603
  // ...but an unknown key next to a missing endpoint is still reported.
  auto issues = issues_of("aiGateway:\n  providers:\n    azure:\n      baseUrl: https://x\n");
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].kind == SchemaIssue::Kind::UnknownField);
}

TEST_CASE("secret values never appear in messages", "[schema]") {
  auto issues = issues_of(
      "aiGateway:\n  providers:\n    openai:\n      apiKey: 734120987654\n"
      "      headers:\n        Authorization: 99887766\n");
  REQUIRE(issues.size() == 2);
  for (const SchemaIssue& issue : issues) {
    CHECK(issue.message.find("734120987654") == std::string::npos);
    CHECK(issue.message.find("99887766") == std::string::npos);
  }
}

TEST_CASE("JSON input is checked the same way", "[schema]") {
  auto document =
      load(R"({"aiGateway": {"providers": {"azure": {"apiKey": "${K}", "resourceName": 5}}}})", "test.json");
  auto issues = validate_against_schema(*document);
  REQUIRE(issues.size() == 1);
  CHECK(column_of(issues[0]) == 74);
  CHECK(issues[0].message.find("found a number") != std::string::npos);
}

TEST_CASE("relative $refs resolve against their own file", "[schema]") {
  using schema::resolve_uri;
  std::string azure = "https://gwlint.dev/schemas/providers/azure.schema.json";
  CHECK(resolve_uri(azure, "../common.schema.json#/definitions/url") ==
        "https://gwlint.dev/schemas/common.schema.json#/definitions/url");
  CHECK(resolve_uri(azure, "#/definitions/x") == azure + "#/definitions/x");
  CHECK(resolve_uri("https://gwlint.dev/schemas/app-config.schema.json", "providers/azure.schema.json") == azure);
  const auto& set = schema::schema_set();
  CHECK(set.resolve("https://gwlint.dev/schemas/common.schema.json#/definitions/configString"));
  CHECK(!set.resolve("https://gwlint.dev/schemas/common.schema.json#/definitions/nope"));
}

TEST_CASE("did-you-mean finds case, separator and small-typo matches", "[schema]") {
  using schema::similar_keys;
  std::vector<std::string> azure{"apiKey", "apiVersion", "baseURL", "deployments", "headers", "resourceName"};
  CHECK(similar_keys("baseUrl", azure) == std::vector<std::string>{"baseURL"});
  CHECK(similar_keys("resourcename", azure) == std::vector<std::string>{"resourceName"});
  CHECK(similar_keys("api_key", azure) == std::vector<std::string>{"apiKey"});
  CHECK(similar_keys("header", azure) == std::vector<std::string>{"headers"});
  CHECK(similar_keys("resourceNmae", azure) == std::vector<std::string>{"resourceName"});
  CHECK(similar_keys("endpoint", azure).empty());
  std::vector<std::string> gateway{"embeddingModel", "languageModel", "plugins", "providers", "rerankingModel"};
  CHECK(similar_keys("languageModels", gateway) == std::vector<std::string>{"languageModel"});
  std::vector<std::string> providers{"amazon-bedrock", "azure", "cohere", "google", "ollama", "openai"};
  CHECK(similar_keys("azure_legacy", providers) == std::vector<std::string>{"azure"});
  CHECK(similar_keys("bedrock", providers) == std::vector<std::string>{"amazon-bedrock"});
  CHECK(similar_keys("aws", providers).empty());
  CHECK(schema::damerau_levenshtein("abcd", "acbd") == 1);
  CHECK(schema::damerau_levenshtein("", "abc") == 3);
}
