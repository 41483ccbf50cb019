#!/usr/bin/env python3
"""gwlint benchmark driver (called by bench/run.sh; see docs/benchmarks.md).

Measures, side by side in one run, on a generated corpus (bench/gen_corpus.py):
  - `gwlint lint DIR` at the default -j, at -j 1 and at -j 2: files/s, MB/s, CPU time
  - the parse floor (gwlint_parse_floor: yaml-cpp's event parser, nothing else), -j 1 and -j nproc
  - one-file latency: `gwlint lint one.yaml`, whole process, median of 30 runs (and the peers')
  - peak RSS (/usr/bin/time -v) on the whole corpus
  - growth: 1k and N files (100k with --full) and one ~8 MiB file
  - peers on the same files: yamllint -d relaxed, python3-jsonschema (bench/peer_jsonschema.py),
    and, when npm could install them, ajv-cli and @sourcemeta/jsonschema (default and --fast)
At the end it draws the chart (bench/chart.py: SVG, stdlib only) to --chart (default OUT/benchmarks.svg).
Timing uses hyperfine when it is installed (median of the runs, user/system means from its JSON)
and a Python timer (os.wait4) otherwise. Prints a table and writes results.json / results.md.
"""
import argparse
import datetime
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Timing


class Timer:
    def __init__(self, work, use_hyperfine):
        self.work = work
        self.hyperfine = shutil.which("hyperfine") if use_hyperfine else None
        self.n = 0

    def _script(self, argv):
        """Long command lines (thousands of files) go through a script file: one argv element of
        hyperfine's may not exceed 128 KiB. `sh FILE` adds ~1 ms, negligible on a batch."""
        line = " ".join(shlex.quote(a) for a in argv)
        if len(line) < 60000:
            return line, False
        self.n += 1
        path = os.path.join(self.work, f"cmd-{self.n}.sh")
        with open(path, "w") as f:
            f.write("exec " + line + "\n")
        return f"sh {path}", True

    def once(self, argv):
        """One run: (wall, user, system, exit code)."""
        if self.hyperfine:
            command, _ = self._script(argv)
            out = os.path.join(self.work, "hf.json")
            cmd = [self.hyperfine, "-N", "-i", "--style", "none", "--runs", "1", "--export-json", out, command]
            p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            if p.returncode == 0:
                r = json.load(open(out))["results"][0]
                return r["times"][0], r["user"], r["system"], (r.get("exit_codes") or [0])[0]
            log(f"hyperfine failed ({p.stderr.strip()[:200]}); using the Python timer")
            self.hyperfine = None
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(proc.pid, 0)
        return time.perf_counter() - t0, ru.ru_utime, ru.ru_stime, os.waitstatus_to_exitcode(status)

    def group(self, items):
        """Measures several commands side by side: warm-up runs first, then round-robin rounds
        (A B C A B C ...), so that load from other processes on a shared machine falls on all of
        them alike instead of on whichever command ran at a bad moment. `items` is a list of
        (name, argv, runs, warmup); returns {name: {median, mean, min, max, user, system, runs,
        rc, load}} (seconds; load is the 1-minute load average at the start of each run, averaged)."""
        for name, argv, runs, warmup in items:
            for _ in range(warmup):
                self.once(argv)
        samples = {name: [] for name, _, _, _ in items}
        for r in range(max(runs for _, _, runs, _ in items)):
            for name, argv, runs, _ in items:
                if r < runs:
                    load = os.getloadavg()[0]
                    samples[name].append(self.once(argv) + (load,))
        out = {}
        for name, _, _, _ in items:
            ss = samples[name]
            walls = [x[0] for x in ss]
            out[name] = {"median": statistics.median(walls), "mean": statistics.mean(walls), "min": min(walls),
                         "max": max(walls), "user": statistics.mean(x[1] for x in ss),
                         "system": statistics.mean(x[2] for x in ss), "runs": len(ss), "rc": max(x[3] for x in ss),
                         "load": statistics.mean(x[4] for x in ss),
                         "tool": "hyperfine" if self.hyperfine else "python"}
        return out

    def measure(self, argv, runs, warmup=1):
        """Returns {median, mean, min, max, user, system, runs, rc} (seconds)."""
        if self.hyperfine:
            command, _ = self._script(argv)
            out = os.path.join(self.work, "hf.json")
            cmd = [self.hyperfine, "-N", "-i", "--style", "none", "--warmup", str(warmup), "--runs", str(runs),
                   "--export-json", out, command]
            p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            if p.returncode == 0:
                r = json.load(open(out))["results"][0]
                codes = r.get("exit_codes") or [0]
                return {"median": r["median"], "mean": r["mean"], "min": r["min"], "max": r["max"],
                        "user": r["user"], "system": r["system"], "runs": len(r["times"]),
                        "rc": max(codes), "tool": "hyperfine"}
            log(f"hyperfine failed ({p.stderr.strip()[:200]}); using the Python timer")
        times, cpu, rcs = [], [], []
        for k in range(warmup + runs):
            t0 = time.perf_counter()
            proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, ru = os.wait4(proc.pid, 0)
            dt = time.perf_counter() - t0
            if k >= warmup:
                times.append(dt)
                cpu.append((ru.ru_utime, ru.ru_stime))
                rcs.append(os.waitstatus_to_exitcode(status))
        return {"median": statistics.median(times), "mean": statistics.mean(times), "min": min(times),
                "max": max(times), "user": statistics.mean(c[0] for c in cpu),
                "system": statistics.mean(c[1] for c in cpu), "runs": runs, "rc": max(rcs), "tool": "python"}


