#!/usr/bin/env python3
"""`gwlint mock serve` as scripts use it: the URL on the first stdout line, real curl for replay,
a miss (599 naming the differing JSON pointer), the journal and reset endpoints, SSE, and a clean
exit 0 on SIGTERM/SIGINT; a bad recording exits 2 with file:line:col.

    python3 tests/mock/test_mock_serve.py --gwlint BUILD/gwlint --source SOURCE_DIR
"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
from support import parse_test_arguments, run_tests  # noqa: E402

GWLINT = None
SOURCE = None

# No trailing newline, newlines inside: replay must keep the bytes exactly.
BODY = '{"id":"chatcmpl-1","choices":[{"message":{"content":"Hi there"}}],\n "usage":{"total_tokens":9}}'
RECORDING = {
    "version": 1,
    "source": "test_mock_serve.py",
    "exchanges": [
        {"id": "chat-ok",
         "request": {"method": "POST", "path": "/openai/v1/chat/completions", "query": {"api-version": "preview"},
                     "headers": {"content-type": "application/json", "api-key": "<redacted>"},
                     "body": {"json": {"model": "chat-prod", "messages": [{"role": "user", "content": "hello"}]}}},
         "response": {"status": 200, "headers": {"content-type": "application/json", "apim-request-id": "abc"},
                      "body": {"text": BODY}},
         "times": 1},
        {"id": "chat-stream",
         "request": {"method": "POST", "path": "/openai/v1/chat/completions", "query": {"api-version": "preview"},
                     "headers": {"content-type": "application/json"},
                     "body": {"json": {"model": "chat-prod", "stream": True,
                                       "messages": [{"role": "user", "content": "hello"}]}}},
         "response": {"status": 200, "headers": {"content-type": "text/event-stream; charset=utf-8"},
                      "events": [{"data": '{"choices":[],"prompt_filter_results":[]}', "after_ms": 0},
                                 {"data": '{"choices":[{"delta":{"content":"Hel"}}]}', "after_ms": 30},
                                 {"data": "[DONE]", "after_ms": 5}]},
         "times": 0},
    ],
}
SECRET = "sk-live-77aa88bb99cc00dd11ee22ff33aa44bb"


def chat_body(content="hello", stream=False):
    body = {"messages": [{"role": "user", "content": content}], "model": "chat-prod"}
    if stream:
        body["stream"] = True
    return json.dumps(body)


class MockServe(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="gwlint-mock-")
        self.process = None

    def tearDown(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        if self.process:
            self.process.stdout.close()
            self.process.stderr.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    def start(self, *extra, recording=None):
        path = recording or self.write("rec.json", json.dumps(RECORDING))
        self.process = subprocess.Popen([GWLINT, "mock", "serve", "--recording", path, "--port", "0", *extra],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        match = re.fullmatch(r"(http://127\.0\.0\.1:\d+)\n", line)
        self.assertIsNotNone(match, f"first stdout line is not the URL: {line!r}")
        return match.group(1)

    def curl(self, *args):
        """Runs curl; returns (status, body bytes)."""
        out = os.path.join(self.dir, "curl.out")
        result = subprocess.run(["curl", "-sS", "-o", out, "-w", "%{http_code}", "--max-time", "10", *args],
                                capture_output=True, text=True, timeout=20)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(out, "rb") as f:
            return int(result.stdout), f.read()

    def post_chat(self, url, content="hello", stream=False, extra=()):
        return self.curl("-X", "POST", "-H", "content-type: application/json", "-H", f"api-key: {SECRET}",
                         "--data-binary", chat_body(content, stream), *extra,
                         f"{url}/openai/v1/chat/completions?api-version=preview")

    def stop(self, sig=signal.SIGTERM):
        started = time.monotonic()
        self.process.send_signal(sig)
        code = self.process.wait(timeout=5)
        self.assertLess(time.monotonic() - started, 5)
        return code

    def test_replay_miss_journal_reset_and_sigterm(self):
        url = self.start()
        status, body = self.post_chat(url, extra=("--compressed",))
        self.assertEqual(status, 200)
        self.assertEqual(body, BODY.encode())

        status, body = self.post_chat(url)  # times: 1, already used
        self.assertEqual(status, 599)
        report = json.loads(body)
        self.assertEqual(report["error"]["code"], "gwlint_no_match")
        self.assertEqual(report["gwlint"]["cause"], "closest_used_up")
        self.assertEqual(report["gwlint"]["closest"]["id"], "chat-ok")

        status, body = self.curl("-X", "POST", f"{url}/__gwlint/reset")
        self.assertEqual(status, 200)
        status, body = self.post_chat(url, content="hello!")
        self.assertEqual(status, 599)
        report = json.loads(body)["gwlint"]
        self.assertEqual(report["cause"], "closest_differs")
        self.assertEqual(report["closest"]["id"], "chat-ok")
        self.assertIn({"field": "body", "pointer": "/messages/0/content", "change": "value",
                       "expected": "hello", "actual": "hello!"}, report["differences"])
        self.assertRegex(report["closest"]["location"], r"rec\.json:\d+:\d+$")
        self.assertNotIn(SECRET, body.decode())

        status, body = self.curl(f"{url}/__gwlint/journal")
        self.assertEqual(status, 200)
        requests = json.loads(body)["requests"]
        self.assertEqual(len(requests), 1)  # the reset cleared the two before
        self.assertEqual(requests[0]["status"], 599)
        self.assertEqual(requests[0]["miss"]["differences"][0]["pointer"], "/messages/0/content")
        self.assertNotIn(SECRET, body.decode())
        self.assertIn("<redacted>", body.decode())

        status, body = self.post_chat(url)  # the reset made chat-ok usable again
        self.assertEqual((status, body), (200, BODY.encode()))
        self.assertEqual(self.stop(signal.SIGTERM), 0)

    def test_stream_replayed_as_sse(self):
        url = self.start("--time-scale", "1")
        started = time.monotonic()
        status, body = self.post_chat(url, stream=True, extra=("-N",))
        self.assertEqual(status, 200)
        self.assertEqual(body.decode(), 'data: {"choices":[],"prompt_filter_results":[]}\n\n'
                                        'data: {"choices":[{"delta":{"content":"Hel"}}]}\n\n'
                                        "data: [DONE]\n\n")
        self.assertGreaterEqual(time.monotonic() - started, 0.03)
        self.assertEqual(self.stop(signal.SIGINT), 0)

    def test_sigterm_with_an_open_connection(self):
        url = self.start()
        # A connection kept open by a client that sends half a request.
        holder = subprocess.Popen(["curl", "-sS", "--max-time", "30", "-X", "POST", "-H", "content-length: 1000",
                                   "--data-binary", "x", f"{url}/openai/v1/chat/completions"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(0.3)
            self.assertEqual(self.stop(signal.SIGTERM), 0)
        finally:
            holder.kill()
            holder.wait()

    def test_ignore_json_and_ignore_header(self):
        recording = json.loads(json.dumps(RECORDING))
        recording["exchanges"][0]["request"]["headers"]["x-stainless-lang"] = "js"
        url = self.start("--ignore-json", "/messages/0/content", "--ignore-header", "x-stainless-*",
                         recording=self.write("rec2.json", json.dumps(recording)))
        status, body = self.post_chat(url, content="something else")
        self.assertEqual((status, body), (200, BODY.encode()))
        self.assertEqual(self.stop(), 0)

    def test_bad_recording_exits_2_with_file_line_col(self):
        path = self.write("bad.yaml", "version: 1\nexchanges:\n  - id: x\n    request: {method: POST}\n"
                                      "    response: {status: nope}\n")
        result = subprocess.run([GWLINT, "mock", "serve", "--recording", path], capture_output=True, text=True,
                                timeout=30)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertEqual(result.stdout, "")
        self.assertRegex(result.stderr, re.escape(path) + r":\d+:\d+: ")

    def test_missing_recording_and_bad_options_exit_2(self):
        result = subprocess.run([GWLINT, "mock", "serve", "--recording", os.path.join(self.dir, "none.yaml")],
                                capture_output=True, text=True, timeout=30)
        self.assertEqual(result.returncode, 2)
        self.assertIn("none.yaml", result.stderr)
        path = self.write("rec.json", json.dumps(RECORDING))
        result = subprocess.run([GWLINT, "mock", "serve", "--recording", path, "--ignore-json", "messages"],
                                capture_output=True, text=True, timeout=30)
        self.assertEqual(result.returncode, 2)
        self.assertIn("JSON pointer", result.stderr)

    def test_port_in_use_exits_2(self):
        url = self.start()
        port = url.rsplit(":", 1)[1]
        path = self.write("rec3.json", json.dumps(RECORDING))
        result = subprocess.run([GWLINT, "mock", "serve", "--recording", path, "--port", port],
                                capture_output=True, text=True, timeout=30)
        self.assertEqual(result.returncode, 2)
        self.assertIn(port, result.stderr)
        self.assertEqual(self.stop(), 0)


if __name__ == "__main__":
    GWLINT, SOURCE, rest = parse_test_arguments()
    run_tests(rest)
