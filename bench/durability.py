"""Writes the server acknowledged are still there after it is killed with SIGKILL.

    python bench/durability.py [--cycles 3] [--writers 3] [--seconds 2]

Starts the real server (`secondround serve`) on a free port of 127.0.0.1 with a fresh
SECONDROUND_HOME (SQLite in WAL mode, as a laptop has it), logs in as the demo candidate
and has a few clients add opportunities and stories as fast as the server answers.
A write counts as acknowledged when its POST got the redirect that follows a save.
Mid-stream the server gets `kill -9`; it is started again and the writing goes on, for
several cycles. At the end every acknowledged write is looked for in the database and
`PRAGMA integrity_check` must say ok. Prints FIGURE lines.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SERVER = ROOT / ".venv" / "bin" / "secondround"
HOST = "127.0.0.1"
STARTUP_SECONDS = 120
MAX_WRITES_PER_CYCLE = 2_000  # per writer: a bound even on a very fast machine
DEMO_LOGIN = {"username": "demo", "password": "second-round-demo"}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _environment(home: Path) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "SECONDROUND_"))
    }
    env["SECONDROUND_HOME"] = str(home)
    return env


def _start(home: Path, port: int, log) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(SERVER), "serve", "--host", HOST, "--port", str(port)],
        env=_environment(home),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(
                f"the server stopped at start (exit {server.returncode}); see {log.name}"
            )
        try:
            httpx.get(f"http://{HOST}:{port}/account/login/", timeout=2, trust_env=False)
            return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"the server did not answer within {STARTUP_SECONDS} s; see {log.name}")


def _logged_in(port: int) -> httpx.Client:
    client = httpx.Client(base_url=f"http://{HOST}:{port}", timeout=10, trust_env=False)
    client.get("/account/login/")
    response = client.post(
        "/account/login/", data=DEMO_LOGIN | {"csrfmiddlewaretoken": client.cookies["csrftoken"]}
    )
    if response.status_code != 302:
        raise SystemExit(f"could not log in as the demo candidate ({response.status_code})")
    return client


def _write(client: httpx.Client, kind: str, name: str) -> bool:
    token = {"csrfmiddlewaretoken": client.cookies["csrftoken"]}
    if kind == "opportunity":
        data = {"company": name, "role_title": "Analyst", "status": "applied"}
        response = client.post("/opportunities/new/", data=data | token)
    else:
        data = {
            "title": name,
            "situation": "Our returns ran empty.",
            "task": "I had to cut cost.",
            "action": "I merged three lanes.",
            "result": "Cost per mile fell 11%.",
            "competencies": "problem_solving",
        }
        response = client.post("/stories/new/", data=data | token)
    return response.status_code == 302


class Writer(threading.Thread):
    """Adds opportunities and stories until the server goes away; keeps what was acknowledged."""

    def __init__(self, port: int, label: str) -> None:
        super().__init__(daemon=True)
        self.client = _logged_in(port)
        self.label = label
        self.acknowledged: list[tuple[str, str]] = []
        self.refused = 0
        self.cut_off = False  # the kill came while it was writing

    def run(self) -> None:
        for number in range(MAX_WRITES_PER_CYCLE):
            kind = "opportunity" if number % 2 == 0 else "story"
            name = f"durability {self.label} {number}"
            try:
                if _write(self.client, kind, name):
                    self.acknowledged.append((kind, name))
                else:
                    self.refused += 1
            except httpx.TransportError:
                self.cut_off = True  # the server was killed: this write was never acknowledged
                return


def _missing(database: Path, acknowledged: list[tuple[str, str]]) -> tuple[list, bool]:
    with sqlite3.connect(database) as connection:
        integrity = connection.execute("PRAGMA integrity_check").fetchall()
        companies = {
            row[0] for row in connection.execute("SELECT company FROM opportunities_opportunity")
        }
        titles = {row[0] for row in connection.execute("SELECT title FROM stories_story")}
    found = {"opportunity": companies, "story": titles}
    missing = [(kind, name) for kind, name in acknowledged if name not in found[kind]]
    return missing, integrity == [("ok",)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=3, help="kill -9 this many times")
    parser.add_argument("--writers", type=int, default=3, help="clients writing at once")
    parser.add_argument("--seconds", type=float, default=2.0, help="writing before each kill")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="secondround-durability-"))
    log = (home / "server.log").open("w")
    subprocess.run([str(SERVER), "demo"], env=_environment(home), check=True, stdout=log)
    port = _free_port()
    acknowledged: list[tuple[str, str]] = []
    refused = 0
    cut_off = 0
    chance = random.Random(13)
    try:
        for cycle in range(args.cycles):
            server = _start(home, port, log)
            writers = [Writer(port, f"c{cycle} w{n}") for n in range(args.writers)]
            for writer in writers:
                writer.start()
            # Kill at a moment that varies, so some writes are caught half-way.
            time.sleep(args.seconds * (0.5 + chance.random()))
            server.kill()  # SIGKILL: no chance to flush or close anything
            server.wait()
            for writer in writers:
                writer.join(timeout=15)
                acknowledged += writer.acknowledged
                refused += writer.refused
                cut_off += writer.cut_off
        # Start once more, as a user would, then stop it the same way before reading.
        server = _start(home, port, log)
        server.kill()
        server.wait()
        missing, integrity_ok = _missing(home / "secondround.sqlite3", acknowledged)
    finally:
        log.close()
    print(f"FIGURE durability_kill_cycles {args.cycles} count")
    print(f"FIGURE durability_writers_cut_off_mid_write {cut_off} count")
    print(f"FIGURE durability_writes_acknowledged {len(acknowledged)} count")
    print(f"FIGURE durability_writes_lost {len(missing)} count")
    print(f"FIGURE durability_integrity_ok {int(integrity_ok)} bool")
    if refused:
        print(f"# {refused} writes were answered without a save (not counted)", file=sys.stderr)
    if missing or not integrity_ok:
        # The figures say it; the data stays for a look, and the other benchmarks still run.
        print(f"# lost: {missing[:10]}; data kept in {home}", file=sys.stderr)
        return
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
