#!/usr/bin/env bash
# Installs wasm-opt from the npm package binaryen (Debian's binaryen 108 is
# too old for --llvm-memory-copy-fill-lowering) into the project-local, git-ignored .tools/.
# Idempotent; runs unattended (CI=true, no stdin). Prints the wasm-opt path on stdout.
set -euo pipefail

BINARYEN_VERSION="${BINARYEN_VERSION:-132.0.0}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="${TRELLIS_TOOLS_DIR:-$ROOT/.tools}"
PKG_DIR="$TOOLS_DIR/node_modules/binaryen"
WASM_OPT="$TOOLS_DIR/node_modules/.bin/wasm-opt"

installed_version() {
  if [[ -f "$PKG_DIR/package.json" ]]; then
    node -e 'process.stdout.write(require(process.argv[1]).version)' "$PKG_DIR/package.json" 2>/dev/null || true
  fi
}

if [[ "$(installed_version)" != "$BINARYEN_VERSION" || ! -x "$WASM_OPT" ]]; then
  command -v npm >/dev/null 2>&1 || { echo "error: npm not found; install Node.js (>= 18) first" >&2; exit 1; }
  mkdir -p "$TOOLS_DIR"
  echo "installing binaryen@$BINARYEN_VERSION into $TOOLS_DIR" >&2
  # </dev/null: never prompt; progress/notices off so CI logs stay short.
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --no-progress --no-save \
    "binaryen@$BINARYEN_VERSION" </dev/null >&2
fi

if [[ ! -x "$WASM_OPT" ]]; then
  echo "error: wasm-opt not found at $WASM_OPT after install" >&2
  exit 1
fi
# Sanity check: the binary runs and reports the expected version.
version_line="$("$WASM_OPT" --version </dev/null)"
if [[ "$version_line" != *"${BINARYEN_VERSION%%.*}"* ]]; then
  echo "error: unexpected wasm-opt version: $version_line (want $BINARYEN_VERSION)" >&2
  exit 1
fi
echo "$WASM_OPT"
