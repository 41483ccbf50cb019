#!/usr/bin/env python3
"""Benchmark corpus for gwlint: Backstage app-config files with an aiGateway section.

usage:
  gen_corpus.py DIR [N] [--seed S]     write N files (default 10,000) into DIR
  gen_corpus.py --one-big FILE [--seed S] [--size BYTES]
                                       write one large config (default just under 8 MiB)

Files are 0.5-3 KB, deterministic for a given seed (default 42), about 85 % YAML
(`app-config-NNNNN.yaml`) and 15 % JSON (`app-config-NNNNN.gateway.json`), so both match
gwlint's default directory globs. About 45 % are meant to be clean; the others each carry one to
three rule violations drawn from DEFECTS below (model name as Azure deployment, baseURL together
with resourceName, resourceName as URL, literal keys, dated apiVersion on the v1 endpoint,
unquoted date apiVersion, header problems, unknown fields, duplicate keys, bad Bedrock region,
Ollama without baseURL, ...). The rest of each file is ordinary Backstage configuration (app,
backend, catalog, integrations, techdocs) of random size, which gwlint must read but ignore.

A manifest (`MANIFEST.tsv`: file, format, bytes, defects) is written next to the files.
"""
import argparse
import json
import os
import random
import re
import sys

# ---------------------------------------------------------------------------------------------
# A tiny ordered document model that can hold duplicate keys and YAML-only scalars.


class M:
    """A mapping: ordered (key, value) pairs; duplicates allowed on purpose."""

    def __init__(self, *pairs):
        self.pairs = list(pairs)

    def add(self, key, value):
        self.pairs.append((key, value))
        return self

    def get(self, key):
        for k, v in self.pairs:
            if k == key:
                return v
        return None

    def remove(self, key):
        self.pairs = [(k, v) for k, v in self.pairs if k != key]

    def set(self, key, value):
        for i, (k, _) in enumerate(self.pairs):
            if k == key:
                self.pairs[i] = (key, value)
                return self
        return self.add(key, value)


class Raw:
    """A scalar written as is in YAML (e.g. an unquoted date); a string in JSON."""

    def __init__(self, text):
        self.text = text


_PLAIN = re.compile(r"^[A-Za-z0-9_./${}|:@-][A-Za-z0-9_ ./${}|:@-]*$")
_NUMBERISH = re.compile(r"^[0-9][0-9._:-]*$")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"}


_SCALAR_CACHE = {}


def yaml_scalar(value):
    if type(value) is str:
        cached = _SCALAR_CACHE.get(value)
        if cached is None:
            cached = _SCALAR_CACHE[value] = _yaml_scalar(value)
        return cached
    return _yaml_scalar(value)


def _yaml_scalar(value):
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    s = str(value)
    needs_quotes = (
        not s
        or not _PLAIN.match(s)
        or s.lower() in _RESERVED
        or ": " in s
        or " #" in s
        or s.endswith(":")
        or s.startswith(("{", "-", ":", "@"))
        or s != s.strip()
        or _NUMBERISH.match(s)  # numbers, dates, times: keep them strings
    )
    if needs_quotes:
        return json.dumps(s)
    return s


def yaml_key(key):
    return yaml_scalar(key)


def emit_yaml(node, indent=0, out=None):
    out = [] if out is None else out
    pad = "  " * indent
    if isinstance(node, M):
        for k, v in node.pairs:
            if isinstance(v, M):
                if v.pairs:
                    out.append(f"{pad}{yaml_key(k)}:\n")
                    emit_yaml(v, indent + 1, out)
                else:
                    out.append(f"{pad}{yaml_key(k)}: {{}}\n")
            elif isinstance(v, list):
                if v:
                    out.append(f"{pad}{yaml_key(k)}:\n")
                    emit_yaml(v, indent + 1, out)
                else:
                    out.append(f"{pad}{yaml_key(k)}: []\n")
            else:
                out.append(f"{pad}{yaml_key(k)}: {yaml_scalar(v)}\n")
    elif isinstance(node, list):
        for item in node:
            if isinstance(item, M) and item.pairs:
                first = True
                for k, v in item.pairs:
                    lead = f"{pad}- " if first else f"{pad}  "
                    first = False
                    if isinstance(v, (M, list)):
                        out.append(f"{lead}{yaml_key(k)}:\n")
                        emit_yaml(v, indent + 2, out)
                    else:
                        out.append(f"{lead}{yaml_key(k)}: {yaml_scalar(v)}\n")
            else:
                out.append(f"{pad}- {yaml_scalar(item)}\n")
    return out


