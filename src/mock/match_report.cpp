#include "mock/match_report.hpp"

#include <sstream>

namespace gwlint::mock {

namespace {

using nlohmann::json;

// Tolerant accessors: the text form is also built from JSON read back from a journal.
std::string text_of(const json& object, const char* key, const std::string& fallback = "") {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : fallback;
}
long long number_of(const json& object, const char* key, long long fallback) {
  auto it = object.find(key);
  return it != object.end() && it->is_number_integer() ? it->get<long long>() : fallback;
}
bool flag_of(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_boolean() && it->get<bool>();
}
json member_of(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() ? *it : json();
}

std::string show(const json& value) {
  if (value.is_null()) return "(absent)";
  return dump_json(value);
}

const char* cause_sentence(const std::string& cause) {
  if (cause == "no_close_exchange") return "no recorded exchange is close (each differs in method and path)";
  if (cause == "closest_used_up") return "the closest exchange was already used up";
  if (cause == "held_back") return "the closest exchange is held back by faults/state";
  return "the closest exchange differs";
}

std::string difference_line(const json& difference) {
  std::string field = text_of(difference, "field");
  std::string pointer = text_of(difference, "pointer");
  std::string change = text_of(difference, "change", "value");
  std::string where = pointer.empty() ? field : field + " " + pointer;
  json expected = member_of(difference, "expected");
  json actual = member_of(difference, "actual");
  if (change == "missing") return where + ": missing (recorded " + show(expected) + ")";
  if (change == "extra") return where + ": not recorded (sent " + show(actual) + ")";
  if (change == "forbidden") return where + ": forbidden header sent (" + show(actual) + ")";
  if (change == "not_json") return where + ": recorded JSON, sent " + show(actual);
  return where + ": expected " + show(expected) + ", got " + show(actual);
}

}  // namespace

json miss_report_json(const MissReport& report) {
  json query = json::array();
  for (const auto& [name, value] : report.query) query.push_back({{"name", name}, {"value", value}});
  json out = {{"cause", miss_cause_name(report.cause)},
              {"request", {{"method", report.method}, {"path", report.path}, {"query", query}}}};
  if (report.closest) {
    out["closest"] = {
        {"id", report.closest_id},       {"location", report.closest_location},   {"used", report.closest_used},
        {"times", report.closest_times}, {"held_back", report.closest_held_back}, {"exact", report.closest_exact}};
  } else {
    out["closest"] = nullptr;
  }
  json differences = json::array();
  for (const auto& d : report.differences) {
    differences.push_back({{"field", d.field},
                           {"pointer", d.pointer},
                           {"change", d.change},
                           {"expected", d.expected},
                           {"actual", d.actual}});
  }
  out["differences"] = std::move(differences);
  out["differences_truncated"] = report.differences_truncated;
  out["text"] = miss_report_text(out);
  return out;
}

std::string miss_report_text(const json& report) {
  if (!report.is_object()) return "no recorded exchange matches the request";
  std::ostringstream out;
  std::string method, path;
  json request = member_of(report, "request");
  if (request.is_object()) {
    method = text_of(request, "method");
    path = text_of(request, "path");
  }
  out << "no recorded exchange matches " << method << ' ' << path << ": " << cause_sentence(text_of(report, "cause"))
      << '\n';
  const json closest = member_of(report, "closest");
  if (!closest.is_object()) {
    out << "  the recording has no exchanges\n";
    return out.str();
  }
  out << "  closest: " << text_of(closest, "id", "?");
  std::string location = text_of(closest, "location");
  if (!location.empty()) out << " (" << location << ")";
  long long times = number_of(closest, "times", 1);
  out << ", used " << number_of(closest, "used", 0) << " of "
      << (times <= 0 ? std::string("unlimited") : std::to_string(times));
  if (flag_of(closest, "held_back")) out << ", held back";
  out << '\n';
  json differences = member_of(report, "differences");
  if (differences.is_array()) {
    for (const auto& difference : differences) {
      if (difference.is_object()) out << "  " << difference_line(difference) << '\n';
    }
    if (flag_of(report, "differences_truncated")) out << "  ... more differences not shown\n";
  }
  return out.str();
}

std::string miss_report_text(const MissReport& report) {
  return miss_report_text(miss_report_json(report));
}

std::string no_match_body(const MissReport& report) {
  json gwlint = miss_report_json(report);
  std::string text = text_of(gwlint, "text");
  json body = {{"error", {{"code", "gwlint_no_match"}, {"message", text}}}, {"gwlint", std::move(gwlint)}};
  return dump_json(body);
}

}  // namespace gwlint::mock