def peak_rss_kib(argv, work):
    """Peak RSS in KiB from /usr/bin/time -v (GNU time); None when it is missing."""
    if not os.path.exists("/usr/bin/time"):
        return None
    line = " ".join(shlex.quote(a) for a in argv)
    script = os.path.join(work, "rss.sh")
    with open(script, "w") as f:
        f.write("exec " + line + "\n")
    p = subprocess.run(["/usr/bin/time", "-v", "sh", script], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True)
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    return int(m.group(1)) if m else None


# ---------------------------------------------------------------------------------------------
# Helpers


def machine_info():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) // 1024} MiB"
    except OSError:
        pass
    commit = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    return {"nproc": os.cpu_count(), "cpu": cpu, "mem": mem, "kernel": platform.release(),
            "os": _os_name(), "commit": commit + ("+dirty" if dirty else ""),
            "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), "loadavg_start": os.getloadavg()}


def _os_name():
    try:
        for line in open("/etc/os-release"):
            if line.startswith("PRETTY_NAME="):
                return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return platform.system()


def version_of(argv):
    try:
        p = subprocess.run(argv, capture_output=True, text=True, timeout=30)
        return (p.stdout or p.stderr).strip().splitlines()[0]
    except Exception:
        return None


def corpus_files(d):
    return sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith((".yaml", ".json")))


def corpus_bytes(files):
    return sum(os.path.getsize(f) for f in files)


def manifest(d):
    rows = {}
    with open(os.path.join(d, "MANIFEST.tsv")) as f:
        next(f)
        for line in f:
            name, fmt, size, defects = line.rstrip("\n").split("\t")
            rows[os.path.join(d, name)] = defects
    return rows


def gen(out_dir, n, seed):
    if not os.path.isdir(out_dir):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), out_dir, str(n), "--seed", str(seed)],
                       check=True, stderr=subprocess.DEVNULL)
    return out_dir


def fmt_s(x):
    if x is None:
        return "–"
    return f"{x * 1000:.1f} ms" if x < 1 else f"{x:.2f} s"


