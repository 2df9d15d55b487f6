"""Hesitations heard in the audio: the "um" and "uh" that the recogniser leaves out.

Whisper is trained to write clean text, so many hesitations never reach the transcript.
They can still be found in the sound: a hesitation is a stretch of steady voicing (one
vowel, perhaps closing on "m"), with a flat pitch and a spectrum that hardly moves, often
between pauses, where no word of the transcript sits or where the recogniser put a short
word it was unsure of. A cough, a breath or a click is not voiced; a word changes its
spectrum every tenth of a second.

:func:`frame_features` measures each 10 ms of audio (loudness, voicing, pitch, spectral
change, low-band share); :func:`candidates` cuts steady voiced stretches out of it and
describes each one, together with the words of the transcript around it;
:class:`HesitationModel` (a logistic regression trained by ``scripts/train_hesitations.py``
on clips made with the bundled voices, and evaluated leave-one-voice-out by
``eval/spoken_fillers.py``) says which stretches are hesitations.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from secondround.engine.nlp import learning
from secondround.engine.nlp.files import MODELS_DIR

RATE = 16_000
HOP = 160  # 10 ms
WINDOW = 640  # 40 ms: two periods of a 50 Hz voice
MIN_F0, MAX_F0 = 60.0, 400.0
MEL_BANDS = 24

Floats = npt.NDArray[np.float64]

MODEL_FILE = MODELS_DIR / "hesitations.json"
# Written by scripts/train_hesitations.py; checked before the model is used.
MODEL_SHA256 = "f8ac2b67d345ada6bcfbc21442cacac11e7857f161e80c0228b689bf3d530137"


@dataclass(frozen=True)
class Frames:
    """One value per 10 ms frame."""

    energy_db: Floats  # loudness, dB relative to full scale
    voicing: Floats  # normalised autocorrelation peak, 0 (noise) .. 1 (a steady vowel)
    pitch: Floats  # Hz where voiced, else 0
    change: Floats  # mean absolute change of the log mel spectrum over 20 ms
    low_share: Floats  # share of energy below 600 Hz (high for "m", "mm")


@dataclass(frozen=True)
class Candidate:
    start: float
    end: float
    features: tuple[float, ...]
    covered_by: str  # the transcript word(s) over it, lower-cased, "" if none


FEATURE_NAMES = (
    "duration",
    "log_duration",
    "voicing",
    "voiced_share",
    "pitch_range_semitones",
    "pitch_slope",
    "change",
    "change_max",
    "duration_rel",
    "energy_std",
    "low_share",
    "low_share_end",
    "quiet_before",
    "quiet_after",
    "word_cover",
    "word_count",
    "word_probability",
    "written_hesitation",
    "short_word",
    "inside_word",
    "speech_probability",
)


def _frame(audio: Floats, size: int) -> Floats:
    count = max(0, 1 + (audio.size - size) // HOP)
    if count == 0:
        return np.zeros((0, size))
    index = np.arange(size)[None, :] + HOP * np.arange(count)[:, None]
    framed: Floats = audio[index]
    return framed


def _mel_matrix(n_fft: int) -> Floats:
    def mel(f: Floats | float) -> Floats:
        return 2595.0 * np.log10(1.0 + np.asarray(f) / 700.0)

    edges_mel = np.linspace(mel(80.0), mel(7000.0), MEL_BANDS + 2)
    edges = 700.0 * (10 ** (edges_mel / 2595.0) - 1.0)
    freqs = np.fft.rfftfreq(n_fft, 1.0 / RATE)
    matrix = np.zeros((MEL_BANDS, freqs.size))
    for band in range(MEL_BANDS):
        low, mid, high = edges[band], edges[band + 1], edges[band + 2]
        rising = (freqs - low) / max(mid - low, 1e-9)
        falling = (high - freqs) / max(high - mid, 1e-9)
        matrix[band] = np.clip(np.minimum(rising, falling), 0.0, None)
    return matrix


_MEL = _mel_matrix(1024)


def frame_features(audio: npt.NDArray[np.float32]) -> Frames:
    """Loudness, voicing, pitch, spectral change and low-band share every 10 ms."""
    signal = np.asarray(audio, dtype=np.float64)
    frames = _frame(signal, WINDOW)
    if not frames.size:
        empty = np.zeros(0)
        return Frames(empty, empty, empty, empty, empty)
    frames = frames - frames.mean(axis=1, keepdims=True)
    windowed = frames * np.hanning(WINDOW)
    spectrum = np.abs(np.fft.rfft(windowed, 1024)) ** 2
    power = spectrum.sum(axis=1) / WINDOW + 1e-12
    energy_db = 10.0 * np.log10(power)
    # Voicing and pitch from the autocorrelation (the inverse transform of the power
    # spectrum), normalised by the window's own autocorrelation so that long lags are
    # not penalised.
    auto = np.fft.irfft(spectrum, 1024)[:, : WINDOW // 2]
    window_auto = np.correlate(np.hanning(WINDOW), np.hanning(WINDOW), "full")[WINDOW - 1 :]
    auto = auto / np.maximum(auto[:, :1], 1e-12) / (window_auto[: WINDOW // 2] / window_auto[0])
    low_lag, high_lag = int(RATE / MAX_F0), int(RATE / MIN_F0)
    search = auto[:, low_lag:high_lag]
    best = np.argmax(search, axis=1)
    voicing = np.clip(search[np.arange(search.shape[0]), best], 0.0, 1.0)
    pitch = np.where(voicing > 0.5, RATE / (best + low_lag), 0.0)
    mel = np.log(spectrum @ _MEL.T + 1e-10)
    change = np.zeros(mel.shape[0])
    if mel.shape[0] > 2:
        change[2:] = np.mean(np.abs(mel[2:] - mel[:-2]), axis=1)
        change[:2] = change[2]
    freqs = np.fft.rfftfreq(1024, 1.0 / RATE)
    low_share = spectrum[:, freqs < 600].sum(axis=1) / (spectrum.sum(axis=1) + 1e-12)
    return Frames(energy_db, voicing, pitch, change, low_share)


@dataclass(frozen=True)
class Word:
    text: str
    start: float
    end: float
    probability: float = 1.0


# How recognisers spell a hesitation: um, umm, uh, uhm, er, err, erm, hmm, hm, mm.
_HESITATION_SPELLING = re.compile(r"^(?:u+[hm]+|u+r+m+|e+r+m*|e+h+m*|h+u*m+|m{2,}|a+h+)$")


def clean_word(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalpha() or ch == "'")


def is_written_hesitation(text: str) -> bool:
    return bool(_HESITATION_SPELLING.match(clean_word(text)))


def _runs(mask: npt.NDArray[np.bool_]) -> list[tuple[int, int]]:
    """(first, last + 1) of each run of True."""
    padded = np.concatenate([[False], mask, [False]]).astype(np.int8)
    edges = np.diff(padded)
    return list(zip(np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0], strict=True))


def candidates(
    audio: npt.NDArray[np.float32],
    words: Sequence[Word],
    *,
    speech_probability: Floats | None = None,
    offset: float = 0.0,
    frames: Frames | None = None,
) -> list[Candidate]:
    """Steady voiced stretches of at least 150 ms, each described for the classifier.

    ``words`` are the transcript's words in the same time base as ``audio`` plus
    ``offset``; ``speech_probability`` is the voice-activity probability per 32 ms
    (optional). Returned times include ``offset``.
    """
    frames = frames or frame_features(audio)
    n = frames.energy_db.size
    if n < 15:
        return []
    loud = frames.energy_db > np.percentile(frames.energy_db, 95) - 35.0
    voiced = (frames.voicing > 0.55) & loud
    steady = frames.change < np.percentile(frames.change[voiced], 60) if voiced.any() else voiced
    # A stretch: voiced frames whose spectrum stays put; a one-frame wobble does not cut it.
    core = voiced & steady
    smoothed = np.convolve(core.astype(float), np.ones(5) / 5, mode="same") >= 0.6
    runs = [(a, b) for a, b in _runs(smoothed & voiced) if b - a >= 15]
    voiced_db = frames.energy_db[voiced] if voiced.any() else frames.energy_db
    reference_db = float(np.median(voiced_db))
    floor_db = float(np.percentile(frames.energy_db, 5))
    # Quiet: nearer the noise floor than the voice (works in a silent room and a noisy one).
    quiet = frames.energy_db < floor_db + 0.35 * max(reference_db - floor_db, 1.0)
    ordered = sorted(words, key=lambda w: w.start)
    word_seconds = [w.end - w.start for w in ordered if w.end > w.start]
    typical_word = float(np.median(word_seconds)) if word_seconds else 0.25
    out: list[Candidate] = []
    for first, last in runs:
        start, end = first * HOP / RATE, (last * HOP + WINDOW) / RATE
        piece = slice(first, last)
        voiced_piece = frames.voicing[piece]
        pitch = frames.pitch[piece]
        pitched = pitch[pitch > 0]
        if pitched.size >= 3:
            semitones = 12.0 * np.log2(pitched / np.median(pitched))
            pitch_range = float(np.percentile(semitones, 90) - np.percentile(semitones, 10))
            slope = float(np.polyfit(np.arange(semitones.size), semitones, 1)[0]) * 100.0
        else:
            pitch_range, slope = 24.0, 0.0
        quiet_before = _quiet_share(quiet, first - 25, first)
        quiet_after = _quiet_share(quiet, last + WINDOW // HOP, last + WINDOW // HOP + 25)
        covering = [w for w in ordered if w.start + offset < end and w.end + offset > start]
        covered = sum(
            max(0.0, min(end, w.end + offset) - max(start, w.start + offset)) for w in covering
        )
        texts = [clean_word(w.text) for w in covering]
        duration = end - start
        low = frames.low_share[piece]
        tail = low[max(0, low.size - low.size // 3) :]
        inside = any(
            w.start + offset < start - 0.05 and w.end + offset > end + 0.05 for w in covering
        )
        if speech_probability is not None and speech_probability.size:
            a = int((start - offset) / 0.032)
            b = max(a + 1, int(math.ceil((end - offset) / 0.032)))
            speech_p = (
                float(np.mean(speech_probability[a:b])) if a < speech_probability.size else 0.0
            )
        else:
            speech_p = 1.0
        features = (
            duration,
            math.log(duration),
            float(np.mean(voiced_piece)),
            float(np.mean(voiced_piece > 0.55)),
            pitch_range,
            slope,
            float(np.mean(frames.change[piece])),
            float(np.max(frames.change[piece])),
            duration / max(typical_word, 0.05),
            float(np.std(frames.energy_db[piece])),
            float(np.mean(low)),
            float(np.mean(tail)) if tail.size else float(np.mean(low)),
            quiet_before,
            quiet_after,
            min(covered / duration, 1.0),
            float(len(covering)),
            float(min((w.probability for w in covering), default=1.0)),
            float(any(is_written_hesitation(t) for t in texts)),
            float(bool(texts) and all(len(t) <= 3 for t in texts)),
            float(inside),
            speech_p,
        )
        out.append(Candidate(start + offset, end + offset, features, " ".join(texts)))
    return out


def _quiet_share(quiet: npt.NDArray[np.bool_], first: int, last: int) -> float:
    """Share of quiet frames in [first, last); beyond the audio's edge counts as quiet."""
    inside = quiet[max(0, first) : max(0, min(quiet.size, last))]
    outside = (last - first) - inside.size
    return float((inside.sum() + outside) / max(last - first, 1))


