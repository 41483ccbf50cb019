#pragma once
// Model ids Azure OpenAI serves (DOMAIN.md §4), for telling a model name from a deployment name
// (AZ201). Extendable per project with `models:` in .gwlint.yaml (LintContext::extra_model_ids).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gwlint::data {

const std::vector<std::string_view>& known_model_ids();

struct ModelIdMatch {
  std::string model;    // the id as listed ("gpt-4o"), or the project's extra id as written
  std::string version;  // the version suffix without its '-' ("2024-08-06", "0613"), or empty
};

// Whether `name` is a model id, compared ignoring case, optionally followed by a model version:
// `-YYYY-MM-DD` or `-NNNN` (`gpt-4o-2024-08-06`, `gpt-35-turbo-0613`), each optionally
// `-preview` (`gpt-4-1106-preview`). The longest listed id wins.
std::optional<ModelIdMatch> match_model_id(std::string_view name, const std::vector<std::string>& extra_ids = {});

// Whether two model ids name the same model, ignoring case; a versioned id matches its base id
// (`gpt-4o-2024-08-06` and `gpt-4o`) unless both carry different versions.
bool same_model(std::string_view a, std::string_view b, const std::vector<std::string>& extra_ids = {});

}  // namespace gwlint::data
