#pragma once
// The picture of one scenario run: one row per call, a dot per request the mock saw (coloured by
// the status it answered), and between retries the wait the server asked for (retry-after-ms /
// retry-after) drawn under the gap the client actually left, so "retry-after honoured" is visible.
// This computes the geometry; templates/timeline.svg.mustache draws it.
#include <nlohmann/json.hpp>

namespace gwlint::audit {

struct TimelineSize {
  double width = 960;
  double gutter = 130;  // left column for the call labels
  double row_height = 68;
};

// From a scenario object of report.json (`calls`, `requests`, `waits`) to the template's view:
// {width, height, rows[], requests[], waits[], ticks[]}, coordinates as short decimal strings.
// Null when the scenario has no requests.
nlohmann::ordered_json timeline_view(const nlohmann::ordered_json& scenario, const TimelineSize& size = {});

}  // namespace gwlint::audit