def emit_json(node, indent=0):
    pad = "  " * indent
    inner = "  " * (indent + 1)
    if isinstance(node, M):
        if not node.pairs:
            return "{}"
        items = [f"{inner}{json.dumps(k)}: {emit_json(v, indent + 1)}" for k, v in node.pairs]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(node, list):
        if not node:
            return "[]"
        return "[\n" + ",\n".join(inner + emit_json(v, indent + 1) for v in node) + "\n" + pad + "]"
    if isinstance(node, Raw):
        return json.dumps(node.text)
    return json.dumps(node)


# ---------------------------------------------------------------------------------------------
# Building blocks

DEPLOYMENTS = ["chat-prod", "chat-staging", "reasoning-main", "summarizer", "assistant-eu", "embed-prod",
               "team-chat", "copilot-backend", "search-rerank-chat", "triage-bot"]
MODEL_IDS = ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "gpt-5.4", "o4-mini", "gpt-35-turbo"]
OPENAI_MODELS = ["gpt-4.1-mini", "gpt-4o", "o4-mini", "gpt-5-mini"]
REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-northeast-1"]
BAD_REGIONS = ["us-east-9", "useast1", "eu-west", "US-EAST-1", "mars-north-1"]
PLUGINS = ["aika", "soundcheck", "insights", "skill-exchange", "search", "catalog-assistant", "docs-qa"]
APIM_HOSTS = ["apim-{n}.azure-api.net/openai", "ai-gw-{n}.platform.acme.dev/azure", "llm-proxy-{n}.corp.example.net/azure"]


def fake_hex_key(r):
    # Obviously fake: starts with deadbeef repeated, the rest random hex, 32 chars in all.
    return "deadbeefdeadbeef" + "".join(r.choice("0123456789abcdef") for _ in range(16))


def azure_provider(i, r):
    p = M(("apiKey", "${AZURE_OPENAI_API_KEY}"))
    if r.random() < 0.65:
        p.add("resourceName", f"acme-openai-{i % 997}")
        if r.random() < 0.5:
            p.add("apiVersion", r.choice(["preview", "v1", "latest"]))
    else:
        host = r.choice(APIM_HOSTS).format(n=i % 89)
        p.add("baseURL", f"https://{host}")
        if r.random() < 0.5:
            p.add("apiVersion", r.choice(["preview", "v1"]))
    n_headers = r.choice([0, 0, 1, 2, 3])
    if n_headers:
        if r.random() < 0.8:
            h = M(*[(f"X-Team-{k}", f"team-{i % 13}-{k}") for k in range(n_headers)])
        else:  # Portal settings style: a list of {key, value}
            h = [M(("key", f"X-Team-{k}"), ("value", f"team-{i % 13}-{k}")) for k in range(n_headers)]
        p.add("headers", h)
    if r.random() < 0.25:
        inv = M()
        for name in r.sample(DEPLOYMENTS, 3):
            inv.add(name, r.choice(MODEL_IDS))
        p.add("deployments", inv)
    return p


def other_provider(name, i, r):
    if name == "openai":
        p = M(("apiKey", "${OPENAI_API_KEY}"))
        if r.random() < 0.3:
            p.add("baseURL", "https://api.openai.com/v1")
        return p
    if name == "amazon-bedrock":
        return M(("region", r.choice(REGIONS)), ("accessKeyId", "${AWS_ACCESS_KEY_ID}"),
                 ("secretAccessKey", "${AWS_SECRET_ACCESS_KEY}"))
    if name == "cohere":
        return M(("apiKey", "${COHERE_API_KEY}"))
    if name == "google":
        return M(("apiKey", M(("$env", "GOOGLE_API_KEY"))))
    if name == "ollama":
        return M(("baseURL", r.choice(["http://localhost:11434", "http://127.0.0.1:11434/api"])))
    raise ValueError(name)


