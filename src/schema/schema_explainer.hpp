#pragma once
// Turns "this value does not match the schema" into a few plain issues. It walks the positioned
// tree and the schema JSON together, so each issue lands on the offending node with a message
// that says what was expected and what was found; for an `anyOf` it picks the branch the value
// was evidently meant to be (by type, then by its required keys) and explains that one, instead
// of reporting every branch. Required properties that a rule owns are left to the rule.
#include <vector>

#include "config/node.hpp"
#include "schema/schema_set.hpp"
#include "schema/schema_validator.hpp"

namespace gwlint::schema {

// Appends the issues of `node` against `schema` to `out`; reports nothing for a valid node.
void explain(const SchemaSet& set, SchemaRef schema, const Node* node, std::vector<SchemaIssue>& out);

// The keys `properties` allows for the mapping at `schema` (following $ref and anyOf branches
// that describe mappings), sorted; empty when the schema names none.
std::vector<std::string> allowed_keys(const SchemaSet& set, SchemaRef schema);

}  // namespace gwlint::schema
