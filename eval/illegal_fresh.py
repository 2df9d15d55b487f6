"""The protected-ground reader and the full classifier on eval/illegal_questions/fresh.txt: 114
illegal questions and lawful look-alikes from 45 public pages no other set quotes (US states,
Canadian provinces, the UK, Ireland, Australia, New Zealand, Singapore, India; law-firm pages,
guidance, candidates' accounts), written and scored on main d72f036 before any change, beside the
code of a git revision, in the same run.

    .venv/bin/python eval/illegal_fresh.py [--baseline REV]

Only aggregates are printed: the set is a test set, its misses are not to be read while tuning.
`lookalike_kept` is the share of lawful questions not called illegal. Each figure is printed for
the reader (`illegal_questions.reading`) and for the classifier's kind (`classify_question`).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from at_revision import run_at  # noqa: E402
from illegal_sources import CODE, flags_now, load, report  # noqa: E402

FRESH = ROOT / "eval" / "illegal_questions" / "fresh.txt"
DEFAULT_BASELINE = "d72f036"  # main when fresh.txt was written and first scored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="'' for none")
    args = parser.parse_args()
    rows = load(FRESH)
    texts = [r["text"] for r in rows]
    runs = {"": flags_now(texts)}
    if args.baseline:
        runs["baseline_"] = [[bool(a), bool(b)] for a, b in run_at(args.baseline, CODE, texts)]
    print(f"FIGURE illegal_fresh_sources {len({r['source'] for r in rows})} sources")
    for prefix, flags in runs.items():
        for which, column in (("reader", 0), ("kind", 1)):
            report(f"fresh_{prefix}{which}", rows, [f[column] for f in flags])


if __name__ == "__main__":
    main()
