#pragma once
// `--redact-json /pointer`: values the header and query sanitizers cannot know about (a `user`
// id, a prompt holding customer data) replaced with "<redacted>" in JSON bodies and SSE event
// data before anything is written. A body that changes is re-serialised compactly with its key
// order kept; a body where no pointer exists keeps its exact bytes.
#include <string>
#include <vector>

namespace gwlint::record {

class JsonRedaction {
 public:
  JsonRedaction() = default;
  // Throws record::UsageError naming the first pointer that is not RFC 6901 ("/a/0/b").
  explicit JsonRedaction(const std::vector<std::string>& pointers);

  // Redacts in place when `bytes` is a JSON text holding one of the pointers; true if it changed.
  bool apply(std::string& bytes) const;
  bool empty() const { return pointers_.empty(); }

 private:
  std::vector<std::string> pointers_;
};

}  // namespace gwlint::record
