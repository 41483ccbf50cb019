// Writing recordings (YAML with yaml-cpp's emitter, JSON with nlohmann) so that loading the
// output gives back the same bytes for every body and event: each body is written as `json:`
// only when its bytes are exactly the compact serialisation, else `text:`, else `base64:`.
#include <fmt/format.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <set>
#include <stdexcept>

#include "config/text_checks.hpp"
#include "recording/base64.hpp"
#include "recording/json_value.hpp"
#include "recording/recording_io.hpp"
#include "recording/uri.hpp"
#include "schema/yaml_json.hpp"

namespace gwlint::recording {

namespace {

enum class BodyForm { Json, Text, Base64 };

BodyForm body_form(const std::string& bytes) {
  if (is_canonical_json_container(bytes)) return BodyForm::Json;
  if (is_safe_text(bytes)) return BodyForm::Text;
  return BodyForm::Base64;
}

bool same_name(const std::string& a, const std::string& b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// Headers go out as a mapping unless two names differ only in case (a mapping would then hold
// what reads as one header twice); the list form keeps every one in order.
bool headers_need_list(const Headers& headers) {
  for (size_t i = 0; i < headers.size(); ++i) {
    for (size_t j = i + 1; j < headers.size(); ++j) {
      if (same_name(headers[i].name, headers[j].name)) return true;
    }
  }
  return false;
}

// Names in first-appearance order with all their values: repeated query parameters.
std::vector<std::pair<std::string, std::vector<std::string>>> group_query(const QueryPairs& query) {
  std::vector<std::pair<std::string, std::vector<std::string>>> groups;
  for (const auto& [name, value] : query) {
    // A named copy of the reference: clang before 16 cannot capture a structured binding (C++20).
    const std::string& wanted = name;
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == wanted; });
    if (it == groups.end()) {
      groups.push_back({name, {value}});
    } else {
      it->second.push_back(value);
    }
  }
  return groups;
}

// --- YAML ---

// Strings other than bodies (event data, headers, ids) have no base64 form: they must be text a
// YAML or JSON file can hold. Control characters are escaped by both writers, except DEL, and
// invalid UTF-8 cannot be written at all; refuse rather than write a file that will not load.
void require_representable(const std::string& text) {
  std::string probe = text;
  for (char& c : probe) {
    if (static_cast<unsigned char>(c) < 0x20) c = ' ';
  }
  if (find_text_problem(probe)) {
    throw std::runtime_error("a string in the recording is not valid UTF-8 or holds DEL (only bodies can be base64)");
  }
}

// A plain scalar that YAML 1.2 would read as null, a boolean or a number is quoted, and so is
// anything starting with a digit: `2024-10-21` is a date to YAML 1.1 tools.
void emit_string(YAML::Emitter& out, const std::string& text) {
  require_representable(text);
  Node probe;
  probe.kind = NodeKind::Scalar;
  probe.scalar = text;
  bool retyped = schema::json_type_of(&probe) != schema::JsonType::String;
  bool digit_first = !text.empty() && text.front() >= '0' && text.front() <= '9';
  // YAML 1.1's booleans (`no`, `on`, `y`, ...): PyYAML and older Go tools would read a bool.
  static const std::set<std::string> kYaml11Words = {"y",  "Y",  "yes", "Yes", "YES", "n",   "N",   "no",
                                                     "No", "NO", "on",  "On",  "ON",  "off", "Off", "OFF"};
  retyped = retyped || kYaml11Words.count(text) > 0;
  bool plain_safe = !text.empty() && is_safe_text(text) && text.find_first_of("\t\r\n") == std::string::npos;
  if (retyped || digit_first || !plain_safe) {
    out << (plain_safe ? YAML::SingleQuoted : YAML::DoubleQuoted) << text;
  } else {
    out << text;  // yaml-cpp quotes it when it cannot be plain
  }
}

// Body text and event data: quoted always, single quotes while that keeps every byte (one line,
// no control characters), else double quotes with escapes.
void emit_text(YAML::Emitter& out, const std::string& text) {
  require_representable(text);
  bool single = is_safe_text(text) &&
                std::none_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
  out << (single ? YAML::SingleQuoted : YAML::DoubleQuoted) << text;
}

void emit_json(YAML::Emitter& out, const nlohmann::ordered_json& value) {
  switch (value.type()) {
    case nlohmann::ordered_json::value_t::object:
      out << YAML::BeginMap;
      for (const auto& [key, item] : value.items()) {
        out << YAML::Key;
        emit_string(out, key);
        out << YAML::Value;
        emit_json(out, item);
      }
      out << YAML::EndMap;
      break;
    case nlohmann::ordered_json::value_t::array:
      out << YAML::BeginSeq;
      for (const auto& item : value) emit_json(out, item);
      out << YAML::EndSeq;
      break;
    case nlohmann::ordered_json::value_t::string:
      emit_text(out, value.get<std::string>());
      break;
    case nlohmann::ordered_json::value_t::null:
      out << YAML::Null;
      break;
    default:  // numbers and booleans: their JSON text is a plain YAML scalar of the same type
      out << value.dump();
      break;
  }
}

void emit_body(YAML::Emitter& out, const Body& body) {
  out << YAML::BeginMap;
  switch (body_form(body.bytes)) {
    case BodyForm::Json:
      out << YAML::Key << "json" << YAML::Value;
      emit_json(out, nlohmann::ordered_json::parse(body.bytes));
      break;
    case BodyForm::Text:
      out << YAML::Key << "text" << YAML::Value;
      emit_text(out, body.bytes);
      break;
    case BodyForm::Base64:
      out << YAML::Key << "base64" << YAML::Value << YAML::DoubleQuoted << base64_encode(body.bytes);
      break;
  }
  out << YAML::EndMap;
}

void emit_headers(YAML::Emitter& out, const Headers& headers) {
  if (headers_need_list(headers)) {
    out << YAML::BeginSeq;
    for (const Header& header : headers) {
      out << YAML::BeginMap << YAML::Key << "name" << YAML::Value;
      emit_string(out, header.name);
      out << YAML::Key << "value" << YAML::Value;
      emit_string(out, header.value);
      out << YAML::EndMap;
    }
    out << YAML::EndSeq;
    return;
  }
  out << YAML::BeginMap;
  for (const Header& header : headers) {
    out << YAML::Key;
    emit_string(out, header.name);
    out << YAML::Value;
    emit_string(out, header.value);
  }
  out << YAML::EndMap;
}

void emit_query(YAML::Emitter& out, const QueryPairs& query) {
  out << YAML::BeginMap;
  for (const auto& [name, values] : group_query(query)) {
    out << YAML::Key;
    emit_string(out, name);
    out << YAML::Value;
    if (values.size() == 1) {
      emit_string(out, values.front());
    } else {
      out << YAML::BeginSeq;
      for (const auto& value : values) emit_string(out, value);
      out << YAML::EndSeq;
    }
  }
  out << YAML::EndMap;
}

bool has_body(const Body& body) {
  return body.kind != BodyKind::None || !body.bytes.empty();
}

void emit_exchange(YAML::Emitter& out, const Exchange& exchange) {
  out << YAML::BeginMap;
  out << YAML::Key << "id" << YAML::Value;
  emit_string(out, exchange.id);

  const RecordedRequest& request = exchange.request;
  out << YAML::Key << "request" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "method" << YAML::Value;
  emit_string(out, request.method);
  out << YAML::Key << "path" << YAML::Value;
  emit_string(out, request.path);
  if (!request.query.empty()) {
    out << YAML::Key << "query" << YAML::Value;
    emit_query(out, request.query);
  }
  if (!request.headers.empty()) {
    out << YAML::Key << "headers" << YAML::Value;
    emit_headers(out, request.headers);
  }
  if (has_body(request.body)) {
    out << YAML::Key << "body" << YAML::Value;
    emit_body(out, request.body);
  }
  out << YAML::EndMap;

  const RecordedResponse& response = exchange.response;
  out << YAML::Key << "response" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "status" << YAML::Value << response.status;
  if (!response.headers.empty()) {
    out << YAML::Key << "headers" << YAML::Value;
    emit_headers(out, response.headers);
  }
  if (response.is_stream) {
    out << YAML::Key << "events" << YAML::Value << YAML::BeginSeq;
    for (const SseEvent& event : response.events) {
      out << YAML::BeginMap;
      if (!event.event.empty()) {
        out << YAML::Key << "event" << YAML::Value;
        emit_string(out, event.event);
      }
      if (!event.id.empty()) {
        out << YAML::Key << "id" << YAML::Value;
        emit_string(out, event.id);
      }
      out << YAML::Key << "data" << YAML::Value;
      emit_text(out, event.data);
      out << YAML::Key << "after_ms" << YAML::Value << event.after_ms;
      out << YAML::EndMap;
    }
    out << YAML::EndSeq;
  } else if (has_body(response.body)) {
    out << YAML::Key << "body" << YAML::Value;
    emit_body(out, response.body);
  }
  out << YAML::EndMap;

  if (exchange.times != 1) out << YAML::Key << "times" << YAML::Value << exchange.times;
  out << YAML::EndMap;
}

// --- JSON ---

const std::string& checked(const std::string& text) {
  require_representable(text);
  return text;
}

nlohmann::ordered_json body_json(const Body& body) {
  switch (body_form(body.bytes)) {
    case BodyForm::Json:
      return {{"json", nlohmann::ordered_json::parse(body.bytes)}};
    case BodyForm::Text:
      return {{"text", checked(body.bytes)}};
    case BodyForm::Base64:
      break;
  }
  return {{"base64", base64_encode(body.bytes)}};
}

nlohmann::ordered_json headers_json(const Headers& headers) {
  if (headers_need_list(headers)) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Header& header : headers)
      list.push_back({{"name", checked(header.name)}, {"value", checked(header.value)}});
    return list;
  }
  nlohmann::ordered_json map = nlohmann::ordered_json::object();
  for (const Header& header : headers) map[checked(header.name)] = checked(header.value);
  return map;
}

