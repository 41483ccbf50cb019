#include "client/azure_request.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "client/url_parts.hpp"

namespace gwlint::client {

namespace {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Headers values lose leading and trailing HTTP whitespace (tab, space, CR, LF).
std::string strip_http_whitespace(const std::string& value) {
  size_t begin = value.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return {};
  size_t end = value.find_last_not_of(" \t\r\n");
  return value.substr(begin, end - begin + 1);
}

// Object spread: an exact key already present keeps its place and takes the new value.
void spread(HeaderList& object, const std::string& key, const std::string& value) {
  for (auto& entry : object) {
    if (entry.first == key) {
      entry.second = value;
      return;
    }
  }
  object.emplace_back(key, value);
}

// `new Headers(record)`: append each entry; append joins a name already present with ", ".
HeaderList normalise(const HeaderList& record) {
  HeaderList headers;
  for (const auto& [name, raw] : record) {
    std::string key = lower(name);
    std::string value = strip_http_whitespace(raw);
    auto it = std::find_if(headers.begin(), headers.end(), [&](const auto& h) { return h.first == key; });
    if (it == headers.end()) {
      headers.emplace_back(key, value);
    } else {
      it->second += ", " + value;
    }
  }
  std::stable_sort(headers.begin(), headers.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return headers;
}

void set_header(HeaderList& headers, const std::string& key, const std::string& value) {
  for (auto& entry : headers) {
    if (entry.first == key) {
      entry.second = value;
      return;
    }
  }
  headers.emplace_back(key, value);
  std::stable_sort(headers.begin(), headers.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
}

std::string user_agent_of(const HeaderList& headers) {
  for (const auto& entry : headers) {
    if (entry.first == "user-agent") return entry.second;
  }
  return {};
}

}  // namespace

std::string request_body(const std::string& op, const std::string& deployment, const std::string& input) {
  nlohmann::ordered_json body;
  body["model"] = deployment;
  if (op == "embeddings") {
    body["input"] = nlohmann::ordered_json::array({input});
    body["encoding_format"] = "float";
  } else {
    body["messages"] = nlohmann::ordered_json::array({{{"role", "user"}, {"content", input}}});
    if (op == "chat-stream") {
      body["stream"] = true;
      body["stream_options"] = {{"include_usage", true}};
    }
  }
  // JSON.stringify writes UTF-8 unescaped; bytes that are not UTF-8 could not be in a JS string
  // and become U+FFFD on the way in.
  return body.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::vector<std::pair<std::string, std::string>> request_headers(const AzureEndpoint& endpoint) {
  HeaderList object;
  object.emplace_back("api-key", endpoint.api_key);
  for (const auto& header : endpoint.headers) spread(object, header.name, header.value);
  HeaderList provider_headers = normalise(object);
  // withUserAgentSuffix appends to a configured user-agent; gwlint names itself instead of the SDK.
  std::string agent = user_agent_of(provider_headers);
  set_header(provider_headers, "user-agent",
             (agent.empty() ? "" : agent + " ") + std::string("gwlint-builtin/") + GWLINT_VERSION);
  HeaderList post;
  post.emplace_back("Content-Type", "application/json");
  for (const auto& [name, value] : provider_headers) spread(post, name, value);
  return normalise(post);
}

AzureRequest build_azure_request(const AzureEndpoint& endpoint, const std::string& deployment, const Call& call) {
  AzureRequest request;
  request.url = endpoint.url_for(call.op, deployment);
  if (auto parts = parse_url(request.url)) {
    request.host = parts->authority;
    request.path_and_query = parts->path_and_query();
  }
  request.headers = request_headers(endpoint);
  // fetch derives Host from the URL; a configured `host` header does not reach the wire.
  request.headers.erase(
      std::remove_if(request.headers.begin(), request.headers.end(), [](const auto& h) { return h.first == "host"; }),
      request.headers.end());
  request.body = request_body(call.op, deployment, call.input);
  return request;
}

}  // namespace gwlint::client
