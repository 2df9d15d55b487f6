"""Match every question in a round's bank to the candidate's best STAR stories.

Two views of the same story, combined per question:

* **Lexical** — BM25 (the `bm25s` library, numpy backend, k1/b below) over the story's
  title, situation, task, action and result. Text is lower-cased, split into words,
  stripped of stop words and of interview boiler-plate ("tell me about a time"), and
  stemmed by a small suffix stripper, so "negotiated" meets "negotiation".
* **Semantic** — cosine similarity of all-MiniLM-L6-v2 sentence embeddings
  (`secondround.engine.nlp.embeddings`). Story vectors can be cached by the caller
  (`StoryText.vector`) and so can question vectors (`QuestionText.vector`).

Per question, each side's scores are min-max normalised over the candidate's stories and
mixed as ``SEMANTIC_WEIGHT * semantic + (1 - SEMANTIC_WEIGHT) * lexical``, plus
``COMPETENCY_BONUS`` when the question's competency (the caller's reading of the question) is one
of the story's competencies. That is the `StoryMatch.score` and the ranking. The
`bm25` and `embedding` methods are the single sides alone (no bonus), kept as baselines.

Min-max normalisation always gives the best story 1.0, so it cannot say whether *any* story
fits. "Covered" therefore looks at the best story's absolute cosine similarity (plus a
`COVER_BONUS` for a shared competency; raw BM25 for the `bm25` method): under
`COVER_THRESHOLD` the question is reported as "no story covers this" (`covered=False`),
while the closest stories are still listed so the candidate sees what came nearest.

Every knob below was tuned on the dev split of `eval/stories` only (see its README).

The default method, **learned**, replaces that hand-weighting with the story model
(`story_model`): the probability that a story answers a question, from the cosine of the
question with the whole story, with title + action + result, with the title and with each
STAR part; BM25; the story's tags; and the competencies the story shows, read from its
text, so an untagged story still meets its questions. Its `score` is that probability, and
a question is covered when the cover model (`story_cover`: how often questions like it are
covered by labelled candidates' stories, the ranker's best cover probability, the stories'
tags) reaches its threshold; `QuestionMatches.cover` is that probability. Without the cover
model (or with a story model passed in without one) the ranker's best cover probability
against its own threshold decides, as before; without the shipped story model it falls back
to "combined".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from secondround.engine.nlp.vocabulary import COMPETENCIES
from secondround.engine.stories import story_cover, story_model, story_suggest
from secondround.engine.stories.story_texts import (
    BM25_COVER_THRESHOLD,
    COMPETENCY_BONUS,
    COVER_BONUS,
    COVER_THRESHOLD,
    DEFAULT_METHOD,
    MAX_SHARED_TERMS,
    METHODS,
    SEMANTIC_WEIGHT,
    SHOWS_REASON,
    Matrix,
    QuestionMatches,
    QuestionText,
    StoryIndex,
    StoryMatch,
    StoryText,
    bm25_scores,
    cosine,
    embed_questions,
    embed_stories,
    embed_story_parts,
    story_document,
    story_index,
    tokens,
    words,
)

# --------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------


def _minmax(scores: Matrix) -> Matrix:
    """Per row (question) min-max to [0, 1]; a flat row becomes 1 where positive, else 0."""
    low = scores.min(axis=1, keepdims=True)
    high = scores.max(axis=1, keepdims=True)
    spread = high - low
    flat = spread < 1e-9
    normalised = (scores - low) / np.where(flat, 1.0, spread)
    result: Matrix = np.where(flat, (scores > 0).astype(np.float32), normalised).astype(np.float32)
    return result


def _competency(question: QuestionText) -> str | None:
    if question.competency is not None:
        return question.competency or None
    return question.competency_scores[0][0] if question.competency_scores else None


def _question_competencies(question: QuestionText) -> tuple[str | None, story_model.Floats]:
    """The question's competency and its scores over all competencies: the classifier's
    scores when the caller read the question, else a given competency alone, else none."""
    if question.competency_scores:
        return _competency(question), story_model.competency_vector(question.competency_scores)
    if question.competency:
        return question.competency, story_model.competency_vector({question.competency: 1.0})
    return None, np.zeros(len(story_model.COMPETENCY_IDS))


def _sigmoid(values: story_model.Floats) -> story_model.Floats:
    result: story_model.Floats = 1.0 / (1.0 + np.exp(-np.clip(values, -30.0, 30.0)))
    return result


@dataclass(frozen=True)
class _Scored:
    score: Matrix  # (questions, stories) the ranking
    evidence: Matrix  # (questions,) what the cover test reads
    threshold: float
    semantic: Matrix | None  # cosine with the whole story, for the reasons
    shows: Matrix | None = None  # (stories, competencies) from the story model
    cover: Matrix | None = None  # (questions,) the cover model's probability, when used


@dataclass(frozen=True)
class CoverInputs:
    """What the cover model reads of one candidate's bank (see `story_cover`)."""

    questions: Matrix  # (q, dims) unit vectors
    cover_logits: story_model.Floats  # (q, s) the ranker's cover log-odds
    # (q, s) 1 where the story's tags carry the question's competency; None: no story has tags
    tagged: story_model.Floats | None


