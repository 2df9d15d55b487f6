"""Hesitations judged word by word: the ones Whisper half-wrote, merged or left out.

:mod:`.hesitations` finds drawn-out hesitations (long steady voiced stretches). A
hesitation said quickly, inside a sentence ("Uh, I stopped the run"), is shorter than
those and reaches the transcript in one of three ways, each a *candidate* here:

``word``
    Whisper wrote it as the word it sounds like ("a", "her", "our", "I'm"): the word, its
    confidence, the pause and punctuation around it and the sound under it say whether it
    was said as a word or as a hesitation.
``gap``
    Whisper wrote nothing for it: a voiced stretch between two words' timestamps that no
    word covers. A pause is silent; a cough or a breath is noise (not voiced); a hesitation
    is voiced, steady, with a flat pitch.
``long``
    Whisper merged it into the next (or previous) word, whose timestamps then stretch far
    longer than its letters need, with a steady vowel at one end.

Every candidate is described by the same features (from the audio and from the decoder)
and judged by a logistic regression trained by ``scripts/train_hesitation_words.py`` on
clips made with the bundled voices, one model per kind of candidate, shipped as
``data/models/hesitation_words.json`` with its SHA-256 pinned below. Without the model the
rules of :func:`.hesitations.respelled_hesitations` are used.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from secondround.engine.nlp import learning
from secondround.engine.nlp.files import MODELS_DIR
from secondround.engine.practice.hesitations import (
    HOP,
    RATE,
    SOUND_ALIKES,
    WINDOW,
    Frames,
    HesitationModel,
    Word,
    clean_word,
    frame_features,
    is_written_hesitation,
    opens_after,
    stands_for_hesitation,
)

Floats = npt.NDArray[np.float64]

MODEL_FILE = MODELS_DIR / "hesitation_words.json"
# Written by scripts/train_hesitation_words.py; checked before the model is used.
MODEL_SHA256 = "ef616e94fea9d4de3a1361cffb81c94cfdcdb5b94f34aee64bf2e33e4ee238cc"

KINDS = ("word", "gap", "long")
# The words Whisper writes for a quick hesitation: those the rules know, and
# interjections it hears in one ("Oh," "huh?" for "uh", "Hem," for "hmm"), which are
# words too: the model decides from the sound and the place.
ALIKES = {**SOUND_ALIKES, "oh": "uh", "huh": "uh", "hem": "hmm"}
MIN_GAP = 0.08  # seconds between two words' timestamps worth looking into
MIN_VOICED = 0.06  # voiced sound in a gap shorter than this is a click or an edge
LONG_RATIO = 1.3  # a word this many times longer than its letters need is looked at
LONG_SECONDS = 0.2  # and at least this long
SECONDS_PER_LETTER = 0.065  # a word's expected length: 0.1 s + this per letter
FRAME = HOP / RATE

FEATURE_NAMES = (
    "duration",
    "log_duration",
    "steady",  # longest steady voiced run, seconds
    "steady_share",
    "voiced_share",
    "voicing",
    "pitch_range",  # semitones over the steady run (a hesitation's pitch is flat)
    "change",  # spectral change over the steady run
    "energy",  # dB against the answer's median voiced frame
    "low_share",  # energy below 600 Hz ("m")
    "length_ratio",  # duration / what the letters need (1 for a gap's voiced part)
    "pause_before",
    "pause_after",
    "probability",  # the word's (a gap: the lower of its neighbours')
    "probability_before",
    "probability_after",
    "comma_after",  # the word ends with a comma (a gap: the word before it)
    "opens_clause",  # the word before ends a sentence or a clause, or is "and", "so"...
    "sound_alike",  # the word is one Whisper writes for a hesitation ("a", "her")
    "letters",
    "speech_probability",
    "steady_at_start",  # share of the first 150 ms that is steady voicing
    "steady_at_end",
    "rule",  # the rules of hesitations.respelled_hesitations call this word a hesitation
)


@dataclass(frozen=True)
class Candidate:
    kind: str  # one of KINDS
    start: float  # the span judged (a word, or the voiced part of a gap)
    end: float
    index: int  # the word (word, long) or the word after the gap (gap)
    features: tuple[float, ...]


# --------------------------------------------------------------------------- features


@dataclass(frozen=True)
class _Context:
    frames: Frames
    voiced: npt.NDArray[np.bool_]
    steady: npt.NDArray[np.bool_]
    reference_db: float
    speech_probability: Floats | None


def _context(
    audio: npt.NDArray[np.float32], speech_probability: Floats | None, frames: Frames | None
) -> _Context:
    frames = frames if frames is not None else frame_features(audio)
    n = frames.energy_db.size
    if n == 0:
        empty = np.zeros(0, dtype=bool)
        return _Context(frames, empty, empty, 0.0, speech_probability)
    loud = frames.energy_db > np.percentile(frames.energy_db, 95) - 35.0
    voiced = (frames.voicing > 0.55) & loud
    limit = float(np.percentile(frames.change[voiced], 60)) if voiced.any() else 0.0
    steady = voiced & (frames.change < limit)
    reference = float(np.median(frames.energy_db[voiced])) if voiced.any() else 0.0
    return _Context(frames, voiced, steady, reference, speech_probability)


def _frame_range(start: float, end: float, n: int) -> tuple[int, int]:
    """Frames whose window lies mostly inside [start, end)."""
    first = max(0, int(round((start - WINDOW / RATE / 2) / FRAME)))
    last = min(n, max(first, int(round((end - WINDOW / RATE / 2) / FRAME))))
    return first, last


def _longest_run(mask: npt.NDArray[np.bool_]) -> tuple[int, int]:
    """(first, last + 1) of the longest run of True; (0, 0) when there is none."""
    best = (0, 0)
    start = -1
    for i, value in enumerate([*mask.tolist(), False]):
        if value and start < 0:
            start = i
        elif not value and start >= 0:
            if i - start > best[1] - best[0]:
                best = (start, i)
            start = -1
    return best


def _sound(ctx: _Context, start: float, end: float) -> dict[str, float]:
    """What the audio between ``start`` and ``end`` sounds like."""
    n = ctx.frames.energy_db.size
    first, last = _frame_range(start, end, n)
    if last - first < 1:
        return {
            "steady": 0.0,
            "steady_share": 0.0,
            "voiced_share": 0.0,
            "voicing": 0.0,
            "pitch_range": 24.0,
            "change": 1.0,
            "energy": -40.0,
            "low_share": 0.0,
            "speech_probability": 0.0,
            "steady_at_start": 0.0,
            "steady_at_end": 0.0,
        }
    piece = slice(first, last)
    steady = ctx.steady[piece]
    # a one-frame wobble does not break a steady run
    smoothed = np.convolve(steady.astype(float), np.ones(3) / 3)[1:-1] >= 0.5
    a, b = _longest_run(smoothed & ctx.voiced[piece])
    run = slice(first + a, first + b) if b > a else piece
    pitch = ctx.frames.pitch[run]
    pitched = pitch[pitch > 0]
    if pitched.size >= 3:
        semitones = 12.0 * np.log2(pitched / np.median(pitched))
        pitch_range = float(np.percentile(semitones, 90) - np.percentile(semitones, 10))
    else:
        pitch_range = 24.0
    edge = max(1, min(last - first, 15))
    speech_p = 1.0
    if ctx.speech_probability is not None and ctx.speech_probability.size:
        i = int(start / 0.032)
        j = max(i + 1, int(math.ceil(end / 0.032)))
        speech_p = (
            float(np.mean(ctx.speech_probability[i:j])) if i < ctx.speech_probability.size else 0.0
        )
    return {
        "steady": (b - a) * FRAME,
        "steady_share": float(np.mean(smoothed)),
        "voiced_share": float(np.mean(ctx.voiced[piece])),
        "voicing": float(np.mean(ctx.frames.voicing[piece])),
        "pitch_range": min(pitch_range, 24.0),
        "change": float(np.mean(ctx.frames.change[run])),
        "energy": float(np.max(ctx.frames.energy_db[piece]) - ctx.reference_db),
        "low_share": float(np.mean(ctx.frames.low_share[run])),
        "speech_probability": speech_p,
        "steady_at_start": float(np.mean(smoothed[:edge])),
        "steady_at_end": float(np.mean(smoothed[-edge:])),
    }


def _expected_seconds(text: str) -> float:
    return 0.1 + SECONDS_PER_LETTER * max(1, len(clean_word(text)))


def _vector(values: dict[str, float]) -> tuple[float, ...]:
    return tuple(float(values[name]) for name in FEATURE_NAMES)


def candidates(
    audio: npt.NDArray[np.float32],
    words: Sequence[Word],
    speech_probability: Floats | npt.NDArray[np.float32] | None = None,
    *,
    previous: str = "",
    frames: Frames | None = None,
) -> list[Candidate]:
    """Every word, gap and long word that might be a hesitation, described for the model.

    ``words`` in the time base of ``audio``, in time order; ``previous``: the word said
    just before them (when they are a window of a longer answer); ``frames``: the
    audio's :func:`.hesitations.frame_features`, when measured already."""
    probabilities = None if speech_probability is None else np.asarray(speech_probability, float)
    ctx = _context(audio, probabilities, frames)
    seconds = audio.size / RATE
    out: list[Candidate] = []
    for i, word in enumerate(words):
        before = words[i - 1] if i else None
        after = words[i + 1] if i + 1 < len(words) else None
        before_text = before.text if before else previous
        core = clean_word(word.text)
        common = {
            "pause_before": min(word.start - before.end, 2.0) if before else 2.0,
            "pause_after": min(after.start - word.end, 2.0) if after else 2.0,
            "probability_before": before.probability if before else 1.0,
            "probability_after": after.probability if after else 1.0,
            "opens_clause": float(not before_text or opens_after(before_text)),
        }
        if is_written_hesitation(word.text):
            continue  # counted already
        duration = max(word.end - word.start, FRAME)
        ratio = duration / _expected_seconds(word.text)
        kind = (
            "word"
            if core in ALIKES
            else "long"
            if ratio >= LONG_RATIO and duration >= LONG_SECONDS
            else ""
        )
        if kind:
            values = {
                **common,
                **_sound(ctx, word.start, word.end),
                "duration": duration,
                "log_duration": math.log(duration),
                "length_ratio": ratio,
                "probability": word.probability,
                "comma_after": float(word.text.rstrip().endswith((",", "…", "-"))),
                "sound_alike": float(core in ALIKES),
                "letters": float(len(core)),
                "rule": float(core in SOUND_ALIKES and stands_for_hesitation(words, i, previous)),
            }
            out.append(Candidate(kind, word.start, word.end, i, _vector(values)))
        if before is None or word.start - before.end < MIN_GAP:
            continue
        if is_written_hesitation(before.text) or clean_word(before.text) in ALIKES:
            continue  # the end of the hesitation written before it, not another one
        # The voiced part of the gap: where a hesitation Whisper left out would be.
        first, last = _frame_range(before.end, min(word.start, seconds), ctx.voiced.size)
        voiced = np.nonzero(ctx.voiced[first:last])[0]
        if voiced.size * FRAME < MIN_VOICED:
            continue
        start = (first + int(voiced[0])) * FRAME + WINDOW / RATE / 2 - FRAME / 2
        end = (first + int(voiced[-1]) + 1) * FRAME + WINDOW / RATE / 2 - FRAME / 2
        duration = max(end - start, FRAME)
        values = {
            **_sound(ctx, start, end),
            "duration": duration,
            "log_duration": math.log(duration),
            "length_ratio": 1.0,
            "pause_before": min(start - before.end, 2.0),
            "pause_after": min(word.start - end, 2.0),
            "probability": min(before.probability, word.probability),
            "probability_before": before.probability,
            "probability_after": word.probability,
            "comma_after": float(before.text.rstrip().endswith((",", "…", "-"))),
            "opens_clause": float(opens_after(before.text)),
            "sound_alike": 0.0,
            "letters": 0.0,
            "rule": 0.0,
        }
        out.append(Candidate("gap", start, end, i, _vector(values)))
    return out


