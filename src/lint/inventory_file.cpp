#include "lint/inventory_file.hpp"

#include <fmt/format.h>

#include "config/loader.hpp"

namespace gwlint {

namespace {

std::string where(const Node* node) {
  SourcePosition at = node->span.begin_position();
  return fmt::format("{}:{}:{}", node->span.file ? node->span.file->path() : "?", at.line, at.column);
}

std::string scalar_at(const Node* node, std::initializer_list<const char*> keys) {
  for (const char* key : keys) node = node && node->is_mapping() ? node->find(key) : nullptr;
  return node && node->is_scalar() ? node->scalar : std::string();
}

bool read_az_list(const Node* list, std::vector<Deployment>& out, std::string& error) {
  for (const Node* item : list->items) {
    std::string name = scalar_at(item, {"name"});
    std::string model = scalar_at(item, {"properties", "model", "name"});
    if (name.empty() || model.empty()) {
      error = where(item) + ": expected an object with `name` and `properties.model.name`";
      return false;
    }
    out.push_back({name, model, scalar_at(item, {"properties", "model", "version"}), nullptr});
  }
  return true;
}

bool read_map(const Node* map, std::vector<Deployment>& out, std::string& error) {
  for (const auto& entry : map->entries) {
    Deployment deployment{std::string(entry.key->text()), {}, {}, nullptr};
    if (entry.value->is_scalar()) {
      deployment.model = entry.value->scalar;
    } else {
      deployment.model = scalar_at(entry.value, {"model"});
      deployment.version = scalar_at(entry.value, {"version"});
    }
    if (deployment.name.empty() || deployment.model.empty()) {
      error = where(entry.key) + ": expected `DEPLOYMENT: MODEL` or `DEPLOYMENT: {model: MODEL}`";
      return false;
    }
    out.push_back(std::move(deployment));
  }
  return true;
}

}  // namespace

bool load_inventory_file(const std::string& path, std::vector<Deployment>& out, std::string& error) {
  LoadLimits limits;
  ReadResult read = read_input(path, limits.max_bytes);
  if (read.error || read.too_large) {
    error = fmt::format("{}: cannot read the inventory: {}", path, read.error ? *read.error : "over 8 MiB");
    return false;
  }
  auto document = load_text_as(path, std::move(read), limits);
  if (document->fatal || !document->problems.empty()) {
    const LoadProblem& problem = document->problems.front();
    SourcePosition at = problem.span.begin_position();
    error = fmt::format("{}:{}:{}: {}", path, at.line, at.column, problem.message);
    return false;
  }
  const Node* root = document->root;
  if (root && root->is_mapping()) {
    if (const Node* value = root->find("value"); value && value->is_sequence())
      root = value;
    else if (const Node* deployments = root->find("deployments"); deployments && deployments->is_mapping())
      root = deployments;
  }
  bool ok = root && root->is_sequence()  ? read_az_list(root, out, error)
            : root && root->is_mapping() ? read_map(root, out, error)
                                         : (error = path +
                                                    ": no deployments found (expected the JSON of `az "
                                                    "cognitiveservices account deployment list` or a map)",
                                            false);
  // The inventory outlives this document: names and models were copied into `out`.
  return ok;
}

}  // namespace gwlint
