// Regression tests for defects a QA pass found in the rules: linear time on large inventories and
// header lists, secret and placeholder detection, and messages, paths and spans of single rules.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "config/loader.hpp"
#include "lint/gateway_model.hpp"
#include "lint/linter.hpp"
#include "lint/rule.hpp"
#include "rules/data/placeholders.hpp"
#include "rules/data/secret_names.hpp"
#include "rules/models/model_ref_support.hpp"
#include "schema/schema_validator.hpp"

using namespace gwlint;

namespace {

// Time budgets assume an optimised or plain debug build; sanitizers slow everything down a few
// times, and a quadratic rule still takes far longer than the scaled budget.
#if defined(__SANITIZE_ADDRESS__)
constexpr double kSlowdown = 5;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr double kSlowdown = 5;
#else
constexpr double kSlowdown = 1;
#endif
#else
constexpr double kSlowdown = 1;
#endif

struct Linted {
  std::unique_ptr<Document> document;
  std::vector<Finding> findings;

  std::vector<const Finding*> of(const std::string& code) const {
    std::vector<const Finding*> out;
    for (const Finding& finding : findings) {
      if (finding.code == code) out.push_back(&finding);
    }
    return out;
  }
};

// The whole pipeline, as `gwlint lint` runs it (messages redacted).
Linted lint(const std::string& yaml, const LintContext& context = {}) {
  LintOptions options;
  options.context = context;
  FileReport report = lint_document(load_document("t.yaml", yaml, options.limits, ""), options);
  return Linted{std::move(report.document), std::move(report.findings)};
}

// One rule on its own, before redaction: what the rule itself writes.
Linted run_rule(const std::string& code, const std::string& yaml, const LintContext& context = {}) {
  Linted out;
  out.document = load_document("t.yaml", yaml, LoadLimits{}, "");
  GatewayModel gateway;
  bool has_gateway = !out.document->fatal && build_gateway_model(*out.document, gateway);
  std::vector<SchemaIssue> issues;
  if (has_gateway) issues = validate_against_schema(*out.document);
  const Rule* rule = RuleRegistry::instance().find(code);
  REQUIRE(rule != nullptr);
  RuleInput input{*out.document, has_gateway ? &gateway : nullptr, issues, context};
  FindingSink sink(*rule, out.findings);
  rule->check(input, sink);
  return out;
}

double seconds_to_lint(const std::string& yaml, Linted& out) {
  auto start = std::chrono::steady_clock::now();
  out = lint(yaml);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string text_at(const Linted& linted, const SourceSpan& span) {
  return linted.document->main_file().text().substr(span.begin, span.end - span.begin);
}

constexpr const char* kAzureHead =
    "aiGateway:\n"
    "  providers:\n"
    "    azure:\n"
    "      apiKey: ${AZURE_OPENAI_API_KEY}\n"
    "      resourceName: acme\n";

}  // namespace

TEST_CASE("rules stay linear in inventory size and references", "[rules][performance]") {
  constexpr int kEntries = 8000;
  // QA's shape: N deployments of one model, N plugins each naming a deployment that is not there.
  std::string yaml = kAzureHead;
  yaml += "      deployments:\n";
  for (int i = 0; i < kEntries; ++i) yaml += "        dep-" + std::to_string(i) + ": gpt-4o\n";
  yaml += "  languageModel: azure|dep-1\n  plugins:\n";
  for (int i = 0; i < kEntries; ++i) {
    yaml += "    plugin" + std::to_string(i) + ":\n      languageModel: azure|dpe-" + std::to_string(i) + "\n";
  }
  Linted linted;
  double elapsed = seconds_to_lint(yaml, linted);
  CHECK(linted.of("GW104").size() == kEntries);
  CHECK(elapsed < 2.0 * kSlowdown);

  // Model names instead of deployments: AZ201 and GW104 look up the deployments serving each.
  yaml = kAzureHead;
  yaml += "      deployments:\n";
  for (int i = 0; i < kEntries; ++i) yaml += "        dep-" + std::to_string(i) + ": gpt-4o\n";
  yaml += "  languageModel: azure|dep-1\n  plugins:\n";
  for (int i = 0; i < kEntries; ++i) {
    yaml +=
        "    plugin" + std::to_string(i) + ":\n      languageModel: azure|gpt-4o" + (i % 2 ? "" : "-2024-08-06") + "\n";
  }
  elapsed = seconds_to_lint(yaml, linted);
  CHECK(linted.of("AZ201").size() == kEntries);
  CHECK(elapsed < 2.0 * kSlowdown);
}

TEST_CASE("duplicate headers are found in linear time", "[rules][performance]") {
  constexpr int kHeaders = 10000;
  std::string yaml = kAzureHead;
  yaml += "      headers:\n";
  for (int i = 0; i < kHeaders; ++i) yaml += "        X-Custom-" + std::to_string(i) + ": value\n";
  for (int i = 0; i < kHeaders; i += 100) yaml += "        x-custom-" + std::to_string(i) + ": value\n";
  yaml += "  languageModel: azure|chat-prod\n";
  Linted linted;
  double elapsed = seconds_to_lint(yaml, linted);
  CHECK(linted.of("HDR405").size() == kHeaders / 100);
  CHECK(elapsed < 2.0 * kSlowdown);
}

TEST_CASE("unknown keys are reported in linear time", "[rules][performance]") {
  constexpr int kKeys = 8000;
  // Each key has one did-you-mean (`apiVersion`), which GW004 checks against the mapping's keys.
  std::string yaml = kAzureHead;
  for (int i = 0; i < kKeys; ++i) yaml += "      apiVersion_" + std::to_string(i) + ": preview\n";
  yaml += "  languageModel: azure|chat-prod\n";
  Linted linted;
  double elapsed = seconds_to_lint(yaml, linted);
  CHECK(linted.of("GW004").size() == kKeys);
  CHECK(elapsed < 2.0 * kSlowdown);
}

TEST_CASE("the serving index answers as deployments_serving does", "[rules][models]") {
  auto doc = load_document("t.yaml",
                           std::string(kAzureHead) +
                               "      deployments:\n"
                               "        chat-a: gpt-4o\n"
                               "        chat-b: { model: GPT-4o, version: 2024-08-06 }\n"
                               "        chat-c: { model: gpt-4o, version: 2024-05-13 }\n"
                               "        mini: gpt-4o-mini\n"
                               "        custom: acme-model\n"
                               "        blank: ''\n"
                               "  languageModel: azure|chat-a\n",
                           {}, "");
  GatewayModel gateway;
  REQUIRE(build_gateway_model(*doc, gateway));
  REQUIRE(gateway.deployments.size() == 6);
  CHECK(gateway.deployment("chat-b") == &gateway.deployments[1]);
  CHECK(gateway.deployment("CHAT-B") == nullptr);
  std::vector<std::string> extra = {"acme-model"};
  models::ServingIndex index(gateway, extra);
  for (const char* model : {"gpt-4o", "GPT-4O", "gpt-4o-2024-08-06", "gpt-4o-2024-05-13", "gpt-4o-mini",
                            "gpt-4o-mini-2024-07-18", "acme-model", "ACME-MODEL", "gpt-4", "", "unknown"}) {
    INFO(model);
    CHECK(index.serving(model) == models::deployments_serving(gateway, model, extra));
    CHECK(index.serving(model) == models::deployments_serving(gateway, model, extra));  // memoised
  }
  CHECK(index.serving("gpt-4o").size() == 3);
  CHECK(index.serving("gpt-4o-2024-08-06").size() == 2);
}

TEST_CASE("bracketed placeholders hold words, never a key", "[rules][secrets]") {
  CHECK(data::is_placeholder("<your-key>"));
  CHECK(data::is_placeholder("{api-key}"));
  CHECK(data::is_placeholder("{resourceName}"));
  CHECK(data::is_placeholder("<YOUR_API_KEY>"));
  CHECK_FALSE(data::is_placeholder("{0a1b2c3d4e5f60718293a4b5c6d7e8f9}"));
  CHECK_FALSE(data::is_placeholder("<0a1b2c3d4e5f60718293a4b5c6d7e8f9>"));
  CHECK_FALSE(data::is_placeholder("{sk2Fq9xLm4Tz}"));
  CHECK_FALSE(data::is_placeholder("{}"));
  CHECK_FALSE(data::is_placeholder("{--}"));

  Linted linted = lint(std::string(kAzureHead) + "    openai:\n      apiKey: \"{0a1b2c3d4e5f60718293a4b5c6d7e8f9}\"\n" +
                       "  languageModel: azure|chat-prod\n");
  CHECK(linted.of("SEC302").empty());
  REQUIRE(linted.of("SEC301").size() == 1);
  for (const Finding& finding : linted.findings) CHECK(finding.message.find("0a1b2c3d4e5f") == std::string::npos);
}

TEST_CASE("credential headers: names, suffixes and values", "[rules][secrets]") {
  CHECK(data::is_secret_header_name("cf-aig-authorization"));
  CHECK(data::is_secret_header_name("X-Upstream-Authorization"));
  CHECK(data::is_secret_header_name("X-Gateway-Auth"));
  CHECK(data::is_secret_header_name("X-Tenant-Key"));
  CHECK_FALSE(data::is_secret_header_name("X-Team"));
  CHECK_FALSE(data::is_secret_header_name("key"));

  CHECK_FALSE(data::is_generic_secret_header_name("Authorization"));
  CHECK_FALSE(data::is_generic_secret_header_name("cf-aig-authorization"));
  CHECK_FALSE(data::is_generic_secret_header_name("x-api-key"));
  CHECK_FALSE(data::is_generic_secret_header_name("X-Portkey-Api-Key"));
  CHECK(data::is_generic_secret_header_name("X-Tenant-Key"));
  CHECK(data::is_generic_secret_header_name("X-Gateway-Token"));
  CHECK(data::is_generic_secret_header_name("X-Gateway-Auth"));

  CHECK(data::is_credential_value("Bearer eyJhbGciOiJIUzI1NiJ9"));
  CHECK(data::is_credential_value("basic dXNlcjpwYXNz"));
  CHECK(data::is_credential_value("Token 0123abcd"));
  CHECK_FALSE(data::is_credential_value("Bearer short"));
  CHECK_FALSE(data::is_credential_value("Bearer ${GATEWAY_TOKEN}"));
  CHECK_FALSE(data::is_credential_value("Bearer $${GATEWAY_TOKEN}"));
  CHECK_FALSE(data::is_credential_value("Bearer"));
  CHECK_FALSE(data::is_credential_value("Digital signage"));

  CHECK_FALSE(data::header_carries_secret("X-Tenant-Key", "acme"));
  CHECK_FALSE(data::header_carries_secret("X-Token-Budget", "4096"));
  CHECK(data::header_carries_secret("X-Tenant-Key", "tk_8f3k2j1h"));
  CHECK(data::header_carries_secret("X-Tenant-Key", "abcdefghijklmnopqrst"));
  CHECK(data::header_carries_secret("Authorization", "hunter2"));
  CHECK(data::header_carries_secret("X-Custom", "Bearer abcdefgh12345"));
  CHECK_FALSE(data::header_carries_secret("X-Custom", "platform"));

  Linted linted = lint(std::string(kAzureHead) +
                       "      headers:\n"
                       "        cf-aig-authorization: Bearer cfSECRETtoken0987654321\n"
                       "        X-Gateway-Auth: gw_live_8f3k2j1h\n"
                       "        X-Forwarded-Auth: Basic dXNlcjpzZWNyZXRwYXNz\n"
                       "        X-Tenant-Key: acme\n"
                       "        X-Secret-Scope: team-platform\n"
                       "        X-Token-Budget: \"4096\"\n"
                       "  languageModel: azure|chat-prod\n");
  auto sec303 = linted.of("SEC303");
  REQUIRE(sec303.size() == 3);
  CHECK(sec303[0]->message.find("cf-aig-authorization") != std::string::npos);
  CHECK(sec303[0]->message.find("Bearer ${CF_AIG_TOKEN}") != std::string::npos);
  CHECK(sec303[1]->message.find("X-Gateway-Auth") != std::string::npos);
  CHECK(sec303[2]->message.find("X-Forwarded-Auth") != std::string::npos);
}

TEST_CASE("a mis-escaped reference in a secret is ENV502's, not a leaked secret", "[rules][secrets][env]") {
  Linted linted = lint(
      "aiGateway:\n  providers:\n    azure:\n      apiKey: \"$${AZURE_OPENAI_API_KEY}\"\n      resourceName: acme\n"
      "      headers:\n"
      "        Authorization: Bearer $${GATEWAY_TOKEN}\n"
      "        X-Trace: \"$${NOT_ENV}\"\n"
      "  languageModel: azure|chat-prod\n");
  CHECK(linted.of("SEC301").empty());
  CHECK(linted.of("SEC303").empty());
  auto env502 = linted.of("ENV502");
  REQUIRE(env502.size() == 2);
  CHECK(env502[0]->message ==
        "`$${AZURE_OPENAI_API_KEY}` in `apiKey` of provider `azure` is Backstage's escape for the literal text "
        "`${AZURE_OPENAI_API_KEY}`, so the key sent is that text; write `${AZURE_OPENAI_API_KEY}`");
  CHECK(env502[1]->message.find("`$${GATEWAY_TOKEN}` in header `Authorization`") == 0);
}

TEST_CASE("a literal fallback secret is reported without its text", "[rules][secrets]") {
  std::string yaml =
      "aiGateway:\n  providers:\n    google:\n      apiKey: \"${GOOGLE_KEY:-AIzaSyD-secretgooglekey1234567890abcd}\"\n"
      "    azure:\n      apiKey: ${AZURE_OPENAI_API_KEY}\n      resourceName: acme\n      headers:\n"
      "        Authorization: Bearer ${GW_TOKEN:-tok_1234567890abcdef}\n"
      "  languageModel: azure|chat-prod\n";
  for (const char* code : {"SEC301", "SEC303"}) {
    Linted linted = run_rule(code, yaml);
    REQUIRE(linted.findings.size() == 1);
    const Finding& finding = linted.findings.front();
    CHECK(finding.message.find(":-…}") != std::string::npos);
    for (const std::string& text : {finding.message, finding.suggestion.value_or("")}) {
      CHECK(text.find("AIza") == std::string::npos);
      CHECK(text.find("tok_1234") == std::string::npos);
    }
  }
}

TEST_CASE("a YAML merge key gets its own GW004 message", "[rules][structure]") {
  Linted linted = lint(
      "x-azure-base: &base\n  apiKey: ${AZURE_OPENAI_API_KEY}\n  resourceName: acme\n"
      "aiGateway:\n  providers:\n    azure:\n      <<: *base\n      apiVersion: preview\n"
      "  languageModel: azure|chat-prod\n");
  auto gw004 = linted.of("GW004");
  REQUIRE(gw004.size() == 1);
  CHECK(gw004[0]->message ==
        "`<<` is a YAML 1.1 merge key; Backstage's YAML 1.2 loader keeps `<<` as an ordinary key and does not "
        "merge `*base` into this mapping, so its fields are missing");
  CHECK(gw004[0]->suggestion == std::optional<std::string>("write the fields out here, or use Backstage's `$include`"));
  CHECK_FALSE(gw004[0]->fix);
  CHECK(gw004[0]->span.begin_position().line == 7);
}

TEST_CASE("AZ212 knows the sovereign clouds' v1 endpoints", "[rules][azure]") {
  for (const char* host : {"acme.openai.azure.us", "acme.openai.azure.cn", "acme.cognitiveservices.azure.us",
                           "acme.cognitiveservices.azure.cn", "acme.openai.azure.com"}) {
    INFO(host);
    Linted linted = lint(std::string("aiGateway:\n  providers:\n    azure:\n      apiKey: ${AZURE_OPENAI_API_KEY}\n") +
                         "      baseURL: https://" + host + "/openai\n      apiVersion: \"2024-10-21\"\n" +
                         "  languageModel: azure|chat-prod\n");
    CHECK(linted.of("AZ212").size() == 1);
  }
  // A sovereign host pasted as resourceName cannot be fixed to its first label: resourceName
  // always means the global cloud.
  Linted pasted = lint(
      "aiGateway:\n  providers:\n    azure:\n      apiKey: ${AZURE_OPENAI_API_KEY}\n"
      "      resourceName: https://acme.openai.azure.us/\n  languageModel: azure|chat-prod\n");
  auto az204 = pasted.of("AZ204");
  REQUIRE(az204.size() == 1);
  CHECK_FALSE(az204[0]->fix);
}

TEST_CASE("AZ202 does not build a host from a URL in resourceName", "[rules][azure]") {
  Linted linted = lint(
      "aiGateway:\n  providers:\n    azure:\n      apiKey: ${AZURE_OPENAI_API_KEY}\n"
      "      resourceName: https://acme-openai.openai.azure.com/\n"
      "      baseURL: https://apim-acme.azure-api.net/openai\n  languageModel: azure|chat-prod\n");
  auto az202 = linted.of("AZ202");
  REQUIRE(az202.size() == 1);
  CHECK(az202[0]->message.find(".openai.azure.com/.openai.azure.com") == std::string::npos);
  CHECK(az202[0]->message ==
        "`baseURL` overrides `resourceName`, which is then ignored: requests go to the baseURL, never to the "
        "resource named there");

  Linted bare = lint(
      "aiGateway:\n  providers:\n    azure:\n      apiKey: ${AZURE_OPENAI_API_KEY}\n"
      "      resourceName: acme-openai\n"
      "      baseURL: https://apim-acme.azure-api.net/openai\n  languageModel: azure|chat-prod\n");
  REQUIRE(bare.of("AZ202").size() == 1);
  CHECK(bare.of("AZ202")[0]->message.find("never to acme-openai.openai.azure.com") != std::string::npos);
}

TEST_CASE("AZ201 and GW104 leave an azure rerankingModel to GW106", "[rules][models]") {
  std::string yaml = std::string(kAzureHead) +
                     "      deployments:\n        chat-prod: gpt-4o\n"
                     "  languageModel: azure|chat-prod\n  rerankingModel: azure|gpt-4o\n";
  Linted linted = lint(yaml);
  CHECK(linted.of("GW106").size() == 1);
  CHECK(linted.of("AZ201").empty());
  CHECK(linted.of("GW104").empty());
  // The same name as a languageModel is still AZ201's, with the fix.
  linted = lint(std::string(kAzureHead) + "      deployments:\n        chat-prod: gpt-4o\n" +
                "  languageModel: azure|gpt-4o\n");
  REQUIRE(linted.of("AZ201").size() == 1);
  CHECK(linted.of("AZ201")[0]->fix);
}

TEST_CASE("GW105 is about a missing languageModel, not a null one", "[rules][models]") {
  for (const char* value : {"", " ~", " null"}) {
    Linted linted = lint(std::string(kAzureHead) + "  languageModel:" + value + "\n");
    CHECK(linted.of("GW105").empty());
    CHECK(linted.of("GW003").size() == 1);
  }
  Linted missing = lint(std::string(kAzureHead) + "  embeddingModel: azure|embed-prod\n");
  CHECK(missing.of("GW105").size() == 1);
}

TEST_CASE("HDR404 reports at the header's own path", "[rules][headers]") {
  Linted map_form = lint(std::string(kAzureHead) +
                         "      headers:\n        X-Team: search\n        api-key: ${OTHER_KEY}\n"
                         "  languageModel: azure|chat-prod\n");
  REQUIRE(map_form.of("HDR404").size() == 1);
  CHECK(map_form.of("HDR404")[0]->path == "aiGateway.providers.azure.headers.api-key");
  CHECK(text_at(map_form, map_form.of("HDR404")[0]->span) == "api-key");

  Linted list_form = lint(std::string(kAzureHead) +
                          "      headers:\n        - key: X-Team\n          value: search\n"
                          "        - key: api-key\n          value: ${OTHER_KEY}\n"
                          "  languageModel: azure|chat-prod\n");
  REQUIRE(list_form.of("HDR404").size() == 1);
  CHECK(list_form.of("HDR404")[0]->path == "aiGateway.providers.azure.headers[1]");
  CHECK(text_at(list_form, list_form.of("HDR404")[0]->span) == "api-key");
}

TEST_CASE("ENV501 underlines the reference, not the whole value", "[rules][env]") {
  const char* variable = "GWLINT_TEST_SURELY_UNSET_DEPLOYMENT";
  unsetenv(variable);
  LintContext context;
  context.check_env = true;
  std::string reference = std::string("${") + variable + "}";
  struct Case {
    std::string written;  // the scalar as written in the file
    std::string underlined;
  };
  std::vector<Case> cases = {
      {"azure|" + reference, reference},
      {"\"azure|" + reference + "\"", reference},
      {"'azure|" + reference + "'", reference},
      // Escapes shift offsets between the file and the loaded text: the whole value then.
      {"\"azure\\u007C" + reference + "\"", "\"azure\\u007C" + reference + "\""},
  };
  for (const Case& each : cases) {
    INFO(each.written);
    Linted linted = run_rule("ENV501", "aiGateway:\n  languageModel: " + each.written + "  # a comment\n", context);
    REQUIRE(linted.findings.size() == 1);
    CHECK(text_at(linted, linted.findings[0].span) == each.underlined);
    CHECK(linted.findings[0].path == "aiGateway.languageModel");
  }
}