nlohmann::ordered_json exchange_json(const Exchange& exchange) {
  nlohmann::ordered_json out;
  out["id"] = checked(exchange.id);
  const RecordedRequest& request = exchange.request;
  nlohmann::ordered_json req;
  req["method"] = checked(request.method);
  req["path"] = checked(request.path);
  if (!request.query.empty()) {
    nlohmann::ordered_json query = nlohmann::ordered_json::object();
    for (const auto& [name, values] : group_query(request.query)) {
      for (const auto& value : values) checked(value);
      query[checked(name)] =
          values.size() == 1 ? nlohmann::ordered_json(values.front()) : nlohmann::ordered_json(values);
    }
    req["query"] = std::move(query);
  }
  if (!request.headers.empty()) req["headers"] = headers_json(request.headers);
  if (has_body(request.body)) req["body"] = body_json(request.body);
  out["request"] = std::move(req);

  const RecordedResponse& response = exchange.response;
  nlohmann::ordered_json res;
  res["status"] = response.status;
  if (!response.headers.empty()) res["headers"] = headers_json(response.headers);
  if (response.is_stream) {
    nlohmann::ordered_json events = nlohmann::ordered_json::array();
    for (const SseEvent& event : response.events) {
      nlohmann::ordered_json e;
      if (!event.event.empty()) e["event"] = checked(event.event);
      if (!event.id.empty()) e["id"] = checked(event.id);
      e["data"] = checked(event.data);
      e["after_ms"] = event.after_ms;
      events.push_back(std::move(e));
    }
    res["events"] = std::move(events);
  } else if (has_body(response.body)) {
    res["body"] = body_json(response.body);
  }
  out["response"] = std::move(res);
  if (exchange.times != 1) out["times"] = exchange.times;
  return out;
}

