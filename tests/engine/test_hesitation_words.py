"""The word classifier of quick hesitations: its candidates and features on made-up
sound, its pinned model file, and what it writes when it calls one."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from secondround.engine.practice import hesitation_words as hw
from secondround.engine.practice.hesitations import (
    RATE,
    HesitationModel,
    Word,
    is_written_hesitation,
)


def _vowel(seconds: float, f0: float = 120.0) -> np.ndarray:
    """One pitch, one spectrum: what a hesitation sounds like."""
    t = np.arange(int(seconds * RATE)) / RATE
    return sum(np.sin(2 * np.pi * f0 * k * t) / k for k in range(1, 8)) * 0.1


def _speech(seconds: float) -> np.ndarray:
    """Voicing whose pitch and loudness keep moving, as in words."""
    t = np.arange(int(seconds * RATE)) / RATE
    phase = 2 * np.pi * np.cumsum(100 + 200 * np.abs(np.sin(2 * np.pi * 3 * t))) / RATE
    loudness = 0.5 + 0.5 * np.sin(2 * np.pi * 5 * t)
    return sum(np.sin(k * phase) / k for k in range(1, 8)) * 0.1 * loudness


def _noise(seconds: float) -> np.ndarray:
    """A cough or a breath: loud, but not voiced."""
    return np.random.default_rng(1).standard_normal(int(seconds * RATE)) * 0.1


def _silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE))


def _answer(middle: np.ndarray) -> tuple[np.ndarray, list[Word]]:
    """Words 0.5-1.5 s, ``middle`` from 1.6 s, words again 0.1 s after it."""
    audio = np.concatenate(
        [_silence(0.5), _speech(1.0), _silence(0.1), middle, _silence(0.1), _speech(1.0)]
    ).astype(np.float32)
    after = 1.7 + middle.size / RATE
    words = [
        Word("I", 0.5, 0.7, 0.9),
        Word("stopped", 0.7, 1.1, 0.9),
        Word("the", 1.1, 1.3, 0.9),
        Word("run,", 1.3, 1.5, 0.9),
        Word("checked", after, after + 0.4, 0.9),
        Word("the", after + 0.4, after + 0.6, 0.9),
        Word("log.", after + 0.6, after + 0.85, 0.9),
    ]
    return audio, words


def _feature(candidate: hw.Candidate, name: str) -> float:
    return candidate.features[hw.FEATURE_NAMES.index(name)]


@pytest.mark.parametrize(
    ("middle", "gap_expected", "steady_at_least", "flat"),
    [
        (_vowel(0.4), True, 0.25, True),  # a hesitation no word covers
        (_vowel(0.2, 200.0), True, 0.12, True),
        (_speech(0.4), True, 0.0, False),  # moving voice: a candidate, but not steady
        (_noise(0.4), False, 0.0, False),  # a cough: not voiced, no candidate
        (_silence(0.4), False, 0.0, False),  # a pause
    ],
)
def test_a_gap_no_word_covers_is_described_by_its_sound(
    middle: np.ndarray, gap_expected: bool, steady_at_least: float, flat: bool
) -> None:
    audio, words = _answer(middle)
    gaps = [c for c in hw.candidates(audio, words) if c.kind == "gap"]
    assert bool(gaps) == gap_expected
    if gaps:
        (gap,) = gaps
        assert gap.index == 4  # the word after it
        assert 1.5 <= gap.start < gap.end <= 1.7 + middle.size / RATE + 0.05
        assert _feature(gap, "steady") >= steady_at_least
        assert (_feature(gap, "pitch_range") < 1.0) == flat
        assert _feature(gap, "comma_after") == 1.0  # "run," before it


@pytest.mark.parametrize(
    ("text", "start", "end", "kind"),
    [
        ("her,", 1.6, 1.9, "word"),  # a word Whisper writes for a hesitation
        ("a", 1.6, 1.8, "word"),
        ("I", 1.6, 2.3, "long"),  # one letter over 0.7 s: a merged "uh"
        ("checked", 1.6, 2.1, None),  # as long as its letters need
        ("um", 1.6, 2.0, None),  # written as a hesitation already
    ],
)
def test_words_that_may_hide_a_hesitation_are_candidates(
    text: str, start: float, end: float, kind: str | None
) -> None:
    audio, words = _answer(_vowel(0.4))
    words = [*words[:4], Word(text, start, end, 0.5), *words[4:]]
    kinds = {c.kind for c in hw.candidates(audio, words) if c.index == 4}
    assert (kind in kinds) if kind else not (kinds & {"word", "long"})


def test_a_long_word_with_a_steady_vowel_before_it_says_so() -> None:
    audio = np.concatenate([_silence(0.3), _vowel(0.4), _speech(0.3), _silence(0.3)])
    words = [Word("So", 0.0, 0.3, 0.9), Word("I", 0.3, 1.0, 0.9), Word("went.", 1.0, 1.3, 0.9)]
    found = hw.candidates(audio.astype(np.float32), words)
    (long,) = [c for c in found if c.kind == "long" and c.index == 1]
    assert _feature(long, "steady_at_start") > _feature(long, "steady_at_end")
    assert _feature(long, "length_ratio") > 3


def _says(probability_bias: float, kinds: tuple[str, ...] = hw.KINDS) -> hw.WordModel:
    n = len(hw.FEATURE_NAMES)
    model = HesitationModel((0.0,) * n, (1.0,) * n, (0.0,) * n, probability_bias, 0.5)
    return hw.WordModel(dict.fromkeys(kinds, model))


@pytest.mark.parametrize(
    ("text", "bias", "expected"),
    [
        ("her,", 5.0, "I stopped the run, er, checked the log."),
        ("her,", -5.0, "I stopped the run, er, checked the log."),  # the rules say so
        ("I", 5.0, "I stopped the run, uh I checked the log."),  # merged: "uh" before it
        ("I", -5.0, "I stopped the run, I checked the log."),
    ],
)
def test_what_the_model_calls_a_hesitation_is_written_as_one(
    text: str, bias: float, expected: str
) -> None:
    audio, words = _answer(_silence(0.6))  # silence: no gap candidate
    words = [*words[:4], Word(text, 1.6, 2.25 if text == "I" else 1.9, 0.5), *words[4:]]
    heard = hw.judged(audio, words, None, _says(bias))
    assert " ".join(w.text for w in heard) == expected
    assert [w.start for w in heard] == sorted(w.start for w in heard)


@pytest.mark.parametrize(("bias", "added"), [(5.0, 1), (-5.0, 0)])
def test_a_voiced_gap_the_model_calls_a_hesitation_gets_one(bias: float, added: int) -> None:
    audio, words = _answer(_vowel(0.4))
    heard = hw.judged(audio, words, None, _says(bias))
    new = [w for w in heard if w not in words]
    assert len(new) == added
    assert all(is_written_hesitation(w.text) for w in new)  # "um": the low vowel of _vowel
    for w in new:
        assert 1.5 <= w.start < w.end <= 2.2


def _write(folder: Path, model: hw.WordModel) -> tuple[Path, str]:
    path = folder / "model.json"
    text = json.dumps(model.as_json())
    path.write_text(text)
    return path, hashlib.sha256(text.encode()).hexdigest()


@pytest.mark.parametrize(
    ("tamper", "loads"),
    [
        (None, True),
        (lambda text: text.replace("0.5", "0.1", 1), False),  # a threshold changed
        (lambda text: text + " ", False),  # one byte more
        (lambda text: "", False),
        (lambda text: "\x00\xff not json", False),
    ],
)
def test_the_model_file_must_match_its_pinned_digest(tmp_path: Path, tamper, loads: bool) -> None:
    path, digest = _write(tmp_path, _says(1.0))
    if tamper is not None:
        path.write_bytes(tamper(path.read_text()).encode("utf-8", "surrogateescape"))
    model = hw.load_model(path, sha256=digest)
    assert (model is not None) == loads
    if model is not None:
        assert set(model.models) == set(hw.KINDS)


@pytest.mark.parametrize(
    ("content", "why"),
    [
        ({"features": ["duration"], "models": {}}, "other features"),
        ({"models": {}}, "no feature list"),
        ({"features": list(hw.FEATURE_NAMES), "models": {"word": {"mean": []}}}, "incomplete"),
    ],
)
def test_a_model_of_another_version_is_refused_even_when_pinned(
    tmp_path: Path, content: dict, why: str
) -> None:
    path = tmp_path / "model.json"
    path.write_text(json.dumps(content))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert hw.load_model(path, sha256=digest) is None, why


def test_no_pin_no_file_no_model(tmp_path: Path) -> None:
    assert hw.load_model(tmp_path / "missing.json", sha256="0" * 64) is None
    path, _ = _write(tmp_path, _says(1.0))
    assert hw.load_model(path, sha256="") is None


def test_the_shipped_model_loads_when_pinned() -> None:
    if not hw.MODEL_SHA256:
        pytest.skip("no model shipped yet")
    assert hw.load_model() is not None


@pytest.mark.parametrize("audio", [np.zeros(0, np.float32), np.zeros(100, np.float32)])
def test_too_little_audio_gives_no_candidates_and_no_error(audio: np.ndarray) -> None:
    words = [Word("we", 0.0, 0.3, 0.5), Word("went", 0.5, 0.9, 0.5)]
    assert all(c.kind != "gap" for c in hw.candidates(audio, words))
    assert [w.text for w in hw.judged(audio, words, None, _says(-5.0))] == ["we", "went"]


@pytest.mark.parametrize(
    ("bias", "expected"),
    [
        (-5.0, "I called her and she came."),  # neither the rules nor the model
        (5.0, "I called er and she came."),  # the model alone is enough
    ],
)
def test_the_model_adds_to_what_the_rules_call(bias: float, expected: str) -> None:
    audio = np.concatenate([_silence(0.2), _speech(2.0), _silence(0.3)]).astype(np.float32)
    said = "I called her and she came."
    words = [Word(t, 0.2 + 0.3 * i, 0.5 + 0.3 * i, 0.9) for i, t in enumerate(said.split())]
    heard = hw.judged(audio, words, None, _says(bias, ("word",)))
    assert " ".join(w.text for w in heard) == expected
