#!/usr/bin/env bash
# gwlint benchmarks (docs/benchmarks.md; what and why: design/BENCH.md). Never run by the tests.
#
#   bench/run.sh [GWLINT_BINARY]        (`make bench` runs `bench/run.sh build/gwlint`)
#
# Uses the given gwlint binary and gwlint_parse_floor (and gwlint_bench_lint, if built) from the
# same build directory; builds nothing. Generates the corpus in a temporary directory, installs
# the reference tools it lacks (Debian: hyperfine, time, yamllint, python3-jsonschema; npm, into
# the temporary directory: ajv-cli and @sourcemeta/jsonschema), measures everything side by side
# and prints a table (also written to $OUT/results.md and results.json) and draws the chart
# ($OUT/benchmarks.svg, or $CHART; bench/chart.py RESULTS.json OUT.svg redraws it). Always exits 0.
#
# Environment:
#   N=10000        corpus size            PEER_N=2000   files given to the peers (and to gwlint for them)
#   FULL=1         also 100,000 files     RUNS=3        runs per batch measurement (median)
#   NPM=0          skip the npm peers     PROFILE=300   files for the callgrind profile (0: none)
#   OUT=DIR        keep results there (default: the temp dir, removed unless KEEP=1)
#   SEED=42        corpus seed            CHART=FILE    where the SVG chart goes (default $OUT/benchmarks.svg)
set -u
here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
gw=${1:-$repo/build/gwlint}
case $gw in /*) ;; *) gw=$(pwd)/$gw ;; esac
if [ ! -x "$gw" ]; then
  echo "bench/run.sh: no gwlint binary at $gw (build it first: make build)" >&2
  exit 0
fi
build_dir=$(dirname "$gw")
floor=${FLOOR:-$build_dir/gwlint_parse_floor}
[ -x "$floor" ] || floor=$repo/build/gwlint_parse_floor
if [ ! -x "$floor" ]; then
  echo "bench/run.sh: no gwlint_parse_floor next to $gw (configure with -DGWLINT_BENCH=ON and build)" >&2
  exit 0
fi
bench_lint=$build_dir/gwlint_bench_lint
[ -x "$bench_lint" ] || bench_lint=

work=$(mktemp -d "${TMPDIR:-/tmp}/gwlint-bench.XXXXXX")
out=${OUT:-$work/results}
cleanup() { [ "${KEEP:-0}" = 1 ] || rm -rf "$work"; }
trap cleanup EXIT

# --- reference tools ---------------------------------------------------------------------------
apt_install() {  # apt_install PACKAGE... (only when root and apt-get exist; quiet; never fatal)
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 0
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1; } ||
    echo "bench/run.sh: could not install $* (measured without them)" >&2
}
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
command -v yamllint >/dev/null || missing+=(yamllint)
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import jsonschema, yaml' 2>/dev/null ||
  missing+=(python3-jsonschema python3-yaml)
command -v valgrind >/dev/null || [ "${PROFILE:-300}" = 0 ] || missing+=(valgrind)
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
peer_python=/usr/bin/python3
/usr/bin/python3 -c 'import jsonschema, yaml' 2>/dev/null || peer_python=python3

npm_bin=
npm_note=
if [ "${NPM:-1}" = 1 ]; then
  if command -v npm >/dev/null; then
    mkdir -p "$work/npm"
    if (cd "$work/npm" && echo '{"private":true}' >package.json &&
        timeout 300 npm install --no-audit --no-fund --silent ajv-cli@5 @sourcemeta/jsonschema >npm.log 2>&1); then
      npm_bin=$work/npm/node_modules/.bin
    else
      npm_note="npm install of ajv-cli and @sourcemeta/jsonschema failed ($(tail -n 1 "$work/npm/npm.log" 2>/dev/null | cut -c1-120)); those peers are not measured"
    fi
  else
    npm_note="npm not installed: ajv-cli and @sourcemeta/jsonschema are not measured"
  fi
else
  npm_note="NPM=0: ajv-cli and @sourcemeta/jsonschema not measured"
fi
[ -z "$npm_note" ] || echo "bench/run.sh: $npm_note" >&2

args=(--gw "$gw" --floor "$floor" --work "$work" --out "$out" -n "${N:-10000}" --peer-n "${PEER_N:-2000}"
      --runs "${RUNS:-3}" --seed "${SEED:-42}" --peer-python "$peer_python" --profile "${PROFILE:-300}")
[ -n "$bench_lint" ] && args+=(--bench-lint "$bench_lint")
[ -n "$npm_bin" ] && args+=(--npm-bin "$npm_bin")
[ -n "$npm_note" ] && args+=(--npm-note "$npm_note")
[ "${FULL:-0}" = 1 ] && args+=(--full)
[ -n "${CHART:-}" ] && args+=(--chart "$CHART")
command -v hyperfine >/dev/null || echo "bench/run.sh: hyperfine not available; using a Python timer" >&2

python3 "$here/bench.py" "${args[@]}" || echo "bench/run.sh: the benchmark driver failed (exit $?)" >&2
[ -n "${OUT:-}" ] || [ "${KEEP:-0}" = 1 ] || echo "(set OUT=DIR to keep results.md/results.json)" >&2
exit 0
