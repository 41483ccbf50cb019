#include "audit/model_references.hpp"

namespace gwlint::audit {

namespace {

using json = nlohmann::ordered_json;

// "plugins.aika.languageModel" → "aika"; a top-level role has no plugin.
json plugin_of(const std::string& role) {
  const std::string prefix = "plugins.";
  if (role.rfind(prefix, 0) != 0) return nullptr;
  size_t end = role.rfind('.');
  if (end <= prefix.size()) return nullptr;
  return role.substr(prefix.size(), end - prefix.size());
}

}  // namespace

json model_references(const GatewayModel& gateway, const Redactor& redactor) {
  json out = json::array();
  for (const ModelReference& ref : gateway.models) {
    const bool azure = ref.provider == "azure";
    json item = {{"role", redactor.redact(ref.role)},
                 {"plugin", plugin_of(ref.role)},
                 {"reference", redactor.redact(ref.node ? ref.node->text() : "")},
                 {"provider", redactor.redact(ref.provider)},
                 {"name", redactor.redact(ref.name)},
                 {"name_is", azure ? "deployment" : "model"},
                 {"provider_configured", gateway.provider(ref.provider) != nullptr},
                 {"inventory", "not-applicable"},
                 {"model_id", nullptr},
                 {"model_version", nullptr},
                 {"file", ref.node && ref.node->span.file ? ref.node->span.file->path() : std::string()},
                 {"line", ref.node ? ref.node->span.begin_position().line : 0}};
    if (!ref.has_separator) {
      item["inventory"] = "not-applicable";
    } else if (azure) {
      // For Azure the name is a deployment: only an inventory says which model serves it.
      if (!gateway.has_inventory) {
        item["inventory"] = "no-inventory";
      } else if (const Deployment* deployment = gateway.deployment(ref.name)) {
        item["inventory"] = "match";
        item["model_id"] = redactor.redact(deployment->model);
        if (!deployment->version.empty()) item["model_version"] = redactor.redact(deployment->version);
      } else {
        item["inventory"] = "missing";
      }
    } else if (!ref.name.empty()) {
      item["model_id"] = redactor.redact(ref.name);  // other providers name the model itself
    }
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace gwlint::audit