def gateway(i, r):
    """A clean aiGateway section (as far as the rules in design/RULES.md go)."""
    providers = M()
    azure = azure_provider(i, r)
    providers.add("azure", azure)
    extra = r.sample(["openai", "amazon-bedrock", "cohere", "google", "ollama"], r.choice([0, 1, 1, 2, 3]))
    for name in extra:
        providers.add(name, other_provider(name, i, r))
    gw = M(("providers", providers))
    inv = azure.get("deployments")
    deployment = inv.pairs[0][0] if inv else r.choice(DEPLOYMENTS)
    gw.add("languageModel", f"azure|{deployment}")
    if "openai" in extra and r.random() < 0.7:
        gw.add("embeddingModel", "openai|text-embedding-3-small")
    if "cohere" in extra and r.random() < 0.7:
        gw.add("rerankingModel", "cohere|rerank-v3.5")
    if r.random() < 0.4:
        plugins = M()
        for plugin in r.sample(PLUGINS, r.randint(1, 3)):
            if "openai" in extra and r.random() < 0.5:
                ref = f"openai|{r.choice(OPENAI_MODELS)}"
            else:
                ref = f"azure|{inv.pairs[-1][0] if inv else r.choice(DEPLOYMENTS)}"
            plugins.add(plugin, M(("languageModel", ref)))
        gw.add("plugins", plugins)
    return gw


# ---------------------------------------------------------------------------------------------
# Defects: each takes (gateway, i, r, is_json) and returns False when it does not apply.


def providers_of(gw):
    return gw.get("providers")


def d_model_name(gw, i, r, js):
    gw.set("languageModel", f"azure|{r.choice(MODEL_IDS)}")


def d_baseurl_and_resource(gw, i, r, js):
    az = providers_of(gw).get("azure")
    if az.get("resourceName") is None:
        az.add("resourceName", f"acme-openai-{i % 997}")
    if az.get("baseURL") is None:
        az.add("baseURL", f"https://apim-{i % 89}.azure-api.net/openai")


def d_resource_url(gw, i, r, js):
    az = providers_of(gw).get("azure")
    az.remove("baseURL")
    az.set("resourceName", r.choice([f"https://acme-openai-{i % 997}.openai.azure.com/",
                                     f"acme-openai-{i % 997}.openai.azure.com",
                                     f"https://acme-{i % 997}.cognitiveservices.azure.com"]))


def d_plaintext_key(gw, i, r, js):
    prov = providers_of(gw)
    target = r.choice([k for k, _ in prov.pairs if k not in ("ollama", "amazon-bedrock")])
    prov.get(target).set("apiKey", fake_hex_key(r))


def d_dated_version(gw, i, r, js):
    az = providers_of(gw).get("azure")
    az.remove("baseURL")
    az.set("resourceName", f"acme-openai-{i % 997}")
    az.set("apiVersion", r.choice(["2024-02-15-preview", "2025-04-01-preview", "2024-10-21"]))


def d_unquoted_date(gw, i, r, js):
    if js:
        return False
    az = providers_of(gw).get("azure")
    az.set("apiVersion", Raw(r.choice(["2024-10-21", "2024-06-01", "2023-05-15"])))


def d_bad_version(gw, i, r, js):
    providers_of(gw).get("azure").set("apiVersion", r.choice(["2024-13-45", "24-10-21", "2024-10-21-beta", "prevew"]))


def d_headers(gw, i, r, js):
    az = providers_of(gw).get("azure")
    h = az.get("headers")
    if not isinstance(h, M):
        h = M()
        az.set("headers", h)
    kind = r.randrange(6)
    if kind == 0:
        h.add("Host", "api.example.com")  # reserved
    elif kind == 1:
        h.add("X Team", "platform")  # invalid name
    elif kind == 2:
        h.add("X-Trace", "a").add("x-trace", "b")  # duplicate ignoring case
    elif kind == 3:
        h.add("api-key", "${AZURE_OPENAI_API_KEY}")  # overrides apiKey
    elif kind == 4:
        h.add("Ocp-Apim-Subscription-Key", fake_hex_key(r))  # literal secret in header
    else:
        h.add("Authorization", "Bearer " + fake_hex_key(r))


def d_unknown_field(gw, i, r, js):
    prov = providers_of(gw)
    az = prov.get("azure")
    kind = r.randrange(4)
    if kind == 0:
        url = az.get("baseURL")
        az.remove("baseURL")
        az.add("baseUrl", url or f"https://apim-{i % 89}.azure-api.net/openai")
    elif kind == 1:
        az.add("resourcename", f"acme-openai-{i % 997}")
    elif kind == 2:
        gw.add("langageModel", gw.get("languageModel"))
    else:
        az.add("apiVerison", "preview")


