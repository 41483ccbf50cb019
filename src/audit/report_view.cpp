#include "audit/report_view.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "audit/markdown_text.hpp"
#include "audit/timeline.hpp"
#include "report/rule_catalogue.hpp"

namespace gwlint::audit {

namespace {

using json = nlohmann::ordered_json;

const char* kSeverities[] = {"error", "warning", "info"};

std::string duration_text(double ms) {
  if (ms >= 1000) return fmt::format("{:.2f} s", ms / 1000.0);
  return fmt::format("{:.0f} ms", ms);
}

std::string plural(size_t count, const std::string& word) {
  return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

std::string severity_title(const std::string& severity) {
  if (severity == "error") return "Errors";
  if (severity == "warning") return "Warnings";
  return "Info";
}

// `text` split at backticks into parts for templates/inline.mustache, so the code spans our messages
// use (`gpt-4o`) become <code> in HTML while every part is still escaped. An unpaired backtick
// stays as text.
json inline_parts(const std::string& text) {
  json parts = json::array();
  size_t at = 0;
  while (at < text.size()) {
    size_t open = text.find('`', at);
    size_t close = open == std::string::npos ? std::string::npos : text.find('`', open + 1);
    if (close == std::string::npos) {
      parts.push_back({{"text", text.substr(at)}, {"code", false}});
      break;
    }
    if (open > at) parts.push_back({{"text", text.substr(at, open - at)}, {"code", false}});
    parts.push_back({{"text", text.substr(open + 1, close - open - 1)}, {"code", true}});
    at = close + 1;
  }
  return parts;
}

void add_inline(json& object, const char* field) {
  if (object.contains(field) && object[field].is_string()) {
    object[std::string(field) + "_parts"] = inline_parts(object[field].get<std::string>());
  }
}

// A finding as the templates show it: flags instead of comparisons, the code frame with the fence
// the Markdown needs around it.
json finding_view(const json& finding) {
  json view = finding;
  view["known"] = finding["baseline"] == "known";
  add_inline(view, "message");
  add_inline(view, "suggestion");
  view["has_code_frame"] = !finding["code_frame"].get<std::string>().empty();
  view["fence"] = code_fence_for(finding["code_frame"].get<std::string>());
  return view;
}

// Severity → rule → findings (by file and line), each rule with its catalogue entry.
json finding_groups(const json& findings, const json& rules) {
  json groups = json::array();
  for (const char* severity : kSeverities) {
    std::map<std::pair<int, std::string>, std::vector<json>> by_rule;
    for (const json& finding : findings) {
      if (finding["severity"] != severity) continue;
      std::string code = finding["code"];
      by_rule[{rule_index(code), code}].push_back(finding);
    }
    if (by_rule.empty()) continue;
    json group = {{"severity", severity}, {"title", severity_title(severity)}, {"rules", json::array()}};
    size_t total = 0;
    for (auto& [key, items] : by_rule) {
      std::stable_sort(items.begin(), items.end(), [](const json& a, const json& b) {
        return std::make_tuple(a["file"].get<std::string>(), a["line"].get<int>()) <
               std::make_tuple(b["file"].get<std::string>(), b["line"].get<int>());
      });
      const std::string& code = key.second;
      json rule = {
          {"code", code},  {"name", items.front()["name"]}, {"count", items.size()}, {"summary", ""}, {"doc", ""},
          {"fixable", ""}, {"findings", json::array()}};
      if (rules.contains(code)) {
        rule["summary"] = rules[code]["summary"];
        rule["doc"] = rules[code]["doc"];
        rule["fixable"] = rules[code]["fixable"];
      }
      add_inline(rule, "summary");
      for (const json& item : items) rule["findings"].push_back(finding_view(item));
      total += items.size();
      group["rules"].push_back(std::move(rule));
    }
    group["count"] = total;
    groups.push_back(std::move(group));
  }
  return groups;
}

json provider_view(const json& provider) {
  json view = provider;
  view["has_urls"] = !provider["urls"].empty();
  view["has_fields"] = !provider["fields"].empty();
  view["has_ignored"] = !provider["ignored"].empty();
  view["has_headers"] = !provider["headers"].empty();
  view["has_secrets"] = !provider["secrets"].empty();
  view["has_notes"] = !provider["notes"].empty();
  // One what/value/source list for the Markdown table: a mustache section that renders nothing
  // can leave an empty line behind, which would end a Markdown table early.
  json rows = json::array();
  auto row = [&rows](std::string what, const json& value, std::string source) {
    if (value.is_string()) rows.push_back({{"what", std::move(what)}, {"value", value}, {"source", std::move(source)}});
  };
  row("endpoint from", provider["endpoint_from"], "");
  for (const json& url : provider["urls"]) row(url["operation"].get<std::string>() + " URL", url["url"], "computed");
  if (provider["urls"].empty()) row("base URL", provider["base_url"], "");
  row("api-version", provider["api_version"], "");
  for (const json& item : provider["ignored"]) row("ignored: " + item["field"].get<std::string>(), item["reason"], "");
  for (const json& item : provider["secrets"])
    row("secret " + item["name"].get<std::string>(), item["shown"], item["source"]);
  for (const json& item : provider["headers"]) {
    row("header " + item["name"].get<std::string>() + (item["secret"].get<bool>() ? " (credential)" : ""),
        item["shown"], item["source"]);
  }
  for (const json& item : provider["fields"]) row(item["name"], item["shown"], item["source"]);
  for (const json& note : provider["notes"]) row("note", note, "");
  view["rows"] = std::move(rows);
  return view;
}

json model_view(const json& model) {
  json view = model;
  const std::string inventory = model["inventory"];
  view["inventory_text"] = inventory == "match"          ? "in inventory"
                           : inventory == "missing"      ? "NOT in inventory"
                           : inventory == "no-inventory" ? "no inventory given"
                                                         : "—";
  view["inventory_class"] = inventory;
  return view;
}

json config_view(const json& config, const json& rules) {
  json view = config;
  view["status_class"] = config["error"].is_null() ? config["worst_severity"] : json("error");
  view["status_text"] = !config["error"].is_null()           ? "unreadable"
                        : config["worst_severity"] == "none" ? "clean"
                                                             : config["worst_severity"].get<std::string>();
  view["providers"] = json::array();
  for (const json& provider : config["providers"]) view["providers"].push_back(provider_view(provider));
  view["models"] = json::array();
  for (const json& model : config["models"]) view["models"].push_back(model_view(model));
  view["finding_groups"] = finding_groups(config["findings"], rules);
  view["has_findings"] = !config["findings"].empty();
  view["has_providers"] = !config["providers"].empty();
  view["has_models"] = !config["models"].empty();
  view["provider_count"] = config["providers"].size();
  view["model_count"] = config["models"].size();
  const json& counts = config["counts"];
  view["counts_text"] = fmt::format("{}, {}, {}", plural(counts["errors"], "error"),
                                    plural(counts["warnings"], "warning"), plural(counts["infos"], "info"));
  // The single worst finding of the config, for its summary line.
  json worst = nullptr;
  for (const char* severity : kSeverities) {
    for (const json& finding : config["findings"]) {
      if (finding["severity"] == severity && worst.is_null()) worst = finding;
    }
  }
  if (!worst.is_null()) add_inline(worst, "message");
  view["worst"] = worst;
  view["layers"] = config["merged"].get<bool>() ? config["files"] : json::array();
  return view;
}

json scenario_view(const json& scenario) {
  json view = scenario;
  view["duration"] = duration_text(scenario["duration_ms"].get<double>());
  view["passed"] = scenario["status"] == "passed";
  view["status_class"] = scenario["status"];
  view["timeline"] = timeline_view(scenario);
  view["has_failed_checks"] = !scenario["failed_checks"].empty();
  view["calls"] = json::array();
  for (const json& call : scenario["calls"]) {
    json c = call;
    c["duration"] = duration_text(call["duration_ms"].get<double>());
    std::string waits;
    for (const json& wait : call["retry_waits_ms"])
      waits += (waits.empty() ? "" : ", ") + duration_text(wait.get<double>());
    c["waits_text"] = waits.empty() ? "—" : waits;
    c["status_text"] = call["status"].get<int>() ? std::to_string(call["status"].get<int>()) : "—";
    view["calls"].push_back(std::move(c));
  }
  // One line per request for the Markdown timeline.
  view["request_lines"] = json::array();
  const json& requests = scenario["requests"];
  for (size_t i = 0; i < requests.size(); ++i) {
    const json& request = requests[i];
    std::string line = fmt::format("t={} call {}: {} → {}", duration_text(request["at_ms"].get<double>()),
                                   request["call"].get<size_t>() + 1, request["path"].get<std::string>(),
                                   request["status"].get<int>());
    if (request["requested_wait_ms"].is_number()) {
      line += fmt::format(" (asks to wait {})", duration_text(request["requested_wait_ms"].get<double>()));
    }
    view["request_lines"].push_back(line);
  }
  const json& honoured = scenario["retry_after_honoured"];
  view["retry_after_text"] = honoured.is_null()     ? ""
                             : honoured.get<bool>() ? "retry-after honoured"
                                                    : "retry-after NOT honoured";
  return view;
}

}  // namespace

json report_view(const json& report) {
  json view = report;
  const json& summary = report["summary"];
  view["failed"] = summary["status"] == "fail";
  for (json& worst : view["summary"]["worst"]) add_inline(worst, "message");
  view["configs"] = json::array();
  for (const json& config : report["configs"]) view["configs"].push_back(config_view(config, report["rules"]));
  view["scenarios"] = json::array();
  for (const json& scenario : report["scenarios"]) {
    view["scenarios"].push_back(scenario_view(scenario));
    view["scenarios"].back()["anchor"] = "scenario-" + std::to_string(view["scenarios"].size());
  }
  view["scenarios_ran"] = summary["scenarios"]["ran"];
  view["has_worst"] = !summary["worst"].empty();
  view["has_known"] = summary["known"].get<size_t>() > 0;
  view["has_unreadable"] = summary["unreadable"].get<size_t>() > 0;
  return view;
}

}  // namespace gwlint::audit
