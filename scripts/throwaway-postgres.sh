#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL 15 cluster in a temp dir on a spare loopback port,
# owned by an unprivileged OS user (initdb refuses to run as root). Prints the DATABASE_URL.
#   scripts/throwaway-postgres.sh start DIR [PORT]   →  postgresql://steward:steward@127.0.0.1:PORT/steward
#   scripts/throwaway-postgres.sh stop DIR
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?directory}
port=${3:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
run_as() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "$cmd" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    run_as "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1
    run_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
    # The app's owner role: creates the schema; the app itself runs as steward_app (no BYPASSRLS, not owner).
    run_as "$bin/psql" -h "$dir" -p "$port" -U postgres -q -c "CREATE ROLE steward LOGIN PASSWORD 'steward' CREATEDB CREATEROLE" \
      -c "CREATE DATABASE steward OWNER steward" >/dev/null
    echo "postgresql://steward:steward@127.0.0.1:$port/steward"
    ;;
  stop)
    [ -d "$dir/data" ] && run_as "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2 ;;
esac
