"""File any interview question under one competency and one question kind.

Used to file the user's own questions and round-1 debrief questions into the question bank,
and, through `competency_scores`, to suggest competencies for a STAR story.

How it works:

1. Text is normalised: lower case, curly quotes straightened, hyphens and slashes made
   spaces, apostrophes dropped ("don't" -> "dont"), then every word is stemmed by a small
   suffix stripper (`stem`: "conflicts", "prioritizing", "decided" -> "conflict",
   "prioritiz", "decid").
2. **Kind**: `illegal_questions` reads protected grounds and their lawful look-alikes
   first (an illegal question is never argued down; a lawful one is never called illegal
   by the model); then ordered rule patterns (`KIND_RULES`): salary, closing and curveball
   forms, second-round staples, motivation, self-assessment, situational ("what would you
   do if"), behavioural ("tell me about a time") and technical; then the learned kind
   model (`question_kinds`, MiniLM embedding + the rule that fired) reads the question,
   keeping an illegal, salary or closing rule as it is. A question with no lawful form that
   the learned illegal model (`illegal_model`, MiniLM embedding) is sure of is illegal too,
   with the ground that model reads when the patterns name none. A lawful check (the right
   to work, a minimum age…) is technical whatever the model says (LAWFUL_FORM_KINDS). Without the
   model: no rule -> the library's nearest neighbours decide, else "behavioral".
3. **Competency** is a sum of three votes:
   * a weighted phrase lexicon, the data file `secondround/data/competency_phrases.json`
     (`{competency: [[phrase, weight], ...]}`; a phrase is stemmed like the text and matched
     on word boundaries; an entry starting with "re:" is a regular expression run on the
     normalised, unstemmed text);
   * a nearest-neighbour vote against our own question library
     (`secondround/data/questions/*.json`, loaded once at import; an empty or missing
     folder simply gives no vote), by cosine similarity of IDF-weighted word sets;
   * a semantic vote: SOFTMAX_WEIGHT times the probabilities of a softmax (multinomial
     logistic) regression over MiniLM sentence embeddings (`secondround.engine.nlp.embeddings`),
     trained with plain numpy on the library questions and the sentences of
     `competency_prototypes.json`. W and b come from `questions_embeddings.npz`
     (scripts/embed_library.py) when its key matches the training rows and settings, else
     they are trained at first use (from the file's vectors when fresh, else embedded). If
     the model is unavailable (ModelUnavailable) this vote is skipped for the rest of the
     process.
   `classify_question` adds a small prior from the kind (a "why do you want…" question is
   about motivation, a "greatest weakness" one about self-awareness).
4. `classify_question` files the competency with the learned competency model
   (`question_competency`: a softmax over the embedding, the lexicon's scores and the
   kind, trained on real questions of many occupations) when its weights and the
   embedding model are there, and with the votes of 3 otherwise. `competency_scores`
   (used for stories, which are not questions) keeps the votes of 3.
"""

from __future__ import annotations

import hashlib
import json
import math
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from secondround.engine.nlp import embeddings
from secondround.engine.nlp.embeddings import ModelUnavailable, Vectors
from secondround.engine.nlp.files import DATA_DIR
from secondround.engine.nlp.learning import train_softmax
from secondround.engine.nlp.vocabulary import COMPETENCIES, QUESTION_KINDS
from secondround.engine.questions import illegal_questions
from secondround.engine.questions.illegal_model import THRESHOLD as ILLEGAL_MODEL_THRESHOLD
from secondround.engine.questions.illegal_model import load_illegal_model
from secondround.engine.questions.question_competency import KIND_COMPETENCY, load_competency_model
from secondround.engine.questions.question_forms import form_features
from secondround.engine.questions.question_kind_rules import (
    DEFAULT_KIND,
    KIND_FALLBACK,
    KIND_PRIOR,
    KIND_RULES,
    LAWFUL_FORM_KINDS,
    TECHNICAL_FIRST,
)
from secondround.engine.questions.question_kinds import load_kind_model
from secondround.engine.questions.question_words import (
    STOPWORDS,
    WORD,
    lexicon_scores,
    normalise,
    stem,
    tokens,
)

QUESTIONS_DIR = DATA_DIR / "questions"
PROTOTYPES_PATH = DATA_DIR / "competency_prototypes.json"
EMBEDDINGS_PATH = DATA_DIR / "questions_embeddings.npz"  # written by scripts/embed_library.py

