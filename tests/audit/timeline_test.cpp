// The scenario timeline: geometry from requests and waits, drawn by the SVG template.
#include "audit/timeline.hpp"

#include <catch2/catch.hpp>

#include "audit/template_render.hpp"

using namespace gwlint::audit;
using json = nlohmann::ordered_json;

namespace {

size_t count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = 0; (at = text.find(part, at)) != std::string::npos; at += part.size()) ++n;
  return n;
}

json retry_scenario() {
  auto request = [](double at, int status, json wait) {
    return json{{"call", 0},        {"at_ms", at},     {"method", "POST"}, {"path", "/openai/v1/chat/completions"},
                {"status", status}, {"exchange", "x"}, {"fault", ""},      {"requested_wait_ms", wait}};
  };
  auto wait = [](double from, double to, double asked, bool honoured) {
    return json{{"call", 0},           {"after_request", 0},    {"from_ms", from},
                {"to_ms", to},         {"requested_ms", asked}, {"actual_ms", to - from},
                {"honoured", honoured}};
  };
  return {{"calls", json::array({{{"op", "chat"}}})},
          {"requests", json::array({request(0, 429, 300.0), request(301, 429, 300.0), request(602, 200, nullptr)})},
          {"waits", json::array({wait(0, 301, 300, true), wait(301, 602, 300, true)})}};
}

}  // namespace

TEST_CASE("a retry-after scenario draws three requests and two asked waits", "[audit][timeline]") {
  json view = timeline_view(retry_scenario());
  REQUIRE(view.is_object());
  CHECK(view["requests"].size() == 3);
  CHECK(view["requests"][0]["class"] == "throttled");
  CHECK(view["requests"][2]["class"] == "ok");
  REQUIRE(view["waits"].size() == 2);
  CHECK(view["waits"][0]["label"] == "asked 300 ms, waited 301 ms");
  // Time runs left to right: the first request sits at the plot's left edge.
  CHECK(view["requests"][0]["cx"] == view["plot_left"]);
  CHECK(std::stod(view["requests"][1]["cx"].get<std::string>()) <
        std::stod(view["requests"][2]["cx"].get<std::string>()));

  std::string svg = render_template("timeline.svg.mustache", {{"timeline", view}}, OutputLanguage::Html);
  CHECK(count(svg, "<svg class=\"timeline\"") == 1);
  CHECK(count(svg, "<circle") == 3);
  CHECK(count(svg, "<rect class=\"asked\"") == 2);
  CHECK(count(svg, "class=\"gap\"") == 2);
  CHECK(svg.find("http") == std::string::npos);  // nothing to fetch, not even an xmlns
}

TEST_CASE("a wait shorter than asked is marked", "[audit][timeline]") {
  json scenario = retry_scenario();
  scenario["waits"][0]["honoured"] = false;
  std::string svg =
      render_template("timeline.svg.mustache", {{"timeline", timeline_view(scenario)}}, OutputLanguage::Html);
  CHECK(count(svg, "class=\"gap short\"") == 1);
}

TEST_CASE("no requests, no picture", "[audit][timeline]") {
  json scenario = {{"calls", json::array()}, {"requests", json::array()}, {"waits", json::array()}};
  CHECK(timeline_view(scenario).is_null());
}
