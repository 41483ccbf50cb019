// gwlint_parse_floor: the benchmark's parse floor. Reads each file and runs yaml-cpp's event
// parser (YAML::Parser with a no-op YAML::EventHandler) over it, nothing else: no tree, no
// schema, no rules, no output per file. gwlint's time over this floor is the cost of everything
// gwlint adds (tree building, schema validation, rules, reporting).
//
// usage: gwlint_parse_floor [-j N] [-q] PATH...
//   PATH is a file or a directory (walked recursively for *.yaml, *.yml, *.json).
//   -j N  files parsed on N threads (default 1).  -q  no summary line.
// Prints one line: files, bytes, parse errors, seconds, files/s, MB/s. Exit 0 (parse errors in
// the inputs are counted, not fatal); 2 on a usage error or an unreadable path.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <streambuf>
#include <string>
#include <thread>
#include <vector>

namespace {

class NullHandler final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

// Lets yaml-cpp read the bytes in place (no copy into a stringstream), as gwlint's loader does.
class MemoryBuffer : public std::streambuf {
 public:
  MemoryBuffer(char* data, size_t size) { setg(data, data, data + size); }
};

bool wanted(const std::filesystem::path& p) {
  auto ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  out = std::move(buffer).str();
  return true;
}

struct Totals {
  std::atomic<unsigned long long> bytes{0};
  std::atomic<unsigned long> errors{0};
  std::atomic<unsigned long> unreadable{0};
};

void parse_one(const std::string& path, Totals& totals) {
  std::string text;
  if (!read_file(path, text)) {
    totals.unreadable++;
    return;
  }
  totals.bytes += text.size();
  MemoryBuffer buffer(text.data(), text.size());
  std::istream stream(&buffer);
  NullHandler handler;
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(handler)) {
    }
  } catch (const YAML::Exception&) {
    totals.errors++;
  }
}

int usage() {
  std::cerr << "usage: gwlint_parse_floor [-j N] [-q] PATH...\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  unsigned jobs = 1;
  bool quiet = false;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "-j" && i + 1 < argc) {
      jobs = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
    } else if (a.rfind("-j", 0) == 0 && a.size() > 2) {
      jobs = static_cast<unsigned>(std::max(1, std::atoi(a.c_str() + 2)));
    } else if (a == "-q") {
      quiet = true;
    } else if (a == "-h" || a == "--help") {
      usage();
      return 0;
    } else {
      inputs.push_back(a);
    }
  }
  if (inputs.empty()) return usage();

  auto start = std::chrono::steady_clock::now();
  std::vector<std::string> files;
  for (const auto& input : inputs) {
    std::error_code ec;
    if (std::filesystem::is_directory(input, ec)) {
      std::vector<std::string> found;
      for (auto it = std::filesystem::recursive_directory_iterator(input, ec);
           !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file(ec) && wanted(it->path())) found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(input);
    }
  }

  Totals totals;
  if (jobs <= 1) {
    for (const auto& f : files) parse_one(f, totals);
  } else {
    std::atomic<size_t> next{0};
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < jobs; ++t) {
      threads.emplace_back([&] {
        for (size_t i; (i = next++) < files.size();) parse_one(files[i], totals);
      });
    }
    for (auto& t : threads) t.join();
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  if (!quiet) {
    std::printf("parse-floor: %zu files, %llu bytes, %lu parse errors, %.3f s, %.0f files/s, %.1f MB/s (-j %u)\n",
                files.size(), totals.bytes.load(), totals.errors.load(), seconds,
                seconds > 0 ? files.size() / seconds : 0.0, seconds > 0 ? totals.bytes.load() / seconds / 1e6 : 0.0,
                jobs);
  }
  if (totals.unreadable) {
    std::fprintf(stderr, "gwlint_parse_floor: %lu unreadable files\n", totals.unreadable.load());
    return 2;
  }
  return 0;
}
