// `gwlint record`: a recording reverse proxy in front of Azure OpenAI (SCENARIOS.md §4). The work
// is in record/record_command.cpp.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "record/record_command.hpp"

namespace gwlint::cli {

CommandRunner add_record_command(CLI::App& app) {
  auto* command = app.add_subcommand(
      "record", "Reverse proxy that records real exchanges with an upstream (redacted); prints its URL first");
  auto options = std::make_shared<record::RecordCommandOptions>();
  command->add_option("--upstream", options->upstream, "the real endpoint, e.g. https://NAME.openai.azure.com[/base]")
      ->required();
  command->add_option("--out,-o", options->out, "the recording to write (.json: JSON, else YAML)")->required();
  command->add_option("--listen", options->listen, "HOST:PORT to listen on (default 127.0.0.1:0, any free port)");
  command->add_option("--ca-file", options->ca_file,
                      "PEM file of the CAs to trust for the upstream instead of the system's (private CAs)");
  command->add_option("--redact-json", options->redact_json,
                      "JSON pointer replaced with \"<redacted>\" in JSON bodies and SSE data (repeatable)");
  command->add_option("--max-exchanges", options->max_exchanges,
                      "write the recording and exit after this many exchanges");
  command->add_option("--source", options->source, "the recording's source text (default: upstream and date)");
  return [options]() { return record::run_record(*options, std::cout, std::cerr); };
}

}  // namespace gwlint::cli
