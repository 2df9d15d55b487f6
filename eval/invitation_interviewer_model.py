"""The learned interviewer decision beside the rules, in one run, on sets it did not learn from.

    .venv/bin/python eval/invitation_interviewer_model.py

secondround/engine/reading/invitation_interviewers.py holds a logistic regression over
what the reader saw around each named person (the rules' verdict is one of its inputs).
It learns from the development material (eval/invitations_corpus, invitations_fresh's dev
sources, invitations_fresh3, invitations_dev6, invitations_styles). This script scores:
- the corpus, each source read with a model fitted without that source (leave one source
  out), split dev/test as eval/invitations.py does;
- the untouched sets (fresh4, fresh5, fresh6) and the blind set with the model fitted on
  all development material: scored only, nothing about their rows is printed;
and the same sets with the rules alone, plus how many expected people the reader weighed
at all (a person never weighed cannot be found by any decision).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import invitation_sets as sets  # noqa: E402
import invitations as ev  # noqa: E402

from secondround.engine.reading import invitation_interviewers as interviewers  # noqa: E402

UNTOUCHED = ("fresh4", "fresh5", "fresh6", "blind")


def items_of(set_name: str) -> list[sets.Item]:
    folder, pattern = ev.SETS[set_name]
    items = []
    for path in sorted(folder.glob(pattern)):
        expected = json.loads(path.read_text(encoding="utf-8"))
        items.append(sets.Item(path, sets.item_source(path), expected))
    return items


def rows_right(items: list[sets.Item], engine: dict, model=None) -> tuple[int, int]:  # type: ignore[no-untyped-def,type-arg]
    right = counted = 0
    for item in items:
        with sets.rules_only(), interviewers.using_model(model or interviewers.RULES_ONLY):
            found = ev.parse_item(engine, item.path, item.expected)
        score = ev.score_item(item.path, item.expected, found)
        right += score.rows_right
        counted += score.rows_counted
    return right, counted


def weighed(items: list[sets.Item]) -> tuple[int, int]:
    """Expected people the roster stage weighed at all, and expected people."""
    hit = total = 0
    for item in items:
        names = {sets.bare_name(name) for name, _, _ in item.people}
        for row in item.expected["roster"]:
            total += 1
            hit += sets.bare_name(row["name"]) in names
    return hit, total


def figure(name: str, value: float) -> None:
    print(f"FIGURE invitation_interviewer_{name} {value:.3f} ratio")


def main() -> None:
    engine = ev.load_engine(None)
    training = sets.interviewer_training_items()  # the corpus items come first
    corpus = training[: len(sets.training_items())]
    sets.record_rows(training)
    by_split: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    by_source = defaultdict(list)
    for item in corpus:
        by_source[item.source_id].append(item)
    for source, items in by_source.items():
        others = [item for item in training if item.source_id != source]
        model = sets.interviewer_model(others)
        split = ev.split_of(source)
        rule = rows_right(items, engine)
        learned = rows_right(items, engine, model)
        totals = by_split[split]
        totals[0] += rule[0]
        totals[1] += rule[1]
        totals[2] += learned[0]
        totals[3] += learned[1]
    for split, (r, rc, m, mc) in sorted(by_split.items()):
        figure(f"corpus_{split}_rules_rows_right", ev.ratio(r, rc))
        figure(f"corpus_{split}_loso_model_rows_right", ev.ratio(m, mc))
    model = sets.interviewer_model(training)
    for name in UNTOUCHED:
        items = items_of(name)
        if not items:
            continue
        sets.record_rows(items)
        hit, total = weighed(items)
        rule = rows_right(items, engine)
        learned = rows_right(items, engine, model)
        figure(f"{name}_expected_people_weighed", ev.ratio(hit, total))
        figure(f"{name}_rules_rows_right", ev.ratio(*rule))
        figure(f"{name}_model_rows_right", ev.ratio(*learned))


if __name__ == "__main__":
    main()
