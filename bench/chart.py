#!/usr/bin/env python3
"""Draws the benchmark chart from bench.py's results.json as a plain SVG (Python stdlib only).

    bench/chart.py RESULTS.json OUT.svg [--mock MOCK.json]

bench.py calls it at the end of a run (writing $OUT/benchmarks.svg); docs/images/benchmarks.svg is
made by running it on the results.json of the run that docs/benchmarks.md reports. Panels:
  (a) batch throughput, files/s, log scale, value printed on every bar: gwlint (-j default, -j 1),
      the parse floor, and the peers on the file lists they were timed on (gwlint on the same list);
  (b) one-file latency, whole process, ms, log scale;
  (c) growth: CPU time per file at 1k / 10k / 100k files, and CPU time per MiB on the 2 MiB and
      8 MiB files (gwlint and the floor): flat bars mean linear growth;
  (e) with --mock (the --json file of bench/mock_load.py): requests/s of `gwlint mock serve` and of
      nginx under wrk, with p50/p99 printed.
Plain SVG with presentation attributes only (no CSS, no scripts, no external fonts) and a white
background, so that it renders the same in a browser, in GitHub's Markdown (light and dark) and in
image viewers. A panel whose figures are missing from the results is left out.
"""
import json
import math
import sys

W = 960                 # image width
LABEL_W = 300           # label column
PLOT_X = LABEL_W + 20   # left edge of the bars
PLOT_W = 520            # bar area width (values are printed to the right of it)
BAR_H = 18
ROW_H = 26
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
COLORS = {"gwlint": "#1f6fb5", "floor": "#8a8f98", "peer": "#e08a1e", "group": "#333333"}


def esc(s):
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def text(x, y, s, size=13, anchor="start", weight="normal", fill="#222222", italic=False):
    style = ' font-style="italic"' if italic else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="{size}" text-anchor="{anchor}" '
            f'font-weight="{weight}" fill="{fill}"{style}>{esc(s)}</text>')


def fmt_rate(v):
    return f"{v:,.0f}"


def fmt_time(s):
    if s < 1e-3:
        return f"{s * 1e6:.0f} µs"
    if s < 1:
        return f"{s * 1e3:.1f} ms"
    return f"{s:.2f} s"


def fmt_us(v):
    return f"{v:,.0f} µs"


class Panel:
    """Horizontal bars: rows of (label, value, kind, value_text) or ("group", title)."""

    def __init__(self, title, subtitle, unit, rows, log=True):
        self.title, self.subtitle, self.unit, self.rows, self.log = title, subtitle, unit, rows, log

    def height(self):
        return 58 + len(self.rows) * ROW_H + 40

    def render(self, y0):
        out = [text(20, y0 + 20, self.title, size=16, weight="bold")]
        if self.subtitle:
            out.append(text(20, y0 + 38, self.subtitle, size=12, fill="#555555"))
        top = y0 + 52
        bottom = top + len(self.rows) * ROW_H
        values = [r[1] for r in self.rows if r[0] != "group" and r[1] and r[1] > 0]
        if not values:
            return out
        if self.log:
            lo = 10 ** math.floor(math.log10(min(values)))
            hi = 10 ** math.ceil(math.log10(max(values)))
            if hi / lo < 100:
                lo = hi / 100
            span = math.log10(hi) - math.log10(lo)
            xpos = lambda v: PLOT_X + PLOT_W * (math.log10(max(v, lo)) - math.log10(lo)) / span
            ticks = [lo * 10 ** k for k in range(int(round(span)) + 1)]
        else:
            hi = max(values) * 1.6  # room to the right of the longest bar for its value text
            step = _nice_step(hi / 5)
            hi = step * math.ceil(hi / step)
            xpos = lambda v: PLOT_X + PLOT_W * v / hi
            ticks = [step * k for k in range(int(round(hi / step)) + 1)]
        # grid and axis
        for t in ticks:
            x = xpos(t)
            out.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{bottom}" stroke="#dddddd" '
                       f'stroke-width="1"/>')
            out.append(text(x, bottom + 16, _tick_label(t), size=11, anchor="middle", fill="#555555"))
        out.append(f'<line x1="{PLOT_X}" y1="{bottom}" x2="{PLOT_X + PLOT_W}" y2="{bottom}" stroke="#555555" '
                   f'stroke-width="1"/>')
        out.append(f'<line x1="{PLOT_X}" y1="{top - 4}" x2="{PLOT_X}" y2="{bottom}" stroke="#555555" '
                   f'stroke-width="1"/>')
        out.append(text(PLOT_X + PLOT_W / 2, bottom + 32, self.unit + (" (log scale)" if self.log else ""),
                        size=12, anchor="middle", fill="#333333"))
        for i, row in enumerate(self.rows):
            y = top + i * ROW_H
            if row[0] == "group":
                out.append(text(20, y + BAR_H - 3, row[1], size=12, weight="bold", fill=COLORS["group"], italic=True))
                continue
            label, value, kind, vtext = row
            out.append(text(PLOT_X - 8, y + BAR_H - 4, label, size=12, anchor="end"))
            x1 = xpos(value)
            out.append(f'<rect x="{PLOT_X}" y="{y}" width="{max(1.0, x1 - PLOT_X):.1f}" height="{BAR_H}" '
                       f'fill="{COLORS[kind]}"/>')
            out.append(text(x1 + 6, y + BAR_H - 4, vtext, size=12, weight="bold" if kind == "gwlint" else "normal"))
        return out