# --------------------------------------------------------------------------------------
# Tuning knobs (tuned on the dev split only, see eval/questions/README.md)
# --------------------------------------------------------------------------------------

KNN_K = 7  # neighbours that vote
KNN_MIN_SIMILARITY = 0.45  # a neighbour below this does not vote
KNN_WEIGHT = 0.75  # a perfect match is worth this many lexicon points
TOP_N = 5  # competency_scores entries in a Classification
# Semantic vote: a softmax (multinomial logistic) regression over MiniLM sentence embeddings,
# trained on the library questions and prototype sentences (scripts/embed_library.py ships
# W and b in questions_embeddings.npz). It replaced the kNN + centroid votes.
SOFTMAX_WEIGHT = 4.0  # a probability of 1 is worth this many lexicon points
SOFTMAX_L2 = 0.1  # L2 penalty on W (features standardised)
SOFTMAX_PROTOTYPE_WEIGHT = 3.0  # a prototype sentence counts as this many questions
SOFTMAX_BALANCED = True  # class-balanced sample weights
SOFTMAX_ITERATIONS = 400  # full-batch accelerated gradient steps
CACHE_SIZE = 4096  # classify_question results kept in memory


# --------------------------------------------------------------------------------------
# The question library (nearest neighbours)
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _LibraryQuestion:
    id: str
    text: str
    competency: str
    kind: str
    words: frozenset[str]


class QuestionLibrary:
    """IDF-weighted word sets of library questions, with an inverted index for speed."""

    def __init__(self, questions: Iterable[Mapping[str, object]]) -> None:
        items: list[_LibraryQuestion] = []
        for q in questions:
            text, competency, kind = q.get("text"), q.get("competency"), q.get("kind")
            if not (isinstance(text, str) and isinstance(competency, str)):
                continue
            if competency not in COMPETENCIES:
                continue
            kind_id = kind if isinstance(kind, str) and kind in QUESTION_KINDS else ""
            words = frozenset(t for t in tokens(text) if t not in STOPWORDS)
            if words:
                qid = q.get("id")
                qid = qid if isinstance(qid, str) else f"#{len(items)}"
                items.append(_LibraryQuestion(qid, text, competency, kind_id, words))
        self.items: tuple[_LibraryQuestion, ...] = tuple(items)
        # Sentence embeddings of the items, filled when the softmax must be trained in memory.
        self.vectors: Vectors | None = None
        # Softmax weights (W, b) over those, filled on first semantic use (see _softmax_model).
        self.softmax: tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]] | None = None
        df: dict[str, int] = {}
        for item in items:
            for w in item.words:
                df[w] = df.get(w, 0) + 1
        n = len(items)
        self.idf: dict[str, float] = {w: math.log(1.0 + n / c) for w, c in df.items()}
        self.norms: tuple[float, ...] = tuple(
            math.sqrt(sum(self.idf[w] ** 2 for w in item.words)) for item in items
        )
        index: dict[str, list[int]] = {}
        for i, item in enumerate(items):
            for w in item.words:
                index.setdefault(w, []).append(i)
        self.index: dict[str, tuple[int, ...]] = {w: tuple(ix) for w, ix in index.items()}

    def __len__(self) -> int:
        return len(self.items)

    def neighbours(self, words: Iterable[str]) -> list[tuple[float, _LibraryQuestion]]:
        """Library questions by cosine similarity to `words`, best first (top KNN_K)."""
        query = {w for w in words if w in self.idf}
        if not query:
            return []
        qnorm = math.sqrt(sum(self.idf[w] ** 2 for w in query))
        dots: dict[int, float] = {}
        for w in query:
            weight = self.idf[w] ** 2
            for i in self.index[w]:
                dots[i] = dots.get(i, 0.0) + weight
        ranked = sorted(
            ((dot / (qnorm * self.norms[i]), i) for i, dot in dots.items()),
            key=lambda pair: (-pair[0], pair[1]),
        )
        return [(sim, self.items[i]) for sim, i in ranked[:KNN_K] if sim >= KNN_MIN_SIMILARITY]


