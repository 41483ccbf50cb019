#pragma once
// Clients a scenario drives against the mock (SCENARIOS.md §3): gwlint's builtin reference client,
// which builds requests as the AI Gateway's Azure provider does (DOMAIN.md §2), and any external
// program speaking the command protocol (GWLINT_* environment in, one JSON line out).
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "config/document.hpp"
#include "recording/recording.hpp"

namespace gwlint::client {

// One call a scenario makes: `model` is a role of the config ("languageModel", "embeddingModel")
// or a `provider|deployment` reference.
struct Call {
  std::string op = "chat";  // chat | chat-stream | embeddings
  std::string model = "languageModel";
  std::string input = "hi";
};

struct ClientResult {
  std::string outcome = "error";       // ok | error
  int status = 0;                      // final HTTP status, 0 when there was none
  std::string error_code;              // Azure's error.code, or a transport error: timeout, reset, ...
  std::string text;                    // the answer (chat), or a summary (embeddings: "N vectors")
  std::string message;                 // human-readable detail of an error
  int attempts = 0;                    // requests sent (builtin client)
  std::vector<double> retry_waits_ms;  // how long the client waited before each retry
  bool timed_out = false;
  int exit_code = 0;  // command client
  std::string stdout_text, stderr_text;
  // Added: the real URL of the last request (what the gateway would call; builtin client) and the
  // process group the command client ran in (0 for builtin), so tests and audits can check that
  // nothing of it survives.
  std::string url;
  int process_group = 0;
  nlohmann::json to_json() const;
};

// The key sent when the config's apiKey cannot be resolved from `env`: a scenario needs a key to
// send, and must never need a real one.
inline constexpr const char* kPlaceholderApiKey = "gwlint-scenario-key";

// What the gateway will call, resolved from the config (DOMAIN.md §2). Also what the audit shows.
struct AzureEndpoint {
  std::string base;  // "https://NAME.openai.azure.com/openai" or the baseURL as written
  std::string host;  // the Host the real service would see
  bool from_resource_name = false;
  std::string api_version;     // "preview" when not configured
  std::string api_key;         // resolved value (never printed)
  recording::Headers headers;  // custom headers, applied after api-key (may override it)
  bool use_deployment_urls = false;
  std::vector<std::string> notes;  // e.g. "resourceName is ignored: baseURL is set"

  // Full URL for an operation: {base}/v1{path}?api-version=V, or the deployment style.
  std::string url_for(const std::string& op, const std::string& deployment) const;
};

// Where a command client is pointed: the mock's origin plus the path of `endpoint.base`, kept as
// written (a trailing slash stays, so the client reproduces `//v1`). `mock_url` is
// "http://127.0.0.1:PORT" (a trailing slash is ignored).
std::string mock_base_url(const AzureEndpoint& endpoint, const std::string& mock_url);

struct ResolveResult {
  std::optional<AzureEndpoint> endpoint;
  std::string deployment;  // from the call's model reference
  std::string error;       // why it could not be resolved
};

// `env` supplies ${VAR} values (the process environment is not consulted); values are resolved as
// Backstage's loader does (client/config_values.hpp). An unresolvable apiKey becomes
// kPlaceholderApiKey (a scenario needs a key to send, never a real one); other unresolvable values
// count as absent. Each such decision is explained in endpoint->notes.
ResolveResult resolve_call(const Document& config, const Call& call, const std::map<std::string, std::string>& env);

struct BuiltinOptions {
  std::string mock_url;    // where to connect instead of the real host
  int max_attempts = 3;    // including the first
  int timeout_ms = 10000;  // per request (connect + read)
  int max_retry_wait_ms = 60000;
  // Added: the exponential backoff when the answer names no wait: base * 2^retry (the AI SDK's
  // retryWithExponentialBackoff uses 2000 ms and factor 2). Tests make it small.
  int backoff_base_ms = 2000;
};

ClientResult run_builtin(const AzureEndpoint& endpoint, const std::string& deployment, const Call& call,
                         const BuiltinOptions& options);

struct CommandSpec {
  std::vector<std::string> argv;
  int timeout_ms = 20000;
  std::string working_directory;  // empty: current
  // A deadline for the call the client should enforce itself (GWLINT_TIMEOUT_MS), so it reports
  // `timeout` instead of being killed at `timeout_ms`; 0: not sent.
  int call_timeout_ms = 0;
};

// Runs the program in its own process group with GWLINT_BASE_URL, GWLINT_API_KEY,
// GWLINT_DEPLOYMENT, GWLINT_API_VERSION, GWLINT_HEADERS (JSON), GWLINT_CALL (JSON); kills the
// whole group on timeout; parses the last JSON line of stdout as the result.
ClientResult run_command(const CommandSpec& spec, const AzureEndpoint& endpoint, const std::string& deployment,
                         const Call& call, const std::string& mock_url);

}  // namespace gwlint::client
