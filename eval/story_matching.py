"""Story matching quality on our own labelled set (eval/stories, see its README).

Matching runs WITHIN each occupation's stories (one candidate's story bank), as the
product does. For each method (bm25, embedding, combined) and split (dev, test):

* recall@3 — share of answerable questions with at least one relevant story in the top 3;
* full recall@3 — share of a question's relevant stories found in the top 3, averaged;
* MRR — mean reciprocal rank of the first relevant story (over all of the candidate's stories);
* no-cover accuracy — share of unanswerable questions (relevant: []) reported uncovered
  (the combined method's `covered`), and, the other side of that threshold, the share of
  answerable questions still reported covered.

    .venv/bin/python eval/story_matching.py          # figures
    .venv/bin/python eval/story_matching.py --tune   # grid search, dev split only
"""

from __future__ import annotations

import itertools
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from secondround.engine import matching  # noqa: E402
from secondround.engine.matching import QuestionText, StoryText  # noqa: E402

DATA = ROOT / "eval" / "stories"
SPLITS = ("dev", "test")


def load() -> tuple[dict[str, list[StoryText]], list[dict[str, object]]]:
    rows = [json.loads(line) for line in (DATA / "stories.jsonl").read_text().splitlines() if line]
    by_occupation: dict[str, list[StoryText]] = defaultdict(list)
    plain = [
        StoryText(
            id=r["id"],
            title=r["title"],
            situation=r["situation"],
            task=r["task"],
            action=r["action"],
            result=r["result"],
            competencies=tuple(r["competencies"]),
        )
        for r in rows
    ]
    vectors = matching.embed_stories(plain)  # cached once, as the app stores them
    for row, story, vector in zip(rows, plain, vectors, strict=True):
        cached = StoryText(**{**story.__dict__, "vector": tuple(float(x) for x in vector)})
        by_occupation[row["occupation"]].append(cached)
    pairs = [json.loads(line) for line in (DATA / "pairs.jsonl").read_text().splitlines() if line]
    return dict(by_occupation), pairs


def questions_with_vectors(pairs: list[dict[str, object]]) -> dict[str, QuestionText]:
    """Question vectors and competencies computed once, so the tuning grid is quick."""
    from secondround.engine.classify import classify_question

    texts = [str(p["text"]) for p in pairs]
    vectors = matching.embeddings.embed(texts)
    return {
        str(p["id"]): QuestionText(
            id=str(p["id"]),
            text=str(p["text"]),
            competency=classify_question(str(p["text"])).competency,
            vector=tuple(float(x) for x in v),
        )
        for p, v in zip(pairs, vectors, strict=True)
    }


def evaluate(
    stories: dict[str, list[StoryText]],
    pairs: list[dict[str, object]],
    questions: dict[str, QuestionText],
    method: str,
    split: str,
) -> dict[str, float]:
    hits: list[float] = []
    full: list[float] = []
    reciprocal: list[float] = []
    uncovered_right: list[float] = []
    covered_answerable: list[float] = []
    for occupation, bank in stories.items():
        chosen = [p for p in pairs if p["split"] == split and p["occupation"] == occupation]
        if not chosen:
            continue
        results = matching.match(
            bank, [questions[str(p["id"])] for p in chosen], top=len(bank), method=method
        )
        for pair, result in zip(chosen, results, strict=True):
            relevant = set(pair["relevant"])  # type: ignore[call-overload]
            ranked = [m.story_id for m in result.matches]
            if not relevant:
                uncovered_right.append(float(not result.covered))
                continue
            covered_answerable.append(float(result.covered))
            top3 = set(ranked[:3])
            hits.append(float(bool(top3 & relevant)))
            full.append(len(top3 & relevant) / len(relevant))
            first = min(ranked.index(s) for s in relevant)
            reciprocal.append(1.0 / (first + 1))
    return {
        "recall_at_3": statistics.fmean(hits),
        "full_recall_at_3": statistics.fmean(full),
        "mrr": statistics.fmean(reciprocal),
        "no_cover_accuracy": statistics.fmean(uncovered_right) if uncovered_right else 0.0,
        "covered_answerable": statistics.fmean(covered_answerable),
        "answerable": float(len(hits)),
        "unanswerable": float(len(uncovered_right)),
    }


