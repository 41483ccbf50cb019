#pragma once
// Builds the positioned tree from yaml-cpp's event stream. yaml-cpp's Node API drops what a
// linter needs (duplicate keys, scalar styles, exact marks), the event API keeps all of it.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/document.hpp"
#include "config/load_limits.hpp"

namespace gwlint {

// Thrown from inside the event handler to stop yaml-cpp at once when a limit is crossed.
struct LimitExceeded {
  size_t offset;
  std::string message;
};

// Thrown from inside the event handler for input yaml-cpp accepts but YAML (and Backstage's
// loader) rejects: an unterminated quoted string, a block mapping line without `:`.
struct SyntaxFailure {
  size_t offset;
  std::string message;
};

class TreeBuilder : public YAML::EventHandler {
 public:
  // Called for each finished `{ $include: ... }` mapping; it may replace the node's contents.
  using IncludeHandler = std::function<void(Node&)>;

  TreeBuilder(Document& document, const SourceFile& file, size_t offset_bias, const LoadLimits& limits,
              IncludeHandler include_handler = {});

  const Node* root() const { return root_; }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override;
  void OnSequenceEnd() override;
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override;
  void OnMapEnd() override;

 private:
  struct Frame {
    Node* node;
    Node* pending_key = nullptr;
  };

  size_t offset_of(const YAML::Mark& mark) const;
  size_t skip_node_properties(size_t offset) const;
  void attach(Node* node);
  void open_container(Node* node, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, bool flow);
  void close_container();
  void report_duplicate_keys(const Node& mapping);
  void check_entry_has_colon(const Node& key, const Node& value) const;

  Document& document_;
  const SourceFile& file_;
  size_t offset_bias_;  // yaml-cpp marks do not count a byte order mark
  const LoadLimits& limits_;
  IncludeHandler include_handler_;
  std::vector<Frame> stack_;
  std::unordered_map<YAML::anchor_t, Node*> anchors_;
  const Node* root_ = nullptr;
  uint64_t alias_weight_ = 0;  // nodes added by expanding aliases
};

}  // namespace gwlint
