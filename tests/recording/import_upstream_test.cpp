// The six public recordings in tests/data/upstream-recordings (see SOURCES.md there), and every
// recording in the shared folder, import cleanly with what they are known to contain.
#include <catch2/catch.hpp>
#include <filesystem>
#include <iostream>

#include "recording/importer.hpp"
#include "recording/recording_io.hpp"
#include "recording_test_support.hpp"

using namespace gwlint::recording;
using namespace gwlint::recording::testing;

namespace {

std::string query_value(const RecordedRequest& request, const std::string& name) {
  for (const auto& [key, value] : request.query) {
    if (key == name) return value;
  }
  return "<absent>";
}

std::string describe(const std::vector<Problem>& problems) {
  std::string out;
  for (const auto& p : problems) out += p.location + ": " + p.message + "\n";
  return out;
}

const Exchange& only_exchange(const ImportResult& result) {
  REQUIRE(result.recording);
  REQUIRE(result.recording->exchanges.size() == 1);
  return result.recording->exchanges.front();
}

}  // namespace

TEST_CASE("test-proxy: plain chat completion", "[import][upstream]") {
  for (const char* name :
       {"azure-sdk-assets/ChatCompletion.json", "azure-sdk-assets/ChatCompletionContentFilter.json"}) {
    INFO(name);
    ImportResult result = import_recording_file(upstream(name));
    INFO(describe(result.errors) + describe(result.warnings));
    CHECK(result.errors.empty());
    CHECK(result.warnings.empty());
    CHECK(result.format == ImportFormat::TestProxy);
    const Exchange& exchange = only_exchange(result);
    CHECK(exchange.id == "chat-completions");
    CHECK(exchange.request.method == "POST");
    CHECK(exchange.request.path == "/openai/deployments/gpt-4o-0806/chat/completions");
    CHECK(query_value(exchange.request, "api-version") == "2024-10-21");
    CHECK(exchange.response.status == 200);
    CHECK_FALSE(exchange.response.is_stream);
    REQUIRE(exchange.response.body.json);
    CHECK((*exchange.response.body.json)["object"] == "chat.completion");
    // Key order is the recording's, not alphabetical: "choices" comes first in both.
    CHECK(exchange.response.body.bytes.rfind("{\"choices\":[{\"content_filter_results\":", 0) == 0);
    REQUIRE(find_header(exchange.request.headers, "api-key"));
    CHECK(*find_header(exchange.request.headers, "api-key") == "<redacted>");
    CHECK(find_header(exchange.request.headers, "content-type"));
    CHECK_FALSE(find_header(exchange.request.headers, "user-agent"));
    CHECK_FALSE(find_header(exchange.request.headers, "content-length"));
    CHECK_FALSE(find_header(exchange.request.headers, "x-ms-client-request-id"));
    CHECK(find_header(exchange.response.headers, "apim-request-id"));
    CHECK(find_header(exchange.response.headers, "x-ratelimit-remaining-tokens"));
    CHECK(*find_header(exchange.response.headers, "x-ms-region") == "East US");
    CHECK_FALSE(find_header(exchange.response.headers, "date"));
    CHECK_FALSE(find_header(exchange.response.headers, "transfer-encoding"));
  }
}

TEST_CASE("test-proxy: the bad-key 401 keeps its body bytes", "[import][upstream]") {
  ImportResult result = import_recording_file(upstream("azure-sdk-assets/ChatCompletionBadKeyGivesHelpfulError.json"));
  INFO(describe(result.errors) + describe(result.warnings));
  CHECK(result.errors.empty());
  CHECK(result.warnings.empty());
  const Exchange& exchange = only_exchange(result);
  CHECK(exchange.id == "chat-completions-401");
  CHECK(exchange.response.status == 401);
  const std::string expected =
      R"({"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint. )"
      R"(Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for )"
      R"(your resource."}})";
  CHECK(exchange.response.body.bytes == expected);
  // The recorded Content-Length (224) is exactly these bytes: key order kept, compact.
  CHECK(exchange.response.body.bytes.size() == 224);
  CHECK(*find_header(exchange.request.headers, "api-key") == "<redacted>");
}

