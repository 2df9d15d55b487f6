"""A learned second opinion on illegal interview questions, beside the protected-ground reader.

`illegal_questions` recognises the wordings its patterns were written from; on guidance from
other countries and on candidates' own accounts ("Who looks after your kids when you work
late?", "So, you from around here?", "Would it be hard working for a boss younger than
you?") it missed about three in ten. A logistic regression reads, at once:

* the MiniLM embedding of the question (what it is about, in any wording);
* the reader's findings: which protected ground it matched, which lawful form, whether the
  question is about the people the job serves, whether it is direct ("how old are you");
* topic cues per ground, matched anywhere in the question (GROUND_CUES: words that name
  family, age, religion, origin, sex, health… without the reader's requirement that the
  candidate be the one asked about), and whether the question speaks to "you".

The decision in `classify` is: illegal when the reader says so, or when this model's
probability reaches the pinned THRESHOLD, no lawful form (right to work, minimum age,
"can you perform the duties", availability…) was recognised and the question is not about
the people the job serves (patients, pupils, customers) or in the form of a question about
past work ("tell me about a time…": no labelled illegal question takes that form).
Missing an illegal question leaves the candidate without a calm answer, so training weighs
illegal questions POSITIVE_WEIGHT times more than the class balance alone; the threshold
was chosen on leave-one-source-out predictions (eval/question_kinds.py reports
them), recall first, precision reported.

The weights ship in data/models/illegal_questions.npz (pinned by SHA-256), written by
scripts/train_question_models.py. Without the file or the embedding model, the reader
decides alone.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from secondround.engine import embeddings, illegal_questions

__all__ = [
    "FEATURE_COUNT",
    "GROUND_CUES",
    "IllegalModel",
    "illegal_features",
    "likely_ground",
    "load_illegal_model",
    "save_illegal_model",
    "train_illegal_model",
]

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "models" / "illegal_questions.npz"
# Pinned digest of the shipped file; scripts/train_question_models.py rewrites it.
MODEL_FILE_SHA256 = "386a92adcc5d1950ad740707f84463384af52acc78e294fb4f84e3bef32d0895"
L2 = 1.0
POSITIVE_WEIGHT = 2.0  # an illegal question counts this many times its class-balanced weight
THRESHOLD = 0.6  # P(illegal) at or above which the model calls a question illegal


# Words that name a protected ground, matched on the normalised text (lower case, hyphens as
# spaces, apostrophes dropped). Written from the grounds equality law lists, not from
# example questions; the model learns which of them matter, and in which company.
def _cues(table: str) -> tuple[str, ...]:
    """A cue table written as one "|"-separated string (cues may hold spaces)."""
    return tuple(cue for cue in table.split("|") if cue)


GROUND_CUES: dict[str, tuple[str, ...]] = {
    "family": _cues(
        "married|marriage|marry|husband|wife|spouse|partner|boyfriend|girlfriend|fiance|"
        "in laws|kids|children|child|childcare|child care|baby|babies|family|families|"
        "father|mother|parents|single parent|household|live with|babysit|nanny|wedding|"
        "divorced"
    ),
    "pregnancy": _cues(
        "pregnant|pregnancy|maternity|paternity|birth control|contraception|"
        "start a family|starting a family|have kids|have children|having children|"
        "having kids|more children|more kids|fertility"
    ),
    "age": _cues(
        "how old|your age|older|younger|retire|retirement|born|graduate|graduated|"
        "graduation|generation|first job|years young|young people|old people|keep up with|"
        "too old|too young|workforce|work force|birthday|date of birth"
    ),
    "religion": _cues(
        "church|religion|religious|pray|prayer|faith|worship|sunday|sabbath|christian|"
        "christians|muslim|jewish|hindu|sikh|buddhist|mosque|temple|synagogue|christmas|"
        "easter|ramadan|holy|god|headscarf|hijab|turban|steeple|caste|belief|beliefs"
    ),
    "national_origin": _cues(
        "accent|nationality|national|ethnic|ethnicity|tribe|tribal|race|racial|skin|"
        "colour|color|ancestry|heritage|descent|lineage|native|mother tongue|"
        "first language|main language|where are you from|you from|originally|country|"
        "born in|surname|last name|your name|immigrant|immigrated|citizen|citizenship|"
        "minority|around here|lived here|lived in"
    ),
    "sex": _cues(
        "man|woman|men|women|male|female|gender|sex|sexual|gay|lesbian|straight|same sex|"
        "transgender|feminine|masculine|lady|girls|guys"
    ),
    "disability": _cues(
        "disabled|disability|disabilities|health|healthy|sick|sickness|illness|ill|"
        "medical|medication|prescribed|prescription|doctor|hospital|hospitalised|"
        "hospitalized|psychiatrist|therapy|mental|depression|anxiety|injury|injured|"
        "broken|wheelchair|hiv|aids|cancer|diabetes|pain|surgery|condition|conditions|"
        "drugs|alcohol|addiction|workers comp|compensation claim|genetic"
    ),
    "private_life": _cues(
        "where do you live|own or rent|renting|your home|your house|debt|debts|credit|"
        "bankrupt|vote|voted|political|party|union|arrested|arrest|jail|police|drink|"
        "smoke|height|weight|weigh|tall|eyes|hair"
    ),
}
_CUE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(r"\b(" + "|".join(re.escape(cue) for cue in cues) + r")\b")
    for cues in GROUND_CUES.values()
)
_EXPERIENCE_FORM = re.compile(
    r"\b(tell (me|us) about|describe|share|give (me |us )?an example of) (a|an|one) (time"
    r"|situation|occasion|moment|case|example)\b|\bgive (me |us )?an example\b"
    r"|\bhave you ever (had to|worked|dealt|handled|led|managed)\b"
)
_YOU = re.compile(r"\b(you|your|youre|youve|youll|youd|yourself)\b")
_GROUND_IDS: tuple[str, ...] = tuple(illegal_questions.GROUNDS)
_LAWFUL_IDS: tuple[str, ...] = tuple(form for form, _ in illegal_questions.LAWFUL_PATTERNS)
FEATURE_COUNT = embeddings.DIMENSIONS + len(_GROUND_IDS) + len(_LAWFUL_IDS) + len(GROUND_CUES) + 4


def _normalise(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    text = re.sub(r"[-/_]", " ", text).replace("'", "")
    return re.sub(r"\s+", " ", text).strip()


def _reader_features(text: str) -> npt.NDArray[np.float32]:
    """The reader's findings and the topic cues of one question, as numbers."""
    norm = _normalise(text)
    reading = illegal_questions.reading(text)
    grounds = np.zeros(len(_GROUND_IDS), dtype=np.float32)
    if reading.ground in _GROUND_IDS:
        grounds[_GROUND_IDS.index(reading.ground)] = 1.0
    lawful = np.zeros(len(_LAWFUL_IDS), dtype=np.float32)
    if reading.lawful_form in _LAWFUL_IDS:
        lawful[_LAWFUL_IDS.index(reading.lawful_form)] = 1.0
    cues = np.array(
        [np.log1p(len(pattern.findall(norm))) for pattern in _CUE_PATTERNS], dtype=np.float32
    )
    flags = np.array(
        [
            float(_YOU.search(norm) is not None),
            float(illegal_questions.about_people_served(norm)),
            float(illegal_questions.is_direct(norm)),
            float(reading.illegal),
        ],
        dtype=np.float32,
    )
    return np.concatenate([grounds, lawful, cues, flags])


