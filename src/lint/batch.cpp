#include "lint/batch.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
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
  try {
    if (!lint_path(path, options, outcome.report, error)) outcome.error = error;
  } catch (const std::exception& failure) {
    // One file must not take the run down (or, on a worker thread, terminate the process).
    outcome = Outcome{};
    outcome.error = std::string("internal error: ") + failure.what();
  }
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

  // `jobs` threads in all (the caller's included). Whoever finishes the next report in input
  // order delivers it, and any that queued up behind it: no thread exists only to print, so
  // two cores run two linters instead of two linters and a printer waking up per file.
  const size_t window = 4 * static_cast<size_t>(jobs);  // finished-but-undelivered reports we hold at most
  std::mutex mutex;
  std::condition_variable room;
  std::map<size_t, Outcome> finished;
  size_t next_to_take = 0;
  size_t next_to_deliver = 0;
  bool delivering = false;
  std::mutex failure_mutex;
  std::exception_ptr failure;

  auto worker = [&]() {
    for (;;) {
      size_t index;
      {
        std::unique_lock<std::mutex> lock(mutex);
        room.wait(lock, [&] { return next_to_take >= paths.size() || next_to_take < next_to_deliver + window; });
        if (next_to_take >= paths.size()) return;
        index = next_to_take++;
      }
      Outcome outcome = lint_one(paths[index], options);
      std::unique_lock<std::mutex> lock(mutex);
      finished.emplace(index, std::move(outcome));
      if (delivering) continue;  // the thread delivering will pick it up in turn
      delivering = true;
      while (!finished.empty() && finished.begin()->first == next_to_deliver) {
        Outcome ready = std::move(finished.begin()->second);
        finished.erase(finished.begin());
        lock.unlock();
        try {
          deliver(paths[next_to_deliver], ready, consume);  // only this thread touches next_to_deliver now
        } catch (...) {
          // Rethrown on the calling thread once every worker is joined.
          std::lock_guard<std::mutex> failure_lock(failure_mutex);
          if (!failure) failure = std::current_exception();
        }
        lock.lock();
        ++next_to_deliver;
        room.notify_all();
      }
      delivering = false;
    }
  };

  std::vector<std::thread> threads;
  threads.reserve(jobs - 1);
  auto guarded_worker = [&]() {
    try {
      worker();
    } catch (...) {
      std::lock_guard<std::mutex> failure_lock(failure_mutex);
      if (!failure) failure = std::current_exception();
    }
  };
  for (unsigned i = 1; i < jobs; ++i) threads.emplace_back(guarded_worker);
  guarded_worker();
  for (auto& thread : threads) thread.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace gwlint
