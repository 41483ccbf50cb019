#pragma once
// The words of schema issues: how to name a node ("provider `azure`", "`headers[1]`"), what
// was found there ("a list", "a number (`8080`)", never a secret's text) and what the schema
// expected ("a string (or { $env } / { $file })").
#include <string>

#include "config/node.hpp"
#include "schema/schema_set.hpp"
#include "schema/schema_wording.hpp"

namespace gwlint::schema {

// "`apiVersion`", "provider `azure`", "plugin `aika`", "header `X-Id`", "`headers[1]`".
std::string subject_of(const Node* node);
// "a list", "a mapping", "an empty value", "a string", "a number (`8080`)"; only a short number
// or boolean is quoted, and never under a secret field or a header.
std::string found_description(const Node* node);
// What the declared schema accepts, from the wording table or its type.
std::string expected_description(const SchemaSet& set, SchemaRef declared);
// The first wording on the declared schema's `$ref` chain, or nullptr.
const DefinitionWording* wording_of(const SchemaSet& set, SchemaRef declared);

// True for the `aiGateway.providers` mapping (its keys are provider ids).
bool is_providers_mapping(const Node* node);

}  // namespace gwlint::schema
