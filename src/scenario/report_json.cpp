#include "scenario/report.hpp"

namespace gwlint::scenario {
namespace {

nlohmann::json headers_json(const recording::Headers& headers) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& header : headers) out[header.name] = header.value;
  return out;
}

nlohmann::json journal_json(const mock::JournalEntry& entry) {
  nlohmann::json query = nlohmann::json::array();
  for (const auto& [name, value] : entry.query) query.push_back({name, value});
  constexpr size_t kBodyLimit = 4096;  // enough to see what was sent; reports stay small
  nlohmann::json out = {
      {"at_ms", entry.at_ms},
      {"method", entry.method},
      {"path", entry.path},
      {"query", query},
      {"headers", headers_json(entry.headers)},
      {"body", entry.body.size() > kBodyLimit ? entry.body.substr(0, kBodyLimit) + "..." : entry.body},
      {"exchange", entry.exchange.empty() ? nlohmann::json() : nlohmann::json(entry.exchange)},
      {"status", entry.status},
      {"response_headers", headers_json(entry.response_headers)}};
  if (!entry.fault.empty()) out["fault"] = entry.fault;
  if (!entry.miss.is_null()) out["miss"] = entry.miss;
  return out;
}

}  // namespace

nlohmann::json result_json(const ScenarioResult& result) {
  nlohmann::json calls = nlohmann::json::array();
  for (const auto& call : result.calls) {
    calls.push_back({{"op", call.spec.call.op},
                     {"model", call.spec.call.model},
                     {"url", call.url},
                     {"duration_ms", call.duration_ms},
                     {"result", call.result.to_json()}});
  }
  nlohmann::json checks = nlohmann::json::array();
  for (const auto& check : result.checks) {
    checks.push_back({{"what", check.what},
                      {"passed", check.passed},
                      {"expected", check.expected},
                      {"actual", check.actual},
                      {"detail", check.detail}});
  }
  nlohmann::json journal = nlohmann::json::array();
  for (const auto& entry : result.journal) journal.push_back(journal_json(entry));
  nlohmann::json usage = nlohmann::json::array();
  for (const auto& use : result.usage) usage.push_back({{"id", use.id}, {"used", use.used}, {"times", use.times}});
  return {{"path", result.path},
          {"name", result.name},
          {"description", result.description},
          {"client", result.client},
          {"status", status_name(result.status)},
          {"error", result.error.empty() ? nlohmann::json() : nlohmann::json(result.error)},
          {"duration_ms", result.duration_ms},
          {"lint", result.lint_findings},
          {"calls", calls},
          {"checks", checks},
          {"requests", journal},
          {"exchanges", usage}};
}

void write_json(const std::vector<ScenarioResult>& results, const RunSummary& summary, std::ostream& out) {
  nlohmann::json scenarios = nlohmann::json::array();
  for (const auto& result : results) scenarios.push_back(result_json(result));
  nlohmann::json document = {{"version", 1},
                             {"scenarios", scenarios},
                             {"summary",
                              {{"total", results.size()},
                               {"passed", summary.passed},
                               {"failed", summary.failed},
                               {"invalid", summary.errors},
                               {"duration_ms", summary.duration_ms}}}};
  // Replace invalid UTF-8 (a client's raw output) rather than throwing mid-report.
  out << document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace gwlint::scenario