TEST_CASE("test-proxy: the stream becomes events", "[import][upstream]") {
  ImportResult result = import_recording_file(upstream("azure-sdk-assets/ChatCompletionStreaming.json"));
  INFO(describe(result.errors) + describe(result.warnings));
  CHECK(result.errors.empty());
  CHECK(result.warnings.empty());
  const Exchange& exchange = only_exchange(result);
  CHECK(exchange.id == "chat-completions-stream");
  CHECK(exchange.request.path == "/openai/deployments/gpt-4o-0806/chat/completions");
  CHECK(query_value(exchange.request, "api-version") == "2024-10-21");
  REQUIRE(exchange.request.body.json);
  CHECK((*exchange.request.body.json)["stream"] == true);
  CHECK(exchange.response.status == 200);
  REQUIRE(exchange.response.is_stream);
  REQUIRE(exchange.response.events.size() > 3);
  CHECK(exchange.response.body.bytes.empty());
  CHECK(exchange.response.events.front().data.find("prompt_filter_results") != std::string::npos);
  CHECK(exchange.response.events.front().data.rfind("{\"choices\":[]", 0) == 0);
  CHECK(exchange.response.events.back().data == "[DONE]");
  for (const SseEvent& event : exchange.response.events) {
    CHECK(event.after_ms == 0);
    CHECK(event.data.find('\n') == std::string::npos);
  }
  CHECK(*find_header(exchange.response.headers, "content-type") == "text/event-stream; charset=utf-8");
}

TEST_CASE("test-proxy: Go content filter 400 with a doubled slash", "[import][upstream]") {
  ImportResult result = import_recording_file(
      upstream("azure-sdk-assets/TestClient_GetChatCompletions_AzureOpenAI_ContentFilterWithError.json"));
  INFO(describe(result.errors) + describe(result.warnings));
  CHECK(result.errors.empty());
  CHECK(result.warnings.empty());
  const Exchange& exchange = only_exchange(result);
  // The recorded path is kept as sent: the doubled slash is what a trailing-slash baseURL makes.
  CHECK(exchange.request.path == "//openai/deployments/gpt-4/chat/completions");
  CHECK(query_value(exchange.request, "api-version") == "2023-12-01-preview");
  CHECK(exchange.response.status == 400);
  CHECK(exchange.id == "chat-completions-400");
  REQUIRE(exchange.response.body.json);
  CHECK((*exchange.response.body.json)["error"]["code"] == "content_filter");
  CHECK((*exchange.response.body.json)["error"]["innererror"]["code"] == "ResponsibleAIPolicyViolation");
  // The `\u0027` of the stored JSON is a JSON escape of "'": the value is the apostrophe.
  CHECK(exchange.response.body.bytes.find("Azure OpenAI's content management policy") != std::string::npos);
  CHECK(exchange.response.body.bytes.rfind(R"({"error":{"message":)", 0) == 0);
  CHECK(*find_header(exchange.request.headers, "Api-Key") == "<redacted>");
}

TEST_CASE("VCR: the openllmetry cassette", "[import][upstream]") {
  ImportResult result = import_recording_file(upstream("openllmetry/test_chat.yaml"));
  INFO(describe(result.errors) + describe(result.warnings));
  CHECK(result.errors.empty());
  CHECK(result.warnings.empty());  // includes: both Content-Lengths match the unfolded strings
  CHECK(result.format == ImportFormat::Vcr);
  const Exchange& exchange = only_exchange(result);
  CHECK(exchange.id == "chat-completions");
  CHECK(exchange.request.method == "POST");
  CHECK(exchange.request.path == "/openai/deployments/openllmetry-testing/chat/completions");
  CHECK(query_value(exchange.request, "api-version") == "2024-02-01");
  CHECK(exchange.response.status == 200);
  CHECK(exchange.response.body.bytes.size() == 921);
  CHECK(exchange.response.body.bytes.rfind(R"({"choices":[{"content_filter_results":)", 0) == 0);
  CHECK(exchange.response.body.bytes.find("\"content\":\"Why did the Opentelemetry developer refuse to share their "
                                          "candy?\\n\\nBecause they wanted") != std::string::npos);
  CHECK(exchange.response.body.bytes.substr(exchange.response.body.bytes.size() - 2) == "}\n");
  REQUIRE(exchange.response.body.json);
  CHECK((*exchange.response.body.json)["usage"]["total_tokens"] == 39);
  CHECK(
      exchange.request.body.bytes ==
      R"({"messages": [{"role": "user", "content": "Tell me a joke about opentelemetry"}], "model": "openllmetry-testing"})");
  // VCR's host is an explicit request header: kept. The SDK's telemetry headers are not.
  REQUIRE(find_header(exchange.request.headers, "host"));
  CHECK(*find_header(exchange.request.headers, "host") == "traceloop-stg.openai.azure.com");
  CHECK_FALSE(find_header(exchange.request.headers, "x-stainless-arch"));
  CHECK_FALSE(find_header(exchange.request.headers, "accept-encoding"));
  CHECK(find_header(exchange.request.headers, "accept"));
  CHECK(*find_header(exchange.response.headers, "x-request-id") == "0f63a0ff-049a-4f46-88e1-5e5c2e4c87c0");
}

