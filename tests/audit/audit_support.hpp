#pragma once
// Shared by the audit unit tests: a config loaded from text, and the lint report of it.
#include <filesystem>
#include <memory>
#include <string>

#include "config/loader.hpp"
#include "lint/linter.hpp"

namespace gwlint::audit_test {

inline std::unique_ptr<Document> load(const std::string& yaml, const std::string& path = "app-config.yaml") {
  return load_document(path, yaml, LoadLimits{}, std::filesystem::path(path).parent_path().string());
}

inline FileReport lint_text(const std::string& yaml) {
  return lint_document(load(yaml), LintOptions{});
}

}  // namespace gwlint::audit_test
