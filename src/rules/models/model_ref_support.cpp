#include "rules/models/model_ref_support.hpp"

#include <algorithm>
#include <cctype>

#include "config/value_source.hpp"
#include "lint/text_utils.hpp"
#include "lint/value_helpers.hpp"
#include "rules/data/model_ids.hpp"
#include "rules/data/provider_ids.hpp"

namespace gwlint::models {

namespace {

constexpr char kEnvMarker = '\x01';  // stands for one `${VAR}` in a skeleton

// The value with each `${VAR}` replaced by kEnvMarker, so the literal characters around
// references can be checked while the references stay opaque. Malformed attempts (`${VAR`,
// `$VAR`) are opaque too: they are ENV502's, and checking their text here would report one
// mistake twice.
std::string skeleton(std::string_view text) {
  std::string out;
  size_t at = 0;
  for (const EnvReference& ref : scan_env_references(text)) {
    out.append(text.substr(at, ref.begin - at));
    out += kEnvMarker;
    at = ref.end;
  }
  out.append(text.substr(at));
  return out;
}

bool is_space(char c) {
  return std::isspace(static_cast<unsigned char>(c)) != 0;
}

std::string without_spaces_around_bar(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (!is_space(text[i])) {
      out += text[i];
      continue;
    }
    size_t j = i;
    while (j < text.size() && is_space(text[j])) ++j;
    bool at_edge = out.empty() || j == text.size() || out.back() == '|' || text[j] == '|';
    if (!at_edge) out.append(text.substr(i, j - i));
    i = j - 1;
  }
  return out;
}

// The reference has no `|` at all.
RefSyntax missing_separator(std::string_view text) {
  RefSyntax result;
  size_t cut = text.find_first_of("/: \t");
  if (cut != std::string_view::npos && cut > 0 && cut + 1 < text.size()) {
    std::string_view head = text.substr(0, cut);
    std::string_view provider = data::is_provider_id(head) ? head : data::provider_for_alias(head);
    if (!provider.empty()) {
      std::string separator = is_space(text[cut]) ? "a space" : "`" + std::string(1, text[cut]) + "`";
      result.problem = "uses " + separator + " where the gateway expects `|` between provider and name";
      std::string_view rest = text.substr(cut + 1);
      while (!rest.empty() && is_space(rest.front())) rest.remove_prefix(1);
      result.suggestion = "write `" + std::string(provider) + "|" + std::string(rest) + "`";
      return result;
    }
  }
  if (data::is_provider_id(text) || !data::provider_for_alias(text).empty()) {
    result.problem = "names only a provider; a model reference is `provider|name`";
    result.suggestion = "add `|` and the model or deployment name, e.g. `azure|chat-prod`";
  } else if (data::looks_like_bedrock_model_id(text)) {
    result.problem = "has no `|`; it looks like an Amazon Bedrock model id, and a model reference is `provider|name`";
    result.suggestion = "write `amazon-bedrock|" + std::string(text) + "`";
  } else if (data::match_model_id(text)) {
    result.problem = "names only a model and no provider; a model reference is `provider|name`";
    result.suggestion = "prefix the provider: `openai|" + std::string(text) +
                        "`, or for Azure `azure|` and the name of the deployment that serves it";
  } else {
    result.problem = "has no `|`; a model reference is `provider|name`, split on the first `|`";
    result.suggestion =
        "write the provider id (azure, openai, amazon-bedrock, cohere, google or ollama), `|`, "
        "and the name, e.g. `azure|chat-prod`";
  }
  return result;
}

}  // namespace

RefSyntax check_ref_syntax(const ModelReference& ref) {
  RefSyntax result;
  if (!is_string_scalar(ref.node)) return result;
  std::string_view text = ref.node->scalar;
  std::string shape = skeleton(text);
  if (text.empty()) {
    result.problem = "is empty; a model reference is `provider|name`";
    result.suggestion = "set it to a reference such as `azure|chat-prod`, or remove the key";
    return result;
  }
  size_t bars = std::count(shape.begin(), shape.end(), '|');
  if (bars == 0) {
    if (shape.find(kEnvMarker) != std::string::npos) return result;  // the variable may hold the `|`
    return missing_separator(text);
  }
  size_t bar = shape.find('|');
  if (bars > 1) {
    result.problem = "has " + std::to_string(bars) +
                     " `|`; the gateway splits at the first one, so the name becomes `" +
                     std::string(text.substr(text.find('|') + 1)) + "`";
    result.suggestion = "keep exactly one `|` between the provider id and the name";
    return result;
  }
  if (shape.size() == 1) {
    result.problem = "has neither a provider nor a name around `|`";
    result.suggestion = "write the provider id, `|`, and the name, e.g. `azure|chat-prod`";
    return result;
  }
  if (bar == 0) {
    result.problem = "has no provider before `|`";
    result.suggestion = "write the provider id before `|`, e.g. `azure" + std::string(text) + "`";
    return result;
  }
  if (bar + 1 == shape.size()) {
    result.problem = "has no name after `|`";
    result.suggestion = "write the model or deployment name after `|`, e.g. `" + std::string(text) + "chat-prod`";
    return result;
  }
  if (std::any_of(shape.begin(), shape.end(), is_space)) {
    std::string tidy = without_spaces_around_bar(text);
    bool inner = std::any_of(tidy.begin(), tidy.end(), is_space);
    result.problem = "contains whitespace, which the gateway keeps as part of the provider or name";
    result.suggestion =
        inner ? "remove the whitespace; provider ids and deployment names contain no spaces" : "write `" + tidy + "`";
    return result;
  }
  return result;
}

