#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL cluster for load runs, on 127.0.0.1:5499, from the installed binaries.
#   bench/postgres.sh start   -> prints the connection string of a fresh empty database "bench"
#   bench/postgres.sh stop
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
dir=/tmp/shortbreaks-bench-pg
port=5499
as_postgres() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-start}" in
  start)
    if [[ ! -d $dir/data ]]; then
      mkdir -p "$dir"
      [[ $(id -u) -eq 0 ]] && chown postgres "$dir"
      as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust >/dev/null
    fi
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c max_connections=200" start >/dev/null
    as_postgres "$bin/psql" -h 127.0.0.1 -p $port -U postgres -qc "DROP DATABASE IF EXISTS bench" -c "CREATE DATABASE bench" >/dev/null
    echo "Host=127.0.0.1;Port=$port;Database=bench;Username=postgres;Maximum Pool Size=100"
    ;;
  stop)
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null
    rm -rf "$dir"
    ;;
esac
