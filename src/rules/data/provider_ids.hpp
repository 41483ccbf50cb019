#pragma once
// The AI Gateway's provider ids and the names people write instead (DOMAIN.md §1, RULES.md
// GW102/GW106). Data only; the did-you-mean logic lives with the model-reference rules.
#include <string_view>
#include <vector>

namespace gwlint::data {

// azure, openai, amazon-bedrock, cohere, google, ollama: exact, lower case.
const std::vector<std::string_view>& provider_ids();
bool is_provider_id(std::string_view id);

// Only these providers have a reranking endpoint the gateway can call.
const std::vector<std::string_view>& reranking_provider_ids();
bool supports_reranking(std::string_view id);

// The provider id an alias stands for (`azure-openai`, `Azure_OpenAI`, `bedrock`, `aws`, `gemini`,
// `vertex`...), compared ignoring case and `-`/`_`/`.`/spaces; empty when it is no known alias.
std::string_view provider_for_alias(std::string_view text);

// Whether `text` looks like an Amazon Bedrock model id (`anthropic.claude-3-5-sonnet-...:0`,
// `us.meta.llama3-...`): a model vendor prefix, optionally after a cross-region prefix.
bool looks_like_bedrock_model_id(std::string_view text);

}  // namespace gwlint::data
