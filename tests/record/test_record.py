#!/usr/bin/env python3
"""`gwlint record` as a user runs it: the URL on the first stdout line, a TLS upstream with a private
CA (--ca-file), SSE relayed byte for byte, the key never in the file, SIGINT/SIGTERM writing the
recording, --max-exchanges exiting by itself, `gwlint mock serve` replaying the same bytes, and
exit 2 with a message for every bad argument.

    python3 tests/record/test_record.py --gwlint BUILD/gwlint --source SOURCE_DIR
"""
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
from support import parse_test_arguments, run_tests  # noqa: E402

GWLINT = None
SOURCE = None
KEY = "c0ffee11c0ffee22c0ffee33c0ffee44"
OK = (b'{"id":"chatcmpl-9","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant",'
      b'"content":"pong"},"finish_reason":"stop"}]}')
EVENTS = [b'{"choices":[],"prompt_filter_results":[]}', b'{"choices":[{"index":0,"delta":{"content":"po"}}]}',
          b'{"choices":[{"index":0,"delta":{"content":"ng"}}]}', b"[DONE]"]
STREAM = b"".join(b"data: " + e + b"\n\n" for e in EVENTS)


class Upstream(BaseHTTPRequestHandler):
    """Azure OpenAI in miniature: 401 without the key, JSON, or SSE events 50 ms apart."""
    seen = []

    def log_message(self, *args):
        pass

    def do_POST(self):
        n = int(self.headers.get("content-length", 0))
        body = json.loads(self.rfile.read(n) or b"{}")
        Upstream.seen.append((self.path, self.headers.get("host")))
        if self.headers.get("api-key") != KEY:
            self.send_response(401)
            self.send_header("content-length", "0")
            self.end_headers()
            return
        if body.get("stream"):
            self.send_response(200)
            self.send_header("content-type", "text/event-stream; charset=utf-8")
            self.end_headers()
            for event in EVENTS:
                self.wfile.write(b"data: " + event + b"\n\n")
                self.wfile.flush()
                time.sleep(0.05)
            self.close_connection = True
        else:
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(OK)))
            self.end_headers()
            self.wfile.write(OK)


def start_upstream(tls_dir=None):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Upstream)
    scheme = "http"
    if tls_dir:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(os.path.join(tls_dir, "cert.pem"), os.path.join(tls_dir, "key.pem"))
        server.socket = context.wrap_socket(server.socket, server_side=True)
        scheme = "https"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"{scheme}://127.0.0.1:{server.server_address[1]}"


