#!/usr/bin/env bash
# Builds the libFuzzer targets (clang 14, ASan+UBSan, build-fuzz/) and runs them.
#
#   fuzz/run.sh TARGET SECONDS      fuzz one target (config_loader, lint_pipeline, importer,
#                                   recording_loader, sse_parser, mock_matcher) for SECONDS
#   fuzz/run.sh all SECONDS         every target, one after the other
#   fuzz/run.sh replay [TARGET]     run fuzz/regressions/<target>/* and the seed corpus once
#   fuzz/run.sh build               only build
#
# A run starts from fuzz/corpus/<target>/ (seeds, read-only) plus build-fuzz/corpus/<target>/
# (what earlier runs found, kept between runs); crashes, leaks, timeouts and OOMs are written to
# build-fuzz/artifacts/<target>/ and make the script fail. Environment: FUZZ_JOBS (parallel
# fuzzing processes per target, default 1), FUZZ_NICE (default 19), FUZZ_EXTRA (more libFuzzer
# flags), FUZZ_NO_BUILD=1 (skip the build, e.g. for two runs side by side), FUZZ_BUILD (build dir).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${FUZZ_BUILD:-$root/build-fuzz}"
targets=(config_loader lint_pipeline importer recording_loader sse_parser mock_matcher)
nice_level="${FUZZ_NICE:-19}"

# Largest input each target takes: configs and recordings are small files; 64 KiB reaches every
# limit that matters here without spending the budget on huge inputs.
max_len() {
  case "$1" in
    sse_parser | mock_matcher) echo 16384 ;;
    *) echo 65536 ;;
  esac
}

dict() {
  case "$1" in
    config_loader | lint_pipeline) echo "$root/fuzz/dict/config.dict" ;;
    importer | recording_loader) echo "$root/fuzz/dict/recording.dict" ;;
    sse_parser) echo "$root/fuzz/dict/sse.dict" ;;
    mock_matcher) echo "$root/fuzz/dict/http.dict" ;;
  esac
}

build_targets() {
  # FUZZ_NO_BUILD=1: use the binaries as they are (several runs at once must not build in parallel).
  [[ -n "${FUZZ_NO_BUILD:-}" ]] && return 0
  command -v clang++-14 >/dev/null || { echo "fuzz: clang++-14 is missing (scripts/install-deps.sh)" >&2; exit 2; }
  if [[ ! -f "$build/CMakeCache.txt" ]]; then
    CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGWLINT_FUZZ=ON \
      -DGWLINT_TESTS=OFF -DGWLINT_BENCH=OFF >/dev/null
  fi
  echo "== building the fuzz targets in $build (log: $build/build.log)"
  if ! nice -n "$nice_level" cmake --build "$build" --target fuzz_targets -j "${JOBS:-$(nproc)}" >"$build/build.log" 2>&1; then
    grep -E 'error|Error' "$build/build.log" | head -n 40 >&2
    echo "fuzz: the build failed; see $build/build.log" >&2
    exit 2
  fi
}

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

run_target() {
  local target="$1" seconds="$2"
  local binary="$build/fuzz/fuzz_$target"
  local work="$build/corpus/$target" artifacts="$build/artifacts/$target/"
  mkdir -p "$work" "$artifacts"
  local jobs="${FUZZ_JOBS:-1}"
  local parallel=()
  [[ "$jobs" -gt 1 ]] && parallel=(-jobs="$jobs" -workers="$jobs")
  echo "== fuzz_$target: ${seconds}s (log: $build/fuzz-$target.log)"
  # shellcheck disable=SC2086
  if ! nice -n "$nice_level" "$binary" "$work" "$root/fuzz/corpus/$target" -max_total_time="$seconds" \
    -max_len="$(max_len "$target")" -timeout=10 -rss_limit_mb=2048 -dict="$(dict "$target")" \
    -artifact_prefix="$artifacts" -print_final_stats=1 "${parallel[@]}" ${FUZZ_EXTRA:-} \
    >"$build/fuzz-$target.log" 2>&1; then
    tail -n 60 "$build/fuzz-$target.log" >&2
    echo "fuzz_$target: FAILED; the input is in $artifacts" >&2
    return 1
  fi
  grep -E '^#[0-9]+.*(DONE|pulse)|stat::number_of_executed_units|stat::peak_rss_mb' "$build/fuzz-$target.log" | tail -n 3
}

# Runs every input once: the kept regressions and the seeds (no fuzzing), so CI catches a fix
# that regressed without waiting for the fuzzer to find it again.
replay_target() {
  local target="$1"
  local binary="$build/fuzz/fuzz_$target"
  local inputs=()
  mapfile -t inputs < <(find "$root/fuzz/regressions/$target" "$root/fuzz/corpus/$target" -type f 2>/dev/null | sort)
  echo "== fuzz_$target: replaying ${#inputs[@]} inputs (fuzz/regressions/$target, fuzz/corpus/$target)"
  [[ ${#inputs[@]} -eq 0 ]] && return 0
  # Given files rather than folders, libFuzzer runs each once and fuzzes nothing.
  if ! "$binary" -timeout=10 -rss_limit_mb=2048 "${inputs[@]}" >"$build/replay-$target.log" 2>&1; then
    tail -n 60 "$build/replay-$target.log" >&2
    echo "fuzz_$target: an input fails; see $build/replay-$target.log" >&2
    return 1
  fi
}

command="${1:-}"
case "$command" in
  build)
    build_targets
    ;;
  replay)
    build_targets
    for target in "${targets[@]}"; do
      [[ -n "${2:-}" && "$2" != "$target" ]] && continue
      replay_target "$target"
    done
    ;;
  all)
    build_targets
    failed=0
    for target in "${targets[@]}"; do run_target "$target" "${2:-60}" || failed=1; done
    exit "$failed"
    ;;
  "" | -h | --help)
    sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
    ;;
  *)
    [[ " ${targets[*]} " == *" $command "* ]] || { echo "fuzz: unknown target '$command'" >&2; exit 2; }
    build_targets
    run_target "$command" "${2:-60}"
    ;;
esac
