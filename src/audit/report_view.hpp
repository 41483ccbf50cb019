#pragma once
// From report.json to what the HTML and Markdown templates show: findings grouped by severity,
// rule and file, rule docs beside their group, durations as text, timelines laid out, and the
// flags mustache needs for "if" (it has no comparisons). Pure data in, data out.
#include <nlohmann/json.hpp>

namespace gwlint::audit {

nlohmann::ordered_json report_view(const nlohmann::ordered_json& report);

}  // namespace gwlint::audit
