#include "scenario/scenario_loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "config/loader.hpp"
#include "scenario/field_reader.hpp"

namespace gwlint::scenario {
namespace fs = std::filesystem;

namespace {

using Problems = std::vector<recording::Problem>;

std::string relative_to(const std::string& scenario_path, const std::string& written) {
  fs::path target(written);
  if (target.is_absolute()) return written;
  return (fs::path(scenario_path).parent_path() / target).lexically_normal().string();
}

std::unique_ptr<Document> load_yaml_file(const std::string& path, std::string& error) {
  LoadLimits limits;
  ReadResult read = read_input(path, limits.max_bytes);
  if (read.error) {
    error = *read.error;
    return nullptr;
  }
  if (read.too_large) {
    error = fmt::format("larger than the {} byte limit", limits.max_bytes);
    return nullptr;
  }
  return load_text_as(path, std::move(read), limits);
}

// Load problems (syntax, duplicate keys, limits) of a scenario or config file, as problems.
void add_load_problems(const Document& document, Problems& problems) {
  for (const auto& load_problem : document.problems) {
    auto position = load_problem.span.begin_position();
    std::string where = load_problem.span.file ? load_problem.span.file->path() : document.main_file().path();
    problems.push_back({fmt::format("{}:{}:{}", where, position.line, position.column), load_problem.message});
  }
}

std::optional<Expectations> read_expectations(const Node* node, const std::string& context, bool scenario_level,
                                              Problems& problems) {
  if (!node) return std::nullopt;
  FieldReader reader(node, context, problems);
  if (!node->is_mapping()) {
    reader.problem(node, fmt::format("{}: expected a mapping", context));
    return std::nullopt;
  }
  Expectations expect;
  expect.location = location_of(node);
  if (auto outcome = reader.string("outcome")) {
    if (*outcome != "ok" && *outcome != "error") {
      reader.problem(reader.node("outcome"),
                     fmt::format("{}.outcome: expected ok or error, got \"{}\"", context, *outcome));
    }
    expect.outcome = outcome;
  }
  expect.status = reader.integer("status", 100, 599);
  expect.error_code = reader.string("error_code");
  expect.text_contains = reader.string("text");
  expect.attempts = reader.integer("attempts", 0, 1000);
  std::vector<std::string_view> known = {"outcome", "status", "error_code", "text", "attempts"};
  if (scenario_level) {
    expect.requests = reader.integer("requests", 0, 1000000);
    expect.all_used = reader.boolean("all_used");
    expect.retry_waits_honoured = reader.boolean("retry_waits_honoured");
    expect.lint = reader.string_list("lint");
    known.insert(known.end(), {"requests", "all_used", "retry_waits_honoured", "lint"});
  }
  reader.reject_unknown(known);
  return expect;
}

void read_calls(const Node* node, const Node* root, Problems& problems, std::vector<CallSpec>& calls) {
  if (!node || !node->is_sequence() || node->items.empty()) {
    problems.push_back({location_of(node ? node : root),
                        "calls: expected a non-empty list of calls ({ op: chat, model: "
                        "languageModel, input: hi })"});
    return;
  }
  for (const Node* item : node->items) {
    std::string context = fmt::format("calls[{}]", item->index_in_parent);
    FieldReader reader(item, context, problems);
    if (!item->is_mapping()) {
      reader.problem(item, context + ": expected a mapping");
      continue;
    }
    CallSpec spec;
    spec.location = location_of(item);
    spec.call.op = reader.string("op").value_or("chat");
    if (spec.call.op != "chat" && spec.call.op != "chat-stream" && spec.call.op != "embeddings") {
      reader.problem(reader.node("op"),
                     fmt::format("{}.op: expected chat, chat-stream or embeddings, got \"{}\"", context, spec.call.op));
    }
    spec.call.model =
        reader.string("model").value_or(spec.call.op == "embeddings" ? "embeddingModel" : "languageModel");
    spec.call.input = reader.string("input").value_or("hi");
    spec.expect = read_expectations(reader.node("expect"), context + ".expect", false, problems);
    reader.reject_unknown({"op", "model", "input", "expect"});
    calls.push_back(std::move(spec));
  }
}

std::optional<mock::FaultKind> fault_kind(const std::string& name) {
  using mock::FaultKind;
  static const std::pair<const char*, FaultKind> kinds[] = {
      {"status", FaultKind::Status},       {"delay", FaultKind::Delay}, {"event_delay", FaultKind::EventDelay},
      {"truncate", FaultKind::Truncate},   {"reset", FaultKind::Reset}, {"stall", FaultKind::Stall},
      {"malformed", FaultKind::Malformed}, {"empty", FaultKind::Empty}};
  for (const auto& [text, kind] : kinds) {
    if (name == text) return kind;
  }
  return std::nullopt;
}

void read_faults(const Node* node, const recording::Recording& recording, Problems& problems,
                 std::vector<mock::Fault>& faults) {
  if (!node) return;
  if (!node->is_sequence()) {
    problems.push_back({location_of(node), "faults: expected a list"});
    return;
  }
  for (const Node* item : node->items) {
    std::string context = fmt::format("faults[{}]", item->index_in_parent);
    FieldReader reader(item, context, problems);
    if (!item->is_mapping()) {
      reader.problem(item, context + ": expected a mapping");
      continue;
    }
    mock::Fault fault;
    fault.exchange = reader.string("exchange", true).value_or("");
    bool known_exchange = std::any_of(recording.exchanges.begin(), recording.exchanges.end(),
                                      [&](const auto& exchange) { return exchange.id == fault.exchange; });
    if (!fault.exchange.empty() && !known_exchange) {
      reader.problem(reader.node("exchange"),
                     fmt::format("{}.exchange: no exchange `{}` in the recording", context, fault.exchange));
    }
    auto kind_text = reader.string("kind", true);
    if (kind_text) {
      if (auto kind = fault_kind(*kind_text)) {
        fault.kind = *kind;
      } else {
        reader.problem(reader.node("kind"),
                       fmt::format("{}.kind: unknown fault `{}` (status, delay, event_delay, truncate, reset, stall, "
                                   "malformed, empty)",
                                   context, *kind_text));
      }
    }
    fault.status = reader.integer("status", 100, 599).value_or(0);
    fault.error_code = reader.string("code").value_or("");
    fault.retry_after_ms = reader.integer("retry_after_ms", 0, 3600000).value_or(fault.retry_after_ms);
    fault.delay_ms = reader.integer("delay_ms", 0, 3600000).value_or(0);
    fault.after_events = reader.integer("after_events", 0, 1000000).value_or(0);
    if (fault.kind == mock::FaultKind::Status && fault.status == 0) {
      reader.problem(item, context + ": a `status` fault needs `status:` (401, 404, 429, 500, 503)");
    }
    reader.reject_unknown({"exchange", "kind", "status", "code", "retry_after_ms", "delay_ms", "after_events"});
    faults.push_back(std::move(fault));
  }
}

void read_match(const Node* node, Problems& problems, mock::MatchRules& match) {
  if (!node) return;
  FieldReader reader(node, "match", problems);
  if (!node->is_mapping()) {
    reader.problem(node, "match: expected a mapping");
    return;
  }
  match.ignore_headers = reader.string_list("ignore_headers");
  match.ignore_json = reader.string_list("ignore_json");
  match.require_headers = reader.string_list("require_headers");
  match.forbid_headers = reader.string_list("forbid_headers");
  for (const auto& pointer : match.ignore_json) {
    if (!pointer.empty() && pointer.front() != '/') {
      reader.problem(reader.node("ignore_json"),
                     fmt::format("match.ignore_json: `{}` is not a JSON pointer (it starts with `/`)", pointer));
    }
  }
  reader.reject_unknown({"ignore_headers", "ignore_json", "require_headers", "forbid_headers"});
}

void read_client(const Node* node, Problems& problems, ClientSpec& client) {
  if (!node) return;
  if (node->is_scalar()) {
    if (node->scalar != "builtin") {
      problems.push_back({location_of(node), fmt::format("client: expected `builtin` or {{ command: [program, args...] "
                                                         "}}, got \"{}\"",
                                                         node->scalar)});
    }
    return;
  }
  FieldReader reader(node, "client", problems);
  if (!node->is_mapping()) {
    reader.problem(node, "client: expected `builtin` or a mapping");
    return;
  }
  if (reader.node("command")) {
    client.kind = ClientSpec::Kind::Command;
    client.command.argv = reader.string_list("command");
    if (client.command.argv.empty()) reader.problem(reader.node("command"), "client.command: empty");
    client.name = client.command.argv.empty() ? "command" : fs::path(client.command.argv.front()).filename().string();
  }
  if (auto name = reader.string("name")) client.name = *name;
  client.timeout_ms =
      reader.integer("timeout_ms", 1, 3600000).value_or(client.kind == ClientSpec::Kind::Command ? 20000 : 10000);
  client.command.timeout_ms = client.timeout_ms;
  client.timeout_written = reader.node("timeout_ms") != nullptr;
  client.max_attempts = reader.integer("max_attempts", 1, 100).value_or(client.max_attempts);
  client.max_attempts_written = reader.node("max_attempts") != nullptr;
  reader.reject_unknown({"command", "name", "timeout_ms", "max_attempts"});
}

}  // namespace

LoadResult load_scenario_file(const std::string& path) {
  LoadResult result;
  Problems& problems = result.problems;
  std::string error;
  std::unique_ptr<Document> document = load_yaml_file(path, error);
  if (!document) {
    problems.push_back({path, "cannot read scenario: " + error});
    return result;
  }
  add_load_problems(*document, problems);
  if (document->fatal || !problems.empty()) return result;
  const Node* root = document->root;
  if (!root || !root->is_mapping()) {
    problems.push_back({location_of(root).empty() ? path : location_of(root), "a scenario file is a mapping"});
    return result;
  }

  Scenario scenario;
  scenario.path = path;
  FieldReader reader(root, "", problems);
  scenario.name = reader.string("name").value_or(fs::path(path).stem().string());
  scenario.description = reader.string("description").value_or("");

  // The recording: a file beside the scenario, or inline `exchanges:`.
  const Node* recording_node = reader.node("recording");
  const Node* exchanges_node = reader.node("exchanges");
  if (recording_node && exchanges_node) {
    reader.problem(exchanges_node, "give either `recording:` (a file) or inline `exchanges:`, not both");
  } else if (recording_node) {
    if (auto file = reader.string("recording")) {
      recording::LoadResult loaded = recording::load_recording_file(relative_to(path, *file));
      problems.insert(problems.end(), loaded.problems.begin(), loaded.problems.end());
      if (loaded.recording) scenario.recording = std::move(*loaded.recording);
    }
  } else if (exchanges_node) {
    recording::LoadResult loaded = recording::recording_from_exchanges(*exchanges_node, path);
    problems.insert(problems.end(), loaded.problems.begin(), loaded.problems.end());
    if (loaded.recording) scenario.recording = std::move(*loaded.recording);
  } else {
    reader.problem(root, "a scenario needs `recording:` (a recording file) or inline `exchanges:`");
  }

  if (auto env_node = reader.node("env")) {
    if (!env_node->is_mapping()) reader.problem(env_node, "env: expected a mapping of VARIABLE: value");
    for (const auto& entry : env_node->is_mapping() ? env_node->entries : std::vector<MappingEntry>{}) {
      if (entry.value->is_scalar()) {
        scenario.env[entry.key->scalar] = entry.value->scalar;
      } else {
        reader.problem(entry.value, fmt::format("env.{}: expected a string", entry.key->scalar));
      }
    }
  }

  read_client(reader.node("client"), problems, scenario.client);
  read_calls(reader.node("calls"), root, problems, scenario.calls);
  read_match(reader.node("match"), problems, scenario.match);
  read_faults(reader.node("faults"), scenario.recording, problems, scenario.faults);
  if (auto expect = read_expectations(reader.node("expect"), "expect", true, problems)) scenario.expect = *expect;
  reader.reject_unknown({"name", "description", "config", "recording", "exchanges", "client", "calls", "match",
                         "faults", "expect", "env"});

  // The config last: an inline config keeps the scenario's document alive.
  const Node* config_node = reader.node("config");
  if (!config_node) {
    reader.problem(root, "a scenario needs `config:` (a config file or an inline mapping)");
  } else if (config_node->is_scalar()) {
    scenario.config_path = relative_to(path, config_node->scalar);
    std::string config_error;
    std::unique_ptr<Document> config = load_yaml_file(scenario.config_path, config_error);
    if (!config) {
      reader.problem(config_node, fmt::format("config: cannot read {}: {}", scenario.config_path, config_error));
    } else {
      scenario.config = std::move(config);
    }
  } else if (config_node->is_mapping()) {
    auto config = std::make_unique<Document>();
    config->root = config_node;
    config->format = document->format;
    config->adopt_layer(std::move(document));
    scenario.config = std::move(config);
  } else {
    reader.problem(config_node, "config: expected a file path or a mapping with `aiGateway:`");
  }

  if (problems.empty()) result.scenario = std::move(scenario);
  return result;
}

namespace {

bool has_top_level_calls(const fs::path& file) {
  // A cheap look at the text: top-level keys start at column 0. The full load happens later.
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("calls:", 0) == 0) return true;
  }
  return false;
}

bool skipped_directory(const fs::path& directory) {
  std::string name = directory.filename().string();
  return (name.size() > 1 && name.front() == '.') || name == "node_modules";
}

}  // namespace

std::vector<std::string> find_scenario_files(const std::vector<std::string>& paths, std::string& error) {
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code code;
    if (fs::is_regular_file(path, code)) {
      files.push_back(path);
      continue;
    }
    if (!fs::is_directory(path, code)) {
      error = fmt::format("{}: no such file or directory", path);
      return {};
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, code), end;
    for (; !code && it != end; it.increment(code)) {
      if (it->is_directory(code)) {
        if (skipped_directory(it->path())) it.disable_recursion_pending();
        continue;
      }
      auto extension = it->path().extension();
      if ((extension == ".yaml" || extension == ".yml") && has_top_level_calls(it->path())) {
        found.push_back(it->path().string());
      }
    }
    if (code) {
      error = fmt::format("{}: {}", path, code.message());
      return {};
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

}  // namespace gwlint::scenario
