#include "recording/import_command.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "report/terminal_text.hpp"

namespace gwlint::recording {

namespace {

constexpr int kExitOk = 0;
constexpr int kExitWarnings = 1;
constexpr int kExitErrors = 2;

}  // namespace

std::string format_problem(const Problem& problem, std::string_view severity) {
  return fmt::format("{}: {}: {}", terminal_safe(problem.location), severity, terminal_safe(problem.message));
}

int run_import(const ImportOptions& options, std::ostream& out, std::ostream& err) {
  if (!options.format.empty() && options.format != "yaml" && options.format != "json") {
    err << fmt::format("gwlint import: --format must be yaml or json, not \"{}\"\n", terminal_safe(options.format));
    return kExitErrors;
  }
  ImportResult result = import_recording_file(options.input);
  for (const Problem& warning : result.warnings) err << format_problem(warning, "warning") << '\n';
  for (const Problem& error : result.errors) err << format_problem(error, "error") << '\n';
  if (!result.errors.empty() || !result.recording) {
    err << fmt::format("gwlint import: {}: not imported ({} error{}); nothing written\n", terminal_safe(options.input),
                       result.errors.size(), result.errors.size() == 1 ? "" : "s");
    return kExitErrors;
  }
  if (options.strict && !result.warnings.empty()) {
    err << fmt::format("gwlint import: {}: {} warning{} with --strict; nothing written\n", terminal_safe(options.input),
                       result.warnings.size(), result.warnings.size() == 1 ? "" : "s");
    return kExitWarnings;
  }
  bool to_stdout = options.output == "-";
  RecordingFormat format = options.format == "json"   ? RecordingFormat::Json
                           : options.format == "yaml" ? RecordingFormat::Yaml
                           : to_stdout                ? RecordingFormat::Yaml
                                                      : recording_format_for_path(options.output);
  try {
    if (to_stdout) {
      out << (format == RecordingFormat::Json ? recording_to_json(*result.recording)
                                              : recording_to_yaml(*result.recording));
      out.flush();
      if (!out) throw std::runtime_error("standard output: write failed");
    } else {
      write_recording_file(options.output, *result.recording, format);
    }
  } catch (const std::exception& error) {
    err << fmt::format("gwlint import: {}\n", terminal_safe(error.what()));
    return kExitErrors;
  }
  size_t count = result.recording->exchanges.size();
  err << fmt::format("imported {} exchange{} from {} into {}\n", count, count == 1 ? "" : "s",
                     format_name(result.format), to_stdout ? "stdout" : terminal_safe(options.output));
  return kExitOk;
}

}  // namespace gwlint::recording
