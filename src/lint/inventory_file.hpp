#pragma once
// `--deployments FILE`: the deployment inventory from outside the config, so AZ201 and GW104
// are exact. Accepted shapes (YAML or JSON):
//   - the JSON of `az cognitiveservices account deployment list` (a list of objects with `name`
//     and `properties.model.name` / `.version`), or the REST form `{ "value": [ ... ] }`;
//   - gwlint's map: `{ chat-prod: gpt-4o }` or `{ chat-prod: { model: gpt-4o, version: ... } }`,
//     optionally under a top-level `deployments:` key.
#include <string>
#include <vector>

#include "lint/gateway_model.hpp"

namespace gwlint {

// False with `error` ("FILE:LINE:COL: what is wrong") when the file cannot be read or has no
// recognisable inventory.
bool load_inventory_file(const std::string& path, std::vector<Deployment>& out, std::string& error);

}  // namespace gwlint
