#!/usr/bin/env bash
# The real chain application on loopback: wasmd (Cosmos SDK 0.50, wasmvm 2.2, CometBFT 0.38),
# built from the Go module proxy, run as a single-validator chain with a throwaway home.
#
#   bash scripts/wasmd.sh build             # ~/.cache/trellis/wasmd-$VERSION/wasmd (once; needs Go)
#   eval "$(bash scripts/wasmd.sh start)"   # starts it, prints the exports below
#   bash scripts/wasmd.sh smoke             # stores every artifact, prints each SDK gas_used
#   bash scripts/wasmd.sh stop
#
# Exports: TRELLIS_WASMD_RPC (CometBFT RPC), TRELLIS_WASMD_GRPC, TRELLIS_WASMD_CHAIN_ID,
# TRELLIS_WASMD_CLOCK (the test clock's file, below),
# TRELLIS_WASMD_MNEMONIC (a funded test account, `trellis`; throwaway: the chain lives in
# /tmp and is removed by `stop`), TRELLIS_WASMD_BIN.
#
# Why wasmd and not osmosis-test-tube: the Go module proxy refuses every
# github.com/osmosis-labs module (403 "This module version is not available"), which the
# osmosis-test-tube crate's Go library needs; wasmd, the Cosmos SDK, CometBFT and wasmvm are
# served. wasmd 0.55 pins a bytedance/sonic that newer Go linkers reject
# ("invalid reference to encoding/json.unquoteBytes"), hence -checklinkname=0.
#
# The test clock: weekly mechanics (gauges, the fee distributor) and 30-minute TWAPs cannot
# wait for wall time. The build adds one thing to CometBFT: its clock (types/time.Now, which
# stamps votes and so block times) runs ahead by the whole seconds written in the file
# $TRELLIS_WASMD_CLOCK (exported by `start`, initially 0; only ever increase it). The
# application (Cosmos SDK, x/wasm, wasmvm) is untouched: it sees blocks whose times jump,
# as after a chain halt. This is what test-tube's increase_time does for its app.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
VERSION="${TRELLIS_WASMD_VERSION:-v0.55.1}"
# Outside the clone, like CI's cargo cache: a rerun on the same machine skips the build.
# "-clock": the build carries the test clock (below), so an older plain build is not reused.
TOOLS="${TRELLIS_CACHE:-$HOME/.cache/trellis}/wasmd-$VERSION-clock"
BIN="$TOOLS/wasmd"
HOME_DIR="${TRELLIS_WASMD_HOME:-/tmp/trellis-wasmd}"
CHAIN_ID="trellis-local-1"
RPC_PORT="${TRELLIS_WASMD_RPC_PORT:-36657}"
GRPC_PORT="${TRELLIS_WASMD_GRPC_PORT:-39090}"
P2P_PORT="${TRELLIS_WASMD_P2P_PORT:-36656}"
DENOM="stake"
# The genesis account's test tokens (10^30 base units each), besides the staking denom.
TEST_DENOMS="ulit uusdc uweth ulp ureward ufoo ust0 ust1 ust2 ust3 ust4 ust5 ust6 ust7 ust8 ust9"

# The binary loads wasmvm's shared library; a copy sits beside it, so the build stands
# on its own once the Go module cache is gone.
export LD_LIBRARY_PATH="$TOOLS${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
wasmd() { "$BIN" --home "$HOME_DIR" "$@" 2> >(grep -v 'sonic only supports' >&2); }

need_go() {
  if ! command -v go >/dev/null; then
    echo "wasmd.sh: no Go on this machine: installing Debian's golang-go" >&2
    if [ "$(id -u)" = 0 ]; then apt-get install -y -q golang-go >&2; else sudo apt-get install -y -q golang-go >&2; fi
  fi
  # wasmd 0.55 needs Go 1.23 or newer.
  local minor
  minor="$(go env GOVERSION | sed -E 's/^go1\.([0-9]+).*/\1/')"
  if [ "$minor" -lt 23 ]; then
    echo "wasmd.sh: $(go env GOVERSION) is too old to build wasmd $VERSION (Go 1.23 or newer)" >&2
    exit 1
  fi
}

