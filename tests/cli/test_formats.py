#!/usr/bin/env python3
"""Output format tests: run the built gwlint on examples/ and fixtures/ with --format sarif, junit,
github and markdown, parse what it prints and check the fields, positions, escaping and that no
literal secret leaks. Outside validators where the machine has them: Microsoft's SARIF
multitool (npm, installed from tests/formats/package-lock.json into tests/formats/node_modules)
and xmllint against tests/formats/junit-10.xsd (the JUnit shape Jenkins reads)."""
import fcntl
import json
import os
import re
import shutil
import subprocess
import tempfile
import unittest

from support import CLEAN, LEAKY, MODEL_NAME, SECRET_KEYS, parse_test_arguments, run_tests
import xml.etree.ElementTree as ET

GWLINT = None
SOURCE = None

# A value with the characters each format must escape: % , : | < & > and an escaped newline.
ODD_VALUE = """aiGateway:
  providers:
    azure:
      apiKey: ${AZURE_OPENAI_API_KEY}
      resourceName: acme-openai
  languageModel: "azure|gpt%4o,x:y\\nz<&>|'\\"\\u0001"
"""
ODD_NAME = "we,ird:na%me.yaml"
FORMATS = ("sarif", "junit", "github", "markdown")


def run(*args, cwd=None, timeout=60):
    return subprocess.run([GWLINT, *args], capture_output=True, text=True, cwd=cwd, timeout=timeout)


def lint(fmt, *paths, cwd=None):
    r = run("lint", "--format", fmt, "--today", "2026-01-15", *paths, cwd=cwd)
    if r.returncode not in (0, 1):
        raise AssertionError(f"gwlint lint --format {fmt} {' '.join(paths)}: rc={r.returncode} {r.stderr[:300]}")
    return r.stdout


def findings_json(*paths, cwd=None):
    return json.loads(lint("json", *paths, cwd=cwd))["findings"]


