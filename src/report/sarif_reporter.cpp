// `sarif`: SARIF 2.1.0, one run, rules from the registry (PRODUCT.md §4), accepted by GitHub code
// scanning. The driver is written at begin(), then each result as its file comes (streaming).
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "report/reporters.hpp"
#include "report/rule_catalogue.hpp"

namespace gwlint {

namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& json, int indent = -1) {
  return json.dump(indent, ' ', false, Json::error_handler_t::replace);
}

const char* sarif_level(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "note";
    case Severity::Off:
      break;
  }
  return "none";
}

// A URI reference for a path: forward slashes, "./" dropped, every byte outside RFC 3986's
// unreserved set and "/" percent-encoded. Absolute paths become file:// URIs.
struct ArtifactUri {
  std::string uri;
  bool relative = true;
};

ArtifactUri artifact_uri(std::string path) {
  std::replace(path.begin(), path.end(), '\\', '/');
  while (path.rfind("./", 0) == 0) path.erase(0, 2);
  ArtifactUri result;
  result.relative = path.empty() || path[0] != '/';
  if (!result.relative) result.uri = "file://";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      result.uri += static_cast<char>(c);
    } else {
      result.uri += fmt::format("%{:02X}", c);
    }
  }
  return result;
}

Json artifact_location(const std::string& path) {
  ArtifactUri uri = artifact_uri(path);
  Json location = {{"uri", uri.uri}};
  if (uri.relative) location["uriBaseId"] = "%SRCROOT%";
  return location;
}

// GitHub requires startLine >= 1 and columns >= 1; SARIF's endColumn is one past the span.
Json region_of(const SourceSpan& span) {
  SourcePosition begin = span.begin_position();
  SourcePosition end = span.end_position();
  uint32_t start_line = std::max<uint32_t>(1, begin.line);
  uint32_t start_column = std::max<uint32_t>(1, begin.column);
  uint32_t end_line = std::max(start_line, end.line);
  uint32_t end_column = std::max<uint32_t>(1, end.column);
  if (end_line == start_line) end_column = std::max(end_column, start_column);
  return {{"startLine", start_line}, {"startColumn", start_column}, {"endLine", end_line}, {"endColumn", end_column}};
}

std::string path_of_span(const SourceSpan& span, const std::string& fallback) {
  return span.file ? span.file->path() : fallback;
}

