"""The protected-ground reader and the full classifier on eval/illegal_questions: illegal and
improper interview questions from 50 public pages (guidance of the EEOC-era US, UK, Canada,
Australia, New Zealand, India; HR blogs; candidates' own accounts) and lawful look-alikes,
beside the code of a git revision (today's code before this set), in the same run.

    .venv/bin/python eval/illegal_sources.py [--baseline REV] [--misses dev]

The reader is hand-written, so a leave-one-source-out split cannot retrain it; the honest
figure is the `test` half: the sources are dealt by a hash of their address into dev (misses
read, reader changed) and test (misses never printed). `lookalike_kept` is the share of the
lawful questions not called illegal. Each figure is printed for the reader
(`illegal_questions.reading`) and for the classifier's kind (`classify_question`).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from at_revision import run_at  # noqa: E402

STAGE = ROOT / "eval" / "illegal_questions" / "stage.txt"
# Development-only training questions (scripts/train_illegal_model.py); never scored here.
DEV_MORE = ROOT / "eval" / "illegal_questions" / "dev_more.txt"
DEFAULT_BASELINE = "1957956"  # main when this set was written


def half(source: str) -> str:
    """'dev' or 'test', fixed by the source address (every question of a page together)."""
    return "dev" if hashlib.sha256(source.encode()).digest()[0] % 3 != 0 else "test"


def load(path: Path = STAGE) -> list[dict]:
    """Rows of stage.txt: text, illegal, ground (or lawful form), source, own_wording."""
    rows: list[dict] = []
    source = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("@ "):
            source = line[2:].strip()
            continue
        label, text = line.split("|", 1)
        mark, ground = label.split()
        text = text.strip()
        rows.append(
            {
                "text": text.removeprefix("~"),
                "illegal": mark == "I",
                "ground": ground,
                "source": source,
                "own_wording": text.startswith("~") or source.startswith("own:"),
            }
        )
    return rows


def report(name: str, rows: list[dict], flags: list[bool]) -> None:
    truly = [r["illegal"] for r in rows]
    caught = sum(a and b for a, b in zip(truly, flags, strict=True))
    lawful = [f for r, f in zip(rows, flags, strict=True) if not r["illegal"]]
    print(f"FIGURE illegal_sources_{name}_questions {len(rows)} questions ({sum(truly)} illegal)")
    print(f"FIGURE illegal_sources_{name}_recall {caught / max(1, sum(truly)):.3f} ratio")
    print(f"FIGURE illegal_sources_{name}_precision {caught / max(1, sum(flags)):.3f} ratio")
    kept = sum(not f for f in lawful) / max(1, len(lawful))
    print(f"FIGURE illegal_sources_{name}_lookalike_kept {kept:.3f} ratio")


CODE = (
    "import json\n"
    "from secondround.engine.questions.illegal_questions import reading\n"
    "from secondround.engine.questions.classify import classify_question\n"
    "texts = json.load(sys.stdin)\n"
    "print(json.dumps([[reading(t).illegal, classify_question(t).kind == 'illegal']"
    " for t in texts]))\n"
)


def flags_now(texts: list[str]) -> list[list[bool]]:
    from secondround.engine.questions.classify import classify_question
    from secondround.engine.questions.illegal_questions import reading

    return [[reading(t).illegal, classify_question(t).kind == "illegal"] for t in texts]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="'' for none")
    parser.add_argument("--misses", choices=["dev"], help="print the dev half's errors")
    args = parser.parse_args()
    rows = load()
    texts = [r["text"] for r in rows]
    runs = {"": flags_now(texts)}
    if args.baseline:
        runs["baseline_"] = [[bool(a), bool(b)] for a, b in run_at(args.baseline, CODE, texts)]
    for prefix, flags in runs.items():
        for which, column in (("reader", 0), ("kind", 1)):
            for part in ("dev", "test"):
                members = [i for i, r in enumerate(rows) if half(r["source"]) == part]
                report(
                    f"{prefix}{which}_{part}",
                    [rows[i] for i in members],
                    [flags[i][column] for i in members],
                )
    if args.misses:
        for r, (reader, kind) in zip(rows, runs[""], strict=True):
            if half(r["source"]) == "dev" and (reader != r["illegal"] or kind != r["illegal"]):
                tag = "ILLEGAL" if r["illegal"] else "lawful"
                print(
                    f"  {tag:>7} {r['ground']:<14} reader={reader!s:<5} kind={kind!s:<5}",
                    r["text"],
                    file=sys.stderr,
                )


if __name__ == "__main__":
    main()
