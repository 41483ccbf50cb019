#pragma once
// Which config keys, header names and header values carry secrets (DOMAIN.md §1, RULES.md
// SEC301/SEC303). One set of predicates used by the secret rules and by redaction, so they can
// never disagree.
#include <string_view>

namespace gwlint::data {

// apiKey, secretAccessKey, sessionToken, clientSecret, password, ... (case and separators ignored).
bool is_secret_field_name(std::string_view key);

// A header named like a credential, by either of the two tests below: Authorization, api-key,
// Ocp-Apim-Subscription-Key, x-api-key, cf-aig-authorization, names ending in -authorization,
// and names ending in -key/-token/-secret/-auth.
bool is_secret_header_name(std::string_view header);
// Named like a credential by its suffix alone (-key, -token, -secret, -auth: `X-Tenant-Key`,
// `X-Gateway-Auth`), not by the list of credential headers nor an unambiguous suffix
// (-authorization, -api-key, -subscription-key, -auth-token, -access-token). Such names also
// carry settings (`X-Tenant-Key: acme`), so only a value that looks like a credential counts.
bool is_generic_secret_header_name(std::string_view header);

// `Bearer xyz…`, `Basic xyz…`, `Token xyz…` (any case): an auth scheme and then a credential of at
// least 8 characters without spaces, written out (not a `${VAR}` reference).
bool is_credential_value(std::string_view value);

// Whether a header with this name and literal value sends a credential: a credential header name
// (for a generic name only when the value looks like a credential: 16 or more characters, or 8 or
// more mixing letters and digits), or any header whose value is_credential_value.
bool header_carries_secret(std::string_view name, std::string_view value);

}  // namespace gwlint::data
