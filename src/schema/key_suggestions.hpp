#pragma once
// "Did you mean": which known keys a misspelt one was probably meant to be.
#include <string>
#include <string_view>
#include <vector>

namespace gwlint::schema {

// The known keys closest to `written`, by the first test that finds any: the same ignoring case;
// the same ignoring case and `-`/`_`/`.`/spaces; a small typo (Damerau-Levenshtein distance 1 for keys of 4-5
// characters, 2 from 6); the first word of `written` (`azure_legacy` -> `azure`); `written` as a word of a known key
// (`bedrock`
// -> `amazon-bedrock`). Empty when nothing is close.
std::vector<std::string> similar_keys(std::string_view written, const std::vector<std::string>& known);

// Edit distance counting insertions, deletions, substitutions and adjacent transpositions, case
// sensitive: edit_distance (lint/text_utils.hpp) with EditMetric::OptimalStringAlignment.
size_t damerau_levenshtein(std::string_view a, std::string_view b);

}  // namespace gwlint::schema
