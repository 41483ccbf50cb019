"""`gwlint scenario run` from the outside: the shipped library passes, failures say what differed,
invalid files exit 2 with file:line:col, -j keeps results, reports parse, command clients speak the
protocol, and a client that hangs is killed with its whole process group."""
import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest
import xml.dom.minidom

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "cli"))
from support import parse_test_arguments, run_tests  # noqa: E402

GWLINT, SOURCE, REST = parse_test_arguments()

CONFIG = """aiGateway:
  providers:
    azure:
      apiKey: ${AZURE_OPENAI_API_KEY}
      resourceName: acme-openai-eastus2
      headers:
        X-Team: platform
  languageModel: azure|chat-prod
"""

EXCHANGE = """exchanges:
  - id: chat-ok
    request:
      method: POST
      path: /openai/v1/chat/completions
      query: { api-version: preview }
      headers: { api-key: "<redacted>", x-team: platform }
      body: { json: { model: chat-prod, messages: [ { role: user, content: %s } ] } }
    response:
      status: 200
      headers: { content-type: application/json }
      body: { text: '{"choices":[{"index":0,"message":{"role":"assistant","content":"Hello there"},"finish_reason":"stop"}]}' }
"""

# A command client in Python: reads the GWLINT_* protocol, calls the mock with urllib, prints one
# JSON result line. What any team's own client (in any language) would do.
PY_CLIENT = r'''
import json, os, sys, urllib.request, urllib.error
call = json.loads(os.environ["GWLINT_CALL"])
headers = {"api-key": os.environ["GWLINT_API_KEY"], "content-type": "application/json"}
headers.update(json.loads(os.environ["GWLINT_HEADERS"]))
url = os.environ["GWLINT_BASE_URL"] + "/v1/chat/completions?api-version=" + os.environ["GWLINT_API_VERSION"]
body = json.dumps({"model": os.environ["GWLINT_DEPLOYMENT"], "messages": [{"role": "user", "content": call["input"]}]})
print("client log line", file=sys.stderr)
try:
    answer = json.loads(urllib.request.urlopen(urllib.request.Request(url, body.encode(), headers), timeout=5).read())
    print("some chatter before the result")
    print(json.dumps({"outcome": "ok", "status": 200, "text": answer["choices"][0]["message"]["content"]}))
except urllib.error.HTTPError as e:
    error = json.loads(e.read() or b"{}").get("error", {})
    print(json.dumps({"outcome": "error", "status": e.code, "error_code": str(error.get("code", ""))}))
'''


