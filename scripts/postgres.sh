#!/usr/bin/env bash
# A throwaway PostgreSQL on loopback, for the indexer's tests, CI and the bench.
#
#   eval "$(bash scripts/postgres.sh start)"   # installs it if missing, starts it, prints
#                                              # `export TRELLIS_TEST_POSTGRES=postgres://…`
#   bash scripts/postgres.sh stop
#
# Data lives in a temporary directory removed by `stop`. Port: $TRELLIS_PG_PORT (55432).
set -euo pipefail
PORT="${TRELLIS_PG_PORT:-55432}"
DATA="${TRELLIS_PG_DATA:-/tmp/trellis-pg-$PORT}"

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return; }
  done
}

# initdb and postgres refuse to run as root: run them as the `postgres` account then.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    BIN="$(find_bin || true)"
    if [ -z "$BIN" ]; then
      echo "installing PostgreSQL from Debian's packages" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -q >&2
      apt-get install -y -q postgresql >&2
      BIN="$(find_bin)"
    fi
    if ! as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      rm -rf "$DATA"
      mkdir -p "$DATA"
      [ "$(id -u)" = 0 ] && chown postgres: "$DATA"
      as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
      as_pg "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
        -o "-p $PORT -k $DATA -c listen_addresses=127.0.0.1" start >&2
    fi
    echo "export TRELLIS_TEST_POSTGRES=postgres://postgres@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    BIN="$(find_bin || true)"
    if [ -n "$BIN" ] && [ -d "$DATA" ]; then
      as_pg "$BIN/pg_ctl" -D "$DATA" -m fast stop >&2 || true
    fi
    rm -rf "$DATA"
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
