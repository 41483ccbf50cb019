// `gwlint import FILE --out FILE`: HAR, Azure SDK test-proxy and VCR.py recordings into gwlint's
// recording format (SCENARIOS.md §1). The work is in recording/import_command.cpp.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "recording/import_command.hpp"

namespace gwlint::cli {

CommandRunner add_import_command(CLI::App& app) {
  auto* command = app.add_subcommand(
      "import", "Convert a HAR, Azure SDK test-proxy or VCR.py recording into a gwlint recording (redacted, checked)");
  auto options = std::make_shared<recording::ImportOptions>();
  command->add_option("file", options->input, "recording to import (format detected from its content)")->required();
  command->add_option("--out,-o", options->output, "where to write the recording; - for stdout")->required();
  command->add_option("--format", options->format, "yaml or json (default: by --out's extension; stdout: yaml)")
      ->check(CLI::IsMember({"yaml", "json"}));
  command->add_flag("--strict", options->strict, "fail (exit 1, nothing written) when the import has warnings");
  return [options]() { return recording::run_import(*options, std::cout, std::cerr); };
}

}  // namespace gwlint::cli
