#!/usr/bin/env python3
"""Mock under load (design/BENCH.md §2): wrk against `gwlint mock serve` and against nginx serving
the same response bytes, in the same run, on loopback.

    bench/mock_load.py [--gwlint build/gwlint] [--seconds 10] [--runs 3]

1. 64 connections, POST with a JSON body (matching on: the mock parses and compares it), a
   `times: 0` exchange: requests/s, p50/p99 latency, non-2xx and socket errors, for the mock and
   for nginx; the ratio mock/nginx (bar: >= 0.5) and the mock's p99 (bar: <= 2 ms).
2. 1,000 concurrent connections against the mock, every response checked by a wrk Lua script
   (status 200 and the exact body): zero lost or mismatched responses.
Needs wrk and nginx (Debian: wrk, nginx-light; installed when missing and apt-get works). Prints
a Markdown table (and --json FILE). Never run by the tests.
"""
import argparse
import json
import os
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

BODY = ('{"choices":[{"content_filter_results":{},"finish_reason":"stop","index":0,"logprobs":null,'
        '"message":{"content":"Hello! How can I assist you today?","refusal":null,"role":"assistant"}}],'
        '"created":1733358925,"id":"chatcmpl-AatdNh8YqS1T5ZGgCnJkJOpp4ox8y","model":"gpt-4o-2024-08-06",'
        '"object":"chat.completion","usage":{"completion_tokens":9,"prompt_tokens":8,"total_tokens":17}}')
REQUEST = '{"model":"chat-prod","messages":[{"role":"user","content":"hello, world!"}]}'
PATH = "/openai/v1/chat/completions?api-version=preview"

RECORDING = f"""version: 1
source: bench/mock_load.py
exchanges:
  - id: chat-any-number-of-times
    times: 0
    request:
      method: POST
      path: /openai/v1/chat/completions
      query: {{ api-version: preview }}
      headers: {{ content-type: application/json }}
      body: {{ json: {REQUEST} }}
    response:
      status: 200
      headers: {{ content-type: application/json, x-ms-region: East US 2 }}
      body: {{ text: '{BODY}' }}
"""

LUA = """
wrk.method = "POST"
wrk.body = [[%s]]
wrk.headers["content-type"] = "application/json"
wrk.headers["api-key"] = "bench-key"
local expected = [[%s]]
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) mismatches = 0; checked = 0 end
function response(status, headers, body)
  checked = checked + 1
  if status ~= 200 or body ~= expected then mismatches = mismatches + 1 end
end
function done(summary, latency, requests)
  local m, c = 0, 0
  for _, t in ipairs(threads) do m = m + t:get("mismatches"); c = c + t:get("checked") end
  io.write(string.format("gwlint-checked %%d mismatched %%d\\n", c, m))
end
"""

NGINX = """worker_processes auto;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {dir}/body;
  proxy_temp_path {dir}/proxy; fastcgi_temp_path {dir}/fastcgi; uwsgi_temp_path {dir}/uwsgi; scgi_temp_path {dir}/scgi;
  server {{
    listen 127.0.0.1:{port};
    location / {{ default_type application/json; return 200 '{body}'; }}
  }}
}}
"""


def ensure_tools():
    missing = [p for p, tool in (("wrk", "wrk"), ("nginx-light", "nginx")) if not shutil.which(tool) and
               not os.path.exists(f"/usr/sbin/{tool}")]
    if missing:
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=False,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def parse_wrk(text):
    def latency(label):
        m = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        if not m:
            return None
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    breakdown = dict(zip(("connect", "read", "write", "timeout"), map(int, errors.groups()))) if errors else {}
    checked = re.search(r"gwlint-checked (\d+) mismatched (\d+)", text)
    total = re.search(r"(\d+) requests in", text)
    return {"rps": float(rps.group(1)) if rps else 0.0, "p50_ms": latency("50"), "p99_ms": latency("99"),
            "non2xx": int(non2xx.group(1)) if non2xx else 0,
            "socket_errors": sum(breakdown.values()), "socket_error_kinds": breakdown,
            "requests": int(total.group(1)) if total else 0,
            "checked": int(checked.group(1)) if checked else None,
            "mismatched": int(checked.group(2)) if checked else None}


def wrk(url, connections, seconds, script, threads=2):
    # --timeout: a slow answer is latency (reported), not a lost response.
    result = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s",
                             "--latency", "-s", script,
                             url + PATH], capture_output=True, text=True, timeout=seconds + 60)
    return parse_wrk(result.stdout), result.stdout


