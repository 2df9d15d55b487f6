"""The shipped question classifier on fresh test sets (eval/questions_fresh3,
eval/questions_fresh4 and eval/questions_fresh5: public pages no other set quotes, labelled
before any code was changed; fresh3 has since been declared a development set), beside the
classifier of a git revision (today's code when questions_fresh4 was made), in the same run.

    .venv/bin/python eval/questions_fresh.py [--baseline REV]

Only aggregate figures are printed: the set's misses are not to be read while tuning.
Kind is right when it is the labelled kind or the second kind; competency ("lenient") when it
is the labelled competency or one of its alternatives; `lookalike_kept` is the share of the
lawful look-alikes (note "LEGAL look-alike") not called illegal.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from at_revision import classify_at  # noqa: E402

SETS = {
    "fresh3": ROOT / "eval" / "questions_fresh3" / "questions.jsonl",
    "fresh4": ROOT / "eval" / "questions_fresh4" / "questions.jsonl",
    "fresh5": ROOT / "eval" / "questions_fresh5" / "questions.jsonl",
}
# The code when questions_fresh4 was labelled (questions_fresh3 was labelled at 9b85544).
DEFAULT_BASELINE = "29d2981"


def figures(name: str, rows: list[dict], kinds: list[str], competencies: list[str]) -> None:
    n = len(rows)
    pairs = list(zip(rows, kinds, competencies, strict=True))
    kind_right = sum(k in (r["kind"], r.get("kind_alt")) for r, k, _ in pairs)
    lenient = sum(c == r["competency"] or c in r.get("alt", ()) for r, _, c in pairs)
    truly = [r["kind"] == "illegal" for r in rows]
    said = [k == "illegal" for k in kinds]
    caught = sum(a and b for a, b in zip(truly, said, strict=True))
    look = [k for r, k, _ in pairs if (r.get("note") or "").startswith("LEGAL look-alike")]
    print(f"FIGURE {name}_kind {kind_right / n:.3f} ratio")
    print(f"FIGURE {name}_competency_lenient {lenient / n:.3f} ratio")
    print(f"FIGURE {name}_illegal_recall {caught / max(1, sum(truly)):.3f} ratio")
    print(f"FIGURE {name}_illegal_precision {caught / max(1, sum(said)):.3f} ratio")
    if look:
        kept = sum(k != "illegal" for k in look) / len(look)
        print(f"FIGURE {name}_lookalike_kept {kept:.3f} ratio")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", default=DEFAULT_BASELINE, help="'' for none")
    args = parser.parse_args()
    from secondround.engine.questions.classify import classify_question

    for name, path in SETS.items():
        rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        texts = [row["question"] for row in rows]
        found = [classify_question(text) for text in texts]
        prefix = f"questions_{name}"
        print(f"FIGURE {prefix}_count {len(rows)} questions")
        print(f"FIGURE {prefix}_sources {len({r['source'] for r in rows})} sources")
        figures(prefix, rows, [c.kind for c in found], [c.competency for c in found])
        if args.baseline:
            kinds, competencies = classify_at(args.baseline, texts)
            figures(f"{prefix}_baseline", rows, kinds, competencies)


if __name__ == "__main__":
    main()
