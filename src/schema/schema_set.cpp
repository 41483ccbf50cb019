#include "schema/schema_set.hpp"

#include <stdexcept>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema_parser.hpp>
#include <vector>

#include "resources/embedded.hpp"

namespace gwlint::schema {

namespace {

constexpr std::string_view kRootFile = "app-config.schema.json";

// valijson 1.0 ignores `$id` (it reads draft-4 `id` only), so it would resolve a relative `$ref`
// against the raw text of the previous one, and it caches subschemas by bare `#/definitions/X`.
// Making every `$ref` absolute up front, against its own file's `$id`, sidesteps both.
void make_refs_absolute(nlohmann::json& node, const std::string& base) {
  if (node.is_object()) {
    for (auto& [key, value] : node.items()) {
      if (key == "$ref" && value.is_string()) {
        value = resolve_uri(base, value.get<std::string>());
      } else if (key != "examples" && key != "enum" && key != "const") {
        make_refs_absolute(value, base);
      }
    }
  } else if (node.is_array()) {
    for (auto& item : node) make_refs_absolute(item, base);
  }
}

std::string_view without_fragment(std::string_view uri) {
  return uri.substr(0, uri.find('#'));
}

}  // namespace

std::string resolve_uri(std::string_view base, std::string_view ref) {
  if (ref.find("://") != std::string_view::npos) return std::string(ref);
  std::string_view document = without_fragment(base);
  if (ref.empty() || ref.front() == '#') return std::string(document) + std::string(ref);

  std::string_view fragment;
  std::string_view relative = ref;
  if (size_t hash = ref.find('#'); hash != std::string_view::npos) {
    fragment = ref.substr(hash);
    relative = ref.substr(0, hash);
  }
  size_t scheme_end = document.find("://");
  size_t path_start = document.find('/', scheme_end == std::string_view::npos ? 0 : scheme_end + 3);
  if (path_start == std::string_view::npos) path_start = document.size();
  std::string_view authority = document.substr(0, path_start);
  std::string merged;
  if (relative.front() == '/') {
    merged = std::string(relative);
  } else {
    size_t last_slash = document.rfind('/');
    if (last_slash != std::string_view::npos && last_slash >= path_start) {
      merged = std::string(document.substr(path_start, last_slash - path_start + 1));
    } else {
      merged = "/";
    }
    merged += relative;
  }

  std::vector<std::string_view> segments;
  std::string_view rest = merged;
  while (!rest.empty()) {
    size_t slash = rest.find('/');
    std::string_view segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (segment != "." && !segment.empty()) {
      segments.push_back(segment);
    }
  }
  std::string out(authority);
  for (std::string_view segment : segments) {
    out += '/';
    out += segment;
  }
  out += fragment;
  return out;
}

SchemaSet::SchemaSet() {
  for (const EmbeddedFile& file : embedded_schemas()) {
    nlohmann::json json = nlohmann::json::parse(file.content.begin(), file.content.end());
    auto id = json.find("$id");
    if (id == json.end() || !id->is_string()) {
      throw std::runtime_error("schema " + std::string(file.name) + " has no $id");
    }
    std::string uri = id->get<std::string>();
    make_refs_absolute(json, uri);
    if (file.name == kRootFile) root_id_ = uri;
    by_id_[uri] = File{std::string(file.name), std::move(json)};
  }
  if (root_id_.empty()) throw std::runtime_error("the root schema app-config.schema.json is not embedded");

  // The fetch callback hands out the stored documents; valijson only reads them while parsing.
  auto fetch = [this](const std::string& uri) -> const nlohmann::json* {
    auto found = by_id_.find(uri);
    return found == by_id_.end() ? nullptr : &found->second.json;
  };
  auto release = [](const nlohmann::json*) {};
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(by_id_.at(root_id_).json), compiled_, fetch, release);
}

SchemaRef SchemaSet::root() const {
  const File& file = by_id_.at(root_id_);
  return {&file.json, file.name};
}

SchemaRef SchemaSet::resolve(std::string_view absolute_ref) const {
  auto found = by_id_.find(without_fragment(absolute_ref));
  if (found == by_id_.end()) return {};
  size_t hash = absolute_ref.find('#');
  std::string pointer = hash == std::string_view::npos ? "" : std::string(absolute_ref.substr(hash + 1));
  const nlohmann::json& document = found->second.json;
  try {
    const nlohmann::json& target = document.at(nlohmann::json::json_pointer(pointer));
    return {&target, found->second.name};
  } catch (const nlohmann::json::exception&) {
    return {};
  }
}

const SchemaSet& schema_set() {
  static const SchemaSet set;
  return set;
}

SchemaRef follow_refs(const SchemaSet& set, SchemaRef schema) {
  for (int hops = 0; schema && hops < 16; ++hops) {
    if (!schema.node->is_object()) return schema;
    auto ref = schema.node->find("$ref");
    if (ref == schema.node->end() || !ref->is_string()) return schema;
    schema = set.resolve(ref->get_ref<const std::string&>());
  }
  return schema;
}

}  // namespace gwlint::schema
