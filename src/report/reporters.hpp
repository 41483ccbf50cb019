#pragma once
// One factory per output format; make_reporter picks among them.
#include "report/reporter.hpp"

namespace gwlint {

std::unique_ptr<Reporter> make_text_reporter(std::ostream& out, const ReporterOptions& options);
std::unique_ptr<Reporter> make_json_reporter(std::ostream& out, const ReporterOptions& options);
std::unique_ptr<Reporter> make_sarif_reporter(std::ostream& out, const ReporterOptions& options);
std::unique_ptr<Reporter> make_junit_reporter(std::ostream& out, const ReporterOptions& options);
std::unique_ptr<Reporter> make_github_reporter(std::ostream& out, const ReporterOptions& options);
std::unique_ptr<Reporter> make_markdown_reporter(std::ostream& out, const ReporterOptions& options);

}  // namespace gwlint
