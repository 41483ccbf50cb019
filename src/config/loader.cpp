#include "config/loader.hpp"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <istream>
#include <map>
#include <streambuf>
#include <vector>

#include "config/text_checks.hpp"
#include "config/tree_builder.hpp"

namespace gwlint {

namespace {

// Lets yaml-cpp read the file's bytes in place instead of copying them into a stringstream.
class MemoryBuffer : public std::streambuf {
 public:
  MemoryBuffer(const char* data, size_t size) {
    char* begin = const_cast<char*>(data);
    setg(begin, begin, begin + size);
  }
};

// Walks a further document without building anything, to notice that it exists.
class IgnoreEvents : public YAML::EventHandler {
 public:
  size_t first_offset(size_t bias, size_t limit) const {
    return first_ < 0 ? limit : std::min(limit, static_cast<size_t>(first_) + bias);
  }
  void OnDocumentStart(const YAML::Mark& mark) override { note(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { note(mark); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override { note(mark); }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t, const std::string&) override { note(mark); }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    note(mark);
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    note(mark);
  }
  void OnMapEnd() override {}

 private:
  void note(const YAML::Mark& mark) {
    if (first_ < 0) first_ = mark.pos;
  }
  int first_ = -1;
};

bool tab_in_indentation(std::string_view line) {
  for (char c : line) {
    if (c == '\t') return true;
    if (c != ' ') return false;
  }
  return false;
}

class DocumentLoader {
 public:
  DocumentLoader(Document& document, const LoadLimits& limits) : document_(document), limits_(limits) {}

  // The file being loaded counts as open, so an include that leads back to it is a cycle.
  void enter(const std::string& path) {
    std::error_code ec;
    std::filesystem::path canonical = std::filesystem::weakly_canonical(path, ec);
    include_stack_.push_back(ec ? path : canonical.string());
  }

  // Parses one file's text into nodes of the document; returns its root (or nullptr).
  const Node* parse(const SourceFile& file, const std::string& directory) {
    const std::string& text = file.text();
    auto fail = [&](LoadProblemKind kind, size_t offset, std::string message) {
      offset = std::min(offset, text.size());
      // A file that does not load is reported by its first error alone (RULES.md GW001).
      auto& problems = document_.problems;
      problems.erase(std::remove_if(problems.begin(), problems.end(),
                                    [&](const LoadProblem& p) {
                                      return p.span.file == &file && p.kind == LoadProblemKind::DuplicateKey;
                                    }),
                     problems.end());
      problems.push_back(
          {kind, {&file, static_cast<uint32_t>(offset), static_cast<uint32_t>(offset)}, std::move(message), {}, {}});
      document_.fatal = true;
      return nullptr;
    };
    if (text.size() > limits_.max_bytes) {
      return fail(LoadProblemKind::LimitExceeded, 0,
                  fmt::format("file is {} bytes, over the {} byte limit; not parsed", text.size(), limits_.max_bytes));
    }
    if (auto problem = find_text_problem(text))
      return fail(LoadProblemKind::SyntaxError, problem->offset, problem->message);

    size_t bom = bom_length(text);
    MemoryBuffer buffer(text.data(), text.size());
    std::istream stream(&buffer);
    TreeBuilder builder(document_, file, bom, limits_, [&](Node& node) { resolve_include(node, file, directory); });
    try {
      YAML::Parser parser(stream);
      parser.HandleNextDocument(builder);
      IgnoreEvents ignore;
      if (parser.HandleNextDocument(ignore)) {
        // Backstage's loader refuses a file with several documents, so nothing else matters.
        return fail(LoadProblemKind::SyntaxError, ignore.first_offset(bom, text.size()),
                    "the file holds more than one YAML document (`---`); Backstage reads exactly one document "
                    "per config file");
      }
    } catch (const LimitExceeded& limit) {
      return fail(LoadProblemKind::LimitExceeded, limit.offset, limit.message);
    } catch (const SyntaxFailure& failure) {
      return fail(LoadProblemKind::SyntaxError, failure.offset, failure.message);
    } catch (const YAML::Exception& error) {
      size_t offset = error.mark.pos < 0 ? text.size() : static_cast<size_t>(error.mark.pos) + bom;
      std::string message = error.msg;
      if (error.mark.line >= 0 && tab_in_indentation(file.line_text(static_cast<uint32_t>(error.mark.line) + 1))) {
        message += " (a tab is used for indentation; YAML allows only spaces)";
      }
      return fail(LoadProblemKind::SyntaxError, offset,
                  fmt::format("invalid {}: {}", document_.format == InputFormat::Json ? "JSON" : "YAML", message));
    }
    return builder.root();
  }

