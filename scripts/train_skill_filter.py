"""Train the learned skill filter (secondround/engine/reading/skill_model.py).

Examples are the candidates the posting reader proposes (``posting_analysis.
skill_candidates``) that pass the typed rules (``skill_filter.judge``) and are not
gazetteer names, exactly as in use:

* development postings of ``eval/postings_corpus`` (never its test split): a candidate is
  a skill when it matches a labelled skill or acceptable extra in the same sentence
  (``eval/posting_reading.names_match``), else not;
* SkillSpan train (Zhang et al., NAACL 2022, MIT): a candidate is a skill when it lies
  mostly inside a knowledge span or covers half of a skill span, not one when it touches
  no gold span; partial overlaps are left out. The tagger was trained on these
  sentences, so its chance is hidden from the model for them (it would look too good).

A logistic regression (numpy, L2, class-balanced; development postings weigh
``POSTING_WEIGHT`` times a SkillSpan example) is evaluated leave-one-source-out over the
development postings' sources: each source's candidates are scored by a model trained
on SkillSpan and the other sources. The threshold with the best out-of-source F0.5 is
shipped with the model trained on everything: F0.5 weighs precision twice, because a
listed non-skill becomes a broken interview question downstream (issue 15) while a
missed skill only leaves a gap.

    .venv/bin/python scripts/train_skill_filter.py            # LOSO report, write model
    .venv/bin/python scripts/train_skill_filter.py --report   # LOSO report only
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "eval"))

from posting_reading import load_corpus, names_match  # noqa: E402
from posting_skills import SKILLSPAN, bio_spans  # noqa: E402

from secondround.engine.reading import (  # noqa: E402
    posting_analysis,
    skill_filter,
    skill_model,
    skill_tagger,  # noqa: E402
)
from secondround.engine.reading.posting import is_conditions_sentence  # noqa: E402

SKILLSPAN_SENTENCES = 1500
POSTING_WEIGHT = 4.0
L2 = 1e-3
STEPS = 400
RATE = 0.05
SEED = 13
THRESHOLDS = [round(0.2 + 0.05 * i, 2) for i in range(13)]


@dataclass
class Example:
    sentence: str
    start: int
    end: int
    reader: str
    label: int
    group: str  # a posting source's domain, or "skillspan"
    text: str


# --------------------------------------------------------------------------------------
# Examples
# --------------------------------------------------------------------------------------


def _judged(sentence: str, *, named: bool, tagged: bool) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for candidate in posting_analysis.skill_candidates(sentence, named=named, tagged=tagged):
        if candidate.name is not None:
            continue
        verdict = skill_filter.judge(sentence, candidate.start, candidate.end)
        if verdict.keep:
            out.append((verdict.start, verdict.end, candidate.reader))
    return list(dict.fromkeys(out))


def posting_examples() -> list[Example]:
    examples: list[Example] = []
    for posting in load_corpus():
        if posting.split != "dev":
            continue
        known = [name for names, _ in posting.skills for name in names] + posting.optional
        sentences = posting_analysis._sentences(posting.text)
        readable = [(s, section) for s, section in sentences if section != "conditions"]
        skill_tagger.prepare([s for s, _ in readable])
        for sentence, section in readable:
            content = section in posting_analysis.JOB_SECTIONS and not is_conditions_sentence(
                sentence
            )
            if not content:
                continue
            named = section in ("requirements", "nice_to_have")
            for start, end, reader in _judged(sentence, named=named, tagged=True):
                text = sentence[start:end]
                label = int(any(names_match(text, name, sentence) for name in known))
                examples.append(Example(sentence, start, end, reader, label, posting.domain, text))
    return examples


def skillspan_examples(limit: int = SKILLSPAN_SENTENCES) -> list[Example]:
    rows = [
        json.loads(line)
        for line in (SKILLSPAN / "train.json").read_text(encoding="utf-8").splitlines()
    ]
    random.Random(SEED).shuffle(rows)
    rows = rows[:limit]
    skill_tagger.prepare([" ".join(row["tokens"]) for row in rows])
    examples: list[Example] = []
    for row in rows:
        tokens = row["tokens"]
        text = " ".join(tokens)
        starts = []
        position = 0
        for token in tokens:
            starts.append(position)
            position += len(token) + 1

        def chars(
            span: tuple[int, int], starts: list[int] = starts, tokens: list[str] = tokens
        ) -> tuple[int, int]:
            return starts[span[0]], starts[span[1] - 1] + len(tokens[span[1] - 1])

        skills = [chars(s) for s in bio_spans(row["tags_skill"])]
        knowledge = [chars(s) for s in bio_spans(row["tags_knowledge"])]
        for start, end, reader in _judged(text, named=True, tagged=True):
            length = end - start
            label: int | None = None
            if not any(s < end and start < e for s, e in skills + knowledge):
                label = 0
            elif any(min(end, e) - max(start, s) >= 0.5 * length for s, e in knowledge) or any(
                min(end, e) - max(start, s) >= 0.5 * (e - s) for s, e in skills
            ):
                label = 1
            if label is not None:
                examples.append(
                    Example(text, start, end, reader, label, "skillspan", text[start:end])
                )
    return examples


def feature_rows(examples: Sequence[Example]) -> np.ndarray:
    rows: list[tuple[list[int], np.ndarray]] = []
    by_sentence: dict[str, list[int]] = {}
    for index, example in enumerate(examples):
        by_sentence.setdefault(example.sentence, []).append(index)
    for sentence, indices in by_sentence.items():
        spans = [(examples[i].start, examples[i].end, examples[i].reader) for i in indices]
        # The tagger was trained on SkillSpan: its chance there is hidden (see docstring).
        seen = examples[indices[0]].group == "skillspan"
        block = skill_model.features(sentence, spans, chance=not seen)
        rows.append((indices, block))
    width = rows[0][1].shape[1]
    out = np.zeros((len(examples), width), dtype=np.float32)
    for indices, block in rows:
        out[indices] = block
    return out


# --------------------------------------------------------------------------------------
# Logistic regression
# --------------------------------------------------------------------------------------


def fit(x: np.ndarray, y: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Adam on the full batch (deterministic)."""
    positive = weights * y
    negative = weights * (1 - y)
    # Balance the classes so the threshold means the same whatever the skill share.
    balance = np.where(y == 1, 0.5 / positive.sum(), 0.5 / negative.sum()) * weights
    w = np.zeros(x.shape[1], dtype=np.float64)
    b = 0.0
    m_w = np.zeros_like(w)
    v_w = np.zeros_like(w)
    m_b = v_b = 0.0
    for step in range(1, STEPS + 1):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        error = (p - y) * balance
        grad_w = x.T @ error + L2 * w
        grad_b = float(error.sum())
        m_w = 0.9 * m_w + 0.1 * grad_w
        v_w = 0.999 * v_w + 0.001 * grad_w**2
        m_b = 0.9 * m_b + 0.1 * grad_b
        v_b = 0.999 * v_b + 0.001 * grad_b**2
        correction = np.sqrt(1 - 0.999**step) / (1 - 0.9**step)
        w -= RATE * correction * m_w / (np.sqrt(v_w) + 1e-8)
        b -= RATE * correction * m_b / (np.sqrt(v_b) + 1e-8)
    return w.astype(np.float32), float(b)


