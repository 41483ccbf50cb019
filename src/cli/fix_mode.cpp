#include "cli/fix_mode.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "cli/commands.hpp"
#include "config/loader.hpp"
#include "fix/apply_fixes.hpp"
#include "lint/batch.hpp"

namespace gwlint::cli {

namespace {

// True when every file the fixes apply to still holds the bytes the fixes were computed on
// (the same file named twice, or included by two linted files, may have been fixed already).
bool still_current(const FixResult& result, const LintOptions& options) {
  for (const FixedFile& file : result.files) {
    ReadResult read = read_input(file.path, options.limits.max_bytes);
    if (read.error || read.too_large || read.text != file.file->text()) return false;
  }
  return true;
}

}  // namespace

bool FixSession::fix(FileReport& report) {
  const std::string path = report.path;
  for (int pass = 0; pass < kMaxFixPasses; ++pass) {
    FixResult result = apply_fixes(report);
    if (result.files.empty()) return true;
    if (still_current(result, options_)) {
      for (const FixedFile& file : result.files) {
        std::string error;
        if (!write_file_atomically(file.path, file.text, error)) {
          std::cerr << fmt::format("gwlint lint: cannot write {}: {}\n", file.path, error);
          return false;
        }
        files_.insert(file.path);
      }
      fixed_ += result.fixed;
    }
    FileReport again;
    std::string error;
    if (!lint_path(path, options_, again, error)) {
      std::cerr << fmt::format("{}: error: cannot read after fixing: {}\n", path, error);
      return false;
    }
    report = std::move(again);
  }
  FixResult rest = apply_fixes(report);
  left_ += rest.fixed + rest.overlapping;
  return true;
}

void FixSession::print_summary(std::ostream& err) const {
  err << fmt::format("fixed {} findings in {} files\n", fixed_, files_.size());
  if (left_) err << fmt::format("{} overlapping fixes left for the next run\n", left_);
}

int run_diff(const std::vector<std::string>& paths, const LintOptions& options, unsigned jobs, std::ostream& out) {
  bool unreadable = false, changes = false;
  std::set<std::string> printed;  // a file included by several linted files is shown once
  lint_files(paths, options, jobs, [&](const std::string& path, FileReport* report, const std::string* error) {
    if (error) {
      std::cerr << fmt::format("{}: error: cannot read: {}\n", path, *error);
      unreadable = true;
      return;
    }
    // Fix in memory, pass after pass, as --fix would on disk. Only the main file can be
    // re-linted from memory (includes are read from disk), so a pass that changes an included
    // file is the last.
    std::vector<std::string> order;
    std::map<std::string, std::pair<std::string, std::string>> texts;  // path -> (before, after)
    std::unique_ptr<FileReport> owned;
    FileReport* current = report;
    for (int pass = 0; pass < kMaxFixPasses; ++pass) {
      FixResult result = apply_fixes(*current);
      if (result.files.empty()) break;
      bool main_only = true;
      for (FixedFile& file : result.files) {
        auto [it, inserted] = texts.try_emplace(file.path, file.file->text(), "");
        if (inserted) order.push_back(file.path);
        it->second.second = std::move(file.text);
        main_only = main_only && file.file == &current->document->main_file();
      }
      if (!main_only) break;
      const SourceFile& main = current->document->main_file();
      std::string directory = path == "-" ? std::string() : std::filesystem::path(path).parent_path().string();
      if (path != "-" && directory.empty()) directory = ".";
      auto document = load_document(main.path(), texts[main.path()].second, options.limits, directory);
      owned = std::make_unique<FileReport>(lint_document(std::move(document), options));
      current = owned.get();
    }
    for (const std::string& name : order) {
      const auto& [before, after] = texts[name];
      std::string diff = unified_diff(name, before, after);
      if (diff.empty() || !printed.insert(name).second) continue;
      changes = true;
      out << diff;
    }
  });
  out.flush();
  if (unreadable) return kExitUsage;
  return changes ? kExitFindings : kExitOk;
}

}  // namespace gwlint::cli
