#pragma once
// Which config keys and header names carry secrets (DOMAIN.md §1, RULES.md SEC301/SEC303).
// One predicate used by the secret rules and by redaction, so they can never disagree.
#include <string_view>

namespace gwlint::data {

// apiKey, secretAccessKey, sessionToken, clientSecret, password, ... (case and separators ignored).
bool is_secret_field_name(std::string_view key);
// Authorization, api-key, Ocp-Apim-Subscription-Key, x-api-key, and names ending in -key/-token/-secret.
bool is_secret_header_name(std::string_view header);

}  // namespace gwlint::data
