#include "audit/report_files.hpp"

#include "audit/report_view.hpp"
#include "audit/template_render.hpp"

namespace gwlint::audit {

RenderedReport render_report(const nlohmann::ordered_json& report) {
  nlohmann::ordered_json view = report_view(report);
  RenderedReport out;
  out.html = render_template("report.html.mustache", view, OutputLanguage::Html);
  out.markdown = render_template("report.md.mustache", view, OutputLanguage::Markdown);
  // Invalid UTF-8 from a config becomes U+FFFD instead of an exception.
  out.json = report.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  return out;
}

}  // namespace gwlint::audit
