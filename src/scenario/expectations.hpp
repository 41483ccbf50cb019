#pragma once
// Turning expectations into checks: what the client reported, what the mock saw.
#include <string>
#include <vector>

#include "scenario/runner.hpp"

namespace gwlint::scenario {

// outcome/status/error_code/text/attempts against one call's result; `prefix` names the call
// ("calls[1]." or "" for the scenario-level expectations about the last call).
void check_call(const Expectations& expect, const client::ClientResult& result, const std::string& prefix,
                std::vector<Check>& checks);

// Every request the mock saw matched a recorded exchange; a miss carries the mock's report.
void check_all_matched(const std::vector<mock::JournalEntry>& journal, std::vector<Check>& checks);

// requests, all_used, retry_waits_honoured, lint.
void check_run(const Expectations& expect, const ScenarioResult& run, std::vector<Check>& checks);

// The wait a response asked for: retry-after-ms, else retry-after in seconds; -1 when none.
double requested_wait_ms(const recording::Headers& response_headers);

// A miss report (the mock's JSON) as indented lines a person reads.
std::string describe_miss(const nlohmann::json& miss);

}  // namespace gwlint::scenario
