#pragma once
// Output formats. Reporters stream: each file's findings are written as soon as its turn
// comes, so memory stays flat over thousands of files.
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "lint/linter.hpp"

namespace gwlint {

struct RunSummary {
  size_t files = 0;
  size_t errors = 0;
  size_t warnings = 0;
  size_t infos = 0;
  void count(const FileReport& report);
};

struct ReporterOptions {
  bool color = false;
  // The rules that ran, for formats that list what was checked (junit); nullptr: every rule
  // at its default severity.
  const RulePolicy* policy = nullptr;
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void begin() {}
  virtual void file(const FileReport& report) = 0;
  virtual void end(const RunSummary& summary) = 0;
};

// nullptr for an unknown format name.
std::unique_ptr<Reporter> make_reporter(std::string_view format, std::ostream& out, const ReporterOptions& options);
// The formats make_reporter knows, for --help and error messages.
const char* reporter_formats();

}  // namespace gwlint
