#!/usr/bin/env bash
# Regenerates every contract's JSON schemas and fails if they differ from the committed ones.
# The schema binaries are built with the workspace (same features as `cargo test --workspace`,
# so CI reuses that build) and run from each contract folder, where they write `schema/`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
[[ "$TARGET_DIR" = /* ]] || TARGET_DIR="$ROOT/$TARGET_DIR"
cargo build -q --workspace --bins
for dir in contracts/*/; do
  [[ -f "$dir/src/bin/schema.rs" ]] || continue
  name="$(basename "$dir")-schema"
  (cd "$dir" && "$TARGET_DIR/debug/$name" >/dev/null)
done
if ! git diff --quiet -- 'contracts/*/schema/*' || [[ -n "$(git ls-files --others --exclude-standard -- 'contracts/*/schema/*')" ]]; then
  echo "error: schemas are stale; run scripts/check-schemas.sh and commit contracts/*/schema" >&2
  git status --short -- 'contracts/*/schema/*' >&2
  exit 1
fi
echo "schemas are fresh"