 private:
  void resolve_include(Node& node, const SourceFile& file, const std::string& directory) {
    const Node* target = node.entries[0].value;
    auto problem = [&](std::string message) {
      document_.problems.push_back(
          {LoadProblemKind::IncludeUnresolved, target->span, std::move(message), {}, path_of(&node)});
    };
    if (!target->is_scalar() || target->scalar.empty()) return problem("$include needs a file path");
    std::string reference = target->scalar;
    std::string selector;
    if (auto hash = reference.find('#'); hash != std::string::npos) {
      selector = reference.substr(hash + 1);
      reference.resize(hash);
    }
    if (directory.empty()) return problem(fmt::format("cannot resolve $include '{}' when reading stdin", reference));
    std::filesystem::path path = (std::filesystem::path(directory) / reference).lexically_normal();
    std::error_code ec;
    std::filesystem::path canonical = std::filesystem::weakly_canonical(path, ec);
    std::string key = ec ? path.string() : canonical.string();
    if (std::find(include_stack_.begin(), include_stack_.end(), key) != include_stack_.end()) {
      return problem(
          fmt::format("$include '{}' is circular: the file includes itself through {}", reference, file.path()));
    }
    if (static_cast<int>(include_stack_.size()) >= limits_.max_include_depth) {
      return problem(
          fmt::format("$include '{}' nests more than {} includes deep", reference, limits_.max_include_depth));
    }
    // A file included many times is read and parsed once; every use still counts towards the
    // expansion limit, so a fan-out of includes cannot multiply into a huge tree.
    const Node* root = nullptr;
    if (auto cached = parsed_.find(key); cached != parsed_.end()) {
      root = cached->second;
      if (!root) return;  // it failed to load: reported where it broke
    } else {
      ReadResult read = read_input(path.string(), limits_.max_bytes);
      if (read.error) return problem(fmt::format("$include '{}': {}", reference, *read.error));
      if (read.too_large) {
        return problem(
            fmt::format("$include '{}' is {} bytes, over the {} byte limit", reference, read.size, limits_.max_bytes));
      }
      const SourceFile* included = document_.add_file(path.string(), std::move(read.text));
      include_stack_.push_back(key);
      bool was_fatal = document_.fatal;
      std::string folder = path.parent_path().string();
      root = parse(*included, folder.empty() ? "." : folder);
      include_stack_.pop_back();
      bool broke = document_.fatal && !was_fatal;
      parsed_[key] = broke ? nullptr : root;
      if (broke) {
        // A broken included file is reported where it breaks; the including file stays usable.
        document_.fatal = false;
        return;
      }
    }
    if (!root) return problem(fmt::format("$include '{}' is empty", reference));
    expanded_ += root->weight;
    if (expanded_ > limits_.max_alias_expansion) {
      return problem(fmt::format("$include '{}': includes expand to more than {} nodes; refusing to expand them",
                                 reference, limits_.max_alias_expansion));
    }
    if (!selector.empty()) {
      size_t start = 0;
      while (root && start <= selector.size()) {
        size_t dot = selector.find('.', start);
        std::string part = selector.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        root = root->is_mapping() ? root->find(part) : nullptr;
        if (dot == std::string::npos) break;
        start = dot + 1;
      }
      if (!root) return problem(fmt::format("$include '{}': no value at '{}'", reference, selector));
    }
    // Take over the included node's contents; keep this node's place in its parent.
    const Node* parent = node.parent;
    const Node* key_in_parent = node.key_in_parent;
    int32_t index = node.index_in_parent;
    node = *root;
    node.parent = parent;
    node.key_in_parent = key_in_parent;
    node.index_in_parent = index;
    for (auto& entry : node.entries) {
      if (entry.key->parent == root) const_cast<Node*>(entry.key)->parent = &node;
      if (entry.value->parent == root) const_cast<Node*>(entry.value)->parent = &node;
    }
    for (const Node* item : node.items) {
      if (item->parent == root) const_cast<Node*>(item)->parent = &node;
    }
  }

