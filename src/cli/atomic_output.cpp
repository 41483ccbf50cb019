#include "cli/atomic_output.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace gwlint::cli {

AtomicOutput::AtomicOutput(std::string path) : path_(std::move(path)) {
  if (path_.empty()) return;
  temp_path_ = path_ + ".tmp-" + std::to_string(::getpid());
  file_.open(temp_path_, std::ios::binary | std::ios::trunc);
}

AtomicOutput::~AtomicOutput() {
  if (!path_.empty() && !committed_) {
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
    return true;
  }
  file_.flush();
  bool written = file_.good();
  file_.close();
  if (!written || std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    error = std::strerror(errno);
    std::remove(temp_path_.c_str());
    return false;
  }
  committed_ = true;
  return true;
}

}  // namespace gwlint::cli