def d_duplicate_key(gw, i, r, js):
    kind = r.randrange(3)
    if kind == 0:
        gw.add("languageModel", f"azure|{r.choice(DEPLOYMENTS)}")
    elif kind == 1:
        providers_of(gw).get("azure").add("apiKey", "${AZURE_OPENAI_API_KEY_2}")
    else:
        providers_of(gw).add("azure", M(("apiKey", "${AZURE_OPENAI_API_KEY}"), ("resourceName", "acme-openai-dup")))


def d_bedrock_region(gw, i, r, js):
    prov = providers_of(gw)
    b = prov.get("amazon-bedrock")
    if b is None:
        b = other_provider("amazon-bedrock", i, r)
        prov.add("amazon-bedrock", b)
    b.set("region", r.choice(BAD_REGIONS))


def d_ollama_no_url(gw, i, r, js):
    prov = providers_of(gw)
    o = prov.get("ollama")
    if o is None:
        o = M()
        prov.add("ollama", o)
    o.remove("baseURL")
    if r.random() < 0.5:
        o.add("headers", M(("X-Local", "yes")))


def d_missing_endpoint(gw, i, r, js):
    az = providers_of(gw).get("azure")
    az.remove("baseURL")
    az.remove("resourceName")


def d_model_ref(gw, i, r, js):
    gw.set("languageModel", r.choice(["azure/chat-prod", "azure:chat-prod", "chat-prod", "azure|", "azure|chat|prod",
                                      "azure-openai|chat-prod", "bedrock|claude"]))


def d_provider_not_configured(gw, i, r, js):
    missing = [p for p in ("google", "cohere", "openai") if providers_of(gw).get(p) is None]
    if not missing:
        return False
    gw.set("embeddingModel", {"google": "google|text-embedding-004", "cohere": "cohere|embed-english-v3.0",
                              "openai": "openai|text-embedding-3-small"}[missing[0]])


def d_rerank_provider(gw, i, r, js):
    gw.set("rerankingModel", "azure|rerank-prod")


def d_placeholder(gw, i, r, js):
    az = providers_of(gw).get("azure")
    if r.random() < 0.5:
        az.set("apiKey", "your-azure-api-key")
    else:
        az.remove("baseURL")
        az.set("resourceName", "your-resource-name")


def d_env_syntax(gw, i, r, js):
    providers_of(gw).get("azure").set("apiKey", r.choice(["${AZURE_OPENAI_API_KEY", "$AZURE_OPENAI_API_KEY",
                                                          "${}", "${1BAD-NAME}"]))


def d_baseurl_endpoint(gw, i, r, js):
    az = providers_of(gw).get("azure")
    az.remove("resourceName")
    base = f"https://apim-{i % 89}.azure-api.net/openai"
    az.set("baseURL", base + r.choice(["/chat/completions", "/v1", "/deployments/chat-prod", "/",
                                       "?api-version=2024-10-21"]))


def d_resource_invalid(gw, i, r, js):
    az = providers_of(gw).get("azure")
    az.remove("baseURL")
    az.set("resourceName", r.choice(["-acme-openai", "acme_openai", "a", "acme openai"]))


def d_missing_key(gw, i, r, js):
    providers_of(gw).get("azure").remove("apiKey")


def d_no_default_model(gw, i, r, js):
    gw.remove("languageModel")


def d_retired_version(gw, i, r, js):
    az = providers_of(gw).get("azure")
    az.remove("resourceName")
    az.set("baseURL", f"https://apim-{i % 89}.azure-api.net/openai")
    az.set("apiVersion", r.choice(["2023-03-15-preview", "2023-07-01-preview", "2023-12-01-preview"]))


def d_baseurl_plain_azure(gw, i, r, js):
    az = providers_of(gw).get("azure")
    az.remove("resourceName")
    az.set("baseURL", f"https://acme-openai-{i % 997}.openai.azure.com/openai")


def d_deployment_name(gw, i, r, js):
    az = providers_of(gw).get("azure")
    inv = az.get("deployments")
    if inv is None:
        inv = M()
        az.add("deployments", inv)
        model = gw.get("languageModel") or ""
        if model.startswith("azure|"):
            inv.add(model.split("|", 1)[1], r.choice(MODEL_IDS))
    inv.add(r.choice(["chat prod", "chat-prod.", "c", "chat/prod"]), r.choice(MODEL_IDS))


