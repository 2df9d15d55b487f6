"""Many people at once, through the production server: p50/p95 per page and errors.

    python bench/load.py                          # PostgreSQL (DATABASE_URL, or a throw-away
                                                  #   server from scripts/test-postgres.sh),
                                                  #   50 users: 30 candidates, 15 coaches, 5 admins
    python bench/load.py --sqlite --users 10      # SQLite: counts "database is locked" too
    python bench/load.py --server gunicorn --workers 2 --threads 4   # several processes

Each simulated person logs in (argon2, as in production), then opens their pages one
after another with a think time of 1 s on average (0.5-1.5 s) until the time is up:
candidates their dashboard, round, question bank, a practice answer, a debrief, stories
and research; coaches what candidates shared with them, and a comment now and then;
admins their career centre's figures. The candidates are copies of the demo candidate
(export and import). The load client runs in this process, on the same machine.
Prints FIGURE lines: p50 and p95 per page, requests, errors, the server's CPU time per
request (from /proc: steadier than wall-clock times on a shared machine), and for SQLite
the "database is locked" lines in the server's log.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PASSWORD = "load-test-password-1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ---- the people and what they open ----------------------------------------------------


def seed(candidates: int, coaches: int, admins: int) -> dict[str, list]:
    """Make the accounts; returns, by role, (username, [(page name, method, url), …])."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secondround.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.utils import timezone

    from secondround.demo import load_demo
    from secondround.opportunities.models import Round
    from secondround.portability.services import account_export, account_import
    from secondround.practice.models import Attempt
    from secondround.sharing import organisations
    from secondround.sharing.models import Membership, Section, Share

    call_command("migrate", interactive=False, verbosity=0)
    users = get_user_model().objects
    now = timezone.now()
    demo, _ = load_demo(now=now)
    document = account_export(owner=demo, now=now)
    made: dict[str, list] = {"candidate": [], "coach": [], "admin": []}
    people = []
    for index in range(candidates):
        user = users.create_user(f"cand{index:02d}", password=PASSWORD, first_name=f"C{index}")
        account_import(owner=user, payload=document, replace=False)
        people.append(user)
    for user in people:
        second = Round.objects.filter(opportunity__owner=user, number=2).first()
        first = Round.objects.filter(opportunity=second.opportunity, number=1).first()
        attempt = Attempt.objects.filter(round__opportunity__owner=user).first()
        pages = [
            ("dashboard", "get", "/"),
            ("round", "get", f"/rounds/{second.pk}/"),
            ("bank", "get", f"/rounds/{second.pk}/questions/"),
            ("debrief", "get", f"/rounds/{first.pk}/debrief/"),
            ("stories", "get", "/stories/"),
            ("research", "get", f"/opportunities/{second.opportunity_id}/research/"),
        ]
        if attempt:
            pages.append(("answer", "get", f"/attempts/{attempt.pk}/"))
        made["candidate"].append((user.username, pages))
    every = {s.value: True for s in Section if s not in (Section.SALARY, Section.FIT)}
    for index in range(coaches):
        coach = users.create_user(f"coach{index:02d}", password=PASSWORD, first_name=f"K{index}")
        pages = [("coaching", "get", "/shared/")]
        for candidate in people[index * 2 : index * 2 + 2] or people[:1]:
            second = Round.objects.filter(opportunity__owner=candidate, number=2).first()
            first = Round.objects.filter(opportunity=second.opportunity, number=1).first()
            Share.objects.create(
                owner=candidate, opportunity=second.opportunity, grantee=coach, **every
            )
            attempt = Attempt.objects.filter(round__opportunity__owner=candidate).first()
            pages += [
                ("shared_opportunity", "get", f"/shared/opportunities/{second.opportunity_id}/"),
                ("shared_bank", "get", f"/shared/rounds/{second.pk}/questions/"),
                ("shared_debrief", "get", f"/shared/rounds/{first.pk}/debrief/"),
            ]
            if attempt:
                pages += [
                    ("shared_answer", "get", f"/shared/attempts/{attempt.pk}/"),
                    ("comment", "post", f"/shared/comments/attempt/{attempt.pk}/"),
                ]
        made["coach"].append((coach.username, pages))
    admin_users = [users.create_user(f"admin{index}", password=PASSWORD) for index in range(admins)]
    if admin_users:
        centre = organisations.organisation_create(name="Load Centre", admin=admin_users[0])
        for admin in admin_users[1:]:
            Membership.objects.create(organisation=centre, user=admin, role="admin")
        for user in people:
            Membership.objects.create(organisation=centre, user=user, role="student")
        for admin in admin_users:
            made["admin"].append(
                (
                    admin.username,
                    [
                        ("organisation", "get", f"/organisations/{centre.pk}/"),
                        ("coaching", "get", "/shared/"),
                    ],
                )
            )
    from django.db import connections

    connections.close_all()
    return made


