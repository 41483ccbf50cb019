#include "cli/project_config.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "config/loader.hpp"
#include "lint/rule.hpp"
#include "resources/embedded.hpp"
#include "schema/schema_validator.hpp"
#include "schema/yaml_json.hpp"

namespace gwlint::cli {

namespace fs = std::filesystem;

namespace {

// Compiled on first use; the schema is small and has no `$ref`s.
const valijson::Schema& project_schema() {
  static const std::unique_ptr<valijson::Schema> schema = [] {
    auto compiled = std::make_unique<valijson::Schema>();
    nlohmann::json json = nlohmann::json::parse(find_embedded(embedded_schemas(), "gwlint-config.schema.json"));
    valijson::SchemaParser(valijson::SchemaParser::kDraft7)
        .populateSchema(valijson::adapters::NlohmannJsonAdapter(json), *compiled);
    return compiled;
  }();
  return *schema;
}

std::string where(const std::string& path, const Node* node) {
  SourcePosition at = node ? node->span.begin_position() : SourcePosition{1, 1};
  return fmt::format("{}:{}:{}", path, at.line, at.column);
}

std::vector<std::string> strings_of(const Node* list) {
  std::vector<std::string> out;
  if (list && list->is_sequence()) {
    for (const Node* item : list->items) out.push_back(item->scalar);
  }
  return out;
}

std::string resolved(const std::string& folder, const Node* node) {
  if (!node || !node->is_scalar() || node->scalar.empty()) return {};
  fs::path path(node->scalar);
  return (path.is_absolute() ? path : fs::path(folder) / path).lexically_normal().string();
}

}  // namespace

std::optional<std::string> find_project_config() {
  std::error_code ec;
  fs::path start = fs::current_path(ec);
  if (ec) return std::nullopt;
  for (fs::path dir = start; !dir.empty(); dir = dir.parent_path()) {
    fs::path candidate = dir / ".gwlint.yaml";
    std::error_code missing;  // a folder without one is the common case, not an error
    if (fs::is_regular_file(candidate, missing)) return candidate.string();
    if (dir == dir.root_path()) break;
  }
  return std::nullopt;
}

bool load_project_config(const std::string& path, ProjectConfig& out, std::string& error) {
  LoadLimits limits;
  ReadResult read = read_input(path, limits.max_bytes);
  if (read.error || read.too_large) {
    error = fmt::format("{}: cannot read the project config: {}", path, read.error ? *read.error : "over 8 MiB");
    return false;
  }
  auto document = load_text_as(path, std::move(read), limits);
  if (!document->problems.empty()) {
    const LoadProblem& problem = document->problems.front();
    SourcePosition at = problem.span.begin_position();
    error = fmt::format("{}:{}:{}: {}", path, at.line, at.column, problem.message);
    return false;
  }
  out = ProjectConfig{};
  out.path = path;
  out.folder = fs::path(path).parent_path().string();
  if (out.folder.empty()) out.folder = ".";
  const Node* root = document->root;
  if (!root || root->is_null()) return true;  // everything commented out, as `gwlint init` writes it

  nlohmann::json instance = schema::to_json(root);
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(instance);
  if (!valijson::Validator().validate(project_schema(), adapter, &results)) {
    valijson::ValidationResults::Error first;
    const valijson::ValidationResults::Error* deepest = nullptr;
    for (const auto& candidate : results) {
      if (!deepest || candidate.context.size() > deepest->context.size()) deepest = &candidate;
    }
    if (deepest) first = *deepest;
    const Node* node = node_at_context(root, first.context);
    error = fmt::format("{}: {} (see schemas/gwlint-config.schema.json)", where(path, node ? node : root),
                        first.description);
    return false;
  }
  if (const Node* rules = root->find("rules")) {
    for (const auto& entry : rules->entries) {
      const Rule* rule = RuleRegistry::instance().find(entry.key->text());
      if (!rule) {
        error =
            fmt::format("{}: unknown rule `{}`; `gwlint rules` lists them", where(path, entry.key), entry.key->text());
        return false;
      }
      out.rules[std::string(rule->info().code)] = *parse_severity(entry.value->scalar);
    }
  }
  out.include = strings_of(root->find("include"));
  out.exclude = strings_of(root->find("exclude"));
  out.models = strings_of(root->find("models"));
  out.deployments = resolved(out.folder, root->find("deployments"));
  out.baseline = resolved(out.folder, root->find("baseline"));
  return true;
}

bool apply_project_config(const char* command, bool skip, LintOptions& options, PathFilter& filter,
                          std::string& deployments, std::string& baseline, bool fill_baseline) {
  if (skip) return true;
  std::optional<std::string> found = find_project_config();
  if (!found) return true;
  ProjectConfig project;
  std::string error;
  if (!load_project_config(*found, project, error)) {
    std::cerr << "gwlint " << command << ": " << error << '\n';
    return false;
  }
  for (const auto& [code, severity] : project.rules) options.policy.severity.emplace(code, severity);
  options.context.extra_model_ids.insert(options.context.extra_model_ids.end(), project.models.begin(),
                                         project.models.end());
  if (deployments.empty()) deployments = project.deployments;
  if (baseline.empty() && fill_baseline) baseline = project.baseline;
  filter = {project.include, project.exclude, project.folder};
  return true;
}

}  // namespace gwlint::cli
