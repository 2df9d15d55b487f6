"""Story matching and story competency suggestions on the labelled sets.

Sets (folders in the layout of eval/stories/README.md): eval/stories (7 occupations, 10
stories each) and eval/stories_corpus (10 other occupations, 6 stories each, labelled
blind); `--data DIR` adds or replaces sets (a blind set from new occupations, say).
Matching runs WITHIN each occupation's stories (one candidate's bank), as the product does.

Methods, each per set and split (dev, test):

* bm25, embedding, combined — today's hand-weighted matcher (its knobs were tuned on the dev
  split of eval/stories, so its eval/stories dev figures are in-sample);
* learned — the story model (secondround/engine/stories/story_model.py) **trained without the
  occupation it scores** (leave-one-occupation-out over both sets; the competency model
  inside it likewise), so no figure comes from weights that saw the occupation;
* learned_xset — trained on the OTHER set only (different occupations and author);
* learned_shipped — the shipped weights, printed only for sets they were not trained on.

Conditions: stories with their labelled competencies (the plain figure names), and
`_untagged` (no competencies at all, as `secondround match` gets them from a file without
them) and `_suggested` (tags = the model's suggestions, as the app fills them in).

Metrics: hit@3 (`recall_at_3`: a relevant story in the top 3), full recall@3, MRR,
no-cover accuracy (unanswerable questions reported uncovered), covered_answerable
(answerable questions reported covered) and their mean (`cover_balanced`). The cover
figures here are the ranker's own threshold (a model passed in keeps it); the product's
cover decision, the cover model, is scored by eval/story_cover.py.
Suggestions: precision, recall and F1 of the suggested competencies against the labelled
ones, leave-one-occupation-out, beside today's (the classifier's top three).

    .venv/bin/python eval/story_matching.py [--data DIR ...]
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # small matrices: threads only contend
import argparse
import statistics
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import story_sets  # noqa: E402
from story_sets import Occupation  # noqa: E402

from secondround.engine.questions import classify  # noqa: E402
from secondround.engine.stories import (  # noqa: E402
    matching,
    story_model,  # noqa: E402
)
from secondround.engine.stories.story_texts import StoryText  # noqa: E402

SPLITS = ("dev", "test")
CONDITIONS = ("", "_untagged", "_suggested")
Model = story_model.StoryModel | None


def _scores(
    occupation: Occupation,
    method: str,
    model: Model,
    stories: Sequence[StoryText],
    rows: Sequence[int],
) -> dict[str, list[float]]:
    questions = [occupation.questions[i] for i in rows]
    results = matching.match(stories, questions, top=len(stories), method=method, model=model)
    out: dict[str, list[float]] = {k: [] for k in ("hit", "full", "rr", "refused", "kept")}
    for i, result in zip(rows, results, strict=True):
        relevant = occupation.relevant[i]
        ranked = [m.story_id for m in result.matches]
        if not relevant:
            out["refused"].append(float(not result.covered))
            continue
        out["kept"].append(float(result.covered))
        top3 = set(ranked[:3])
        out["hit"].append(float(bool(top3 & relevant)))
        out["full"].append(len(top3 & relevant) / len(relevant))
        out["rr"].append(1.0 / (1 + min(ranked.index(s) for s in relevant if s in ranked)))
    return out


def _tagged(stories: Sequence[StoryText], condition: str, suggested: dict[str, list[str]]):
    if condition == "_untagged":
        return [replace(s, competencies=()) for s in stories]
    if condition == "_suggested":
        return [replace(s, competencies=tuple(suggested[s.id])) for s in stories]
    return list(stories)


def report(
    name: str,
    occupations: Sequence[Occupation],
    method: str,
    models: Callable[[Occupation], Model],
    suggested: dict[str, list[str]],
    conditions: Sequence[str] = CONDITIONS,
) -> None:
    for condition in conditions:
        for split in SPLITS:
            pooled: dict[str, list[float]] = {}
            for occupation in occupations:
                rows = [i for i, s in enumerate(occupation.splits) if s == split]
                if not rows:
                    continue
                stories = _tagged(occupation.stories, condition, suggested)
                found = _scores(
                    occupation, matching_method(method), models(occupation), stories, rows
                )
                for key, values in found.items():
                    pooled.setdefault(key, []).extend(values)
            if not pooled.get("hit"):
                continue
            mean = {k: statistics.fmean(v) if v else float("nan") for k, v in pooled.items()}
            tag = f"{method}_{name}_{split}{condition}"
            print(f"FIGURE story_recall_at_3_{tag} {mean['hit']:.3f} ratio")
            print(f"FIGURE story_full_recall_at_3_{tag} {mean['full']:.3f} ratio")
            print(f"FIGURE story_mrr_{tag} {mean['rr']:.3f} ratio")
            if method in ("bm25", "embedding"):
                continue
            balanced = (mean["refused"] + mean["kept"]) / 2
            print(f"FIGURE story_no_cover_accuracy_{tag} {mean['refused']:.3f} ratio")
            print(f"FIGURE story_covered_answerable_{tag} {mean['kept']:.3f} ratio")
            print(f"FIGURE story_cover_balanced_{tag} {balanced:.3f} ratio")
            print(
                f"# {tag}: {len(pooled['hit'])} answerable, "
                f"{len(pooled['refused'])} unanswerable questions"
            )


def matching_method(method: str) -> str:
    return "learned" if method.startswith("learned") else method


def _today_suggestions(story: StoryText) -> list[str]:
    """What the app suggested before the story model: the classifier's top three."""
    text = " ".join((story.title, story.situation, story.task, story.action, story.result))
    ranked = sorted(classify.competency_scores(text).items(), key=lambda item: -item[1])
    return [c for c, _ in ranked[:3]]


