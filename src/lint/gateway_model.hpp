#pragma once
// The typed view rules work on: the aiGateway section split into providers, normalised headers,
// model references and the deployment inventory, each still pointing at its positioned node.
// Built leniently: wrong types are the schema's business (GW003), the model just skips them.
#include <string>
#include <string_view>
#include <vector>

#include "config/document.hpp"

namespace gwlint {

// One header from either shape: `{Name: value}` or `[{key: Name, value: v}]`.
struct HeaderEntry {
  const Node* name_node = nullptr;   // the map key, or the `key:` value in the list form
  const Node* value_node = nullptr;  // may be nullptr in a broken list entry
  std::string_view name;
};

struct ProviderConfig {
  std::string_view id;               // "azure", as written
  const Node* key = nullptr;         // the key node under `providers`
  const Node* body = nullptr;        // its value (a mapping when well-formed)
  std::vector<HeaderEntry> headers;  // normalised, in source order
  const Node* headers_node = nullptr;

  // The value of a field of the provider block, or nullptr.
  const Node* field(std::string_view name) const;
};

// A `provider|name` value from languageModel, embeddingModel, rerankingModel or a plugin.
struct ModelReference {
  std::string role;  // "languageModel", "rerankingModel", "plugins.aika.languageModel"
  const Node* node = nullptr;
  bool has_separator = false;  // contains '|'
  std::string provider;        // before the first '|'
  std::string name;            // after the first '|'
  bool is_reranking() const;
};

struct Deployment {
  std::string name;     // deployment name
  std::string model;    // model id it serves
  std::string version;  // model version, when known
  const Node* node = nullptr;
};

struct GatewayModel {
  const Node* root = nullptr;         // the file's top-level mapping
  const Node* gateway_key = nullptr;  // the `aiGateway` key
  const Node* gateway = nullptr;      // its value
  const Node* providers_node = nullptr;
  std::vector<ProviderConfig> providers;
  std::vector<ModelReference> models;
  std::vector<Deployment> deployments;  // inventory (azure.deployments)
  bool has_inventory = false;

  const ProviderConfig* provider(std::string_view id) const;
  const Deployment* deployment(std::string_view name) const;
};

// nullptr-free result: returns false when the document has no aiGateway mapping.
bool build_gateway_model(const Document& document, GatewayModel& out);

}  // namespace gwlint
