#pragma once
// The conformance matrix (SCENARIOS.md §3): the scenario library run against several clients,
// and for every client whose requests or results differ from the builtin reference client, what
// differed. A disagreement is a finding about gwlint's reference model: each one must be fixed in
// the builtin client or explained in the notes file, which the generated document quotes.
#include <map>
#include <string>
#include <vector>

#include "scenario/runner.hpp"

namespace gwlint::scenario {

struct NamedClient {
  std::string name;
  ClientSpec spec;
  std::string packages;  // "@ai-sdk/azure 2.0.42, ai 5.0.61" from the folder's package.json
};

// "builtin", "NAME" (a folder CLIENTS_DIR/NAME holding run.mjs, run by node, or an executable
// `run`) or "NAME=program args..."; comma separated. False with `error` on an unknown name.
bool resolve_clients(const std::string& list, const std::string& clients_dir, int timeout_ms,
                     std::vector<NamedClient>& out, std::string& error);

// One field that differs between the builtin client's request and another client's.
struct RequestDifference {
  size_t request = 0;  // 1-based position in the journal
  std::string field;   // "method", "path", "query.api-version", "header.x-foo", "body /pointer", "requests"
  std::string builtin;
  std::string other;
};

// Headers that say who the client is or how it talks (user-agent, x-stainless-*, host, accept,
// ...) are not compared: they differ by design and Azure ignores them.
std::vector<RequestDifference> compare_requests(const ScenarioResult& builtin, const ScenarioResult& other);

// clients/conformance-notes.yaml: `notes: { CLIENT: { SCENARIO_STEM | "*": text } }`.
struct ConformanceNotes {
  std::map<std::string, std::map<std::string, std::string>> by_client;
  const std::string* find(const std::string& client, const std::string& scenario_stem) const;
};
bool load_conformance_notes(const std::string& path, ConformanceNotes& notes, std::string& error);

struct Disagreement {
  std::string client;
  std::string scenario;  // file stem
  bool result_differs = false;
  std::vector<RequestDifference> requests;
  const std::string* note = nullptr;  // explanation, when the notes have one
};

// results[i] are the results of clients[i], in the same scenario order. clients[0] is builtin.
std::vector<Disagreement> find_disagreements(const std::vector<NamedClient>& clients,
                                             const std::vector<std::vector<ScenarioResult>>& results,
                                             const ConformanceNotes& notes);

// The document: how it was made, the matrix (scenario × client), and every disagreement with its
// request differences and explanation. Deterministic (no timings) so a test can tell it is current.
std::string conformance_markdown(const std::vector<NamedClient>& clients,
                                 const std::vector<std::vector<ScenarioResult>>& results,
                                 const std::vector<Disagreement>& disagreements, const std::string& command_line);

}  // namespace gwlint::scenario
