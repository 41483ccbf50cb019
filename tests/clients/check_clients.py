#!/usr/bin/env python3
"""Checks gwlint's real Node client adapters (clients/*/run.mjs) against a tiny Azure-like server.

For each adapter: `npm ci` when node_modules is missing (skipped with a message when npm is not
available), then one fresh server per case on 127.0.0.1:0 that records every request and answers
like Azure OpenAI (chat JSON, SSE stream, embeddings, Responses API, errors, faults). The adapter is
run with gwlint's command-client environment (GWLINT_*), its last stdout line is checked, and a
table of exactly what each client sent is printed -- that is what gwlint's builtin client and
recordings must agree with.

Python 3.11 standard library only.

  python3 tests/clients/check_clients.py                 # all adapters, all cases
  python3 tests/clients/check_clients.py --adapter openai --case chat_ok -v
  python3 tests/clients/check_clients.py --json report.json

Exit status: 0 when every asserted case passed, 1 otherwise, 2 on bad usage. Cases marked
"observe" record what the SDK does (e.g. a stream cut before [DONE]) without asserting it.
"""
from __future__ import annotations

import argparse
import base64
import concurrent.futures
import http.server
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = ROOT / "clients"
API_KEY = "gwlint-test-key-5f3c9a1b7e2d4c6a8b0f"  # must never show up in the adapters' output
DEPLOYMENT = "chat-prod"
EMBED_DEPLOYMENT = "embed-prod"

# name -> (folder, extra environment)
ADAPTERS: dict[str, tuple[str, dict[str, str]]] = {
    "ai-sdk": ("ai-sdk", {}),
    "ai-sdk-latest": ("ai-sdk-latest", {}),  # azure(id): the Responses API from 3.x on
    "ai-sdk-latest[chat]": ("ai-sdk-latest", {"GWLINT_AI_SDK_API": "chat"}),
    "openai": ("openai", {}),
}

# ------------------------------------------------------------------------------------- responses

AZ_HEADERS = {
    "apim-request-id": "6f0c2a8e-0000-4000-8000-000000000001",
    "x-request-id": "req-0001",
    "x-ms-region": "Sweden Central",
}
CF_OK = {
    "hate": {"filtered": False, "severity": "safe"},
    "self_harm": {"filtered": False, "severity": "safe"},
    "sexual": {"filtered": False, "severity": "safe"},
    "violence": {"filtered": False, "severity": "safe"},
}


def chat_json(text: str = "Hello!") -> dict:
    return {
        "id": "chatcmpl-AZ1",
        "object": "chat.completion",
        "created": 1760000000,
        "model": "gpt-4o-2024-08-06",
        "system_fingerprint": "fp_az",
        "choices": [{
            "index": 0,
            "finish_reason": "stop",
            "logprobs": None,
            "message": {"role": "assistant", "content": text, "refusal": None, "annotations": []},
            "content_filter_results": CF_OK,
        }],
        "prompt_filter_results": [{"prompt_index": 0, "content_filter_results": CF_OK}],
        "usage": {"prompt_tokens": 8, "completion_tokens": 2, "total_tokens": 10},
    }


def chat_stream_events(parts=("Hello", " there")) -> list[str]:
    base = {"id": "chatcmpl-AZ2", "object": "chat.completion.chunk", "created": 1760000000,
            "model": "gpt-4o-2024-08-06", "system_fingerprint": "fp_az"}
    events = [json.dumps({"choices": [], "created": 0, "id": "", "model": "", "object": "",
                          "prompt_filter_results": [{"prompt_index": 0, "content_filter_results": CF_OK}]})]
    events.append(json.dumps({**base, "choices": [{"index": 0, "content_filter_results": {}, "finish_reason": None,
                                                   "logprobs": None,
                                                   "delta": {"role": "assistant", "content": "", "refusal": None}}]}))
    for p in parts:
        events.append(json.dumps({**base, "choices": [{"index": 0, "content_filter_results": CF_OK,
                                                       "finish_reason": None, "logprobs": None,
                                                       "delta": {"content": p}}]}))
    events.append(json.dumps({**base, "choices": [{"index": 0, "content_filter_results": {}, "finish_reason": "stop",
                                                   "logprobs": None, "delta": {}}]}))
    events.append("[DONE]")
    return events