bool ends_with_json(const std::string& path) {
  return path.size() >= 5 && strcasecmp(path.c_str() + path.size() - 5, ".json") == 0;
}

}  // namespace

std::string recording_to_yaml(const Recording& recording) {
  YAML::Emitter out;
  out.SetIndent(2);
  out << YAML::BeginMap;
  out << YAML::Key << "version" << YAML::Value << recording.version;
  if (!recording.source.empty()) {
    out << YAML::Key << "source" << YAML::Value;
    emit_text(out, recording.source);
  }
  out << YAML::Key << "exchanges" << YAML::Value;
  if (recording.exchanges.empty()) out << YAML::Flow;
  out << YAML::BeginSeq;
  for (const Exchange& exchange : recording.exchanges) emit_exchange(out, exchange);
  out << YAML::EndSeq << YAML::EndMap;
  if (!out.good()) throw std::runtime_error("cannot write the recording as YAML: " + out.GetLastError());
  return std::string(out.c_str()) + "\n";
}

std::string recording_to_json(const Recording& recording) {
  nlohmann::ordered_json out;
  out["version"] = recording.version;
  if (!recording.source.empty()) out["source"] = checked(recording.source);
  nlohmann::ordered_json exchanges = nlohmann::ordered_json::array();
  for (const Exchange& exchange : recording.exchanges) exchanges.push_back(exchange_json(exchange));
  out["exchanges"] = std::move(exchanges);
  // Replacement only for bytes that cannot be text; those went out as base64 already.
  return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

RecordingFormat recording_format_for_path(const std::string& path) {
  return ends_with_json(path) ? RecordingFormat::Json : RecordingFormat::Yaml;
}

void write_recording_file(const std::string& path, const Recording& recording) {
  write_recording_file(path, recording, recording_format_for_path(path));
}

void write_recording_file(const std::string& path, const Recording& recording, RecordingFormat format) {
  std::string text = format == RecordingFormat::Json ? recording_to_json(recording) : recording_to_yaml(recording);
  namespace fs = std::filesystem;
  fs::path target(path);
  fs::path directory = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  // The temporary lives beside the target so the rename stays on one file system (atomic).
  std::string pattern = (directory / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  int fd = ::mkstemp(pattern.data());
  if (fd < 0)
    throw std::runtime_error(fmt::format("{}: cannot create a temporary file: {}", path, std::strerror(errno)));
  size_t written = 0;
  while (written < text.size()) {
    ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int saved = errno;
      ::close(fd);
      std::remove(pattern.c_str());
      throw std::runtime_error(fmt::format("{}: write failed: {}", path, std::strerror(saved)));
    }
    written += static_cast<size_t>(n);
  }
  // mkstemp creates 0600; a recording is an ordinary project file.
  ::fchmod(fd, 0644);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    int saved = errno;
    std::remove(pattern.c_str());
    throw std::runtime_error(fmt::format("{}: write failed: {}", path, std::strerror(saved)));
  }
  if (std::rename(pattern.c_str(), path.c_str()) != 0) {
    int saved = errno;
    std::remove(pattern.c_str());
    throw std::runtime_error(fmt::format("{}: cannot replace the file: {}", path, std::strerror(saved)));
  }
}

}  // namespace gwlint::recording
