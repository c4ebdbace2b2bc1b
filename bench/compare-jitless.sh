#!/usr/bin/env bash
# Strata's interpreter vs V8's (node --jitless) on the AWFY benchmarks,
# side by side in one run: each benchmark at its standard size, one
# iteration, best of N runs (N=3 by default), then the per-benchmark ratio
# (Strata time / node time) and the geometric mean. A quick check while
# working on the interpreter; the full comparison (every tier and peer,
# medians, spread, RSS, JSON, chart) is strata-bench (README, Benchmarks).
#   bench/compare-jitless.sh [benchmark...]     e.g. N=5 bench/compare-jitless.sh richards
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet -p strata
strata=target/release/strata
awfy=../shared/bench/awfy
n=${N:-3}
benches=${*:-bounce deltablue json list mandelbrot nbody permute queens richards sieve storage towers}
total() { "$@" 2>&1 | sed -n 's/.*total_us=//p'; }
logsum=0
count=0
for b in $benches; do
  best_s=; best_n=
  for _ in $(seq "$n"); do
    s=$(total "$strata" --tier=interp "$awfy/$b.js" 1)
    v=$(total node --jitless "$awfy/$b.js" 1)
    if [ -z "$best_s" ] || [ "$s" -lt "$best_s" ]; then best_s=$s; fi
    if [ -z "$best_n" ] || [ "$v" -lt "$best_n" ]; then best_n=$v; fi
  done
  ratio=$(awk -v a="$best_s" -v b="$best_n" 'BEGIN { printf "%.2f", a / b }')
  printf '%-11s strata %9d us   node --jitless %9d us   ratio %s\n' "$b" "$best_s" "$best_n" "$ratio"
  logsum=$(awk -v s="$logsum" -v r="$ratio" 'BEGIN { printf "%.6f", s + log(r) }')
  count=$((count + 1))
done
awk -v s="$logsum" -v c="$count" 'BEGIN { printf "geometric mean ratio %.2f (over %d benchmarks)\n", exp(s / c), c }'
