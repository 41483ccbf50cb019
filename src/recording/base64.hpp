#pragma once
// Standard base64 (RFC 4648 §4, with padding): `base64:` bodies in recordings and HAR/VCR
// bodies stored encoded.
#include <optional>
#include <string>
#include <string_view>

namespace gwlint::recording {

std::string base64_encode(std::string_view bytes);

// The decoded bytes, or nullopt for anything that is not canonical base64. ASCII whitespace is
// skipped (YAML block scalars and VCR's `!!binary` wrap long lines); padding is required.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace gwlint::recording
