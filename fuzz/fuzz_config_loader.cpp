// Bytes -> load_document (YAML or JSON, default LoadLimits, no `$include` resolution), then a
// walk of the positioned tree: every span lies inside its file, every position and path can be
// computed, parents point back. The loader must never throw or crash, whatever the bytes.
#include <cstdint>
#include <string>
#include <unordered_set>

#include "config/loader.hpp"
#include "fuzz_support.hpp"

using namespace gwlint;

namespace {

void check_span(const SourceSpan& span) {
  if (!span.file) return;
  FUZZ_CHECK(span.begin <= span.end, "span begins after it ends");
  FUZZ_CHECK(span.end <= span.file->text().size(), "span ends past the file");
  SourcePosition begin = span.begin_position();
  SourcePosition end = span.end_position();
  FUZZ_CHECK(begin.line >= 1 && begin.line <= span.file->line_count() + 1);
  FUZZ_CHECK(end.line >= begin.line);
  (void)span.file->line_text(begin.line);
}

void walk(const Node* node, std::unordered_set<const Node*>& seen, int depth) {
  if (!node || !seen.insert(node).second) return;  // aliases share nodes: visit each once
  FUZZ_CHECK(depth <= 200, "the tree is deeper than the depth limit allows");
  check_span(node->span);
  (void)path_of(node);
  // The file is refused unless it is UTF-8, so every string read from it must be UTF-8 too.
  FUZZ_CHECK(gwlint_fuzz::valid_utf8(node->scalar), "a scalar that is not UTF-8: " + node->scalar);
  for (const MappingEntry& entry : node->entries) {
    FUZZ_CHECK(entry.key && entry.value, "a mapping entry without key or value");
    walk(entry.key, seen, depth + 1);
    walk(entry.value, seen, depth + 1);
  }
  for (const Node* item : node->items) {
    FUZZ_CHECK(item != nullptr, "a null sequence item");
    walk(item, seen, depth + 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  LoadLimits limits;
  auto document = load_document("fuzz.yaml", std::move(text), limits, std::string());
  FUZZ_CHECK(document != nullptr);
  FUZZ_CHECK(!document->fatal || document->root == nullptr, "a fatal load kept its tree");
  FUZZ_CHECK(!document->fatal || !document->problems.empty(), "a fatal load without a problem");
  for (const LoadProblem& problem : document->problems) {
    check_span(problem.span);
    for (const SourceSpan& related : problem.related) check_span(related);
    FUZZ_CHECK(!problem.message.empty(), "a load problem without a message");
  }
  std::unordered_set<const Node*> seen;
  walk(document->root, seen, 0);
  return 0;
}
