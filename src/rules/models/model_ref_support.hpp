#pragma once
// Helpers shared by the model-reference rules (GW101–GW106) and the Azure name rules that look
// at `provider|name` values (AZ201, AZ211, GW104). GW101 decides what is well formed; the other
// rules look only at well-formed references, so one mistake is reported once.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lint/gateway_model.hpp"

namespace gwlint::models {

// GW101's verdict on one reference; `problem` is empty for non-string values (GW003's).
struct RefSyntax {
  std::string problem;     // "uses `/` where ..." (a sentence tail after the quoted value); empty when fine
  std::string suggestion;  // how to write it, when gwlint can tell
};
RefSyntax check_ref_syntax(const ModelReference& ref);

// The parts of a well-formed reference. A part holding a `${VAR}` is only known at run time,
// so rules skip it.
struct RefParts {
  std::string_view provider;
  std::string_view name;
  bool provider_known = false;  // provider is literal text
  bool name_known = false;      // name is literal text
};
std::optional<RefParts> well_formed_parts(const ModelReference& ref);

// `name` of a well-formed, literal `azure|name` reference, or nullopt.
std::optional<std::string_view> azure_deployment_name(const ModelReference& ref);

// Whether the reference's role can use `provider` at all: a `rerankingModel` only with a provider
// that can rerank. When it cannot, GW106 says so, and advice about the name would be beside the point.
bool role_can_use(const ModelReference& ref, std::string_view provider);

// Inventory deployments that serve `model` (same model id ignoring case; a versioned id
// matches a deployment of its base model unless the deployment records another version).
std::vector<const Deployment*> deployments_serving(const GatewayModel& gateway, std::string_view model,
                                                   const std::vector<std::string>& extra_model_ids);

// deployments_serving for many references, for one rule's pass over one file: the inventory is
// indexed by model once, each lookup looks only at the deployments of that model, and each
// distinct model (ignoring case) is looked up once. Same answers, in inventory order.
class ServingIndex {
 public:
  ServingIndex(const GatewayModel& gateway, const std::vector<std::string>& extra_model_ids);
  const std::vector<const Deployment*>& serving(std::string_view model);

 private:
  const std::vector<std::string>& extra_model_ids_;
  // Lower-case base model id (`gpt-4o` for `gpt-4o-2024-08-06`), or the lower-case model text
  // when it is no known id -> the deployments recorded with it.
  std::unordered_map<std::string, std::vector<const Deployment*>> by_model_;
  std::unordered_map<std::string, std::vector<const Deployment*>> answers_;  // by lower-case model
};

// "`a`, `b` and `c`" (at most `limit` names, then "and N more"); `conjunction` may be "or".
std::string quoted_list(const std::vector<std::string>& names, size_t limit = 8, std::string_view conjunction = "and");
// The same for deployment names; it reads only the names it shows, so a long inventory costs nothing.
std::string quoted_names(const std::vector<Deployment>& deployments, size_t limit = 8,
                         std::string_view conjunction = "and");
std::string quoted_names(const std::vector<const Deployment*>& deployments, size_t limit = 8,
                         std::string_view conjunction = "and");

}  // namespace gwlint::models
