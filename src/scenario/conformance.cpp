#include "scenario/conformance.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "config/loader.hpp"
#include "mock/header_rules.hpp"
#include "mock/json_diff.hpp"

namespace gwlint::scenario {
namespace fs = std::filesystem;

namespace {

std::string trim(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

std::vector<std::string> split_words(const std::string& line) {
  std::istringstream words(line);
  std::vector<std::string> out;
  for (std::string word; words >> word;) out.push_back(word);
  return out;
}

// The runtime dependencies a client folder pins, for the document's client table.
std::string pinned_packages(const fs::path& folder) {
  std::ifstream file(folder / "package.json");
  if (!file) return {};
  auto json = nlohmann::json::parse(file, nullptr, false);
  if (!json.is_object() || !json.contains("dependencies") || !json["dependencies"].is_object()) return {};
  std::vector<std::string> parts;
  for (const auto& [name, version] : json["dependencies"].items()) {
    if (name == "zod") continue;  // a peer the SDKs need, not a client
    parts.push_back(fmt::format("`{}` {}", name, version.is_string() ? version.get<std::string>() : version.dump()));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace

bool resolve_clients(const std::string& list, const std::string& clients_dir, int timeout_ms,
                     std::vector<NamedClient>& out, std::string& error) {
  std::istringstream items(list);
  for (std::string item; std::getline(items, item, ',');) {
    item = trim(item);
    if (item.empty()) continue;
    NamedClient client;
    if (item == "builtin") {
      client.name = "builtin";
      client.packages = "gwlint's reference model of `@ai-sdk/azure` 2.0.x (DOMAIN.md §2)";
      out.push_back(std::move(client));
      continue;
    }
    client.spec.kind = ClientSpec::Kind::Command;
    client.spec.timeout_ms = timeout_ms;
    client.spec.command.timeout_ms = timeout_ms;
    if (auto equals = item.find('='); equals != std::string::npos) {
      client.name = trim(item.substr(0, equals));
      client.spec.command.argv = split_words(item.substr(equals + 1));
    } else {
      client.name = item;
      fs::path folder = fs::path(clients_dir) / item;
      std::error_code code;
      if (fs::exists(folder / "run.mjs", code)) {
        client.spec.command.argv = {"node", (folder / "run.mjs").string()};
      } else if (fs::exists(folder / "run", code)) {
        client.spec.command.argv = {(folder / "run").string()};
      } else {
        error = fmt::format("unknown client `{}`: not builtin, and {} has no run.mjs or run", item, folder.string());
        return false;
      }
      client.packages = pinned_packages(folder);
    }
    if (client.name.empty() || client.spec.command.argv.empty()) {
      error = fmt::format("client `{}`: expected NAME=program args...", item);
      return false;
    }
    client.spec.name = client.name;
    out.push_back(std::move(client));
  }
  if (out.empty()) error = "no client named";
  return !out.empty();
}

namespace {

bool compared_header(std::string_view name) {
  static const std::vector<std::string> kIdentity = {
      "user-agent",     "host",       "x-stainless-*",  "accept",      "accept-encoding",       "accept-language",
      "sec-fetch-mode", "connection", "content-length", "traceparent", "x-ms-client-request-id"};
  return !mock::header_listed(kIdentity, name) && !mock::is_transport_header(name);
}

std::map<std::string, std::string> header_map(const recording::Headers& headers) {
  std::map<std::string, std::string> out;
  for (const auto& header : headers) {
    if (compared_header(header.name)) out[mock::to_lower(header.name)] = header.value;
  }
  return out;
}

std::string shown(const nlohmann::json& value) {
  if (value.is_null()) return "(absent)";
  return mock::dump_json(mock::abbreviate_json(value, 120));
}

void compare_entry(size_t index, const mock::JournalEntry& a, const mock::JournalEntry& b,
                   std::vector<RequestDifference>& out) {
  auto add = [&](std::string field, std::string x, std::string y) {
    out.push_back({index, std::move(field), std::move(x), std::move(y)});
  };
  if (a.method != b.method) add("method", a.method, b.method);
  if (a.path != b.path) add("path", a.path, b.path);
  std::map<std::string, std::string> qa(a.query.begin(), a.query.end()), qb(b.query.begin(), b.query.end());
  std::set<std::string> names;
  for (const auto& [name, value] : qa) names.insert(name);
  for (const auto& [name, value] : qb) names.insert(name);
  for (const auto& name : names) {
    auto x = qa.find(name), y = qb.find(name);
    std::string vx = x == qa.end() ? "(absent)" : x->second, vy = y == qb.end() ? "(absent)" : y->second;
    if (vx != vy) add("query." + name, vx, vy);
  }
  auto ha = header_map(a.headers), hb = header_map(b.headers);
  std::set<std::string> header_names;
  for (const auto& [name, value] : ha) header_names.insert(name);
  for (const auto& [name, value] : hb) header_names.insert(name);
  for (const auto& name : header_names) {
    auto x = ha.find(name), y = hb.find(name);
    std::string vx = x == ha.end() ? "(absent)" : x->second, vy = y == hb.end() ? "(absent)" : y->second;
    if (vx != vy) add("header." + name, vx, vy);
  }
  auto ja = mock::parse_json_body(a.body), jb = mock::parse_json_body(b.body);
  if (ja && jb) {
    for (const auto& difference : mock::diff_json(*ja, *jb, {}, 20).differences) {
      add("body " + (difference.pointer.empty() ? std::string("/") : difference.pointer), shown(difference.expected),
          shown(difference.actual));
    }
  } else if (a.body != b.body) {
    add("body", a.body.empty() ? "(empty)" : "(bytes)", b.body.empty() ? "(empty)" : "(other bytes)");
  }
}

}  // namespace

std::vector<RequestDifference> compare_requests(const ScenarioResult& builtin, const ScenarioResult& other) {
  std::vector<RequestDifference> out;
  size_t common = std::min(builtin.journal.size(), other.journal.size());
  for (size_t i = 0; i < common; ++i) compare_entry(i + 1, builtin.journal[i], other.journal[i], out);
  if (builtin.journal.size() != other.journal.size()) {
    out.push_back({0, "requests", std::to_string(builtin.journal.size()), std::to_string(other.journal.size())});
  }
  return out;
}

const std::string* ConformanceNotes::find(const std::string& client, const std::string& scenario_stem) const {
  auto notes = by_client.find(client);
  if (notes == by_client.end()) return nullptr;
  auto note = notes->second.find(scenario_stem);
  if (note == notes->second.end()) note = notes->second.find("*");
  return note == notes->second.end() ? nullptr : &note->second;
}

bool load_conformance_notes(const std::string& path, ConformanceNotes& notes, std::string& error) {
  LoadLimits limits;
  ReadResult read = read_input(path, limits.max_bytes);
  if (read.error || read.too_large) {
    error = fmt::format("{}: cannot read the conformance notes", path);
    return false;
  }
  auto document = load_text_as(path, std::move(read), limits);
  if (document->fatal || !document->root || !document->root->is_mapping()) {
    error = fmt::format("{}: not a YAML mapping with `notes:`", path);
    return false;
  }
  const Node* by_client = document->root->find("notes");
  if (!by_client || !by_client->is_mapping()) {
    error = fmt::format("{}: expected `notes: {{ CLIENT: {{ SCENARIO: text }} }}`", path);
    return false;
  }
  for (const auto& client : by_client->entries) {
    if (!client.value->is_mapping()) continue;
    for (const auto& note : client.value->entries) {
      if (note.value->is_scalar()) notes.by_client[client.key->scalar][note.key->scalar] = note.value->scalar;
    }
  }
  return true;
}

namespace {

std::string stem(const std::string& path) {
  return fs::path(path).stem().string();
}

}  // namespace

std::vector<Disagreement> find_disagreements(const std::vector<NamedClient>& clients,
                                             const std::vector<std::vector<ScenarioResult>>& results,
                                             const ConformanceNotes& notes) {
  std::vector<Disagreement> out;
  if (results.empty()) return out;
  const auto& reference = results.front();
  for (size_t c = 1; c < clients.size() && c < results.size(); ++c) {
    for (size_t s = 0; s < reference.size() && s < results[c].size(); ++s) {
      Disagreement disagreement;
      disagreement.client = clients[c].name;
      disagreement.scenario = stem(reference[s].path);
      disagreement.result_differs = reference[s].status != results[c][s].status;
      disagreement.requests = compare_requests(reference[s], results[c][s]);
      if (!disagreement.result_differs && disagreement.requests.empty()) continue;
      disagreement.note = notes.find(disagreement.client, disagreement.scenario);
      out.push_back(std::move(disagreement));
    }
  }
  return out;
}

namespace {

std::string cell(const ScenarioResult& result, bool differs) {
  std::string status = result.status == ScenarioStatus::Passed   ? "pass"
                       : result.status == ScenarioStatus::Failed ? "FAIL"
                                                                 : "invalid";
  return differs ? status + " ≠" : status;
}

std::string md(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// What the client reported, for the disagreement list.
std::string outcome_of(const ScenarioResult& result) {
  if (result.calls.empty()) return result.error.empty() ? "no call" : "harness error";
  const auto& r = result.calls.back().result;
  std::string text = r.outcome;
  if (r.status) text += fmt::format(" {}", r.status);
  if (!r.error_code.empty()) text += fmt::format(" `{}`", r.error_code);
  return text;
}

}  // namespace

std::string conformance_markdown(const std::vector<NamedClient>& clients,
                                 const std::vector<std::vector<ScenarioResult>>& results,
                                 const std::vector<Disagreement>& disagreements, const std::string& command_line) {
  std::ostringstream out;
  out << "# Conformance: the scenario library against real clients\n\n";
  out << "Generated by `" << command_line
      << "`; do not edit by hand. Explanations come from "
         "`clients/conformance-notes.yaml`. A disagreement is a scenario where a client's result (pass/fail) "
         "or any request it sent differs from the builtin reference client's: method, path, query parameters, "
         "headers (identity headers such as `user-agent`, `x-stainless-*` and `host` aside) and each JSON pointer "
         "of the body.\n\n";
  out << "## Matrix\n\n`pass`/`FAIL`: the scenario's expectations; `≠`: the client sent different requests than "
         "builtin "
         "(see below).\n\n";
  out << "| scenario |";
  for (const auto& client : clients) out << ' ' << md(client.name) << " |";
  out << "\n|---|";
  for (size_t i = 0; i < clients.size(); ++i) out << "---|";
  out << '\n';
  std::set<std::pair<std::string, std::string>> differing;
  for (const auto& d : disagreements) {
    if (!d.requests.empty()) differing.insert({d.client, d.scenario});
  }
  const auto& reference = results.front();
  for (size_t s = 0; s < reference.size(); ++s) {
    std::string name = stem(reference[s].path);
    out << "| " << md(name) << " |";
    for (size_t c = 0; c < clients.size() && c < results.size(); ++c) {
      out << ' ' << cell(results[c][s], differing.count({clients[c].name, name}) > 0) << " |";
    }
    out << '\n';
  }
  std::vector<size_t> passed(clients.size(), 0);
  for (size_t c = 0; c < clients.size() && c < results.size(); ++c) {
    for (const auto& result : results[c]) passed[c] += result.status == ScenarioStatus::Passed;
  }
  out << "| **passed** |";
  for (size_t c = 0; c < clients.size(); ++c) out << fmt::format(" {}/{} |", passed[c], reference.size());
  out << '\n';

  out << "\n## Clients\n\n| client | what it runs |\n|---|---|\n";
  for (const auto& client : clients) {
    std::string runs = client.spec.kind == ClientSpec::Kind::Builtin
                           ? client.packages
                           : fmt::format("`{}`", fmt::join(client.spec.command.argv, " "));
    if (client.spec.kind == ClientSpec::Kind::Command && !client.packages.empty()) runs += ": " + client.packages;
    out << "| " << md(client.name) << " | " << md(runs) << " |\n";
  }

  out << "\n## Disagreements with builtin\n";
  if (disagreements.empty()) out << "\nNone: every client sent the same requests and got the same results.\n";
  std::string current_client;
  for (const auto& d : disagreements) {
    if (d.client != current_client) {
      current_client = d.client;
      out << "\n### " << md(d.client) << "\n";
    }
    size_t c = 0, s = 0;
    while (c < clients.size() && clients[c].name != d.client) ++c;
    while (s < reference.size() && stem(reference[s].path) != d.scenario) ++s;
    out << "\n**" << md(d.scenario) << "**";
    if (c < results.size() && s < reference.size()) {
      out << fmt::format(": builtin {} ({}), {} {} ({})", status_name(reference[s].status), outcome_of(reference[s]),
                         md(d.client), status_name(results[c][s].status), outcome_of(results[c][s]));
    }
    out << "\n\n";
    if (!d.requests.empty()) {
      out << "| request | field | builtin | " << md(d.client) << " |\n|---|---|---|---|\n";
      for (const auto& r : d.requests) {
        out << "| " << (r.request ? std::to_string(r.request) : std::string("all")) << " | `" << md(r.field) << "` | "
            << md(r.builtin) << " | " << md(r.other) << " |\n";
      }
      out << '\n';
    }
    out << (d.note ? "Explained: " + md(*d.note) : std::string("**Not explained yet.**")) << "\n";
  }
  return out.str();
}

}  // namespace gwlint::scenario
