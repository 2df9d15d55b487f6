"""Hesitations Whisper wrote as the word that sounds like them ("a,", "Her,", "Our")."""

from __future__ import annotations

import pytest

from secondround.engine.practice.hesitations import Word, respelled_hesitations


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
