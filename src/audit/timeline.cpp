#include "audit/timeline.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace gwlint::audit {

namespace {

using json = nlohmann::ordered_json;

std::string coord(double value) {
  return fmt::format("{:.1f}", value);
}

std::string ms_text(double ms) {
  if (ms >= 10000) return fmt::format("{:.1f} s", ms / 1000.0);
  return fmt::format("{:.0f} ms", ms);
}

// Status colour classes the template's CSS knows.
std::string status_class(int status) {
  if (status >= 200 && status < 300) return "ok";
  if (status == 429) return "throttled";
  if (status == 599) return "miss";
  if (status == 0) return "fault";
  return "failed";
}

// A tick step of 1, 2 or 5 times a power of ten giving about five ticks.
double tick_step(double span) {
  double raw = span / 5.0;
  double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double factor : {1.0, 2.0, 5.0, 10.0}) {
    if (raw <= factor * power) return factor * power;
  }
  return 10.0 * power;
}

}  // namespace

json timeline_view(const json& scenario, const TimelineSize& size) {
  const json& requests = scenario["requests"];
  if (requests.empty()) return nullptr;
  const json& calls = scenario["calls"];
  size_t rows = std::max<size_t>(1, calls.size());

  // The time span: the last arrival, or the end of a requested wait that runs past it.
  double end = 1.0;
  for (const json& request : requests) {
    double at = request["at_ms"].get<double>();
    end = std::max(end, at);
    if (request["requested_wait_ms"].is_number()) end = std::max(end, at + request["requested_wait_ms"].get<double>());
  }
  double step = tick_step(end * 1.08);
  end = std::ceil(end * 1.08 / step) * step;
  const double top = 12, right = 32;
  const double plot = size.width - size.gutter - right;
  auto x = [&](double ms) { return size.gutter + ms / end * plot; };
  auto row_y = [&](size_t row) { return top + (static_cast<double>(row) + 0.5) * size.row_height; };
  const double height = top + static_cast<double>(rows) * size.row_height + 28;

  json view = {{"width", coord(size.width)},      {"height", coord(height)},
               {"plot_left", coord(size.gutter)}, {"plot_right", coord(size.width - right)},
               {"plot_top", coord(top)},          {"axis_y", coord(top + static_cast<double>(rows) * size.row_height)},
               {"rows", json::array()},           {"requests", json::array()},
               {"waits", json::array()},          {"ticks", json::array()}};
  for (size_t row = 0; row < rows; ++row) {
    std::string label = fmt::format("call {}", row + 1);
    if (row < calls.size()) label += " " + calls[row]["op"].get<std::string>();
    view["rows"].push_back({{"y", coord(row_y(row))}, {"text_y", coord(row_y(row) + 4)}, {"label", label}});
  }
  for (double t = 0; t <= end + step / 2; t += step) {
    view["ticks"].push_back({{"x", coord(x(t))}, {"label", ms_text(t)}});
  }
  // Waits first so the request dots are drawn over them.
  for (const json& wait : scenario["waits"]) {
    double from = wait["from_ms"].get<double>(), to = wait["to_ms"].get<double>();
    double y = row_y(std::min<size_t>(wait["call"].get<size_t>(), rows - 1));
    bool asked = wait["requested_ms"].is_number();
    double requested = asked ? wait["requested_ms"].get<double>() : 0;
    std::string label = asked ? fmt::format("asked {}, waited {}", ms_text(requested), ms_text(to - from))
                              : fmt::format("waited {}", ms_text(to - from));
    view["waits"].push_back({{"x1", coord(x(from))},
                             {"x2", coord(x(to))},
                             {"y", coord(y)},
                             {"asked", asked},
                             {"asked_x", coord(x(from))},
                             {"asked_width", coord(std::max(1.0, x(from + requested) - x(from)))},
                             {"asked_y", coord(y + 9)},
                             {"label_x", coord((x(from) + x(to)) / 2)},
                             {"label_y", coord(y + 30)},
                             {"label", label},
                             {"honoured", wait["honoured"].get<bool>()}});
  }
  for (size_t i = 0; i < requests.size(); ++i) {
    const json& request = requests[i];
    int status = request["status"].get<int>();
    double y = row_y(std::min<size_t>(request["call"].get<size_t>(), rows - 1));
    std::string title = fmt::format("request {} at {}: {} {} → {}", i + 1, ms_text(request["at_ms"].get<double>()),
                                    request["method"].get<std::string>(), request["path"].get<std::string>(),
                                    status ? std::to_string(status) : std::string("no answer"));
    if (!request["fault"].get<std::string>().empty()) title += " (fault: " + request["fault"].get<std::string>() + ")";
    view["requests"].push_back({{"cx", coord(x(request["at_ms"].get<double>()))},
                                {"cy", coord(y)},
                                {"label_y", coord(y - 12)},
                                {"status", status ? std::to_string(status) : std::string("—")},
                                {"class", status_class(status)},
                                {"title", title}});
  }
  return view;
}

}  // namespace gwlint::audit
