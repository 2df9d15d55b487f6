"""The labelled story-matching sets, embedded once, and the story model trained on them.

Shared by eval/story_matching.py (figures, leave-one-occupation-out) and
scripts/train_story_model.py (the shipped weights). A set is a folder with `stories.jsonl`
and `pairs.jsonl` in the layout of eval/stories/README.md; an occupation within a set is
one candidate's story bank, so matching runs within it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from secondround.engine.nlp import embeddings
from secondround.engine.questions import classify
from secondround.engine.stories import story_model, story_suggest
from secondround.engine.stories.story_texts import (
    QuestionText,
    StoryText,
    bm25_scores,
    story_document,
    story_index,
)
from secondround.engine.stories.story_texts import tokens as match_tokens

ROOT = Path(__file__).resolve().parent.parent
SETS = (ROOT / "eval" / "stories", ROOT / "eval" / "stories_corpus")


@dataclass
class Occupation:
    """One candidate: their stories (vectors cached) and the questions asked of them."""

    key: str  # "set:occupation"
    stories: list[StoryText]
    labels: list[tuple[str, ...]]  # each story's labelled competencies
    questions: list[QuestionText]  # vectors cached, competency left to the matcher
    relevant: list[set[str]]
    splits: list[str]
    scores: np.ndarray = field(default_factory=lambda: np.zeros(0))  # (q, competencies)


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def set_name(folder: Path) -> str:
    """The set's name in FIGURE lines: its folder, with "blind_" for a blind set."""
    folder = folder.resolve()
    return f"blind_{folder.name}" if folder.parent.name == "blind" else folder.name


def load(folders: Sequence[Path] = SETS) -> list[Occupation]:
    """Every occupation of every set, stories and questions embedded in a few batches."""
    occupations: list[Occupation] = []
    for folder in folders:
        name = set_name(folder)
        rows = _jsonl(folder / "stories.jsonl")
        pairs = _jsonl(folder / "pairs.jsonl")
        plain = [
            StoryText(
                id=r["id"],
                title=r.get("title", ""),
                situation=r.get("situation", ""),
                task=r.get("task", ""),
                action=r.get("action", ""),
                result=r.get("result", ""),
                competencies=tuple(r.get("competencies", ())),
            )
            for r in rows
        ]
        documents = embeddings.embed([story_document(s) for s in plain])
        parts = story_model.embed_parts(
            [
                story_model.part_texts(s.title, s.situation, s.task, s.action, s.result)
                for s in plain
            ]
        )
        cached = [
            replace(
                s,
                vector=tuple(float(x) for x in d),
                part_vectors=tuple(tuple(float(x) for x in row) for row in p),
            )
            for s, d, p in zip(plain, documents, parts, strict=True)
        ]
        question_vectors = embeddings.embed([str(p["text"]) for p in pairs])
        for occupation in dict.fromkeys(r["occupation"] for r in rows):
            mine = [i for i, r in enumerate(rows) if r["occupation"] == occupation]
            asked = [i for i, p in enumerate(pairs) if p["occupation"] == occupation]
            read = [classify.classify_question(str(pairs[i]["text"])) for i in asked]
            questions = [
                QuestionText(
                    id=str(pairs[i]["id"]),
                    text=str(pairs[i]["text"]),
                    competency=found.competency,
                    vector=tuple(float(x) for x in question_vectors[i]),
                    competency_scores=found.competency_scores,
                )
                for i, found in zip(asked, read, strict=True)
            ]
            scores = np.array(
                [story_model.competency_vector(found.competency_scores) for found in read]
            )
            occupations.append(
                Occupation(
                    key=f"{name}:{occupation}",
                    stories=[cached[i] for i in mine],
                    labels=[plain[i].competencies for i in mine],
                    questions=questions,
                    relevant=[set(pairs[i]["relevant"]) for i in asked],
                    splits=[str(pairs[i].get("split", "test")) for i in asked],
                    scores=scores,
                )
            )
    return occupations


# --------------------------------------------------------------------------------------
# Training
# --------------------------------------------------------------------------------------


def _matrices(occupation: Occupation) -> tuple[np.ndarray, np.ndarray]:
    documents = np.array([s.vector for s in occupation.stories], dtype=np.float32)
    parts = np.array([s.part_vectors for s in occupation.stories], dtype=np.float32)
    return documents, parts


def competency_inputs(occupation: Occupation, classifier: tuple[np.ndarray, np.ndarray]):
    documents, parts = _matrices(occupation)
    return story_model.competency_features(
        documents, parts[:, story_model.TAR_ROW], classifier[0], classifier[1]
    )


