#include "rules/data/provider_ids.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <string>

#include "lint/text_utils.hpp"

namespace gwlint::data {

namespace {

struct Alias {
  std::string_view squashed;  // lower case, without separators
  std::string_view provider;
};

// Names borrowed from other tools (LiteLLM, promptfoo, SDK package names) and cloud vendors'
// product names. Squashed, so `azure-openai`, `azure_openai` and `AzureOpenAI` are one entry.
constexpr std::array<Alias, 27> kAliases = {{
    {"azureopenai", "azure"},
    {"azureai", "azure"},
    {"aoai", "azure"},
    {"azureaifoundry", "azure"},
    {"azurefoundry", "azure"},
    {"microsoft", "azure"},
    {"bedrock", "amazon-bedrock"},
    {"aws", "amazon-bedrock"},
    {"awsbedrock", "amazon-bedrock"},
    {"amazon", "amazon-bedrock"},
    {"bedrockruntime", "amazon-bedrock"},
    {"amazonbedrock", "amazon-bedrock"},
    {"gemini", "google"},
    {"googlegemini", "google"},
    {"vertex", "google"},
    {"vertexai", "google"},
    {"googlevertex", "google"},
    {"googlevertexai", "google"},
    {"googleai", "google"},
    {"googlegenai", "google"},
    {"googlegenerativeai", "google"},
    {"openai", "openai"},
    {"openaiapi", "openai"},
    {"cohereai", "cohere"},
    {"cohere", "cohere"},
    {"ollamalocal", "ollama"},
    {"ollama", "ollama"},
}};

// Separators dropped before matching an alias (see kAliases).
constexpr std::string_view kSeparators = "-_. ";

}  // namespace

const std::vector<std::string_view>& provider_ids() {
  static const std::vector<std::string_view> ids = {"azure", "openai", "amazon-bedrock", "cohere", "google", "ollama"};
  return ids;
}

bool is_provider_id(std::string_view id) {
  const auto& ids = provider_ids();
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

const std::vector<std::string_view>& reranking_provider_ids() {
  static const std::vector<std::string_view> ids = {"cohere", "amazon-bedrock"};
  return ids;
}

bool supports_reranking(std::string_view id) {
  const auto& ids = reranking_provider_ids();
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::string_view provider_for_alias(std::string_view text) {
  std::string squashed = squash(text, kSeparators);
  for (const Alias& alias : kAliases) {
    if (alias.squashed == squashed) return alias.provider;
  }
  // Case or separator variants of a real id (`Azure`, `Amazon_Bedrock`).
  for (std::string_view id : provider_ids()) {
    if (squash(id, kSeparators) == squashed) return id;
  }
  return {};
}

bool looks_like_bedrock_model_id(std::string_view text) {
  // Cross-region inference profiles prefix the id with a geography.
  for (std::string_view region : {"us.", "eu.", "apac.", "jp.", "au.", "us-gov.", "global."}) {
    if (text.substr(0, region.size()) == region) {
      text.remove_prefix(region.size());
      break;
    }
  }
  for (std::string_view vendor : {"anthropic.", "amazon.", "cohere.", "meta.", "mistral.", "ai21.", "stability.",
                                  "deepseek.", "qwen.", "writer.", "openai."}) {
    if (text.size() > vendor.size() && text.substr(0, vendor.size()) == vendor) return true;
  }
  return false;
}

}  // namespace gwlint::data
