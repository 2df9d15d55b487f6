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

import re
import threading
from collections import Counter, OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from secondround.engine.nlp import embeddings
from secondround.engine.nlp.vocabulary import COMPETENCIES
from secondround.engine.stories import story_cover, story_model

# --------------------------------------------------------------------------------------
# Tuning knobs (tuned on the dev split only, see eval/stories/README.md)
# --------------------------------------------------------------------------------------

SEMANTIC_WEIGHT = 0.7  # share of the normalised semantic score in the combination
COMPETENCY_BONUS = 0.5  # added when the question's competency is one of the story's
COVER_THRESHOLD = 0.3  # best story's cosine (+ COVER_BONUS if shared) below -> uncovered
COVER_BONUS = 0.0  # added to a story's cosine for the cover test when the competency is shared
BM25_COVER_THRESHOLD = 0.2  # the same for method="bm25", on the raw BM25 score
BM25_K1 = 1.2
BM25_B = 0.75
MAX_SHARED_TERMS = 4  # shared terms named in a reason
INDEX_CACHE_SIZE = 32  # story sets whose BM25 index stays in memory

METHODS = ("bm25", "embedding", "combined", "learned")
DEFAULT_METHOD = "learned"  # falls back to "combined" when the story model is unavailable
SHOWS_REASON = 0.15  # the story model's probability above which "the story shows" is a reason

Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True)
class StoryText:
    id: str
    title: str
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    competencies: tuple[str, ...] = ()
    vector: tuple[float, ...] | None = None  # cached embedding, if the caller has one
    # cached embeddings of its parts (story_model.PART_ROWS: the five STAR parts, then
    # title + action + result; zeros for an empty part), if the caller has them
    part_vectors: tuple[tuple[float, ...], ...] | None = None


@dataclass(frozen=True)
class QuestionText:
    id: str
    text: str
    competency: str | None = None  # "": none; None: the top of competency_scores, if any
    vector: tuple[float, ...] | None = None  # cached embedding, if the caller has one
    # The question classifier's scores, best first (`questions.classify`): the caller reads
    # the question, since stories never import the questions stage.
    competency_scores: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class StoryMatch:
    story_id: str
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class QuestionMatches:
    question_id: str
    matches: tuple[StoryMatch, ...]
    covered: bool  # False: "no story covers this" (the closest stories are still listed)
    cover: float | None = None  # P(some story answers it), from the cover model when used


# --------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------

STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only
    or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would
    you your yours yourself yourselves
    tell time times describe describing example give share walk talk situation kind
    occasion ever instance us one someone something anything way got get did didnt dont
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_WORD = re.compile(r"[a-z0-9]+")
_SUFFIXES = (
    ("ations", "at", 8),
    ("ation", "at", 7),
    ("ions", "", 7),
    ("ion", "", 6),
    ("ies", "y", 4),
    ("sses", "ss", 5),
    ("ings", "", 6),
    ("ing", "", 5),
    ("edly", "", 6),
    ("ed", "", 4),
    ("ers", "er", 5),
    ("ly", "", 5),
    ("es", "e", 4),
    ("s", "", 3),
)


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light suffix stripper: plurals, -ing, -ed, -ly ("negotiated" -> "negotiat")."""
    for suffix, replacement, min_length in _SUFFIXES:
        if len(word) >= min_length and word.endswith(suffix):
            if suffix == "s" and word.endswith(("ss", "us", "is")):
                return word
            word = word[: len(word) - len(suffix)] + replacement
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def words(text: str) -> list[str]:
    """Lower-cased words without stop words (apostrophes dropped: "didn't" -> "didnt")."""
    lowered = text.lower().replace("\u2019", "").replace("'", "")
    return [w for w in _WORD.findall(lowered) if w not in STOP_WORDS and len(w) > 1]


def tokens(text: str) -> list[str]:
    return [stem(w) for w in words(text)]


def story_document(story: StoryText) -> str:
    """The text that is embedded and indexed: title and the four STAR parts."""
    parts = (story.title, story.situation, story.task, story.action, story.result)
    return "\n".join(part.strip() for part in parts if part and part.strip())


# --------------------------------------------------------------------------------------
# Embeddings
# --------------------------------------------------------------------------------------


def _vectors(cached: Sequence[tuple[float, ...] | None], texts: Sequence[str]) -> Matrix:
    """Cached vectors where given, the rest embedded in one batch."""
    missing = [i for i, vector in enumerate(cached) if vector is None]
    if not missing:
        return np.array(cached, dtype=np.float32).reshape(len(cached), embeddings.DIMENSIONS)
    out = np.zeros((len(texts), embeddings.DIMENSIONS), dtype=np.float32)
    for i, vector in enumerate(cached):
        if vector is not None:
            out[i] = vector
    if missing:
        out[missing] = embeddings.embed([texts[i] for i in missing])
    return out


def embed_stories(stories: Sequence[StoryText]) -> Matrix:
    """Unit vectors, one row per story; `StoryText.vector` is used whenever it is set."""
    documents = [story_document(s) if s.vector is None else "" for s in stories]
    return _vectors([s.vector for s in stories], documents)


def embed_story_parts(stories: Sequence[StoryText]) -> Matrix:
    """(stories, 6, dims): the parts' vectors, cached where `part_vectors` is set."""
    rows = len(story_model.PART_ROWS)
    out = np.zeros((len(stories), rows, embeddings.DIMENSIONS), dtype=np.float32)
    missing = []
    for i, story in enumerate(stories):
        cached = story.part_vectors
        if cached is not None and len(cached) == rows:
            out[i] = np.array(cached, dtype=np.float32).reshape(rows, embeddings.DIMENSIONS)
        else:
            missing.append(i)
    if missing:
        texts = [
            story_model.part_texts(
                stories[i].title,
                stories[i].situation,
                stories[i].task,
                stories[i].action,
                stories[i].result,
            )
            for i in missing
        ]
        out[missing] = story_model.embed_parts(texts)
    return out


def embed_questions(questions: Sequence[QuestionText]) -> Matrix:
    """Question texts recur on every view of a round: their vectors are remembered."""
    missing = [q.text for q in questions if q.vector is None]
    if not missing:
        return _vectors([q.vector for q in questions], [q.text for q in questions])
    remembered = dict(zip(missing, embeddings.embed_remembered(missing), strict=True))
    return np.array(
        [q.vector if q.vector is not None else remembered[q.text] for q in questions],
        dtype=np.float32,
    ).reshape(len(questions), embeddings.DIMENSIONS)


# --------------------------------------------------------------------------------------
# BM25 index over one candidate's stories (cached per story set)
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Index:
    vocabulary: dict[str, int]  # stem -> column of `weights`
    weights: Matrix  # (stories, vocabulary) BM25 term weight of each stem in each story
    by_term: Matrix  # the same, transposed and contiguous: one row of story weights per stem
    surface: tuple[dict[str, str], ...]  # per story: stem -> the word as written
    usable: tuple[int, ...] = ()  # stories with at least one word (the others never match)
    competencies: dict[str, int] | None = None  # competency -> column of `has_competency`
    has_competency: Matrix | None = None  # (stories, competencies) 1.0 where tagged


