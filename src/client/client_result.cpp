#include "client/client.hpp"

namespace gwlint::client {

// The result shape of the command protocol ({outcome, status, error_code, text, message}) plus
// what gwlint measured about the run.
nlohmann::json ClientResult::to_json() const {
  nlohmann::json out = {
      {"outcome", outcome}, {"status", status},     {"error_code", error_code},         {"text", text},
      {"message", message}, {"attempts", attempts}, {"retry_waits_ms", retry_waits_ms}, {"timed_out", timed_out},
  };
  if (!url.empty()) out["url"] = url;
  if (process_group != 0) {
    out["exit_code"] = exit_code;
    out["process_group"] = process_group;
    out["stdout"] = stdout_text;
    out["stderr"] = stderr_text;
  }
  // Output a client printed need not be UTF-8; dump() with error_handler_t::replace copes, but a
  // caller may use the default handler, so the strings are made valid here.
  return nlohmann::json::parse(out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace gwlint::client
