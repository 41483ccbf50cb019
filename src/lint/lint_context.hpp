#pragma once
// Run-wide facts a rule may depend on besides the file itself.
#include <string>
#include <vector>

#include "lint/gateway_model.hpp"

namespace gwlint {

struct CivilDate {
  int year = 1970, month = 1, day = 1;
  int days_since_epoch() const;
  bool operator<(const CivilDate& other) const { return days_since_epoch() < other.days_since_epoch(); }
};

// Parses YYYY-MM-DD and checks the day exists in that month.
bool parse_civil_date(const std::string& text, CivilDate& out);
CivilDate today_utc();

struct LintContext {
  CivilDate today = today_utc();             // for api-version retirement (AZ207); set by --today
  bool check_env = false;                    // ENV501 only runs when asked
  std::vector<std::string> extra_model_ids;  // project-specific model ids for AZ201
  // --deployments FILE: what is deployed, for every file of the run (AZ201/GW104 exact).
  std::vector<Deployment> external_deployments;
};

}  // namespace gwlint