def tune(
    stories: dict[str, list[StoryText]],
    pairs: list[dict[str, object]],
    questions: dict[str, QuestionText],
) -> None:
    """Grid search on dev only: ranking knobs by MRR + recall@3, then the cover test by
    balanced accuracy (ties: the better of the two sides' worst)."""
    grid = []
    for weight, bonus in itertools.product(
        (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0), (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7)
    ):
        matching.SEMANTIC_WEIGHT, matching.COMPETENCY_BONUS = weight, bonus
        r = evaluate(stories, pairs, questions, "combined", "dev")
        grid.append((r["mrr"], r["recall_at_3"], r["full_recall_at_3"], weight, bonus))
    for row in sorted(grid, reverse=True)[:12]:
        mrr, recall, full, weight, bonus = row
        print(f"dev mrr {mrr:.3f} r@3 {recall:.3f} full {full:.3f}  weight {weight} bonus {bonus}")
    best = max(grid, key=lambda row: row[0] + row[1])  # MRR + recall@3 (the target metric)
    matching.SEMANTIC_WEIGHT, matching.COMPETENCY_BONUS = best[3], best[4]
    print(f"chosen: weight {best[3]:.2f} bonus {best[4]:.2f}")
    cover = []
    for bonus in (0.0, 0.05, 0.1, 0.15, 0.2):
        for step in range(16):
            threshold = 0.2 + 0.02 * step
            matching.COVER_BONUS, matching.COVER_THRESHOLD = bonus, threshold
            r = evaluate(stories, pairs, questions, "combined", "dev")
            balanced = (r["no_cover_accuracy"] + r["covered_answerable"]) / 2
            worst = min(r["no_cover_accuracy"], r["covered_answerable"])
            cover.append(
                (balanced, worst, r["no_cover_accuracy"], r["covered_answerable"], bonus, threshold)
            )
    for row in sorted(cover, reverse=True)[:10]:
        balanced, worst, right, kept, bonus, threshold = row
        print(
            f"dev balanced {balanced:.3f} worst {worst:.3f} no-cover {right:.3f} "
            f"answerable covered {kept:.3f}  cover bonus {bonus} threshold {threshold:.2f}"
        )
    for threshold in (0.25, 0.5, 0.75, 1.0, 1.5, 2.0):
        matching.BM25_COVER_THRESHOLD = threshold
        r = evaluate(stories, pairs, questions, "bm25", "dev")
        print(
            f"bm25 threshold {threshold:.1f}: no-cover {r['no_cover_accuracy']:.3f} "
            f"answerable covered {r['covered_answerable']:.3f}"
        )


def main() -> None:
    stories, pairs = load()
    questions = questions_with_vectors(pairs)
    if "--tune" in sys.argv:
        tune(stories, pairs, questions)
        return
    for split in SPLITS:
        for method in matching.METHODS:
            r = evaluate(stories, pairs, questions, method, split)
            print(f"FIGURE story_recall_at_3_{method}_{split} {r['recall_at_3']:.3f} ratio")
            print(
                f"FIGURE story_full_recall_at_3_{method}_{split} {r['full_recall_at_3']:.3f} ratio"
            )
            print(f"FIGURE story_mrr_{method}_{split} {r['mrr']:.3f} ratio")
            if method == "combined":
                print(f"FIGURE story_no_cover_accuracy_{split} {r['no_cover_accuracy']:.3f} ratio")
                print(
                    f"FIGURE story_covered_answerable_{split} {r['covered_answerable']:.3f} ratio"
                )
                print(
                    f"# {split}: {int(r['answerable'])} answerable, "
                    f"{int(r['unanswerable'])} unanswerable questions"
                )


if __name__ == "__main__":
    main()
