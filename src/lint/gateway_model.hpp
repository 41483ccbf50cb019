#pragma once
// The typed view rules work on: the aiGateway section split into providers, normalised headers,
// model references and the deployment inventory, each still pointing at its positioned node.
// Built leniently: wrong types are the schema's business (GW003), the model just skips them.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
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

  // Lookups answered from indexes that build_gateway_model fills once, so rules that ask per value
  // or per reference stay linear in the file (BENCH.md). The first of duplicates wins, as before.
  const ProviderConfig* provider(std::string_view id) const;
  const Deployment* deployment(std::string_view name) const;
  // The provider whose block is `body` (a value under `providers`), or nullptr.
  const ProviderConfig* provider_with_body(const Node* body) const;
  // The header whose value node (resp. name node) is `node`, or nullptr; `provider` receives its
  // provider when given.
  const HeaderEntry* header_with_value(const Node* node, const ProviderConfig** provider = nullptr) const;
  const HeaderEntry* header_with_name(const Node* node, const ProviderConfig** provider = nullptr) const;
  // Whether `node` is the `headers` mapping of a provider or the `deployments` inventory of an
  // `azure` block: their keys are header or deployment names, not config fields.
  bool is_name_keyed_mapping(const Node* node) const;

  // Filled by build_gateway_model. Positions into `providers` and `deployments` (not pointers, so
  // a copied model stays valid); the string keys view node text owned by the document.
  struct Indexes {
    std::unordered_map<std::string_view, size_t> provider_by_id;
    std::unordered_map<const Node*, size_t> provider_by_body;
    std::unordered_map<const Node*, std::pair<size_t, size_t>> header_by_value;  // provider, header
    std::unordered_map<const Node*, std::pair<size_t, size_t>> header_by_name;
    std::unordered_map<std::string_view, size_t> deployment_by_name;
    std::unordered_set<const Node*> name_keyed_mappings;
  } indexes;
};

// Adds deployments known from outside the file (`--deployments FILE`); they must outlive `model`.
// A name the file's own inventory has keeps the file's entry.
void add_external_deployments(GatewayModel& model, const std::vector<Deployment>& deployments);

// nullptr-free result: returns false when the document has no aiGateway mapping.
bool build_gateway_model(const Document& document, GatewayModel& out);

}  // namespace gwlint