def load_library(folder: Path = QUESTIONS_DIR) -> QuestionLibrary:
    """Every question of every readable `*.json` file in `folder`; bad files are skipped."""
    questions: list[Mapping[str, object]] = []
    if folder.is_dir():
        for path in sorted(folder.glob("*.json")):
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            items = data.get("questions") if isinstance(data, dict) else None
            if isinstance(items, list):
                questions.extend(q for q in items if isinstance(q, dict))
    return QuestionLibrary(questions)


_library: QuestionLibrary = load_library()


def set_library(library: QuestionLibrary) -> QuestionLibrary:
    """Replace the cached library (tests; after new files were written). Returns the old one."""
    global _library
    old, _library = _library, library
    _classify_cached.cache_clear()
    return old


def _knn_votes(
    words: Iterable[str],
) -> tuple[dict[str, float], dict[str, float]]:
    competency_votes: dict[str, float] = {}
    kind_votes: dict[str, float] = {}
    for sim, item in _library.neighbours(words):
        # Rescaled so a barely similar neighbour counts little and a near duplicate fully.
        vote = (sim - KNN_MIN_SIMILARITY) / (1.0 - KNN_MIN_SIMILARITY)
        competency_votes[item.competency] = competency_votes.get(item.competency, 0.0) + vote
        if item.kind:
            kind_votes[item.kind] = kind_votes.get(item.kind, 0.0) + vote
    return competency_votes, kind_votes


# --------------------------------------------------------------------------------------
# The semantic vote (softmax regression over sentence embeddings)
# --------------------------------------------------------------------------------------


def _load_prototypes(path: Path = PROTOTYPES_PATH) -> tuple[tuple[str, str], ...]:
    """(competency, sentence) pairs of the prototype file; keys not in COMPETENCIES skipped."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()
    if not isinstance(raw, dict):
        return ()
    pairs: list[tuple[str, str]] = []
    for competency, sentences in raw.items():
        if competency in COMPETENCIES and isinstance(sentences, list):
            pairs.extend((competency, s) for s in sentences if isinstance(s, str) and s.strip())
    return tuple(pairs)


_PROTOTYPES: tuple[tuple[str, str], ...] = _load_prototypes()


def embedding_text(text: str) -> str:
    """The text as it is embedded: a technical template's {skill} read as 'this skill'."""
    return text.replace("{skill}", "this skill")


def texts_sha256(texts: Sequence[str]) -> str:
    """SHA-256 of the texts joined by newlines (the staleness key of the embedding file)."""
    return hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()


def _softmax_key(competencies: Sequence[str], texts: Sequence[str]) -> str:
    """Staleness key of the trained weights: training rows, labels and settings."""
    settings = f"softmax l2={SOFTMAX_L2} it={SOFTMAX_ITERATIONS} pw={SOFTMAX_PROTOTYPE_WEIGHT}"
    settings += f" balanced={SOFTMAX_BALANCED} classes={','.join(COMPETENCIES)}"
    rows = [f"{c}\t{t}" for c, t in zip(competencies, texts, strict=True)]
    return texts_sha256([settings, *rows])


def _softmax_training(
    library: QuestionLibrary, vectors: Vectors, proto_vectors: Vectors
) -> tuple[tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]], str]:
    """Train on the library questions plus the prototype sentences; (W, b) and its key."""
    competencies = [item.competency for item in library.items]
    competencies += [c for c, _ in _PROTOTYPES]
    texts = [item.text for item in library.items] + [s for _, s in _PROTOTYPES]
    order = {c: i for i, c in enumerate(COMPETENCIES)}
    labels = np.array([order[c] for c in competencies], dtype=np.int64)
    weight = np.concatenate(
        [np.ones(len(library.items)), np.full(len(_PROTOTYPES), SOFTMAX_PROTOTYPE_WEIGHT)]
    )
    if SOFTMAX_BALANCED:  # every competency weighs the same in the loss
        per_class = np.bincount(labels, weights=weight, minlength=len(COMPETENCIES))
        weight = weight / per_class[labels]
    features = np.vstack([vectors, proto_vectors]).astype(np.float32)
    key = _softmax_key(competencies, texts)
    if not len(labels):
        zeros = np.zeros(len(COMPETENCIES), dtype=np.float32)
        return (np.zeros((embeddings.DIMENSIONS, len(COMPETENCIES)), np.float32), zeros), key
    fitted = train_softmax(
        features, labels, weight, len(COMPETENCIES), SOFTMAX_L2, SOFTMAX_ITERATIONS
    )
    return fitted, key


