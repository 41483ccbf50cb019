#!/usr/bin/env python3
"""Rebuilds the scenario recordings that come from real Azure recordings.

Each one is imported with `gwlint import` from tests/data/upstream-recordings/ (verbatim copies of
public Azure SDK / openllmetry recordings, see SOURCES.md there), then adapted to what the AI
Gateway sends today: the v1 path instead of /deployments/{name}, `api-version=preview`, the
deployment as `model`, one user message, the Host of the config under test. Responses are kept
byte for byte (status, headers, body or SSE events). The changes are listed per file below and
in scenarios/README.md.

    scenarios/recordings/adapt_upstream.py --gwlint build/gwlint
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
UPSTREAM = os.path.join(HERE, "..", "..", "tests", "data", "upstream-recordings")
RESOURCE_HOST = "acme-openai-eastus2.openai.azure.com"

V1_CHAT = {"path": "/openai/v1/chat/completions", "query": {"api-version": "preview"}}


def chat_request(content, host=RESOURCE_HOST, path=V1_CHAT["path"], stream=False, extra_headers=None):
    body = {"model": "chat-prod", "messages": [{"role": "user", "content": content}]}
    if stream:
        body["stream"] = True
        body["stream_options"] = {"include_usage": True}
    headers = {"api-key": "<redacted>", "content-type": "application/json", "host": host}
    headers.update(extra_headers or {})
    return {"method": "POST", "path": path, "query": dict(V1_CHAT["query"]), "headers": headers,
            "body": {"json": body}}


# output file: (upstream file, exchange id, new request, what changed)
ADAPTATIONS = {
    "chat-ok.yaml": ("azure-sdk-assets/ChatCompletion.json", "chat-ok",
                     chat_request("hello, world!"),
                     "deployment URL (api-version 2024-10-21) → v1 path with preview; model gpt-4o-0806 → "
                     "deployment chat-prod; Accept header dropped; Host of resourceName acme-openai-eastus2"),
    "gateway-chat.yaml": ("azure-sdk-assets/ChatCompletion.json", "chat-via-gateway",
                          chat_request("hello, world!", host="ai-gateway.acme.example",
                                       path="/azure/openai/v1/chat/completions",
                                       extra_headers={"ocp-apim-subscription-key": "<redacted>",
                                                      "x-gateway-tenant": "developer-portal"}),
                          "as chat-ok, behind the gateway https://ai-gateway.acme.example/azure/openai with its "
                          "subscription key and tenant header"),
    "bad-key.yaml": ("azure-sdk-assets/ChatCompletionBadKeyGivesHelpfulError.json", "chat-bad-key",
                     chat_request("oops, this won't work with that key!"),
                     "deployment URL → v1 path with preview; model → chat-prod; Accept dropped"),
    "content-filter.yaml": ("azure-sdk-assets/TestClient_GetChatCompletions_AzureOpenAI_ContentFilterWithError.json",
                            "chat-content-filter",
                            chat_request("How do I rob a bank with violence?"),
                            "Go SDK `//openai/deployments/gpt-4` (api-version 2023-12-01-preview) → v1 path with "
                            "preview; system message, max_tokens and temperature dropped; model → chat-prod"),
    "chat-stream.yaml": ("azure-sdk-assets/ChatCompletionStreaming.json", "chat-stream",
                         chat_request("Hello, assistant!", stream=True),
                         "deployment URL → v1 path with preview; system message, logprobs, top_logprobs and "
                         "max_tokens dropped; model → chat-prod; the 33 recorded SSE events kept as recorded"),
}


def gwlint_import(gwlint, source, out):
    result = subprocess.run([gwlint, "import", source, "--out", out], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"gwlint import {source} failed:\n{result.stderr}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gwlint", required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        for output, (source, exchange_id, request, changes) in ADAPTATIONS.items():
            imported = os.path.join(work, "imported.json")
            gwlint_import(args.gwlint, os.path.join(UPSTREAM, source), imported)
            with open(imported) as f:
                recording = json.load(f)
            exchange = recording["exchanges"][0]
            exchange["id"] = exchange_id
            exchange["request"] = request
            recording["source"] = (f"{source} from tests/data/upstream-recordings (see SOURCES.md there), imported "
                                   f"with gwlint import and adapted: {changes}")
            recording["exchanges"] = [exchange]
            adapted = os.path.join(work, "adapted.json")
            with open(adapted, "w") as f:
                json.dump(recording, f)
            gwlint_import(args.gwlint, adapted, os.path.join(HERE, output))  # gwlint's own JSON → YAML
            print(f"wrote {output}")


if __name__ == "__main__":
    main()
