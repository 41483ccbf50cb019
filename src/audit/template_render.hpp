#pragma once
// The report's template mechanism: kainjow::mustache over the embedded templates
// (src/audit/templates). `{{x}}` escapes for the output language (HTML, or Markdown via
// markdown_escape); `{{{x}}}` is used only for text the view has already made safe.
#include <nlohmann/json.hpp>
#include <string>

namespace gwlint::audit {

enum class OutputLanguage { Html, Markdown };

// Renders the embedded template `name` with `view` (a JSON document turned into mustache data:
// objects, lists, strings; numbers as their shortest text; null as false). Every embedded template
// is available as a partial by its file name (`{{> report.css}}`). Throws std::runtime_error
// when the template is missing or does not parse.
std::string render_template(const std::string& name, const nlohmann::ordered_json& view, OutputLanguage language);

// The same with a template given as text (tests).
std::string render_template_text(const std::string& text, const nlohmann::ordered_json& view, OutputLanguage language);

}  // namespace gwlint::audit