def suggestion_figures(
    name: str, occupations: Sequence[Occupation], suggested: dict[str, list[str]]
) -> None:
    for method, pick in (
        ("today", lambda s: _today_suggestions(s)),
        ("learned", lambda s: suggested[s.id]),
    ):
        found = right = labelled = 0
        first_right: list[float] = []
        for occupation in occupations:
            for story, labels in zip(occupation.stories, occupation.labels, strict=True):
                picked = pick(story)
                found += len(picked)
                right += len(set(picked) & set(labels))
                labelled += len(labels)
                first_right.append(float(bool(picked) and picked[0] in labels))
        precision = right / found if found else 0.0
        recall = right / labelled if labelled else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"FIGURE story_suggest_precision_{method}_{name} {precision:.3f} ratio")
        print(f"FIGURE story_suggest_recall_{method}_{name} {recall:.3f} ratio")
        print(f"FIGURE story_suggest_f1_{method}_{name} {f1:.3f} ratio")
        first = statistics.fmean(first_right)
        print(f"FIGURE story_suggest_first_right_{method}_{name} {first:.3f} ratio")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", action="append", type=Path, help="a labelled set folder")
    args = parser.parse_args()
    pool = story_sets.load()  # what the learned model may be trained on
    extra = [Path(d).resolve() for d in args.data or [] if Path(d).resolve() not in story_sets.SETS]
    others = story_sets.load(extra) if extra else []
    reported = {story_sets.set_name(Path(d)) for d in args.data} if args.data else None
    everyone = pool + others
    names = sorted({o.key.split(":")[0] for o in everyone})
    if reported is not None:
        names = [n for n in names if n in reported]

    # Leave one occupation out: a model per held-out occupation of the training pool
    # (its inner out-of-fold competency readings in 4 groups, to keep this quick).
    held_out: dict[str, story_model.StoryModel] = {}
    for occupation in pool:
        rest = [o for o in pool if o.key != occupation.key]
        held_out[occupation.key] = story_sets.train(rest, inner_folds=4)
    cross = {
        n: story_sets.train([o for o in pool if not o.key.startswith(n + ":")], inner_folds=4)
        for n in {o.key.split(":")[0] for o in pool}
    }
    shipped = story_model.load_model()

    def suggestions(model_of: Callable[[Occupation], Model]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for occupation in everyone:
            model = model_of(occupation)
            if model is None:
                continue
            docs = np.array([s.vector for s in occupation.stories], dtype=np.float32)
            parts = np.array([s.part_vectors for s in occupation.stories], dtype=np.float32)
            for story, p in zip(
                occupation.stories, model.competency_probabilities(docs, parts), strict=True
            ):
                out[story.id] = story_model.suggest(p)
        return out

    loso_model = lambda o: held_out.get(o.key, shipped)  # noqa: E731 - a table of models
    loso_suggested = suggestions(loso_model)
    for name in names:
        chosen = [o for o in everyone if o.key.startswith(name + ":")]
        print(f"# set {name}: {len(chosen)} occupations")
        for method in ("bm25", "embedding"):
            report(name, chosen, method, lambda o: None, loso_suggested, ("",))
        report(name, chosen, "combined", lambda o: None, loso_suggested)
        if any(o.key in held_out for o in chosen):
            report(name, chosen, "learned", loso_model, loso_suggested)
        if name in cross:
            other_set = cross[name]
            report(
                name,
                chosen,
                "learned_xset",
                lambda o, m=other_set: m,
                loso_suggested,
                ("", "_untagged"),
            )
        if shipped is not None and name not in shipped.trained_on:
            report(
                name, chosen, "learned_shipped", lambda o: shipped, suggestions(lambda o: shipped)
            )
        suggestion_figures(name, chosen, loso_suggested)


if __name__ == "__main__":
    main()
