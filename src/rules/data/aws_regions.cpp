#include "rules/data/aws_regions.hpp"

#include <string>

#include "lint/text_utils.hpp"

namespace gwlint::data {

// Source: AWS General Reference, "Regions and Zones" (regions opened up to 2025 included).
const std::vector<AwsRegion>& aws_regions() {
  static const std::vector<AwsRegion> regions = {
      {"us-east-1", "US East (N. Virginia)", "N. Virginia"},
      {"us-east-2", "US East (Ohio)", "Ohio"},
      {"us-west-1", "US West (N. California)", "N. California"},
      {"us-west-2", "US West (Oregon)", "Oregon"},
      {"af-south-1", "Africa (Cape Town)", "Cape Town"},
      {"ap-east-1", "Asia Pacific (Hong Kong)", "Hong Kong"},
      {"ap-east-2", "Asia Pacific (Taipei)", "Taipei"},
      {"ap-south-1", "Asia Pacific (Mumbai)", "Mumbai"},
      {"ap-south-2", "Asia Pacific (Hyderabad)", "Hyderabad"},
      {"ap-southeast-1", "Asia Pacific (Singapore)", "Singapore"},
      {"ap-southeast-2", "Asia Pacific (Sydney)", "Sydney"},
      {"ap-southeast-3", "Asia Pacific (Jakarta)", "Jakarta"},
      {"ap-southeast-4", "Asia Pacific (Melbourne)", "Melbourne"},
      {"ap-southeast-5", "Asia Pacific (Malaysia)", "Malaysia"},
      {"ap-southeast-6", "Asia Pacific (New Zealand)", "New Zealand"},
      {"ap-southeast-7", "Asia Pacific (Thailand)", "Thailand"},
      {"ap-northeast-1", "Asia Pacific (Tokyo)", "Tokyo"},
      {"ap-northeast-2", "Asia Pacific (Seoul)", "Seoul"},
      {"ap-northeast-3", "Asia Pacific (Osaka)", "Osaka"},
      {"ca-central-1", "Canada (Central)", ""},
      {"ca-west-1", "Canada West (Calgary)", "Calgary"},
      {"eu-central-1", "Europe (Frankfurt)", "Frankfurt"},
      {"eu-central-2", "Europe (Zurich)", "Zurich"},
      {"eu-west-1", "Europe (Ireland)", "Ireland"},
      {"eu-west-2", "Europe (London)", "London"},
      {"eu-west-3", "Europe (Paris)", "Paris"},
      {"eu-south-1", "Europe (Milan)", "Milan"},
      {"eu-south-2", "Europe (Spain)", "Spain"},
      {"eu-north-1", "Europe (Stockholm)", "Stockholm"},
      {"il-central-1", "Israel (Tel Aviv)", "Tel Aviv"},
      {"me-south-1", "Middle East (Bahrain)", "Bahrain"},
      {"me-central-1", "Middle East (UAE)", "UAE"},
      {"mx-central-1", "Mexico (Central)", ""},
      {"sa-east-1", "South America (Sao Paulo)", "Sao Paulo"},
      {"us-gov-east-1", "AWS GovCloud (US-East)", ""},
      {"us-gov-west-1", "AWS GovCloud (US-West)", ""},
      {"cn-north-1", "China (Beijing)", "Beijing"},
      {"cn-northwest-1", "China (Ningxia)", "Ningxia"},
      {"eusc-de-east-1", "AWS European Sovereign Cloud (Brandenburg)", "Brandenburg"},
      {"us-iso-east-1", "US ISO East", ""},
      {"us-iso-west-1", "US ISO West", ""},
      {"us-isob-east-1", "US ISOB East (Ohio)", ""},
  };
  return regions;
}

const AwsRegion* find_aws_region(std::string_view id) {
  for (const AwsRegion& region : aws_regions()) {
    if (region.id == id) return &region;
  }
  return nullptr;
}

const AwsRegion* find_aws_region_by_location(std::string_view text) {
  std::string wanted = lower_alnum(text);
  if (wanted.empty()) return nullptr;
  for (const AwsRegion& region : aws_regions()) {
    if (lower_alnum(region.location) == wanted || (!region.place.empty() && lower_alnum(region.place) == wanted)) {
      return &region;
    }
  }
  return nullptr;
}

}  // namespace gwlint::data