def responses_json(text: str = "Hello!") -> dict:
    return {
        "id": "resp_AZ1", "object": "response", "created_at": 1760000000, "status": "completed",
        "model": "gpt-4o-2024-08-06", "error": None, "incomplete_details": None,
        "output": [{"type": "message", "id": "msg_AZ1", "status": "completed", "role": "assistant",
                    "content": [{"type": "output_text", "text": text, "annotations": [], "logprobs": []}]}],
        "usage": {"input_tokens": 8, "output_tokens": 2, "total_tokens": 10,
                  "input_tokens_details": {"cached_tokens": 0}, "output_tokens_details": {"reasoning_tokens": 0}},
    }


def responses_stream_events(parts=("Hello", " there")) -> list[tuple[str, str]]:
    text = "".join(parts)
    resp = responses_json(text)
    created = {**resp, "status": "in_progress", "output": [], "usage": None}
    item = {"type": "message", "id": "msg_AZ1", "status": "in_progress", "role": "assistant", "content": []}
    ev: list[dict] = [
        {"type": "response.created", "sequence_number": 0, "response": created},
        {"type": "response.in_progress", "sequence_number": 1, "response": created},
        {"type": "response.output_item.added", "sequence_number": 2, "output_index": 0, "item": item},
        {"type": "response.content_part.added", "sequence_number": 3, "item_id": "msg_AZ1", "output_index": 0,
         "content_index": 0, "part": {"type": "output_text", "text": "", "annotations": []}},
    ]
    for p in parts:
        ev.append({"type": "response.output_text.delta", "sequence_number": len(ev), "item_id": "msg_AZ1",
                   "output_index": 0, "content_index": 0, "delta": p, "logprobs": []})
    ev.append({"type": "response.output_text.done", "sequence_number": len(ev), "item_id": "msg_AZ1",
               "output_index": 0, "content_index": 0, "text": text, "logprobs": []})
    ev.append({"type": "response.output_item.done", "sequence_number": len(ev), "output_index": 0,
               "item": resp["output"][0]})
    ev.append({"type": "response.completed", "sequence_number": len(ev), "response": resp})
    return [(e["type"], json.dumps(e)) for e in ev]


def embeddings_json(encoding: str | None) -> dict:
    vec = [0.0123, -0.0456, 0.0789]
    emb: object = vec
    if encoding == "base64":
        emb = base64.b64encode(struct.pack("<%df" % len(vec), *vec)).decode()
    return {"object": "list", "model": "text-embedding-3-small",
            "data": [{"object": "embedding", "index": 0, "embedding": emb}],
            "usage": {"prompt_tokens": 1, "total_tokens": 1}}


ERRORS = {
    "404": (404, {"error": {"code": "DeploymentNotFound", "message": "The API deployment for this resource does not "
                            "exist. If you created the deployment within the last 5 minutes, please wait a moment "
                            "and try again."}}, {}),
    "401": (401, {"error": {"code": "401", "message": "Access denied due to invalid subscription key or wrong API "
                            "endpoint. Make sure to provide a valid key for an active subscription and use a correct "
                            "regional API endpoint for your resource."}}, {}),
    "429": (429, {"error": {"code": "429", "message": "Requests to the ChatCompletions_Create Operation under Azure "
                            "OpenAI API version preview have exceeded token rate limit of your current AIServices S0 "
                            "pricing tier. Please retry after 1 second."}},
            {"retry-after": "1", "retry-after-ms": "200"}),
}

# ------------------------------------------------------------------------------------- the server


@dataclass
class Seen:
    method: str
    path: str
    query: list[tuple[str, str]]
    headers: list[tuple[str, str]]
    body: bytes
    t_start: float
    t_end: float = 0.0


