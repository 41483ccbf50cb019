#pragma once
// One loaded config: the positioned tree, the files it came from (the main file and any
// `$include`d ones) and the problems found while loading, which rules turn into findings.
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "config/node.hpp"
#include "config/source_file.hpp"

namespace gwlint {

enum class LoadProblemKind {
  SyntaxError,        // GW001
  DuplicateKey,       // GW002
  LimitExceeded,      // GW007
  IncludeUnresolved,  // GW008
};

struct LoadProblem {
  LoadProblemKind kind;
  SourceSpan span;
  std::string message;
  std::vector<SourceSpan> related;  // e.g. the first occurrence of a duplicate key
  std::string path;                 // config path where known
};

enum class InputFormat { Yaml, Json };

class Document {
 public:
  Node* new_node() { return &arena_.emplace_back(); }
  const SourceFile* add_file(std::string path, std::string text) {
    files_.push_back(std::make_unique<SourceFile>(std::move(path), std::move(text)));
    return files_.back().get();
  }

  // Keeps a layer's nodes alive inside this document and lists its files as this document's
  // (after the ones already here), so a merged view owns everything its nodes point into.
  void adopt_layer(std::unique_ptr<Document> layer);

  const SourceFile& main_file() const { return *files_.front(); }
  const std::vector<std::unique_ptr<SourceFile>>& files() const { return files_; }

  const Node* root = nullptr;  // nullptr when the file is empty or did not parse
  InputFormat format = InputFormat::Yaml;
  std::vector<LoadProblem> problems;
  bool fatal = false;  // the tree is unusable (syntax error, limit): only load problems are reported

 private:
  std::deque<Node> arena_;
  std::vector<std::unique_ptr<SourceFile>> files_;
  std::vector<std::unique_ptr<Document>> layers_;
};

}  // namespace gwlint