class Workspace(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="gwlint-formats-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, name, text):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path


class Corpus:
    """examples/ and fixtures/ linted once, relative to the source tree."""
    paths = ("examples", "fixtures")
    _cache = {}

    @classmethod
    def output(cls, fmt):
        if fmt not in cls._cache:
            cls._cache[fmt] = lint(fmt, *cls.paths, cwd=SOURCE)
        return cls._cache[fmt]

    @classmethod
    def findings(cls):
        return json.loads(cls.output("json"))["findings"]


class SarifTest(Workspace):
    def test_structure_matches_json_findings(self):
        log = json.loads(Corpus.output("sarif"))
        self.assertEqual(log["version"], "2.1.0")
        self.assertEqual(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json")
        self.assertEqual(len(log["runs"]), 1)
        run_ = log["runs"][0]
        driver = run_["tool"]["driver"]
        self.assertEqual(driver["name"], "gwlint")
        version = run("--version").stdout.split()[-1]
        self.assertEqual(driver["version"], version)
        rules = driver["rules"]
        catalogue = [line.split()[0] for line in run("rules").stdout.splitlines()
                     if re.match(r"^[A-Z]+\d+\s", line)]
        if catalogue:
            self.assertEqual(sorted(r["id"] for r in rules), sorted(catalogue))
        for rule in rules:
            self.assertRegex(rule["name"], r"^[a-z0-9-]+$")
            self.assertTrue(rule["shortDescription"]["text"])
            self.assertTrue(rule["fullDescription"]["text"])
            self.assertIn(rule["id"], rule["help"]["markdown"], f"{rule['id']}: help is not its doc")
            self.assertIn(rule["defaultConfiguration"]["level"], ("error", "warning", "note"))
            self.assertIsInstance(rule["properties"]["fixable"], bool)
        expected = Corpus.findings()
        results = run_["results"]
        self.assertEqual(len(results), len(expected))
        self.assertTrue(any("fixes" in r for r in results), "no result carries a fix")
        self.assertTrue(any("relatedLocations" in r for r in results), "no result has related locations")
        level = {"error": "error", "warning": "warning", "info": "note"}
        for result, finding in zip(results, expected):
            self.assertEqual(result["ruleId"], finding["code"])
            self.assertEqual(rules[result["ruleIndex"]]["id"], finding["code"])
            self.assertEqual(result["level"], level[finding["severity"]])
            self.assertTrue(result["message"]["text"].startswith(finding["message"]))
            if "suggestion" in finding:
                self.assertIn(finding["suggestion"], result["message"]["text"])
            location = result["locations"][0]["physicalLocation"]
            self.assertEqual(location["artifactLocation"]["uri"], finding["file"])
            self.assertEqual(location["artifactLocation"]["uriBaseId"], "%SRCROOT%")
            region = location["region"]
            self.assertEqual(region["startLine"], max(1, finding["line"]))
            self.assertEqual(region["startColumn"], max(1, finding["column"]))
            self.assertGreaterEqual(region["endLine"], region["startLine"])
            self.assertGreaterEqual(region["endColumn"], 1)
            self.assertRegex(result["partialFingerprints"]["gwlint/v1"], r"^[0-9a-f]{16}$")
            for fix in result.get("fixes", []):
                for change in fix["artifactChanges"]:
                    for replacement in change["replacements"]:
                        self.assertGreaterEqual(replacement["deletedRegion"]["startLine"], 1)
                        self.assertIn("text", replacement["insertedContent"])
            self.assertEqual(len(result.get("relatedLocations", [])), len(finding.get("related", [])))

    def test_fingerprints_ignore_line_numbers(self):
        a = self.write("app-config.yaml", MODEL_NAME)
        before = json.loads(lint("sarif", a))["runs"][0]["results"]
        self.write("app-config.yaml", "# a comment above\n\n" + MODEL_NAME)
        after = json.loads(lint("sarif", a))["runs"][0]["results"]
        self.assertEqual(before[0]["partialFingerprints"], after[0]["partialFingerprints"])
        self.assertEqual(after[0]["locations"][0]["physicalLocation"]["region"]["startLine"], 8)

    def test_absolute_and_odd_paths_are_uris(self):
        path = self.write(ODD_NAME, ODD_VALUE)
        result = json.loads(lint("sarif", path))["runs"][0]["results"][0]
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]
        self.assertTrue(uri["uri"].startswith("file:///"), uri)
        self.assertNotIn("uriBaseId", uri)
        self.assertIn("we%2Cird%3Ana%25me.yaml", uri["uri"])
        relative = json.loads(lint("sarif", ODD_NAME, cwd=self.dir))["runs"][0]["results"][0]
        self.assertEqual(relative["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                         "we%2Cird%3Ana%25me.yaml")

    def test_clean_run_is_valid_and_empty(self):
        log = json.loads(lint("sarif", self.write("app-config.yaml", CLEAN)))
        self.assertEqual(log["runs"][0]["results"], [])
        self.assertTrue(log["runs"][0]["tool"]["driver"]["rules"])

    def test_sarif_multitool_accepts_it(self):
        tool = sarif_multitool()
        if tool is None:
            self.skipTest("npm is not installed: SARIF multitool not run")
        sarif = self.write("corpus.sarif", Corpus.output("sarif"))
        odd = self.write("odd.sarif", lint("sarif", self.write(ODD_NAME, ODD_VALUE)))
        for path in (sarif, odd):
            out = path + ".validation.sarif"
            r = subprocess.run([tool, "validate", path, "-o", out, "--rule-kind", "Sarif;Gh"],
                               capture_output=True, text=True, timeout=300)
            self.assertEqual(r.returncode, 0, r.stdout[-2000:] + r.stderr[-2000:])
            with open(out, encoding="utf-8-sig") as f:
                results = json.load(f)["runs"][0].get("results", [])
            problems = [f"{x['ruleId']}: {x['message'].get('text') or x['message'].get('arguments')}" for x in results
                        if x.get("level", "warning") == "error"]
            self.assertEqual(problems, [], f"{os.path.basename(path)} rejected by the SARIF multitool")


def sarif_multitool():
    """The SARIF multitool binary from tests/formats/node_modules, installed with `npm ci` when missing."""
    prefix = os.path.join(SOURCE, "tests", "formats")
    binary = os.path.join(prefix, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool")
    if not os.path.exists(binary):
        if shutil.which("npm") is None:
            return None
        # Several build folders may run this test at once; one installs, the others wait.
        with open(os.path.join(tempfile.gettempdir(), "gwlint-formats-npm.lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not os.path.exists(binary):
                r = subprocess.run(["npm", "ci", "--prefix", prefix, "--no-audit", "--no-fund"],
                                   capture_output=True, text=True, timeout=600)
                if r.returncode != 0:
                    raise AssertionError(f"npm ci --prefix tests/formats failed: {r.stderr[-1500:]}")
    # npm does not run the package's postinstall (chmod u+x) under allowScripts; do it here.
    os.chmod(binary, os.stat(binary).st_mode | 0o100)
    return binary


class JunitTest(Workspace):
    def test_structure(self):
        root = ET.fromstring(Corpus.output("junit"))
        self.assertEqual(root.tag, "testsuites")
        findings = Corpus.findings()
        files = sorted({f["file"] for f in findings})
        suites = root.findall("testsuite")
        names = [s.get("name") for s in suites]
        for file in files:
            self.assertIn(file, names)
        rule_count = len([l for l in run("rules").stdout.splitlines() if re.match(r"^[A-Z]+\d+\s", l)])
        total_tests = total_failures = 0
        for suite in suites:
            cases = suite.findall("testcase")
            if rule_count:
                self.assertGreaterEqual(len(cases), rule_count)
            self.assertEqual(int(suite.get("tests")), len(cases))
            failed = [c for c in cases if c.find("failure") is not None]
            self.assertEqual(int(suite.get("failures")), len(failed))
            self.assertEqual(suite.get("errors"), "0")
            for case in cases:
                self.assertEqual(case.get("classname"), suite.get("name"))
                self.assertRegex(case.get("name"), r"^[A-Z]+\d+ [a-z0-9-]+$")
            total_tests += len(cases)
            total_failures += len(failed)
            # every error/warning of this file is a <failure> of its rule's testcase; infos go to system-out
            mine = [f for f in findings if f["file"] == suite.get("name")]
            by_case = {c.get("name").split()[0]: c for c in cases}
            for f in mine:
                case = by_case[f["code"]]
                if f["severity"] == "info":
                    self.assertIn(f["message"], "".join(e.text or "" for e in case.findall("system-out")))
                else:
                    msgs = [(x.get("message"), x.get("type")) for x in case.findall("failure")]
                    self.assertIn((f["message"], f["severity"]), msgs)
                    text = "".join(x.text or "" for x in case.findall("failure"))
                    self.assertIn(f"{f['file']}:{f['line']}:{f['column']}: {f['message']}", text)
            self.assertEqual(sum(len(c.findall("failure")) for c in cases),
                             len([f for f in mine if f["severity"] != "info"]))
        self.assertEqual(int(root.get("tests")), total_tests)
        self.assertEqual(int(root.get("failures")), total_failures)

    def test_escaping(self):
        path = self.write(ODD_NAME, ODD_VALUE)
        finding = findings_json(path)[0]
        root = ET.fromstring(lint("junit", path))
        failure = next(root.iter("failure"))
        self.assertEqual(failure.get("message"), finding["message"])
        self.assertEqual(root.find("testsuite").get("name"), path)

    def test_control_characters_and_invalid_utf8_stay_well_formed(self):
        # A key with raw control bytes and invalid UTF-8 (kept by the loader, quoted in messages).
        path = os.path.join(self.dir, "app-config.yaml")
        with open(path, "wb") as f:
            f.write(b"aiGateway:\n  providers:\n    azure:\n      apiKey: ${AZURE_OPENAI_API_KEY}\n"
                    b"      resourceName: acme-openai\n      \"bad\\x01\\x7f\\ufffe]]>&\": 1\n"
                    b"      'caf\xe9 <x>': 2\n  languageModel: azure|chat-prod\n")
        r = subprocess.run([GWLINT, "lint", "--format", "junit", path], capture_output=True, timeout=30)
        self.assertIn(r.returncode, (0, 1), r.stderr[:300])
        ET.fromstring(r.stdout)

    def test_xsd(self):
        if shutil.which("xmllint") is None:
            self.skipTest("xmllint (libxml2-utils) is not installed")
        xsd = os.path.join(SOURCE, "tests", "formats", "junit-10.xsd")
        for name, text in (("corpus.xml", Corpus.output("junit")),
                           ("odd.xml", lint("junit", self.write(ODD_NAME, ODD_VALUE))),
                           ("clean.xml", lint("junit", self.write("app-config.yaml", CLEAN)))):
            path = self.write(name, text)
            r = subprocess.run(["xmllint", "--noout", "--schema", xsd, path], capture_output=True, text=True,
                               timeout=60)
            self.assertEqual(r.returncode, 0, f"{name}: {r.stderr[-1500:]}")


ANNOTATION = re.compile(r"^::(error|warning|notice) ((?:[A-Za-z]+=[^,:]*)(?:,[A-Za-z]+=[^,:]*)*)::(.*)$")


def parse_annotation(line):
    m = ANNOTATION.match(line)
    if not m:
        return None
    props = dict(p.split("=", 1) for p in m.group(2).split(","))
    return m.group(1), props, m.group(3)


def unescape(text):
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")


class GithubTest(Workspace):
    def test_one_annotation_per_finding(self):
        lines = Corpus.output("github").splitlines()
        findings = Corpus.findings()
        self.assertEqual(len(lines), len(findings))
        command = {"error": "error", "warning": "warning", "info": "notice"}
        for line, finding in zip(lines, findings):
            parsed = parse_annotation(line)
            self.assertIsNotNone(parsed, line)
            kind, props, message = parsed
            self.assertEqual(kind, command[finding["severity"]])
            self.assertEqual(unescape(props["file"]), finding["file"])
            self.assertEqual(int(props["line"]), max(1, finding["line"]))
            self.assertEqual(int(props["col"]), max(1, finding["column"]))
            self.assertEqual(unescape(props["title"]), f"{finding['code']} {finding['name']}")
            self.assertGreaterEqual(int(props["endLine"]), int(props["line"]))
            if "endColumn" in props:
                self.assertEqual(props["endLine"], props["line"])
                self.assertGreaterEqual(int(props["endColumn"]), int(props["col"]))
            self.assertTrue(unescape(message).startswith(finding["message"]))

    def test_escaping(self):
        path = self.write(ODD_NAME, ODD_VALUE)
        finding = findings_json(path)[0]
        self.assertIn("%", finding["message"])
        self.assertIn(",", finding["message"])
        self.assertIn(":", finding["message"])
        out = lint("github", path)
        self.assertEqual(len(out.splitlines()), 1, "a newline escaped the annotation")
        kind, props, message = parse_annotation(out.splitlines()[0])
        self.assertIn("we%2Cird%3Ana%25me.yaml", props["file"])
        self.assertEqual(unescape(props["file"]), path)
        self.assertEqual(unescape(message), finding["message"] + "\nhelp: " + finding["suggestion"])
        self.assertIn("%0Ahelp: ", message)
        self.assertNotIn("%4o", message.replace("%254o", ""))  # every % is written %25

    def test_acceptance_shape(self):
        out = lint("github", self.write("app-config.yaml", MODEL_NAME))
        self.assertRegex(out, r"(?m)^::error file=[^,]+,line=6,col=\d+.*,title=AZ201 model-name-as-deployment::")


class MarkdownTest(Workspace):
    def test_table(self):
        out = Corpus.output("markdown")
        findings = Corpus.findings()
        self.assertTrue(out.startswith("## "), out[:80])
        rows = [l for l in out.splitlines() if l.startswith("| ") and not l.startswith("| Severity")]
        self.assertIn("| Severity | Location | Rule | Message |", out)
        self.assertEqual(len(rows), len(findings))
        for row, f in zip(rows, findings):
            cells = re.split(r"(?<!\\)\|", row)[1:-1]
            self.assertEqual(len(cells), 4, row)
            self.assertIn(f["severity"], cells[0])
            self.assertEqual(cells[1].strip(), f"`{f['file']}:{f['line']}:{f['column']}`")
            self.assertEqual(cells[2].strip(), f"`{f['code']}` {f['name']}")
        summary = json.loads(Corpus.output("json"))["summary"]
        self.assertIn(f"**{summary['errors']} error", out)

    def test_escaping_and_clean(self):
        out = lint("markdown", self.write(ODD_NAME, ODD_VALUE))
        rows = [l for l in out.splitlines() if l.startswith("| ") and not l.startswith("| Severity")]
        self.assertEqual(len(rows), 1, out)
        self.assertEqual(len(re.split(r"(?<!\\)\|", rows[0])[1:-1]), 4, rows[0])
        self.assertIn("&lt;&amp;&gt;\\|", rows[0])  # HTML and the cell separator escaped
        self.assertIn("<br>Help: ", rows[0])
        clean = lint("markdown", self.write("app-config.yaml", CLEAN))
        self.assertIn("No findings.", clean)
        self.assertNotIn("| Severity", clean)


def without_rule_docs(fmt, out):
    """SARIF embeds the rule docs, whose examples use the same fake keys as examples/: drop them."""
    if fmt != "sarif":
        return out
    log = json.loads(out)
    del log["runs"][0]["tool"]
    return json.dumps(log)


class SecretsTest(Workspace):
    def test_no_format_prints_a_literal_key(self):
        path = self.write("app-config.yaml", LEAKY)
        self.assertTrue(findings_json(path), "the leaky config has no findings")
        for fmt in FORMATS:
            out = lint(fmt, path)
            for key in SECRET_KEYS:
                for piece in (key[4:20], key[-16:]):
                    self.assertTrue(piece not in out, f"{fmt} prints part of {key[:4]}…")

    def test_examples_with_plaintext_keys(self):
        example = os.path.join("examples", "plaintext-key", "app-config.local.yaml")
        self.assertTrue(findings_json(example, cwd=SOURCE))
        with open(os.path.join(SOURCE, example), encoding="utf-8") as f:
            keys = re.findall(r"(?:apiKey: |Bearer )(\S{16,})", f.read())
        self.assertEqual(len(keys), 2)
        for fmt in FORMATS:
            out = without_rule_docs(fmt, lint(fmt, example, cwd=SOURCE))
            self.assertTrue(out.strip(), fmt)
            for key in keys:
                self.assertTrue(key[4:20] not in out, f"{fmt} prints part of {key[:4]}…")


if __name__ == "__main__":
    GWLINT, SOURCE, rest = parse_test_arguments()
    run_tests(rest)
