"""Rules of the codebase that a reviewer would otherwise have to remember."""

import pkgutil
import subprocess
import sys

import secondround.engine


def test_engine_imports_nothing_from_django():
    modules = [
        info.name
        for info in pkgutil.walk_packages(secondround.engine.__path__, "secondround.engine.")
        if not info.ispkg
    ]
    assert len(modules) > 40, "the engine's modules, in every stage"
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in modules)
        + "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_sqlite_runs_in_wal_mode(tmp_path):
    code = (
        "import django, os; django.setup();"
        "from django.db import connection;"
        "cursor = connection.cursor(); cursor.execute('PRAGMA journal_mode');"
        "print(cursor.fetchone()[0])"
    )
    env = {
        "SECONDROUND_HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "secondround.settings",
        "PATH": "",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.strip() == "wal"
