#pragma once
// Plain-language wording for the schemas' named definitions, and the required properties whose
// absence a rule reports instead of the schema. Data only; the explainer picks from it.
#include <string_view>

namespace gwlint::schema {

struct DefinitionWording {
  std::string_view name;      // definition name ("configString"), or "provider" for providers/*.json
  std::string_view expected;  // completes "`x` must be ...": "a string (or { $env } / { $file })"
  std::string_view hint;      // the fix in words, for the finding's suggestion
  // For single-key reference objects ({ $env: VAR }): the key and what its value names.
  std::string_view reference_key;
  std::string_view reference_value;
};

// The wording for a definition, or nullptr when there is none (describe it by its type then).
const DefinitionWording* wording_for(std::string_view name);

// True when a rule owns the "required" check of `property` in the schema file `schema_file`
// ("providers/azure.schema.json"): e.g. PRV602 reports a missing apiKey with a sharper message.
bool is_rule_owned_requirement(std::string_view schema_file, std::string_view property);

}  // namespace gwlint::schema