# --------------------------------------------------------------------------- the model


@dataclass(frozen=True)
class HesitationModel:
    """Logistic regression over standardised features; ``threshold`` on the probability."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, features: Sequence[float]) -> float:
        x = (np.asarray(features) - np.asarray(self.mean)) / np.asarray(self.scale)
        z = float(x @ np.asarray(self.weights) + self.bias)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def is_hesitation(self, candidate: Candidate) -> bool:
        return self.probability(candidate.features) >= self.threshold

    def as_json(self) -> dict[str, object]:
        return {
            "features": list(FEATURE_NAMES),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "weights": list(self.weights),
            "bias": self.bias,
            "threshold": self.threshold,
        }


def fit(
    rows: Sequence[Sequence[float]],
    labels: Sequence[int],
    *,
    l2: float = 1.0,
    steps: int = 400,
    threshold: float = 0.5,
) -> HesitationModel:
    """Logistic regression over standardised features (a few hundred rows, twenty)."""
    x = np.asarray(rows, dtype=np.float64)
    mean, scale = learning.standardised(x)
    theta = learning.train_logistic(
        (x - mean) / scale, np.asarray(labels, dtype=np.float64), l2, steps, ridge=1e-6
    )
    return HesitationModel(
        tuple(float(v) for v in mean),
        tuple(float(v) for v in scale),
        tuple(float(v) for v in theta[:-1]),
        float(theta[-1]),
        threshold,
    )


def load_model(path: Path = MODEL_FILE, sha256: str | None = None) -> HesitationModel | None:
    """The shipped model, checked against its pinned digest; None if absent or damaged."""
    expected = MODEL_SHA256 if sha256 is None else sha256
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not expected or hashlib.sha256(data).hexdigest() != expected:
        return None
    raw = json.loads(data)
    if list(raw.get("features", [])) != list(FEATURE_NAMES):
        return None
    return HesitationModel(
        tuple(raw["mean"]),
        tuple(raw["scale"]),
        tuple(raw["weights"]),
        float(raw["bias"]),
        float(raw["threshold"]),
    )


def label_of(candidate: Candidate) -> str:
    """ "um" when the stretch closes on a nasal (most energy low at its end), else "uh"."""
    low_share_end = candidate.features[FEATURE_NAMES.index("low_share_end")]
    return "um" if low_share_end >= 0.8 else "uh"


NEAR = 0.25  # seconds: a written hesitation this close is the same one

# Whisper writes a hesitation said quickly as a short word that sounds like it: "uh" as
# "a", "at" or "our", "er" as "her", "are", "here" (a Scottish voice) or "or" (a voice
# that drops its r's), "um" as "I'm" or "am", "erm" as "hirm". Such a word is taken for a
# hesitation where one stands: opening a sentence or a clause (after a comma, a pause or a
# conjunction) and either set off by a comma or a pause after it (an article, a pronoun
# or a preposition is not: "and a, picking time fell"; "Her, I started"), or written by a
# recogniser unsure of it ("Our families come", probability 0.07; under UNSURE, chosen on
# the four voices of eval/spoken_fillers.py the rules were designed on). On AMI's meeting
# transcripts it would rewrite 0.03 words in 1,000 (eval/filler_detection.py).
SOUND_ALIKES = {
    "a": "uh",
    "at": "uh",
    "our": "uh",
    "her": "er",
    "are": "er",
    "here": "er",
    "or": "er",
    "i'm": "um",
    "am": "um",
    "hirm": "erm",
    "herm": "erm",
}
_OPENERS = frozenset({"and", "but", "or", "so", "then", "because"})
PAUSE = 0.15  # seconds between two words that set them apart, as a comma does
UNSURE = 0.4


def opens_after(before: str) -> bool:
    """A word after this one opens a sentence or a clause (a pause aside)."""
    return before.rstrip().endswith((",", ".", "?", "!", ";", ":", "…", "-")) or (
        clean_word(before) in _OPENERS
    )


def stands_for_hesitation(ordered: Sequence[Word], i: int, previous: str) -> bool:
    word = ordered[i]
    if i + 1 == len(ordered):
        return False
    before = ordered[i - 1].text if i else previous
    if before:
        if is_written_hesitation(before):
            return False  # "Um, a client": the hesitation is the word before
        paused = i > 0 and word.start - ordered[i - 1].end >= PAUSE
        if not (paused or opens_after(before)):
            return False
    set_off = (
        word.text.rstrip().endswith((",", "…", "-")) or ordered[i + 1].start - word.end >= PAUSE
    )
    return set_off or word.probability < UNSURE


def respelled_hesitations(words: Sequence[Word], *, previous: str = "") -> list[Word]:
    """The words with each word that stands for a hesitation written as one ("Her," -> "Er,").

    ``previous``: the word said just before these (when they are a window of a longer
    answer); without it the first word opens the answer."""
    ordered = sorted(words, key=lambda w: w.start)
    out = list(ordered)
    for i, word in enumerate(ordered):
        core = clean_word(word.text)
        hesitation = SOUND_ALIKES.get(core)
        if hesitation is None or not stands_for_hesitation(ordered, i, previous):
            continue
        at = word.text.lower().find(core)
        if word.text[at : at + 1].isupper():
            hesitation = hesitation.capitalize()
        text = word.text[:at] + hesitation + word.text[at + len(core) :]
        out[i] = Word(text, word.start, word.end, word.probability)
    return out


# A word said as a filler and set off by a comma ("So, the audit..."): a voice that draws
# it out makes a steady voiced stretch that is that same filler, not one more.
_FILLER_OPENERS = frozenset({"so", "like", "well", "okay"})


def _is_filler_opener(word: Word) -> bool:
    return clean_word(word.text) in _FILLER_OPENERS and word.text.rstrip().endswith(",")


def with_hesitations(
    audio: npt.NDArray[np.float32],
    words: Sequence[Word],
    speech_probability: Floats | npt.NDArray[np.float32] | None,
    model: HesitationModel | None,
    *,
    previous: str = "",
    respell: Callable[[Sequence[Word], Frames], list[Word]] | None = None,
) -> list[Word]:
    """The words with the hesitations heard in the audio added, in time order.

    First, a word the recogniser wrote for a hesitation is written as one, and a quick
    hesitation it left out or merged into a word is written in: by ``respell`` (the word
    classifier of :mod:`.hesitation_words`) or, without one, by the rules of
    :func:`respelled_hesitations` (``previous`` is the word said before these).
    Stretches the model calls hesitations (two less than 0.2 s apart are one) are added
    as "um" or "uh" unless the transcript already has a hesitation there. Word times
    from the recogniser often stretch over a pause and the hesitation in it, so a word
    over the stretch is kept, unless it is a short word the recogniser was unsure of lying
    inside it (Whisper writes a drawn-out "uh" as "a" or "I"): that one is replaced.
    """
    stretches = model is not None and audio.size >= RATE // 5
    # measured once for both steps: it is most of their time
    frames = frame_features(audio) if respell is not None or stretches else None
    if respell is None or frames is None:
        ordered = respelled_hesitations(words, previous=previous)
    else:
        ordered = respell(words, frames)
    if model is None or not stretches:
        return ordered
    probabilities = None if speech_probability is None else np.asarray(speech_probability, float)
    found: list[Candidate] = []
    for candidate in candidates(audio, ordered, speech_probability=probabilities, frames=frames):
        if not model.is_hesitation(candidate):
            continue
        if found and candidate.start - found[-1].end < 0.2:
            last = found.pop()
            candidate = Candidate(last.start, candidate.end, candidate.features, last.covered_by)
        found.append(candidate)
    out = list(ordered)
    for candidate in found:
        near = [w for w in out if w.start < candidate.end + NEAR and w.end > candidate.start - NEAR]
        if any(is_written_hesitation(w.text) for w in near):
            continue  # the recogniser wrote it already (its times are a little off)
        overlapping = [w for w in out if w.start < candidate.end and w.end > candidate.start]
        if any(_is_filler_opener(w) for w in overlapping):
            continue  # "So," drawn out: one filler, which the report counts already
        for word in overlapping:
            middle = (word.start + word.end) / 2
            if (
                candidate.start <= middle <= candidate.end
                and len(clean_word(word.text)) <= 2
                and word.probability < 0.5
            ):
                out.remove(word)
        out.append(Word(label_of(candidate), candidate.start, candidate.end, 1.0))
    return sorted(out, key=lambda w: w.start)
