#pragma once
// Secrets found by looking at text alone, for what the tree cannot tell: lines of a file that
// did not parse (a GW001 code frame), credentials inside URLs, and whether a name written where
// a variable name belongs is one or a pasted key.
#include <string_view>
#include <utility>
#include <vector>

namespace gwlint {

// Byte ranges [begin, end) of `line` that hold secrets: the value of a `key: value` line whose
// key is named like a credential (apiKey, secret, token, password, auth, ... also misspelt),
// `Bearer|Basic|Token <credential>`, the password of `user:password@host`, and secret query values.
std::vector<std::pair<size_t, size_t>> secret_ranges_in_line(std::string_view line);

using ByteRanges = std::vector<std::pair<size_t, size_t>>;

// Sorted, with overlapping or touching ranges joined into one.
ByteRanges merge_ranges(ByteRanges ranges);

// Ranges of `text` (a URL, with or without a scheme) holding credentials: the password of
// `user:password@`, and values of query parameters named like credentials.
std::vector<std::pair<size_t, size_t>> url_secret_ranges(std::string_view text);

// A key named like a credential, tolerating typos and plurals (`apiKye`, `apikeys`, `sessionTokn`,
// `pwd`, `credentials`); wider than data::is_secret_field_name because over-masking is harmless.
bool is_secretish_key(std::string_view key);

// `AZURE_OPENAI_API_KEY`, `OpenAiKey`: a plausible environment variable name, as opposed to a key
// pasted where the name belongs (`sk_live_4f2a9c1d…`, `QZX36fff…`).
bool looks_like_env_name(std::string_view name);

}  // namespace gwlint
