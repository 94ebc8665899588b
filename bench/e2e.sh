#!/usr/bin/env bash
# End-to-end measurement of `crosscheck analyze` on generated news corpora (bench/corpus_gen:
# reports in events, many invented outlets, copies and divergent reports; JSON Lines, 1,000
# records a file). For each size: wall time, CPU time (user + sys), articles/s and peak RSS of
#   crosscheck analyze --format json DIR > /dev/null
# and, with --store, the time to add 1,000 new articles to a store that holds the largest size:
#   crosscheck analyze --db S.db DIR_LARGEST     (fill, timed too)
#   crosscheck analyze --db S.db DIR_NEXT1000    (the 1,000 reports that follow in the stream)
#
#   bench/e2e.sh [--build=DIR] [--work=DIR] [--timeout=SECONDS] [--store] [SIZE...]
#     --build    release build folder (default build/release)
#     --work     where corpora, stores and logs go (default /tmp/crosscheck-e2e; kept for reruns:
#                a corpus folder that exists is reused)
#     --timeout  a run that takes longer is stopped and reported as such (default 1200)
#     SIZE       corpus sizes in articles (default 1000 10000 30000 100000)
# One process at a time (the numbers are single-core). Needs /usr/bin/time (Debian: time).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$here/build/release work=/tmp/crosscheck-e2e timeout=1200 store=0 sizes=()
for arg in "$@"; do
  case $arg in
    --build=*) build=${arg#*=} ;;
    --work=*) work=${arg#*=} ;;
    --timeout=*) timeout=${arg#*=} ;;
    --store) store=1 ;;
    -*) sed -n '2,17p' "$0" >&2; exit 2 ;;
    *) sizes+=("$arg") ;;
  esac
done
[[ ${#sizes[@]} -gt 0 ]] || sizes=(1000 10000 30000 100000)
[[ $build = /* ]] || build=$here/$build
cc=$build/src/crosscheck gen=$build/bench/corpus_gen
mkdir -p "$work"

# corpus N [SKIP]: the folder holding reports SKIP..SKIP+N-1 of the seed-1 stream (made once).
corpus() {
  local n=$1 skip=${2:-0} dir="$work/corpus-$1${2:+-after-$2}"
  [[ -f $dir/.done ]] || { rm -rf "$dir"; "$gen" --articles="$n" --skip="$skip" --out="$dir" >>"$work/corpus_gen.log"; touch "$dir/.done"; }
  echo "$dir"
}

# timed LABEL ARTICLES CMD...: runs CMD under /usr/bin/time -v (stdout discarded) and prints a row.
timed() {
  local label=$1 n=$2 log="$work/$1.time"; shift 2
  local rc=0
  timeout "$timeout" /usr/bin/time -v -o "$log" "$@" >/dev/null 2>"$work/$label.stderr" || rc=$?
  if [[ $rc -eq 124 ]]; then
    printf '| %s | %s | stopped after %s s | | | | |\n' "$label" "$n" "$timeout"
    return
  fi
  awk -v label="$label" -v n="$n" -v rc="$rc" -F': ' '
    /Elapsed \(wall clock\)/ { split($2, t, ":"); wall = (length(t) == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
    /User time/ { cpu += $2 } /System time/ { cpu += $2 } /Maximum resident/ { rss = $2 / 1024 }
    END { printf "| %s | %d | %.1f | %.1f | %.0f | %.0f | %.0f |%s\n", label, n, wall, cpu, n / wall, n / cpu, rss,
                 rc ? " exit " rc : "" }' "$log"
}

echo "| run | articles | wall s | CPU s | articles/s (wall) | articles/s (CPU) | peak RSS MB |"
echo "|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  timed "analyze-$n" "$n" "$cc" analyze --format json "$(corpus "$n")"
done
if [[ $store -eq 1 ]]; then
  largest=${sizes[-1]}
  db="$work/store-$largest.db"
  rm -f "$db" "$db-wal" "$db-shm"
  timed "db-fill-$largest" "$largest" "$cc" analyze --format json --db "$db" "$(corpus "$largest")"
  timed "db-add-1000-to-$largest" 1000 "$cc" analyze --format json --db "$db" "$(corpus 1000 "$largest")"
  echo "store file: $(du -m "$db" | cut -f1) MB"
fi
