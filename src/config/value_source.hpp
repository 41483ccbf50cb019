#pragma once
// How a config value is supplied, the Backstage way: a literal, a string with `${VAR}`
// substitutions, or a single-key `{ $env: VAR }` / `{ $file: path }` mapping.
#include <string>
#include <string_view>
#include <vector>

#include "config/node.hpp"

namespace gwlint {

enum class ValueSource {
  Missing,         // no node
  Literal,         // a plain string written in the file
  EnvSubstituted,  // a string containing at least one well-formed ${VAR}
  EnvObject,       // { $env: VAR }
  FileObject,      // { $file: path }
  IncludeObject,   // { $include: path } that was not resolved
  Other,           // null, a number-like scalar is still Literal; mappings/sequences land here
};

ValueSource value_source(const Node* node);
// True when the value does not sit in the file itself (env or file reference).
bool is_indirect(ValueSource source);

// One `${...}` reference inside a string, with byte offsets into the scalar text.
struct EnvReference {
  size_t begin = 0;           // offset of '$'
  size_t end = 0;             // one past '}' (or the end of the bad reference)
  std::string name;           // the variable name ("" when malformed)
  std::string problem;        // empty when well-formed; else why it is malformed
  bool has_fallback = false;  // `${VAR:-default}`: an unset VAR is not an error
};

// Finds `${VAR}` (and `${VAR:-default}`) references and malformed attempts (`${VAR` unclosed, `${}`, `${1BAD}`,
// `$VAR`);
// `$${...}` is Backstage's escape for a literal `${...}` and is skipped.
std::vector<EnvReference> scan_env_references(std::string_view text);

bool is_valid_env_name(std::string_view name);

}  // namespace gwlint
