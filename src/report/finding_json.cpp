#include "report/finding_json.hpp"

namespace gwlint {

nlohmann::ordered_json finding_to_json(const Finding& finding) {
  SourcePosition begin = finding.span.begin_position();
  SourcePosition end = finding.span.end_position();
  nlohmann::ordered_json json = {{"code", finding.code},
                                 {"name", finding.name},
                                 {"severity", std::string(severity_name(finding.severity))},
                                 {"file", finding.file()},
                                 {"line", begin.line},
                                 {"column", begin.column},
                                 {"end_line", end.line},
                                 {"end_column", end.column},
                                 {"path", finding.path},
                                 {"message", finding.message}};
  if (finding.suggestion) json["suggestion"] = *finding.suggestion;
  if (finding.fix) json["fix"] = finding.fix->replacement;
  if (!finding.related.empty()) {
    nlohmann::ordered_json related = nlohmann::ordered_json::array();
    for (const auto& r : finding.related) {
      SourcePosition at = r.span.begin_position();
      related.push_back({{"file", r.span.file ? r.span.file->path() : finding.file()},
                         {"line", at.line},
                         {"column", at.column},
                         {"message", r.message}});
    }
    json["related"] = std::move(related);
  }
  return json;
}

}  // namespace gwlint
