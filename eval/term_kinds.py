"""What kind of thing does the engine take each labelled term of the scenario packs for?

The slot figure of `slot_types.py` scores only the few terms that reach a slot (about
25 a split). This scores every hand-labelled term of the packs (`slot_labels.csv`: each
skill, glossary term and research name, labelled without looking at the engine), as the
question bank reads it (`bank_request(round).entities`, the same index the bank and the
questions to ask fill their slots from), so a class of mistake shows before it reaches a
slot.

    .venv/bin/python eval/term_kinds.py [--show] [--split fresh2]

FIGURE term_kind_agreement_<split>: labelled terms whose engine kind is the label's kind
(a `term` of no known kind counts as agreeing with any kind a slot may take: it is asked
about only in frames made for a bare term).
FIGURE term_kind_unsafe_<split>: share of labelled terms the engine would put in a slot
(its kind is one a slot takes) that are not a thing to ask about at all (a schedule, a
benefit or trait, a person, an organisation, a competitor): the worst slot mistakes.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

EVAL = Path(__file__).resolve().parent
REPO_ROOT = EVAL.parent
sys.path.insert(0, str(EVAL))
if str(REPO_ROOT) not in sys.path:
    sys.path.append(str(REPO_ROOT))

from scenario_drafts import DEV, FRESH, FRESH2, HELDOUT, TEST, _setup, pack_path, split_of  # noqa: E402

LABEL_FILES = (
    EVAL / "scenarios" / "slot_labels.csv",
    EVAL / "scenarios" / "slot_labels_more.csv",  # more dev labels (issue 15, helper slots)
    EVAL / "scenarios_heldout" / "slot_labels.csv",
    EVAL / "scenarios_fresh" / "slot_labels.csv",
    EVAL / "scenarios_fresh2" / "slot_labels.csv",
)
# Kinds that are never a topic to ask about, in any frame.
NEVER_ASKED = {"schedule", "not_a_skill", "person", "organisation", "competitor"}


def _labels() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for path in LABEL_FILES:
        if not path.exists():
            continue
        with path.open(encoding="utf-8") as stream:
            for row in csv.DictReader(stream):
                out.setdefault(row["pack"], {})[row["term"].strip()] = row["kind"].strip()
    return out


def _meanings(slugs: tuple[str, ...]) -> dict[tuple[str, str], str]:
    """(pack, folded term) -> the glossary meaning the user wrote."""
    out = {}
    for slug in slugs:
        document = json.loads(pack_path(slug).read_text(encoding="utf-8"))
        for opportunity in document.get("opportunities", []):
            for row in opportunity.get("glossary", []):
                out[(slug, row.get("term", "").casefold())] = row.get("meaning", "")
    return out


def pack_entities(slugs: tuple[str, ...]) -> dict[str, object]:
    """Each pack imported into a throw-away database: its latest round's entity index."""
    os.environ.setdefault("SECONDROUND_HOME", tempfile.mkdtemp(prefix="secondround-terms-"))
    _setup(tempfile.mkdtemp(prefix="secondround-terms-"))
    from django.contrib.auth import get_user_model

    from secondround.opportunities.models import Opportunity
    from secondround.portability.services import account_import, load_export
    from secondround.questions.selectors import bank_request

    out: dict[str, object] = {}
    for slug in slugs:
        path = pack_path(slug)
        owner = get_user_model().objects.create_user(slug, "", "scenario-pack-password")
        bundle = load_export(path.read_bytes())
        account_import(owner=owner, payload=bundle.payload, replace=False, files=bundle.files)
        for opportunity in Opportunity.objects.filter(owner=owner):
            last = opportunity.rounds.order_by("-number").first()
            if last is not None:
                out[slug] = bank_request(last).entities
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="print every disagreement")
    parser.add_argument("--split", action="append", help="only these splits")
    parser.add_argument("--dump", type=Path, help="write each labelled term with its context")
    args = parser.parse_args(argv)
    from secondround.engine.nlp.entities import SLOT_KINDS

    slugs = tuple(
        s
        for s in DEV + TEST + HELDOUT + FRESH + FRESH2
        if not args.split or split_of(s) in args.split
    )
    labels = _labels()
    indexes = pack_entities(slugs)
    meanings = _meanings(slugs)
    agree: dict[str, list[bool]] = {}
    unsafe: dict[str, list[bool]] = {}
    confusion: Counter[tuple[str, str]] = Counter()
    dumped = []
    for slug in slugs:
        index = indexes.get(slug)
        if index is None:
            continue
        split = split_of(slug)
        for term, label in labels.get(slug, {}).items():
            kind = str(index.kind(term))  # type: ignore[attr-defined]
            if args.dump:
                found = index.entities.get(" ".join(term.casefold().split()))  # type: ignore[attr-defined]
                dumped.append(
                    {
                        "pack": slug,
                        "split": split,
                        "term": term,
                        "label": label,
                        "engine": kind,
                        "source": found.source if found else "",
                        "meaning": meanings.get((slug, term.casefold()), ""),
                    }
                )
            ok = kind == label or (kind == "term" and label not in NEVER_ASKED)
            agree.setdefault(split, []).append(ok)
            slotted = kind in {str(k) for k in SLOT_KINDS}
            if slotted:
                unsafe.setdefault(split, []).append(label in NEVER_ASKED)
            if not ok:
                confusion[(label, kind)] += 1
                if args.show:
                    mark = "UNSAFE" if slotted and label in NEVER_ASKED else "wrong "
                    print(f"[{split}/{slug}] {mark} {term!r}: label {label}, engine {kind}")
    if args.dump:
        args.dump.write_text(
            "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in dumped), encoding="utf-8"
        )
    if args.show:
        for (label, kind), count in confusion.most_common():
            print(f"# {count:3d} labelled {label}, taken for {kind}")
    for split, oks in agree.items():
        print(f"FIGURE term_kind_agreement_{split} {sum(oks) / len(oks):.3f} share ({len(oks)})")
    for split, bad in unsafe.items():
        print(f"FIGURE term_kind_unsafe_{split} {sum(bad) / len(bad):.3f} share ({len(bad)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
