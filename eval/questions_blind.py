"""The shipped question classifier on the blind set nobody tuned on (eval/blind/questions),
beside the classifier as it was before issue 14's work (git revision, same run).

    .venv/bin/python eval/questions_blind.py [--baseline REV]

Kind is right when it is the labelled kind or the labelled second kind; competency
("lenient") when it is the labelled competency or one of its defensible alternatives.
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

BLIND = ROOT / "eval" / "blind" / "questions" / "questions.jsonl"
DEFAULT_BASELINE = "4faaf90"


def figures(name: str, rows: list[dict], kinds: list[str], competencies: list[str]) -> None:
    n = len(rows)
    kind_right = sum(k in (r["kind"], r.get("kind_alt")) for r, k in zip(rows, kinds, strict=True))
    lenient = sum(
        c == r["competency"] or c in r.get("alt", ())
        for r, c in zip(rows, competencies, strict=True)
    )
    illegal = [k == "illegal" for k in kinds]
    truly = [r["kind"] == "illegal" for r in rows]
    caught = sum(a and b for a, b in zip(illegal, truly, strict=True))
    print(f"FIGURE questions_blind_{name}kind {kind_right / n:.3f} ratio")
    print(f"FIGURE questions_blind_{name}competency_lenient {lenient / n:.3f} ratio")
    print(f"FIGURE questions_blind_{name}illegal_recall {caught / max(1, sum(truly)):.3f} ratio")
    print(
        f"FIGURE questions_blind_{name}illegal_precision {caught / max(1, sum(illegal)):.3f} ratio"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", default=DEFAULT_BASELINE)
    args = parser.parse_args()
    from secondround.engine.questions.classify import classify_question

    rows = [json.loads(line) for line in BLIND.read_text().splitlines() if line.strip()]
    texts = [row["question"] for row in rows]
    found = [classify_question(text) for text in texts]
    print(f"FIGURE questions_blind_count {len(rows)} questions")
    figures("", rows, [c.kind for c in found], [c.competency for c in found])
    if args.baseline:
        kinds, competencies = classify_at(args.baseline, texts)
        figures("baseline_", rows, kinds, competencies)


if __name__ == "__main__":
    main()
