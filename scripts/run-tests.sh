#!/usr/bin/env bash
# The whole suite: everything on SQLite (browser tests included), then every
# database test again on a real PostgreSQL server started here and stopped after.
# Any non-zero pytest exit fails the run, including 5 ("no tests collected").
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

export SECONDROUND_HOME="$PWD/var/test"
mkdir -p "$SECONDROUND_HOME"

echo "== tests on SQLite"
"$BIN/pytest" -q

pgdata=$(mktemp -d /tmp/secondround-pg.XXXXXX)
chmod 755 "$pgdata"
trap 'scripts/test-postgres.sh stop "$pgdata"; rm -rf "$pgdata"' EXIT
DATABASE_URL=$(scripts/test-postgres.sh start "$pgdata")
export DATABASE_URL
echo "== database tests on PostgreSQL ($DATABASE_URL)"
"$BIN/pytest" -q -m "not browser" --ignore=tests/engine -p no:cacheprovider
