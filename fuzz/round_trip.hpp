#pragma once
// Write a recording (YAML and JSON), load it back, and require the same exchanges: every body and
// event byte for byte, headers and query in order. What `gwlint import` writes must load, and
// loading what the writer wrote must give the recording it was written from.
#include <stdexcept>
#include <string>

#include "config/loader.hpp"
#include "fuzz_support.hpp"
#include "recording/recording_io.hpp"

namespace gwlint_fuzz {

inline std::string describe_problems(const gwlint::recording::LoadResult& loaded) {
  std::string text;
  for (const auto& problem : loaded.problems) text += problem.location + ": " + problem.message + "\n";
  return text;
}

inline void check_same(const gwlint::recording::Recording& a, const gwlint::recording::Recording& b,
                       const std::string& written) {
  using namespace gwlint::recording;
  auto same_headers = [](const Headers& x, const Headers& y) {
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i) {
      if (x[i].name != y[i].name || x[i].value != y[i].value) return false;
    }
    return true;
  };
  FUZZ_CHECK(a.source == b.source, "source changed:\n" + written);
  FUZZ_CHECK(a.exchanges.size() == b.exchanges.size(), "exchange count changed:\n" + written);
  for (size_t i = 0; i < a.exchanges.size(); ++i) {
    const Exchange& x = a.exchanges[i];
    const Exchange& y = b.exchanges[i];
    std::string where = "exchange " + std::to_string(i) + " (" + x.id + "): ";
    FUZZ_CHECK(x.id == y.id, where + "id changed:\n" + written);
    FUZZ_CHECK(x.times == y.times, where + "times changed:\n" + written);
    FUZZ_CHECK(x.request.method == y.request.method, where + "method changed:\n" + written);
    FUZZ_CHECK(x.request.path == y.request.path, where + "path changed:\n" + written);
    FUZZ_CHECK(x.request.query == y.request.query, where + "query changed:\n" + written);
    FUZZ_CHECK(same_headers(x.request.headers, y.request.headers), where + "request headers changed:\n" + written);
    FUZZ_CHECK(x.request.body.bytes == y.request.body.bytes, where + "request body bytes changed:\n" + written);
    FUZZ_CHECK(x.response.status == y.response.status, where + "status changed:\n" + written);
    FUZZ_CHECK(same_headers(x.response.headers, y.response.headers), where + "response headers changed:\n" + written);
    FUZZ_CHECK(x.response.is_stream == y.response.is_stream, where + "stream-ness changed:\n" + written);
    if (x.response.is_stream) {
      FUZZ_CHECK(x.response.events.size() == y.response.events.size(), where + "event count changed:\n" + written);
      for (size_t k = 0; k < x.response.events.size(); ++k) {
        const SseEvent& e = x.response.events[k];
        const SseEvent& f = y.response.events[k];
        FUZZ_CHECK(e.data == f.data && e.event == f.event && e.id == f.id && e.after_ms == f.after_ms,
                   where + "event " + std::to_string(k) + " changed:\n" + written);
      }
    } else {
      FUZZ_CHECK(x.response.body.bytes == y.response.body.bytes, where + "response body bytes changed:\n" + written);
    }
  }
}

inline gwlint::recording::LoadResult reload(const std::string& path, const std::string& text) {
  gwlint::LoadLimits limits;
  limits.max_bytes = 256u << 20;
  auto document = gwlint::load_document(path, text, limits, std::string());
  return gwlint::recording::recording_from_document(*document);
}

// The writers refuse (std::runtime_error) a recording holding a string neither YAML nor JSON can
// carry: invalid UTF-8 or DEL outside a body (event data from a base64 stream, a header from a
// `"\x7f"` escape). `gwlint import` reports that as an error and writes nothing; any other
// exception from a writer is a bug.
inline bool refused(const std::exception& error) {
  return std::string(error.what()).find("is not valid UTF-8 or holds DEL") != std::string::npos;
}

inline void round_trip(const gwlint::recording::Recording& recording) {
  using namespace gwlint::recording;
  std::string yaml;
  try {
    yaml = recording_to_yaml(recording);
  } catch (const std::runtime_error& error) {
    FUZZ_CHECK(refused(error), std::string("the YAML writer threw: ") + error.what());
    std::string json;
    try {
      json = recording_to_json(recording);
    } catch (const std::runtime_error& again) {
      FUZZ_CHECK(refused(again), std::string("the JSON writer threw: ") + again.what());
      return;
    }
    FUZZ_CHECK(false, "the YAML writer refused a recording the JSON writer wrote:\n" + json);
  }
  LoadResult from_yaml = reload("round-trip.yaml", yaml);
  FUZZ_CHECK(from_yaml.ok(), "the YAML the writer wrote does not load:\n" + describe_problems(from_yaml) + yaml);
  check_same(recording, *from_yaml.recording, yaml);
  FUZZ_CHECK(recording_to_yaml(*from_yaml.recording) == yaml, "writing the reloaded recording differs:\n" + yaml);

  std::string json = recording_to_json(recording);
  LoadResult from_json = reload("round-trip.json", json);
  FUZZ_CHECK(from_json.ok(), "the JSON the writer wrote does not load:\n" + describe_problems(from_json) + json);
  check_same(recording, *from_json.recording, json);
}

}  // namespace gwlint_fuzz
