#pragma once
// AWS region ids, for the Amazon Bedrock `region` (DOMAIN.md §6, RULES.md PRV601). The location
// names let gwlint map a display name (`US East (N. Virginia)`) to its id.
#include <string_view>
#include <vector>

namespace gwlint::data {

struct AwsRegion {
  std::string_view id;        // "us-east-1"
  std::string_view location;  // the console's display name, "US East (N. Virginia)"
  std::string_view place;     // "N. Virginia"; empty where it would be ambiguous or is no place
};

// Every region gwlint knows, commercial, GovCloud, China and sovereign partitions.
const std::vector<AwsRegion>& aws_regions();

// The region with exactly this id (ids are lower case), or nullptr.
const AwsRegion* find_aws_region(std::string_view id);

// The region whose display name or place is `text` (case, spaces and punctuation ignored):
// `US East (N. Virginia)`, `N. Virginia`, `frankfurt`. nullptr otherwise.
const AwsRegion* find_aws_region_by_location(std::string_view text);

}  // namespace gwlint::data
