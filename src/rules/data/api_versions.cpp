#include "rules/data/api_versions.hpp"

#include <algorithm>

#include "lint/lint_context.hpp"

namespace gwlint::data {

const std::vector<ApiVersion>& azure_api_versions() {
  // Sources: Microsoft Learn "Azure OpenAI API version lifecycle" (formerly "API preview lifecycle",
  // learn.microsoft.com/azure/ai-services/openai/api-version-deprecation, revisions from 2024 to
  // May 2025) and the inference specs in Azure/azure-rest-api-specs
  // (specification/cognitiveservices/data-plane/AzureOpenAI/inference/{stable,preview}/).
  // Retirement: the page announced that 2023-03-15, 2023-07-01, 2023-08-01, 2023-09-01 and
  // 2023-12-01 previews "will be retired and will stop accepting API requests" on July 1, 2024
  // (first announced for April 2, 2024, then moved). 2023-06-01-preview and 2023-10-01-preview were
  // explicitly kept. No other version has a documented date, so none is set: an invented date
  // would turn a working config into an error.
  using C = ApiVersionChannel;
  static const std::vector<ApiVersion> versions = {
      {"2022-03-01-preview", C::Preview, "2022-03-01", ""},
      {"2022-06-01-preview", C::Preview, "2022-06-01", ""},
      {"2022-12-01", C::GA, "2022-12-01", ""},
      {"2023-03-15-preview", C::Preview, "2023-03-15", "2024-07-01"},
      {"2023-05-15", C::GA, "2023-05-15", ""},
      {"2023-06-01-preview", C::Preview, "2023-06-01", ""},
      {"2023-07-01-preview", C::Preview, "2023-07-01", "2024-07-01"},
      {"2023-08-01-preview", C::Preview, "2023-08-01", "2024-07-01"},
      {"2023-09-01-preview", C::Preview, "2023-09-01", "2024-07-01"},
      {"2023-10-01-preview", C::Preview, "2023-10-01", ""},
      {"2023-12-01-preview", C::Preview, "2023-12-01", "2024-07-01"},
      {"2024-02-01", C::GA, "2024-02-01", ""},
      {"2024-02-15-preview", C::Preview, "2024-02-15", ""},
      {"2024-03-01-preview", C::Preview, "2024-03-01", ""},
      {"2024-04-01-preview", C::Preview, "2024-04-01", ""},
      {"2024-05-01-preview", C::Preview, "2024-05-01", ""},
      {"2024-06-01", C::GA, "2024-06-01", ""},
      {"2024-07-01-preview", C::Preview, "2024-07-01", ""},
      {"2024-08-01-preview", C::Preview, "2024-08-01", ""},
      {"2024-09-01-preview", C::Preview, "2024-09-01", ""},
      {"2024-10-01-preview", C::Preview, "2024-10-01", ""},
      {"2024-10-21", C::GA, "2024-10-21", ""},
      {"2024-12-01-preview", C::Preview, "2024-12-01", ""},
      {"2025-01-01-preview", C::Preview, "2025-01-01", ""},
      {"2025-02-01-preview", C::Preview, "2025-02-01", ""},
      {"2025-03-01-preview", C::Preview, "2025-03-01", ""},
      {"2025-04-01-preview", C::Preview, "2025-04-01", ""},  // the last dated preview; v1 API follows
  };
  return versions;
}

const ApiVersion* find_azure_api_version(std::string_view version) {
  const auto& versions = azure_api_versions();
  auto it = std::find_if(versions.begin(), versions.end(), [&](const ApiVersion& v) { return v.version == version; });
  return it == versions.end() ? nullptr : &*it;
}

std::string_view latest_ga_api_version() {
  std::string_view latest;
  for (const ApiVersion& v : azure_api_versions()) {
    if (v.channel == ApiVersionChannel::GA) latest = v.version;
  }
  return latest;
}

const std::vector<std::string_view>& azure_api_version_aliases() {
  // `preview` is the Portal's default; `latest` and `v1` name the GA v1 API (DOMAIN.md §3).
  static const std::vector<std::string_view> aliases = {"preview", "latest", "v1"};
  return aliases;
}

bool is_azure_api_version_alias(std::string_view text) {
  const auto& aliases = azure_api_version_aliases();
  return std::find(aliases.begin(), aliases.end(), text) != aliases.end();
}

const ModelVersion* find_model_version(std::string_view text) {
  // Versions shown next to Azure OpenAI model names in the portal and in `az cognitiveservices
  // account deployment list` (DOMAIN.md §3: "Users confuse a model version with an api-version").
  static const std::vector<ModelVersion> versions = {
      {"0301", "gpt-35-turbo"},
      {"0314", "gpt-4 and gpt-4-32k"},
      {"0613", "gpt-35-turbo, gpt-35-turbo-16k, gpt-4 and gpt-4-32k"},
      {"0914", "gpt-35-turbo-instruct"},
      {"1106", "gpt-35-turbo and gpt-4 (1106-Preview)"},
      {"0125", "gpt-35-turbo and gpt-4 (0125-Preview)"},
      {"2024-04-09", "gpt-4 (turbo)"},
      {"2024-05-13", "gpt-4o"},
      {"2024-07-18", "gpt-4o-mini"},
      {"2024-08-06", "gpt-4o"},
      {"2024-09-12", "o1-preview and o1-mini"},
      {"2024-11-20", "gpt-4o"},
      {"2024-12-17", "o1 and gpt-4o-realtime-preview"},
      {"2025-01-31", "o3-mini"},
      {"2025-02-27", "gpt-4.5-preview"},
      {"2025-04-14", "gpt-4.1, gpt-4.1-mini and gpt-4.1-nano"},
      {"2025-04-16", "o3 and o4-mini"},
      {"2025-08-07", "gpt-5, gpt-5-mini and gpt-5-nano"},
  };
  auto it = std::find_if(versions.begin(), versions.end(), [&](const ModelVersion& v) { return v.version == text; });
  return it == versions.end() ? nullptr : &*it;
}

namespace {

bool is_date_shaped(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

}  // namespace

ParsedApiVersion parse_api_version(std::string_view text) {
  ParsedApiVersion parsed;
  if (is_azure_api_version_alias(text)) {
    parsed.shape = ApiVersionShape::Alias;
    return parsed;
  }
  constexpr std::string_view kPreview = "-preview";
  bool preview = text.size() == 10 + kPreview.size() && text.substr(10) == kPreview;
  std::string_view date = preview ? text.substr(0, 10) : text;
  if (!is_date_shaped(date)) return parsed;
  parsed.date = std::string(date);
  CivilDate civil;
  if (!parse_civil_date(parsed.date, civil)) {
    parsed.shape = ApiVersionShape::ImpossibleDate;
  } else {
    parsed.shape = preview ? ApiVersionShape::DatedPreview : ApiVersionShape::Dated;
  }
  return parsed;
}

bool is_dated_shape(ApiVersionShape shape) {
  return shape == ApiVersionShape::Dated || shape == ApiVersionShape::DatedPreview ||
         shape == ApiVersionShape::ImpossibleDate;
}

}  // namespace gwlint::data
