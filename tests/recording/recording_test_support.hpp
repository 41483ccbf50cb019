#pragma once
// Helpers for the recording tests: scratch files in a per-process temporary folder.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace gwlint::recording::testing {

// Created on first use, removed when the test program exits.
inline std::filesystem::path scratch_dir() {
  struct Scratch {
    std::filesystem::path path;
    Scratch()
        : path(std::filesystem::temp_directory_path() / ("gwlint-recording-tests-" + std::to_string(::getpid()))) {
      std::filesystem::remove_all(path);
      std::filesystem::create_directories(path);
    }
    ~Scratch() {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
  };
  static Scratch scratch;
  return scratch.path;
}

// Writes `text` byte for byte to a scratch file and returns its path.
inline std::string write_scratch(const std::string& name, const std::string& text) {
  std::filesystem::path path = scratch_dir() / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return path.string();
}

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline std::string upstream(const std::string& relative) {
  return std::string(GWLINT_SOURCE_DIR) + "/tests/data/upstream-recordings/" + relative;
}

inline std::string test_data(const std::string& relative) {
  return std::string(GWLINT_SOURCE_DIR) + "/tests/data/" + relative;
}

}  // namespace gwlint::recording::testing
