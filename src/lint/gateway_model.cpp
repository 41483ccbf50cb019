#include "lint/gateway_model.hpp"

namespace gwlint {

const Node* ProviderConfig::field(std::string_view name) const {
  return body && body->is_mapping() ? body->find(name) : nullptr;
}

bool ModelReference::is_reranking() const {
  return role.size() >= 14 && role.compare(role.size() - 14, 14, "rerankingModel") == 0;
}

const ProviderConfig* GatewayModel::provider(std::string_view id) const {
  auto it = indexes.provider_by_id.find(id);
  return it == indexes.provider_by_id.end() ? nullptr : &providers[it->second];
}

const Deployment* GatewayModel::deployment(std::string_view name) const {
  auto it = indexes.deployment_by_name.find(name);
  return it == indexes.deployment_by_name.end() ? nullptr : &deployments[it->second];
}

const ProviderConfig* GatewayModel::provider_with_body(const Node* body) const {
  auto it = indexes.provider_by_body.find(body);
  return it == indexes.provider_by_body.end() ? nullptr : &providers[it->second];
}

namespace {

const HeaderEntry* header_at(const GatewayModel& model,
                             const std::unordered_map<const Node*, std::pair<size_t, size_t>>& index, const Node* node,
                             const ProviderConfig** provider) {
  auto it = node ? index.find(node) : index.end();
  if (it == index.end()) return nullptr;
  const ProviderConfig& owner = model.providers[it->second.first];
  if (provider) *provider = &owner;
  return &owner.headers[it->second.second];
}

}  // namespace

const HeaderEntry* GatewayModel::header_with_value(const Node* node, const ProviderConfig** provider) const {
  return header_at(*this, indexes.header_by_value, node, provider);
}

const HeaderEntry* GatewayModel::header_with_name(const Node* node, const ProviderConfig** provider) const {
  return header_at(*this, indexes.header_by_name, node, provider);
}

bool GatewayModel::is_name_keyed_mapping(const Node* node) const {
  return node && indexes.name_keyed_mappings.count(node) > 0;
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
  const ProviderConfig* azure = model.provider("azure");  // the indexes of providers are built by now
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
    model.indexes.deployment_by_name.emplace(entry.key->scalar, model.deployments.size() - 1);
  }
}

void index_providers(GatewayModel& model) {
  auto& indexes = model.indexes;
  for (size_t p = 0; p < model.providers.size(); ++p) {
    const ProviderConfig& provider = model.providers[p];
    indexes.provider_by_id.emplace(provider.id, p);
    indexes.provider_by_body.emplace(provider.body, p);
    if (provider.headers_node) indexes.name_keyed_mappings.insert(provider.headers_node);
    if (provider.id == "azure") {
      if (const Node* inventory = provider.field("deployments")) indexes.name_keyed_mappings.insert(inventory);
    }
    for (size_t h = 0; h < provider.headers.size(); ++h) {
      const HeaderEntry& header = provider.headers[h];
      if (header.value_node) indexes.header_by_value.emplace(header.value_node, std::make_pair(p, h));
      if (header.name_node) indexes.header_by_name.emplace(header.name_node, std::make_pair(p, h));
    }
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
  index_providers(out);
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

void add_external_deployments(GatewayModel& model, const std::vector<Deployment>& deployments) {
  if (deployments.empty()) return;
  model.has_inventory = true;
  model.deployments.reserve(model.deployments.size() + deployments.size());
  for (const Deployment& deployment : deployments) {
    if (model.indexes.deployment_by_name.count(deployment.name)) continue;
    model.deployments.push_back(deployment);
    model.indexes.deployment_by_name.emplace(deployment.name, model.deployments.size() - 1);
  }
}

}  // namespace gwlint
