#!/usr/bin/env bash
# Indexer bench: events indexed per second on SQLite and on PostgreSQL, over a one-year
# chain (bench/index-year.toml, run by `trellis sim --index`). Writes bench/indexer.json;
# docs/indexer.md quotes it. Needs a built `trellis` ($TRELLIS, default target/debug/trellis
# under $CARGO_TARGET_DIR) and starts a throwaway PostgreSQL (scripts/postgres.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
TARGET="${CARGO_TARGET_DIR:-target}"
TRELLIS="${TRELLIS:-$TARGET/debug/trellis}"
OUT="${OUT:-bench/indexer.json}"
WORK="$(mktemp -d)"
eval "$(bash scripts/postgres.sh start)"
trap 'bash scripts/postgres.sh stop; rm -rf "$WORK"' EXIT

# The run's own summary line: "Indexed B blocks (E events) into DB in T s of indexing (R events/s)".
index_once() {
  local db="$1" out line
  out="$("$TRELLIS" sim bench/index-year.toml -q --out "$WORK/report" --index "$db")"
  line="$(echo "$out" | grep '^Indexed' || true)"
  [ -n "$line" ] || { echo "no indexing line for $db" >&2; exit 1; }
  echo "$line" >&2
  echo "$line" | sed -E 's/^Indexed ([0-9]+) blocks \(([0-9]+) events\) into .* in ([0-9.]+) s of indexing \(([0-9]+) events\/s\)$/\1 \2 \3 \4/'
}

read -r blocks events sqlite_secs sqlite_rate < <(index_once "$WORK/year.db")
[ -n "${sqlite_rate:-}" ] || { echo "the SQLite run failed" >&2; exit 1; }
psql -q "$TRELLIS_TEST_POSTGRES" -c "DROP DATABASE IF EXISTS bench_year" -c "CREATE DATABASE bench_year"
read -r _ _ pg_secs pg_rate < <(index_once "${TRELLIS_TEST_POSTGRES%/*}/bench_year")
[ -n "${pg_rate:-}" ] || { echo "the PostgreSQL run failed" >&2; exit 1; }

cat > "$OUT" <<JSON
{
  "scenario": "bench/index-year.toml",
  "blocks": $blocks,
  "events": $events,
  "sqlite": { "seconds": $sqlite_secs, "events_per_sec": $sqlite_rate },
  "postgres": { "seconds": $pg_secs, "events_per_sec": $pg_rate },
  "machine": "$(nproc) cores, $(uname -m)",
  "note": "wall time inside Indexer::apply only (one transaction per block, cursor included); PostgreSQL 15 on loopback with default durability"
}
JSON
echo "wrote $OUT"
