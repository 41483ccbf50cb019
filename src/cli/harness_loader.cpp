#include <dlfcn.h>
#include <unistd.h>

#include <array>
#include <filesystem>

#include "cli/harness.hpp"

namespace gwlint::cli {

bool is_harness_command(const std::string& name) {
  return name == "scenario" || name == "mock" || name == "record" || name == "audit";
}

namespace {

// Where the module is: beside the executable in a build tree, or under the library directory
// relative to the installed binary (GWLINT_HARNESS_INSTALLED, set by CMake).
std::vector<std::filesystem::path> module_candidates() {
  std::vector<std::filesystem::path> out;
  std::array<char, 4096> buffer{};
  ssize_t length = ::readlink("/proc/self/exe", buffer.data(), buffer.size() - 1);
  if (length <= 0) return out;
  std::filesystem::path directory =
      std::filesystem::path(std::string(buffer.data(), static_cast<size_t>(length))).parent_path();
  out.push_back(directory / "libgwlint-harness.so");
  out.push_back((directory / GWLINT_HARNESS_INSTALLED).lexically_normal());
  return out;
}

}  // namespace

bool add_harness_commands(CLI::App& app, HarnessCommands& out, std::string& error) {
  using AddCommands = void (*)(CLI::App*, HarnessCommands*);
  static AddCommands entry = nullptr;
  if (!entry) {
    for (const auto& candidate : module_candidates()) {
      std::error_code code;
      if (!std::filesystem::exists(candidate, code)) continue;
      // RTLD_GLOBAL is not needed: the module only uses what the executable exports.
      void* module = ::dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (!module) {
        error = ::dlerror();
        return false;
      }
      entry = reinterpret_cast<AddCommands>(::dlsym(module, "gwlint_add_harness_commands"));
      if (!entry) {
        error = candidate.string() + " has no gwlint_add_harness_commands";
        return false;
      }
      break;
    }
    if (!entry) {
      error = "libgwlint-harness.so not found beside the gwlint executable";
      return false;
    }
  }
  entry(&app, &out);
  return true;
}

}  // namespace gwlint::cli