def _learned(
    model: story_model.StoryModel,
    kept: Sequence[StoryText],
    questions: Sequence[QuestionText],
    lexical: Matrix,
    shared: Matrix,
    read: Sequence[tuple[str | None, story_model.Floats]],
    cover_model: story_cover.CoverModel | None,
) -> tuple[_Scored, CoverInputs]:
    question_vectors = embed_questions(questions)
    documents = embed_stories(kept)
    parts = embed_story_parts(kept)
    shows = model.competency_probabilities(documents, parts)
    features = story_model.pair_features(
        question_vectors,
        np.array([s for _, s in read], dtype=np.float64).reshape(len(questions), -1),
        documents,
        parts,
        lexical,
        shared.astype(np.float64),
        shows,
    )
    score = _sigmoid(model.logits(features)).astype(np.float32)
    cover_logits = model.logits(features, cover=True)
    inputs = CoverInputs(question_vectors, cover_logits, _tagged(kept, shared))
    semantic = features[..., story_model.FEATURES.index("doc")].astype(np.float32)
    if cover_model is None:
        evidence = _sigmoid(cover_logits.max(axis=1)).astype(np.float32)
        return _Scored(score, evidence, model.cover_threshold, semantic, shows), inputs
    cover: Matrix = cover_model.probability(
        cover_logits, question_vectors, inputs.tagged, model.cover_threshold
    ).astype(np.float32)
    return _Scored(score, cover, cover_model.threshold, semantic, shows, cover), inputs


def _tagged(kept: Sequence[StoryText], shared: Matrix) -> story_model.Floats | None:
    """(q, s) 1 where the story's tags carry the question's competency; None when no story
    has tags (the cover model then reads the tags as unknown, not as absent)."""
    if not any(story.competencies for story in kept):
        return None
    return shared.astype(np.float64)


def _combined(
    method: str,
    kept: Sequence[StoryText],
    questions: Sequence[QuestionText],
    lexical: Matrix,
    shared: Matrix,
) -> _Scored:
    """Today's hand-weighted methods: bm25, embedding and their combination."""
    if method == "bm25":
        return _Scored(_minmax(lexical), lexical.max(axis=1), BM25_COVER_THRESHOLD, None)
    semantic = cosine(embed_questions(questions), embed_stories(kept))
    if method == "embedding":
        score = _minmax(semantic)
    else:
        score = (
            SEMANTIC_WEIGHT * _minmax(semantic)
            + (1.0 - SEMANTIC_WEIGHT) * _minmax(lexical)
            + COMPETENCY_BONUS * shared
        )
    evidence = (semantic + COVER_BONUS * shared).max(axis=1)
    return _Scored(score, evidence, COVER_THRESHOLD, semantic)


@dataclass(frozen=True)
class _Prepared:
    """One bank read for matching: the stories that have words, and what both sides need."""

    method: str
    index: StoryIndex
    usable: list[int]  # columns kept; story `usable[c]` is column c
    kept: list[StoryText]
    question_tokens: list[list[str]]
    competencies: list[str | None]
    read: list[tuple[str | None, story_model.Floats]]  # learned: competency and its scores
    lexical: Matrix
    shared: Matrix
    model: story_model.StoryModel | None


def _prepare(
    stories: Sequence[StoryText],
    questions: Sequence[QuestionText],
    method: str,
    model: story_model.StoryModel | None,
) -> _Prepared | None:
    """None when no story has a word to match."""
    index = story_index(tuple((story_document(s), s.competencies) for s in stories))
    if not index.usable:
        return None
    question_tokens = [tokens(q.text) for q in questions]
    lexical = bm25_scores(index, question_tokens)
    if method == "learned":
        model = model or story_model.load_model()
        if model is None:
            method = "combined"
    read = [_question_competencies(q) for q in questions] if method == "learned" else []
    competencies = [c for c, _ in read] if read else [_competency(q) for q in questions]
    assert index.competencies is not None and index.has_competency is not None
    shared = np.zeros(lexical.shape, dtype=np.float32)
    for row, competency in enumerate(competencies):
        column = index.competencies.get(competency or "")
        if column is not None:
            shared[row] = index.has_competency[:, column]
    usable = list(index.usable)
    if len(usable) < len(stories):
        lexical, shared = lexical[:, usable], shared[:, usable]
    return _Prepared(
        method=method,
        index=index,
        usable=usable,
        kept=[stories[i] for i in usable],
        question_tokens=question_tokens,
        competencies=competencies,
        read=read,
        lexical=lexical,
        shared=shared,
        model=model if method == "learned" else None,
    )


