"""Story competencies suggested from what the story shows (issue 15): cue words in what the
teller did and what came of it, and the small suggestion model. Stories are invented, in
occupations and in the shorthand people type."""

from __future__ import annotations

from pathlib import Path

import pytest

from secondround.engine.stories import story_model, story_suggest
from secondround.engine.stories.matching import suggest_competencies
from secondround.engine.stories.story_cues import COMPETENCY_IDS, cue_counts
from secondround.engine.stories.story_texts import StoryText


@pytest.mark.parametrize(
    ("title", "action", "result", "competency"),
    [
        (
            "new starters",
            "trained 3 new pickers on the reach truck, buddied each a week",
            "",
            "mentoring",
        ),
        ("", "I missed the second signature on the log", "caught at audit", "failure"),
        ("angry tenant", "she was shouting at the counter, I let her finish", "", "conflict"),
        ("", "double-checked every invoice against the delivery notes", "", "attention_to_detail"),
        ("", "", "cut returns by 30% in a quarter", "results"),
    ],
)
def test_cue_words_in_what_the_teller_did_count(
    title: str, action: str, result: str, competency: str
) -> None:
    counts = cue_counts(title, "", action, result)
    assert counts[COMPETENCY_IDS.index(competency)] > 0


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01", "x" * 20000])
def test_cue_counts_of_bad_input_are_zeros_or_finite(text: str) -> None:
    counts = cue_counts(text, text, text)
    assert counts.shape == (len(COMPETENCY_IDS),)
    assert (counts >= 0).all()


def test_the_shipped_suggestion_model_loads() -> None:
    assert story_suggest.load_model() is not None


@pytest.mark.parametrize(
    ("story", "expected"),
    [
        (
            StoryText(
                "forklift",
                "new starters on the reach truck",
                "3 new pickers started same week, lead was off",
                "get them signed off",
                "buddied each one for a wk, showed them the pre-use checks, "
                "watched their first loads",
                "all 3 signed off, no damage reports",
            ),
            "mentoring",
        ),
        (
            StoryText(
                "tenant",
                "angry tenant at the counter",
                "tenant shouting about a repair that had been open 6 wks",
                "calm it down",
                "let her finish, apologised for the delay, rang the contractor "
                "while she was there and booked a date",
                "repair done that Friday, she withdrew the complaint",
            ),
            "customer_focus",
        ),
    ],
)
def test_a_story_in_shorthand_is_suggested_what_it_shows(story: StoryText, expected: str) -> None:
    suggested = suggest_competencies(story)
    assert expected in suggested
    assert 1 <= len(suggested) <= story_model.SUGGEST_MAX
    assert set(suggested) <= set(COMPETENCY_IDS)


def test_an_empty_story_gets_no_suggestion() -> None:
    assert suggest_competencies(StoryText("empty", "", "", "", "", "")) == []


def test_an_altered_suggestion_model_is_not_loaded(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    altered = tmp_path / "story_suggest.npz"
    altered.write_bytes(story_suggest.MODEL_PATH.read_bytes() + b"x")
    monkeypatch.setattr(story_suggest, "MODEL_PATH", altered)
    story_suggest.load_model.cache_clear()
    try:
        assert story_suggest.load_model() is None
    finally:
        story_suggest.load_model.cache_clear()
