"""The protected-ground reader (illegal_questions) on questions its patterns were not written
from, beside the reader of a git revision (today's code), in the same run.

    .venv/bin/python eval/illegal_reader.py [--baseline REV]

The rules are hand-written, so leave-one-source-out means nothing for them; instead the rows
added to eval/questions_corpus after the reader was written (qc-0509 onwards: 94 + 14 public
sources) are dealt by source into a dev half (misses read, patterns changed) and a test half
(never read: its figure is the honest one). `classifier_*` figures score the whole
classifier's kind (the reader, the learned illegal model, the kind model) on the same halves.
`normal_called_illegal` counts the labelled legal
questions of every set (our library, the rubric, the occupations set, the corpus) that the
reader calls illegal: the precision guard, since a legal question called illegal tells the
user to refuse it.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

from at_revision import classify_at, run_at  # noqa: E402
from question_sets import labelled_questions  # noqa: E402

FIRST_NEW = 509  # qc-0509 onwards were not read when the reader was written
DEFAULT_BASELINE = "28c90fe"


def half(source: str) -> str:
    """'dev' or 'test', fixed by the source address (every question of a page together)."""
    return "dev" if hashlib.sha256(source.encode()).digest()[0] % 2 == 0 else "test"


def groups(rows: list[dict]) -> dict[str, list[int]]:
    new = [
        i
        for i, r in enumerate(rows)
        if r["set"] == "corpus" and int(str(r.get("id") or "qc-0").split("-")[-1]) >= FIRST_NEW
    ]
    return {
        "new_dev": [i for i in new if half(rows[i]["source"]) == "dev"],
        "new_test": [i for i in new if half(rows[i]["source"]) == "test"],
        "written_from": [i for i in range(len(rows)) if i not in set(new)],
    }


def report(name: str, rows: list[dict], flags: list[bool], members: list[int]) -> None:
    truly = [rows[i]["kind"] == "illegal" for i in members]
    said = [flags[i] for i in members]
    caught = sum(a and b for a, b in zip(truly, said, strict=True))
    look = [i for i in members if (rows[i].get("note") or "").startswith("LEGAL look-alike")]
    print(f"FIGURE illegal_reader_{name}_illegal {sum(truly)} questions")
    print(f"FIGURE illegal_reader_{name}_recall {caught / max(1, sum(truly)):.3f} ratio")
    print(f"FIGURE illegal_reader_{name}_precision {caught / max(1, sum(said)):.3f} ratio")
    if look:
        kept = sum(not flags[i] for i in look) / len(look)
        print(f"FIGURE illegal_reader_{name}_lookalike_kept {kept:.3f} ratio ({len(look)})")
    wrong = sum(s and not t for s, t in zip(said, truly, strict=True))
    print(f"FIGURE illegal_reader_{name}_normal_called_illegal {wrong} questions")


def baseline_flags(revision: str, texts: list[str]) -> list[bool]:
    """The reader at `revision`, from a git worktree in a separate process."""
    code = (
        "import json\n"
        "from secondround.engine.questions.illegal_questions import reading\n"
        "print(json.dumps([reading(t).illegal for t in json.load(sys.stdin)]))\n"
    )
    return [bool(x) for x in run_at(revision, code, texts)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", default=DEFAULT_BASELINE)
    parser.add_argument("--misses", choices=["dev"], help="print the dev half's errors")
    args = parser.parse_args()
    from secondround.engine.questions.illegal_questions import reading

    rows = labelled_questions()
    texts = [r["text"] for r in rows]
    flags = [reading(t).illegal for t in texts]
    parts = groups(rows)
    for name, members in parts.items():
        report(name, rows, flags, members)
    # The whole classifier (reader, learned illegal model, kind model) on the two new halves:
    # the learned illegal model never trained on the test half (scripts/train_illegal_model.py).
    from secondround.engine.questions.classify import classify_question

    new = sorted({*parts["new_dev"], *parts["new_test"]})
    said = {i: classify_question(texts[i]).kind == "illegal" for i in new}
    kinds = [said.get(i, False) for i in range(len(texts))]
    for name in ("new_dev", "new_test"):
        report(f"classifier_{name}", rows, kinds, parts[name])
    if args.baseline:
        base = baseline_flags(args.baseline, texts)
        for name, members in parts.items():
            report(f"baseline_{name}", rows, base, members)
        base_kinds, _ = classify_at(args.baseline, [texts[i] for i in new])
        said = {i: k == "illegal" for i, k in zip(new, base_kinds, strict=True)}
        kinds = [said.get(i, False) for i in range(len(texts))]
        for name in ("new_dev", "new_test"):
            report(f"baseline_classifier_{name}", rows, kinds, parts[name])
    if args.misses:
        for i in parts["new_dev"]:
            if flags[i] != (rows[i]["kind"] == "illegal"):
                print(f"  {rows[i]['kind']:>15} <- {flags[i]}: {rows[i]['text']}", file=sys.stderr)
    for i in parts["written_from"]:
        if flags[i] and rows[i]["kind"] != "illegal":
            print(f"  normal called illegal: {rows[i]['text']}", file=sys.stderr)


if __name__ == "__main__":
    main()
