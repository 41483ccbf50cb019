"""The audit report in a real browser: Debian's chromium renders report.html headless; the DOM
must hold the sections and values, a hostile config must produce no element of its own, and
screenshots (light and dark) are written as test artifacts.

Run: test_audit_chromium.py --gwlint BUILD/gwlint --source REPO --artifacts DIR
Installs chromium with apt-get on first run when it is missing (as root); exits 77 (skipped)
with a message when it cannot be had."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
from support import run_tests  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--gwlint", required=True)
parser.add_argument("--source", required=True)
parser.add_argument("--artifacts", required=True)
ARGS, REST = parser.parse_known_args()
GWLINT, SOURCE, ARTIFACTS = (os.path.abspath(p) for p in (ARGS.gwlint, ARGS.source, ARGS.artifacts))

SOUNDCHECK = """aiGateway:
  providers:
    azure:
      apiKey: 5e3b9c0d1a2f4e6b8c7d9e0f1a2b3c4d
      resourceName: acme-openai-eastus2
      headers:
        X-Team: "<script>alert('x')</script>"
  languageModel: "azure|<script>document.title='owned'</script>"
  plugins:
    soundcheck:
      languageModel: azure|chat-prod
"""


def find_chromium():
    for name in ("chromium", "chromium-browser"):
        if shutil.which(name):
            return shutil.which(name)
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("chromium is missing: installing Debian's chromium with apt-get (first run only)", flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, timeout=600)
        subprocess.run(["apt-get", "install", "-y", "-qq", "-o", "DPkg::Lock::Timeout=300", "chromium"], env=env,
                       capture_output=True, timeout=1200)
    return shutil.which("chromium")


CHROMIUM = find_chromium()
if not CHROMIUM:
    print("SKIPPED: chromium is not installed and could not be installed (needs root and Debian's apt)")
    sys.exit(77)


def chromium(*args):
    base = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--disable-extensions", f"--user-data-dir={tempfile.mkdtemp(prefix='gwlint-chromium-')}"]
    return subprocess.run(base + list(args), capture_output=True, text=True, timeout=120)


def audit(paths, out, *extra):
    run = subprocess.run([GWLINT, "audit", *paths, "--out", out, "-q", *extra], capture_output=True, text=True,
                         timeout=300, cwd=SOURCE)
    assert os.path.exists(os.path.join(out, "report.html")), run.stderr
    return run


class AuditInChromium(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        os.makedirs(ARTIFACTS, exist_ok=True)
        cls.tmp = tempfile.mkdtemp(prefix="gwlint-audit-chromium-")
        cls.examples = os.path.join(ARTIFACTS, "examples")
        audit(["examples/"], cls.examples, "--scenarios", "scenarios/")
        cls.dom = chromium("--dump-dom", "file://" + os.path.join(cls.examples, "report.html")).stdout
        inputs = os.path.join(cls.tmp, "in")
        os.makedirs(inputs)
        with open(os.path.join(inputs, "app-config.yaml"), "w") as f:
            f.write(SOUNDCHECK)
        cls.hostile = os.path.join(ARTIFACTS, "hostile")
        audit([inputs], cls.hostile)
        cls.hostile_dom = chromium("--dump-dom", "file://" + os.path.join(cls.hostile, "report.html")).stdout

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_dom_has_the_sections(self):
        for part in ('id="summary"', "Worst issues first", "Effective configuration", "Model references",
                     "Findings", 'id="scenarios"', "<svg", "<circle"):
            self.assertIn(part, self.dom)

    def test_dom_has_the_values(self):
        self.assertIn("https://acme-openai-eastus2.openai.azure.com/openai/v1/chat/completions?api-version=preview",
                      self.dom)
        self.assertIn("AZ201", self.dom)
        self.assertIn("${AZURE_OPENAI_API_KEY}", self.dom)
        with open(os.path.join(self.examples, "report.json"), encoding="utf-8") as f:
            report = json.load(f)
        for scenario in report["scenarios"]:
            self.assertIn(scenario["name"].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"), self.dom)

    def test_hostile_config_makes_no_element(self):
        dom = self.hostile_dom
        self.assertIn("soundcheck", dom)
        self.assertIn("AZ201", dom)
        self.assertNotIn("<script", dom)  # the browser parsed no script element
        self.assertIn("&lt;script&gt;document.title='owned'&lt;/script&gt;", dom)
        self.assertIn("<title>gwlint audit: FAIL</title>", dom)
        self.assertNotIn("1a2f4e6b8c7d9e0f", dom)

    def test_screenshots(self):
        page = "file://" + os.path.join(self.examples, "report.html")
        for name, extra in (("audit-light.png", []), ("audit-dark.png", ["--force-dark-mode"])):
            path = os.path.join(ARTIFACTS, name)
            if os.path.exists(path):
                os.remove(path)
            chromium(*extra, "--window-size=1280,2000", f"--screenshot={path}", page)
            self.assertTrue(os.path.getsize(path) > 10000, name)
        print(f"\nscreenshots: {ARTIFACTS}/audit-light.png, {ARTIFACTS}/audit-dark.png", flush=True)


if __name__ == "__main__":
    run_tests(REST)
