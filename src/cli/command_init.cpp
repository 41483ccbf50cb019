// `gwlint init`: writes a starter `.gwlint.yaml` in the current directory and prints a
// `.pre-commit-config.yaml` that runs gwlint. stdout carries only that YAML (so it can be
// redirected into the file as is); what was written goes to stderr.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <string>
#include <string_view>

#include "cli/commands.hpp"

namespace gwlint::cli {
namespace {

constexpr const char* kProjectConfigName = ".gwlint.yaml";

// Keys from PRODUCT.md §3. Every key is commented out: this release does not read the file yet,
// and an active key that does nothing would mislead.
constexpr std::string_view kStarterConfig = R"yaml(# gwlint project configuration, written by `gwlint init`.
#
# `gwlint lint` finds this file from the current directory upwards; options on the command line
# (--severity, --deployments, --baseline) win over it, and --no-project-config ignores it.
# Schema: schemas/gwlint-config.schema.json.
#
# Every key is optional. Uncomment what you need.

# Severity per rule, by code (AZ201) or name (model-name-as-deployment):
# off, info, warning or error. `gwlint rules` lists the rules and their defaults.
# rules:
#   AZ207: warning        # a retired api-version warns instead of failing the build
#   AZ210: off            # keep a plain Azure baseURL instead of resourceName
#   GW005: off            # say nothing about app-config files without an aiGateway section

# Which files `gwlint lint DIR` picks up (globs, relative to this file). The defaults are
# `**/app-config*.yaml` and `**/*.gateway.{yaml,yml,json}`.
# include:
#   - "**/app-config*.yaml"
#   - "**/*.gateway.{yaml,yml,json}"
# exclude:
#   - "node_modules/**"
#   - "dist-types/**"

# Extra model ids, on top of gwlint's table, that are model names and never deployment names
# (used by AZ201 model-name-as-deployment).
# models:
#   - gpt-4o-acme-finetune

# Deployment inventory (like --deployments FILE): gwlint's YAML/JSON map of deployment -> model id,
# or the JSON of `az cognitiveservices account deployment list`. With it, model and deployment
# checks are exact (GW104, AZ201 with a fix).
# deployments: gwlint-deployments.json

# Baseline (like --baseline FILE): findings recorded in it are not reported again; write one with
# `gwlint lint --write-baseline FILE`.
# baseline: .gwlint-baseline.json
)yaml";

// Valid YAML on its own: `gwlint init > .pre-commit-config.yaml` gives a working config.
constexpr std::string_view kPreCommitSnippet =
    R"yaml(# .pre-commit-config.yaml: run gwlint on staged gateway configs before each commit
# (https://pre-commit.com; then `pre-commit install`). `language: system` uses the gwlint on PATH.
repos:
  - repo: local
    hooks:
      - id: gwlint
        name: gwlint (AI Gateway config)
        entry: gwlint lint
        language: system
        files: (^|/)(app-config[^/]*\.ya?ml|[^/]+\.gateway\.(ya?ml|json))$
# Or use the hook the gwlint repository publishes (.pre-commit-hooks.yaml) instead of `local`:
#  - repo: https://github.com/YOUR-ORG/gwlint   # where you get gwlint from
#    rev: v0.1.0                                 # a release tag
#    hooks:
#      - id: gwlint
#        args: [--fail-on, warning]              # optional: any `gwlint lint` option
)yaml";

// Writes `content` to `path` atomically: a temporary file beside it, then link() (which fails if
// `path` exists, so no check-then-write race) or, with `overwrite`, rename(). Returns "" on success,
// kAlreadyExists when `path` exists and `overwrite` is false, otherwise the error.
constexpr std::string_view kAlreadyExists = "already exists";
std::string write_file_atomically(const std::string& path, std::string_view content, bool overwrite) {
  std::string temp = path + ".tmp-" + std::to_string(::getpid());
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return std::string("cannot create ") + temp + ": " + std::strerror(errno);
  const char* data = content.data();
  size_t left = content.size();
  while (left > 0) {
    ssize_t written = ::write(fd, data, left);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) {
      std::string error = std::string("cannot write ") + temp + ": " + std::strerror(errno);
      ::close(fd);
      ::unlink(temp.c_str());
      return error;
    }
    data += written;
    left -= static_cast<size_t>(written);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    std::string error = std::string("cannot write ") + temp + ": " + std::strerror(errno);
    ::unlink(temp.c_str());
    return error;
  }
  int result = 0;
  if (overwrite) {
    result = ::rename(temp.c_str(), path.c_str());
  } else {
    result = ::link(temp.c_str(), path.c_str());
    // Filesystems without hard links: fall back to a checked rename (a small race, no data loss
    // beyond what --force would do).
    if (result != 0 && (errno == EPERM || errno == ENOTSUP || errno == EOPNOTSUPP || errno == ENOSYS)) {
      struct stat existing;
      if (::lstat(path.c_str(), &existing) == 0) {
        errno = EEXIST;
      } else {
        result = ::rename(temp.c_str(), path.c_str());
      }
    }
  }
  int saved_errno = errno;
  ::unlink(temp.c_str());  // after link(): drops the temporary name; after rename(): already gone
  if (result != 0) return saved_errno == EEXIST ? std::string(kAlreadyExists) : std::string(std::strerror(saved_errno));
  return "";
}

}  // namespace

CommandRunner add_init_command(CLI::App& app) {
  auto* command = app.add_subcommand(
      "init", "Write a starter .gwlint.yaml here and print a .pre-commit-config.yaml that runs gwlint");
  command->footer(
      "The pre-commit configuration goes to stdout (`gwlint init > .pre-commit-config.yaml`);\n"
      "messages go to stderr. Exit status: 0 written, 2 .gwlint.yaml exists (without --force) or\n"
      "cannot be written.");
  auto force = std::make_shared<bool>(false);
  command->add_flag("-f,--force", *force, "overwrite an existing .gwlint.yaml");
  return [force]() {
    struct stat existing;
    bool exists = ::lstat(kProjectConfigName, &existing) == 0;
    if (exists && !*force) {
      std::cerr << "gwlint init: " << kProjectConfigName
                << " already exists; left as it is (use --force to overwrite it)\n";
      return kExitUsage;
    }
    if (exists && S_ISDIR(existing.st_mode)) {
      std::cerr << "gwlint init: " << kProjectConfigName << " is a directory; not replacing it\n";
      return kExitUsage;
    }
    std::string error = write_file_atomically(kProjectConfigName, kStarterConfig, *force);
    if (error == kAlreadyExists) {
      std::cerr << "gwlint init: " << kProjectConfigName
                << " already exists; left as it is (use --force to overwrite it)\n";
      return kExitUsage;
    }
    if (!error.empty()) {
      std::cerr << "gwlint init: cannot write " << kProjectConfigName << ": " << error << '\n';
      return kExitUsage;
    }
    std::cerr << "gwlint init: " << (exists ? "overwrote " : "wrote ") << kProjectConfigName
              << " (gwlint lint reads it from this folder and below)\n"
              << "gwlint init: add this to .pre-commit-config.yaml (printed on stdout):\n";
    std::cout << kPreCommitSnippet;
    std::cout.flush();
    return std::cout ? kExitOk : kExitUsage;
  };
}

}  // namespace gwlint::cli
