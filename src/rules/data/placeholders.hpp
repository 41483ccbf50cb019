#pragma once
// Values copied from documentation and never replaced (RULES.md SEC302, DOMAIN.md §1): the Portal
// docs' Azure example (`abc123...`, `my-openai-resource`, `custom-value`), the usual
// `your-...`/`<...>`/`xxx` stand-ins, and AWS's documented example key pair. A table plus a few
// shapes, never a guess: a real name that merely contains `example` or `test` is not one.
#include <optional>
#include <string_view>

namespace gwlint::data {

// True when the whole of `text` is a placeholder: an exact table entry (case-insensitive,
// a trailing `/` ignored) or one of the shapes `your-*`, `<words>`, `{words}` (letters, spaces,
// `-`, `_`, `.` inside: `<your-key>`, `{api-key}`, never a bracketed hex key), `...` at the end,
// only `x`/`*` characters.
bool is_placeholder(std::string_view text);

// The part of `value` that is a placeholder, or nullopt: the whole value, the credential after
// an auth scheme (`Bearer <token>`), or the first host label of a URL
// (`https://your-resource-name.openai.azure.com/openai`). The view points into `value`.
std::optional<std::string_view> find_placeholder(std::string_view value);

}  // namespace gwlint::data