def run(args, cwd=SOURCE, timeout=120):
    return subprocess.run([GWLINT, "scenario", "run", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout)


class Workspace:
    def __init__(self):
        self.dir = tempfile.TemporaryDirectory(prefix="gwlint-scenario-")
        self.path = self.dir.name
        self.write("app-config.yaml", CONFIG)

    def write(self, name, text):
        path = os.path.join(self.path, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
        return path

    def scenario(self, name, body, content="hi"):
        return self.write(name, "config: app-config.yaml\n" + EXCHANGE % content + textwrap.dedent(body))


class HarnessTest(unittest.TestCase):
    def workspace(self):
        w = Workspace()
        self.addCleanup(w.dir.cleanup)
        return w


class LibraryTest(unittest.TestCase):
    def test_shipped_library_passes(self):
        result = run(["scenarios/", "-j", "2"], timeout=300)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        last = result.stdout.strip().splitlines()[-1]
        match = re.match(r"(\d+) scenarios: (\d+) passed, 0 failed, 0 invalid", last)
        self.assertIsNotNone(match, last)
        self.assertGreaterEqual(int(match.group(1)), 13)
        self.assertEqual(match.group(1), match.group(2))

    def test_parallel_runs_report_the_same_as_serial(self):
        serial = json.loads(run(["scenarios/", "--format", "json"], timeout=300).stdout)
        parallel = json.loads(run(["scenarios/", "--format", "json", "-j", "4"], timeout=300).stdout)
        summary = lambda doc: [(s["path"], s["status"], [c["result"]["status"] for c in s["calls"]]) for s in doc["scenarios"]]
        self.assertEqual(summary(serial), summary(parallel))


class FailureReportTest(HarnessTest):
    def test_wrong_expectation_shows_expected_and_actual(self):
        w = self.workspace()
        w.scenario("s.yaml", """
            calls: [ { op: chat } ]
            expect: { outcome: ok, status: 201 }
        """)
        result = run([w.path])
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn("FAIL", result.stdout)
        self.assertIn("status: expected 201, got 200", result.stdout)

    def test_a_miss_names_the_closest_exchange_and_the_json_pointer(self):
        w = self.workspace()
        w.scenario("s.yaml", """
            calls: [ { op: chat, input: hello } ]
            expect: { outcome: ok }
        """)
        result = run([w.path])
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertIn("matched a recorded exchange", result.stdout)
        self.assertIn("chat-ok", result.stdout)
        self.assertIn("/messages/0/content", result.stdout)

    def test_json_and_junit_reports_parse(self):
        w = self.workspace()
        w.scenario("ok.yaml", "calls: [ { op: chat } ]\nexpect: { outcome: ok, text: Hello }\n")
        w.scenario("bad.yaml", "calls: [ { op: chat } ]\nexpect: { outcome: error }\n")
        doc = json.loads(run([w.path, "--format", "json"]).stdout)
        self.assertEqual(doc["summary"]["passed"], 1)
        self.assertEqual(doc["summary"]["failed"], 1)
        ok = [s for s in doc["scenarios"] if s["path"].endswith("ok.yaml")][0]
        self.assertEqual(ok["requests"][0]["headers"].get("api-key"), "<redacted>")
        out = os.path.join(w.path, "report.xml")
        result = run([w.path, "--format", "junit", "-o", out])
        self.assertEqual(result.returncode, 1)
        dom = xml.dom.minidom.parse(out)
        self.assertEqual(len(dom.getElementsByTagName("testcase")), 2)
        self.assertEqual(len(dom.getElementsByTagName("failure")), 1)

    def test_invalid_scenario_exits_2_with_position(self):
        w = self.workspace()
        path = w.scenario("s.yaml", "calls: [ { op: complete } ]\n")
        result = run([path])
        self.assertEqual(result.returncode, 2, result.stdout)
        self.assertRegex(result.stdout, r"s\.yaml:\d+:\d+: calls\[0\]\.op")

    def test_missing_path_is_a_usage_error(self):
        result = run(["/nonexistent/scenarios"])
        self.assertEqual(result.returncode, 2)
        self.assertIn("no such file", result.stderr)


class CommandClientTest(HarnessTest):
    def test_a_python_command_client_passes_through_the_protocol(self):
        w = self.workspace()
        client = w.write("client.py", PY_CLIENT)
        w.scenario("s.yaml", f"""
            client: {{ command: [{sys.executable}, {client}], timeout_ms: 10000 }}
            calls: [ {{ op: chat }} ]
            expect: {{ outcome: ok, status: 200, text: Hello there, requests: 1 }}
        """)
        result = run([w.path, "-v"])
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def test_a_hanging_client_is_killed_with_its_whole_group(self):
        w = self.workspace()
        marker = f"{os.getpid() % 1000 + 3000}.{int(time.time()) % 1000}"
        w.scenario("s.yaml", f"""
            client: {{ command: [sh, -c, "sleep {marker} & sleep {marker}"], timeout_ms: 700 }}
            calls: [ {{ op: chat }} ]
            expect: {{ outcome: error, error_code: timeout }}
        """)
        started = time.monotonic()
        result = run([w.path])
        elapsed = time.monotonic() - started
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertLess(elapsed, 20)  # the sleeps last an hour: anything near 20 s means no kill
        left = subprocess.run(["pgrep", "-f", f"sleep {marker}"], capture_output=True, text=True).stdout.split()
        self.assertEqual(left, [], "processes left behind")


if __name__ == "__main__":
    run_tests(REST)
