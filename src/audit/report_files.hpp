#pragma once
// The three renderings of one report document: report.json (the document itself), report.html
// (self-contained, templates/report.html.mustache) and report.md (templates/report.md.mustache).
#include <nlohmann/json.hpp>
#include <string>

namespace gwlint::audit {

struct RenderedReport {
  std::string html;
  std::string markdown;
  std::string json;
};

// Throws std::runtime_error when a template is broken (a build defect, reported as exit 2).
RenderedReport render_report(const nlohmann::ordered_json& report);

}  // namespace gwlint::audit