def d_schema_type(gw, i, r, js):
    az = providers_of(gw).get("azure")
    kind = r.randrange(3)
    if kind == 0:
        az.set("headers", "X-Team=platform")
    elif kind == 1:
        gw.set("plugins", ["aika", "soundcheck"])
    else:
        az.set("apiVersion", r.choice([True, 20241021]))


def d_header_injection(gw, i, r, js):
    az = providers_of(gw).get("azure")
    h = az.get("headers")
    if not isinstance(h, M):
        h = M()
        az.set("headers", h)
    h.add("X-Trace", "abc\r\nX-Injected: yes")


DEFECTS = [
    ("model-name-as-deployment", d_model_name, 6),
    ("baseurl-and-resourcename", d_baseurl_and_resource, 4),
    ("resourcename-is-url", d_resource_url, 4),
    ("plaintext-key", d_plaintext_key, 4),
    ("dated-apiversion-v1", d_dated_version, 4),
    ("unquoted-date-apiversion", d_unquoted_date, 3),
    ("apiversion-invalid", d_bad_version, 2),
    ("header-problem", d_headers, 4),
    ("unknown-field", d_unknown_field, 4),
    ("duplicate-key", d_duplicate_key, 3),
    ("bedrock-bad-region", d_bedrock_region, 2),
    ("ollama-no-baseurl", d_ollama_no_url, 2),
    ("missing-endpoint", d_missing_endpoint, 1),
    ("model-ref-syntax", d_model_ref, 2),
    ("provider-not-configured", d_provider_not_configured, 1),
    ("reranking-provider", d_rerank_provider, 1),
    ("placeholder", d_placeholder, 1),
    ("env-ref-syntax", d_env_syntax, 1),
    ("baseurl-is-endpoint", d_baseurl_endpoint, 2),
    ("resourcename-invalid", d_resource_invalid, 1),
    ("missing-credentials", d_missing_key, 1),
    ("no-default-language-model", d_no_default_model, 1),
    ("apiversion-retired", d_retired_version, 1),
    ("baseurl-could-be-resourcename", d_baseurl_plain_azure, 1),
    ("deployment-name-invalid", d_deployment_name, 1),
    ("schema-type", d_schema_type, 2),
    ("header-injection", d_header_injection, 1),
]

# Whole-file defects, applied to the rendered text (rarer: ~3 % of files).
TEXT_DEFECTS = ["syntax-error", "no-gateway", "unused-suppression"]


# ---------------------------------------------------------------------------------------------
# Ordinary Backstage configuration used as filler (gwlint ignores it; parsers do not).


def filler_block(i, k, r):
    """One top-level-ish section of ordinary Backstage config, ~150-400 bytes."""
    kind = r.randrange(7)
    if kind == 0:
        return "catalog", M(("locations", [M(("type", "url"), ("target", f"https://github.com/acme/team-{i % 50}-{k}/blob/main/catalog-info.yaml")),
                                           M(("type", "file"), ("target", f"../../examples/entities-{k}.yaml"))]),
                            ("rules", [M(("allow", ["Component", "System", "API", "Resource", "Location"]))]))
    if kind == 1:
        return "integrations", M(("github", [M(("host", "github.com"), ("token", "${GITHUB_TOKEN}"))]),
                                 ("gitlab", [M(("host", f"gitlab-{k}.example.com"), ("token", "${GITLAB_TOKEN}"),
                                               ("apiBaseUrl", f"https://gitlab-{k}.example.com/api/v4"))]))
    if kind == 2:
        return "techdocs", M(("builder", "external"), ("generator", M(("runIn", "local"))),
                             ("publisher", M(("type", "awsS3"), ("awsS3", M(("bucketName", f"techdocs-{i % 17}"),
                                                                           ("region", "eu-west-1"))))))
    if kind == 3:
        return "proxy", M(("endpoints", M((f"/service-{k}", M(("target", f"https://svc{k}.example.internal/api"),
                                                              ("changeOrigin", True),
                                                              ("headers", M(("X-Caller", "backstage"))))))))
    if kind == 4:
        return "auth", M(("environment", "production"),
                         ("providers", M(("github", M(("production", M(("clientId", "${AUTH_GITHUB_CLIENT_ID}"),
                                                                       ("clientSecret", "${AUTH_GITHUB_CLIENT_SECRET}"))))))))
    if kind == 5:
        return "kubernetes", M(("serviceLocatorMethod", M(("type", "multiTenant"))),
                               ("clusterLocatorMethods", [M(("type", "config"),
                                                            ("clusters", [M(("url", f"https://k8s-{k}.example.internal"),
                                                                            ("name", f"cluster-{k}"),
                                                                            ("authProvider", "serviceAccount"),
                                                                            ("serviceAccountToken", "${K8S_TOKEN}"))]))]))
    return "scaffolder", M(("defaultAuthor", M(("name", f"Team {i % 13}"), ("email", f"team{i % 13}@example.com"))),
                           ("defaultCommitMessage", "Initial commit"))