# ---- the server ---------------------------------------------------------------------


def start_server(kind: str, port: int, workers: int, threads: int, log: Path):
    env = os.environ | {
        "SECONDROUND_ALLOWED_HOSTS": "127.0.0.1",
        "SECONDROUND_TASK_BACKEND": "database",
        "PYTHONPATH": str(ROOT),
    }
    if kind == "gunicorn":
        command = [
            str(BIN / "gunicorn"),
            "secondround.wsgi",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--bind",
            f"127.0.0.1:{port}",
            "--timeout",
            "120",
            # Longer than the think time plus a slow answer: the server does not close a
            # kept-alive connection just as the client sends its next request on it.
            "--keep-alive",
            "10",
        ]
    else:
        command = [
            str(BIN / "secondround"),
            "serve",
            "--no-worker",
            "--port",
            str(port),
            "--threads",
            str(threads),
        ]
    server = subprocess.Popen(
        command, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, cwd=ROOT
    )
    import requests

    for _ in range(240):
        try:
            if requests.get(f"http://127.0.0.1:{port}/account/login/", timeout=5).ok:
                return server
        except requests.RequestException:
            pass
        if server.poll() is not None:
            raise SystemExit(f"the server stopped: see {log}")
        time.sleep(0.5)
    server.terminate()
    raise SystemExit("the server did not answer in 120 s")


# ---- the simulated people ----------------------------------------------------------


class Results:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.examples: list[str] = []

    def add(self, page: str, seconds: float, ok: bool, detail: str = "") -> None:
        with self.lock:
            self.times[page].append(seconds * 1000)
            if not ok:
                self.errors[page] += 1
                if len(self.examples) < 10:
                    self.examples.append(f"{page}: {detail}")


def person(base: str, username: str, pages: list, deadline: float, results: Results) -> None:
    import requests

    session = requests.Session()
    time.sleep(random.uniform(0, 10))  # everyone arrives within the first ten seconds
    try:
        session.get(f"{base}/account/login/", timeout=60)
        started = time.perf_counter()
        response = session.post(
            f"{base}/account/login/",
            {
                "username": username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": session.cookies.get("csrftoken", ""),
            },
            allow_redirects=False,
            timeout=60,
        )
        ok = response.status_code == 302
        results.add("login", time.perf_counter() - started, ok, str(response.status_code))
        if not ok:
            return
    except requests.RequestException as error:
        results.add("login", 60, False, type(error).__name__)
        return
    turn = 0
    while time.time() < deadline:
        name, method, url = pages[turn % len(pages)]
        turn += 1
        if method == "post" and turn % 10:
            continue  # a comment now and then, not on every round of pages
        started = time.perf_counter()
        try:
            if method == "post":
                response = session.post(
                    base + url,
                    {
                        "text": "Lead with the result.",
                        "csrfmiddlewaretoken": session.cookies.get("csrftoken", ""),
                    },
                    allow_redirects=False,
                    timeout=60,
                )
                ok = response.status_code == 302
            else:
                response = session.get(base + url, timeout=60)
                ok = response.status_code == 200
            results.add(name, time.perf_counter() - started, ok, str(response.status_code))
        except requests.RequestException as error:
            results.add(name, time.perf_counter() - started, False, type(error).__name__)
        time.sleep(random.uniform(0.5, 1.5))