def _build_index(key: tuple[tuple[str, tuple[str, ...]], ...]) -> _Index:
    import bm25s  # type: ignore[import-untyped]

    documents = [document for document, _ in key]
    ids = sorted({c for _, tags in key for c in tags})
    columns_of = {c: i for i, c in enumerate(ids)}
    has_competency = np.zeros((len(key), len(ids)), dtype=np.float32)
    for row, (_, tags) in enumerate(key):
        for c in tags:
            has_competency[row, columns_of[c]] = 1.0
    story_words = [words(document) for document in documents]
    usable = tuple(i for i, ws in enumerate(story_words) if ws)
    extra = {"usable": usable, "competencies": columns_of, "has_competency": has_competency}
    corpus = [[stem(w) for w in ws] for ws in story_words]
    surface: list[dict[str, str]] = []
    for ws in story_words:
        forms: dict[str, Counter[str]] = {}
        for w in ws:
            forms.setdefault(stem(w), Counter())[w] += 1
        surface.append({s: c.most_common(1)[0][0] for s, c in forms.items()})
    if not any(corpus):
        empty = np.zeros((len(documents), 0), dtype=np.float32)
        return _Index({}, empty, empty.T.copy(), tuple(surface), **extra)  # type: ignore[arg-type]
    retriever: Any = bm25s.BM25(k1=BM25_K1, b=BM25_B, method="lucene")
    retriever.index(corpus, show_progress=False)
    data = np.asarray(retriever.scores["data"], dtype=np.float32)
    indices = np.asarray(retriever.scores["indices"])
    indptr = np.asarray(retriever.scores["indptr"])
    terms = len(indptr) - 1
    weights = np.zeros((len(documents), terms), dtype=np.float32)
    columns = np.repeat(np.arange(terms), np.diff(indptr))
    weights[indices, columns] = data
    vocabulary = {t: i for t, i in retriever.vocab_dict.items() if t and i < terms}
    by_term = np.ascontiguousarray(weights.T)
    return _Index(vocabulary, weights, by_term, tuple(surface), **extra)  # type: ignore[arg-type]


_IndexKey = tuple[tuple[str, tuple[str, ...]], ...]
_index_cache: OrderedDict[_IndexKey, _Index] = OrderedDict()
_index_lock = threading.Lock()


def _index(documents: _IndexKey) -> _Index:
    with _index_lock:
        found = _index_cache.get(documents)
        if found is not None:
            _index_cache.move_to_end(documents)
            return found
    built = _build_index(documents)
    with _index_lock:
        _index_cache[documents] = built
        while len(_index_cache) > INDEX_CACHE_SIZE:
            _index_cache.popitem(last=False)
    return built


def _bm25(index: _Index, question_tokens: Sequence[Sequence[str]]) -> Matrix:
    """(questions, stories) BM25 scores: each question stem adds its row of story weights.

    Row sums over a few stems instead of a matrix product: OpenBLAS threads small
    products over both cores and stalls badly when the other core is busy.
    """
    scores = np.zeros((len(question_tokens), index.weights.shape[0]), dtype=np.float32)
    for row, stems in enumerate(question_tokens):
        columns = [c for c in (index.vocabulary.get(s) for s in stems) if c is not None]
        if columns:
            scores[row] = index.by_term[columns].sum(axis=0)
    return scores


def _cosine(questions: Matrix, stories: Matrix) -> Matrix:
    """Dot products of unit vectors, without BLAS threading (see `_bm25`)."""
    product: Matrix = np.einsum("ij,kj->ik", questions, stories, optimize=False)
    return product


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
    semantic = _cosine(embed_questions(questions), embed_stories(kept))
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
    index: _Index
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
    index = _index(tuple((story_document(s), s.competencies) for s in stories))
    if not index.usable:
        return None
    question_tokens = [tokens(q.text) for q in questions]
    lexical = _bm25(index, question_tokens)
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
    model = story_model.load_model() if story_document(story) else None
    if model is None:
        return []
    probabilities = model.competency_probabilities(
        embed_stories([story]), embed_story_parts([story])
    )
    return story_model.suggest(probabilities[0])


def _shared_terms(index: _Index, story: int, stems: set[str]) -> list[str]:
    """The question's stems that occur in the story, heaviest BM25 weight first."""
    found = []
    for s in stems:
        column = index.vocabulary.get(s)
        if column is not None and index.weights[story, column] > 0:
            found.append((-float(index.weights[story, column]), index.surface[story][s]))
    return [word for _, word in sorted(found)[:MAX_SHARED_TERMS]]
