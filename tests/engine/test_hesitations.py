"""Hesitations Whisper wrote as the word that sounds like them ("a,", "Her,", "Our"), and
steady voiced stretches that are a filler word drawn out."""

from __future__ import annotations

import numpy as np
import pytest

from secondround.engine.practice.hesitations import (
    RATE,
    HesitationModel,
    Word,
    respelled_hesitations,
    with_hesitations,
)


def _words(said: str, pause_after: str = "", unsure: str = "") -> list[Word]:
    """Timed words as Whisper gives them: no gap between words unless ``pause_after``;
    the word ``unsure`` with a low probability."""
    words, at = [], 0.0
    for token in said.split():
        words.append(Word(token, at, at + 0.2, 0.2 if token == unsure else 0.9))
        at += 0.2 + (0.4 if token == pause_after else 0.0)
    return words


@pytest.mark.parametrize(
    ("said", "pause_after", "unsure", "expected"),
    [
        ("and a, picking time fell.", "", "", "and uh, picking time fell."),
        ("read aloud. Her, I started again", "", "", "read aloud. Er, I started again"),
        (
            "I stopped the run, or, checked the log",
            "",
            "",
            "I stopped the run, er, checked the log",
        ),
        ("HIRM, I suggested we group orders", "", "", "Erm, I suggested we group orders"),
        ("I'm, a client came in", "", "", "Um, a client came in"),
        ("for a second, here, my crew leader", "", "", "for a second, er, my crew leader"),
        ("I moved here, and I stayed", "", "", "I moved here, and I stayed"),
        ("and a picking time fell", "a", "", "and uh picking time fell"),  # a pause, no comma
        ("Our families come to us", "", "Our", "Uh families come to us"),  # Whisper unsure
        ("I listen first, at write down", "", "at", "I listen first, uh write down"),
        # the ordinary words
        ("I called her, and she came.", "", "", "I called her, and she came."),
        ("It was a, a small team.", "", "", "It was a, a small team."),  # after a verb
        ("Tea or coffee, and a biscuit.", "", "", "Tea or coffee, and a biscuit."),
        ("Or we could start again.", "", "", "Or we could start again."),
        ("Our families come to us", "", "", "Our families come to us"),  # Whisper sure
        ("We stayed at home", "", "at", "We stayed at home"),  # unsure, not opening
        ("Um, a client came in", "", "a", "Um, a client came in"),  # the hesitation is there
        ("She thanked her.", "her.", "", "She thanked her."),
    ],
)
def test_a_word_standing_for_a_hesitation_is_written_as_one(
    said: str, pause_after: str, unsure: str, expected: str
) -> None:
    words = _words(said, pause_after, unsure)
    heard = respelled_hesitations(words)
    assert " ".join(w.text for w in heard) == expected
    assert [(w.start, w.end) for w in heard] == [(w.start, w.end) for w in words]


@pytest.mark.parametrize(
    ("previous", "expected"),
    [
        ("", "Uh families come to us"),  # the answer opens with it
        ("first.", "Uh families come to us"),
        ("and", "Uh families come to us"),
        ("helped", "Our families come to us"),  # a window cut inside a sentence
        ("Um,", "Our families come to us"),
    ],
)
def test_the_first_word_of_a_window_is_judged_with_the_word_before(
    previous: str, expected: str
) -> None:
    heard = respelled_hesitations(
        _words("Our families come to us", unsure="Our"), previous=previous
    )
    assert " ".join(w.text for w in heard) == expected


def _vowel(seconds: float, f0: float = 120.0) -> np.ndarray:
    """A steady voiced stretch (one pitch, one spectrum): what a hesitation sounds like."""
    t = np.arange(int(seconds * RATE)) / RATE
    return sum(np.sin(2 * np.pi * f0 * k * t) / k for k in range(1, 8)) * 0.1


def _speech(seconds: float) -> np.ndarray:
    """Voicing whose pitch and loudness keep moving, as in words."""
    t = np.arange(int(seconds * RATE)) / RATE
    phase = 2 * np.pi * np.cumsum(100 + 200 * np.abs(np.sin(2 * np.pi * 3 * t))) / RATE
    loudness = 0.5 + 0.5 * np.sin(2 * np.pi * 5 * t)
    return sum(np.sin(k * phase) / k for k in range(1, 8)) * 0.1 * loudness


def _silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE))


# Words, then a steady vowel at 1.8-2.3 s, then words again.
AUDIO = np.concatenate(
    [_silence(0.5), _speech(1.0), _silence(0.3), _vowel(0.5), _silence(0.3), _speech(1.0)]
).astype(np.float32)
SAYS_YES = HesitationModel((0.0,) * 21, (1.0,) * 21, (0.0,) * 21, 5.0, 0.5)


@pytest.mark.parametrize(
    ("over_the_vowel", "expected"),
    [
        ("", "We left. um then home."),  # nothing written there: a hesitation
        ("Then,", "We left. Then, um then home."),
        ("So,", "We left. So, then home."),  # "So," drawn out is one filler, not two
        ("like,", "We left. like, then home."),
    ],
)
def test_a_drawn_out_filler_word_is_not_also_a_hesitation(
    over_the_vowel: str, expected: str
) -> None:
    words = [Word("We", 0.5, 0.9), Word("left.", 0.9, 1.5)]
    if over_the_vowel:
        words.append(Word(over_the_vowel, 1.8, 2.0))
    words += [Word("then", 2.6, 3.0), Word("home.", 3.0, 3.5)]
    heard = with_hesitations(AUDIO, words, None, SAYS_YES)
    assert " ".join(w.text for w in heard) == expected