build() {
  if [ -x "$BIN" ] && [ -f "$TOOLS/libwasmvm.x86_64.so" ]; then return 0; fi
  need_go
  local dir
  dir="$(go mod download -json "github.com/CosmWasm/wasmd@$VERSION" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')"
  rm -rf "$TOOLS/src" && mkdir -p "$TOOLS/src" && cp -r "$dir" "$TOOLS/src/wasmd" && chmod -R u+w "$TOOLS/src"
  add_test_clock "$TOOLS/src"
  echo "building wasmd $VERSION (first time: a few minutes)" >&2
  (cd "$TOOLS/src/wasmd" && go build -ldflags=-checklinkname=0 -o "$BIN" ./cmd/wasmd)
  rm -rf "$TOOLS/src"
  local lib
  lib="$(ldd "$BIN" | awk '/libwasmvm/ {print $3}')"
  [ -f "$lib" ] || { echo "wasmd.sh: the build links no libwasmvm" >&2; exit 1; }
  cp "$lib" "$TOOLS/"
}

# A copy of the CometBFT module wasmd requires, its Now() offset by the clock file, and
# wasmd's go.mod pointed at the copy.
add_test_clock() {
  local src="$1" cometbft version
  version="$(cd "$src/wasmd" && go list -m -f '{{.Version}}' github.com/cometbft/cometbft)"
  cometbft="$(go mod download -json "github.com/cometbft/cometbft@$version" | python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')"
  cp -r "$cometbft" "$src/cometbft" && chmod -R u+w "$src/cometbft"
  local time_go="$src/cometbft/types/time/time.go"
  grep -q 'return Canonical(time.Now())' "$time_go" || { echo "wasmd.sh: CometBFT $version's types/time.Now changed; update add_test_clock" >&2; exit 1; }
  sed -i 's/return Canonical(time.Now())/return Canonical(time.Now().Add(testClockOffset()))/' "$time_go"
  cat > "$src/cometbft/types/time/test_clock.go" <<'GO'
package time

import (
	"os"
	"strconv"
	"strings"
	"time"
)

// testClockOffset: how far ahead of the wall clock this node runs, the whole seconds in the
// file named by TRELLIS_WASMD_CLOCK (added by Trellis's scripts/wasmd.sh for tests). Unset,
// missing or unreadable: no offset.
func testClockOffset() time.Duration {
	path := os.Getenv("TRELLIS_WASMD_CLOCK")
	if path == "" {
		return 0
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	secs, err := strconv.ParseInt(strings.TrimSpace(string(raw)), 10, 64)
	if err != nil || secs < 0 {
		return 0
	}
	return time.Duration(secs) * time.Second
}
GO
  (cd "$src/wasmd" && go mod edit -replace "github.com/cometbft/cometbft=../cometbft")
}

wait_height() { # until the chain has made block 2
  for _ in $(seq 600); do
    local h
    h="$(curl -sf "http://127.0.0.1:$RPC_PORT/status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["sync_info"]["latest_block_height"])' 2>/dev/null || echo 0)"
    [ "$h" -ge 2 ] && return 0
    sleep 0.1
  done
  echo "wasmd.sh: the chain did not start; see $HOME_DIR/wasmd.log" >&2
  exit 1
}

start() {
  build
  stop_node
  rm -rf "$HOME_DIR"
  wasmd init trellis --chain-id "$CHAIN_ID" >/dev/null 2>&1
  local mnemonic
  mnemonic="$(wasmd keys add trellis --keyring-backend test --output json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["mnemonic"])')"
  wasmd keys add validator --keyring-backend test >/dev/null 2>&1
  local genesis="1000000000000000000000000000000$DENOM" denom
  for denom in $TEST_DENOMS; do genesis="$genesis,1000000000000000000000000000000$denom"; done
  wasmd genesis add-genesis-account trellis "$genesis" --keyring-backend test
  wasmd genesis add-genesis-account validator "1000000000000$DENOM" --keyring-backend test
  wasmd genesis gentx validator "1000000000$DENOM" --chain-id "$CHAIN_ID" --keyring-backend test >/dev/null 2>&1
  wasmd genesis collect-gentxs >/dev/null 2>&1
  # Fast blocks, loopback only, free gas (gas is measured, not priced, here).
  sed -i -e 's/^timeout_commit = .*/timeout_commit = "200ms"/' \
    -e "s#^laddr = \"tcp://127.0.0.1:26657\"#laddr = \"tcp://127.0.0.1:$RPC_PORT\"#" \
    -e "s#^laddr = \"tcp://0.0.0.0:26656\"#laddr = \"tcp://127.0.0.1:$P2P_PORT\"#" \
    -e 's#^pprof_laddr = .*#pprof_laddr = ""#' \
    "$HOME_DIR/config/config.toml"
  sed -i -e "s/^minimum-gas-prices = .*/minimum-gas-prices = \"0$DENOM\"/" \
    -e "s#^address = \"localhost:9090\"#address = \"127.0.0.1:$GRPC_PORT\"#" \
    -e "s#^address = \"0.0.0.0:9090\"#address = \"127.0.0.1:$GRPC_PORT\"#" \
    "$HOME_DIR/config/app.toml"
  echo 0 >"$HOME_DIR/clock-offset-secs"
  TRELLIS_WASMD_CLOCK="$HOME_DIR/clock-offset-secs" nohup "$BIN" --home "$HOME_DIR" start >"$HOME_DIR/wasmd.log" 2>&1 &
  echo $! >"$HOME_DIR/wasmd.pid"
  wait_height
  echo "export TRELLIS_WASMD_BIN=$BIN"
  echo "export TRELLIS_WASMD_HOME=$HOME_DIR"
  echo "export TRELLIS_WASMD_RPC=http://127.0.0.1:$RPC_PORT"
  echo "export TRELLIS_WASMD_GRPC=http://127.0.0.1:$GRPC_PORT"
  echo "export TRELLIS_WASMD_CHAIN_ID=$CHAIN_ID"
  echo "export TRELLIS_WASMD_CLOCK=$HOME_DIR/clock-offset-secs"
  echo "export TRELLIS_WASMD_MNEMONIC='$mnemonic'"
}

stop_node() {
  if [ -f "$HOME_DIR/wasmd.pid" ]; then
    kill "$(cat "$HOME_DIR/wasmd.pid")" 2>/dev/null || true
    sleep 0.5
  fi
}

# Stores each artifact from the `trellis` account and prints the SDK's gas_used: the first
# figures measured on the real chain application.
smoke() {
  local wasm out hash
  for wasm in artifacts/*.wasm; do
    out="$(wasmd tx wasm store "$wasm" --from trellis --keyring-backend test --chain-id "$CHAIN_ID" \
      --node "http://127.0.0.1:$RPC_PORT" --gas 40000000 -y -o json)"
    hash="$(echo "$out" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["code"] == 0, d; print(d["txhash"])')"
    for _ in $(seq 100); do
      if out="$(wasmd q tx "$hash" --node "http://127.0.0.1:$RPC_PORT" -o json 2>/dev/null)"; then break; fi
      sleep 0.1
    done
    echo "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["code"] == 0, d["raw_log"]
code_id = [a["value"] for e in d["events"] if e["type"] == "store_code" for a in e["attributes"] if a["key"] == "code_id"][0]
print("%-36s code_id %-3s gas_used %s" % (sys.argv[1], code_id, d["gas_used"]))' "$(basename "$wasm")"
  done
}

case "${1:-}" in
  build) build ;;
  start) start ;;
  smoke) smoke ;;
  stop) stop_node; rm -rf "$HOME_DIR" ;;
  *) echo "usage: scripts/wasmd.sh build|start|smoke|stop" >&2; exit 2 ;;
esac
