#pragma once
// Small string functions shared by the rules, the fact tables and the schema layer, so each
// behaviour (case folding, typo distance, escaping a value for a message) is written once and
// every "did you mean" and message agrees. ASCII only: config keys, ids and names are ASCII, and
// gwlint never calls setlocale, so <cctype> works in the "C" locale.
#include <cstddef>
#include <string>
#include <string_view>

namespace gwlint {

std::string ascii_lower(std::string_view text);

// Equal, or `text` starts with `prefix`, with ASCII letters compared ignoring case.
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view text, std::string_view prefix);

bool ends_with(std::string_view text, std::string_view suffix);

// Lower case with the characters in `dropped` removed, to compare names whatever their
// separators: squash("API_Key", "-_.") == "apikey".
std::string squash(std::string_view text, std::string_view dropped);
// Only the letters and digits, lower case: "US East (N. Virginia)" -> "useastnvirginia".
std::string lower_alnum(std::string_view text);

// Which edits the distance counts. Levenshtein: insertions, deletions and substitutions.
// OptimalStringAlignment (restricted Damerau-Levenshtein) also counts a swap of two neighbours
// as one edit, the most common typo in hand-written names (`resourceNmae`).
enum class EditMetric { Levenshtein, OptimalStringAlignment };
enum class LetterCase { Sensitive, Insensitive };

size_t edit_distance(std::string_view a, std::string_view b, EditMetric metric, LetterCase letters);

// `text` for a message: line breaks and tabs written as `\n`, `\r`, `\t` and other control
// bytes as `\xNN`, so a finding stays on one line and cannot carry terminal escapes.
std::string printable_value(std::string_view text);

// `text` as inline code in a message: printable_value in backticks.
std::string as_code(std::string_view text);

}  // namespace gwlint