def warm_up(base: str, made: dict, rounds: int) -> None:
    """Each page a few times before the clock starts, so that every worker process has
    loaded the models once (the embeddings, the parser): a server pays that at its start,
    not on every request."""
    import requests

    for role in ("candidate", "coach", "admin"):
        if not made[role]:
            continue
        username, pages = made[role][0]
        session = requests.Session()
        session.get(f"{base}/account/login/", timeout=120)
        session.post(
            f"{base}/account/login/",
            {
                "username": username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": session.cookies.get("csrftoken", ""),
            },
            timeout=120,
        )
        for _ in range(rounds):
            for _, method, url in pages:
                if method == "get":
                    session.get(base + url, timeout=120)


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of the server and its running children (gunicorn's
    workers), from /proc: what a request costs, whatever else the shared machine runs."""
    pids = [pid]
    with contextlib.suppress(OSError):
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(child) for child in children]
    total = 0.0
    for each in pids:
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sqlite", action="store_true", help="SQLite instead of PostgreSQL")
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=120)
    # waitress (one process) measured better than two gunicorn workers on two shared cores.
    parser.add_argument("--server", choices=["gunicorn", "waitress"], default="waitress")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn processes")
    parser.add_argument("--threads", type=int, default=8, help="threads per process")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="secondround-load-"))
    os.environ["SECONDROUND_HOME"] = str(home)
    pgdata = None
    if args.sqlite:
        os.environ.pop("DATABASE_URL", None)
    elif not os.environ.get("DATABASE_URL"):
        pgdata = tempfile.mkdtemp(prefix="secondround-pg-")
        os.chmod(pgdata, 0o755)
        url = subprocess.run(
            [str(ROOT / "scripts" / "test-postgres.sh"), "start", pgdata],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        os.environ["DATABASE_URL"] = url
    database = "sqlite" if args.sqlite else "postgres"
    # 30 candidates, 15 coaches and 5 admins in 50; the same shares of any other number.
    candidates = max(1, round(args.users * 0.6))
    coaches = max(1, round(args.users * 0.3))
    admins = max(0, args.users - candidates - coaches)
    started = time.perf_counter()
    made = seed(candidates, coaches, admins)
    print(
        f"seeded {candidates} candidates, {coaches} coaches, {admins} admins "
        f"in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    port = _free_port()
    log = home / "server.log"
    server = start_server(args.server, port, args.workers, args.threads, log)
    warm_up(f"http://127.0.0.1:{port}", made, rounds=2 * args.workers)
    results = Results()
    cpu_before = cpu_seconds(server.pid)
    client_before = time.process_time()
    # The throw-away PostgreSQL's processes (its backends are the postmaster's children).
    postmaster = int(Path(pgdata, "postmaster.pid").read_text().split()[0]) if pgdata else None
    database_before = cpu_seconds(postmaster) if postmaster else 0.0
    deadline = time.time() + args.seconds
    threads = [
        threading.Thread(
            target=person,
            args=(f"http://127.0.0.1:{port}", username, pages, deadline, results),
            daemon=True,
        )
        for role in ("candidate", "coach", "admin")
        for username, pages in made[role]
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=args.seconds + 180)
    server_cpu = cpu_seconds(server.pid) - cpu_before
    client_cpu = time.process_time() - client_before
    database_cpu = cpu_seconds(postmaster) - database_before if postmaster else None
    server.terminate()
    server.wait(timeout=30)
    server_log = log.read_text(errors="replace")
    setup = f"{args.server}" + (
        f" {args.workers}x{args.threads}" if args.server == "gunicorn" else f" 1x{args.threads}"
    )
    print(
        f"# {database}, {len(threads)} users, {args.seconds} s, {setup}; "
        f"load average {os.getloadavg()[0]:.1f} (a shared machine)",
        file=sys.stderr,
    )
    total = 0
    for page in sorted(results.times):
        values = results.times[page]
        total += len(values)
        prefix = f"load_{database}_{len(threads)}users_{page}"
        print(f"FIGURE {prefix}_p50 {statistics.median(values):.0f} ms")
        print(f"FIGURE {prefix}_p95 {percentile(values, 0.95):.0f} ms")
    errors = sum(results.errors.values())
    print(f"FIGURE load_{database}_{len(threads)}users_requests {total} count")
    # Logins included (argon2, ~0.1 s each); the database server's own CPU is the next figure.
    per_request = 1000 * server_cpu / max(total, 1)
    print(f"FIGURE load_{database}_{len(threads)}users_server_cpu_per_request {per_request:.1f} ms")
    # The simulated people's own CPU (this process): it shares the machine with the server.
    client_per_request = 1000 * client_cpu / max(total, 1)
    print(
        f"FIGURE load_{database}_{len(threads)}users_client_cpu_per_request "
        f"{client_per_request:.1f} ms"
    )
    if database_cpu is not None:
        print(
            f"FIGURE load_{database}_{len(threads)}users_database_cpu_per_request "
            f"{1000 * database_cpu / max(total, 1):.1f} ms"
        )
    print(f"FIGURE load_{database}_{len(threads)}users_errors {errors} count")
    for example in results.examples:
        print(f"# error: {example}", file=sys.stderr)
    if errors:
        kept = Path(tempfile.gettempdir()) / f"secondround-load-{database}-server.log"
        shutil.copyfile(log, kept)
        print(f"# the server's log is kept in {kept}", file=sys.stderr)
    if args.sqlite:
        locked = len(re.findall(r"database is locked", server_log))
        print(f"FIGURE load_sqlite_{len(threads)}users_database_locked {locked} count")
    if pgdata:
        subprocess.run([str(ROOT / "scripts" / "test-postgres.sh"), "stop", pgdata], check=False)
        shutil.rmtree(pgdata, ignore_errors=True)
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
