#!/usr/bin/env bash
# Measures the CL pool's two ways of finding the next initialized tick (docs/cl.md, "Finding
# the next initialized tick"): the default build, artifacts/trellis_cl_pool.wasm (ordered range
# over the tick records), against a `tick-bitmap` build (v3's bitmap), built here by
# scripts/build-wasm.sh (same release flags and wasm-opt lowering) into a git-ignored folder.
# Runs `trellis-bench cl-tick-index` on both and writes bench/tick-index.json.
#
#   bash scripts/build-wasm.sh          # first, if artifacts/ is missing or stale
#   bash scripts/bench-tick-index.sh
#
# Env: CARGO_TARGET_DIR (respected), BITMAP_DIR (where the bitmap build goes; default
# out/tick-bitmap, git-ignored), ORDERED (default artifacts/trellis_cl_pool.wasm), OUT
# (default bench/tick-index.json), BENCH (a built trellis-bench to run instead of
# `cargo run -p trellis-bench --features vm --release`; any profile gives the same figures).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

die() { echo "error: $*" >&2; exit 1; }

BITMAP_DIR="${BITMAP_DIR:-out/tick-bitmap}"
ORDERED="${ORDERED:-artifacts/trellis_cl_pool.wasm}"
OUT="${OUT:-bench/tick-index.json}"

[[ -f "$ORDERED" ]] || die "$ORDERED is missing: run scripts/build-wasm.sh first"

CRATES=trellis-cl-pool FEATURES=tick-bitmap ARTIFACTS_DIR="$BITMAP_DIR" \
  bash "$ROOT/scripts/build-wasm.sh" >/dev/null
BITMAP="$BITMAP_DIR/trellis_cl_pool.wasm"
[[ -s "$BITMAP" ]] || die "no bitmap build at $BITMAP"

args=(cl-tick-index --ordered "$ORDERED" --bitmap "$BITMAP" --out "$OUT")
if [[ -n "${BENCH:-}" ]]; then
  "$BENCH" "${args[@]}" </dev/null
else
  cargo run -q -p trellis-bench --features vm --release -- "${args[@]}" </dev/null
fi
