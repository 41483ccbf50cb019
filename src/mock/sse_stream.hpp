#pragma once
// Server-sent events as they go over the wire: one `event:`/`id:`/`data:` block per recorded event,
// ended by a blank line, and the broken frame the `malformed` fault sends.
#include <string>

#include "recording/recording.hpp"

namespace gwlint::mock {

std::string format_sse_event(const recording::SseEvent& event);

// A frame whose JSON stops mid-object: what a proxy cutting a stream at a bad place produces.
std::string malformed_sse_frame();

}  // namespace gwlint::mock
