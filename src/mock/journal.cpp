#include "mock/journal.hpp"

namespace gwlint::mock {

namespace {

using nlohmann::json;

json pairs_json(const std::vector<std::pair<std::string, std::string>>& pairs) {
  json out = json::array();
  for (const auto& [name, value] : pairs) out.push_back({{"name", name}, {"value", value}});
  return out;
}

json headers_json(const recording::Headers& headers) {
  json out = json::array();
  for (const auto& header : headers) out.push_back({{"name", header.name}, {"value", header.value}});
  return out;
}

}  // namespace

json journal_entry_json(const JournalEntry& entry) {
  json out = {{"at_ms", entry.at_ms},
              {"method", entry.method},
              {"path", entry.path},
              {"query", pairs_json(entry.query)},
              {"headers", headers_json(entry.headers)},
              {"body", entry.body},
              {"exchange", entry.exchange.empty() ? json() : json(entry.exchange)},
              {"status", entry.status},
              {"response_headers", headers_json(entry.response_headers)},
              {"fault", entry.fault.empty() ? json() : json(entry.fault)},
              {"miss", entry.miss}};
  return out;
}

void Journal::add(JournalEntry entry) {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.push_back(std::move(entry));
}

std::vector<JournalEntry> Journal::entries() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return entries_;
}

void Journal::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.clear();
}

json Journal::to_json() const {
  json requests = json::array();
  for (const auto& entry : entries()) requests.push_back(journal_entry_json(entry));
  return {{"requests", std::move(requests)}};
}

}  // namespace gwlint::mock
