#include "audit/effective_config.hpp"

#include <map>

#include "audit/value_display.hpp"
#include "client/client.hpp"
#include "config/value_source.hpp"
#include "rules/data/secret_names.hpp"

namespace gwlint::audit {

namespace {

using json = nlohmann::ordered_json;

// The real environment is not the audit's business (and may hold real keys): every `${VAR}` the
// provider uses resolves to a sentinel that is valid in a host name and a query, and the
// sentinel is turned back into `${VAR}` in what the report shows. So the URL reads
// `https://${AZURE_RESOURCE}.openai.azure.com/...` and no value of the machine running the audit
// can end up in a report.
class EnvPlaceholders {
 public:
  explicit EnvPlaceholders(const Node* provider_body) { collect(provider_body); }
  const std::map<std::string, std::string>& env() const { return env_; }

  std::string restore(std::string text) const {
    for (const auto& [name, sentinel] : env_) {
      for (size_t at = 0; (at = text.find(sentinel, at)) != std::string::npos;) {
        text.replace(at, sentinel.size(), "${" + name + "}");
        at += name.size() + 3;
      }
    }
    return text;
  }

 private:
  void add(const std::string& name) {
    if (name.empty() || env_.count(name)) return;
    env_[name] = "gwlintvar" + std::to_string(env_.size()) + "x";
  }
  void collect(const Node* node) {
    if (!node) return;
    if (node->is_scalar()) {
      for (const EnvReference& ref : scan_env_references(node->scalar)) add(ref.name);
    } else if (node->is_mapping()) {
      if (value_source(node) == ValueSource::EnvObject) add(std::string(node->entries.front().value->text()));
      for (const auto& entry : node->entries) collect(entry.value);
    } else if (node->is_sequence()) {
      for (const Node* item : node->items) collect(item);
    }
  }