def base_sections(i):
    return [("app", M(("title", f"Portal {i}"), ("baseUrl", f"https://portal{i}.example.com"))),
            ("backend", M(("baseUrl", f"https://portal{i}.example.com"), ("listen", M(("port", 7007))),
                          ("database", M(("client", "pg"), ("connection", M(("host", "${POSTGRES_HOST}"),
                                                                           ("port", "${POSTGRES_PORT}"),
                                                                           ("user", "${POSTGRES_USER}"),
                                                                           ("password", "${POSTGRES_PASSWORD}")))))))]


def render(doc, js):
    return emit_json(doc) + "\n" if js else "".join(emit_yaml(doc))


def make_file(i, r):
    js = r.random() < 0.15
    gw = gateway(i, r)
    defects = []
    if r.random() >= 0.45:
        weights = [w for _, _, w in DEFECTS]
        for _ in range(r.choice([1, 1, 1, 2, 2, 3])):
            name, fn, _ = r.choices(DEFECTS, weights=weights)[0]
            if name in defects:
                continue
            if fn(gw, i, r, js) is not False:
                defects.append(name)
    target = r.randint(520, 2950)
    head = base_sections(i)
    # Sizes add up section by section (top-level sections render independently; JSON adds a
    # separator per section), so filler is chosen without re-rendering the whole file each time.
    def section_size(pair):
        return len(render(M(pair), js)) + (2 if js else 0)
    size = sum(section_size(p) for p in head) + section_size(("aiGateway", gw))
    tail = []
    used = {"app", "backend", "aiGateway"}
    k = 0
    # Add filler sections until the target is reached; each section key is used once per file
    # (a repeated top-level key would be a duplicate-key finding we did not ask for).
    while size < target and k < 40:
        key, block = filler_block(i, k, r)
        k += 1
        if key in used:
            continue
        extra = section_size((key, block))
        if size + extra > 2990:
            break
        tail.append((key, block))
        used.add(key)
        size += extra
    before = [p for p in tail if r.random() < 0.5]
    after = [p for p in tail if p not in before]
    text_defect = r.choice(TEXT_DEFECTS) if r.random() < 0.03 else None
    if text_defect == "unused-suppression" and js:
        text_defect = None
    if text_defect == "no-gateway":
        doc = M(*head, *before, *after)
        defects = ["no-gateway"]
    else:
        doc = M(*head, *before, ("aiGateway", gw), *after)
    size = len(render(doc, js))
    if size < 500:  # pad the app section with a description
        doc.get("app").add("description", "x" * (505 - size))
    text = render(doc, js)
    if text_defect == "syntax-error":
        defects = ["syntax-error"]
        if js:
            text = text.rstrip().rstrip("}")  # truncated JSON
        else:
            text += "broken: [unclosed, flow\n"  # a flow sequence that never closes
    elif text_defect == "unused-suppression":
        text = text.replace("app:\n", "app:  # gwlint-disable-line AZ201\n", 1)
        defects.append("unused-suppression")
    return js, text, defects


def write_corpus(d, n, seed):
    os.makedirs(d, exist_ok=True)
    r = random.Random(seed)
    total = 0
    with open(os.path.join(d, "MANIFEST.tsv"), "w") as manifest:
        manifest.write("file\tformat\tbytes\tdefects\n")
        for i in range(n):
            js, text, defects = make_file(i, r)
            name = f"app-config-{i:05d}.gateway.json" if js else f"app-config-{i:05d}.yaml"
            with open(os.path.join(d, name), "w") as f:
                f.write(text)
            total += len(text)
            manifest.write(f"{name}\t{'json' if js else 'yaml'}\t{len(text)}\t{','.join(defects) or 'clean'}\n")
    return total