def _nice_step(raw):
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def _tick_label(t):
    if t >= 1000:
        return f"{t / 1000:g}k" if t < 1e6 else f"{t / 1e6:g}M"
    return f"{t:g}"


def panels(R):
    F = R.get("figures", {})
    c = R.get("corpus", {})
    m = R.get("machine", {})
    nproc = m.get("nproc") or 1
    out = []

    def f(name):
        return F.get(name)

    # (a) batch throughput
    rows = []
    n = c.get("files", 0)
    main = [("gwlint -j default", f"gwlint lint (default -j {nproc})", "gwlint"),
            ("gwlint -j 1", "gwlint lint -j 1", "gwlint"),
            ("floor -j 1", "parse floor -j 1 (yaml-cpp events only)", "floor"),
            (f"floor -j {nproc}", f"parse floor -j {nproc}", "floor")]
    got = [(lab, F[k], kind) for k, lab, kind in main if k in F]
    if got:
        rows.append(("group", f"{n:,} corpus files"))
        rows += [(lab, x["files_per_s"], kind, fmt_rate(x["files_per_s"])) for lab, x, kind in got]
    peers = [("peers: gwlint", "gwlint lint (default -j)", "gwlint"),
             ("peers: python3-jsonschema", "python3-jsonschema (PyYAML C loader)", "peer"),
             ("peers: yamllint -d relaxed", "yamllint -d relaxed", "peer")]
    got = [(lab, F[k], kind) for k, lab, kind in peers if k in F]
    if got:
        rows.append(("group", f"first {c.get('peer_files', 0):,} files"))
        rows += [(lab, x["files_per_s"], kind, fmt_rate(x["files_per_s"])) for lab, x, kind in got]
    strict = [("peers (parseable subset): gwlint", "gwlint lint (default -j)", "gwlint"),
              ("peers (parseable subset): sourcemeta --fast", "sourcemeta --fast (native)", "peer"),
              ("peers (parseable subset): sourcemeta", "sourcemeta (native)", "peer"),
              ("peers (parseable subset): ajv-cli", "ajv-cli (node)", "peer")]
    got = [(lab, F[k], kind) for k, lab, kind in strict if k in F]
    if len(got) > 1:
        rows.append(("group", f"the {c.get('peer_nodup_files', 0):,} of those that sourcemeta and ajv-cli can "
                              f"parse (no duplicate key, no syntax error)"))
        rows += [(lab, x["files_per_s"], kind, fmt_rate(x["files_per_s"])) for lab, x, kind in got]
    if rows:
        out.append(Panel("(a) Batch lint throughput: files/s (higher is better)",
                         "median wall time of the runs; each group was timed side by side, round-robin, "
                         "on the same files and schema", "files per second", rows, log=True))

    # (b) one-file latency
    ones = [("one file: gwlint", "gwlint lint one.yaml", "gwlint"),
            ("one file: floor (bare yaml-cpp program)", "bare yaml-cpp program (floor)", "floor"),
            ("one file: sourcemeta --fast", "sourcemeta --fast (native)", "peer"),
            ("one file: yamllint", "yamllint -d relaxed", "peer"),
            ("one file: python3-jsonschema", "python3-jsonschema", "peer"),
            ("one file: ajv-cli", "ajv-cli (node)", "peer")]
    rows = [(lab, F[k]["median"] * 1e3, kind, fmt_time(F[k]["median"])) for k, lab, kind in ones if k in F]
    if rows:
        out.append(Panel("(b) One-file latency: whole process, wall, ms (lower is better)",
                         f"median of the runs on one {c.get('one_file_bytes', 0):,}-byte config, "
                         "as a pre-commit hook calls it", "milliseconds", rows, log=True))

    # (c) growth
    rows = []
    growth = sorted(((k, x) for k, x in F.items() if k.startswith("growth: gwlint") and k.endswith(" files")),
                    key=lambda kx: kx[1]["files"])
    if growth:
        rows.append(("group", "gwlint, CPU time per file by corpus size (default -j; flat = linear)"))
        for k, x in growth:
            per = x["cpu"] / x["files"] * 1e6
            rows.append((f"{x['files']:,} files", per, "gwlint",
                         f"{fmt_us(per)}/file  (total {fmt_time(x['cpu'])} CPU, {fmt_time(x['median'])} wall)"))
        floors = sorted(((k, x) for k, x in F.items() if k.startswith("growth: floor") and k.endswith(" files")),
                        key=lambda kx: kx[1]["files"])
        for k, x in floors:
            per = x["cpu"] / x["files"] * 1e6
            rows.append((f"floor -j 1, {x['files']:,} files", per, "floor",
                         f"{fmt_us(per)}/file  (total {fmt_time(x['cpu'])} CPU)"))
    big = [("growth: gwlint one 2 MiB file", "gwlint, one 2 MiB file", "gwlint"),
           ("growth: gwlint one 8 MiB file", "gwlint, one 8 MiB file", "gwlint"),
           ("growth: floor one 2 MiB file", "floor, one 2 MiB file", "floor"),
           ("growth: floor one 8 MiB file", "floor, one 8 MiB file", "floor")]
    got = [(lab, F[k], kind) for k, lab, kind in big if k in F]
    big_rows = []
    for lab, x, kind in got:
        per = x["cpu"] / (x["bytes"] / 2 ** 20) * 1e3
        big_rows.append((lab, per, kind, f"{per:.0f} ms/MiB  (total {fmt_time(x['cpu'])} CPU)"))
    if rows:
        out.append(Panel("(c) Growth in files: CPU µs per file (flat bars = linear growth)",
                         "user + system time of the whole process divided by the number of files",
                         "CPU microseconds per file", rows, log=False))
    if big_rows:
        out.append(Panel("(d) Growth within one file: CPU ms per MiB (flat bars = linear growth)",
                         "the 8 MiB file has 4x the bytes of the 2 MiB one, same mix of content",
                         "CPU milliseconds per MiB", [("group", "one big config file")] + big_rows, log=False))
    return out