def probabilities(x: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(x @ w + b)))


def _f1(labels: np.ndarray, predicted: np.ndarray, beta: float = 1.0) -> tuple[float, float, float]:
    hits = float((labels * predicted).sum())
    precision = hits / predicted.sum() if predicted.sum() else 0.0
    recall = hits / labels.sum() if labels.sum() else 0.0
    square = beta * beta
    denominator = square * precision + recall
    f = (1 + square) * precision * recall / denominator if denominator else 0.0
    return precision, recall, f


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--report", action="store_true", help="LOSO report only")
    parser.add_argument("--cache", type=Path, help="keep examples and features in this file")
    args = parser.parse_args()
    began = time.time()
    if args.cache and args.cache.exists():
        with args.cache.open("rb") as stream:
            postings, skillspan, x = pickle.load(stream)
    else:
        postings = posting_examples()
        skillspan = skillspan_examples()
        x = feature_rows(postings + skillspan)
        if args.cache:
            with args.cache.open("wb") as stream:
                pickle.dump((postings, skillspan, x), stream)
    examples = postings + skillspan
    print(f"# examples and features in {time.time() - began:.0f} s", flush=True)
    print(
        f"# {len(postings)} posting candidates ({sum(e.label for e in postings)} skills), "
        f"{len(skillspan)} SkillSpan candidates ({sum(e.label for e in skillspan)} skills)"
    )
    y = np.array([e.label for e in examples], dtype=np.float64)
    weight = np.array(
        [1.0 if e.group == "skillspan" else POSTING_WEIGHT for e in examples], dtype=np.float64
    )
    groups = sorted({e.group for e in postings})
    held = np.zeros(len(postings))
    for group in groups:
        train = np.array([e.group != group for e in examples])
        test = np.array([e.group == group for e in postings] + [False] * len(skillspan))
        w, b = fit(x[train], y[train], weight[train])
        held[test[: len(postings)]] = probabilities(x[test], w, b)
    labels = y[: len(postings)]
    best = (0.0, 0.5)
    for threshold in THRESHOLDS:
        predicted = (held >= threshold).astype(float)
        precision, recall, f1 = _f1(labels, predicted)
        f_half = _f1(labels, predicted, beta=0.5)[2]
        print(
            f"# LOSO threshold {threshold:.2f}: candidate P {precision:.3f} "
            f"R {recall:.3f} F1 {f1:.3f} F0.5 {f_half:.3f}"
        )
        best = max(best, (f_half, threshold))
    f_half, threshold = best
    chosen = _f1(labels, (held >= threshold).astype(float))
    base = _f1(labels, np.ones_like(labels))
    base_half = _f1(labels, np.ones_like(labels), beta=0.5)[2]
    print(
        f"# rules alone (every candidate kept): P {base[0]:.3f} R {base[1]:.3f} "
        f"F1 {base[2]:.3f} F0.5 {base_half:.3f}"
    )
    print(f"FIGURE skill_filter_loso_candidate_precision {chosen[0]:.3f} ratio")
    print(f"FIGURE skill_filter_loso_candidate_recall {chosen[1]:.3f} ratio")
    print(f"FIGURE skill_filter_loso_candidate_f05 {f_half:.3f} ratio")
    print(f"FIGURE skill_filter_rules_only_candidate_f05 {base_half:.3f} ratio")
    print(f"FIGURE skill_filter_loso_threshold {threshold:.2f} probability")
    if args.report:
        return
    w, b = fit(x, y, weight)
    digest = skill_model.save(skill_model.Model(w, b, threshold))
    print(f"# wrote {skill_model.MODEL_PATH} sha256 {digest} in {time.time() - began:.0f} s")


if __name__ == "__main__":
    main()
