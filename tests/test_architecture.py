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


NETWORK_MODULES = {"httpx", "requests", "urllib3", "aiohttp", "openai", "socket", "http"}


def test_the_engine_never_talks_to_a_server():
    """The language model is reached through the assistant app only (issue 18): no engine
    module imports an HTTP client, a socket or urllib's opener."""
    import ast
    from pathlib import Path

    found = []
    for path in Path(secondround.engine.__path__[0]).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            else:
                continue
            for name in names:
                if name.split(".")[0] in NETWORK_MODULES or name == "urllib.request":
                    found.append(f"{path.name}: {name}")
    assert found == []
