#pragma once
// "What will the gateway actually call, with which credentials from where": per provider, the
// exact request URLs (Azure: reproduced as @ai-sdk/azure builds them, client/client.hpp), the
// fields that are ignored and why, headers with masked values, and the origin of every secret.
#include <nlohmann/json.hpp>

#include "config/document.hpp"
#include "lint/gateway_model.hpp"
#include "lint/redactor.hpp"

namespace gwlint::audit {

// One object per provider block, in source order (schemas/audit-report.schema.json, `providers`).
nlohmann::ordered_json effective_providers(const Document& document, const GatewayModel& gateway,
                                           const Redactor& redactor);

}  // namespace gwlint::audit
