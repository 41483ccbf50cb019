#pragma once
// Lints many files on N threads and hands the reports back in input order, holding at most a
// small window of finished reports, so output is stable and memory stays flat.
#include <functional>
#include <string>
#include <vector>

#include "lint/linter.hpp"

namespace gwlint {

// Called in input order. `error` is set (and the report empty) when the file could not be read.
using ReportConsumer = std::function<void(const std::string& path, FileReport* report, const std::string* error)>;

void lint_files(const std::vector<std::string>& paths, const LintOptions& options, unsigned jobs,
                const ReportConsumer& consume);

}  // namespace gwlint
