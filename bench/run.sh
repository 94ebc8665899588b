#!/usr/bin/env bash
# Runs the quality and speed measurements that bench/README.md reports.
#   bench/run.sh BUILD_DIR      (make bench: BUILD_DIR=build/release)
#   E2E=1 bench/run.sh ...      also times `crosscheck analyze` end to end (bench/e2e.sh)
# Measurements that need ../shared/ data are skipped when it is absent.
set -euo pipefail
build=${1:-build/release}
here=$(cd "$(dirname "$0")/.." && pwd)
shared="$here/../shared"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$here"
b="$build/bench"

section() { echo; echo "== $*"; }

if [[ -d $shared/extraction ]]; then
  section "extraction quality (../shared/extraction, 181 pages)"
  "$build/src/crosscheck" extract "$shared/extraction/html" >"$tmp/pred.jsonl" 2>/dev/null || true
  "$b/extraction_score" "$shared/extraction/ground-truth.json" "$tmp/pred.jsonl"
  section "extraction speed (one core; disk = read, gunzip and parse included)"
  "$b/extract_speed" "$shared/extraction/html"
fi
if [[ -d $shared/timex ]]; then
  section "time expressions (TempEval-3 platinum)"
  "$b/timex_eval" "$shared/timex/te3-platinum"
fi
if [[ -d $shared/meantime ]]; then
  section "entities, times and numbers (MEANTIME)"
  "$b/meantime_eval" "$shared/meantime"
fi
section "facts on the annotated fixtures"
"$b/facts_eval"
section "analysis speed"
"$b/analyze_speed"
if [[ -d $shared/clustering ]]; then
  section "events (ECB+)"
  "$b/group_eval" ecb "$shared/clustering/ecbplus_docs.jsonl"
  section "near-duplicates"
  "$b/dup_stream" --ecb "$shared/clustering/ecbplus_docs.jsonl"
fi
if [[ -d $shared/5w1h ]]; then
  section "stories and events (5W1H)"
  "$b/group_eval" 5w1h "$shared/5w1h/gold_standard"
fi
if [[ -d $shared/truth ]]; then
  section "source reliability (truth discovery)"
  "$b/truth_eval" "$shared/truth"
fi
section "findings on the invented corpus"
"$build/src/crosscheck" analyze --format json examples/corpus >"$tmp/report.json" || true
"$b/findings_eval" examples/corpus/FINDINGS.json "$tmp/report.json"
if [[ ${E2E:-0} == 1 ]]; then  # end to end on generated corpora: minutes, not seconds
  section "end to end (crosscheck analyze on 1,000 and 10,000 generated reports; bench/e2e.sh for more)"
  bench/e2e.sh --build="$build" 1000 10000
fi
for bench in "$b"/*_bench; do
  [[ -x $bench ]] || continue
  section "$(basename "$bench")"
  "$bench" --benchmark_min_time=0.2
done
