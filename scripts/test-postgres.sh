#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for the test suite and print its DATABASE_URL.
#   scripts/test-postgres.sh start DIR   -> prints postgres://... on stdout
#   scripts/test-postgres.sh stop DIR
# The server runs as the 'postgres' system user when we are root (PostgreSQL refuses
# to run as root), on a free port on 127.0.0.1, with its data in DIR.
set -euo pipefail

action=${1:?start or stop}
dir=${2:?data directory}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bindir/pg_ctl" ] || { echo "PostgreSQL server binaries not found; run: apt-get install postgresql" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
start)
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  if [ ! -f "$dir/PG_VERSION" ]; then
    as_owner "$bindir/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_owner "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null
  as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres secondround
  echo "postgres://postgres@127.0.0.1:$port/secondround"
  ;;
stop)
  [ -f "$dir/postmaster.pid" ] && as_owner "$bindir/pg_ctl" -D "$dir" -m fast stop >/dev/null || true
  ;;
*)
  echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
