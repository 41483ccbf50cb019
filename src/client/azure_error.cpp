#include "client/azure_error.hpp"

namespace gwlint::client {

namespace {

std::string scalar_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  if (value.is_number()) return value.dump();
  return {};
}

}  // namespace

AzureError azure_error_from_json(const nlohmann::json& body) {
  AzureError error;
  if (!body.is_object()) return error;
  auto it = body.find("error");
  if (it == body.end() || !it->is_object()) return error;
  error.found = true;
  if (auto code = it->find("code"); code != it->end()) error.code = scalar_text(*code);
  if (error.code.empty()) {
    if (auto type = it->find("type"); type != it->end()) error.code = scalar_text(*type);
  }
  if (auto message = it->find("message"); message != it->end()) error.message = scalar_text(*message);
  return error;
}

AzureError azure_error_from_body(const std::string& body) {
  auto parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_discarded()) return {};
  return azure_error_from_json(parsed);
}

std::string excerpt(const std::string& text, size_t max) {
  if (text.size() <= max) return text;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "... (" + std::to_string(text.size() - cut) + " more bytes)";
}

}  // namespace gwlint::client

namespace gwlint::client {

std::string redact_secret(std::string text, const std::string& secret) {
  if (secret.size() < 4) return text;
  size_t pos = 0;
  while ((pos = text.find(secret, pos)) != std::string::npos) {
    text.replace(pos, secret.size(), "<redacted>");
    pos += 10;
  }
  return text;
}

}  // namespace gwlint::client
