"""`gwlint audit` from the outside: the three files, their content, no secret in any of them,
escaped hostile values, valid Markdown tables, report.json against its schema, layers merged,
exit codes, progress only on a terminal.

Run: test_audit.py --gwlint BUILD/gwlint --source REPO"""
import json
import os
import pty
import re
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
from support import LEAKY, MODEL_NAME, SECRET_KEYS, parse_test_arguments, run_tests  # noqa: E402

import jsonschema  # noqa: E402  (Debian's python3-jsonschema)

GWLINT, SOURCE, REST = parse_test_arguments()
FILES = ("report.html", "report.md", "report.json")

HOSTILE = """aiGateway:
  providers:
    azure:
      apiKey: ${AZURE_OPENAI_API_KEY}
      resourceName: "<script>alert(1)</script>"
      headers:
        X-Team: "<script>alert('x')</script>"
        "<img src=x onerror=alert(2)>": v
      deployments:
        "<b>bold</b>": "<i>model</i>"
  languageModel: "azure|<script>alert(3)</script>"
  plugins:
    "<iframe src=javascript:alert(4)>":
      languageModel: azure|chat-prod
"""


def audit(*args, cwd=None):
    return subprocess.run([GWLINT, "audit", *args], capture_output=True, text=True, timeout=300, cwd=cwd)


def read_reports(out):
    texts = {}
    for name in FILES:
        with open(os.path.join(out, name), encoding="utf-8") as f:
            texts[name] = f.read()
    return texts


def write(folder, name, text):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write(text)


def schema():
    with open(os.path.join(SOURCE, "schemas", "audit-report.schema.json"), encoding="utf-8") as f:
        return json.load(f)


def markdown_table_problems(markdown):
    """Every table: a header, a delimiter row with as many cells, and rows with as many cells."""
    def cells(line):
        # Split on pipes not escaped by a backslash; drop the outer empty cells.
        parts = re.split(r"(?<!\\)\|", line.strip())
        return parts[1:-1]
    problems, lines = [], markdown.split("\n")
    i = 0
    while i < len(lines):
        if lines[i].startswith("|") and i + 1 < len(lines) and re.match(r"^\|(\s*:?-+:?\s*\|)+$", lines[i + 1]):
            width = len(cells(lines[i]))
            if len(cells(lines[i + 1])) != width:
                problems.append(f"line {i + 2}: delimiter row has a different width")
            i += 2
            while i < len(lines) and lines[i].startswith("|"):
                if not lines[i].rstrip().endswith("|") or len(cells(lines[i])) != width:
                    problems.append(f"line {i + 1}: {len(cells(lines[i]))} cells, want {width}: {lines[i][:120]}")
                i += 1
        elif lines[i].startswith("|"):
            problems.append(f"line {i + 1}: a table row outside a table: {lines[i][:120]}")
            i += 1
        else:
            i += 1
    return problems