def illegal_features(
    vectors: npt.NDArray[np.float32], texts: Sequence[str]
) -> npt.NDArray[np.float32]:
    """The embedding of each question, then the reader's findings and the topic cues."""
    vecs = np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)
    extra = np.stack([_reader_features(text) for text in texts]) if texts else np.zeros((0, 0))
    return np.hstack([vecs, extra.astype(np.float32)]) if len(texts) else vecs


class IllegalModel:
    """(W, b) of a two-class softmax regression over illegal_features, and its threshold."""

    def __init__(
        self,
        weights: npt.NDArray[np.float32],
        bias: npt.NDArray[np.float32],
        threshold: float = THRESHOLD,
    ) -> None:
        self.weights = weights
        self.bias = bias
        self.threshold = threshold

    def probabilities(
        self, vectors: npt.NDArray[np.float32], texts: Sequence[str]
    ) -> npt.NDArray[np.float64]:
        """P(illegal) of each question."""
        logits = illegal_features(vectors, texts).astype(np.float64) @ self.weights + self.bias
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        result: npt.NDArray[np.float64] = probs[:, 1]
        return result

    def illegal(self, vectors: npt.NDArray[np.float32], texts: Sequence[str]) -> list[bool]:
        """Illegal by the reader, or by the model when no lawful form was recognised."""
        probs = self.probabilities(vectors, texts)
        result = []
        for text, prob in zip(texts, probs, strict=True):
            reading = illegal_questions.reading(text)
            # A question about the people the job serves ("a child who misses their
            # parents") is about the work: only the reader may call it illegal.
            # Nor may it overrule the form of a question about past work ("tell me about a
            # time you worked with a family whose first language was not English").
            norm = _normalise(text)
            vetoed = (
                reading.lawful_form is not None
                or illegal_questions.about_people_served(norm)
                or _EXPERIENCE_FORM.search(norm) is not None
            )
            result.append(reading.illegal or (not vetoed and prob >= self.threshold))
        return result


