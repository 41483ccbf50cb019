// report.json of a real audit (examples/ and the scenario library) against its own schema, with
// valijson as the other schemas are checked; and the three renderings hold no secret.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "audit/auditor.hpp"
#include "audit/config_units.hpp"
#include "audit/report_files.hpp"

using namespace gwlint;
using json = nlohmann::json;

namespace {

json read_json(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in);
  return json::parse(in);
}

std::vector<std::string> schema_errors(const json& document) {
  json schema_json = read_json(std::string(GWLINT_SOURCE_DIR) + "/schemas/audit-report.schema.json");
  valijson::Schema schema;
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_json);
  parser.populateSchema(schema_adapter, schema);
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(document);
  std::vector<std::string> errors;
  if (!validator.validate(schema, target, &results)) {
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
      std::string where;
      for (const auto& part : error.context) where += part;
      errors.push_back(where + ": " + error.description);
    }
  }
  return errors;
}

audit::AuditOutcome audit_examples(bool with_scenarios) {
  audit::AuditOptions options;
  std::string source = GWLINT_SOURCE_DIR;
  for (const char* file :
       {"examples/clean/app-config.yaml", "examples/model-name-as-deployment/app-config.yaml",
        "examples/multi-provider/portal.gateway.json", "examples/plaintext-key/app-config.local.yaml"}) {
    options.paths.push_back(source + "/" + file);
  }
  options.jobs = 2;
  options.inputs = {{"paths", {"examples/"}}, {"out", "out"},        {"deployments", nullptr},
                    {"scenarios", nullptr},   {"baseline", nullptr}, {"today", "2026-01-01"}};
  if (with_scenarios) {
    options.run_scenarios = true;
    options.scenario_files = {source + "/scenarios/retry-after-honoured.yaml", source + "/scenarios/bad-key.yaml"};
  }
  return audit::run_audit(options);
}

}  // namespace

TEST_CASE("report.json of examples/ matches schemas/audit-report.schema.json", "[audit][schema]") {
  audit::AuditOutcome outcome = audit_examples(true);
  json report = json::parse(outcome.report.dump());
  std::vector<std::string> errors = schema_errors(report);
  for (const auto& error : errors) UNSCOPED_INFO(error);
  CHECK(errors.empty());
  CHECK(report["configs"].size() == 4);
  CHECK(report["summary"]["scenarios"]["total"] == 2);
  CHECK(outcome.new_errors > 0);
}

TEST_CASE("the schema rejects what it should", "[audit][schema]") {
  json report = json::parse(audit_examples(false).report.dump());
  report["summary"]["status"] = "maybe";
  CHECK_FALSE(schema_errors(report).empty());
}

TEST_CASE("no literal secret in any rendering", "[audit][secrets]") {
  audit::RenderedReport rendered = audit::render_report(audit_examples(false).report);
  // examples/plaintext-key has `apiKey: 0123456789abcdef0123456789abcdef`; its mask keeps 4 characters.
  for (const std::string* text : {&rendered.html, &rendered.markdown, &rendered.json}) {
    CHECK(text->find("456789abcdef") == std::string::npos);
  }
}

TEST_CASE("layers in one folder are one unit, base first and local last", "[audit][units]") {
  auto units = audit::group_config_units({"a/app-config.local.yaml", "a/app-config.production.yaml",
                                          "a/app-config.yaml", "b/app-config.production.yaml", "c/x.gateway.json"});
  REQUIRE(units.size() == 3);
  CHECK(units[0].files ==
        std::vector<std::string>{"a/app-config.yaml", "a/app-config.production.yaml", "a/app-config.local.yaml"});
  CHECK(units[1].files == std::vector<std::string>{"b/app-config.production.yaml"});
  CHECK_FALSE(units[1].merged());
  CHECK(units[2].files == std::vector<std::string>{"c/x.gateway.json"});
}
