#pragma once
// Every languageModel / embeddingModel / rerankingModel and plugin override, with the provider it
// picks, the deployment (Azure) or model it names, and what the deployment inventory says of it.
#include <nlohmann/json.hpp>

#include "lint/gateway_model.hpp"
#include "lint/redactor.hpp"

namespace gwlint::audit {

// `gateway` already holds any --deployments inventory (add_external_deployments).
nlohmann::ordered_json model_references(const GatewayModel& gateway, const Redactor& redactor);

}  // namespace gwlint::audit
