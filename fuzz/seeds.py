#!/usr/bin/env python3
"""Regenerates the seed corpora in fuzz/corpus/<target>/ from the repository's own inputs:
fixtures/ and examples/ (configs), scenarios/recordings/ and tests/data/ (recordings, HAR,
test-proxy, VCR), the SSE streams and the requests inside those recordings, plus a few
hand-written edge cases. Run from anywhere: `python3 fuzz/seeds.py`. The total stays well under
2 MB; libFuzzer minimises what it keeps in build-fuzz/corpus/ itself."""
import glob
import json
import os
import shutil
import struct
import urllib.parse

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "fuzz", "corpus")


def out_dir(target):
    path = os.path.join(CORPUS, target)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def name_of(path):
    return os.path.relpath(path, ROOT).replace("/", "_")


def copy(paths, target_dir):
    for path in sorted(paths):
        shutil.copyfile(path, os.path.join(target_dir, name_of(path)))


def write(target_dir, name, data):
    with open(os.path.join(target_dir, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


def configs():
    paths = []
    for pattern in ("fixtures/**/*.yaml", "fixtures/**/*.json", "examples/**/*.yaml", "examples/**/*.json"):
        paths += glob.glob(os.path.join(ROOT, pattern), recursive=True)
    return paths


def recordings():
    return sorted(glob.glob(os.path.join(ROOT, "scenarios/recordings/*.yaml")))


def foreign_recordings():
    paths = glob.glob(os.path.join(ROOT, "tests/data/upstream-recordings/**/*.json"), recursive=True)
    paths += glob.glob(os.path.join(ROOT, "tests/data/upstream-recordings/**/*.yaml"), recursive=True)
    paths += glob.glob(os.path.join(ROOT, "tests/data/import/*.har"))
    return paths


CONFIG_EXTRA = {
    "anchors.yaml": "a: &a [1, 2, {b: &b x}]\nc: *a\nd: [*a, *a, *b]\n<<: {e: 1}\n",
    "flow.json": '{"aiGateway": {"providers": {"azure": {"resourceName": "x", "apiKey": "${KEY}"}}}, "a": [1, 2.5e3, null, true]}\n',
    "include.yaml": "aiGateway:\n  $include: ./other.yaml#a.b\n  x: $env: HOME\n",
    "tags.yaml": "%YAML 1.2\n---\n!!str a: !!binary aGVsbG8=\nb: !custom [x]\nc: |-\n  block\n  text\nd: >\n  folded\n",
    "crlf-bom.yaml": "\ufeffaiGateway:\r\n  providers:\r\n    azure:\r\n      resourceName: acme\r\n",
    "multi-doc.yaml": "a: 1\n---\nb: 2\n",
    "deep.yaml": "a:" + "\n".join("  " * i + "- " for i in range(1, 70)) + "x\n",
}

SSE_EXTRA = [
    b"data: hello\n\n",
    b"\xef\xbb\xbfdata: bom first\r\n\r\n",
    b"event: delta\nid: 7\nretry: 1500\ndata: line one\ndata: line two\n\n: keep-alive comment\n\n",
    b"data:no space\r\rdata: cr only\r\r",
    b"data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\r\n\r\ndata: [DONE]\r\n\r\n",
    b"id: with\x00nul\ndata: x\n\nretry: 99999999999\nretry: -1\nfield-only\n\ndata",
    b"data: " + b"x" * 200 + b"\n\n",
]


def sse_trailer(n_cuts, small_limit, seed):
    """The control trailer fuzz_sse_parser reads from the end: 2 bytes per cut, then the control byte."""
    cuts = b"".join(struct.pack("<H", (seed * 37 + i * 101) % 65536) for i in range(n_cuts))
    return cuts + bytes([n_cuts | (0x10 if small_limit else 0)])


def sse_streams():
    streams = list(SSE_EXTRA)
    for path in recordings():
        with open(path) as f:
            document = yaml.safe_load(f)
        for exchange in document.get("exchanges", []):
            events = exchange.get("response", {}).get("events")
            if not events:
                continue
            wire = ""
            for event in events[:6]:
                if event.get("event"):
                    wire += "event: %s\n" % event["event"]
                wire += "".join("data: %s\n" % line for line in str(event.get("data", "")).split("\n")) + "\n"
            streams.append(wire.replace("\n", "\r\n").encode())
            streams.append(wire.encode())
    with open(os.path.join(ROOT, "tests/data/upstream-recordings/azure-sdk-assets/ChatCompletionStreaming.json")) as f:
        body = json.load(f)["Entries"][0]["ResponseBody"]  # test-proxy keeps a stream as its lines
    streams.append("\n".join(body[:12]).encode())
    with open(os.path.join(ROOT, "tests/data/import/playground-session.har")) as f:
        for entry in json.load(f)["log"]["entries"]:
            text = entry["response"].get("content", {}).get("text", "")
            if "data:" in text:
                streams.append(text.encode())
    return streams


def request_text(request, body_override=None):
    target = request.get("path", "/")
    query = request.get("query") or {}
    pairs = []
    for name, value in query.items():
        for item in value if isinstance(value, list) else [value]:
            pairs.append((name, "" if item is None else str(item)))
    if pairs:
        target += "?" + urllib.parse.urlencode(pairs)
    lines = ["%s %s" % (request.get("method", "GET"), target)]
    headers = request.get("headers") or {}
    items = headers.items() if isinstance(headers, dict) else [(h["name"], h["value"]) for h in headers]
    for name, value in items:
        lines.append("%s: %s" % (name, value))
    body = request.get("body") or {}
    if body_override is not None:
        text = body_override
    elif "json" in body:
        text = json.dumps(body["json"], separators=(",", ":"))
    elif "text" in body:
        text = body["text"]
    else:
        text = ""
    return "\n".join(lines) + "\n\n" + text


def main():
    d = out_dir("config_loader")
    copy(configs(), d)
    copy(recordings()[:3], d)
    for name, text in CONFIG_EXTRA.items():
        write(d, "extra_" + name, text)

    d = out_dir("lint_pipeline")
    copy(configs(), d)
    for name, text in CONFIG_EXTRA.items():
        write(d, "extra_" + name, text)

    d = out_dir("importer")
    copy(foreign_recordings(), d)
    copy(recordings(), d)
    write(d, "extra_vcr-minimal.yaml",
          "interactions:\n- request:\n    method: POST\n    uri: https://x.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-10-21\n"
          "    body: '{\"messages\":[]}'\n    headers:\n      api-key: [secret]\n  response:\n    status: {code: 200, message: OK}\n"
          "    headers:\n      Content-Type: [text/event-stream]\n    body: {string: \"data: {}\\n\\ndata: [DONE]\\n\\n\"}\nversion: 1\n")
    write(d, "extra_har-minimal.json",
          '{"log":{"version":"1.2","entries":[{"request":{"method":"get","url":"https://h/p?api-key=k&x=1","headers":[{"name":"Authorization","value":"Bearer abc"}]},'
          '"response":{"status":200,"headers":[{"name":"content-type","value":"application/json"}],"content":{"text":"eyJhIjoxfQ==","encoding":"base64"}}}]}}')
    write(d, "extra_test-proxy-minimal.json",
          '{"Entries":[{"RequestUri":"https://h/openai/x?api-version=1","RequestMethod":"POST","RequestHeaders":{"api-key":"k"},"RequestBody":{"a":[1,2]},'
          '"StatusCode":429,"ResponseHeaders":{"Retry-After":"1"},"ResponseBody":{"error":{"code":"429"}}}],"Variables":{}}')

    d = out_dir("recording_loader")
    copy(recordings(), d)
    for path in recordings()[:4]:
        with open(path) as f:
            document = yaml.safe_load(f)
        write(d, name_of(path) + ".json", json.dumps(document, indent=1))
    write(d, "extra_bodies.yaml",
          "version: 1\nexchanges:\n- id: a\n  times: 0\n  request: {method: post, path: '/x?a=1&a=2', headers: [{name: A, value: '1'}, {name: a, value: '2'}], body: {base64: AP8=}}\n"
          "  response: {status: 200, body: {text: \"line\\r\\nnext \\u00e9\"}}\n- id: b\n  request: {method: GET, path: /s, query: {q: [x, y], e: ~}}\n"
          "  response: {status: 200, headers: {content-type: text/event-stream}, events: [{data: \"a\\nb\", event: e, id: '1', after_ms: 5}, {data: ''}]}\n")

    d = out_dir("sse_parser")
    for i, stream in enumerate(sse_streams()):
        write(d, "stream-%02d" % i, stream + sse_trailer(i % 5, i % 3 == 2, i))

    d = out_dir("mock_matcher")
    for path in recordings():
        with open(path) as f:
            document = yaml.safe_load(f)
        for exchange in document.get("exchanges", []):
            request = exchange.get("request", {})
            write(d, "%s_%s" % (os.path.basename(path)[:-5], exchange["id"]), request_text(request))
    write(d, "extra_rules", "POST /openai/v1/chat/completions?api-version=preview\n~ignore-json: /model\n~require: api-key\n"
          "~forbid: authorization\n~state: 0 1 0\n~state: 2 0 1\nApi-Key: k\nx-stainless-lang: js\n\n{\"model\":\"other\",\"messages\":[]}")
    write(d, "extra_not-json", "POST /openai/v1/embeddings?api-version=preview&api-version=2\n\nnot json {")
    write(d, "extra_get", "get /openai/models\n\n")

    total = sum(os.path.getsize(p) for p in glob.glob(os.path.join(CORPUS, "*", "*")))
    print("seed corpora: %d files, %d bytes" % (len(glob.glob(os.path.join(CORPUS, "*", "*"))), total))


if __name__ == "__main__":
    main()
