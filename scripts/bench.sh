#!/usr/bin/env bash
# Every benchmark, printing `FIGURE name value unit` lines. The dashboard is timed on
# SQLite and, when the server binaries are installed, on a throw-away PostgreSQL too.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

"$BIN/python" bench/invitation_accuracy.py 2>/dev/null
"$BIN/python" bench/notes_accuracy.py 2>/dev/null
"$BIN/python" bench/answer_speed.py
"$BIN/python" bench/posting_speed.py
"$BIN/python" bench/bank_speed.py
SECONDROUND_HOME=$(mktemp -d) "$BIN/python" bench/answer_from_profile.py
SECONDROUND_HOME=$(mktemp -d) "$BIN/python" bench/dashboard.py
"$BIN/python" bench/story_matching_speed.py
"$BIN/python" bench/letters_speed.py
SECONDROUND_HOME=$(mktemp -d) "$BIN/python" bench/readiness.py
SECONDROUND_HOME=$(mktemp -d) "$BIN/python" bench/page_costs.py 2>/dev/null  # CPU and queries per page

"$BIN/python" bench/drafting_speed.py
"$BIN/python" bench/answer_analysis_speed.py
"$BIN/python" bench/speech.py  # about 7 minutes: synthesises answers and transcribes them
SECONDROUND_HOME=$(mktemp -d) "$BIN/python" bench/brief_and_letters_demo.py
# Robustness: every page of the demo crawled, every form fuzzed, kill -9 under writes.
SECONDROUND_HOME=$(mktemp -d) "$BIN/python" bench/export_round_trip.py
SECONDROUND_HOME=$(mktemp -d) "$BIN/python" bench/crawl.py
SECONDROUND_HOME=$(mktemp -d) "$BIN/python" bench/fuzz.py  # about 2 minutes
"$BIN/python" bench/durability.py  # its own SECONDROUND_HOME and server on 127.0.0.1

if ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  pgdata=$(mktemp -d /tmp/secondround-pg.XXXXXX)
  chmod 755 "$pgdata"
  trap 'scripts/test-postgres.sh stop "$pgdata"; rm -rf "$pgdata"' EXIT
  DATABASE_URL=$(scripts/test-postgres.sh start "$pgdata") SECONDROUND_HOME=$(mktemp -d) \
    "$BIN/python" bench/dashboard.py
fi
