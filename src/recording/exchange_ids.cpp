// Readable ids for imported exchanges: the operation part of the path (`chat-completions`,
// `embeddings`), `-stream` for an event stream, the status when it is not 2xx, and a number
// only when the same name would repeat (`chat-completions-1`, `chat-completions-2`).
#include <fmt/format.h>

#include <map>
#include <set>

#include "recording/import_detail.hpp"

namespace gwlint::recording {

namespace {

std::vector<std::string> segments_of(const std::string& path) {
  std::vector<std::string> segments;
  size_t start = 0;
  while (start < path.size()) {
    size_t slash = path.find('/', start);
    std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (!part.empty()) segments.push_back(part);
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return segments;
}

std::string slug(const std::string& text) {
  std::string out;
  for (char c : text) {
    char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool keep = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
    if (keep) {
      out += lower;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// `/openai/deployments/NAME/chat/completions` and `/openai/v1/chat/completions` both name the
// operation `chat/completions`; the deployment and API generation are in the request anyway.
std::string operation_of(const std::string& path) {
  std::vector<std::string> segments = segments_of(path);
  size_t first = 0;
  for (size_t i = 0; i + 1 < segments.size(); ++i) {
    if (segments[i] == "deployments") first = i + 2;
  }
  if (first == 0) {
    while (first < segments.size() && (segments[first] == "openai" || segments[first] == "v1")) ++first;
  }
  std::string joined;
  for (size_t i = first; i < segments.size(); ++i) joined += (joined.empty() ? "" : "-") + segments[i];
  if (joined.empty() && !segments.empty()) joined = segments.back();
  std::string name = slug(joined);
  if (name.size() > 40) name.resize(40);
  while (!name.empty() && name.back() == '-') name.pop_back();
  return name.empty() ? "exchange" : name;
}

std::string base_id(const Exchange& exchange) {
  std::string id = operation_of(exchange.request.path);
  if (exchange.response.is_stream) id += "-stream";
  int status = exchange.response.status;
  if (status < 200 || status > 299) id += fmt::format("-{}", status);
  return id;
}

}  // namespace

void assign_exchange_ids(std::vector<Exchange>& exchanges) {
  std::map<std::string, int> count;
  std::vector<std::string> bases;
  for (const Exchange& exchange : exchanges) {
    bases.push_back(base_id(exchange));
    ++count[bases.back()];
  }
  std::map<std::string, int> next;
  std::set<std::string> used;
  for (size_t i = 0; i < exchanges.size(); ++i) {
    const std::string& base = bases[i];
    std::string id = count[base] > 1 ? fmt::format("{}-{}", base, ++next[base]) : base;
    // A numbered id may equal another base (`x-2` next to a path that slugs to `x-2`).
    while (used.count(id)) id = fmt::format("{}-{}", base, ++next[base]);
    used.insert(id);
    exchanges[i].id = id;
  }
}

}  // namespace gwlint::recording