TEST_CASE("every imported upstream recording survives a write and reload byte for byte", "[import][upstream]") {
  for (const char* name :
       {"azure-sdk-assets/ChatCompletion.json", "azure-sdk-assets/ChatCompletionBadKeyGivesHelpfulError.json",
        "azure-sdk-assets/ChatCompletionContentFilter.json", "azure-sdk-assets/ChatCompletionStreaming.json",
        "azure-sdk-assets/TestClient_GetChatCompletions_AzureOpenAI_ContentFilterWithError.json",
        "openllmetry/test_chat.yaml"}) {
    ImportResult result = import_recording_file(upstream(name));
    REQUIRE(result.recording);
    for (const char* extension : {".yaml", ".json"}) {
      INFO(name << extension);
      std::string out = (scratch_dir() / (std::filesystem::path(name).stem().string() + extension)).string();
      write_recording_file(out, *result.recording);
      LoadResult loaded = load_recording_file(out);
      INFO(describe(loaded.problems));
      REQUIRE(loaded.ok());
      REQUIRE(loaded.recording->exchanges.size() == result.recording->exchanges.size());
      for (size_t i = 0; i < loaded.recording->exchanges.size(); ++i) {
        const Exchange& a = result.recording->exchanges[i];
        const Exchange& b = loaded.recording->exchanges[i];
        CHECK(a.id == b.id);
        CHECK(a.request.body.bytes == b.request.body.bytes);
        CHECK(a.response.body.bytes == b.response.body.bytes);
        CHECK(a.request.query == b.request.query);
        REQUIRE(a.response.events.size() == b.response.events.size());
        for (size_t e = 0; e < a.response.events.size(); ++e)
          CHECK(a.response.events[e].data == b.response.events[e].data);
      }
      // And importing our own output is a pass-through.
      ImportResult again = import_recording_file(out);
      CHECK(again.errors.empty());
      CHECK(again.format == ImportFormat::Gwlint);
    }
  }
}

TEST_CASE("every recording in the shared folder imports without errors", "[import][shared]") {
  namespace fs = std::filesystem;
  fs::path shared = fs::path(GWLINT_SHARED_DIR) / "recordings";
  if (!fs::is_directory(shared)) {
    WARN("no shared recordings at " << shared.string());
    return;
  }
  size_t imported = 0;
  for (const auto& entry : fs::recursive_directory_iterator(shared)) {
    std::string extension = entry.path().extension().string();
    if (!entry.is_regular_file() ||
        (extension != ".json" && extension != ".yaml" && extension != ".yml" && extension != ".har")) {
      continue;
    }
    INFO(entry.path().string());
    ImportResult result = import_recording_file(entry.path().string());
    INFO(describe(result.errors));
    CHECK(result.errors.empty());
    REQUIRE(result.recording);
    CHECK_FALSE(result.recording->exchanges.empty());
    for (const Exchange& exchange : result.recording->exchanges) {
      CHECK_FALSE(exchange.id.empty());
      CHECK(exchange.request.path.rfind("/", 0) == 0);
      CHECK(exchange.response.status >= 100);
    }
    ++imported;
  }
  CHECK(imported > 0);
}

TEST_CASE("dump an import as YAML", "[.dump]") {
  const char* path = std::getenv("GWLINT_DUMP");
  if (!path) return;
  ImportResult result = import_recording_file(path);
  std::cerr << describe(result.errors) << describe(result.warnings);
  if (result.recording) std::cout << recording_to_yaml(*result.recording);
}
