"""The data home is the user's alone: folders 0700, the database, its WAL and recordings 0600."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from secondround.practice.models import Attempt, PracticeSession

SECONDROUND = Path(sys.executable).with_name("secondround")

# Run by `secondround manage shell` in a new home: the database is made in this process
# and still open, so -wal and -shm exist.
MODES_WITH_THE_DATABASE_OPEN = """
import json, os, stat
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
call_command("migrate", verbosity=0)
get_user_model().objects.create_user("alice", password="correct horse battery")
home = settings.SECONDROUND_HOME
names = ["", "secret_key"] + ["secondround.sqlite3" + s for s in ("", "-wal", "-shm")]
print(json.dumps({n: oct(stat.S_IMODE(os.stat(home / n).st_mode)) for n in names}))
"""


def _mode(path: Path) -> str:
    return oct(stat.S_IMODE(path.stat().st_mode))


def _environment(home: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home.parent),
        "SECONDROUND_HOME": str(home),
    }


def test_a_new_install_keeps_the_database_and_its_wal_to_the_user(tmp_path):
    home = tmp_path / "secondround"
    env = _environment(home)
    previous = os.umask(0o022)  # a usual umask: the command's own must win
    try:
        shell = subprocess.run(
            [SECONDROUND, "manage", "shell", "-c", MODES_WITH_THE_DATABASE_OPEN],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        os.umask(previous)
    modes = json.loads(shell.stdout.strip().splitlines()[-1])
    assert modes == {
        "": "0o700",
        "secret_key": "0o600",
        "secondround.sqlite3": "0o600",
        "secondround.sqlite3-wal": "0o600",
        "secondround.sqlite3-shm": "0o600",
    }


def test_an_existing_install_is_tightened_when_it_starts(tmp_path):
    home = tmp_path / "secondround"
    recording = home / "media" / "practice" / "1" / "2" / "3-answer.webm"
    recording.parent.mkdir(parents=True)
    loose_files = ["secret_key", *(f"secondround.sqlite3{s}" for s in ("", "-wal", "-shm"))]
    for name in loose_files:
        (home / name).write_bytes(b"")
    recording.write_bytes(b"webm")
    model = home / "models" / "whisper-base" / "config.json"  # shipped, nothing private
    model.parent.mkdir(parents=True)
    model.write_text("{}")
    for path in [home, *home.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)

    subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env={**_environment(home), "DJANGO_SETTINGS_MODULE": "secondround.settings"},
        check=True,
    )

    assert _mode(home) == "0o700"
    assert {name: _mode(home / name) for name in loose_files} == dict.fromkeys(loose_files, "0o600")
    assert _mode(recording) == "0o600"
    media_folders = [f for f in recording.parents if f.is_relative_to(home / "media")]
    assert {_mode(folder) for folder in media_folders} == {"0o700"}
    assert _mode(model) == "0o644"


@pytest.mark.django_db
def test_an_uploaded_recording_is_saved_for_the_user_only(
    alice_client, alice_round, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    alice_client.post(reverse("practice_start", args=[alice_round.pk]))
    session = PracticeSession.objects.get(round=alice_round)
    start = alice_client.post(reverse("recording_start", args=[session.pk])).json()
    previous = os.umask(0o022)  # the storage's modes, not the process's umask, decide
    try:
        reply = alice_client.post(
            start["piece"], b"RIFF" + bytes(60), content_type="application/octet-stream"
        )
    finally:
        os.umask(previous)
    assert reply.status_code == 200
    recording = Path(Attempt.objects.get(session=session).audio.path)
    assert _mode(recording) == "0o600"
    folders = [f for f in recording.parents if f.is_relative_to(settings.MEDIA_ROOT)]
    assert {_mode(folder) for folder in folders} == {"0o700"}
