#pragma once
// `gwlint record` (SCENARIOS.md §4): the proxy run until SIGINT/SIGTERM or --max-exchanges, then
// the recording written atomically. The CLI file only declares the options.
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace gwlint::record {

struct RecordCommandOptions {
  std::string upstream;
  std::string out;
  std::string listen = "127.0.0.1:0";
  std::string ca_file;
  std::vector<std::string> redact_json;
  std::optional<std::size_t> max_exchanges;
  std::string source;
};

// Prints the URL as the first line of `out`, progress and problems on `err`. Returns the exit code:
// 0 written, 2 bad arguments, cannot bind, or cannot write.
int run_record(const RecordCommandOptions& options, std::ostream& out, std::ostream& err);

}  // namespace gwlint::record