// The "What it flags" section of a rule doc as one paragraph, or `fallback`.
std::string what_it_flags(std::string_view doc, const std::string& fallback) {
  constexpr std::string_view kHeading = "## What it flags\n";
  size_t begin = doc.find(kHeading);
  if (begin == std::string_view::npos) return fallback;
  begin += kHeading.size();
  size_t end = doc.find("\n## ", begin);
  std::string text(doc.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text.empty() ? fallback : text;
}

Json rule_descriptor(const RuleInfo& info) {
  std::string summary(info.summary);
  std::string_view doc = rule_doc(info.code);
  std::string help = doc.empty() ? summary : std::string(doc);
  Json rule = {{"id", info.code},
               {"name", info.name},
               {"shortDescription", {{"text", summary}}},
               {"fullDescription", {{"text", what_it_flags(doc, summary)}}},
               {"help", {{"text", help}, {"markdown", help}}},
               {"defaultConfiguration", {{"level", sarif_level(info.default_severity)}}}};
  Json properties = {{"fixable", !info.fixable.empty()}};
  if (!info.fixable.empty()) properties["fixableWhen"] = info.fixable;
  properties["tags"] = Json::array({"gwlint", std::string(info.code.substr(0, info.code.find_first_of("0123456789")))});
  rule["properties"] = std::move(properties);
  return rule;
}

class SarifReporter final : public Reporter {
 public:
  explicit SarifReporter(std::ostream& out) : out_(out) {}

  void begin() override {
    Json rules = Json::array();
    for (const Rule* rule : RuleRegistry::instance().rules()) rules.push_back(rule_descriptor(rule->info()));
    Json driver = {{"name", "gwlint"},
                   {"version", GWLINT_VERSION},
                   {"semanticVersion", GWLINT_VERSION},
                   {"rules", std::move(rules)}};
    // Written by hand around the streamed results; each piece is a complete JSON value.
    out_ << "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
         << "  \"runs\": [\n    {\n      \"tool\": {\"driver\": " << dump(driver) << "},\n"
         << "      \"columnKind\": \"unicodeCodePoints\",\n"
         << "      \"originalUriBaseIds\": {\"%SRCROOT%\": {\"description\": {\"text\": "
            "\"The directory gwlint was run from.\"}}},\n"
         << "      \"results\": [";
  }

  void file(const FileReport& report) override {
    for (const Finding& finding : report.findings) {
      out_ << (first_ ? "\n        " : ",\n        ") << dump(result(finding, report));
      first_ = false;
    }
  }

  void end(const RunSummary&) override { out_ << (first_ ? "" : "\n      ") << "]\n    }\n  ]\n}\n"; }

 private:
  static Json result(const Finding& finding, const FileReport& report) {
    std::string message = finding.message;
    if (finding.suggestion) message += fmt::format(" Help: {}", *finding.suggestion);
    Json physical = {{"artifactLocation", artifact_location(finding.file())}, {"region", region_of(finding.span)}};
    Json result = {{"ruleId", finding.code}};
    int index = rule_index(finding.code);
    if (index >= 0) result["ruleIndex"] = index;
    result["level"] = sarif_level(finding.severity);
    result["message"] = {{"text", message}};
    result["locations"] = Json::array({{{"physicalLocation", physical}}});
    if (!finding.path.empty()) {
      result["locations"][0]["logicalLocations"] =
          Json::array({{{"fullyQualifiedName", finding.path}, {"kind", "member"}}});
    }
    if (!finding.related.empty()) {
      Json related = Json::array();
      int id = 1;
      for (const auto& r : finding.related) {
        related.push_back({{"id", id++},
                           {"physicalLocation",
                            {{"artifactLocation", artifact_location(path_of_span(r.span, finding.file()))},
                             {"region", region_of(r.span)}}},
                           {"message", {{"text", r.message}}}});
      }
      result["relatedLocations"] = std::move(related);
    }
    result["partialFingerprints"] = {
        {"gwlint/v1", stable_hash(finding.code + '\n' + finding.file() + '\n' + finding.path)}};
    if (finding.fix && !finding.fix->edits.empty()) result["fixes"] = fixes(finding, report);
    Json properties = {{"severity", std::string(severity_name(finding.severity))}};
    if (!finding.path.empty()) properties["path"] = finding.path;
    if (finding.suggestion) properties["suggestion"] = *finding.suggestion;
    result["properties"] = std::move(properties);
    return result;
  }

  // One artifactChange per file the edits touch, replacements in the order given.
  static Json fixes(const Finding& finding, const FileReport& report) {
    Json changes = Json::array();
    std::vector<std::string> files;
    for (const TextEdit& edit : finding.fix->edits) {
      std::string path = edit.file ? edit.file->path() : finding.file();
      auto at = std::find(files.begin(), files.end(), path);
      size_t slot = static_cast<size_t>(at - files.begin());
      if (at == files.end()) {
        files.push_back(path);
        changes.push_back({{"artifactLocation", artifact_location(path)}, {"replacements", Json::array()}});
      }
      SourceSpan span{edit.file ? edit.file : finding.span.file, edit.begin, edit.end};
      changes[slot]["replacements"].push_back(
          {{"deletedRegion", region_of(span)},
           {"insertedContent", {{"text", report.redactor.redact(edit.replacement)}}}});
    }
    std::string description = fmt::format("Replace with `{}`", finding.fix->replacement);
    return Json::array({{{"description", {{"text", description}}}, {"artifactChanges", std::move(changes)}}});
  }

  std::ostream& out_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<Reporter> make_sarif_reporter(std::ostream& out, const ReporterOptions&) {
  return std::make_unique<SarifReporter>(out);
}

}  // namespace gwlint