def embedding_cache_arrays(
    library: QuestionLibrary | None = None,
) -> dict[str, npt.NDArray[Any]]:
    """Everything scripts/embed_library.py saves: float16 vectors, ids, texts' SHA-256, and
    the softmax weights trained on those (float16-rounded) vectors."""
    library = _library if library is None else library
    texts = [item.text for item in library.items]
    proto_texts = [s for _, s in _PROTOTYPES]
    vectors = embeddings.embed([embedding_text(t) for t in texts]).astype(np.float16)
    proto_vectors = embeddings.embed(proto_texts).astype(np.float16)
    (weights, bias), key = _softmax_training(
        library, vectors.astype(np.float32), proto_vectors.astype(np.float32)
    )
    return {
        "ids": np.array([item.id for item in library.items], dtype=np.str_),
        "vectors": vectors,
        "sha256": np.array(texts_sha256(texts)),
        "prototype_competencies": np.array([c for c, _ in _PROTOTYPES], dtype=np.str_),
        "prototype_vectors": proto_vectors,
        "prototype_sha256": np.array(texts_sha256(proto_texts)),
        "softmax_W": weights,
        "softmax_b": bias,
        "softmax_competencies": np.array(list(COMPETENCIES), dtype=np.str_),
        "softmax_sha256": np.array(key),
        "model_sha256": np.array(embeddings.MODEL_SHA256),
    }


def _cached_vectors(path: Path, key: str, texts: Sequence[str], count: int) -> Vectors | None:
    """Vectors from the shipped file when its hash matches `texts`, else None."""
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["model_sha256"]) != embeddings.MODEL_SHA256:
                return None
            if str(data[f"{key}sha256"]) != texts_sha256(texts):
                return None
            vectors = np.asarray(data[f"{key}vectors"], dtype=np.float32)
    except (OSError, KeyError, ValueError):
        return None
    if vectors.shape != (count, embeddings.DIMENSIONS):
        return None
    return vectors


def _cached_softmax(
    path: Path, library: QuestionLibrary
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]] | None:
    """The shipped (W, b) when its key matches the library, prototypes and settings."""
    competencies = [item.competency for item in library.items] + [c for c, _ in _PROTOTYPES]
    texts = [item.text for item in library.items] + [s for _, s in _PROTOTYPES]
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["model_sha256"]) != embeddings.MODEL_SHA256:
                return None
            if str(data["softmax_sha256"]) != _softmax_key(competencies, texts):
                return None
            if list(data["softmax_competencies"]) != list(COMPETENCIES):
                return None
            weights = np.asarray(data["softmax_W"], dtype=np.float32)
            bias = np.asarray(data["softmax_b"], dtype=np.float32)
    except (OSError, KeyError, ValueError):
        return None
    if weights.shape != (embeddings.DIMENSIONS, len(COMPETENCIES)) or bias.shape != (
        len(COMPETENCIES),
    ):
        return None
    return weights, bias


_semantic_lock = threading.Lock()
_prototype_vectors: Vectors | None = None
_model_error: str | None = None  # set once the model failed to load: lexicon only from then


def _softmax_model(
    library: QuestionLibrary,
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]] | None:
    """(W, b): from EMBEDDINGS_PATH if fresh, else trained now on (cached or new) vectors."""
    global _prototype_vectors, _model_error
    if _model_error is not None:
        return None
    with _semantic_lock:
        if library.softmax is not None:
            return library.softmax
        try:
            shipped = _cached_softmax(EMBEDDINGS_PATH, library)
            if shipped is not None:
                library.softmax = shipped
                return shipped
            if library.vectors is None:
                texts = [item.text for item in library.items]
                cached = _cached_vectors(EMBEDDINGS_PATH, "", texts, len(texts))
                library.vectors = (
                    cached
                    if cached is not None
                    else embeddings.embed([embedding_text(t) for t in texts])
                )
            if _prototype_vectors is None:
                proto_texts = [s for _, s in _PROTOTYPES]
                cached = _cached_vectors(
                    EMBEDDINGS_PATH, "prototype_", proto_texts, len(proto_texts)
                )
                _prototype_vectors = cached if cached is not None else embeddings.embed(proto_texts)
            library.softmax, _ = _softmax_training(library, library.vectors, _prototype_vectors)
        except ModelUnavailable as error:
            _model_error = str(error)
            return None
    return library.softmax