def train_illegal_model(
    vectors: npt.NDArray[np.float32],
    texts: Sequence[str],
    labels: Sequence[bool],
    sample_weight: Sequence[float] | None = None,
    threshold: float = THRESHOLD,
) -> IllegalModel:
    """Fit on labelled questions: both classes weigh the same, then illegal ones count
    POSITIVE_WEIGHT times more (a missed illegal question costs more than a false alarm)."""
    from secondround.engine.classify import train_softmax

    targets = np.array([1 if label else 0 for label in labels], dtype=np.int64)
    weight = np.ones(len(targets)) if sample_weight is None else np.asarray(sample_weight, float)
    per_class = np.bincount(targets, weights=weight, minlength=2)
    weight = weight / np.maximum(per_class[targets], 1e-9)
    weight = weight * np.where(targets == 1, POSITIVE_WEIGHT, 1.0)
    weights, bias = train_softmax(illegal_features(vectors, texts), targets, weight, 2, l2=L2)
    return IllegalModel(weights, bias, threshold)


def save_illegal_model(model: IllegalModel, path: Path = MODEL_PATH) -> str:
    """Write the weights; returns the file's SHA-256 (to pin as MODEL_FILE_SHA256)."""
    with path.open("wb") as stream:
        np.savez_compressed(
            stream,
            model_sha256=np.array(embeddings.MODEL_SHA256),
            features=np.array(FEATURE_COUNT),
            threshold=np.array(model.threshold),
            W=model.weights,
            b=model.bias,
        )
    return hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def load_illegal_model(path: Path = MODEL_PATH, pinned: str | None = None) -> IllegalModel | None:
    """The shipped model, or None when missing, altered, or made for other features."""
    try:
        if hashlib.sha256(path.read_bytes()).hexdigest() != (pinned or MODEL_FILE_SHA256):
            return None
        with np.load(path, allow_pickle=False) as data:
            if str(data["model_sha256"]) != embeddings.MODEL_SHA256:
                return None
            if int(data["features"]) != FEATURE_COUNT:
                return None
            weights = np.asarray(data["W"], dtype=np.float32)
            bias = np.asarray(data["b"], dtype=np.float32)
            threshold = float(data["threshold"])
    except (OSError, KeyError, ValueError):
        return None
    if weights.shape != (FEATURE_COUNT, 2) or bias.shape != (2,):
        return None
    return IllegalModel(weights, bias, threshold)


# GROUND_CUES keys that are not GROUNDS ids of their own.
_CUE_GROUND: dict[str, str] = {"private_life": "lifestyle"}
_CUE_PRIORITY: tuple[str, ...] = (
    "religion",
    "national_origin",
    "pregnancy",
    "age",
    "disability",
    "sex",
    "private_life",
    "family",
)


def likely_ground(text: str) -> str | None:
    """The protected ground whose topic words the question uses most (a GROUNDS id), for
    a question the model flagged but the reader could not place; None without a cue."""
    norm = _normalise(text)
    counts = dict(
        zip(GROUND_CUES, (len(pattern.findall(norm)) for pattern in _CUE_PATTERNS), strict=True)
    )
    if not any(counts.values()):
        return None
    # On a tie the narrower ground wins: "family" words also surround church, age and origin.
    best = max(_CUE_PRIORITY, key=lambda ground: counts[ground])
    return _CUE_GROUND.get(best, best)
