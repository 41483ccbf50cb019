#include "fix/apply_fixes.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>

namespace gwlint {

namespace {

struct Candidate {
  const Finding* finding;
  std::vector<const TextEdit*> edits;  // sorted by position
};

bool same_edit(const TextEdit& a, const TextEdit& b) {
  return a.file == b.file && a.begin == b.begin && a.end == b.end && a.replacement == b.replacement;
}

// Two edits conflict when their spans overlap, or when an insertion sits where another edit
// starts (which goes first would be a guess).
bool conflicts(const TextEdit& a, const TextEdit& b) {
  if (a.file != b.file) return false;
  if (a.begin < b.end && b.begin < a.end) return true;
  return a.begin == b.begin && (a.begin == a.end || b.begin == b.end);
}

}  // namespace

FixResult apply_fixes(const FileReport& report) {
  FixResult result;
  if (!report.document) return result;
  const auto& files = report.document->files();
  auto known_file = [&](const SourceFile* file) {
    return std::any_of(files.begin(), files.end(), [&](const auto& f) { return f.get() == file; });
  };

  std::vector<Candidate> candidates;
  for (const Finding& finding : report.findings) {
    if (!finding.fix || !finding.fix->safe || finding.fix->edits.empty()) continue;
    Candidate candidate{&finding, {}};
    bool valid = true, changes = false;
    for (const TextEdit& edit : finding.fix->edits) {
      if (!edit.file || !known_file(edit.file) || edit.begin > edit.end || edit.end > edit.file->text().size()) {
        valid = false;
        break;
      }
      if (edit.file->text().compare(edit.begin, edit.end - edit.begin, edit.replacement) != 0) changes = true;
      candidate.edits.push_back(&edit);
    }
    if (!valid || !changes) continue;
    std::sort(candidate.edits.begin(), candidate.edits.end(), [](const TextEdit* a, const TextEdit* b) {
      if (a->file != b->file) return a->file < b->file;
      return a->begin != b->begin ? a->begin < b->begin : a->end < b->end;
    });
    candidates.push_back(std::move(candidate));
  }
  // First by position (file order of the document, then offset), then by rule code.
  auto file_index = [&](const SourceFile* file) {
    for (size_t i = 0; i < files.size(); ++i)
      if (files[i].get() == file) return i;
    return files.size();
  };
  std::stable_sort(candidates.begin(), candidates.end(), [&](const Candidate& a, const Candidate& b) {
    const TextEdit& x = *a.edits.front();
    const TextEdit& y = *b.edits.front();
    if (x.file != y.file) return file_index(x.file) < file_index(y.file);
    if (x.begin != y.begin) return x.begin < y.begin;
    if (x.end != y.end) return x.end < y.end;
    return a.finding->code < b.finding->code;
  });

  std::map<const SourceFile*, std::vector<const TextEdit*>> accepted;
  std::map<const SourceFile*, size_t> fixes_per_file;
  for (const Candidate& candidate : candidates) {
    bool duplicate = true, clash = false;
    for (const TextEdit* edit : candidate.edits) {
      const auto& taken = accepted[edit->file];
      bool found = std::any_of(taken.begin(), taken.end(), [&](const TextEdit* t) { return same_edit(*t, *edit); });
      if (!found) {
        duplicate = false;
        if (std::any_of(taken.begin(), taken.end(), [&](const TextEdit* t) { return conflicts(*t, *edit); }))
          clash = true;
      }
    }
    if (duplicate) {  // another rule already makes exactly this change
      ++result.fixed;
      ++fixes_per_file[candidate.edits.front()->file];
      continue;
    }
    if (clash) {
      ++result.overlapping;
      continue;
    }
    for (const TextEdit* edit : candidate.edits) accepted[edit->file].push_back(edit);
    ++result.fixed;
    ++fixes_per_file[candidate.edits.front()->file];
  }

  for (const auto& file : files) {
    auto it = accepted.find(file.get());
    if (it == accepted.end() || it->second.empty()) continue;
    std::vector<const TextEdit*> edits = it->second;
    std::sort(edits.begin(), edits.end(), [](const TextEdit* a, const TextEdit* b) {
      return a->begin != b->begin ? a->begin < b->begin : a->end < b->end;
    });
    const std::string& text = file->text();
    std::string out;
    out.reserve(text.size() + 64);
    size_t at = 0;
    for (const TextEdit* edit : edits) {
      out.append(text, at, edit->begin - at);
      out += edit->replacement;
      at = edit->end;
    }
    out.append(text, at, std::string::npos);
    if (out == text) continue;
    result.files.push_back({file.get(), file->path(), std::move(out), fixes_per_file[file.get()]});
  }
  return result;
}

namespace {

// Lines with their line breaks, so CRLF and a missing last newline survive the diff.
std::vector<std::string_view> split_lines(const std::string& text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string::npos ? text.size() : nl + 1;
    lines.emplace_back(text.data() + start, end - start);
    start = end;
  }
  return lines;
}

struct Op {
  char kind;  // ' ', '-', '+'
  std::string_view line;
  size_t a_before, b_before;  // lines of each side before this one
};

void emit_line(std::string& out, char kind, std::string_view line) {
  out += kind;
  out.append(line.data(), line.size());
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(const std::string& path, const std::string& before, const std::string& after, size_t context,
                         size_t max_lines) {
  if (before == after) return {};
  auto a = split_lines(before), b = split_lines(after);
  std::vector<Op> ops;
  size_t ai = 0, bi = 0;
  auto equal = [&](size_t i) { ops.push_back({' ', a[i], ai++, bi++}); };
  auto remove = [&](size_t i) { ops.push_back({'-', a[i], ai++, bi}); };
  auto insert = [&](size_t j) { ops.push_back({'+', b[j], ai, bi++}); };

  if (a.size() > max_lines || b.size() > max_lines) {
    for (size_t i = 0; i < a.size(); ++i) remove(i);
    for (size_t j = 0; j < b.size(); ++j) insert(j);
  } else {
    size_t prefix = 0;
    while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
    size_t suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix])
      ++suffix;
    size_t n = a.size() - prefix - suffix, m = b.size() - prefix - suffix;
    for (size_t i = 0; i < prefix; ++i) equal(i);
    if (n * m > (size_t{1} << 22)) {  // too big to compare line by line: one replaced block
      for (size_t i = 0; i < n; ++i) remove(prefix + i);
      for (size_t j = 0; j < m; ++j) insert(prefix + j);
    } else {
      // lcs[i][j]: longest common subsequence of a[prefix+i..] and b[prefix+j..].
      std::vector<uint32_t> lcs((n + 1) * (m + 1), 0);
      auto at = [&](size_t i, size_t j) -> uint32_t& { return lcs[i * (m + 1) + j]; };
      for (size_t i = n; i-- > 0;)
        for (size_t j = m; j-- > 0;)
          at(i, j) = a[prefix + i] == b[prefix + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
      size_t i = 0, j = 0;
      while (i < n || j < m) {
        if (i < n && j < m && a[prefix + i] == b[prefix + j]) {
          equal(prefix + i), ++i, ++j;
        } else if (j < m && (i == n || at(i, j + 1) > at(i + 1, j))) {
          insert(prefix + j), ++j;
        } else {
          remove(prefix + i), ++i;
        }
      }
    }
    for (size_t k = a.size() - suffix; k < a.size(); ++k) equal(k);
  }

  std::string stripped = path;
  while (!stripped.empty() && stripped.front() == '/') stripped.erase(0, 1);
  std::string out = "--- a/" + stripped + "\n+++ b/" + stripped + "\n";
  size_t k = 0;
  while (k < ops.size()) {
    while (k < ops.size() && ops[k].kind == ' ') ++k;
    if (k == ops.size()) break;
    size_t start = k >= context ? k - context : 0;
    size_t end = k;  // one past the last change of this hunk
    for (;;) {
      while (end < ops.size() && ops[end].kind != ' ') ++end;
      size_t next = end;
      while (next < ops.size() && ops[next].kind == ' ') ++next;
      if (next < ops.size() && next - end <= 2 * context) {
        end = next;
        continue;
      }
      break;
    }
    size_t stop = std::min(ops.size(), end + context);
    size_t a_count = 0, b_count = 0;
    for (size_t x = start; x < stop; ++x) {
      if (ops[x].kind != '+') ++a_count;
      if (ops[x].kind != '-') ++b_count;
    }
    size_t a_start = ops[start].a_before + (a_count ? 1 : 0);
    size_t b_start = ops[start].b_before + (b_count ? 1 : 0);
    out += "@@ -" + std::to_string(a_start) + "," + std::to_string(a_count) + " +" + std::to_string(b_start) + "," +
           std::to_string(b_count) + " @@\n";
    for (size_t x = start; x < stop; ++x) emit_line(out, ops[x].kind, ops[x].line);
    k = stop;
  }
  return out;
}

bool write_file_atomically(const std::string& path, const std::string& text, std::string& error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path target = path;
  if (fs::is_symlink(target, ec)) {
    fs::path resolved = fs::canonical(target, ec);
    if (ec) {
      error = ec.message();
      return false;
    }
    target = resolved;
  }
  struct stat info {};
  if (::stat(target.c_str(), &info) != 0) {
    error = std::strerror(errno);
    return false;
  }
  fs::path directory = target.parent_path();
  std::string pattern = (directory.empty() ? fs::path(".") : directory).string() + "/." + target.filename().string() +
                        ".gwlint-fix-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) {
    error = std::string("cannot create a temporary file beside it: ") + std::strerror(errno);
    return false;
  }
  auto fail = [&](const char* what) {
    error = std::string(what) + ": " + std::strerror(errno);
    ::close(fd);
    ::unlink(name.data());
    return false;
  };
  if (::fchmod(fd, info.st_mode & 07777) != 0) return fail("cannot set the file mode");
  size_t written = 0;
  while (written < text.size()) {
    ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write");
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) return fail("cannot sync");
  if (::close(fd) != 0) {
    error = std::string("cannot write: ") + std::strerror(errno);
    ::unlink(name.data());
    return false;
  }
  if (::rename(name.data(), target.c_str()) != 0) {
    error = std::string("cannot replace the file: ") + std::strerror(errno);
    ::unlink(name.data());
    return false;
  }
  return true;
}

}  // namespace gwlint
