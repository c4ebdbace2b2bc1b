#!/usr/bin/env bash
# Every suite CI runs, in one place: the README's test command.
#   1. unit, golden and integration tests of every crate, including the
#      JavaScript behaviour suite tests/js (x86-64, native; the default
#      tiers: adaptive);
#   2. tests/js again with --gc-stress=1 (a collection at every allocation
#      finds values held where the collector cannot see them), with
#      --tier=interp and with --tier=baseline (every function compiled by
#      the baseline JIT);
#   3. the twelve AWFY benchmarks at size 1 1, plain, under
#      --gc-stress=1000, --tier=interp and --tier=baseline (each verifies
#      its own result);
#   4. on AArch64, cross-compiled, under qemu-user: the heap's and the JIT
#      building blocks' tests, tests/js interpreted and under
#      --tier=baseline, AWFY at 1 1 under --tier=baseline, and a test262
#      slice (built-ins/Array*, including ArrayBuffer, TypedArrayConstructors
#      and DataView: about 9,200 runs, the last three reading and writing
#      raw element bytes)
#      under --tier=baseline;
#   5. test262 (../shared/test262) against tests/test262/expectations.txt,
#      under --tier=interp and --tier=baseline: a failing run not listed
#      there fails CI (the ratchet), so both tiers pass the same tests.
# Needs: the aarch64-unknown-linux-gnu Rust target, aarch64-linux-gnu-gcc and
# qemu-aarch64-static (`.ci/run` installs them on a fresh machine).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "x86-64: cargo test --workspace (release)"
cargo test --workspace --release --quiet

step "x86-64: tests/js under --gc-stress=1"
STRATA_JS_FLAGS=--gc-stress=1 cargo test --release --quiet -p strata --test js

for flags in --tier=interp --tier=baseline; do
  step "x86-64: tests/js under $flags"
  STRATA_JS_FLAGS=$flags cargo test --release --quiet -p strata --test js
done

step "AWFY smoke: all twelve benchmarks at 1 1: plain, --gc-stress=1000, --tier=interp, --tier=baseline"
awfy=../shared/bench/awfy
for b in "$awfy"/*.js; do
  for flags in "" "--gc-stress=1000" "--tier=interp" "--tier=baseline"; do
    # shellcheck disable=SC2086 # flags is empty or one word
    if ! out=$(target/release/strata $flags "$b" 1 1 2>&1); then
      printf 'FAIL %s %s\n%s\n' "$flags" "$b" "$out"
      exit 1
    fi
    printf '%-14s %-18s %s\n' "$(basename "$b")" "${flags:-plain}" "$(printf '%s\n' "$out" | tail -n 1)"
  done
done

# Crates with machine-specific code run on AArch64 too (DESIGN.md,
# "Architectures"): the heap's register spill and stack scan, and the JIT
# building blocks (emitters, code memory, icache maintenance, disassembly).
step "AArch64 (qemu): cargo test -p strata-gc -p strata-arch"
cargo test --quiet -p strata-gc -p strata-arch --target aarch64-unknown-linux-gnu

# The JavaScript suite on AArch64, interpreted and compiled by the
# baseline JIT: a cross-built strata run under qemu-user.
qemu="qemu-aarch64-static -L /usr/aarch64-linux-gnu"
for flags in "" "--tier=baseline"; do
  step "AArch64 (qemu): tests/js ${flags:-(interpreter)}"
  STRATA_JS_RUNNER="$qemu" STRATA_JS_FLAGS="${flags:---tier=interp}" \
    cargo test --release --quiet -p strata --test js --target aarch64-unknown-linux-gnu
done
step "AArch64 (qemu): AWFY at 1 1 under --tier=baseline"
for b in "$awfy"/*.js; do
  if ! out=$($qemu target/aarch64-unknown-linux-gnu/release/strata --tier=baseline "$b" 1 1 2>&1); then
    printf 'FAIL aarch64 baseline %s\n%s\n' "$b" "$out"
    exit 1
  fi
  printf '%-14s %s\n' "$(basename "$b")" "$(printf '%s\n' "$out" | tail -n 1)"
done

step "AArch64 (qemu): test262 built-ins/Array, TypedArrayConstructors, DataView under --tier=baseline (ratchet)"
cargo build --release --quiet -p strata-test262 --target aarch64-unknown-linux-gnu
cargo build --release --quiet -p strata-test262
STRATA_TEST262_WORKER="$qemu target/aarch64-unknown-linux-gnu/release/strata-test262" \
  target/release/strata-test262 --tier=baseline --ratchet --top-failures=0 \
  --filter=built-ins/Array --filter=built-ins/TypedArrayConstructors --filter=built-ins/DataView

# About 1.5-4 minutes each on 2 cores; also prints listed runs that now pass.
for tier in interp baseline; do
  step "test262 ratchet (release, --tier=$tier): tests/test262/expectations.txt"
  target/release/strata-test262 --tier=$tier --ratchet --top-failures=0
done

step "all suites passed"