std::optional<RefParts> well_formed_parts(const ModelReference& ref) {
  if (!ref.has_separator || !is_string_scalar(ref.node) || !check_ref_syntax(ref).problem.empty()) return std::nullopt;
  std::string_view text = ref.node->scalar;
  size_t bar = text.find('|');
  RefParts parts;
  parts.provider = text.substr(0, bar);
  parts.name = text.substr(bar + 1);
  auto literal = [](std::string_view part) { return skeleton(part).find(kEnvMarker) == std::string::npos; };
  parts.provider_known = literal(parts.provider);
  parts.name_known = literal(parts.name);
  return parts;
}

std::optional<std::string_view> azure_deployment_name(const ModelReference& ref) {
  auto parts = well_formed_parts(ref);
  if (!parts || !parts->provider_known || !parts->name_known || parts->provider != "azure") return std::nullopt;
  return parts->name;
}

namespace {

// Whether `deployment` serves `model`, which match_model_id read as `wanted`.
bool serves(const Deployment& deployment, std::string_view model, const std::optional<data::ModelIdMatch>& wanted,
            const std::vector<std::string>& extra_model_ids) {
  if (deployment.model.empty() || !data::same_model(model, deployment.model, extra_model_ids)) return false;
  // An inventory that records the version rules out a request for another version.
  return !(wanted && !wanted->version.empty() && !deployment.version.empty() &&
           !iequals(wanted->version, deployment.version));
}

// The bucket of ServingIndex a model text belongs to. same_model() holds only between texts equal
// ignoring case or matching the same listed id, so it never crosses buckets.
std::string model_key(std::string_view model, const std::optional<data::ModelIdMatch>& match) {
  return ascii_lower(match ? std::string_view(match->model) : model);
}

}  // namespace

bool role_can_use(const ModelReference& ref, std::string_view provider) {
  return !ref.is_reranking() || data::supports_reranking(provider);
}

std::vector<const Deployment*> deployments_serving(const GatewayModel& gateway, std::string_view model,
                                                   const std::vector<std::string>& extra_model_ids) {
  std::vector<const Deployment*> out;
  auto wanted = data::match_model_id(model, extra_model_ids);
  for (const Deployment& deployment : gateway.deployments) {
    if (serves(deployment, model, wanted, extra_model_ids)) out.push_back(&deployment);
  }
  return out;
}

ServingIndex::ServingIndex(const GatewayModel& gateway, const std::vector<std::string>& extra_model_ids)
    : extra_model_ids_(extra_model_ids) {
  for (const Deployment& deployment : gateway.deployments) {
    if (deployment.model.empty()) continue;
    auto match = data::match_model_id(deployment.model, extra_model_ids);
    by_model_[model_key(deployment.model, match)].push_back(&deployment);
  }
}

const std::vector<const Deployment*>& ServingIndex::serving(std::string_view model) {
  // Every test behind serves() ignores case, so one answer holds for all spellings.
  auto [answer, added] = answers_.try_emplace(ascii_lower(model));
  if (!added) return answer->second;
  auto wanted = data::match_model_id(model, extra_model_ids_);
  auto bucket = by_model_.find(model_key(model, wanted));
  if (bucket == by_model_.end()) return answer->second;
  for (const Deployment* deployment : bucket->second) {
    if (serves(*deployment, model, wanted, extra_model_ids_)) answer->second.push_back(deployment);
  }
  return answer->second;
}

namespace {

// quoted_list() over the first names of a list of `total`, got by `name_at(i)`.
template <typename NameAt>
std::string quoted_first(size_t total, NameAt name_at, size_t limit, std::string_view conjunction) {
  std::string out;
  size_t shown = std::min(total, limit);
  std::string last = " " + std::string(conjunction) + " ";
  for (size_t i = 0; i < shown; ++i) {
    if (i > 0) out += (i + 1 == shown && shown == total) ? last : ", ";
    out += "`" + std::string(name_at(i)) + "`";
  }
  if (shown < total) out += " and " + std::to_string(total - shown) + " more";
  return out;
}

}  // namespace

std::string quoted_list(const std::vector<std::string>& names, size_t limit, std::string_view conjunction) {
  return quoted_first(
      names.size(), [&](size_t i) -> std::string_view { return names[i]; }, limit, conjunction);
}

std::string quoted_names(const std::vector<Deployment>& deployments, size_t limit, std::string_view conjunction) {
  return quoted_first(
      deployments.size(), [&](size_t i) -> std::string_view { return deployments[i].name; }, limit, conjunction);
}

std::string quoted_names(const std::vector<const Deployment*>& deployments, size_t limit,
                         std::string_view conjunction) {
  return quoted_first(
      deployments.size(), [&](size_t i) -> std::string_view { return deployments[i]->name; }, limit, conjunction);
}

}  // namespace gwlint::models
