#pragma once
// Typed reads from a positioned mapping with a problem (file:line:col) for each wrong type, so
// a scenario file gets the same quality of message as a config.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/node.hpp"
#include "recording/node_location.hpp"
#include "recording/recording_io.hpp"

namespace gwlint::scenario {

using recording::location_of;  // "file:line:col"

class FieldReader {
 public:
  FieldReader(const Node* mapping, std::string context, std::vector<recording::Problem>& problems);

  const Node* node(std::string_view key) const;
  std::optional<std::string> string(std::string_view key, bool required = false);
  std::optional<int> integer(std::string_view key, int min, int max);
  std::optional<double> number(std::string_view key, double min, double max);
  std::optional<bool> boolean(std::string_view key);
  std::vector<std::string> string_list(std::string_view key);  // a list, or one string
  // Reports every key not in `known` (with the closest known key as a suggestion).
  void reject_unknown(const std::vector<std::string_view>& known);
  void problem(const Node* at, const std::string& message);

 private:
  const Node* mapping_;
  std::string context_;  // "calls[1]" for messages
  std::vector<recording::Problem>& problems_;
};

}  // namespace gwlint::scenario
