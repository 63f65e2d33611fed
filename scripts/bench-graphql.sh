#!/usr/bin/env bash
# GraphQL bench: latency (p50, p99) and throughput of the seed's three queries against
# `trellis serve`, on an index of 10,000 CL positions, with wrk (Debian's package, installed
# here when missing) as the load generator on loopback. Writes bench/graphql.json;
# docs/graphql.md quotes it.
#
# The index is built the way a live chain is followed: a generated scenario
# (scripts/gen-graphql-fixture.py) runs with `trellis sim --record-chain`, `trellis chain
# replay` serves its blocks over CometBFT RPC, and `trellis index run` indexes them up to the
# block before the final settlement, while every position is still farmed.
#
# Needs a built `trellis` ($TRELLIS, default target/debug/trellis under $CARGO_TARGET_DIR;
# the workspace's dev profile is optimized). Knobs: POSITIONS, DURATION (per query),
# CONNECTIONS, THREADS, DATABASE (a postgres:// URL to an empty database instead of SQLite).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
TARGET="${CARGO_TARGET_DIR:-target}"
TRELLIS="${TRELLIS:-$TARGET/debug/trellis}"
OUT="${OUT:-bench/graphql.json}"
POSITIONS="${POSITIONS:-10000}"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
RPC_PORT="${RPC_PORT:-26901}"
API_PORT="${API_PORT:-18101}"
WORK="$(mktemp -d)"
DATABASE="${DATABASE:-$WORK/graphql.db}"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null
fi

wait_for() { # URL: until it answers, at most 30 s
  for _ in $(seq 300); do curl -sf -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "no answer from $1" >&2; exit 1
}

echo "fixture: $POSITIONS positions" >&2
python3 scripts/gen-graphql-fixture.py "$WORK/fixture.toml" "$POSITIONS"
"$TRELLIS" sim "$WORK/fixture.toml" -q --out "$WORK/report" --record-chain "$WORK/chain" >/dev/null

# The first recorded height, and the last one before the final settlement (the last block's
# time is the run's end, when every position leaves its farms).
read -r FIRST BEFORE < <(python3 - "$WORK/chain/blocks.jsonl" <<'PY'
import json, sys
blocks = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
end = blocks[-1]["time"]
print(blocks[0]["height"], max(b["height"] for b in blocks if b["time"] < end))
PY
)

"$TRELLIS" chain replay "$WORK/chain/blocks.jsonl" --port "$RPC_PORT" >/dev/null & PIDS+=($!)
wait_for "http://127.0.0.1:$RPC_PORT/status"
"$TRELLIS" index run --rpc "http://127.0.0.1:$RPC_PORT" --database "$DATABASE" \
  --contracts "$WORK/chain/contracts.toml" --start-height "$FIRST" --until "$BEFORE" --batch 100 >&2

"$TRELLIS" serve --database "$DATABASE" --port "$API_PORT" >/dev/null & PIDS+=($!)
API="http://127.0.0.1:$API_PORT/"
wait_for "${API}health"

graphql() { # BODY -> the answer's data, or exit on errors
  curl -sf "$API" -H 'content-type: application/json' -d "$1"
}

# The ids the seed's queries take: a limit farm, and the owner of the first deposit.
INCENTIVE="$(graphql '{"query":"{ incentives(first: 1) { id } }"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["incentives"][0]["id"])')"
ACCOUNT="$(graphql '{"query":"{ deposits(first: 1, where: { eternalFarming_not: null }) { owner } }"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["deposits"][0]["owner"])')"

# The seed's three queries, as docs/graphql.md lists them, with their variables.
Q1="$(python3 -c 'import json,sys; print(json.dumps({"query": "query fetchIncentive($incentiveId: ID) { incentives(where: { id: $incentiveId}) { id rewardToken { id symbol } reward startTime endTime } }", "variables": {"incentiveId": sys.argv[1]}}))' "$INCENTIVE")"
Q2='{"query":"query fetchEternalFarm { eternalFarmings { id rewardToken { id } bonusRewardToken { id } rewardRate bonusRewardRate pool { id } } }"}'
Q3="$(python3 -c 'import json,sys; print(json.dumps({"query": "query positionsOnEternalFarming ($account: Bytes) { deposits (orderBy: id, orderDirection: desc, where: { owner: $account, onFarmingCenter: true, eternalFarming_not: null }) { id owner eternalFarming { id } liquidity } }", "variables": {"account": sys.argv[1]}}))' "$ACCOUNT")"

# Each answer is checked once before it is loaded: one incentive, one eternal farm, and the
# seven of the owner's ten positions the fixture puts in the eternal farm.
check() { # NAME BODY FIELD COUNT
  local n
  n="$(graphql "$2" | python3 -c "import json,sys; d=json.load(sys.stdin); assert 'errors' not in d, d; print(len(d['data']['$3']))")"
  [ "$n" = "$4" ] || { echo "$1: $n rows, expected $4" >&2; exit 1; }
}
check fetchIncentive "$Q1" incentives 1
check fetchEternalFarm "$Q2" eternalFarmings 1
check positionsOnEternalFarming "$Q3" deposits 7

load() { # NAME BODY -> "p50_ms p99_ms requests_per_sec non_2xx"
  local lua="$WORK/$1.lua"
  python3 - "$2" > "$lua" <<'PY'
import json, sys
print('wrk.method = "POST"')
print('wrk.headers["Content-Type"] = "application/json"')
print('wrk.body = ' + json.dumps(sys.argv[1]))
PY
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$lua" "$API" > "$WORK/$1.txt"
  python3 - "$WORK/$1.txt" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
unit = {"us": 0.001, "ms": 1.0, "s": 1000.0}
def pct(p):
    v, u = re.search(r"^\s*%s%%\s+([\d.]+)(us|ms|s)\s*$" % p, text, re.M).groups()
    return float(v) * unit[u]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
print("%.3f %.3f %.1f %d" % (pct(50), pct(99), rps, int(bad.group(1)) if bad else 0))
PY
}

ROWS=()
for name in fetchIncentive fetchEternalFarm positionsOnEternalFarming; do
  case "$name" in
    fetchIncentive) body="$Q1" ;;
    fetchEternalFarm) body="$Q2" ;;
    positionsOnEternalFarming) body="$Q3" ;;
  esac
  read -r p50 p99 rps bad < <(load "$name" "$body")
  [ "$bad" = 0 ] || { echo "$name: $bad answers were not 200" >&2; exit 1; }
  echo "$name: p50 $p50 ms, p99 $p99 ms, $rps requests/s" >&2
  ROWS+=("    { \"query\": \"$name\", \"p50_ms\": $p50, \"p99_ms\": $p99, \"requests_per_sec\": $rps }")
done

HEIGHT="$(graphql '{"query":"{ _meta { block { number } } }"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["_meta"]["block"]["number"])')"
{
  echo "{"
  echo "  \"positions\": $POSITIONS,"
  echo "  \"indexed_height\": $HEIGHT,"
  echo "  \"database\": \"$(case "$DATABASE" in postgres*) echo postgresql ;; *) echo sqlite ;; esac)\","
  echo "  \"load\": \"wrk -t$THREADS -c$CONNECTIONS -d$DURATION on loopback, one query at a time\","
  echo "  \"machine\": \"$(nproc) cores, $(uname -m)\","
  echo "  \"queries\": ["
  (IFS=$'\n'; echo "${ROWS[*]}" | sed '$!s/$/,/')
  echo "  ]"
  echo "}"
} > "$OUT"
echo "wrote $OUT" >&2