# ---------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gw", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--bench-lint", default="")
    ap.add_argument("--work", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("-n", type=int, default=10000)
    ap.add_argument("--peer-n", type=int, default=2000)
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--npm-bin", default="")
    ap.add_argument("--npm-note", default="")
    ap.add_argument("--peer-python", default="/usr/bin/python3")
    ap.add_argument("--no-hyperfine", action="store_true")
    ap.add_argument("--profile", type=int, default=300, help="files for a callgrind profile (0: none)")
    ap.add_argument("--chart", default="", help="SVG chart to write (default: OUT/benchmarks.svg; 'none': no chart)")
    a = ap.parse_args()

    os.makedirs(a.out, exist_ok=True)
    work = a.work
    timer = Timer(work, not a.no_hyperfine)
    info = machine_info()
    nproc = info["nproc"] or 1
    R = {"machine": info, "tools": {}, "figures": {}, "notes": []}
    F = R["figures"]
    R["tools"] = {
        "gwlint": version_of([a.gw, "--version"]),
        "timer": version_of(["hyperfine", "--version"]) if timer.hyperfine else "python (os.wait4)",
        "yamllint": version_of(["yamllint", "--version"]) if shutil.which("yamllint") else None,
        "python3-jsonschema": version_of([a.peer_python, "-c", "import jsonschema, importlib.metadata as m; "
                                          "print(m.version('jsonschema'))"]),
    }
    npm = {}
    if a.npm_bin:
        for name, exe in (("ajv-cli", "ajv"), ("sourcemeta", "jsonschema")):
            path = os.path.join(a.npm_bin, exe)
            if os.access(path, os.X_OK):
                npm[name] = path
        # The npm package's `jsonschema` is a node script that starts the native binary; call the
        # native binary itself (the "native CLI" of design/BENCH.md), as a user of the release would.
        arch = {"x86_64": "x86_64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())
        native = os.path.join(os.path.dirname(a.npm_bin), "@sourcemeta", "jsonschema", "build", "github-releases",
                              f"jsonschema-linux-{arch}")
        if os.access(native, os.X_OK):
            npm["sourcemeta"] = native
        if "sourcemeta" in npm:
            R["tools"]["@sourcemeta/jsonschema"] = version_of([npm["sourcemeta"], "--version"])
        if "ajv-cli" in npm:
            R["tools"]["ajv-cli"] = "5.x (npm)"
    if a.npm_note:
        R["notes"].append(a.npm_note)
    log(f"machine: {nproc} cores, {info['cpu']}, load {info['loadavg_start']}")

    # --- corpora ----------------------------------------------------------------------------
    t0 = time.time()
    main_dir = gen(os.path.join(work, f"corpus-{a.n}"), a.n, a.seed)
    files = corpus_files(main_dir)
    nbytes = corpus_bytes(files)
    one = files[0]
    small_n = 1000 if a.n > 1000 else max(1, a.n // 10)
    small_dir = gen(os.path.join(work, f"corpus-{small_n}"), small_n, a.seed)
    big = os.path.join(work, "big.yaml")
    subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--one-big", big, "--seed", str(a.seed)],
                   check=True, stderr=subprocess.DEVNULL)
    big2 = os.path.join(work, "big-2mib.yaml")  # same mix, a quarter of the size
    subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"), "--one-big", big2, "--seed", str(a.seed),
                    "--size", str(os.path.getsize(big) // 4)], check=True, stderr=subprocess.DEVNULL)
    full_dir = gen(os.path.join(work, "corpus-100000"), 100000, a.seed) if a.full else None
    man = manifest(main_dir)
    peer_files = files[: a.peer_n]
    # sourcemeta and ajv-cli stop the whole batch at the first file they cannot parse (a duplicate
    # key, a syntax error): they get the peer files without those, and gwlint is timed on that list too.
    strict_bad = ("duplicate-key", "syntax-error")
    peer_nodup = [f for f in peer_files if not any(k in man.get(f, "") for k in strict_bad)]
    peer_bytes = corpus_bytes(peer_files)
    nodup_bytes = corpus_bytes(peer_nodup)
    R["corpus"] = {"files": len(files), "bytes": nbytes, "yaml": sum(f.endswith(".yaml") for f in files),
                   "json": sum(f.endswith(".json") for f in files),
                   "clean": sum(1 for v in man.values() if v == "clean"), "seed": a.seed,
                   "one_file": os.path.basename(one), "one_file_bytes": os.path.getsize(one),
                   "big_bytes": os.path.getsize(big), "peer_files": len(peer_files),
                   "peer_nodup_files": len(peer_nodup), "generate_s": round(time.time() - t0, 1)}
    log(f"corpus: {len(files)} files, {nbytes / 1e6:.1f} MB in {main_dir} ({R['corpus']['generate_s']} s)")

    def group(title, items):
        """items: (name, argv, nfiles, bytes, runs, warmup), measured side by side (round-robin)."""
        log(f"{title}: " + ", ".join(i[0] for i in items))
        res = timer.group([(name, argv, runs, warmup) for name, argv, _, _, runs, warmup in items])
        for name, argv, nfiles, size, runs, warmup in items:
            m = res[name]
            m.update({"files": nfiles, "bytes": size, "files_per_s": nfiles / m["median"],
                      "mb_per_s": size / m["median"] / 1e6, "cpu": m["user"] + m["system"],
                      "command": " ".join(argv if len(argv) < 12 else argv[:6] + [f"... ({len(argv) - 6} more)"])})
            F[name] = m

    # --- batch throughput -------------------------------------------------------------------
    gw = a.gw
    items = [("gwlint -j default", [gw, "lint", main_dir], len(files), nbytes, a.runs, 1),
             ("gwlint -j 1", [gw, "lint", "-j", "1", main_dir], len(files), nbytes, a.runs, 0)]
    if nproc >= 2:
        items.append(("gwlint -j 2", [gw, "lint", "-j", "2", main_dir], len(files), nbytes, a.runs, 0))
    items.append(("floor -j 1", [a.floor, "-q", main_dir], len(files), nbytes, a.runs, 1))
    if nproc >= 2:
        items.append((f"floor -j {nproc}", [a.floor, "-q", "-j", str(nproc), main_dir], len(files), nbytes, a.runs, 0))
    if a.bench_lint and os.access(a.bench_lint, os.X_OK):
        items.append(("in-process lint_path -j 1", [a.bench_lint, main_dir], len(files), nbytes, 1, 0))
    group("batch throughput", items)

    # --- one file -----------------------------------------------------------------------------
    one_size = os.path.getsize(one)
    schema = os.path.join(REPO, "schemas", "app-config.schema.json")
    schemas = os.path.join(REPO, "schemas")
    sm = lambda fast, fl: [npm["sourcemeta"], "validate", schema, "-r", schemas, "--continue"] + (["--fast"] if fast else []) + fl
    ajv = lambda fl: ([npm["ajv-cli"], "validate", "--spec=draft7", "--strict=false", "--errors=no", "-s", schema,
                       "-r", os.path.join(schemas, "common.schema.json"),
                       "-r", os.path.join(schemas, "providers", "*.json")] + [x for f in fl for x in ("-d", f)])
    items = [("one file: gwlint", [gw, "lint", one], 1, one_size, 30, 3),
             ("one file: floor (bare yaml-cpp program)", [a.floor, "-q", one], 1, one_size, 30, 3)]
    if "sourcemeta" in npm:
        items.append(("one file: sourcemeta --fast", sm(True, [one]), 1, one_size, 30, 3))
    if shutil.which("yamllint"):
        items.append(("one file: yamllint", ["yamllint", "-d", "relaxed", one], 1, one_size, 10, 1))
    items.append(("one file: python3-jsonschema", [a.peer_python, os.path.join(HERE, "peer_jsonschema.py"),
                                                   schemas, one], 1, one_size, 10, 1))
    if "ajv-cli" in npm:
        items.append(("one file: ajv-cli", ajv([one]), 1, one_size, 5, 1))
    group("one-file latency", items)

    # --- memory -------------------------------------------------------------------------------
    log("peak RSS:")
    R["rss_kib"] = {
        "gwlint -j default": peak_rss_kib([gw, "lint", main_dir], work),
        "gwlint -j 1": peak_rss_kib([gw, "lint", "-j", "1", main_dir], work),
        "floor -j 1": peak_rss_kib([a.floor, "-q", main_dir], work),
        "gwlint one 8 MiB file": peak_rss_kib([gw, "lint", big], work),
        "gwlint one file": peak_rss_kib([gw, "lint", one], work),
    }

    # --- growth -------------------------------------------------------------------------------
    small_files = corpus_files(small_dir)
    big_size = os.path.getsize(big)
    items = [(f"growth: gwlint {len(small_files)} files", [gw, "lint", small_dir], len(small_files),
              corpus_bytes(small_files), max(5, a.runs), 1),
             ("growth: gwlint one 2 MiB file", [gw, "lint", big2], 1, os.path.getsize(big2), 3, 1),
             ("growth: floor one 2 MiB file", [a.floor, "-q", big2], 1, os.path.getsize(big2), 3, 1),
             ("growth: gwlint one 8 MiB file", [gw, "lint", big], 1, big_size, 3, 1),
             ("growth: floor one 8 MiB file", [a.floor, "-q", big], 1, big_size, 3, 1)]
    if full_dir:
        full_files = corpus_files(full_dir)
        items += [(f"growth: gwlint {len(full_files)} files", [gw, "lint", full_dir], len(full_files),
                   corpus_bytes(full_files), 1, 0),
                  (f"growth: floor {len(full_files)} files", [a.floor, "-q", full_dir], len(full_files),
                   corpus_bytes(full_files), 1, 0)]
    group("growth", items)
    F[f"growth: gwlint {len(files)} files"] = F["gwlint -j default"]
    big_check = subprocess.run([gw, "lint", "--format", "json", big], capture_output=True, text=True)
    try:
        codes = sorted({f["code"] for f in json.loads(big_check.stdout)["findings"]})
    except Exception:
        codes = ["(no JSON output)"]
    R["big_file_findings"] = {"rc": big_check.returncode, "codes": codes}

    # --- peers ---------------------------------------------------------------------------------
    items = [("peers: gwlint", [gw, "lint"] + peer_files, len(peer_files), peer_bytes, a.runs, 1)]
    if shutil.which("yamllint"):
        items.append(("peers: yamllint -d relaxed", ["yamllint", "-d", "relaxed"] + peer_files, len(peer_files),
                      peer_bytes, 2, 0))
    else:
        R["notes"].append("yamllint not installed: not measured")
    items.append(("peers: python3-jsonschema", [a.peer_python, os.path.join(HERE, "peer_jsonschema.py"), schemas]
                  + peer_files, len(peer_files), peer_bytes, 2, 0))
    if npm:
        items.append(("peers (parseable subset): gwlint", [gw, "lint"] + peer_nodup, len(peer_nodup), nodup_bytes,
                      a.runs, 0))
        if "sourcemeta" in npm:
            items.append(("peers (parseable subset): sourcemeta --fast", sm(True, peer_nodup), len(peer_nodup),
                          nodup_bytes, a.runs, 1))
            items.append(("peers (parseable subset): sourcemeta", sm(False, peer_nodup), len(peer_nodup),
                          nodup_bytes, a.runs, 0))
        if "ajv-cli" in npm:
            items.append(("peers (parseable subset): ajv-cli", ajv(peer_nodup), len(peer_nodup), nodup_bytes, 2, 0))
    group(f"peers on the first {len(peer_files)} files of the corpus", items)
    # How each tool copes with a file it cannot parse, followed by a good one.
    for kind in strict_bad:
        bad = next((f for f in files if f.endswith(".yaml") and kind in man.get(f, "").split(",")), None)
        if not bad:
            continue
        probes = []
        if "sourcemeta" in npm:
            probes.append(("sourcemeta", sm(True, ["--verbose", bad, one])))
        if "ajv-cli" in npm:
            probes.append(("ajv-cli", ajv([bad, one])))
        for tool, argv in probes:
            p = subprocess.run(argv, capture_output=True, text=True)
            out = (p.stdout + p.stderr).strip()
            went_on = os.path.basename(one) in out
            first = out.splitlines()[0][:80] if out else ""
            R["notes"].append(f"{tool} on a YAML file with a {kind.replace('-', ' ')} followed by a good file: "
                              f"rc={p.returncode}, '{first}'; "
                              + ("it went on to the second file." if went_on else
                                 "the second file was never validated (the batch stops there)."))
        p = subprocess.run([gw, "lint", "--format", "json", bad, one], capture_output=True, text=True)
        try:
            d = json.loads(p.stdout)
            codes = sorted({f["code"] for f in d["findings"]})
            R["notes"].append(f"gwlint on the same two files: rc={p.returncode}, {d['summary']['files']} files "
                              f"reported, codes {', '.join(codes)}.")
        except Exception:
            pass
    R["machine"]["loadavg_end"] = os.getloadavg()

    # --- profile ------------------------------------------------------------------------------
    if a.profile and shutil.which("valgrind"):
        log(f"callgrind profile over {a.profile} files (-j 1) ...")
        R["profile"] = profile(gw, files[: a.profile], work)
        # The floor under callgrind over the same files: an instruction ratio that load cannot skew.
        floor_ir = callgrind_total([a.floor, "-q"] + files[: a.profile], work)
        if floor_ir and R["profile"].get("total_ir"):
            R["profile"]["floor_total_ir"] = floor_ir

    report(R, a)
    return 0


# ---------------------------------------------------------------------------------------------
# Profile: callgrind, inclusive instruction counts per stage


STAGES = [
    # (label, regex on the function name, how: "max" = largest single inclusive, "sum" = sum)
    ("whole process", r"^\(below main\)$|^main$", "max"),
    ("start-up before main (static init, dynamic loading)", None, None),
    ("lint_files (all files)", r"^gwlint::lint_files\(", "max"),
    ("  load_document (read + text checks + parse + tree)", r"^gwlint::load_document\(", "max"),
    ("    yaml-cpp event parser (HandleNextDocument), incl. callbacks", r"^YAML::Parser::HandleNextDocument\(", "max"),
    ("    tree building (gwlint::TreeBuilder callbacks)", r"^gwlint::TreeBuilder::On\w+\(", "sum"),
    ("  gateway model (build_gateway_model)", r"^gwlint::build_gateway_model\(", "max"),
    ("  schema validation (validate_against_schema)", r"^gwlint::validate_against_schema\(", "max"),
    ("  rules (sum of Rule::check)", r"::check\(gwlint::RuleInput const&, gwlint::FindingSink&\) const$", "sum"),
    ("  redaction (Redactor)", r"^gwlint::Redactor::(Redactor|redact)(\[abi:cxx11\])?\(", "sum"),
    ("  output (reporters)", r"^gwlint::(?:\(anonymous namespace\)::)?\w*Reporter::\w+\(", "sum"),
]


def callgrind_total(argv, work):
    """Total instructions of one run under callgrind (None when it fails)."""
    out = os.path.join(work, "callgrind-total.out")
    script = os.path.join(work, "callgrind-total.sh")
    with open(script, "w") as f:
        f.write("exec " + " ".join(shlex.quote(x) for x in ["valgrind", "--tool=callgrind",
                                                            f"--callgrind-out-file={out}"] + argv) + "\n")
    subprocess.run(["sh", script], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not os.path.exists(out):
        return None
    ann = subprocess.run(["callgrind_annotate", out], capture_output=True, text=True).stdout
    m = re.search(r"^\s*([\d,]+) \(\s*[\d.]+%\)\s+PROGRAM TOTALS", ann, re.M)
    return int(m.group(1).replace(",", "")) if m else None


def profile(gw, files, work):
    out = os.path.join(work, "callgrind.out")
    listfile = os.path.join(work, "profile.sh")
    with open(listfile, "w") as f:
        f.write("exec " + " ".join(shlex.quote(x) for x in
                                   ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", gw, "lint", "-j",
                                    "1"] + files) + "\n")
    subprocess.run(["sh", listfile], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not os.path.exists(out):
        return {"error": "callgrind produced no output"}
    ann = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", out], capture_output=True,
                         text=True).stdout
    rows = []
    total = None
    for line in ann.splitlines():
        m = re.match(r"^\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)$", line)
        if not m:
            continue
        ir = int(m.group(1).replace(",", ""))
        rest = m.group(2)
        if rest.startswith("PROGRAM TOTALS"):
            total = ir
            continue
        # "file:function [object]" -> function
        fn = re.sub(r"\s+\[[^\]]*\]$", "", rest)
        fn = fn.split(":", 1)[1] if fn.startswith(("???:", "./", "/")) and ":" in fn else fn
        rows.append((ir, fn, rest))
    stages = []
    by_label = {}
    for label, pattern, how in STAGES:
        if pattern is None:
            continue
        rx = re.compile(pattern)
        # Skip recursion cycles ('2) and lambdas inside a matched function (counted in it already).
        hits = [ir for ir, fn, _ in rows if rx.search(fn) and not re.search(r"'\d+$", fn) and "{lambda" not in fn]
        val = (max(hits) if how == "max" else sum(hits)) if hits else 0
        by_label[label] = val
    whole = by_label.get("whole process") or 0
    startup = (total or 0) - whole
    for label, pattern, how in STAGES:
        v = startup if pattern is None else by_label.get(label, 0)
        stages.append({"stage": label, "ir": v, "pct": 100.0 * v / total if total else 0})
    skip = re.compile(r"'\d+$|^0x[0-9a-f]+$|^\(below main\)$|^__libc_start|^main$|^std::_Function_handler")
    top = [{"ir": ir, "pct": 100.0 * ir / total if total else 0, "function": fn[:150]}
           for ir, fn, _ in rows if not skip.search(fn)][:25]
    rule_rx = re.compile(r"^gwlint::((?:\(anonymous namespace\)::|\w+::)*\w+)::check\(gwlint::RuleInput const&, gwlint::FindingSink&\) const$")
    rules = [{"rule": rule_rx.search(fn).group(1).replace("(anonymous namespace)::", ""), "ir": ir, "pct": 100.0 * ir / total if total else 0}
             for ir, fn, _ in rows if rule_rx.search(fn) and not re.search(r"'\d+$", fn)][:8]
    return {"files": len(files), "total_ir": total, "stages": stages, "top_inclusive": top, "top_rules": rules,
            "command": f"valgrind --tool=callgrind {gw} lint -j 1 <{len(files)} files>"}


# ---------------------------------------------------------------------------------------------
# Report


def report(R, a):
    F = R["figures"]
    m = R["machine"]
    c = R["corpus"]
    rss = R["rss_kib"]
    lines = []
    P = lines.append
    P(f"# gwlint benchmark — {m['date']}, commit {m['commit']}")
    P("")
    P(f"Machine: {m['nproc']} cores, {m['cpu']}, {m['mem']}, {m['os']}, Linux {m['kernel']}; "
      f"load average at start {', '.join(f'{x:.2f}' for x in m['loadavg_start'])}, "
      f"at end {', '.join(f'{x:.2f}' for x in m.get('loadavg_end', ()))}.")
    P("Tools: " + "; ".join(f"{k} {v}" for k, v in R["tools"].items() if v))
    P(f"Corpus: {c['files']} files ({c['yaml']} YAML, {c['json']} JSON; {c['clean']} meant clean), "
      f"{c['bytes'] / 1e6:.1f} MB, seed {c['seed']}; one file: {c['one_file']} ({c['one_file_bytes']} B); "
      f"big file {c['big_bytes'] / 2**20:.2f} MiB.")
    P("")
    P("| measurement | median wall | min wall | CPU (user+sys) | files/s | MB/s | runs | load |")
    P("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, f in F.items():
        P(f"| {name} | {fmt_s(f['median'])} | {fmt_s(f['min'])} | {fmt_s(f['cpu'])} | {f['files_per_s']:,.0f} | "
          f"{f['mb_per_s']:.1f} | {f['runs']} | {f.get('load', 0):.1f} |")
    P("")
    P("files/s and MB/s from the median wall time; CPU is the mean user+system time per run; load is the "
      "1-minute load average when the runs started (the machine is shared: wall times above ~nproc load are "
      "inflated). Commands of one group ran round-robin, side by side.")
    P("")

    def g(name, key="median"):
        return F[name][key] if name in F else None

    bars = []

    def bar(label, value, ok, text):
        bars.append((label, value, "PASS" if ok else ("MISS" if ok is not None else "n/a"), text))

    gd, g1, g2 = g("gwlint -j default"), g("gwlint -j 1"), g("gwlint -j 2")
    f1 = g("floor -j 1")
    fn = g(f"floor -j {m['nproc']}")
    if gd and f1:
        r = gd / f1
        bar("batch lint / parse floor (default -j vs floor -j 1)", f"{r:.2f}x", r <= 1.5, "≤ 1.5x")
    if g1 and f1:
        bar("batch lint / parse floor, same threads (-j 1 vs -j 1)", f"{g1 / f1:.2f}x", None, "(info)")
        bar("batch lint / parse floor, CPU time (-j 1)", f"{F['gwlint -j 1']['cpu'] / F['floor -j 1']['cpu']:.2f}x",
            None, "(info: robust on a busy machine)")
    pr = R.get("profile") or {}
    if pr.get("floor_total_ir") and pr.get("total_ir"):
        bar(f"batch lint / parse floor, instructions (callgrind, -j 1, {pr['files']} files)",
            f"{pr['total_ir'] / pr['floor_total_ir']:.2f}x", None, "(info: independent of load)")
    if gd and fn:
        bar(f"batch lint -j default / floor -j {m['nproc']}", f"{gd / fn:.2f}x", None, "(info)")
    if g1 and g2:
        s = g1 / g2
        bar("-j 2 speedup over -j 1", f"{s:.2f}x", s >= 1.7, "≥ 1.7x")
    lat = g("one file: gwlint")
    if lat:
        bar("one-file latency (whole process, median of 30)", fmt_s(lat), lat <= 0.005, "≤ 5 ms")
        sml = g("one file: sourcemeta --fast")
        if sml:
            bar("one-file latency vs sourcemeta --fast", f"{lat / sml:.2f}x ({fmt_s(sml)})", lat < sml, "< 1x")
        bar("one-file latency (acceptance perf-vs-peers)", fmt_s(lat), lat <= 0.010, "≤ 10 ms")
    kib = rss.get("gwlint -j default")
    if kib:
        bar(f"peak RSS at {c['files']} files (default -j)", f"{kib / 1024:.1f} MiB", kib <= 32 * 1024, "≤ 32 MiB")
    pg = g("peers: gwlint")
    for peer in ("peers: yamllint -d relaxed", "peers: python3-jsonschema"):
        if pg and g(peer):
            r = g(peer) / pg
            need = 10 if "yamllint" in peer else 1
            bar(f"gwlint faster than {peer.split(': ')[1]} ({c['peer_files']} files)", f"{r:.1f}x", r > need,
                f"> {need}x" + (" (acceptance)" if need == 10 else ""))
    pn = g("peers (parseable subset): gwlint")
    for peer, need in (("peers (parseable subset): ajv-cli", 1), ("peers (parseable subset): sourcemeta --fast", None),
                       ("peers (parseable subset): sourcemeta", None)):
        if pn and g(peer):
            r = g(peer) / pn
            bar(f"gwlint vs {peer.split(': ')[1]} ({c['peer_nodup_files']} files)", f"{r:.2f}x faster" if r >= 1 else
                f"{1 / r:.2f}x slower", (r > 1) if need else None, "> 1x" if need else "(report)")
    # Growth: per-file time at each size relative to the smallest corpus.
    growth = [(n, f) for n, f in F.items() if n.startswith("growth: gwlint") and "MiB" not in n]
    growth.sort(key=lambda x: x[1]["files"])
    if len(growth) >= 2:
        base = growth[0][1]["cpu"] / growth[0][1]["files"]
        parts = []
        worst = 0
        for n, f in growth:
            per = f["cpu"] / f["files"]
            parts.append(f"{f['files']}: {per * 1e6:.0f} µs CPU/file ({per / base:.2f}), "
                         f"{f['median'] / f['files'] * 1e6:.0f} µs wall/file")
            worst = max(worst, per / base)
        bar(f"growth: CPU time per file vs the {growth[0][1]['files']}-file corpus", "; ".join(parts), worst < 1.5,
            "linear (ratio < 1.5)")
    bg, bf = g("growth: gwlint one 8 MiB file"), g("growth: floor one 8 MiB file")
    b2, b2f = g("growth: gwlint one 2 MiB file"), g("growth: floor one 2 MiB file")
    if bg and b2:
        # 4x the bytes with the same mix: linear is 4x the time; the floor shows what yaml-cpp does.
        r = (F["growth: gwlint one 8 MiB file"]["cpu"] / F["growth: gwlint one 2 MiB file"]["cpu"])
        rf = (F["growth: floor one 8 MiB file"]["cpu"] / F["growth: floor one 2 MiB file"]["cpu"]) if b2f else 0
        bar("growth within a file: CPU time 8 MiB / 2 MiB (4x the bytes)", f"{r:.2f}x (floor {rf:.2f}x)", r < 5.0,
            "≈ 4x (linear; < 5x)")
    if bg and bf and gd:
        per_mb_corpus = F["gwlint -j 1"]["median"] / (F["gwlint -j 1"]["bytes"] / 1e6)
        per_mb_big = bg / (F["growth: gwlint one 8 MiB file"]["bytes"] / 1e6)
        bar("growth: 8 MiB file, s/MB vs the corpus at -j 1", f"{per_mb_big / per_mb_corpus:.2f}x "
            f"({fmt_s(bg)}; floor {fmt_s(bf)}, {bg / bf:.2f}x floor)", per_mb_big / per_mb_corpus < 3,
            "linear (ratio < 3)")
    P("| bar | value | verdict | target |")
    P("|---|---|---|---|")
    for label, value, verdict, target in bars:
        P(f"| {label} | {value} | {verdict} | {target} |")
    P("")
    P("Peak RSS (/usr/bin/time -v): " + "; ".join(
        f"{k} {v / 1024:.1f} MiB" for k, v in rss.items() if v) + ".")
    bf_ = R.get("big_file_findings", {})
    P(f"8 MiB file: gwlint exit {bf_.get('rc')}, finding codes {', '.join(bf_.get('codes', [])) or 'none'}.")
    for note in R["notes"]:
        P(f"Note: {note}")
    if "profile" in R:
        pr = R["profile"]
        P("")
        if "error" in pr:
            P(f"Profile: {pr['error']}")
        else:
            P(f"Profile ({pr['command']}; {pr['total_ir'] / 1e6:.0f} M instructions, inclusive"
              + (f"; the floor over the same files: {pr['floor_total_ir'] / 1e6:.0f} M" if pr.get("floor_total_ir") else "")
              + "):")
            P("")
            P("| stage | instructions | share |")
            P("|---|---:|---:|")
            for s in pr["stages"]:
                P(f"| {s['stage']} | {s['ir'] / 1e6:.1f} M | {s['pct']:.1f} % |")
            P("")
            P("Costliest rules: " + ", ".join(f"{r['rule']} {r['pct']:.2f} %" for r in pr["top_rules"]) + ".")
            P("")
            P("Top inclusive functions:")
            P("")
            for t in pr["top_inclusive"][:20]:
                P(f"    {t['pct']:5.1f} %  {t['function']}")
    text = "\n".join(lines) + "\n"
    print(text)
    with open(os.path.join(a.out, "results.md"), "w") as f:
        f.write(text)
    with open(os.path.join(a.out, "results.json"), "w") as f:
        json.dump(R, f, indent=2, default=str)
    log(f"results: {os.path.join(a.out, 'results.md')} and results.json")
    chart_path = a.chart or os.path.join(a.out, "benchmarks.svg")
    if chart_path != "none":
        try:
            sys.dont_write_bytecode = True  # no bench/__pycache__ in the work tree
            import chart  # bench/chart.py (this script's directory is on sys.path)
            chart.write(json.loads(json.dumps(R, default=str)), chart_path)
            log(f"chart: {chart_path} (again from the results: bench/chart.py {os.path.join(a.out, 'results.json')} "
                f"{chart_path})")
        except Exception as e:  # the figures are written already; a chart problem must not lose them
            log(f"chart: not written ({type(e).__name__}: {e})")


if __name__ == "__main__":
    sys.exit(main())
