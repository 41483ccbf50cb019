#pragma once
// Every request the mock saw, in arrival order (`GET /__gwlint/journal`), for the scenario runner's
// checks (request count, retry gaps against the retry-after the mock sent) and for people.
#include <mutex>
#include <nlohmann/json.hpp>
#include <vector>

#include "mock/mock_server.hpp"

namespace gwlint::mock {

nlohmann::json journal_entry_json(const JournalEntry& entry);

class Journal {
 public:
  void add(JournalEntry entry);
  std::vector<JournalEntry> entries() const;
  void clear();
  nlohmann::json to_json() const;  // {"requests": [...]}

 private:
  mutable std::mutex mutex_;
  std::vector<JournalEntry> entries_;
};

}  // namespace gwlint::mock