# --------------------------------------------------------------------------- the model


@dataclass(frozen=True)
class WordModel:
    """One logistic regression per kind of candidate; a kind without one is never called."""

    models: dict[str, HesitationModel]

    def is_hesitation(self, candidate: Candidate) -> bool:
        model = self.models.get(candidate.kind)
        return model is not None and model.probability(candidate.features) >= model.threshold

    def as_json(self) -> dict[str, object]:
        return {
            "features": list(FEATURE_NAMES),
            "models": {
                kind: {
                    "mean": list(m.mean),
                    "scale": list(m.scale),
                    "weights": list(m.weights),
                    "bias": m.bias,
                    "threshold": m.threshold,
                }
                for kind, m in self.models.items()
            },
        }


def fit(
    rows: Sequence[Sequence[float]], labels: Sequence[int], *, l2: float = 3.0
) -> HesitationModel:
    """Logistic regression over standardised features (hundreds of rows, two dozen)."""
    x = np.asarray(rows, dtype=np.float64).reshape(len(rows), len(FEATURE_NAMES))
    mean, scale = learning.standardised(x)
    theta = learning.train_logistic(
        (x - mean) / scale, np.asarray(labels, dtype=np.float64), l2, 100, bias_l2=1e-3
    )
    return HesitationModel(
        tuple(float(v) for v in mean),
        tuple(float(v) for v in scale),
        tuple(float(v) for v in theta[:-1]),
        float(theta[-1]),
        0.5,
    )


