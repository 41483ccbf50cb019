// `gwlint rules`: every rule with code, name, default severity, fixable and a one-line summary.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "lint/rule.hpp"

namespace gwlint::cli {

CommandRunner add_rules_command(CLI::App& app) {
  auto* command = app.add_subcommand("rules", "List every rule: code, name, default severity, fixable, summary");
  auto format = std::make_shared<std::string>("text");
  command->add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}));
  return [format]() {
    const auto& rules = RuleRegistry::instance().rules();
    if (*format == "json") {
      nlohmann::json list = nlohmann::json::array();
      for (const Rule* rule : rules) {
        const RuleInfo& info = rule->info();
        list.push_back({{"code", info.code},
                        {"name", info.name},
                        {"severity", severity_name(info.default_severity)},
                        {"fixable", std::string(info.fixable)},
                        {"summary", info.summary}});
      }
      std::cout << list.dump(2) << '\n';
      return kExitOk;
    }
    std::cout << fmt::format("{:<7} {:<32} {:<8} {:<4} {}\n", "CODE", "NAME", "SEVERITY", "FIX", "SUMMARY");
    for (const Rule* rule : rules) {
      const RuleInfo& info = rule->info();
      std::cout << fmt::format("{:<7} {:<32} {:<8} {:<4} {}\n", info.code, info.name,
                               severity_name(info.default_severity), info.fixable.empty() ? "" : "yes", info.summary);
    }
    return kExitOk;
  };
}

}  // namespace gwlint::cli
