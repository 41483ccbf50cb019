#include <catch2/catch.hpp>

#include "client/client.hpp"
#include "client/url_parts.hpp"

using namespace gwlint::client;

namespace {

AzureEndpoint with_base(const std::string& base, const std::string& version = "preview") {
  AzureEndpoint endpoint;
  endpoint.base = base;
  endpoint.api_version = version;
  return endpoint;
}

}  // namespace

TEST_CASE("url_for: resourceName base gives the v1 path", "[client][url]") {
  auto endpoint = with_base("https://my-openai-resource.openai.azure.com/openai");
  CHECK(endpoint.url_for("chat", "chat-prod") ==
        "https://my-openai-resource.openai.azure.com/openai/v1/chat/completions?api-version=preview");
  CHECK(endpoint.url_for("chat-stream", "chat-prod") ==
        "https://my-openai-resource.openai.azure.com/openai/v1/chat/completions?api-version=preview");
  CHECK(endpoint.url_for("embeddings", "emb") ==
        "https://my-openai-resource.openai.azure.com/openai/v1/embeddings?api-version=preview");
}

TEST_CASE("url_for: baseURL joined as written", "[client][url]") {
  CHECK(with_base("https://ai-gateway.example.com/azure").url_for("chat", "d") ==
        "https://ai-gateway.example.com/azure/v1/chat/completions?api-version=preview");
  // A trailing slash is kept: the URL parser keeps the empty segment.
  CHECK(with_base("https://gw.example.com/azure/openai/").url_for("chat", "d") ==
        "https://gw.example.com/azure/openai//v1/chat/completions?api-version=preview");
  // A baseURL that already ends in /v1 gets a second one.
  CHECK(with_base("https://x.openai.azure.com/openai/v1").url_for("chat", "d") ==
        "https://x.openai.azure.com/openai/v1/v1/chat/completions?api-version=preview");
  // Host lower-cased and default port dropped, as new URL() serialises.
  CHECK(with_base("HTTPS://GW.Example.com:443/openai").url_for("chat", "d") ==
        "https://gw.example.com/openai/v1/chat/completions?api-version=preview");
  CHECK(with_base("http://gw.example.com:8080/openai").url_for("embeddings", "d") ==
        "http://gw.example.com:8080/openai/v1/embeddings?api-version=preview");
}

TEST_CASE("url_for: api-version as configured, form-encoded", "[client][url]") {
  CHECK(with_base("https://r.openai.azure.com/openai", "2024-10-21").url_for("chat", "d") ==
        "https://r.openai.azure.com/openai/v1/chat/completions?api-version=2024-10-21");
  CHECK(with_base("https://r.openai.azure.com/openai", "v1 beta").url_for("chat", "d") ==
        "https://r.openai.azure.com/openai/v1/chat/completions?api-version=v1+beta");
  // A query in the baseURL: searchParams.set replaces api-version and keeps the rest.
  CHECK(with_base("https://gw.example.com/openai?api-version=old&x=1").url_for("chat", "d") ==
        "https://gw.example.com/openai?api-version=preview&x=1%2Fv1%2Fchat%2Fcompletions");
}

TEST_CASE("url_for: deployment style", "[client][url]") {
  auto endpoint = with_base("https://r.openai.azure.com/openai", "2024-10-21");
  endpoint.use_deployment_urls = true;
  CHECK(endpoint.url_for("chat", "chat-prod") ==
        "https://r.openai.azure.com/openai/deployments/chat-prod/chat/completions?api-version=2024-10-21");
  CHECK(endpoint.url_for("embeddings", "emb") ==
        "https://r.openai.azure.com/openai/deployments/emb/embeddings?api-version=2024-10-21");
}

TEST_CASE("parse_url: what new URL() accepts and normalises", "[client][url]") {
  CHECK_FALSE(parse_url("my-resource.openai.azure.com/openai"));
  CHECK_FALSE(parse_url("ftp://x/y"));
  CHECK_FALSE(parse_url("https://"));
  // Special schemes skip any number of slashes before the host, as new URL() does.
  REQUIRE(parse_url("https:///path"));
  CHECK(parse_url("https:///path")->authority == "path");
  CHECK_FALSE(parse_url(""));
  auto parts = parse_url("https://user:pw@Host.Example:8443/a/./b/../c d#frag");
  REQUIRE(parts);
  CHECK(parts->authority == "host.example:8443");
  CHECK(parts->path == "/a/c%20d");
  CHECK_FALSE(parts->has_query);
  auto bare = parse_url("https://x.example");
  REQUIRE(bare);
  CHECK(bare->path == "/");
}

TEST_CASE("mock_base_url keeps the base path as written", "[client][url]") {
  CHECK(mock_base_url(with_base("https://r.openai.azure.com/openai"), "http://127.0.0.1:4000") ==
        "http://127.0.0.1:4000/openai");
  CHECK(mock_base_url(with_base("https://gw.example.com/azure/openai"), "http://127.0.0.1:4000/") ==
        "http://127.0.0.1:4000/azure/openai");
  CHECK(mock_base_url(with_base("https://gw.example.com/azure/openai/"), "http://127.0.0.1:4000") ==
        "http://127.0.0.1:4000/azure/openai/");
  CHECK(mock_base_url(with_base("https://gw.example.com"), "http://127.0.0.1:4000") == "http://127.0.0.1:4000");
}