class AzureLikeServer:
    """One server per case. `plan` is a list of behaviours used in request order (the last repeats)."""

    def __init__(self, plan: list[str]):
        self.plan = plan
        self.seen: list[Seen] = []
        self.lock = threading.Lock()
        self.stop = threading.Event()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):  # quiet
                pass

            def do_GET(self):
                outer.handle(self)

            do_POST = do_GET

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    # -- helpers
    @staticmethod
    def _send_json(h, status: int, obj: dict, extra: dict | None = None):
        data = json.dumps(obj).encode()
        h.send_response(status)
        h.send_header("content-type", "application/json")
        for k, v in {**AZ_HEADERS, **(extra or {})}.items():
            h.send_header(k, v)
        h.send_header("content-length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)
        h.wfile.flush()

    @staticmethod
    def _start_sse(h, chunked: bool = True):
        h.send_response(200)
        h.send_header("content-type", "text/event-stream; charset=utf-8")
        for k, v in AZ_HEADERS.items():
            h.send_header(k, v)
        if chunked:
            h.send_header("transfer-encoding", "chunked")
        else:
            h.send_header("connection", "close")  # body ends when the connection closes
            h.close_connection = True
        h.end_headers()

    @staticmethod
    def _write(h, data: bytes, chunked: bool):
        if chunked:
            h.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        else:
            h.wfile.write(data)
        h.wfile.flush()

    @staticmethod
    def _abort_socket(h, rst: bool):
        sock = h.connection
        try:
            if rst:  # SO_LINGER 0: close sends RST
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            else:
                sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        try:
            sock.close()
        except OSError:
            pass
        h.close_connection = True

    def handle(self, h):
        length = int(h.headers.get("content-length") or 0)
        body = h.rfile.read(length) if length else b""
        u = urllib.parse.urlsplit(h.path)
        seen = Seen(h.command, u.path, urllib.parse.parse_qsl(u.query, keep_blank_values=True),
                    list(h.headers.items()), body, time.monotonic())
        with self.lock:
            self.seen.append(seen)
            idx = len(self.seen) - 1
        kind = self.plan[min(idx, len(self.plan) - 1)]
        try:
            self.respond(h, kind, u.path, body)
        except (BrokenPipeError, ConnectionResetError):
            pass
        seen.t_end = time.monotonic()

    def respond(self, h, kind: str, path: str, body: bytes):
        try:
            req = json.loads(body or b"{}")
        except ValueError:
            req = {}
        is_responses = path.endswith("/responses")
        streaming = bool(req.get("stream"))
        if kind in ERRORS:
            status, obj, extra = ERRORS[kind]
            self._send_json(h, status, obj, extra)
            return
        if kind == "stall":
            self.stop.wait(3600)
            self._abort_socket(h, rst=False)
            return
        if kind == "empty":
            self._abort_socket(h, rst=False)
            return
        if kind == "reset":
            self._abort_socket(h, rst=True)
            return
        if path.endswith("/embeddings"):
            self._send_json(h, 200, embeddings_json(req.get("encoding_format")))
            return
        if not streaming:
            self._send_json(h, 200, responses_json() if is_responses else chat_json())
            return
        # streams
        if is_responses:
            frames = [f"event: {t}\ndata: {d}\n\n".encode() for t, d in responses_stream_events()]
        else:
            frames = [f"data: {d}\n\n".encode() for d in chat_stream_events()]
        if kind == "ok":
            self._start_sse(h)
            for f in frames:
                self._write(h, f, True)
                time.sleep(0.005)
            h.wfile.write(b"0\r\n\r\n")
            h.wfile.flush()
        elif kind == "truncate_clean":  # first 4 events, then a clean end of body (no [DONE] / completed)
            self._start_sse(h, chunked=False)
            for f in frames[:4]:
                self._write(h, f, False)
            self._abort_socket(h, rst=False)
        elif kind == "truncate_chunked":  # chunked body broken off: no terminating 0-chunk
            self._start_sse(h)
            for f in frames[:4]:
                self._write(h, f, True)
            time.sleep(0.05)
            self._abort_socket(h, rst=False)
        elif kind == "stream_stall":  # 3 events, then silence
            self._start_sse(h)
            for f in frames[:3]:
                self._write(h, f, True)
            self.stop.wait(3600)
            self._abort_socket(h, rst=False)
        elif kind == "malformed":
            self._start_sse(h)
            for f in frames[:3]:
                self._write(h, f, True)
            self._write(h, b'data: {"choices":[{"index":0,"delta":{"content":"bro\n\n', True)
            for f in frames[3:]:
                self._write(h, f, True)
            h.wfile.write(b"0\r\n\r\n")
            h.wfile.flush()
        else:
            raise ValueError(kind)


# ------------------------------------------------------------------------------------- cases


@dataclass
class Case:
    name: str
    op: str
    plan: list[str]
    expect: dict = field(default_factory=dict)  # keys of the result line that must match
    observe: bool = False  # record only, do not assert
    gateway: bool = False  # baseURL config with custom headers instead of resourceName
    deployment_urls: bool = False
    api_version: str = "preview"
    env: dict = field(default_factory=dict)
    min_wait_ms: float | None = None  # every retry gap (server side) at least this
    timeout_s: float = 45
    only: tuple[str, ...] = ()  # adapter names; empty = all
    slow: bool = False  # only with --slow


CASES = [
    Case("chat_ok", "chat", ["ok"], {"outcome": "ok", "status": 200, "text": "Hello!", "attempts": 1}),
    Case("chat_gateway", "chat", ["ok"], {"outcome": "ok", "status": 200, "text": "Hello!"}, gateway=True),
    Case("chat_deployment_urls", "chat", ["ok"], {"outcome": "ok", "text": "Hello!"}, deployment_urls=True,
         api_version="2024-10-21", only=("ai-sdk", "ai-sdk-latest[chat]")),
    # GWLINT_API_VERSION empty: the SDK's own default api-version (preview in 2.0.x, v1 later; openai needs one).
    Case("chat_default_api_version", "chat", ["ok"], observe=True, api_version=""),
    Case("stream_ok", "chat-stream", ["ok"], {"outcome": "ok", "status": 200, "text": "Hello there", "attempts": 1}),
    Case("embeddings_ok", "embeddings", ["ok"], {"outcome": "ok", "status": 200, "text": "1 vector", "attempts": 1},
         env={"GWLINT_DEPLOYMENT": EMBED_DEPLOYMENT}),
    Case("deployment_not_found", "chat", ["404"],
         {"outcome": "error", "status": 404, "error_code": "DeploymentNotFound", "attempts": 1}),
    Case("bad_key", "chat", ["401"], {"outcome": "error", "status": 401, "error_code": "401", "attempts": 1}),
    Case("retry_429_then_ok", "chat", ["429", "ok"], {"outcome": "ok", "status": 200, "text": "Hello!", "attempts": 2},
         min_wait_ms=200),
    Case("retry_429_exhausted", "chat", ["429"], {"outcome": "error", "status": 429, "error_code": "429"},
         min_wait_ms=200),
    Case("stream_429_then_ok", "chat-stream", ["429", "ok"], {"outcome": "ok", "text": "Hello there", "attempts": 2},
         min_wait_ms=200),
    Case("stream_truncated_clean_eof", "chat-stream", ["truncate_clean"], observe=True),
    Case("stream_truncated_chunked", "chat-stream", ["truncate_chunked"], observe=True),
    Case("stream_malformed_event", "chat-stream", ["malformed"], observe=True),
    Case("stall_with_timeout", "chat", ["stall"], {"outcome": "error", "error_code": "timeout"},
         env={"GWLINT_TIMEOUT_MS": "1500"}, observe=False),
    Case("stream_stall_with_timeout", "chat-stream", ["stream_stall"], {"outcome": "error", "error_code": "timeout"},
         env={"GWLINT_TIMEOUT_MS": "1500"}),
    Case("empty_response", "chat", ["empty"], observe=True),
    # No deadline given: what the SDK does on its own (undici's 300 s headers/body timeouts, retries).
    Case("stall_no_timeout", "chat", ["stall"], observe=True, slow=True, timeout_s=1500),
    Case("stream_stall_no_timeout", "chat-stream", ["stream_stall"], observe=True, slow=True, timeout_s=1500),
    Case("connection_reset", "chat", ["reset"], observe=True),
]

# ------------------------------------------------------------------------------------- running


def mask(name: str, value: str) -> str:
    n = name.lower()
    if n in ("api-key", "authorization", "ocp-apim-subscription-key"):
        return f"<{len(value)} chars{', the test key' if value == API_KEY else ', NOT the key!'}>"
    return value


def ensure_installed(folder: Path) -> str | None:
    """None when ready, else a reason to skip."""
    if (folder / "node_modules").is_dir():
        return None
    npm = shutil.which("npm")
    if not npm:
        return "npm is not available"
    print(f"# npm ci in {folder.relative_to(ROOT)}", file=sys.stderr)
    p = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=folder, capture_output=True, text=True)
    if p.returncode != 0:
        return f"npm ci failed: {p.stderr.strip()[-500:]}"
    return None


