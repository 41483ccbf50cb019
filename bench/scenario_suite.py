#!/usr/bin/env python3
"""The scenario suite under load (design/BENCH.md §3): N generated scenarios (chat, streams,
DeploymentNotFound, 429-then-200 retries, truncated streams), run with the builtin client at
--time-scale 0 and -j 2. Reports the wall time (bar: 200 scenarios in <= 5 s), that every
scenario passed (no port collisions between the concurrent mocks), and the child processes
before and after (none left).

    bench/scenario_suite.py [--gwlint build/gwlint] [--count 200] [--jobs 2] [--runs 3] [--max-seconds S]

Exit 1 when a scenario fails, a process is left behind, or --max-seconds is exceeded (the test
suite runs it with a loose bound; the 5 s bar is the benchmark's).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

CONFIG = """config:
  aiGateway:
    providers:
      azure:
        apiKey: ${AZURE_OPENAI_API_KEY}
        resourceName: acme-openai-eastus2
    languageModel: azure|chat-prod
"""

REQUEST = """    request:
      method: POST
      path: /openai/v1/chat/completions
      query: { api-version: preview }
      headers: { api-key: "<redacted>", host: acme-openai-eastus2.openai.azure.com }
      body: { json: { model: chat-prod, messages: [ { role: user, content: "question %d" } ]%s } }
"""

OK = """    response:
      status: 200
      headers: { content-type: application/json, x-ms-region: East US 2 }
      body: { text: '{"choices":[{"index":0,"message":{"role":"assistant","content":"answer %d"},"finish_reason":"stop"}]}' }
"""

STREAM = """    response:
      status: 200
      headers: { content-type: text/event-stream; charset=utf-8 }
      events:
        - { data: '{"choices":[],"prompt_filter_results":[{"prompt_index":0,"content_filter_results":{}}]}' }
        - { data: '{"choices":[{"index":0,"delta":{"role":"assistant","content":"ans"}}]}', after_ms: 30 }
        - { data: '{"choices":[{"index":0,"delta":{"content":"wer %d"}}]}', after_ms: 30 }
        - { data: '{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}', after_ms: 10 }
        - { data: '[DONE]' }
"""

NOT_FOUND = """    response:
      status: 404
      headers: { content-type: application/json }
      body: { text: '{"error":{"code":"DeploymentNotFound","message":"The API deployment for this resource does not exist."}}' }
"""

THROTTLED = """    response:
      status: 429
      headers: { content-type: application/json, retry-after-ms: "20", retry-after: "1" }
      body: { text: '{"error":{"code":"429","message":"Please retry after 1 second."}}' }
"""

STREAM_BODY = ', stream: true, stream_options: { include_usage: true }'


def scenario(i):
    kind = ("chat", "chat", "stream", "not-found", "retry", "chat", "stream", "truncated", "chat", "not-found")[i % 10]
    op = "chat-stream" if kind in ("stream", "truncated") else "chat"
    extra = STREAM_BODY if op == "chat-stream" else ""
    text = f"name: generated {i} ({kind})\n" + CONFIG + "exchanges:\n"
    if kind == "retry":
        text += "  - id: throttled\n" + REQUEST % (i, extra) + THROTTLED
    answers = {"chat": OK % i, "retry": OK % i, "stream": STREAM % i, "truncated": STREAM % i, "not-found": NOT_FOUND}
    text += "  - id: answer\n" + REQUEST % (i, extra) + answers[kind]
    text += f"calls: [ {{ op: {op}, input: \"question {i}\" }} ]\n"
    if kind == "truncated":
        text += "faults: [ { exchange: answer, kind: truncate, after_events: 2 } ]\n"
        text += "client: { name: builtin, max_attempts: 1 }\n"
        text += "expect: { outcome: error, error_code: stream_truncated, requests: 1 }\n"
    elif kind == "not-found":
        text += "expect: { outcome: error, status: 404, error_code: DeploymentNotFound, requests: 1, all_used: true }\n"
    elif kind == "retry":
        text += ("expect: { outcome: ok, status: 200, requests: 2, all_used: true, retry_waits_honoured: true, "
                 f"text: \"answer {i}\" }}\n")
    else:
        text += f"expect: {{ outcome: ok, status: 200, requests: 1, all_used: true, text: \"answer {i}\" }}\n"
    return text


def child_processes(pid):
    count = 0
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        count += fields[1] == str(pid)
    return count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gwlint", default="build/gwlint")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--max-seconds", type=float)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="gwlint-suite-") as work:
        for i in range(args.count):
            with open(os.path.join(work, f"s{i:04d}.yaml"), "w") as f:
                f.write(scenario(i))
        before = child_processes(os.getpid())
        times, failures = [], []
        for _ in range(args.runs):
            started = time.monotonic()
            result = subprocess.run([args.gwlint, "scenario", "run", work, "-j", str(args.jobs), "--format", "json"],
                                    capture_output=True, text=True)
            times.append(time.monotonic() - started)
            try:
                summary = json.loads(result.stdout)["summary"]
            except (ValueError, KeyError):
                sys.exit(f"no JSON report (rc {result.returncode}): {result.stderr[-2000:]}")
            if result.returncode != 0 or summary["passed"] != args.count:
                failing = [s["path"] for s in json.loads(result.stdout)["scenarios"] if s["status"] != "passed"]
                failures.append(f"rc {result.returncode}, {summary}, first failing: {failing[:3]}")
        left = child_processes(os.getpid()) - before
    wall = statistics.median(times)
    print(f"{args.count} scenarios, -j {args.jobs}, median of {args.runs}: {wall:.2f} s "
          f"(bar <= 5 s: {'PASS' if wall <= 5 else 'MISS'}); all passed: {'yes' if not failures else 'NO'}; "
          f"child processes left: {left}")
    for failure in failures:
        print("  " + failure)
    if failures or left or (args.max_seconds and wall > args.max_seconds):
        sys.exit(1)


if __name__ == "__main__":
    main()
