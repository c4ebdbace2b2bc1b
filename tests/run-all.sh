#!/usr/bin/env bash
# Every suite CI runs, in one place: the README's test command.
#   unit and integration tests of every crate (x86-64, native)
#   the heap's tests again on AArch64, cross-compiled, under qemu-user
# Needs: the aarch64-unknown-linux-gnu Rust target, aarch64-linux-gnu-gcc and
# qemu-aarch64-static (`.ci/run` installs them on a fresh machine).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "x86-64: cargo test --workspace"
cargo test --workspace --quiet

# Crates with machine-specific code run on AArch64 too (DESIGN.md,
# "Architectures"): the heap's register spill and stack scan so far.
step "AArch64 (qemu): cargo test -p strata-gc"
cargo test --quiet -p strata-gc --target aarch64-unknown-linux-gnu

step "all suites passed"
