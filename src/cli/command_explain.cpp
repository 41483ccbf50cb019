// `gwlint explain CODE|NAME`: the rule's documentation, compiled in from docs/rules/CODE.md.
#include <fmt/format.h>

#include <iostream>

#include "cli/commands.hpp"
#include "lint/rule.hpp"
#include "resources/embedded.hpp"

namespace gwlint::cli {

CommandRunner add_explain_command(CLI::App& app) {
  auto* command = app.add_subcommand("explain", "Show a rule's documentation: what, why, bad and good example, fix");
  auto rule_name = std::make_shared<std::string>();
  command->add_option("rule", *rule_name, "rule code (AZ201) or name (model-name-as-deployment)")->required();
  return [rule_name]() {
    const Rule* rule = RuleRegistry::instance().find(*rule_name);
    if (!rule) {
      std::cerr << fmt::format("gwlint explain: no rule named '{}'; `gwlint rules` lists them all\n", *rule_name);
      return kExitUsage;
    }
    std::string_view doc = find_embedded(embedded_rule_docs(), std::string(rule->info().code) + ".md");
    if (doc.empty()) {
      std::cerr << fmt::format("gwlint explain: rule {} has no documentation (a build problem)\n", rule->info().code);
      return kExitUsage;
    }
    std::cout << doc;
    if (doc.back() != '\n') std::cout << '\n';
    return kExitOk;
  };
}

}  // namespace gwlint::cli
