#!/usr/bin/env bash
# Runs the quality and speed measurements that bench/README.md reports.
#   bench/run.sh BUILD_DIR      (make bench: BUILD_DIR=build/release)
# Benchmarks that need ../shared/ data are skipped when it is absent.
set -euo pipefail
build=${1:-build/release}
here=$(cd "$(dirname "$0")/.." && pwd)
shared="$here/../shared"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [[ -d $shared/extraction ]]; then
  echo "== extraction quality (../shared/extraction, 181 pages)"
  "$build/src/crosscheck" extract "$shared/extraction/html" >"$tmp/pred.jsonl" 2>/dev/null || true
  "$build/bench/extraction_score" "$shared/extraction/ground-truth.json" "$tmp/pred.jsonl"
  if [[ -x $build/bench/extract_speed ]]; then
    echo "== extraction speed (one core, read from disk, gunzip and parse included)"
    "$build/bench/extract_speed" "$shared/extraction/html"
  fi
fi
if [[ -x $build/bench/timex_eval && -d $shared/timex ]]; then
  echo "== time expressions (TempEval-3 platinum)"
  "$build/bench/timex_eval" "$shared/timex/te3-platinum"
fi
if [[ -x $build/bench/meantime_eval && -d $shared/meantime ]]; then
  echo "== entities (MEANTIME)"
  "$build/bench/meantime_eval" "$shared/meantime"
fi
for b in "$build"/bench/*_bench; do
  [[ -x $b ]] || continue
  echo "== $(basename "$b")"
  "$b" --benchmark_min_time=0.2
done
