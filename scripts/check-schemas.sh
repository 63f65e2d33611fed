#!/usr/bin/env bash
# Regenerates every contract's JSON schemas and fails if they differ from the committed ones.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
for dir in contracts/*/; do
  [[ -f "$dir/src/bin/schema.rs" ]] || continue
  (cd "$dir" && cargo run -q --bin "$(basename "$dir")-schema" >/dev/null)
done
if ! git diff --quiet -- 'contracts/*/schema' || [[ -n "$(git ls-files --others --exclude-standard -- 'contracts/*/schema')" ]]; then
  echo "error: schemas are stale; run scripts/check-schemas.sh and commit contracts/*/schema" >&2
  git status --short -- 'contracts/*/schema' >&2
  exit 1
fi
echo "schemas are fresh"
