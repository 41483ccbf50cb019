#pragma once
// Azure OpenAI api-version facts (DOMAIN.md §3): every dated version Microsoft published, with its
// retirement date where Microsoft announced one, the version-less values of the v1 API, and the
// model versions people paste as an api-version by mistake. AZ206, AZ207, AZ212 and AZ213 read it.
#include <string>
#include <string_view>
#include <vector>

namespace gwlint::data {

enum class ApiVersionChannel { GA, Preview };

struct ApiVersion {
  std::string_view version;  // as sent in `?api-version=`: "2024-10-21", "2024-02-15-preview"
  ApiVersionChannel channel;
  std::string_view released;  // YYYY-MM-DD; Microsoft names each version after its release date
  std::string_view retired;   // YYYY-MM-DD when Microsoft announced one; empty when none is documented
};

// All known dated versions, oldest first.
const std::vector<ApiVersion>& azure_api_versions();
// The entry for `version` (exact, case-sensitive: Azure matches it that way), or nullptr.
const ApiVersion* find_azure_api_version(std::string_view version);
// The newest GA version, the one to suggest behind a deployment-style gateway.
std::string_view latest_ga_api_version();

// `preview`, `latest`, `v1`: the values the v1 API (`/openai/v1/...`) accepts.
const std::vector<std::string_view>& azure_api_version_aliases();
bool is_azure_api_version_alias(std::string_view text);

// A model version that people mistake for an api-version: gpt-4o's `2024-08-06`, gpt-35-turbo's `0613`.
struct ModelVersion {
  std::string_view version;
  std::string_view models;  // which models carry it, for the message
};
const ModelVersion* find_model_version(std::string_view text);

// The shape of an api-version value, before any lookup in the table.
enum class ApiVersionShape {
  Alias,           // preview, latest, v1
  Dated,           // YYYY-MM-DD, a real date
  DatedPreview,    // YYYY-MM-DD-preview, a real date
  ImpossibleDate,  // date-shaped (with or without -preview) but the day does not exist
  Malformed,       // anything else
};

struct ParsedApiVersion {
  ApiVersionShape shape = ApiVersionShape::Malformed;
  std::string date;  // the YYYY-MM-DD part for the three dated shapes
};

ParsedApiVersion parse_api_version(std::string_view text);

// True for the dated shapes (Dated, DatedPreview, ImpossibleDate): values the v1 API rejects.
bool is_dated_shape(ApiVersionShape shape);

}  // namespace gwlint::data
