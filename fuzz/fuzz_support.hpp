#pragma once
// Shared by the fuzz targets: a failed invariant aborts with a message, which libFuzzer reports
// as a crash and saves the input for (fuzz/regressions/<target>/ keeps the ones we fixed).
#include <cstdio>
#include <cstdlib>
#include <string>

#define FUZZ_CHECK(condition, ...)                                                                  \
  do {                                                                                              \
    if (!(condition)) {                                                                             \
      std::fprintf(stderr, "fuzz invariant failed at %s:%d: %s\n", __FILE__, __LINE__, #condition); \
      gwlint_fuzz::explain(__VA_ARGS__);                                                            \
      std::abort();                                                                                 \
    }                                                                                               \
  } while (false)

namespace gwlint_fuzz {

inline void explain() {}
inline void explain(const std::string& detail) {
  std::fprintf(stderr, "  %s\n", detail.c_str());
}

// UTF-8 (structurally: lead and continuation bytes); with `xml`, also no control characters
// other than tab, LF and CR, which XML 1.0 forbids.
inline bool valid_utf8(const std::string& text, bool xml = false) {
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (xml && c < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
    size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

inline bool valid_xml_text(const std::string& text) {
  return valid_utf8(text, true);
}

}  // namespace gwlint_fuzz
