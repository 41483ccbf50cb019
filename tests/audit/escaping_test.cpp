// Everything from a config is untrusted: the HTML view escapes it, the Markdown view keeps tables
// intact and turns nothing into markup.
#include <catch2/catch.hpp>

#include "audit/markdown_text.hpp"
#include "audit/template_render.hpp"

using namespace gwlint::audit;
using json = nlohmann::ordered_json;

TEST_CASE("HTML templates escape every {{value}}", "[audit][escape]") {
  json view = {{"value", "<script>alert('x')</script> & \"q\""}};
  std::string html = render_template_text("<p>{{value}}</p>", view, OutputLanguage::Html);
  CHECK(html == "<p>&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; &quot;q&quot;</p>");
  CHECK(html.find("<script>") == std::string::npos);
}

TEST_CASE("values in attributes cannot close the attribute", "[audit][escape]") {
  json view = {{"id", "x\" onmouseover=\"alert(1)"}};
  std::string html = render_template_text("<a href=\"#{{id}}\">", view, OutputLanguage::Html);
  CHECK(html == "<a href=\"#x&quot; onmouseover=&quot;alert(1)\">");
}

TEST_CASE("Markdown escaping keeps a table row one row", "[audit][escape][markdown]") {
  CHECK(markdown_escape("a|b") == "a\\|b");
  CHECK(markdown_escape("line1\nline2") == "line1<br>line2");
  CHECK(markdown_escape("<img src=x>") == "&lt;img src=x&gt;");
  CHECK(markdown_escape("*bold* _it_ [link](x) `code`") == "\\*bold\\* \\_it\\_ \\[link\\](x) \\`code\\`");
  json view = {{"rows", json::array({{{"a", "x|y"}, {"b", "1\n2"}}})}};
  std::string md = render_template_text("| A | B |\n|---|---|\n{{#rows}}\n| {{a}} | {{b}} |\n{{/rows}}\n", view,
                                        OutputLanguage::Markdown);
  CHECK(md == "| A | B |\n|---|---|\n| x\\|y | 1<br>2 |\n");
}

TEST_CASE("a code fence is longer than any backtick run it holds", "[audit][markdown]") {
  CHECK(code_fence_for("plain") == "```");
  CHECK(code_fence_for("a ```` b") == "`````");
}

TEST_CASE("null and empty values are false in sections", "[audit][template]") {
  json view = {{"none", nullptr}, {"empty", ""}, {"list", json::array()}, {"n", 0}};
  CHECK(render_template_text("{{#none}}A{{/none}}{{#empty}}B{{/empty}}{{#list}}C{{/list}}{{^none}}D{{/none}}{{n}}",
                             view, OutputLanguage::Html) == "D0");
}

TEST_CASE("the embedded report templates parse", "[audit][template]") {
  json view = json::object();
  CHECK_NOTHROW(render_template("report.html.mustache", view, OutputLanguage::Html));
  CHECK_NOTHROW(render_template("report.md.mustache", view, OutputLanguage::Markdown));
  CHECK_THROWS(render_template("missing.mustache", view, OutputLanguage::Html));
}
