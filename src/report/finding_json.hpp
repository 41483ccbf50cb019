#pragma once
#include <nlohmann/json.hpp>

#include "lint/finding.hpp"

namespace gwlint {

// The finding object of PRODUCT.md §4, shared by every JSON-based format.
nlohmann::ordered_json finding_to_json(const Finding& finding);

}  // namespace gwlint