def start(args):
    """Starts gwlint, returns (process, URL from the first stdout line)."""
    process = subprocess.Popen([GWLINT, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    if not re.fullmatch(r"http://127\.0\.0\.1:\d+\n", line):
        process.kill()
        _, err = process.communicate()
        raise AssertionError(f"first stdout line is not the URL: {line!r}; stderr: {err}")
    return process, line.strip()


def stop(process, sig=signal.SIGINT):
    process.send_signal(sig)
    _, err = process.communicate(timeout=10)
    return process.returncode, err


def read(path):
    with open(path, encoding="utf-8") as file:
        return file.read()


def call(base, stream, user=None):
    payload = {"model": "chat-prod", "messages": [{"role": "user", "content": "ping"}], "stream": stream}
    if user:
        payload["user"] = user
    req = urllib.request.Request(base + "/openai/v1/chat/completions?api-version=preview",
                                 data=json.dumps(payload).encode(), method="POST",
                                 headers={"content-type": "application/json", "api-key": KEY})
    try:
        with urllib.request.urlopen(req, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.read()


class Record(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="gwlint-record-")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                        "-keyout", os.path.join(cls.tmp, "key.pem"), "-out", os.path.join(cls.tmp, "cert.pem")],
                       check=True, capture_output=True)
        cls.cert = os.path.join(cls.tmp, "cert.pem")
        cls.server, cls.upstream = start_upstream(cls.tmp)

    @classmethod
    def tearDownClass(cls):
        cls.server.shutdown()
        cls.server.server_close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def out(self, name):
        return os.path.join(self.tmp, name)

    def test_round_trip_over_tls_then_replay(self):
        out = self.out("round.yaml")
        process, base = start(["record", "--upstream", self.upstream + "/", "--out", out, "--ca-file", self.cert])
        r1 = call(base, False)
        r2 = call(base, True)
        code, err = stop(process, signal.SIGINT)
        self.assertEqual(code, 0, err)
        self.assertEqual(r1, (200, OK))
        self.assertEqual(r2, (200, STREAM))
        self.assertIn("wrote 2 exchange(s)", err)
        text = read(out)
        self.assertNotIn(KEY, text)
        self.assertNotIn(KEY[:12], text)
        self.assertIn("<redacted>", text)
        self.assertIn("id: chat-completions-stream", text)
        self.assertIn("after_ms:", text)

        mock, base2 = start(["mock", "serve", "--recording", out, "--port", "0"])
        s1 = call(base2, False)
        s2 = call(base2, True)
        code, err = stop(mock, signal.SIGTERM)
        self.assertEqual(code, 0, err)
        self.assertEqual(s1, r1)
        self.assertEqual(s2, r2)

    def test_max_exchanges_exits_by_itself(self):
        out = self.out("max.json")
        process, base = start(["record", "--upstream", self.upstream, "--out", out, "--ca-file", self.cert,
                               "--max-exchanges", "2", "--source", "max test"])
        self.assertEqual(call(base, True), (200, STREAM))
        self.assertEqual(call(base, False), (200, OK))
        _, err = process.communicate(timeout=10)  # no signal: it stops after the 2nd exchange
        self.assertEqual(process.returncode, 0, err)
        recording = json.loads(read(out))
        self.assertEqual(recording["version"], 1)
        self.assertEqual(recording["source"], "max test")
        self.assertEqual([e["id"] for e in recording["exchanges"]], ["chat-completions-stream", "chat-completions"])
        self.assertEqual([e["data"] for e in recording["exchanges"][0]["response"]["events"]],
                         [e.decode() for e in EVENTS])

    def test_redact_json_pointer(self):
        out = self.out("redact.yaml")
        process, base = start(["record", "--upstream", self.upstream, "--out", out, "--ca-file", self.cert,
                               "--redact-json", "/user", "--redact-json", "/messages/0/content"])
        self.assertEqual(call(base, False, user="alice-7f3e")[0], 200)
        code, err = stop(process, signal.SIGTERM)
        self.assertEqual(code, 0, err)
        text = read(out)
        self.assertNotIn("alice-7f3e", text)
        self.assertNotIn("ping", text)
        self.assertEqual(text.count("<redacted>"), 3)  # api-key header, /user, /messages/0/content

    def test_unverified_upstream_is_502_and_empty_recording(self):
        out = self.out("untrusted.json")
        process, base = start(["record", "--upstream", self.upstream, "--out", out])  # system CAs only
        before = len(Upstream.seen)
        status, body = call(base, False)
        code, err = stop(process, signal.SIGINT)
        self.assertEqual(status, 502)
        self.assertIn("certificate verification failed", json.loads(body)["error"]["message"])
        self.assertEqual(len(Upstream.seen), before)  # the request never went over the unverified connection
        self.assertEqual(code, 0, err)
        self.assertIn("no exchange was recorded", err)
        self.assertEqual(json.loads(read(out))["exchanges"], [])

    def test_plain_http_upstream_warns(self):
        server, upstream = start_upstream()
        try:
            out = self.out("plain.yaml")
            process, base = start(["record", "--upstream", upstream + "/base", "--out", out])
            self.assertEqual(call(base, False), (200, OK))
            code, err = stop(process)
            self.assertEqual(code, 0, err)
            self.assertIn("plain http://", err)
            self.assertEqual(Upstream.seen[-1], ("/base/openai/v1/chat/completions?api-version=preview",
                                                 upstream[len("http://"):]))
        finally:
            server.shutdown()
            server.server_close()

    def test_bad_arguments_exit_2(self):
        busy = socket.socket()
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        not_pem = self.out("not.pem")
        with open(not_pem, "w", encoding="utf-8") as file:
            file.write("hello\n")
        out = self.out("never.yaml")
        cases = [
            (["--upstream", "ftp://x", "--out", out], "not an http(s) URL"),
            (["--upstream", "https://u:p@x", "--out", out], "credentials"),
            (["--upstream", self.upstream, "--out", out, "--ca-file", self.out("missing.pem")], "cannot read"),
            (["--upstream", self.upstream, "--out", out, "--ca-file", not_pem], "no PEM certificate"),
            (["--upstream", "http://127.0.0.1:1", "--out", out, "--ca-file", self.cert], "https:// upstream only"),
            (["--upstream", self.upstream, "--out", out, "--redact-json", "user"], "not a JSON pointer"),
            (["--upstream", self.upstream, "--out", out, "--listen", "127.0.0.1"], "HOST:PORT"),
            (["--upstream", self.upstream, "--out", out, "--listen", f"127.0.0.1:{port}"], "cannot listen"),
            (["--upstream", self.upstream, "--out", self.out("no/such/dir.yaml")], "does not exist"),
            (["--upstream", self.upstream, "--out", out, "--max-exchanges", "0"], "at least 1"),
        ]
        try:
            for args, message in cases:
                with self.subTest(args=args):
                    result = subprocess.run([GWLINT, "record", *args], capture_output=True, text=True, timeout=10)
                    self.assertEqual(result.returncode, 2, result.stderr)
                    self.assertIn(message, result.stderr)
                    self.assertEqual(result.stdout, "")
        finally:
            busy.close()
        self.assertFalse(os.path.exists(out))

    def test_help_never_offers_to_disable_verification(self):
        result = subprocess.run([GWLINT, "record", "--help"], capture_output=True, text=True, timeout=10)
        self.assertEqual(result.returncode, 0)
        self.assertIn("--ca-file", result.stdout)
        self.assertNotIn("insecure", result.stdout.lower())
        self.assertNotIn("no-verify", result.stdout.lower())


if __name__ == "__main__":
    GWLINT, SOURCE, rest = parse_test_arguments()
    run_tests(rest)
