#include "audit/template_render.hpp"

#include <fmt/format.h>

#include <cmath>
#include <kainjow/mustache.hpp>
#include <stdexcept>

#include "audit/markdown_text.hpp"
#include "audit/templates.hpp"

namespace gwlint::audit {

namespace {

namespace mustache = kainjow::mustache;

std::string number_text(const nlohmann::ordered_json& value) {
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  if (value.is_number_unsigned()) return std::to_string(value.get<unsigned long long>());
  double number = value.get<double>();
  if (std::floor(number) == number && std::abs(number) < 1e15) return fmt::format("{:.0f}", number);
  return fmt::format("{:.1f}", number);
}

mustache::data to_data(const nlohmann::ordered_json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      mustache::data object{mustache::data::type::object};
      for (const auto& [key, item] : value.items()) object.set(key, to_data(item));
      return object;
    }
    case nlohmann::json::value_t::array: {
      mustache::data list{mustache::data::type::list};
      for (const auto& item : value) list.push_back(to_data(item));
      return list;
    }
    case nlohmann::json::value_t::string:
      // An empty string is false, as in mustache.js: `{{#suggestion}}` hides an empty one.
      if (value.get_ref<const std::string&>().empty()) return mustache::data(false);
      return mustache::data(value.get<std::string>());
    case nlohmann::json::value_t::boolean:
      return mustache::data(value.get<bool>());
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
      return mustache::data(number_text(value));
    default:
      return mustache::data(false);  // null: an unset value renders nothing, `{{^x}}` shows
  }
}

std::string template_text(const std::string& name) {
  for (const EmbeddedFile& file : embedded_audit_templates()) {
    if (file.name == name) return std::string(file.content);
  }
  throw std::runtime_error("audit template `" + name + "` is not embedded");
}

}  // namespace

std::string render_template_text(const std::string& text, const nlohmann::ordered_json& view, OutputLanguage language) {
  mustache::mustache engine{text};
  if (!engine.is_valid()) throw std::runtime_error("audit template: " + engine.error_message());
  if (language == OutputLanguage::Markdown) {
    engine.set_custom_escape([](const std::string& s) { return markdown_escape(s); });
  }
  mustache::data data = to_data(view);
  // Partials: every embedded template by file name.
  for (const EmbeddedFile& file : embedded_audit_templates()) {
    std::string content(file.content);
    // A template file's final newline is not part of it: inline partials must add no space.
    if (!content.empty() && content.back() == '\n') content.pop_back();
    data.set(std::string(file.name), mustache::partial([content] { return content; }));
  }
  std::string out = engine.render(data);
  if (!engine.is_valid()) throw std::runtime_error("audit template: " + engine.error_message());
  return out;
}

std::string render_template(const std::string& name, const nlohmann::ordered_json& view, OutputLanguage language) {
  return render_template_text(template_text(name), view, language);
}

}  // namespace gwlint::audit