def load_model(path: Path = MODEL_FILE, sha256: str | None = None) -> WordModel | None:
    """The shipped model, checked against its pinned digest; None if absent, altered or
    not this version's (the caller then falls back on the rules)."""
    expected = MODEL_SHA256 if sha256 is None else sha256
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not expected or hashlib.sha256(data).hexdigest() != expected:
        return None
    try:
        raw = json.loads(data)
        if list(raw["features"]) != list(FEATURE_NAMES):
            return None
        models = {
            kind: HesitationModel(
                tuple(float(v) for v in m["mean"]),
                tuple(float(v) for v in m["scale"]),
                tuple(float(v) for v in m["weights"]),
                float(m["bias"]),
                float(m["threshold"]),
            )
            for kind, m in raw["models"].items()
            if kind in KINDS
        }
    except (ValueError, KeyError, TypeError):
        return None
    return WordModel(models)


# --------------------------------------------------------------------------- applying it


def _label(candidate: Candidate) -> str:
    return "um" if candidate.features[FEATURE_NAMES.index("low_share")] >= 0.8 else "uh"


def judged(
    audio: npt.NDArray[np.float32],
    words: Sequence[Word],
    speech_probability: Floats | npt.NDArray[np.float32] | None,
    model: WordModel,
    *,
    previous: str = "",
    frames: Frames | None = None,
) -> list[Word]:
    """The words with the hesitations the model hears among them written in.

    A word the rules of :func:`.hesitations.respelled_hesitations` call a hesitation
    stays one: the model adds to them (leave one voice out on the corpus, recall 0.908
    against 0.892 for the model alone, precision 0.965 against 0.973).

    A ``word`` candidate is respelled ("her," -> "er,"); a ``gap`` gets an "uh" or "um"
    of its own; a ``long`` word keeps its text and an "uh" is put before it, in the time
    the word took beyond what its letters need (Whisper merges a hesitation into the
    word that follows it)."""
    ordered = sorted(words, key=lambda w: w.start)
    out = list(ordered)
    added: list[Word] = []
    for candidate in candidates(
        audio, ordered, speech_probability, previous=previous, frames=frames
    ):
        rule = candidate.features[FEATURE_NAMES.index("rule")] > 0
        if not (rule or model.is_hesitation(candidate)):
            continue
        word = ordered[candidate.index]
        if candidate.kind == "word":
            core = clean_word(word.text)
            at = word.text.lower().find(core)
            spelled = ALIKES[core]
            if word.text[at : at + 1].isupper():
                spelled = spelled.capitalize()
            text = word.text[:at] + spelled + word.text[at + len(core) :]
            out[candidate.index] = Word(text, word.start, word.end, word.probability)
        elif candidate.kind == "gap":
            added.append(Word(_label(candidate), candidate.start, candidate.end, 1.0))
        else:
            extra = max(FRAME, (word.end - word.start) - _expected_seconds(word.text))
            steady_at_end = candidate.features[FEATURE_NAMES.index("steady_at_end")]
            steady_at_start = candidate.features[FEATURE_NAMES.index("steady_at_start")]
            if steady_at_end > steady_at_start:  # "so uh": the hesitation after the word
                added.append(Word("uh", word.end - extra, word.end, 1.0))
            else:
                added.append(Word("uh", word.start, word.start + extra, 1.0))
    return sorted(out + added, key=lambda w: (w.start, w.end))
