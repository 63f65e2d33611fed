#!/usr/bin/env bash
# Builds every contract under contracts/* to an optimised wasm artifact a chain accepts.
#
#   scripts/build-wasm.sh            -> artifacts/<crate_name>.wasm + artifacts/checksums.txt
#
# rustc 1.95 emits bulk-memory instructions that cosmwasm-vm 2.3 rejects,
# so each release build is lowered with wasm-opt (npm binaryen v132) and
# --llvm-memory-copy-fill-lowering. Each crate is built on its own (-p) so its features are
# not unified with other contracts'.
#
# Env: CARGO_TARGET_DIR (respected), ARTIFACTS_DIR (default: artifacts), WASM_OPT (path to a
# wasm-opt to use instead of installing binaryen into .tools/), CRATES (space-separated crate
# names: build only those; other artifacts in the folder are kept and checksums.txt lists
# every *.wasm there), FEATURES (passed to each build as --features, e.g. a measurement
# variant; see scripts/bench-tick-index.sh), CONTRACTS_GLOB (the manifests to build; default
# contracts/*/Cargo.toml; the real-chain suite's test contracts are
# tools/chain-tests/contracts/*/Cargo.toml, built into ARTIFACTS_DIR=artifacts/test).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TARGET=wasm32-unknown-unknown
# A relative CARGO_TARGET_DIR is relative to the workspace root, where cargo runs.
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
[[ "$TARGET_DIR" = /* ]] || TARGET_DIR="$ROOT/$TARGET_DIR"
OUT_DIR="${ARTIFACTS_DIR:-artifacts}"
[[ "$OUT_DIR" = /* ]] || OUT_DIR="$ROOT/$OUT_DIR"

WASM_OPT_FLAGS=(
  -Os
  --enable-bulk-memory
  --enable-sign-ext
  --enable-mutable-globals
  --enable-nontrapping-float-to-int
  --llvm-memory-copy-fill-lowering
)

die() { echo "error: $*" >&2; exit 1; }

# The wasm target (rustup only; other setups must provide it themselves).
if command -v rustup >/dev/null 2>&1; then
  if ! rustup target list --installed | grep -qx "$TARGET"; then
    rustup target add "$TARGET" </dev/null
  fi
fi

if [[ -z "${WASM_OPT:-}" ]]; then
  WASM_OPT="$(bash "$ROOT/scripts/install-binaryen.sh")"
fi
[[ -x "$WASM_OPT" ]] || die "wasm-opt not executable: $WASM_OPT"

# TOML value of `key` in section `section` of a manifest (first match, quoted strings only).
toml_get() {
  local file="$1" section="$2" key="$3"
  awk -v sec="[$section]" -v key="$key" '
    /^[[:space:]]*\[/ { gsub(/[[:space:]]/, ""); in_sec = ($0 == sec); next }
    in_sec && $0 ~ "^[[:space:]]*" key "[[:space:]]*=" {
      sub(/^[^=]*=[[:space:]]*/, ""); sub(/[[:space:]]*(#.*)?$/, "")
      gsub(/^"|"$/, ""); print; exit
    }' "$file"
}

# Discover contract crates: every manifest of CONTRACTS_GLOB with a [package].
crates=()
libs=()
shopt -s nullglob
for manifest in ${CONTRACTS_GLOB:-contracts/*/Cargo.toml}; do
  name="$(toml_get "$manifest" package name)"
  [[ -n "$name" ]] || die "$manifest has no [package] name"
  grep -Eq 'crate-type[[:space:]]*=.*"cdylib"' "$manifest" \
    || die "$manifest: [lib] crate-type must include \"cdylib\" to build a contract"
  lib="$(toml_get "$manifest" lib name)"
  [[ -n "$lib" ]] || lib="${name//-/_}"
  crates+=("$name")
  libs+=("$lib")
done
shopt -u nullglob
(( ${#crates[@]} > 0 )) || die "no contract crates found in ${CONTRACTS_GLOB:-contracts/*/Cargo.toml}"

# Which of them to build: all, or those CRATES names.
selected=("${!crates[@]}")
if [[ -n "${CRATES:-}" ]]; then
  selected=()
  for want in $CRATES; do
    found=""
    for i in "${!crates[@]}"; do [[ "${crates[$i]}" == "$want" ]] && found="$i"; done
    [[ -n "$found" ]] || die "CRATES: no contract crate named $want under contracts/*"
    selected+=("$found")
  done
fi
features=()
[[ -z "${FEATURES:-}" ]] || features=(--features "$FEATURES")

mkdir -p "$OUT_DIR"
built=()
for i in "${selected[@]}"; do
  crate="${crates[$i]}"
  lib="${libs[$i]}"
  echo "==> building $crate${FEATURES:+ (features: $FEATURES)}" >&2
  RUSTFLAGS='-C link-arg=-s' cargo build --release --lib --target "$TARGET" -p "$crate" \
    ${features[@]+"${features[@]}"} </dev/null
  raw="$TARGET_DIR/$TARGET/release/$lib.wasm"
  [[ -f "$raw" ]] || die "cargo produced no $raw"
  out="$OUT_DIR/$lib.wasm"
  tmp="$out.tmp"
  "$WASM_OPT" "${WASM_OPT_FLAGS[@]}" "$raw" -o "$tmp" </dev/null
  [[ -s "$tmp" ]] || die "wasm-opt produced an empty $tmp"
  mv -f "$tmp" "$out"
  echo "    $(basename "$out"): $(wc -c <"$raw") -> $(wc -c <"$out") bytes" >&2
  built+=("$lib.wasm")
done

if [[ -n "${CRATES:-}" ]]; then
  # A partial build keeps the other artifacts; the checksums cover the whole folder.
  listed=()
  for f in "$OUT_DIR"/*.wasm; do
    if [[ -e "$f" ]]; then listed+=("$(basename "$f")"); fi
  done
else
  # Drop artifacts of contracts that no longer exist, so checksums.txt matches the folder.
  for f in "$OUT_DIR"/*.wasm; do
    [[ -e "$f" ]] || continue
    keep=0
    for b in "${built[@]}"; do [[ "$(basename "$f")" == "$b" ]] && keep=1; done
    if (( keep == 0 )); then
      echo "    removing stale $(basename "$f")" >&2
      rm -f "$f"
    fi
  done
  listed=("${built[@]}")
fi

(cd "$OUT_DIR" && sha256sum "${listed[@]}" > checksums.txt.tmp && mv -f checksums.txt.tmp checksums.txt)
echo "wrote $OUT_DIR/checksums.txt" >&2
cat "$OUT_DIR/checksums.txt"