  std::map<std::string, std::string> env_;
};

// Where each provider sends requests when no baseURL is given (DOMAIN.md §1, the AI SDK's
// provider defaults). Azure is built from resourceName; Ollama has no default.
std::string default_base_url(std::string_view provider, const Node* body) {
  if (provider == "openai") return "https://api.openai.com/v1";
  if (provider == "cohere") return "https://api.cohere.com/v2";
  if (provider == "google") return "https://generativelanguage.googleapis.com/v1beta";
  if (provider == "amazon-bedrock") {
    const Node* region = body && body->is_mapping() ? body->find("region") : nullptr;
    std::string name = region && region->is_scalar() ? region->scalar : "{region}";
    return "https://bedrock-runtime." + name + ".amazonaws.com";
  }
  return {};
}

// The first deployment an Azure model reference names: only the deployment-style URL needs one.
std::string first_azure_deployment(const GatewayModel& gateway) {
  for (const ModelReference& ref : gateway.models) {
    if (ref.provider == "azure" && !ref.name.empty()) return ref.name;
  }
  return "DEPLOYMENT";
}

// resolve_call's notes read "FIELD is ignored: why"; those become `ignored`, the rest `notes`.
void add_note(json& provider, const std::string& note) {
  const std::string marker = " is ignored";
  size_t at = note.find(marker);
  if (at != std::string::npos && at > 0 && note.find(' ') == at) {
    std::string reason = note.substr(at + marker.size());
    while (!reason.empty() && (reason.front() == ':' || reason.front() == ' ')) reason.erase(0, 1);
    provider["ignored"].push_back({{"field", note.substr(0, at)}, {"reason", reason}});
    return;
  }
  provider["notes"].push_back(note);
}

void add_azure_endpoint(json& out, const Document& document, const GatewayModel& gateway,
                        const ProviderConfig& provider, const Redactor& redactor) {
  EnvPlaceholders placeholders(provider.body);
  client::Call call;
  call.model = "azure|" + first_azure_deployment(gateway);
  client::ResolveResult resolved = client::resolve_call(document, call, placeholders.env());
  auto shown = [&](const std::string& text) { return redactor.redact(placeholders.restore(text)); };
  if (!resolved.endpoint) {
    out["error"] = shown(resolved.error);
    return;
  }
  const client::AzureEndpoint& endpoint = *resolved.endpoint;
  out["endpoint_from"] = endpoint.from_resource_name ? "resourceName" : "baseURL";
  out["base_url"] = shown(endpoint.base);
  out["host"] = shown(endpoint.host);
  out["api_version"] = shown(endpoint.api_version);
  out["urls"].push_back({{"operation", "chat"}, {"url", shown(endpoint.url_for("chat", resolved.deployment))}});
  out["urls"].push_back(
      {{"operation", "embeddings"}, {"url", shown(endpoint.url_for("embeddings", resolved.deployment))}});
  for (const std::string& note : endpoint.notes) {
    // The placeholder key is a scenario matter; the audit shows the key's origin instead.
    if (note.rfind("apiKey", 0) == 0) continue;
    add_note(out, shown(note));
  }
  if (!provider.field("apiVersion")) out["notes"].push_back("apiVersion is not set: the SDK sends preview");
}

void add_other_endpoint(json& out, const ProviderConfig& provider, const Redactor& redactor) {
  const Node* base = provider.field("baseURL");
  if (base) {
    out["endpoint_from"] = "baseURL";
    out["base_url"] = describe_value(base, false, redactor).shown;
  } else if (std::string fallback = default_base_url(provider.id, provider.body); !fallback.empty()) {
    out["endpoint_from"] = "default";
    out["base_url"] = redactor.redact(fallback);
  } else {
    out["error"] = "no baseURL: this provider has no default endpoint";
  }
  out["notes"].push_back("request paths depend on the AI SDK provider; gwlint reproduces exact URLs for Azure only");
}

void add_fields(json& out, const ProviderConfig& provider, const Redactor& redactor) {
  if (!provider.body || !provider.body->is_mapping()) return;
  for (const auto& entry : provider.body->entries) {
    std::string_view name = entry.key->text();
    if (name == "headers" || name == "deployments") continue;
    // accessKeyId is half of an AWS credential pair: shown by origin like the secret half.
    bool secret = data::is_secret_field_name(name) || name == "accessKeyId";
    ValueOrigin origin = describe_value(entry.value, secret, redactor);
    json item = {{"name", redactor.redact(name)},
                 {"source", origin.source},
                 {"shown", origin.shown},
                 {"line", entry.key->span.begin_position().line}};
    out[secret ? "secrets" : "fields"].push_back(std::move(item));
  }
}

void add_headers(json& out, const ProviderConfig& provider, const Redactor& redactor) {
  for (const HeaderEntry& header : provider.headers) {
    const Node* value = header.value_node;
    ValueSource source = value_source(value);
    bool secret = data::is_secret_header_name(header.name) ||
                  (source == ValueSource::Literal && data::header_carries_secret(header.name, value->scalar));
    ValueOrigin origin = describe_value(value, true, redactor);
    // A literal shows only its length; a reference shows where it comes from.
    std::string shown = source == ValueSource::Literal ? masked_length(value->scalar.size()) : origin.shown;
    out["headers"].push_back(
        {{"name", redactor.redact(header.name)}, {"source", origin.source}, {"shown", shown}, {"secret", secret}});
    if (secret) {
      out["secrets"].push_back({{"name", "header " + redactor.redact(header.name)},
                                {"source", origin.source},
                                {"shown", origin.shown},
                                {"line", header.name_node ? header.name_node->span.begin_position().line : 0}});
    }
  }
}

}  // namespace

json effective_providers(const Document& document, const GatewayModel& gateway, const Redactor& redactor) {
  json providers = json::array();
  for (const ProviderConfig& provider : gateway.providers) {
    json out = {{"id", redactor.redact(provider.id)},
                {"file", provider.key->span.file ? provider.key->span.file->path() : std::string()},
                {"line", provider.key->span.begin_position().line},
                {"endpoint_from", nullptr},
                {"base_url", nullptr},
                {"api_version", nullptr},
                {"urls", json::array()},
                {"fields", json::array()},
                {"ignored", json::array()},
                {"headers", json::array()},
                {"secrets", json::array()},
                {"notes", json::array()},
                {"error", nullptr}};
    if (provider.id == "azure") {
      add_azure_endpoint(out, document, gateway, provider, redactor);
    } else {
      add_other_endpoint(out, provider, redactor);
    }
    add_fields(out, provider, redactor);
    add_headers(out, provider, redactor);
    providers.push_back(std::move(out));
  }
  return providers;
}

}  // namespace gwlint::audit
