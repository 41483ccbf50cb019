#pragma once
// The report templates (src/audit/templates/*), compiled into the binary by cmake/embed_files.cmake
// so `gwlint audit` needs nothing from disk and a CI artifact renders the same everywhere.
#include <string_view>
#include <vector>

#include "resources/embedded.hpp"

namespace gwlint {

// Defined in the generated embedded_audit_templates.cpp.
const std::vector<EmbeddedFile>& embedded_audit_templates();

}  // namespace gwlint