def _query_vector(text: str) -> Vectors | None:
    """The text's embedding (one row), or None when the model is unavailable."""
    global _model_error
    if _model_error is not None or not text.strip():
        return None
    try:
        return embeddings.embed([text]).reshape(-1)
    except ModelUnavailable as error:
        _model_error = str(error)
        return None


def softmax_probabilities(text: str, library: QuestionLibrary | None = None) -> dict[str, float]:
    """P(competency | text) of the softmax regression; {} when the model is unavailable."""
    model = _softmax_model(_library if library is None else library)
    if model is None:
        return {}
    query = _query_vector(embedding_text(text))
    if query is None:
        return {}
    weights, bias = model
    logits = query.astype(np.float64) @ weights + bias
    logits -= logits.max()
    probs = np.exp(logits)
    probs /= probs.sum()
    return dict(zip(list(COMPETENCIES), probs.tolist(), strict=True))


def _semantic_votes(text: str, library: QuestionLibrary) -> dict[str, float]:
    """SOFTMAX_WEIGHT times the softmax probability of each competency; none for an empty
    library (the prototypes alone are too few to train on)."""
    if not len(library):
        return {}
    return {c: SOFTMAX_WEIGHT * p for c, p in softmax_probabilities(text, library).items()}


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Classification:
    competency: str  # one of COMPETENCIES ids
    kind: str  # one of QUESTION_KINDS ids
    competency_scores: tuple[tuple[str, float], ...]  # best first, at most TOP_N
    confidence: float  # 0..1
    # The protected ground an illegal question probes (illegal_questions.GROUNDS id).
    illegal_ground: str | None = None
    # What depends on the jurisdiction (a lawful look-alike such as a convictions check).
    caution: str | None = None


def question_kind(text: str) -> str | None:
    """The kind named by the rule patterns, or None when no rule matches."""
    norm = normalise(text)
    if not norm:
        return None
    if illegal_questions.reading(text).illegal:
        return "illegal"
    for kind, pattern in KIND_RULES[:3]:  # salary, closing, curveball
        if pattern.search(norm):
            return kind
    if TECHNICAL_FIRST.search(norm):
        return "technical"
    for kind, pattern in KIND_RULES[3:]:
        if pattern.search(norm):
            return kind
    return None


def lawful_kind(text: str) -> str | None:
    """The kind a lawful check takes whatever its wording (LAWFUL_FORM_KINDS), or None."""
    legal = illegal_questions.reading(text)
    return None if legal.illegal else LAWFUL_FORM_KINDS.get(legal.lawful_form or "")


def _learned_kind(text: str, vector: Vectors | None, rule: str | None, lawful: bool) -> str | None:
    """The kind model's reading (question_kinds), or None without the model."""
    model = load_kind_model()
    if model is None or vector is None:
        return None
    return model.kinds(vector.reshape(1, -1), [rule], [lawful], form_features([text]))[0]


def _learned_illegal(vector: Vectors | None) -> bool:
    """The learned illegal-question model (illegal_model) is sure the question is illegal;
    False without the model."""
    model = load_illegal_model()
    if model is None or vector is None:
        return False
    return bool(model.probability(vector)[0] >= ILLEGAL_MODEL_THRESHOLD)


def _learned_ground(vector: Vectors | None) -> str | None:
    """The ground the learned model reads when the patterns name none; None without it."""
    model = load_illegal_model()
    return None if model is None or vector is None else model.ground(vector)


def lexicon_vector(text: str) -> npt.NDArray[np.float32]:
    """The phrase lexicon's score per competency, in COMPETENCIES order."""
    norm = normalise(text)
    scores = lexicon_scores(norm, " ".join(stem(w) for w in WORD.findall(norm)))
    return np.array([scores.get(c, 0.0) for c in COMPETENCIES], dtype=np.float32)


def _learned_competency(text: str, vector: Vectors | None, kind: str) -> dict[str, float]:
    """P(competency) of the competency model (question_competency); {} without it."""
    model = load_competency_model()
    if model is None or vector is None:
        return {}
    probs = model.probabilities(vector.reshape(1, -1), lexicon_vector(text).reshape(1, -1), [kind])[
        0
    ]
    return dict(zip(COMPETENCIES, probs.tolist(), strict=True))