def classifier_weights() -> tuple[np.ndarray, np.ndarray]:
    """The question classifier's softmax (W, b), frozen into our model at training time."""
    found = classify._softmax_model(classify._library)
    if found is None:
        raise SystemExit("the question classifier's model is unavailable")
    return found


def train_competency_model(
    occupations: Sequence[Occupation], classifier: tuple[np.ndarray, np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    features = np.vstack([competency_inputs(o, classifier) for o in occupations])
    labels = [tags for o in occupations for tags in o.labels]
    return story_model.train_competencies(features, labels)


def shows(occupation: Occupation, classifier, competency: tuple[np.ndarray, np.ndarray]):
    logits = competency_inputs(occupation, classifier) @ competency[0] + competency[1]
    return story_model._softmax_rows(logits)


def bank_features(
    occupation: Occupation, shown: np.ndarray, *, tags: bool = True, rows: Sequence[int] = ()
) -> np.ndarray:
    """(questions, stories, FEATURES) as the matcher computes them (questions' competencies
    classified, as when none is given)."""
    chosen = list(rows) if rows else list(range(len(occupation.questions)))
    questions = [occupation.questions[i] for i in chosen]
    documents, parts = _matrices(occupation)
    index = story_index(tuple((story_document(s), ()) for s in occupation.stories))
    lexical = bm25_scores(index, [match_tokens(q.text) for q in questions])
    competency_of = [
        story_model.COMPETENCY_IDS[int(np.argmax(occupation.scores[i]))]
        if occupation.scores[i].any()
        else None
        for i in chosen
    ]
    tagged = np.array(
        [[float(tags and c in s.competencies) for s in occupation.stories] for c in competency_of]
    )
    return story_model.pair_features(
        np.array([q.vector for q in questions], dtype=np.float32),
        occupation.scores[chosen],
        documents,
        parts,
        lexical,
        tagged,
        shown,
    )


def train(occupations: Sequence[Occupation], inner_folds: int = 0) -> story_model.StoryModel:
    """The whole model from labelled occupations.

    The ranker learns how far to trust "the story shows" from competency probabilities
    made without the story's own occupation (leave-one-out when inner_folds is 0, else
    that many groups of occupations), as they will be on a new candidate's stories."""
    classifier = classifier_weights()
    groups = (
        [[o] for o in occupations]
        if inner_folds <= 0
        else [list(occupations[i::inner_folds]) for i in range(inner_folds)]
    )
    out_of_fold: dict[str, np.ndarray] = {}
    for group in groups:
        others = [o for o in occupations if o not in group]
        weights = train_competency_model(others, classifier)
        for o in group:
            out_of_fold[o.key] = shows(o, classifier, weights)
    banks = [
        story_model.Bank(
            features=bank_features(o, out_of_fold[o.key]),
            relevant=np.array(
                [[float(s.id in rel) for s in o.stories] for rel in o.relevant], dtype=np.float64
            ),
        )
        for o in occupations
    ]
    mean, scale, rank_w, cover_w, threshold = story_model.train_ranker(banks)
    competency = train_competency_model(occupations, classifier)
    return story_model.StoryModel(
        classifier_w=classifier[0].astype(np.float32),
        classifier_b=classifier[1].astype(np.float32),
        competency_w=competency[0],
        competency_b=competency[1],
        mean=mean,
        scale=scale,
        rank_w=rank_w,
        cover_w=cover_w,
        cover_threshold=threshold,
        trained_on=tuple(sorted({o.key.split(":")[0] for o in occupations})),
    )


# --------------------------------------------------------------------------------------
# Stories alone, for the competencies they show (eval/story_competencies.py)
# --------------------------------------------------------------------------------------

PACK_FOLDERS = tuple(
    ROOT / "eval" / name
    for name in ("scenarios", "scenarios_heldout", "scenarios_fresh", "scenarios_fresh2")
)
HELD_OUT_PACKS = ROOT / "eval" / "scenarios_fresh2"  # never trained on nor tuned on


@dataclass
class StoryGroup:
    """One candidate's stories with their tags (an occupation of a set, or a pack)."""

    key: str
    stories: list[StoryText]
    labels: list[tuple[str, ...]]


def _embedded(plain: list[StoryText]) -> list[StoryText]:
    if not plain:
        return []
    documents = embeddings.embed([story_document(s) for s in plain])
    parts = story_model.embed_parts(
        [story_model.part_texts(s.title, s.situation, s.task, s.action, s.result) for s in plain]
    )
    return [
        replace(
            s,
            vector=tuple(float(x) for x in d),
            part_vectors=tuple(tuple(float(x) for x in row) for row in p),
        )
        for s, d, p in zip(plain, documents, parts, strict=True)
    ]


def story_groups(folders: Sequence[Path] = SETS) -> list[StoryGroup]:
    """The corpus sets' stories, one group per occupation."""
    groups = []
    for folder in folders:
        rows = _jsonl(folder / "stories.jsonl")
        plain = _embedded([_story(r) for r in rows])
        for occupation in dict.fromkeys(r["occupation"] for r in rows):
            mine = [s for s, r in zip(plain, rows, strict=True) if r["occupation"] == occupation]
            groups.append(
                StoryGroup(f"{set_name(folder)}:{occupation}", mine, [s.competencies for s in mine])
            )
    return groups


def _story(row: dict, key: str = "") -> StoryText:
    known = tuple(c for c in row.get("competencies", ()) if c in story_model.COMPETENCY_IDS)
    return StoryText(
        id=str(row.get("id") or key),
        title=row.get("title", "") or "",
        situation=row.get("situation", "") or "",
        task=row.get("task", "") or "",
        action=row.get("action", "") or "",
        result=row.get("result", "") or "",
        competencies=known,
    )


def pack_story_groups(*, held_out: bool) -> list[StoryGroup]:
    """The scenario packs' tagged stories, one group per pack: the fresh2 packs when
    `held_out`, else every other pack. Untagged stories are skipped."""
    groups = []
    for folder in PACK_FOLDERS:
        if (folder == HELD_OUT_PACKS) != held_out:
            continue
        for path in sorted(folder.glob("*.json")):
            rows = json.loads(path.read_text(encoding="utf-8")).get("stories", [])
            plain = [_story(r, f"{path.stem}-{i}") for i, r in enumerate(rows)]
            plain = [s for s in plain if s.competencies]
            if plain:
                stories = _embedded(plain)
                groups.append(
                    StoryGroup(f"packs:{path.stem}", stories, [s.competencies for s in stories])
                )
    return groups


def story_matrices(stories: Sequence[StoryText]) -> tuple[np.ndarray, np.ndarray]:
    documents = np.array([s.vector for s in stories], dtype=np.float32)
    parts = np.array([s.part_vectors for s in stories], dtype=np.float32)
    return documents, parts


def group_features(group: StoryGroup, classifier: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    documents, parts = story_matrices(group.stories)
    return story_model.competency_features(
        documents, parts[:, story_model.TAR_ROW], classifier[0], classifier[1]
    )


def competency_model(
    groups: Sequence[StoryGroup], classifier: tuple[np.ndarray, np.ndarray]
) -> story_model.StoryModel:
    """A story model whose competency part is trained on `groups` (its ranker is empty:
    for scoring suggestions only)."""
    features = np.vstack([group_features(g, classifier) for g in groups])
    labels = [tags for g in groups for tags in g.labels]
    weights = story_model.train_competencies(features, labels)
    empty = np.zeros(len(story_model.FEATURES) + 1)
    return story_model.StoryModel(
        classifier_w=classifier[0].astype(np.float32),
        classifier_b=classifier[1].astype(np.float32),
        competency_w=weights[0],
        competency_b=weights[1],
        mean=empty[:-1],
        scale=empty[:-1] + 1,
        rank_w=empty,
        cover_w=empty[:-1],
        cover_threshold=0.5,
    )


def description_centroids() -> np.ndarray:
    """Unit centroids of the competency description sentences, as classify embeds them."""
    data = np.load(classify.EMBEDDINGS_PATH, allow_pickle=False)
    competencies = [str(c) for c in data["prototype_competencies"]]
    return story_suggest.description_centroids(competencies, data["prototype_vectors"])


def suggest_inputs(
    group: StoryGroup, classifier: tuple[np.ndarray, np.ndarray], centroids: np.ndarray
) -> np.ndarray:
    documents, parts = story_matrices(group.stories)
    cues = story_suggest.cue_matrix(
        [(s.title, s.situation, s.action, s.result) for s in group.stories]
    )
    return story_suggest.features(documents, parts, cues, classifier[0], classifier[1], centroids)


def suggest_model(
    groups: Sequence[StoryGroup], classifier: tuple[np.ndarray, np.ndarray], centroids: np.ndarray
) -> story_suggest.SuggestModel:
    """The suggestion model trained on `groups` (see story_suggest)."""
    inputs = np.vstack([suggest_inputs(g, classifier, centroids) for g in groups])
    labels = [tags for g in groups for tags in g.labels]
    return story_suggest.train(inputs, labels, classifier=classifier, centroids=centroids)
