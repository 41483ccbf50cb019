#pragma once
// Helpers shared by the model-reference rules (GW101–GW106) and the Azure name rules that look
// at `provider|name` values (AZ201, AZ211, GW104). GW101 decides what is well formed; the other
// rules look only at well-formed references, so one mistake is reported once.
#include <optional>
#include <string>
#include <string_view>
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

// Inventory deployments that serve `model` (same model id ignoring case; a versioned id
// matches a deployment of its base model unless the deployment records another version).
std::vector<const Deployment*> deployments_serving(const GatewayModel& gateway, std::string_view model,
                                                   const std::vector<std::string>& extra_model_ids);

// "`a`, `b` and `c`" (at most `limit` names, then "and N more"); `conjunction` may be "or".
std::string quoted_list(const std::vector<std::string>& names, size_t limit = 8, std::string_view conjunction = "and");

}  // namespace gwlint::models
