#!/usr/bin/env python3
"""CLI tests: run the built gwlint binary as a user or CI would (exit codes, stdin, directories,
atomic --output, colour, formats, secrets, hostile input)."""
import json
import os
import pty
import random
import shutil
import subprocess
import tempfile
import unittest

from support import CLEAN, LEAKY, MODEL_NAME, SECRET_KEYS, parse_test_arguments, run_tests

GWLINT = None
SOURCE = None



def run(*args, stdin=None, env=None, cwd=None, timeout=30):
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    if env:
        full_env.update(env)
    return subprocess.run([GWLINT, *args], input=stdin, capture_output=True, text=True, env=full_env, cwd=cwd,
                          timeout=timeout)


class Workspace(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="gwlint-cli-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, name, text, mode="w"):
        path = os.path.join(self.dir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, mode) as f:
            f.write(text)
        return path


class ExitCodes(Workspace):
    def test_clean_file_exits_0(self):
        r = run("lint", self.write("app-config.yaml", CLEAN))
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("0 errors, 0 warnings in 1 files", r.stdout)

    def test_finding_exits_1_with_position_and_frame(self):
        path = self.write("app-config.yaml", MODEL_NAME)
        r = run("lint", path)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertIn(f"{path}:6:18: error:", r.stdout)
        self.assertIn("[AZ201 model-name-as-deployment]", r.stdout)
        self.assertIn("    6 |   languageModel: azure|gpt-4o", r.stdout)
        self.assertIn("^^^^^^^^^^^^", r.stdout)

    def test_missing_file_exits_2(self):
        r = run("lint", os.path.join(self.dir, "nope.yaml"))
        self.assertEqual(r.returncode, 2)
        self.assertIn("nope.yaml", r.stderr)

    def test_usage_errors_exit_2(self):
        self.assertEqual(run("lint", "--format", "xml", "x").returncode, 2)
        self.assertEqual(run("lint", "--select", "NOPE999", "x").returncode, 2)
        self.assertEqual(run("lint", "--today", "2026-02-30", "x").returncode, 2)
        self.assertEqual(run("lint", "--severity", "AZ201=loud", "x").returncode, 2)
        self.assertEqual(run("frobnicate").returncode, 2)

    def test_help_and_version(self):
        self.assertEqual(run("--help").returncode, 0)
        self.assertEqual(run("lint", "--help").returncode, 0)
        r = run("--version")
        self.assertEqual(r.returncode, 0)
        self.assertIn("gwlint", r.stdout)

    def test_fail_on_and_severity(self):
        path = self.write("app-config.yaml", MODEL_NAME)
        self.assertEqual(run("lint", "--fail-on", "never", path).returncode, 0)
        self.assertEqual(run("lint", "--severity", "AZ201=warning", path).returncode, 0)
        self.assertEqual(run("lint", "--severity", "AZ201=warning", "--fail-on", "warning", path).returncode, 1)
        self.assertEqual(run("lint", "--ignore", "AZ201", path).returncode, 0)
        self.assertEqual(run("lint", "--ignore", "model-name-as-deployment", path).returncode, 0)
        r = run("lint", "--select", "SEC", "--format", "json", path)
        self.assertEqual(json.loads(r.stdout)["findings"], [])


class Inputs(Workspace):
    def test_stdin(self):
        r = run("lint", "-", stdin=MODEL_NAME)
        self.assertEqual(r.returncode, 1)
        self.assertIn("<stdin>:6:18", r.stdout)

    def test_directories_use_default_globs(self):
        self.write("app-config.yaml", CLEAN)
        self.write("deploy/app-config.production.yaml", MODEL_NAME)
        self.write("teams/chat.gateway.json", json.dumps({"aiGateway": {"providers": {}}}))
        self.write("notes/readme.yaml", MODEL_NAME)            # not a config name: skipped
        self.write("node_modules/app-config.yaml", MODEL_NAME)  # skipped
        self.write(".git/app-config.yaml", MODEL_NAME)          # skipped
        r = run("lint", "--format", "json", self.dir)
        data = json.loads(r.stdout)
        self.assertEqual(data["summary"]["files"], 3)
        files = {os.path.relpath(f["file"], self.dir) for f in data["findings"]}
        self.assertIn(os.path.join("deploy", "app-config.production.yaml"), files)
        self.assertFalse(any(f.startswith(("notes", "node_modules", ".git")) for f in files))

    def test_parallel_output_is_stable(self):
        for i in range(40):
            self.write(f"c{i:02d}/app-config.yaml", MODEL_NAME if i % 3 else CLEAN)
        one = run("lint", "-j", "1", self.dir).stdout
        many = run("lint", "-j", "4", self.dir).stdout
        self.assertEqual(one, many)
        self.assertIn("in 40 files", one)


class Output(Workspace):
    def test_json_shape(self):
        r = run("lint", "--format", "json", self.write("app-config.yaml", MODEL_NAME))
        data = json.loads(r.stdout)
        self.assertEqual(data["version"], 1)
        self.assertEqual(set(data["summary"]), {"files", "errors", "warnings", "infos"})
        finding = next(f for f in data["findings"] if f["code"] == "AZ201")
        for field in ("code", "name", "severity", "file", "line", "column", "end_line", "end_column", "path",
                      "message"):
            self.assertIn(field, finding)
        self.assertEqual((finding["line"], finding["column"]), (6, 18))
        self.assertEqual(finding["path"], "aiGateway.languageModel")
        self.assertIn("gpt-4o", finding["message"])

    def test_fix_text_replaces_the_span_exactly(self):
        path = self.write("portal.gateway.json", json.dumps({"aiGateway": {"providers": {"azure": {
            "apiKey": "${AZURE_OPENAI_API_KEY}", "resourceName": "https://acme-openai.openai.azure.com/"}},
            "languageModel": "azure|chat-prod"}}))
        data = json.loads(run("lint", "--format", "json", path).stdout)
        finding = next(f for f in data["findings"] if f["code"] == "AZ204")
        self.assertEqual(finding["fix"], '"acme-openai"')  # the span includes the JSON quotes

    def test_terminal_control_characters_are_escaped(self):
        path = self.write("app-config.yaml", CLEAN.replace("      resourceName", '      headers:\n        "X-\\e]0;pwned\\a": v\n      resourceName'))
        out = run("lint", "--color", "always", path).stdout
        self.assertNotIn("\x1b]0", out)
        self.assertIn("\\x1B]0;pwned", out)

    def test_output_file_is_written_atomically(self):
        out = os.path.join(self.dir, "report.json")
        r = run("lint", "--format", "json", "--output", out, self.write("app-config.yaml", MODEL_NAME))
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, "")
        json.load(open(out))
        self.assertEqual(sorted(os.listdir(self.dir)), ["app-config.yaml", "report.json"])

    def test_unwritable_stdout_and_endless_input_are_errors(self):
        path = self.write("app-config.yaml", CLEAN)
        with open("/dev/full", "w") as full:
            r = subprocess.run([GWLINT, "lint", path], stdout=full, stderr=subprocess.PIPE, timeout=30)
        self.assertEqual(r.returncode, 2)
        r = run("lint", "/dev/zero", timeout=20)  # no size to stat: read is bounded anyway
        self.assertEqual(r.returncode, 1)
        self.assertIn("GW007", r.stdout)

    def test_output_into_missing_folder_fails_cleanly(self):
        out = os.path.join(self.dir, "missing", "report.json")
        r = run("lint", "--output", out, self.write("app-config.yaml", CLEAN))
        self.assertEqual(r.returncode, 2)
        self.assertFalse(os.path.exists(out))

    def test_failed_run_leaves_previous_output(self):
        out = self.write("report.txt", "previous\n")
        r = run("lint", "--output", out, os.path.join(self.dir, "nope.yaml"), self.write("app-config.yaml", CLEAN))
        self.assertEqual(r.returncode, 2)
        self.assertNotIn(".tmp-", " ".join(os.listdir(self.dir)))

    def tty_run(self, args, env):
        """Runs gwlint with stdout on a pseudo-terminal and returns what it printed."""
        pid, fd = pty.fork()
        if pid == 0:
            os.environ.pop("NO_COLOR", None)
            os.environ.update(env)
            os.execv(GWLINT, [GWLINT, *args])
        chunks = []
        while True:
            try:
                data = os.read(fd, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        os.waitpid(pid, 0)
        return b"".join(chunks).decode(errors="replace")

    def test_progress_only_on_a_terminal_for_long_runs(self):
        for i in range(600):
            self.write(f"c{i:03d}/app-config.yaml", CLEAN)
        piped = run("lint", "-j", "1", self.dir)
        self.assertNotIn("files\r", piped.stderr + piped.stdout)
        self.assertNotIn("/600 files", piped.stderr)
        on_terminal = self.tty_run(["lint", "-j", "1", self.dir], {})
        self.assertIn("0 errors, 0 warnings in 600 files", on_terminal)

    def test_colour_only_on_tty_and_never_with_no_color(self):
        path = self.write("app-config.yaml", MODEL_NAME)
        self.assertNotIn("\x1b[", run("lint", path).stdout)               # a pipe: no colour
        self.assertIn("\x1b[", self.tty_run(["lint", path], {}))           # a terminal: colour
        self.assertNotIn("\x1b[", self.tty_run(["lint", path], {"NO_COLOR": "1"}))


class Baselines(Workspace):
    def test_baseline_survives_edits_and_shows_new_findings(self):
        path = self.write("app-config.yaml", MODEL_NAME)
        baseline = os.path.join(self.dir, "gwlint-baseline.json")
        r = run("lint", "--write-baseline", baseline, path)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("AZ201", open(baseline).read())
        self.write("app-config.yaml", "# moved down\n\n" + MODEL_NAME)
        self.assertEqual(run("lint", "--baseline", baseline, path).returncode, 0)
        self.write("app-config.yaml", MODEL_NAME.replace("acme-openai-eastus2", "https://acme.openai.azure.com"))
        data = json.loads(run("lint", "--baseline", baseline, "--format", "json", path).stdout)
        self.assertEqual({f["code"] for f in data["findings"]}, {"AZ204"})

    def test_stale_entries_are_reported_and_bad_baselines_refused(self):
        path = self.write("app-config.yaml", MODEL_NAME)
        baseline = os.path.join(self.dir, "b.json")
        run("lint", "--write-baseline", baseline, path)
        self.write("app-config.yaml", CLEAN)
        r = run("lint", "--baseline", baseline, path)
        self.assertEqual(r.returncode, 0)
        self.assertIn("matched nothing", r.stderr)
        self.assertEqual(run("lint", "--baseline", self.write("bad.json", "{"), path).returncode, 2)
        self.assertEqual(run("lint", "--baseline", os.path.join(self.dir, "none.json"), path).returncode, 2)


class Inventory(Workspace):
    def test_az_cli_inventory_makes_az201_exact_with_a_fix(self):
        inventory = self.write("deployments.json", json.dumps([
            {"name": "chat-prod", "properties": {"model": {"name": "gpt-4o", "version": "2024-11-20"}}},
            {"name": "embed-small", "properties": {"model": {"name": "text-embedding-3-small", "version": "1"}}}]))
        path = self.write("app-config.yaml", MODEL_NAME + "  embeddingModel: azure|embeddings-large\n")
        data = json.loads(run("lint", "--format", "json", "--deployments", inventory, path).stdout)
        codes = {f["code"]: f for f in data["findings"]}
        self.assertEqual(codes["AZ201"]["fix"], "azure|chat-prod")
        self.assertIn("GW104", codes)

    def test_map_inventory_and_bad_inventory(self):
        inventory = self.write("inv.yaml", "deployments:\n  chat-prod: gpt-4o\n")
        path = self.write("app-config.yaml", MODEL_NAME)
        data = json.loads(run("lint", "--format", "json", "--deployments", inventory, path).stdout)
        self.assertTrue(any(f["code"] == "AZ201" and f.get("fix") for f in data["findings"]))
        bad = self.write("bad.json", "[{\"name\": 3}]")
        r = run("lint", "--deployments", bad, path)
        self.assertEqual(r.returncode, 2)
        self.assertIn("bad.json:1:2", r.stderr)


class Merge(Workspace):
    def test_findings_point_at_the_layer_that_set_the_value(self):
        base = self.write("app-config.yaml", CLEAN)
        prod = self.write("app-config.production.yaml",
                          "aiGateway:\n  providers:\n    azure:\n      baseURL: https://apim-acme.azure-api.net/openai\n")
        data = json.loads(run("lint", "--format", "json", "--merge", base, prod).stdout)
        az202 = [f for f in data["findings"] if f["code"] == "AZ202"]
        self.assertEqual(len(az202), 1)
        self.assertEqual((os.path.basename(az202[0]["file"]), az202[0]["line"]), ("app-config.production.yaml", 4))
        self.assertEqual(data["summary"]["files"], 1)
        # linted alone, the production layer has no key: merged, it inherits the base's
        self.assertNotIn("PRV602", {f["code"] for f in data["findings"]})
        self.assertEqual(run("lint", "--merge", "--fix", base, prod).returncode, 2)


class ProjectConfig(Workspace):
    def test_project_config_sets_severities_globs_and_baseline(self):
        self.write(".gwlint.yaml", "rules: {AZ201: warning, model-name-as-deployment: warning}\n"
                                   "include: ['*.gw.{yaml,yml}']\nexclude: ['fixtures/*']\n")
        self.write("team/chat.gw.yaml", MODEL_NAME)
        self.write("fixtures/bad.gw.yaml", MODEL_NAME)
        self.write("app-config.yaml", MODEL_NAME)  # not picked up: include replaces the defaults
        sub = os.path.join(self.dir, "team")
        r = run("lint", "--format", "json", ".", cwd=self.dir)
        data = json.loads(r.stdout)
        self.assertEqual(data["summary"]["files"], 1, r.stdout)
        self.assertEqual({f["severity"] for f in data["findings"] if f["code"] == "AZ201"}, {"warning"})
        self.assertEqual(r.returncode, 0)  # only warnings
        # found from a subfolder too; the command line wins; --no-project-config ignores it
        self.assertEqual(run("lint", "chat.gw.yaml", cwd=sub).returncode, 0)
        self.assertEqual(run("lint", "--severity", "AZ201=error", "chat.gw.yaml", cwd=sub).returncode, 1)
        self.assertEqual(run("lint", "--no-project-config", "chat.gw.yaml", cwd=sub).returncode, 1)

    def test_bad_project_config_is_a_positioned_usage_error(self):
        self.write(".gwlint.yaml", "rules:\n  AZ201: loud\n")
        path = self.write("app-config.yaml", CLEAN)
        r = run("lint", path, cwd=self.dir)
        self.assertEqual(r.returncode, 2)
        self.assertIn(".gwlint.yaml:2:10", r.stderr)
        self.write(".gwlint.yaml", "rules:\n  NOPE1: off\n")
        self.assertIn(".gwlint.yaml:2:3", run("lint", path, cwd=self.dir).stderr)
        self.write(".gwlint.yaml", "ruls: {}\n")
        self.assertEqual(run("lint", path, cwd=self.dir).returncode, 2)

    def test_init_writes_a_config_lint_accepts(self):
        self.assertEqual(run("init", cwd=self.dir).returncode, 0)
        self.assertEqual(run("lint", self.write("app-config.yaml", CLEAN), cwd=self.dir).returncode, 0)


class Secrets(Workspace):
    def test_no_secret_in_any_format(self):
        path = self.write("app-config.yaml", LEAKY)
        for fmt in ("text", "json"):
            r = run("lint", "--format", fmt, path)
            self.assertEqual(r.returncode, 1, r.stderr)
            for key in SECRET_KEYS:
                self.assertNotIn(key[4:24], r.stdout + r.stderr, f"{fmt} leaks {key[:4]}…")
        self.assertIn("(redacted)", run("lint", path).stdout)


class RulesAndExplain(unittest.TestCase):
    def test_rules_lists_the_catalogue(self):
        catalogue = open(os.path.join(SOURCE, "docs", "rules", "AZ201.md")).read()
        self.assertTrue(catalogue.startswith("# AZ201 model-name-as-deployment"))
        listed = json.loads(run("rules", "--format", "json").stdout)
        codes = {r["code"] for r in listed}
        for code in ("GW001", "GW003", "GW004", "GW101", "AZ201", "AZ212", "SEC301", "HDR405", "ENV502", "PRV603"):
            self.assertIn(code, codes)
        self.assertIn("AZ201", run("rules").stdout)

    def test_explain_by_code_and_name(self):
        by_code = run("explain", "AZ201")
        self.assertEqual(by_code.returncode, 0)
        self.assertIn("# AZ201 model-name-as-deployment", by_code.stdout)
        self.assertEqual(run("explain", "model-name-as-deployment").stdout, by_code.stdout)
        self.assertEqual(run("explain", "az201").returncode, 0)
        self.assertEqual(run("explain", "NOPE").returncode, 2)


class HostileInput(Workspace):
    CASES = {
        "random.yaml": bytes(random.Random(7).randrange(256) for _ in range(4096)),
        "deep.yaml": b"aiGateway: " + b"[" * 100000 + b"]" * 100000 + b"\n",
        "big.yaml": b"aiGateway:\n  x: " + b"a" * ((8 << 20) + 1) + b"\n",
        "bomb.yaml": b"a: &a [x,x,x,x,x,x,x,x,x,x]\n" + b"".join(
            bytes(f"{c}: &{c} [" + ",".join([f"*{p}"] * 10) + "]\n", "ascii") for p, c in zip("abcdefg", "bcdefgh")) +
            b"aiGateway:\n  providers: *h\n",
        "utf8.yaml": b"aiGateway:\n  languageModel: azure|caf\xff\n",
        "nul.json": b'{"aiGateway": {"providers": {"azure": {"apiKey": "\x00"}}}}',
        "truncated.json": b'{"aiGateway": {"providers": {',
        "empty.yaml": b"",
        "scalar.yaml": b"just a string\n",
        "list.json": b"[1, 2, 3]\n",
    }

    def test_never_crashes_or_hangs(self):
        for name, data in self.CASES.items():
            path = self.write(name, data, mode="wb")
            for fmt in ("text", "json"):
                r = subprocess.run([GWLINT, "lint", "--format", fmt, path], capture_output=True, timeout=10)
                self.assertIn(r.returncode, (0, 1), f"{name}/{fmt}: rc={r.returncode} {r.stderr[:200]}")
                self.assertTrue(r.stdout.strip(), f"{name}/{fmt}: silent")
                if fmt == "json":
                    json.loads(r.stdout)
                if name not in ("empty.yaml", "scalar.yaml", "list.json"):
                    self.assertEqual(r.returncode, 1, f"{name}/{fmt}: nothing reported")


FIXABLE = (b"# Production overrides \xe2\x80\x94 keep this header\r\n"
           b"aiGateway:   # the gateway block\r\n"
           b"  providers:\r\n"
           b"    azure:\r\n"
           b"      apiKey: ${AZURE_OPENAI_API_KEY}   # from the vault\r\n"
           b"      resourceName: \"https://acme-openai.openai.azure.com/\"  # pasted\r\n"
           b"\r\n"
           b"  languageModel: 'azure|chat-prod'     # quoted on purpose\r\n")
FIXED = FIXABLE.replace(b'"https://acme-openai.openai.azure.com/"', b'"acme-openai"')


class FixAndDiff(Workspace):
    def read(self, path):
        with open(path, "rb") as f:
            return f.read()

    def test_diff_prints_a_diff_and_changes_nothing(self):
        path = self.write("app-config.yaml", FIXABLE, mode="wb")
        r = subprocess.run([GWLINT, "lint", "--diff", path], capture_output=True, timeout=30)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertEqual(self.read(path), FIXABLE)
        stripped = path.lstrip("/").encode()
        self.assertIn(b"--- a/" + stripped + b"\n+++ b/" + stripped + b"\n@@ -3,6 +3,6 @@\n", r.stdout)
        self.assertIn(b'-      resourceName: "https://acme-openai.openai.azure.com/"  # pasted\r\n', r.stdout)
        self.assertIn(b'+      resourceName: "acme-openai"  # pasted\r\n', r.stdout)
        clean = self.write("clean.yaml", CLEAN)
        r = run("lint", "--diff", clean)
        self.assertEqual((r.returncode, r.stdout), (0, ""), r.stderr)

    def test_diff_from_stdin_and_fix_refuses_stdin(self):
        r = subprocess.run([GWLINT, "lint", "--diff", "-"], input=FIXABLE, capture_output=True, timeout=30)
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn(b'+      resourceName: "acme-openai"', r.stdout)
        r = run("lint", "--fix", "-", stdin=CLEAN)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--fix needs files; use --diff with stdin", r.stderr)
        self.assertEqual(run("lint", "--fix", "--diff", self.write("a.yaml", CLEAN)).returncode, 2)

    def test_fix_changes_only_the_fixed_bytes_and_a_second_run_nothing(self):
        path = self.write("app-config.yaml", FIXABLE, mode="wb")
        os.chmod(path, 0o640)
        r = run("lint", "--fix", "--format", "json", path)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertEqual(json.loads(r.stdout)["findings"], [])
        self.assertIn("fixed 1 findings in 1 files", r.stderr)
        self.assertEqual(self.read(path), FIXED)
        self.assertEqual(os.stat(path).st_mode & 0o777, 0o640)
        self.assertEqual(sorted(os.listdir(self.dir)), ["app-config.yaml"])  # no temporary left
        again = run("lint", "--fix", path)
        self.assertEqual(again.returncode, 0, again.stdout + again.stderr)
        self.assertIn("fixed 0 findings in 0 files", again.stderr)
        self.assertEqual(self.read(path), FIXED)

    def test_fix_reports_what_remains(self):
        path = self.write("app-config.yaml", MODEL_NAME.replace("acme-openai-eastus2", "acme.openai.azure.com"))
        r = run("lint", "--fix", "--format", "json", path)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)  # AZ201 has no fix without an inventory
        self.assertEqual([f["code"] for f in json.loads(r.stdout)["findings"]], ["AZ201"])
        self.assertIn(b"resourceName: acme\n", self.read(path))

    def test_fix_in_read_only_directory_fails_and_keeps_the_file(self):
        folder = os.path.join(self.dir, "ro")
        os.makedirs(folder)
        path = os.path.join(folder, "app-config.yaml")
        with open(path, "wb") as f:
            f.write(FIXABLE)
        command = [GWLINT, "lint", "--fix", path]
        if os.geteuid() == 0:  # root writes anywhere: drop to nobody when we can
            if not shutil.which("setpriv"):
                self.skipTest("running as root without setpriv")
            command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
            os.chmod(self.dir, 0o755)
            os.chmod(path, 0o644)
        os.chmod(folder, 0o555)
        try:
            r = subprocess.run(command, capture_output=True, text=True, timeout=30)
        finally:
            os.chmod(folder, 0o755)
        self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
        self.assertIn("cannot write", r.stderr)
        self.assertEqual(self.read(path), FIXABLE)
        self.assertEqual(os.listdir(folder), ["app-config.yaml"])


if __name__ == "__main__":
    GWLINT, SOURCE, rest = parse_test_arguments()
    run_tests(rest)
