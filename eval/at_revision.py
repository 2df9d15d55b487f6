"""Run a piece of the engine as it was at another revision, for a baseline in the same run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def run_at(revision: str, code: str, payload: Any) -> Any:
    """``code`` run in a separate process on a git worktree of ``revision``: it reads
    ``payload`` as JSON on stdin and prints its answer as JSON on its last line."""
    folder = Path(subprocess.check_output(["mktemp", "-d"], text=True).strip()) / "tree"
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(folder), revision],
        check=True,
    )
    try:
        result = subprocess.run(
            [sys.executable, "-c", f"import sys\nsys.path.insert(0, {str(folder)!r})\n{code}"],
            input=json.dumps(payload),
            capture_output=True,
            text=True,
            check=True,
        )
        return json.loads(result.stdout.strip().splitlines()[-1])
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(folder)])


def classify_at(revision: str, texts: list[str]) -> tuple[list[str], list[str]]:
    """(kinds, competencies) of ``texts`` as the question classifier at ``revision`` gave
    them; the engine's older layout is found too."""
    code = (
        "import json\n"
        "try:\n"
        "    from secondround.engine.questions.classify import classify_question\n"
        "except ImportError:  # before the engine was split into stage packages\n"
        "    from secondround.engine.classify import classify_question\n"
        "out=[classify_question(t) for t in json.load(sys.stdin)]\n"
        "print(json.dumps([[c.kind, c.competency] for c in out]))\n"
    )
    pairs = run_at(revision, code, texts)
    return [p[0] for p in pairs], [p[1] for p in pairs]
