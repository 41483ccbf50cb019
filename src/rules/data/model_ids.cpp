#include "rules/data/model_ids.hpp"

#include <cctype>

#include "lint/text_utils.hpp"

namespace gwlint::data {

namespace {

bool digits(std::string_view text, size_t count) {
  if (text.size() != count) return false;
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// `2024-08-06`, `0613`, either optionally followed by `-preview`.
bool is_version(std::string_view text) {
  constexpr std::string_view kPreview = "-preview";
  if (text.size() > kPreview.size() && iequals(text.substr(text.size() - kPreview.size()), kPreview)) {
    text.remove_suffix(kPreview.size());
  }
  if (digits(text, 4)) return true;
  return text.size() == 10 && digits(text.substr(0, 4), 4) && text[4] == '-' && digits(text.substr(5, 2), 2) &&
         text[7] == '-' && digits(text.substr(8, 2), 2);
}

// `name` is `id` or `id-VERSION`; fills the version.
bool matches(std::string_view name, std::string_view id, std::string& version) {
  if (name.size() < id.size() || !iequals(name.substr(0, id.size()), id)) return false;
  if (name.size() == id.size()) {
    version.clear();
    return true;
  }
  if (name[id.size()] != '-' || !is_version(name.substr(id.size() + 1))) return false;
  version = std::string(name.substr(id.size() + 1));
  return true;
}

}  // namespace

const std::vector<std::string_view>& known_model_ids() {
  static const std::vector<std::string_view> ids = {
      // DOMAIN.md §4
      "gpt-35-turbo", "gpt-35-turbo-16k", "gpt-4", "gpt-4-32k", "gpt-4-turbo", "gpt-4o", "gpt-4o-mini", "gpt-4.1",
      "gpt-4.1-mini", "gpt-4.1-nano", "gpt-4.5-preview", "gpt-5", "gpt-5-mini", "gpt-5-nano", "gpt-5-chat", "gpt-5.1",
      "gpt-5.2", "gpt-5.4", "o1", "o1-mini", "o3", "o3-mini", "o4-mini", "text-embedding-ada-002",
      "text-embedding-3-small", "text-embedding-3-large", "dall-e-3", "whisper", "tts", "model-router",
      // OpenAI's spelling of the same models, pasted from api.openai.com configs.
      "gpt-3.5-turbo", "gpt-3.5-turbo-16k", "o1-preview"};
  return ids;
}

std::optional<ModelIdMatch> match_model_id(std::string_view name, const std::vector<std::string>& extra_ids) {
  std::optional<ModelIdMatch> best;
  size_t best_length = 0;
  std::string version;
  auto consider = [&](std::string_view id) {
    if (id.empty() || id.size() < best_length || !matches(name, id, version)) return;
    best = ModelIdMatch{std::string(id), version};
    best_length = id.size();
  };
  for (std::string_view id : known_model_ids()) consider(id);
  for (const std::string& id : extra_ids) consider(id);
  return best;
}

bool same_model(std::string_view a, std::string_view b, const std::vector<std::string>& extra_ids) {
  if (iequals(a, b)) return true;
  auto left = match_model_id(a, extra_ids);
  auto right = match_model_id(b, extra_ids);
  if (!left || !right || !iequals(left->model, right->model)) return false;
  return left->version.empty() || right->version.empty() || iequals(left->version, right->version);
}

}  // namespace gwlint::data
