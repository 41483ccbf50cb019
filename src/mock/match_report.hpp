#pragma once
// A miss report in the two forms people and programs read: JSON (journal, the 599 body, the
// scenario runner) and a few lines of text (the runner's failure message, the 599 error message).
#include <nlohmann/json.hpp>
#include <string>

#include "mock/match.hpp"

namespace gwlint::mock {

// {"cause", "request":{method,path,query}, "closest":{id,location,used,times,held_back,exact}|null,
//  "differences":[{field,pointer,change,expected,actual}], "differences_truncated", "text"}
nlohmann::json miss_report_json(const MissReport& report);
std::string miss_report_text(const MissReport& report);
// The text form of a report already in JSON (what the journal holds); tolerant of missing fields.
std::string miss_report_text(const nlohmann::json& report);

// The 599 body: Azure's error shape, so clients that parse Azure errors show something readable,
// with the full report under "gwlint".
constexpr int kNoMatchStatus = 599;
std::string no_match_body(const MissReport& report);

}  // namespace gwlint::mock