class AuditExamples(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out = os.path.join(cls.tmp.name, "nested", "out")  # created by gwlint
        cls.result = audit("examples/", "--out", cls.out, "--scenarios", "scenarios/", "-j", "2", cwd=SOURCE)
        cls.reports = read_reports(cls.out) if os.path.isdir(cls.out) else {}

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_writes_three_files_and_exits_1(self):
        self.assertEqual(self.result.returncode, 1, self.result.stderr)
        for name in FILES:
            self.assertTrue(self.reports.get(name), name)
        self.assertEqual(sorted(os.listdir(self.out)), sorted(FILES))  # no temporaries left
        self.assertIn("wrote", self.result.stdout)
        self.assertEqual(self.result.stderr, "")  # not a terminal: no progress bar

    def test_json_matches_its_schema(self):
        report = json.loads(self.reports["report.json"])
        jsonschema.Draft7Validator(schema()).validate(report)
        self.assertEqual(report["summary"]["status"], "fail")
        self.assertEqual(len(report["configs"]), 9)
        self.assertTrue(report["summary"]["scenarios"]["ran"])
        self.assertGreaterEqual(report["summary"]["scenarios"]["total"], 13)
        self.assertEqual(report["summary"]["scenarios"]["failed"], 0)

    def test_effective_urls_and_ignored_fields(self):
        report = json.loads(self.reports["report.json"])
        by_label = {c["label"]: c for c in report["configs"]}
        clean = by_label["examples/clean/app-config.yaml"]
        azure = clean["providers"][0]
        self.assertEqual(azure["urls"][0]["url"],
                         "https://acme-openai-eastus2.openai.azure.com/openai/v1/chat/completions?api-version=preview")
        override = by_label["examples/baseurl-overrides-resourcename/app-config.production.yaml"]["providers"][0]
        self.assertIn({"field": "resourceName", "reason": "baseURL is set"}, override["ignored"])
        html = self.reports["report.html"]
        self.assertIn("https://acme-openai-eastus2.openai.azure.com/openai/v1/chat/completions?api-version=preview", html)
        self.assertIn("${AZURE_OPENAI_API_KEY}", html)

    def test_sections_in_html(self):
        html = self.reports["report.html"]
        for part in ('id="summary"', "Worst issues first", "Effective configuration", "Model references",
                     "Findings", 'id="scenarios"', '<svg class="timeline"', "retry-after honoured",
                     "gwlint explain AZ201", "@media (prefers-color-scheme: dark)", "@media print"):
            self.assertIn(part, html)

    def test_self_contained(self):
        html = self.reports["report.html"]
        self.assertNotRegex(html, r"<(script|link|img|iframe|embed|object|video|audio|source)\b")
        self.assertNotRegex(html, r"(src|href)\s*=\s*\"?(https?:)?//")
        self.assertNotIn("@import", html)
        self.assertNotRegex(html, r"url\(")

    def test_markdown_tables_are_valid(self):
        problems = markdown_table_problems(self.reports["report.md"])
        self.assertEqual(problems, [])
        self.assertIn("| Configs | Errors |", self.reports["report.md"])


class AuditSecrets(unittest.TestCase):
    def test_no_secret_in_any_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            write(os.path.join(tmp, "in"), "app-config.yaml", LEAKY)
            run = audit(os.path.join(tmp, "in"), "--out", os.path.join(tmp, "out"))
            self.assertEqual(run.returncode, 1, run.stderr)
            reports = read_reports(os.path.join(tmp, "out"))
            for name, text in reports.items():
                for key in SECRET_KEYS:
                    for fragment in (key, key[4:16], key[-12:]):
                        self.assertNotIn(fragment, text, f"{name} holds part of a secret")
            self.assertIn("literal in the file (redacted)", reports["report.html"])


class AuditInjection(unittest.TestCase):
    def test_hostile_values_show_as_text(self):
        with tempfile.TemporaryDirectory() as tmp:
            write(os.path.join(tmp, "in"), "app-config.yaml", HOSTILE)
            run = audit(os.path.join(tmp, "in"), "--out", os.path.join(tmp, "out"))
            self.assertIn(run.returncode, (0, 1), run.stderr)
            reports = read_reports(os.path.join(tmp, "out"))
            html = reports["report.html"]
            self.assertNotRegex(html, r"<(script|img|iframe|b|i)[\s>]")
            self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", html)
            self.assertIn("&lt;iframe src=javascript:alert(4)&gt;", html)
            md = reports["report.md"]
            # Code frames sit in fenced blocks, where nothing is markup; everything else is escaped.
            outside_fences = re.sub(r"^(`{3,})\n.*?^\1$", "", md, flags=re.S | re.M)
            self.assertNotRegex(outside_fences, r"<(script|img|iframe|b|i)[\s>]")
            self.assertEqual(markdown_table_problems(md), [])
            jsonschema.Draft7Validator(schema()).validate(json.loads(reports["report.json"]))


class AuditBehaviour(unittest.TestCase):
    def test_layers_are_merged(self):
        with tempfile.TemporaryDirectory() as tmp:
            folder = os.path.join(tmp, "portal")
            write(folder, "app-config.yaml", MODEL_NAME.replace("gpt-4o", "chat-prod"))
            write(folder, "app-config.production.yaml",
                  "aiGateway:\n  providers:\n    azure:\n      baseURL: https://apim.example.com/openai\n")
            run = audit(folder, "--out", os.path.join(tmp, "out"))
            report = json.loads(read_reports(os.path.join(tmp, "out"))["report.json"])
            self.assertEqual(len(report["configs"]), 1, run.stderr)
            config = report["configs"][0]
            self.assertTrue(config["merged"])
            self.assertEqual([os.path.basename(f) for f in config["files"]],
                             ["app-config.yaml", "app-config.production.yaml"])
            azure = config["providers"][0]
            self.assertEqual(azure["urls"][0]["url"],
                             "https://apim.example.com/openai/v1/chat/completions?api-version=preview")
            self.assertEqual(azure["ignored"][0]["field"], "resourceName")

    def test_clean_config_exits_0(self):
        with tempfile.TemporaryDirectory() as tmp:
            run = audit(os.path.join(SOURCE, "examples", "clean"), "--out", os.path.join(tmp, "out"), "-q")
            self.assertEqual(run.returncode, 0, run.stderr)
            self.assertEqual(run.stdout, "")

    def test_usage_and_unreadable_exit_2(self):
        with tempfile.TemporaryDirectory() as tmp:
            self.assertEqual(audit(os.path.join(SOURCE, "examples", "clean")).returncode, 2)  # --out missing
            blocker = os.path.join(tmp, "file")
            write(tmp, "file", "x")
            run = audit(os.path.join(SOURCE, "examples", "clean"), "--out", blocker)
            self.assertEqual(run.returncode, 2)
            self.assertIn("cannot", run.stderr)
            run = audit(os.path.join(tmp, "missing.yaml"), "--out", os.path.join(tmp, "out"))
            self.assertEqual(run.returncode, 2)
            self.assertTrue(os.path.exists(os.path.join(tmp, "out", "report.html")))  # still reported

    def test_baseline_marks_known_findings(self):
        with tempfile.TemporaryDirectory() as tmp:
            write(os.path.join(tmp, "in"), "app-config.yaml", MODEL_NAME)
            baseline = os.path.join(tmp, "baseline.json")
            subprocess.run([GWLINT, "lint", os.path.join(tmp, "in"), "--write-baseline", baseline],
                           capture_output=True, check=True)
            run = audit(os.path.join(tmp, "in"), "--out", os.path.join(tmp, "out"), "--baseline", baseline)
            self.assertEqual(run.returncode, 0, run.stderr)
            report = json.loads(read_reports(os.path.join(tmp, "out"))["report.json"])
            self.assertTrue(report["configs"][0]["findings"])
            self.assertTrue(all(f["baseline"] == "known" for f in report["configs"][0]["findings"]))

    def test_inventory_matches_model_references(self):
        with tempfile.TemporaryDirectory() as tmp:
            write(os.path.join(tmp, "in"), "app-config.yaml", MODEL_NAME.replace("gpt-4o", "chat-prod"))
            write(tmp, "deployments.yaml", "chat-prod: gpt-4o\n")
            audit(os.path.join(tmp, "in"), "--out", os.path.join(tmp, "out"), "--deployments",
                  os.path.join(tmp, "deployments.yaml"))
            model = json.loads(read_reports(os.path.join(tmp, "out"))["report.json"])["configs"][0]["models"][0]
            self.assertEqual((model["inventory"], model["model_id"]), ("match", "gpt-4o"))

    def test_progress_bar_only_on_a_terminal(self):
        with tempfile.TemporaryDirectory() as tmp:
            def on_tty(*extra):
                master, slave = pty.openpty()
                proc = subprocess.Popen([GWLINT, "audit", os.path.join(SOURCE, "examples"), "--out",
                                         os.path.join(tmp, "out"), *extra], stdout=subprocess.DEVNULL,
                                        stderr=slave)
                os.close(slave)
                chunks = []
                while True:
                    try:
                        chunk = os.read(master, 4096)
                    except OSError:
                        break
                    if not chunk:
                        break
                    chunks.append(chunk)
                proc.wait(timeout=120)
                os.close(master)
                return b"".join(chunks).decode("utf-8", "replace")
            shown = on_tty()
            self.assertIn("configs 9/9", shown)
            self.assertIn("\r", shown)
            self.assertEqual(on_tty("--quiet"), "")


if __name__ == "__main__":
    run_tests(REST)
