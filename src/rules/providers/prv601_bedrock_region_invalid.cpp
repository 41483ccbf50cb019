// PRV601 bedrock-region-invalid: the amazon-bedrock `region` is not an AWS region id. The client
// builds `bedrock-runtime.{region}.amazonaws.com` and signs with it, so a wrong one fails every call.
#include <algorithm>
#include <cctype>
#include <optional>

#include "config/value_source.hpp"
#include "lint/rule.hpp"
#include "lint/text_utils.hpp"
#include "rules/data/aws_regions.hpp"
#include "rules/env/gateway_values.hpp"

namespace gwlint {
namespace {

const data::AwsRegion* by_squashed(std::string_view squashed) {
  for (const data::AwsRegion& region : data::aws_regions()) {
    if (lower_alnum(region.id) == squashed) return &region;
  }
  return nullptr;
}

// Azure (`eastus2`, `westeurope`) and Google (`us-central1`) write regions differently.
bool looks_like_azure_region(std::string_view lower) {
  if (lower.empty() ||
      !std::all_of(lower.begin(), lower.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); })) {
    return false;
  }
  for (std::string_view word : {"east", "west", "north", "south", "central"}) {
    if (lower.find(word) != std::string_view::npos) return true;
  }
  return false;
}

struct Verdict {
  std::string problem;                     // after "`region: value` of provider ... "
  const data::AwsRegion* match = nullptr;  // the region meant, when gwlint can tell
  bool maybe_new = false;                  // shaped like a region id: perhaps newer than the table
};

Verdict judge(std::string_view value) {
  std::string lower = ascii_lower(value);
  std::string squashed = lower_alnum(value);
  if (const data::AwsRegion* region = data::find_aws_region(lower)) {
    return {"is not an AWS region id: ids are lower case", region};
  }
  if (const data::AwsRegion* region = data::find_aws_region_by_location(value)) {
    return {"is the display name of a region, not its id", region};  // location shown already
  }
  if (!squashed.empty() && std::isalpha(static_cast<unsigned char>(squashed.back()))) {
    if (const data::AwsRegion* region = by_squashed(squashed.substr(0, squashed.size() - 1))) {
      if (std::isdigit(static_cast<unsigned char>(squashed[squashed.size() - 2]))) {
        return {"is an availability zone, not a region", region};
      }
    }
  }
  if (const data::AwsRegion* region = by_squashed(squashed)) return {"is not an AWS region id", region};
  if (looks_like_azure_region(lower)) return {"looks like an Azure region name, not an AWS region id"};
  const data::AwsRegion* nearest = nullptr;
  size_t best = 3;
  bool tie = false;
  for (const data::AwsRegion& region : data::aws_regions()) {
    size_t d = edit_distance(lower, region.id, EditMetric::Levenshtein, LetterCase::Sensitive);
    if (d < best) {
      best = d;
      nearest = &region;
      tie = false;
    } else if (d == best) {
      tie = true;
    }
  }
  if (nearest && !tie) return {"is not an AWS region id", nearest};
  bool shaped =
      std::count(lower.begin(), lower.end(), '-') >= 2 && std::isdigit(static_cast<unsigned char>(lower.back()));
  return {"is not an AWS region id gwlint knows", nullptr, shaped};
}

class BedrockRegionInvalid final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo info{"PRV601", "bedrock-region-invalid", Severity::Error, "",
                               "Bedrock `region` is not an AWS region id"};
    return info;
  }
  void check(const RuleInput& input, FindingSink& sink) const override {
    if (!input.gateway) return;
    const ProviderConfig* bedrock = input.gateway->provider("amazon-bedrock");
    if (!bedrock) return;
    const Node* region = bedrock->field("region");
    if (!region || !region->is_scalar() || value_source(region) != ValueSource::Literal) return;
    // `$AWS_REGION` and other broken references are ENV502's.
    if (!values::reported_malformed_refs(region->scalar, false).empty()) return;
    std::string_view value = region->scalar;
    if (data::find_aws_region(value)) return;
    if (value.find_first_not_of(" \t") == std::string_view::npos) {
      Finding& finding = sink.report(region,
                                     "`region` of provider `amazon-bedrock` is empty, so the client has no "
                                     "endpoint to call");
      finding.suggestion = "set the region id where your models are enabled, e.g. `us-east-1`";
      return;
    }
    Verdict verdict = judge(value);
    std::string message = "`region: " + std::string(value) + "` of provider `amazon-bedrock` " + verdict.problem;
    std::string suggestion;
    if (verdict.match) {
      std::string id(verdict.match->id);
      bool display_name = verdict.problem.find("display name") != std::string::npos;
      message +=
          "; did you mean `" + id + "`" + (display_name ? "" : " (" + std::string(verdict.match->location) + ")") + "?";
      suggestion = "use `region: " + id + "` if that is where your models are enabled (Bedrock console → Model access)";
    } else {
      message += ", so the endpoint `bedrock-runtime." + std::string(value) +
                 ".amazonaws.com` most likely does not exist and every call fails";
      suggestion =
          "use the AWS region id where your models are enabled, such as `us-east-1` or `eu-central-1` "
          "(Bedrock console → Model access, region in the top bar)";
      if (verdict.maybe_new) {
        suggestion += "; if AWS opened this region after gwlint's region table was written, suppress the finding";
      }
    }
    sink.report(region, message).suggestion = suggestion;
  }
};

}  // namespace
GWLINT_REGISTER_RULE(BedrockRegionInvalid);
}  // namespace gwlint
