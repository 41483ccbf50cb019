#include "config/merge.hpp"

#include <catch2/catch.hpp>

#include "config/loader.hpp"

using namespace gwlint;

namespace {

std::unique_ptr<Document> layer(const std::string& name, const std::string& text) {
  return load_document(name, text, {}, "");
}

}  // namespace

TEST_CASE("layers merge as Backstage merges them; nodes keep the layer they came from", "[merge]") {
  std::vector<std::unique_ptr<Document>> layers;
  layers.push_back(layer("base.yaml",
                         "aiGateway:\n  providers:\n    azure:\n      apiKey: ${K}\n      resourceName: acme\n"
                         "      headers:\n        - key: X-A\n          value: a\n  languageModel: azure|chat\n"));
  layers.push_back(layer("prod.yaml",
                         "aiGateway:\n  providers:\n    azure:\n      baseURL: https://gw.example/openai\n"
                         "      headers:\n        - key: X-B\n          value: b\n"));
  auto merged = merge_layers(std::move(layers));
  REQUIRE(merged->root);
  const Node* azure = merged->root->find("aiGateway")->find("providers")->find("azure");
  REQUIRE(azure);
  CHECK(azure->find("resourceName")->span.file->path() == "base.yaml");
  const Node* base_url = azure->find("baseURL");
  CHECK(base_url->span.file->path() == "prod.yaml");
  CHECK(path_of(base_url) == "aiGateway.providers.azure.baseURL");
  CHECK(base_url->parent == azure);  // parents are the merged view's
  const Node* headers = azure->find("headers");
  REQUIRE(headers->items.size() == 1);  // lists are replaced, not appended
  CHECK(headers->items[0]->find("key")->scalar == "X-B");
  CHECK(merged->root->find("aiGateway")->find("languageModel")->scalar == "azure|chat");
  CHECK(merged->files().size() == 2);
}