  Document& document_;
  const LoadLimits& limits_;
  std::vector<std::string> include_stack_;
  std::map<std::string, const Node*> parsed_;  // canonical path -> root (nullptr: did not load)
  uint64_t expanded_ = 0;                      // nodes added by includes, for the expansion limit
};

}  // namespace

std::unique_ptr<Document> load_document(std::string display_path, std::string text, const LoadLimits& limits,
                                        const std::string& base_directory) {
  auto document = std::make_unique<Document>();
  document->format = looks_like_json(text) ? InputFormat::Json : InputFormat::Yaml;
  const SourceFile* file = document->add_file(std::move(display_path), std::move(text));
  DocumentLoader loader(*document, limits);
  if (!base_directory.empty()) loader.enter(file->path());
  document->root = loader.parse(*file, base_directory);
  if (document->fatal) document->root = nullptr;
  return document;
}

namespace {

// Reads a stream in chunks and stops once it is over the limit: stdin, pipes and devices
// (`/dev/zero`) have no size to check first.
ReadResult read_limited(std::istream& in, size_t max_bytes) {
  ReadResult result;
  std::string text;
  char chunk[65536];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    text.append(chunk, static_cast<size_t>(in.gcount()));
    if (text.size() > max_bytes) {
      result.too_large = true;
      result.size = text.size();
      return result;
    }
  }
  if (in.bad()) {
    result.error = "read error";
    return result;
  }
  result.size = text.size();
  result.text = std::move(text);
  return result;
}

}  // namespace

ReadResult read_input(const std::string& path, size_t max_bytes) {
  if (path == "-") return read_limited(std::cin, max_bytes);
  ReadResult result;
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    result.error = "no such file";
    return result;
  }
  if (std::filesystem::is_directory(status)) {
    result.error = "is a directory";
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.error = std::strerror(errno);
    return result;
  }
  if (!std::filesystem::is_regular_file(status)) return read_limited(in, max_bytes);
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return read_limited(in, max_bytes);
  if (size > max_bytes) {
    result.too_large = true;
    result.size = size;
    return result;
  }
  // The size is a hint only: the file may grow while it is read.
  return read_limited(in, max_bytes);
}

std::unique_ptr<Document> load_text_as(const std::string& path, ReadResult read, const LoadLimits& limits) {
  if (read.too_large) {
    auto document = std::make_unique<Document>();
    const SourceFile* file = document->add_file(path, std::string());
    document->problems.push_back(
        {LoadProblemKind::LimitExceeded,
         {file, 0, 0},
         fmt::format("file is {} bytes, over the {} byte limit; not parsed", read.size, limits.max_bytes),
         {},
         {}});
    document->fatal = true;
    return document;
  }
  std::string directory = path == "-" ? std::string() : std::filesystem::path(path).parent_path().string();
  if (path != "-" && directory.empty()) directory = ".";
  return load_document(path, std::move(read.text), limits, directory);
}

}  // namespace gwlint
