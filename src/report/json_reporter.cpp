// `json`: {"version":1,"findings":[...],"summary":{...}} (PRODUCT.md §4), streamed per finding.
#include <nlohmann/json.hpp>

#include "report/finding_json.hpp"
#include "report/reporters.hpp"

namespace gwlint {

namespace {

class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(std::ostream& out) : out_(out) {}

  void begin() override { out_ << "{\"version\":1,\"findings\":["; }

  void file(const FileReport& report) override {
    for (const Finding& finding : report.findings) {
      out_ << (first_ ? "\n  " : ",\n  ")
           << finding_to_json(finding).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
      first_ = false;
    }
  }

  void end(const RunSummary& summary) override {
    nlohmann::ordered_json totals = {
        {"files", summary.files}, {"errors", summary.errors}, {"warnings", summary.warnings}, {"infos", summary.infos}};
    out_ << (first_ ? "" : "\n") << "],\"summary\":" << totals.dump() << "}\n";
  }

 private:
  std::ostream& out_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter(std::ostream& out, const ReporterOptions&) {
  return std::make_unique<JsonReporter>(out);
}

}  // namespace gwlint