def mock_panel(M):
    def med(side, key):
        values = [r[key] for r in M.get(side, []) if r.get(key) is not None]
        values.sort()
        return values[len(values) // 2] if values else None

    rows = [("group", "64 connections, POST with a JSON body, median of the runs")]
    for side, label, kind in (("mock", "gwlint mock serve (JSON matching)", "gwlint"),
                              ("nginx", "nginx-light (same response bytes)", "peer")):
        rps = med(side, "rps")
        if rps:
            rows.append((label, rps, kind, f"{rps:,.0f} req/s  (p50 {med(side, 'p50_ms'):.2f} ms, "
                                           f"p99 {med(side, 'p99_ms'):.2f} ms)"))
    high = M.get("mock_1000")
    if high and high.get("rps"):
        rows.append(("group", "1,000 connections, every response checked"))
        rows.append(("gwlint mock serve", high["rps"], "gwlint",
                     f"{high['rps']:,.0f} req/s  ({high.get('checked') or 0:,} checked, "
                     f"{high.get('mismatched') or 0} mismatched)"))
    return Panel("(e) Mock under load: requests/s under wrk on loopback (higher is better)",
                 "wrk, the mock and nginx share the same cores", "requests per second", rows, log=False)


def render(R, mock=None):
    m = R.get("machine", {})
    ps = panels(R)
    if mock:
        ps.append(mock_panel(mock))
    head = 70
    height = head + sum(p.height() for p in ps) + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{height}" viewBox="0 0 {W} {height}" '
             f'role="img" aria-label="gwlint benchmark chart">',
             f'<rect x="0" y="0" width="{W}" height="{height}" fill="#ffffff"/>',
             text(20, 28, "gwlint benchmarks", size=20, weight="bold"),
             text(20, 50, f"commit {m.get('commit', '?')}, {m.get('date', '')}; {m.get('nproc', '?')} cores, "
                          f"{m.get('cpu', '?')}; load average at start "
                          f"{', '.join(f'{x:.2f}' for x in m.get('loadavg_start', ()))}", size=12, fill="#555555")]
    # legend
    lx = W - 320
    for i, (kind, lab) in enumerate((("gwlint", "gwlint"), ("floor", "parse floor"), ("peer", "peers"))):
        parts.append(f'<rect x="{lx + i * 105}" y="16" width="14" height="14" fill="{COLORS[kind]}"/>')
        parts.append(text(lx + i * 105 + 20, 28, lab, size=12))
    y = head
    for p in ps:
        parts += p.render(y)
        y += p.height()
    parts.append(text(20, height - 12, "made by bench/chart.py from bench/run.sh's results.json"
                      + (" and bench/mock_load.py --json" if mock else ""), size=11, fill="#777777"))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def write(R, path, mock=None):
    with open(path, "w", encoding="utf-8") as f:
        f.write(render(R, mock))


def main(argv):
    mock = None
    if len(argv) == 5 and argv[3] == "--mock":
        with open(argv[4], encoding="utf-8") as f:
            mock = json.load(f)
        argv = argv[:3]
    if len(argv) != 3:
        print("usage: " + __doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        R = json.load(f)
    write(R, argv[2], mock)
    print(f"chart: {argv[2]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
