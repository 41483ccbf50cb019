#include "lint/baseline.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace gwlint {

namespace fs = std::filesystem;

Baseline::Baseline(std::string baseline_path) : path_(std::move(baseline_path)) {
  fs::path folder = fs::path(path_).parent_path();
  std::error_code ec;
  folder_ = folder.empty() ? fs::current_path(ec).string() : fs::absolute(folder, ec).string();
}

std::string Baseline::relative(const std::string& file) const {
  if (file == "<stdin>") return file;
  std::error_code ec;
  fs::path absolute = fs::absolute(file, ec);
  fs::path rel = ec ? fs::path(file) : absolute.lexically_normal().lexically_relative(folder_);
  if (rel.empty()) rel = fs::path(file).lexically_normal();
  return rel.generic_string();
}

BaselineKey Baseline::key_of(const Finding& finding) const {
  return {relative(finding.file()), finding.code, finding.path};
}

bool Baseline::load(const std::string& baseline_path, Baseline& out, std::string& error) {
  std::ifstream in(baseline_path, std::ios::binary);
  if (!in) {
    error = "cannot read the baseline " + baseline_path;
    return false;
  }
  out = Baseline(baseline_path);
  nlohmann::json json = nlohmann::json::parse(in, nullptr, false);
  if (json.is_discarded() || !json.is_object() || !json.contains("findings") || !json["findings"].is_array()) {
    error = baseline_path + " is not a gwlint baseline (expected a JSON object with \"findings\")";
    return false;
  }
  for (const auto& entry : json["findings"]) {
    if (!entry.is_object() || !entry.value("file", nlohmann::json()).is_string() ||
        !entry.value("code", nlohmann::json()).is_string()) {
      error = baseline_path + ": every entry needs \"file\" and \"code\"";
      return false;
    }
    BaselineKey key{entry["file"].get<std::string>(), entry["code"].get<std::string>(),
                    entry.value("path", std::string())};
    size_t count = entry.value("count", 1u);
    out.remaining_[key] += count == 0 ? 1 : count;
  }
  return true;
}

void Baseline::filter(std::vector<Finding>& findings) {
  std::vector<Finding> kept;
  for (Finding& finding : findings) {
    auto it = remaining_.find(key_of(finding));
    if (it != remaining_.end() && it->second > 0) {
      --it->second;
      continue;
    }
    kept.push_back(std::move(finding));
  }
  findings.swap(kept);
}

void Baseline::add(const std::vector<Finding>& findings) {
  for (const Finding& finding : findings) ++remaining_[key_of(finding)];
}

size_t Baseline::size() const {
  size_t total = 0;
  for (const auto& [key, count] : remaining_) total += count;
  return total;
}

size_t Baseline::stale_count(const std::vector<std::string>& linted_files) const {
  std::set<std::string> linted;
  for (const auto& file : linted_files) linted.insert(relative(file));
  size_t stale = 0;
  for (const auto& [key, count] : remaining_) {
    if (linted.count(key.file)) stale += count;
  }
  return stale;
}

bool Baseline::write(std::string& error) const {
  nlohmann::ordered_json findings = nlohmann::ordered_json::array();
  for (const auto& [key, count] : remaining_) {
    nlohmann::ordered_json entry = {{"file", key.file}, {"code", key.code}, {"path", key.path}};
    if (count > 1) entry["count"] = count;
    findings.push_back(std::move(entry));
  }
  nlohmann::ordered_json json = {{"version", 1}, {"tool", "gwlint"}, {"findings", std::move(findings)}};
  std::string temp = path_ + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    if (!out.good()) {
      std::remove(temp.c_str());
      error = "cannot write " + path_;
      return false;
    }
  }
  if (std::rename(temp.c_str(), path_.c_str()) != 0) {
    std::remove(temp.c_str());
    error = "cannot write " + path_;
    return false;
  }
  return true;
}

}  // namespace gwlint
