"""The "No story covers this" decision on labelled rounds, beside today's.

Sets: eval/cover_corpus (21 rounds' story questions built by the question engine from
postings of 18 occupations, each labelled with the stories of that candidate that answer
it, or none), and the questions of eval/stories and eval/stories_corpus (written for their
stories). Every figure is **leave-one-occupation-out**: the story model (ranker) scoring an
occupation was trained without it, and so was the cover model, whose prior reads the
labelled questions of the other occupations only.

Methods:

* today — the ranker's best cover probability against its own threshold (the decision
  before the cover model), with the held-out ranker;
* today_shipped — the same with the shipped ranker, as the product decided (for the story
  sets, whose stories that ranker saw, it is in-sample);
* learned — the cover model (secondround/engine/stories/story_cover.py) trained on every other
  occupation's labelled questions (cover corpus and story sets).

Conditions: stories with their tags, and `_untagged` (no tags: the matcher then reads the
competencies it would suggest). Subsets of the cover corpus: `_likely` (the round's 20
likely questions, what the readiness count reads), `_library` (questions of the question
library, not typed follow-ups), `_wellformed` (without technical templates filled with a
non-skill such as "explain parents").

Metrics: covered_answerable (an answerable question reported covered), refused (an
unanswerable one reported "no story covers this") and their mean, cover_balanced.

    .venv/bin/python eval/story_cover.py
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: threads only contend
import statistics
import sys
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import cover_sets  # noqa: E402
import story_sets  # noqa: E402
from cover_sets import Unit  # noqa: E402

from secondround.engine.stories import (  # noqa: E402
    matching,
    story_cover,
    story_model,
    story_texts,
)

CONDITIONS = ("", "_untagged")


def _stories(unit: Unit, condition: str) -> list[story_texts.StoryText]:
    if condition == "_untagged":
        return [replace(s, competencies=()) for s in unit.stories]
    return list(unit.stories)


def _decisions(unit: Unit, condition: str, **kwargs: object) -> list[bool]:
    found = matching.match(_stories(unit, condition), unit.questions, top=1, **kwargs)  # type: ignore[arg-type]
    return [m.covered for m in found]


def _subsets(unit: Unit) -> dict[str, list[bool]]:
    count = len(unit.questions)
    out = {unit.set: [True] * count}
    if unit.set == "cover_corpus":
        out["cover_corpus_likely"] = unit.likely
        out["cover_corpus_library"] = unit.library
        out["cover_corpus_wellformed"] = [not m for m in unit.malformed]
    else:
        out[f"{unit.set}_test"] = [s == "test" for s in unit.splits]
    return out


def main() -> None:
    pool = story_sets.load()
    banks = cover_sets.load(pool)
    everyone = cover_sets.units(pool, banks)
    rankers = cover_sets.held_out_rankers(pool)
    shipped = story_model.load_model()
    if shipped is None:
        raise SystemExit("the shipped story model is unavailable")
    ranker = {u.name: rankers.get(u.group, shipped) for u in everyone}

    labelled = {
        (u.name, c): cover_sets.labelled_bank(u, ranker[u.name], untagged=c == "_untagged")
        for u in everyone
        for c in CONDITIONS
    }
    # (method, subset, condition) -> (answerable reported covered, unanswerable refused)
    scores: dict[tuple[str, str, str], tuple[list[float], list[float]]] = defaultdict(
        lambda: ([], [])
    )
    demo_uncovered: dict[str, int] = {}
    for group in sorted({u.group for u in everyone}):
        train = [labelled[(u.name, "")] for u in everyone if u.group != group]
        cover_model = story_cover.train_cover(train)
        for unit in (u for u in everyone if u.group == group):
            answerable = [bool(r) for r in unit.relevant]
            for condition in CONDITIONS:
                decided = {
                    "today": _decisions(unit, condition, model=ranker[unit.name]),
                    "today_shipped": _decisions(unit, condition, model=shipped),
                    "learned": _decisions(
                        unit, condition, model=ranker[unit.name], cover_model=cover_model
                    ),
                }
                for method, covered in decided.items():
                    for subset, mask in _subsets(unit).items():
                        kept, refused = scores[(method, subset, condition)]
                        for inside, ok, said in zip(mask, answerable, covered, strict=True):
                            if inside:
                                (kept if ok else refused).append(float(said if ok else not said))
                    if unit.name == "operations_analyst" and condition == "":
                        demo_uncovered[method] = sum(
                            1
                            for said, likely in zip(covered, unit.likely, strict=True)
                            if likely and not said
                        )

    for (method, subset, condition), (kept, refused) in sorted(scores.items()):
        if not kept or not refused:
            continue
        k, r = statistics.fmean(kept), statistics.fmean(refused)
        tag = f"{method}_{subset}{condition}"
        print(f"FIGURE story_cover_answerable_{tag} {k:.3f} ratio")
        print(f"FIGURE story_cover_refused_{tag} {r:.3f} ratio")
        print(f"FIGURE story_cover_balanced_{tag} {(k + r) / 2:.3f} ratio")
        print(f"# {tag}: {len(kept)} answerable, {len(refused)} unanswerable questions")
    demo = next(u for u in everyone if u.name == "operations_analyst")
    labelled_gaps = sum(
        1 for r, likely in zip(demo.relevant, demo.likely, strict=True) if likely and not r
    )
    print(
        f"# demo round 2: {sum(demo.likely)} likely story questions, "
        f"{labelled_gaps} without a story by the labels"
    )
    for method, count in sorted(demo_uncovered.items()):
        print(f"FIGURE story_cover_demo_likely_uncovered_{method} {count} questions")


if __name__ == "__main__":
    main()
