// `gwlint import` as the CLI runs it (recording/import_command.cpp): output files, messages,
// exit codes. command_import.cpp only parses options into ImportOptions.
#include "recording/import_command.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "recording_test_support.hpp"

using namespace gwlint::recording;
using namespace gwlint::recording::testing;

namespace {

struct Run {
  int code;
  std::string out;
  std::string err;
};

Run run(ImportOptions options) {
  std::ostringstream out;
  std::ostringstream err;
  int code = run_import(options, out, err);
  return {code, out.str(), err.str()};
}

const char* kSuspicious =
    R"({"Entries": [{"RequestUri": "https://x/openai/v1/chat/completions", "RequestMethod": "POST",
  "RequestHeaders": {"api-key": "0123456789abcdef0123456789abcdef"},
  "StatusCode": 200, "ResponseHeaders": {"Content-Type": "application/json"}, "ResponseBody": "not json"}]})";

}  // namespace

TEST_CASE("import writes YAML or JSON by the output's extension", "[command]") {
  std::string input = upstream("azure-sdk-assets/ChatCompletionBadKeyGivesHelpfulError.json");
  std::string yaml_out = (scratch_dir() / "cmd.yaml").string();
  Run yaml = run({input, yaml_out, "", false});
  CHECK(yaml.code == 0);
  CHECK(yaml.err == "imported 1 exchange from Azure SDK test-proxy into " + yaml_out + "\n");
  CHECK(read_bytes(yaml_out).rfind("version: 1\n", 0) == 0);

  std::string json_out = (scratch_dir() / "cmd.json").string();
  Run json = run({input, json_out, "", false});
  CHECK(json.code == 0);
  CHECK(read_bytes(json_out).rfind("{\n  \"version\": 1", 0) == 0);

  Run forced = run({input, yaml_out, "json", false});
  CHECK(forced.code == 0);
  CHECK(read_bytes(yaml_out).rfind("{", 0) == 0);
}

TEST_CASE("import to stdout", "[command]") {
  Run result = run({upstream("openllmetry/test_chat.yaml"), "-", "", false});
  CHECK(result.code == 0);
  CHECK(result.out.rfind("version: 1\n", 0) == 0);
  CHECK(result.err == "imported 1 exchange from VCR.py cassette into stdout\n");
}

TEST_CASE("warnings are printed with positions and do not fail without --strict", "[command]") {
  std::string input = write_scratch("cmd-suspicious.json", kSuspicious);
  std::string out = (scratch_dir() / "cmd-suspicious.yaml").string();
  std::filesystem::remove(out);
  Run result = run({input, out, "", false});
  CHECK(result.code == 0);
  CHECK(result.err.find(input + ":3:95: warning: chat-completions: the response body is declared JSON") == 0);
  CHECK(result.err.find("imported 1 exchange from Azure SDK test-proxy into") != std::string::npos);
  CHECK(result.err.find("0123456789abcdef") == std::string::npos);  // never print a secret
  CHECK(read_bytes(out).find("0123456789abcdef") == std::string::npos);
  CHECK(read_bytes(out).find("<redacted>") != std::string::npos);

  std::filesystem::remove(out);
  Run strict = run({input, out, "", true});
  CHECK(strict.code == 1);
  CHECK(strict.err.find("1 warning with --strict; nothing written") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out));
}

TEST_CASE("errors exit 2 and write nothing", "[command]") {
  std::string input = write_scratch("cmd-bad.yaml", "hello: world\n");
  std::string out = (scratch_dir() / "cmd-bad-out.yaml").string();
  Run result = run({input, out, "", false});
  CHECK(result.code == 2);
  CHECK(result.err.find(input + ":1:1: error: not a recognised recording") == 0);
  CHECK(result.err.find("not imported (1 error); nothing written") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(out));
  CHECK(result.out.empty());

  Run bad_format = run({upstream("openllmetry/test_chat.yaml"), "-", "xml", false});
  CHECK(bad_format.code == 2);

  Run unwritable = run({upstream("openllmetry/test_chat.yaml"), (scratch_dir() / "no" / "x.yaml").string(), "", false});
  CHECK(unwritable.code == 2);
  CHECK(unwritable.err.find("cannot create a temporary file") != std::string::npos);
}

TEST_CASE("messages are terminal-safe", "[command]") {
  CHECK(format_problem({"f.json:1:2", "bad \x1b[31mred"}, "warning") == "f.json:1:2: warning: bad \\x1B[31mred");
}