@dataclass
class Outcome:
    adapter: str
    case: Case
    result: dict | None
    seen: list[Seen]
    stderr: str
    failures: list[str]
    seconds: float


def run_case(adapter: str, case: Case, node: str) -> Outcome:
    folder, adapter_env = ADAPTERS[adapter]
    failures: list[str] = []
    with AzureLikeServer(case.plan) as srv:
        origin = f"http://127.0.0.1:{srv.port}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("GWLINT_")}
        headers = {}
        if case.gateway:
            base, host = f"{origin}/azure/openai", "gw.example.com"
            headers = {"X-Gateway-Key": "gw-token-123", "X-Custom-Header": "portal"}
        else:
            base, host = f"{origin}/openai", "my-openai-resource.openai.azure.com"
        env.update({
            "GWLINT_BASE_URL": base,
            "GWLINT_API_KEY": API_KEY,
            "GWLINT_DEPLOYMENT": DEPLOYMENT,
            "GWLINT_API_VERSION": case.api_version,
            "GWLINT_HEADERS": json.dumps(headers),
            "GWLINT_CALL": json.dumps({"op": case.op, "model": "languageModel", "input": "hi"}),
            "GWLINT_HOST": host,
            "GWLINT_USE_DEPLOYMENT_URLS": "true" if case.deployment_urls else "false",
            "NO_PROXY": "127.0.0.1,localhost",
        })
        env.update(adapter_env)
        env.update(case.env)
        t0 = time.monotonic()
        try:
            p = subprocess.run([node, str(CLIENTS / folder / "run.mjs")], cwd=ROOT, env=env, capture_output=True,
                               text=True, timeout=case.timeout_s)
            stdout, stderr, rc = p.stdout, p.stderr, p.returncode
        except subprocess.TimeoutExpired as e:
            stdout = (e.stdout or b"").decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
            stderr = (e.stderr or b"").decode() if isinstance(e.stderr, bytes) else (e.stderr or "")
            rc = None
            failures.append(f"no exit within {case.timeout_s}s")
        seconds = time.monotonic() - t0
        seen = list(srv.seen)

    result = None
    lines = [ln for ln in stdout.splitlines() if ln.strip()]
    if lines:
        try:
            result = json.loads(lines[-1])
        except ValueError:
            failures.append(f"last stdout line is not JSON: {lines[-1][:200]!r}")
    else:
        failures.append("no result line on stdout")
    if rc not in (0, None):
        failures.append(f"exit status {rc}")
    if API_KEY in stdout or API_KEY in stderr:
        failures.append("the API key appears in the adapter's output")
    if result is not None:
        for k in ("outcome", "status", "error_code", "text", "message"):
            if k not in result:
                failures.append(f"result line lacks {k!r}")
        if not case.observe:
            for k, want in case.expect.items():
                if result.get(k) != want:
                    failures.append(f"{k}: want {want!r}, got {result.get(k)!r}")
            if case.min_wait_ms is not None:
                for a, b in zip(seen, seen[1:]):
                    gap = (b.t_start - a.t_end) * 1000
                    if gap + 5 < case.min_wait_ms:  # 5 ms slack for clocks
                        failures.append(f"retry after {gap:.0f} ms < retry-after-ms {case.min_wait_ms:.0f}")
    return Outcome(adapter, case, result, seen, stderr, failures, seconds)


