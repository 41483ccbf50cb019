#include "report/terminal_text.hpp"

#include <catch2/catch.hpp>

using namespace gwlint;

TEST_CASE("untrusted text cannot drive the terminal", "[report]") {
  CHECK(terminal_safe("X-\x1b]0;pwned\x07\x1b[31m") == "X-\\x1B]0;pwned\\x07\\x1B[31m");
  CHECK(terminal_safe("line\xE2\x80\xA8sep") == "line\\u{2028}sep");
  CHECK(terminal_safe("rtl \xE2\x80\xAE override") == "rtl \\u{202E} override");
  CHECK(terminal_safe("caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC") == "caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC");
  CHECK(terminal_safe("a\tb", true) == "a b");
}

TEST_CASE("display width counts wide characters twice", "[report]") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("\xE6\x97\xA5\xE6\x9C\xAC") == 4);  // 日本
  CHECK(display_width("e\xCC\x81") == 1);                 // e + combining acute
}
