#include "lint/gateway_model.hpp"

namespace gwlint {

const Node* ProviderConfig::field(std::string_view name) const {
  return body && body->is_mapping() ? body->find(name) : nullptr;
}

bool ModelReference::is_reranking() const {
  return role.size() >= 14 && role.compare(role.size() - 14, 14, "rerankingModel") == 0;
}

const ProviderConfig* GatewayModel::provider(std::string_view id) const {
  for (const auto& provider : providers) {
    if (provider.id == id) return &provider;
  }
  return nullptr;
}

const Deployment* GatewayModel::deployment(std::string_view name) const {
  for (const auto& deployment : deployments) {
    if (deployment.name == name) return &deployment;
  }
  return nullptr;
}

namespace {

void collect_headers(ProviderConfig& provider) {
  const Node* headers = provider.field("headers");
  provider.headers_node = headers;
  if (!headers) return;
  if (headers->is_mapping()) {
    for (const auto& entry : headers->entries) {
      if (entry.key->is_scalar()) provider.headers.push_back({entry.key, entry.value, entry.key->scalar});
    }
  } else if (headers->is_sequence()) {
    for (const Node* item : headers->items) {
      if (!item->is_mapping()) continue;
      const Node* key = item->find("key");
      if (!key || !key->is_scalar()) continue;
      provider.headers.push_back({key, item->find("value"), key->scalar});
    }
  }
}

void add_model_reference(GatewayModel& model, const Node* node, std::string role) {
  if (!node || !node->is_scalar()) return;
  ModelReference ref;
  ref.role = std::move(role);
  ref.node = node;
  const std::string& text = node->scalar;
  size_t bar = text.find('|');
  ref.has_separator = bar != std::string::npos;
  if (ref.has_separator) {
    ref.provider = text.substr(0, bar);
    ref.name = text.substr(bar + 1);
  } else {
    ref.name = text;
  }
  model.models.push_back(std::move(ref));
}

void collect_model_references(GatewayModel& model, const Node* section, const std::string& prefix) {
  for (const char* role : {"languageModel", "embeddingModel", "rerankingModel"}) {
    add_model_reference(model, section->find(role), prefix + role);
  }
}

void collect_deployments(GatewayModel& model) {
  const ProviderConfig* azure = model.provider("azure");
  const Node* inventory = azure ? azure->field("deployments") : nullptr;
  if (!inventory || !inventory->is_mapping()) return;
  model.has_inventory = true;
  for (const auto& entry : inventory->entries) {
    if (!entry.key->is_scalar()) continue;
    Deployment deployment;
    deployment.name = entry.key->scalar;
    deployment.node = entry.key;
    if (entry.value->is_scalar()) {
      deployment.model = entry.value->scalar;
    } else if (entry.value->is_mapping()) {
      if (const Node* m = entry.value->find("model"); m && m->is_scalar()) deployment.model = m->scalar;
      if (const Node* v = entry.value->find("version"); v && v->is_scalar()) deployment.version = v->scalar;
    }
    model.deployments.push_back(std::move(deployment));
  }
}

}  // namespace

bool build_gateway_model(const Document& document, GatewayModel& out) {
  out = GatewayModel{};
  const Node* root = document.root;
  if (!root || !root->is_mapping()) return false;
  const MappingEntry* entry = root->find_entry("aiGateway");
  if (!entry) return false;
  out.root = root;
  out.gateway_key = entry->key;
  out.gateway = entry->value;
  if (!out.gateway->is_mapping()) return true;

  out.providers_node = out.gateway->find("providers");
  if (out.providers_node && out.providers_node->is_mapping()) {
    for (const auto& provider_entry : out.providers_node->entries) {
      if (!provider_entry.key->is_scalar()) continue;
      ProviderConfig provider;
      provider.id = provider_entry.key->scalar;
      provider.key = provider_entry.key;
      provider.body = provider_entry.value;
      collect_headers(provider);
      out.providers.push_back(std::move(provider));
    }
  }
  collect_model_references(out, out.gateway, "");
  if (const Node* plugins = out.gateway->find("plugins"); plugins && plugins->is_mapping()) {
    for (const auto& plugin : plugins->entries) {
      if (plugin.key->is_scalar() && plugin.value->is_mapping()) {
        collect_model_references(out, plugin.value, "plugins." + plugin.key->scalar + ".");
      }
    }
  }
  collect_deployments(out);
  return true;
}

}  // namespace gwlint