# ------------------------------------------------------------------------------------- report

SHOW_VALUES = {"content-type", "accept", "user-agent", "api-key", "x-gateway-key", "x-custom-header", "host",
               "accept-encoding", "connection"}


def describe_request(s: Seen) -> list[str]:
    out = []
    q = "&".join(f"{k}={v}" for k, v in s.query)
    out.append(f"    {s.method} {s.path}{'?' + q if q else ''}")
    names = [k for k, _ in s.headers]
    out.append(f"    header names: {', '.join(n.lower() for n in names)}")
    for k, v in s.headers:
        if k.lower() in SHOW_VALUES or k.lower().startswith("x-stainless"):
            out.append(f"      {k.lower()}: {mask(k, v)}")
    if s.body:
        try:
            out.append(f"    body: {json.dumps(json.loads(s.body), sort_keys=False)}")
        except ValueError:
            out.append(f"    body (bytes): {s.body[:200]!r}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--adapter", action="append", choices=list(ADAPTERS), help="only these adapters")
    ap.add_argument("--case", action="append", help="only these cases")
    ap.add_argument("-v", "--verbose", action="store_true", help="print each adapter's stderr")
    ap.add_argument("--json", metavar="FILE", help="write every result and request seen as JSON")
    ap.add_argument("-j", "--jobs", type=int, default=8)
    ap.add_argument("--slow", action="store_true", help="also the cases that wait for the SDKs' own timeouts (~15 min)")
    args = ap.parse_args()

    node = shutil.which("node")
    if not node:
        print("SKIP: node is not available", file=sys.stderr)
        return 0
    adapters = args.adapter or list(ADAPTERS)
    cases = [c for c in CASES if (c.name in args.case if args.case else (args.slow or not c.slow))]
    if args.case and not cases:
        print(f"unknown case; known: {', '.join(c.name for c in CASES)}", file=sys.stderr)
        return 2

    ready = []
    for a in adapters:
        why = ensure_installed(CLIENTS / ADAPTERS[a][0])
        if why:
            print(f"SKIP {a}: {why}")
        else:
            ready.append(a)

    jobs = [(a, c) for a in ready for c in cases if not c.only or a in c.only]
    outcomes: list[Outcome] = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for o in pool.map(lambda ac: run_case(ac[0], ac[1], node), jobs):
            outcomes.append(o)

    # 1. What each client sent (the ok cases: one request each).
    print("=" * 100)
    print("REQUESTS SENT (per client and op; api-key masked)")
    print("=" * 100)
    for o in outcomes:
        if o.case.name in ("chat_ok", "chat_gateway", "chat_deployment_urls", "chat_default_api_version", "stream_ok",
                           "embeddings_ok") and o.seen:
            print(f"\n[{o.adapter}] {o.case.name} ({o.case.op})")
            for line in describe_request(o.seen[0]):
                print(line)

    # 2. Results.
    print("\n" + "=" * 100)
    print("RESULTS")
    print("=" * 100)
    failed = 0
    for o in outcomes:
        r = o.result or {}
        # server side: end of one answer to the next request (meaningless after a stall or a dropped connection)
        gaps = [round((b.t_start - a.t_end) * 1000) for a, b in zip(o.seen, o.seen[1:]) if b.t_start >= a.t_end]
        status = "FAIL" if o.failures else ("obs " if o.case.observe else "ok  ")
        failed += bool(o.failures)
        print(f"{status} {o.adapter:20} {o.case.name:28} outcome={r.get('outcome')!s:5} status={r.get('status')!s:3} "
              f"code={r.get('error_code')!s:18} text={r.get('text')!r:14} requests={len(o.seen)} "
              f"waits_ms={[round(w) for w in r.get('retry_waits_ms') or []]} server_gaps_ms={gaps} finish={r.get('finish_reason', '-')} {o.seconds:.1f}s")
        if o.case.observe or o.failures or args.verbose:
            if r.get("message"):
                print(f"       message: {r.get('message')[:300]}")
        for f in o.failures:
            print(f"       FAILED: {f}")
        if args.verbose or o.failures:
            for ln in o.stderr.splitlines()[-25:]:
                print(f"       | {ln}")

    if args.json:
        data = [{
            "adapter": o.adapter, "case": o.case.name, "op": o.case.op, "result": o.result, "failures": o.failures,
            "requests": [{"method": s.method, "path": s.path, "query": s.query,
                          "headers": [[k, mask(k, v)] for k, v in s.headers],
                          "body": s.body.decode("utf-8", "replace"),
                          "t_start": s.t_start, "t_end": s.t_end} for s in o.seen],
        } for o in outcomes]
        Path(args.json).write_text(json.dumps(data, indent=2))

    print(f"\n{len(outcomes)} runs, {failed} failed, {sum(o.case.observe for o in outcomes)} observe-only")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
