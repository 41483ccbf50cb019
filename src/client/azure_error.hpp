#pragma once
// Azure OpenAI's error bodies (DOMAIN.md §5): `{"error":{"code":..., "message":...}}`, where the
// code is a string ("DeploymentNotFound", "content_filter", "401") or sometimes a number, and may
// be missing (then `type` stands in). Also the shape of an `error` chunk inside a stream.
#include <nlohmann/json.hpp>
#include <string>

namespace gwlint::client {

struct AzureError {
  bool found = false;  // the body had an `error` object
  std::string code;    // numbers as their decimal text
  std::string message;
};

AzureError azure_error_from_json(const nlohmann::json& body);
// Parses `body`; a body that is not JSON gives found == false.
AzureError azure_error_from_body(const std::string& body);

// At most `max` bytes of `text` (cut at a UTF-8 boundary) with a marker when cut, for messages.
std::string excerpt(const std::string& text, size_t max = 2000);

}  // namespace gwlint::client

namespace gwlint::client {

// `text` with every occurrence of `secret` replaced by "<redacted>" (secrets shorter than 4 bytes
// are left alone: replacing them would mangle ordinary text and hide nothing).
std::string redact_secret(std::string text, const std::string& secret);

}  // namespace gwlint::client