def start_mock(gwlint, recording):
    process = subprocess.Popen([gwlint, "mock", "serve", "--recording", recording], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    m = re.search(r"http://127\.0\.0\.1:\d+", line)
    if not m:
        process.kill()
        sys.exit(f"gwlint mock serve printed no URL: {line!r} {process.stderr.read()}")
    return process, m.group(0)


def start_nginx(work):
    port = free_port()
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        os.makedirs(os.path.join(work, sub), exist_ok=True)
    conf = os.path.join(work, "nginx.conf")
    with open(conf, "w") as f:
        f.write(NGINX.format(dir=work, port=port, body=BODY))
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    process = subprocess.Popen([nginx, "-c", conf, "-g", "daemon off;"], stderr=subprocess.PIPE, text=True)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return process, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.05)
    process.kill()
    sys.exit(f"nginx did not start: {process.stderr.read()}")


def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores (nproc), {cpu}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gwlint", default="build/gwlint")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json")
    args = parser.parse_args()
    ensure_tools()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 65536), hard))  # 1,000 connections on each side

    with tempfile.TemporaryDirectory(prefix="gwlint-mock-load-") as work:
        recording = os.path.join(work, "recording.yaml")
        with open(recording, "w") as f:
            f.write(RECORDING)
        script = os.path.join(work, "post.lua")
        with open(script, "w") as f:
            f.write(LUA % (REQUEST, BODY))
        mock, mock_url = start_mock(args.gwlint, recording)
        nginx, nginx_url = start_nginx(work)
        results = {"machine": machine(), "mock": [], "nginx": []}
        try:
            wrk(mock_url, 64, 2, script)  # warm-up: threads, page cache
            wrk(nginx_url, 64, 2, script)
            for _ in range(args.runs):  # interleaved, so both see the same machine state
                results["mock"].append(wrk(mock_url, 64, args.seconds, script)[0])
                results["nginx"].append(wrk(nginx_url, 64, args.seconds, script)[0])
            high, raw = wrk(mock_url, 1000, args.seconds, script, threads=2)
            results["mock_1000"] = high
            journal_ok = mock.poll() is None
        finally:
            mock.send_signal(signal.SIGTERM)
            nginx.send_signal(signal.SIGTERM)
            mock.wait(timeout=10)
            nginx.wait(timeout=10)

    def median(side, key):
        values = [r[key] for r in results[side] if r[key] is not None]
        return statistics.median(values) if values else None

    mock_rps, nginx_rps = median("mock", "rps"), median("nginx", "rps")
    ratio = mock_rps / nginx_rps if nginx_rps else 0
    p99 = median("mock", "p99_ms")
    errors = sum(r["non2xx"] + r["socket_errors"] for r in results["mock"])
    high = results["mock_1000"]
    lost = high["socket_errors"] + high["non2xx"] + (high["mismatched"] or 0)
    print(f"machine: {results['machine']}; wrk -t2, {args.seconds} s per run, median of {args.runs}")
    print()
    print("| server | connections | requests/s | p50 | p99 | non-2xx + socket errors |")
    print("|---|---|---|---|---|---|")
    for side, label in (("mock", "gwlint mock serve (JSON matching on)"), ("nginx", "nginx-light (same bytes)")):
        print(f"| {label} | 64 | {median(side, 'rps'):,.0f} | {median(side, 'p50_ms'):.2f} ms | "
              f"{median(side, 'p99_ms'):.2f} ms | {sum(r['non2xx'] + r['socket_errors'] for r in results[side])} |")
    print(f"| gwlint mock serve | 1,000 | {high['rps']:,.0f} | {high['p50_ms'] or 0:.2f} ms | {high['p99_ms'] or 0:.2f} ms | "
          f"{high['non2xx'] + high['socket_errors']} |")
    print()
    print(f"mock/nginx requests/s: {ratio:.2f}x (bar >= 0.5x) {'PASS' if ratio >= 0.5 else 'MISS'}")
    print(f"mock p99 at 64 connections: {p99:.2f} ms (bar <= 2 ms) {'PASS' if p99 is not None and p99 <= 2 else 'MISS'}")
    print(f"mock errors at 64 connections: {errors} (bar 0) {'PASS' if errors == 0 else 'MISS'}")
    print(f"1,000 connections: {high['checked']} responses checked, {high['mismatched']} mismatched, "
          f"{high['socket_errors']} socket errors {high['socket_error_kinds'] or ''}, {high['non2xx']} non-2xx "
          f"{'PASS' if lost == 0 and (high['checked'] or 0) > 0 and journal_ok else 'MISS'}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