def cover_inputs(
    stories: Sequence[StoryText],
    questions: Sequence[QuestionText],
    *,
    model: story_model.StoryModel | None = None,
) -> CoverInputs | None:
    """What the cover model reads of this bank, as `match` computes it (for training the
    cover model offline); None without a story model or a story with words."""
    if not questions or not stories:
        return None
    prepared = _prepare(stories, questions, "learned", model)
    if prepared is None or prepared.model is None:
        return None
    _, inputs = _learned(
        prepared.model,
        prepared.kept,
        questions,
        prepared.lexical,
        prepared.shared,
        prepared.read,
        None,
    )
    return inputs


def match(
    stories: Sequence[StoryText],
    questions: Sequence[QuestionText],
    *,
    top: int = 3,
    method: str = DEFAULT_METHOD,
    model: story_model.StoryModel | None = None,
    cover_model: story_cover.CoverModel | None = None,
) -> list[QuestionMatches]:
    """For each question, the best `top` stories (best first) and whether any covers it.

    `model` replaces the shipped story model and `cover_model` the shipped cover model (the
    evaluation passes ones trained without the occupation it scores). The shipped cover
    model decides coverage only beside the shipped story model it was trained with; a
    `model` passed without a `cover_model` keeps the ranker's own threshold."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, not {method!r}")
    if not questions:
        return []
    if not stories or top <= 0:
        return [QuestionMatches(q.id, (), False) for q in questions]
    if method == "learned" and model is None and cover_model is None:
        cover_model = story_cover.load_cover_model()
    prepared = _prepare(stories, questions, method, model)
    if prepared is None:  # a story with no words can match nothing
        return [QuestionMatches(q.id, (), False) for q in questions]
    index, usable, shared = prepared.index, prepared.usable, prepared.shared
    if prepared.model is not None:
        scored, _ = _learned(
            prepared.model,
            prepared.kept,
            questions,
            prepared.lexical,
            shared,
            prepared.read,
            cover_model,
        )
    else:
        scored = _combined(prepared.method, prepared.kept, questions, prepared.lexical, shared)

    keep = min(top, len(usable))
    order = np.argsort(-scored.score, axis=1, kind="stable")[:, :keep]
    results: list[QuestionMatches] = []
    for row, question in enumerate(questions):
        if not words(question.text):
            results.append(QuestionMatches(question.id, (), False))
            continue
        matches = []
        wanted = set(prepared.question_tokens[row])
        competency = prepared.competencies[row]
        for column in order[row]:
            c = int(column)
            reasons: list[str] = []
            if shared[row, c]:
                reasons.append(f"shared competency: {competency}")
            elif (
                competency in story_model.COMPETENCY_IDS
                and scored.shows is not None
                and scored.shows[c, story_model.COMPETENCY_IDS.index(competency)] >= SHOWS_REASON
            ):
                label = COMPETENCIES[competency].lower()
                reasons.append(f"the story shows {label}")
            terms = _shared_terms(index, usable[c], wanted)
            if terms:
                reasons.append("shared terms: " + ", ".join(terms))
            if scored.semantic is not None:
                reasons.append(f"similar meaning: {float(scored.semantic[row, c]):.2f}")
            story_id = stories[usable[c]].id
            score = round(float(scored.score[row, c]), 4)
            matches.append(StoryMatch(story_id, score, tuple(reasons)))
        covered = bool(scored.evidence[row] >= scored.threshold)
        cover = None if scored.cover is None else round(float(scored.cover[row]), 4)
        results.append(QuestionMatches(question.id, tuple(matches), covered, cover))
    return results


def suggest_competencies(story: StoryText) -> list[str]:
    """The competencies the story shows, best first (story_model), for the candidate to
    confirm; none without the story model."""
    if not story_document(story):
        return []
    suggester = story_suggest.load_model()
    if suggester is not None:
        cues = story_suggest.cue_matrix(
            [(story.title, story.situation, story.action, story.result)]
        )
        found = suggester.probabilities(embed_stories([story]), embed_story_parts([story]), cues)
        return story_model.suggest(found[0])
    model = story_model.load_model()
    if model is None:
        return []
    probabilities = model.competency_probabilities(
        embed_stories([story]), embed_story_parts([story])
    )
    return story_model.suggest(probabilities[0])


def _shared_terms(index: StoryIndex, story: int, stems: set[str]) -> list[str]:
    """The question's stems that occur in the story, heaviest BM25 weight first."""
    found = []
    for s in stems:
        column = index.vocabulary.get(s)
        if column is not None and index.weights[story, column] > 0:
            found.append((-float(index.weights[story, column]), index.surface[story][s]))
    return [word for _, word in sorted(found)[:MAX_SHARED_TERMS]]