def _raw_scores(text: str) -> tuple[dict[str, float], dict[str, float]]:
    norm = normalise(text)
    words = [stem(w) for w in WORD.findall(norm)]
    scores = lexicon_scores(norm, " ".join(words))
    competency_votes, kind_votes = _knn_votes(w for w in words if w not in STOPWORDS)
    for competency, vote in competency_votes.items():
        scores[competency] = scores.get(competency, 0.0) + KNN_WEIGHT * vote
    for competency, vote in _semantic_votes(text, _library).items():
        scores[competency] = scores.get(competency, 0.0) + vote
    return scores, kind_votes


def _ranked(scores: Mapping[str, float]) -> list[tuple[str, float]]:
    order = {c: i for i, c in enumerate(COMPETENCIES)}
    return sorted(
        ((c, s) for c, s in scores.items() if s > 0),
        key=lambda pair: (-pair[1], order[pair[0]]),
    )


def competency_scores(text: str) -> dict[str, float]:
    """Weight per competency for any text (question, sentence, story); {} when nothing matches.

    Weights are relative (they sum to 1), best first.
    """
    scores, _ = _raw_scores(text)
    ranked = _ranked(scores)
    total = sum(s for _, s in ranked)
    return {c: round(s / total, 4) for c, s in ranked} if total > 0 else {}


def classify_question(text: str) -> Classification:
    """Classify an interview question; never raises, whatever `text` is.

    Results are kept in a small LRU cache (the same debrief questions come back on every
    bank build); `set_library` clears it.
    """
    return _classify_cached(text if isinstance(text, str) else "")


@lru_cache(maxsize=CACHE_SIZE)
def _classify_cached(text: str) -> Classification:
    scores, kind_votes = _raw_scores(text)
    legal = illegal_questions.reading(text)
    rule = question_kind(text)
    # Words nothing recognises ("asdf qwer") give the models nothing to read either.
    recognised = rule is not None or sum(scores.values()) > 0
    vector = _query_vector(text) if recognised else None
    kind = (
        lawful_kind(text)
        or _learned_kind(text, vector, rule, legal.lawful_form is not None)
        or rule
    )
    if kind is None:
        kind = max(kind_votes.items(), key=lambda kv: kv[1])[0] if kind_votes else DEFAULT_KIND
    if (
        kind != "illegal"
        and legal.lawful_form is None
        and not illegal_questions.about_others(text)
        and _learned_illegal(vector)
    ):
        kind = "illegal"
    ground = (legal.ground or _learned_ground(vector)) if kind == "illegal" else None
    caution = legal.caveat if kind != "illegal" else None
    learned = _learned_competency(text, vector, kind)
    if learned:
        convention = KIND_COMPETENCY.get(kind)
        if convention is not None:  # the winner by the labelling convention of the kind
            learned[convention] = max(learned.values())
        ranked = sorted(learned.items(), key=lambda kv: (-kv[1], kv[0] != convention))
        best, second = ranked[0][1], ranked[1][1]
        top = tuple((c, round(p, 4)) for c, p in ranked[:TOP_N])
        confidence = round(max(0.0, min(1.0, 0.5 * best + 0.5 * (best - second) / best)), 4)
        return Classification(ranked[0][0], kind, top, confidence, ground, caution)
    evidence = sum(scores.values())
    for competency, bonus in KIND_PRIOR.get(kind, ()):
        scores[competency] = scores.get(competency, 0.0) + bonus
    ranked = _ranked(scores)
    if not ranked:
        return Classification(KIND_FALLBACK[kind], kind, (), 0.0, ground, caution)
    total = sum(s for _, s in ranked)
    top = tuple((c, round(s / total, 4)) for c, s in ranked[:TOP_N])
    best = ranked[0][1]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    # Share of the winner, damped when there was little evidence besides the kind prior.
    margin = (best - second) / best
    strength = min(1.0, evidence / 4.0)
    confidence = round(max(0.0, min(1.0, (0.5 * best / total + 0.5 * margin) * strength)), 4)
    return Classification(ranked[0][0], kind, top, confidence, ground, caution)