def write_one_big(path, seed, size):
    """One config of about `size` bytes (default just under gwlint's 8 MiB limit).

    Every part scales with `size`, so files of 2 and 8 MiB have the same mix and their lint times
    should be in proportion (a growth test within one file). Per 8 MiB: 200 Azure headers (one
    a duplicate ignoring case), a 4,000-entry deployments inventory, ~2,000 aiGateway plugins with
    model references (every 50th a model name, AZ201), an unknown field (`baseUrl`) and a
    duplicate plugin key, so duplicate-key checks, did-you-mean and inventory lookups run on big
    mappings; the remaining ~75 % is a backend section with plugin blocks of long values (so the
    node count stays under gwlint's expanded-node limit)."""
    r = random.Random(seed)
    scale = size / float(8 << 20)
    n_headers = max(2, int(200 * scale))
    n_deployments = max(10, int(4000 * scale))
    n_plugins = max(10, int(2000 * scale))
    parts = ["app:\n  title: Big portal\n  baseUrl: https://portal.example.com\n",
             "aiGateway:\n  providers:\n    azure:\n      apiKey: ${AZURE_OPENAI_API_KEY}\n"
             "      resourceName: acme-openai-big\n      apiVersion: preview\n      headers:\n"]
    for k in range(n_headers):
        parts.append(f"        X-Team-{k}: team-{k}\n")
    parts.append("        x-team-1: duplicate-ignoring-case\n")
    parts.append("      deployments:\n")
    for k in range(n_deployments):
        parts.append(f"        deployment-{k:05d}: {MODEL_IDS[k % len(MODEL_IDS)]}\n")
    parts.append("      baseUrl: https://apim.azure-api.net/openai\n")  # unknown field, did-you-mean
    parts.append("    openai:\n      apiKey: ${OPENAI_API_KEY}\n")
    parts.append("  languageModel: azure|deployment-00001\n  embeddingModel: openai|text-embedding-3-small\n")
    parts.append("  plugins:\n")
    for k in range(n_plugins):
        ref = (f"azure|deployment-{r.randrange(n_deployments):05d}" if k % 50 else
               f"azure|{MODEL_IDS[(k // 50) % len(MODEL_IDS)]}")
        parts.append(f"    plugin-{k:05d}:\n      languageModel: {ref}\n")
    parts.append("    plugin-00003:\n      languageModel: azure|deployment-00003\n")  # duplicate key
    parts.append("backend:\n  baseUrl: https://portal.example.com\n  extras:\n")
    head = "".join(parts)
    body = []
    written = len(head)
    k = 0
    while True:
        desc = " ".join(r.choice(["catalog", "search", "techdocs", "scaffolder", "kubernetes", "proxy",
                                  "permission", "notifications", "signals", "events", "auth"])
                        for _ in range(45))
        block = (f"    plugin{k}:\n      enabled: true\n      target: https://svc{k}.example.internal/api/v1/resources\n"
                 f"      description: {desc}\n")
        if written + len(block) > size:
            break
        body.append(block)
        written += len(block)
        k += 1
    with open(path, "w") as f:
        f.write(head)
        f.write("".join(body))
    return written


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?", help="output directory")
    ap.add_argument("n", nargs="?", type=int, default=10000, help="number of files (default 10000)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--one-big", metavar="FILE", help="write one large config to FILE instead")
    ap.add_argument("--size", type=int, default=(8 << 20) - (64 << 10),
                    help="bytes for --one-big (default 8 MiB - 64 KiB, under gwlint's 8 MiB limit)")
    a = ap.parse_args()
    if a.one_big:
        n = write_one_big(a.one_big, a.seed, a.size)
        print(f"wrote {a.one_big}: {n} bytes", file=sys.stderr)
        return
    if not a.dir:
        ap.error("DIR is required (or --one-big FILE)")
    total = write_corpus(a.dir, a.n, a.seed)
    print(f"wrote {a.n} files, {total} bytes, into {a.dir}", file=sys.stderr)


if __name__ == "__main__":
    main()
