// gwlint_bench_lint: gwlint's lint pipeline in process, timed per stage of the whole batch.
// Reads the files given (or directories walked for *.yaml, *.yml, *.json), runs
// lint_path() on each with default options, single-threaded, discards the reports, and prints
// files/s and MB/s. With `--repeat N` it loops N times (for profilers that need a longer run).
// No process start-up, argument parsing or output formatting is included: the figure is the cost
// of load + tree + schema + rules + redaction per file.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "lint/linter.hpp"

int main(int argc, char** argv) {
  int repeat = 1;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
      continue;
    }
    std::error_code ec;
    if (std::filesystem::is_directory(a, ec)) {
      std::vector<std::string> found;
      for (auto it = std::filesystem::recursive_directory_iterator(a, ec);
           !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        auto ext = it->path().extension().string();
        if (it->is_regular_file(ec) && (ext == ".yaml" || ext == ".yml" || ext == ".json"))
          found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) {
    std::cerr << "usage: gwlint_bench_lint [--repeat N] PATH...\n";
    return 2;
  }

  gwlint::LintOptions options;
  unsigned long long bytes = 0, findings = 0;
  unsigned long unreadable = 0;
  auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < repeat; ++r) {
    for (const auto& path : files) {
      gwlint::FileReport report;
      std::string error;
      if (!gwlint::lint_path(path, options, report, error)) {
        unreadable++;
        continue;
      }
      findings += report.findings.size();
      if (r == 0 && report.document) {
        std::error_code ec;
        auto size = std::filesystem::file_size(path, ec);
        if (!ec) bytes += size;
      }
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() / repeat;
  std::printf("bench-lint: %zu files, %llu bytes, %llu findings, %.3f s per pass, %.0f files/s, %.1f MB/s (in process, 1 thread)\n",
              files.size(), bytes, findings / repeat, seconds, files.size() / seconds, bytes / seconds / 1e6);
  return unreadable ? 2 : 0;
}
