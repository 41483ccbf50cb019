#include "cli/atomic_output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

namespace gwlint::cli {

namespace fs = std::filesystem;

AtomicOutput::AtomicOutput(std::string path) : path_(std::move(path)) {
  if (path_.empty()) return;
  std::error_code ec;
  // `/dev/stdout`, `/dev/fd/N`, `/proc/self/fd/N` name whatever the process writes to: write there
  // in place (appending, so a redirection's file is never truncated or replaced).
  bool special = path_.rfind("/dev/", 0) == 0 || path_.rfind("/proc/", 0) == 0;
  if (special) {
    direct_ = true;
    file_.open(path_, std::ios::binary | std::ios::app);
    return;
  }
  // A symlink is written through (its target is replaced, the link stays); a device or pipe
  // cannot be renamed over, so it is written directly.
  if (fs::is_symlink(fs::symlink_status(path_, ec))) {
    fs::path target = fs::canonical(path_, ec);
    if (!ec) path_ = target.string();
  }
  auto status = fs::status(path_, ec);
  if (!ec && fs::exists(status) && !fs::is_regular_file(status)) {
    direct_ = true;
    file_.open(path_, std::ios::binary | std::ios::app);  // never truncate what stdout points at
    return;
  }
  temp_path_ = path_ + ".tmp-" + std::to_string(::getpid());
  file_.open(temp_path_, std::ios::binary | std::ios::trunc);
}

AtomicOutput::~AtomicOutput() {
  if (!path_.empty() && !committed_ && !direct_) {
    file_.close();
    std::remove(temp_path_.c_str());
  }
}

std::ostream& AtomicOutput::stream() {
  return path_.empty() ? std::cout : static_cast<std::ostream&>(file_);
}

bool AtomicOutput::commit(std::string& error) {
  if (path_.empty()) {
    std::cout.flush();
    if (!std::cout.good()) {
      error = "standard output: write failed";  // a full disk, a closed pipe
      return false;
    }
    return true;
  }
  file_.flush();
  bool written = file_.good();
  int saved_errno = errno;
  file_.close();
  if (direct_) {
    committed_ = written;
    if (!written) error = path_ + ": " + std::strerror(saved_errno);
    return written;
  }
  if (!written) {
    error = path_ + ": " + std::strerror(saved_errno);
    std::remove(temp_path_.c_str());
    return false;
  }
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    error = path_ + ": " + std::strerror(errno);
    std::remove(temp_path_.c_str());
    return false;
  }
  committed_ = true;
  return true;
}

}  // namespace gwlint::cli
