"""A candidate's stories and a round's questions as matching reads them: the records, their
words and stems, their MiniLM vectors, and the BM25 index over one candidate's stories."""

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
from secondround.engine.stories import story_model

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
class StoryIndex:
    vocabulary: dict[str, int]  # stem -> column of `weights`
    weights: Matrix  # (stories, vocabulary) BM25 term weight of each stem in each story
    by_term: Matrix  # the same, transposed and contiguous: one row of story weights per stem
    surface: tuple[dict[str, str], ...]  # per story: stem -> the word as written
    usable: tuple[int, ...] = ()  # stories with at least one word (the others never match)
    competencies: dict[str, int] | None = None  # competency -> column of `has_competency`
    has_competency: Matrix | None = None  # (stories, competencies) 1.0 where tagged


def _build_index(key: tuple[tuple[str, tuple[str, ...]], ...]) -> StoryIndex:
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
        return StoryIndex({}, empty, empty.T.copy(), tuple(surface), **extra)  # type: ignore[arg-type]
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
    return StoryIndex(vocabulary, weights, by_term, tuple(surface), **extra)  # type: ignore[arg-type]


_IndexKey = tuple[tuple[str, tuple[str, ...]], ...]
_index_cache: OrderedDict[_IndexKey, StoryIndex] = OrderedDict()
_index_lock = threading.Lock()


def story_index(documents: _IndexKey) -> StoryIndex:
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


def bm25_scores(index: StoryIndex, question_tokens: Sequence[Sequence[str]]) -> Matrix:
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


def cosine(questions: Matrix, stories: Matrix) -> Matrix:
    """Dot products of unit vectors, without BLAS threading (see `bm25_scores`)."""
    product: Matrix = np.einsum("ij,kj->ik", questions, stories, optimize=False)
    return product
