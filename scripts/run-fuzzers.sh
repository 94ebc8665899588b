#!/usr/bin/env bash
# Runs every libFuzzer target of a fuzz build for a while, each on a private copy of its seed corpus.
#   scripts/run-fuzzers.sh BUILD_DIR SECONDS      (make fuzz: BUILD_DIR=build/fuzz, SECONDS=$(FUZZ_SECS))
# Prints one line per target (name, runs, exec/s, result) and "N passed, M failed" at the end; exits
# non-zero when any target crashed, timed out or ran out of memory, after printing the tail of its log.
# The seed corpora in fuzz/corpus/ are only read: new inputs, logs and crash files go to a temp dir,
# which is kept (and named) when something failed, removed otherwise.
# Environment: FUZZ_TIMEOUT (seconds per input before a hang counts as a failure, default 25),
# FUZZ_KEEP_WORKDIR=1 to keep the temp dir even when all passed.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 BUILD_DIR SECONDS" >&2
  exit 2
fi
build_dir=$1
secs=$2
if ! [[ $secs =~ ^[0-9]+$ ]] || (( secs < 1 )); then
  echo "run-fuzzers: SECONDS must be a positive whole number, not '$secs'" >&2
  exit 2
fi
timeout_secs=${FUZZ_TIMEOUT:-25}

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
seed_root="$here/../fuzz/corpus"
fuzz_bin_dir="$build_dir/fuzz"
if [[ ! -d $fuzz_bin_dir ]]; then
  echo "run-fuzzers: no $fuzz_bin_dir (configure with -DCROSSCHECK_FUZZ=ON and build fuzz_targets)" >&2
  exit 2
fi

fuzzers=()
for f in "$fuzz_bin_dir"/fuzz_*; do
  if [[ -f $f && -x $f ]]; then fuzzers+=("$f"); fi
done
if (( ${#fuzzers[@]} == 0 )); then
  echo "run-fuzzers: no fuzz_* executables in $fuzz_bin_dir" >&2
  exit 2
fi

workdir=$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-fuzz.XXXXXX")
keep_workdir=${FUZZ_KEEP_WORKDIR:-0}
cleanup() {
  if [[ $keep_workdir == 0 ]]; then rm -rf "$workdir"; fi
}
trap cleanup EXIT

# UBSan only reports by default (the build has no -fno-sanitize-recover); make it stop the run.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

# "stat::name: value" from libFuzzer's -print_final_stats output, or "?".
final_stat() {
  local value
  value=$(grep -E "^stat::$1:" "$2" | tail -n 1 | awk '{print $2}' || true)
  echo "${value:-?}"
}

passed=0
failed=0
failed_names=()
echo "Fuzzing ${#fuzzers[@]} targets for ${secs}s each (work dir $workdir, kept only on failure)"
for bin in "${fuzzers[@]}"; do
  name=$(basename "$bin")
  corpus="$workdir/$name/corpus"
  artifacts="$workdir/$name/artifacts"
  log="$workdir/$name/fuzz.log"
  mkdir -p "$corpus" "$artifacts"
  if [[ -d $seed_root/$name ]]; then
    cp -R "$seed_root/$name/." "$corpus/"
  fi

  started=$(date +%s%N)
  rc=0
  "$bin" "$corpus" \
    -max_total_time="$secs" -rss_limit_mb=2048 -max_len=65536 -timeout="$timeout_secs" \
    -print_final_stats=1 -artifact_prefix="$artifacts/" \
    >"$log" 2>&1 </dev/null || rc=$?
  elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))

  runs=$(final_stat number_of_executed_units "$log")
  speed=$(final_stat average_exec_per_sec "$log")
  # libFuzzer reports 0 exec/s for runs that end within their first second (an early crash).
  if [[ $runs =~ ^[0-9]+$ ]] && [[ $speed == 0 || $speed == "?" ]] && (( elapsed_ms > 0 )); then
    speed=$(( runs * 1000 / elapsed_ms ))
  fi
  if (( rc == 0 )); then
    result="ok"
    passed=$((passed + 1))
  else
    summary=$(grep -m 1 -E '^SUMMARY: ' "$log" | sed -e 's/^SUMMARY: //' -e 's/ in *$//' || true)
    result="FAILED (exit $rc${summary:+: $summary})"
    failed=$((failed + 1))
    failed_names+=("$name")
  fi
  printf '%-20s runs=%-10s exec/s=%-8s %s\n' "$name" "$runs" "$speed" "$result"
done

if (( failed > 0 )); then
  keep_workdir=1
  for name in "${failed_names[@]}"; do
    log="$workdir/$name/fuzz.log"
    echo
    echo "=== $name: last lines of $log ==="
    tail -n 60 "$log" || true
    for crash in "$workdir/$name"/artifacts/*; do
      [[ -f $crash ]] || continue
      echo "--- input: $crash (reproduce: $build_dir/fuzz/$name $crash)"
    done
  done
  echo
fi
echo "$passed passed, $failed failed"
(( failed == 0 ))
