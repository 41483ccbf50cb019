#include "lint/batch.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace gwlint {

namespace {

struct Outcome {
  FileReport report;
  std::optional<std::string> error;
};

Outcome lint_one(const std::string& path, const LintOptions& options) {
  Outcome outcome;
  std::string error;
  if (!lint_path(path, options, outcome.report, error)) outcome.error = error;
  return outcome;
}

void deliver(const std::string& path, Outcome& outcome, const ReportConsumer& consume) {
  if (outcome.error) {
    consume(path, nullptr, &*outcome.error);
  } else {
    consume(path, &outcome.report, nullptr);
  }
}

}  // namespace

void lint_files(const std::vector<std::string>& paths, const LintOptions& options, unsigned jobs,
                const ReportConsumer& consume) {
  jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(paths.size())));
  if (jobs <= 1) {
    for (const auto& path : paths) {
      Outcome outcome = lint_one(path, options);
      deliver(path, outcome, consume);
    }
    return;
  }

  const size_t window = 4 * static_cast<size_t>(jobs);  // finished-but-unprinted reports we hold at most
  std::mutex mutex;
  std::condition_variable changed;
  std::map<size_t, Outcome> finished;
  size_t next_to_take = 0;
  size_t next_to_deliver = 0;

  auto worker = [&]() {
    for (;;) {
      size_t index;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return next_to_take >= paths.size() || next_to_take < next_to_deliver + window; });
        if (next_to_take >= paths.size()) return;
        index = next_to_take++;
      }
      Outcome outcome = lint_one(paths[index], options);
      {
        std::lock_guard<std::mutex> lock(mutex);
        finished.emplace(index, std::move(outcome));
      }
      changed.notify_all();
    }
  };

  std::vector<std::thread> threads;
  threads.reserve(jobs);
  for (unsigned i = 0; i < jobs; ++i) threads.emplace_back(worker);

  while (next_to_deliver < paths.size()) {
    Outcome outcome;
    {
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return finished.count(next_to_deliver) > 0; });
      auto it = finished.find(next_to_deliver);
      outcome = std::move(it->second);
      finished.erase(it);
    }
    deliver(paths[next_to_deliver], outcome, consume);
    {
      std::lock_guard<std::mutex> lock(mutex);
      ++next_to_deliver;
    }
    changed.notify_all();
  }
  for (auto& thread : threads) thread.join();
}

}  // namespace gwlint
