"""The cover model: whether any of the candidate's stories answers a round's question."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from secondround.engine.stories import story_cover, story_model
from secondround.engine.stories.matching import cover_inputs, match
from secondround.engine.stories.story_texts import QuestionText
from tests.engine.stage_inputs import asked
from tests.engine.test_story_model import BANK


@pytest.fixture(scope="module")
def cover_model() -> story_cover.CoverModel:
    found = story_cover.load_cover_model()
    assert found is not None, "the shipped cover model must load"
    return found


@pytest.mark.parametrize(
    ("question", "covered"),
    [
        # generic questions any real story answers
        (
            "Describe a piece of work from your last role that is very close to what this job "
            "requires.",
            True,
        ),
        ("Tell me about someone you helped develop at work. What changed for them?", True),
        ("How have you helped a new colleague get up to speed?", True),
        # questions none of coaching / drivers / lanes answers
        (
            "Give me an example of a time you had to adjust to a new manager, team or "
            "organisation with a very different style.",
            False,
        ),
        ("How do you like to receive feedback?", False),
        ("What is your favourite recipe for sourdough bread?", False),
        ("Describe a time you managed a multi-million budget for a hospital ward.", False),
        ("Tell me about a time you handled a patient's medication error.", False),
    ],
)
def test_the_cover_model_decides_coverage(
    cover_model: story_cover.CoverModel, question: str, covered: bool
) -> None:
    [result] = match(list(BANK), [asked("q", question)])
    assert result.covered is covered
    assert result.cover is not None and 0.0 <= result.cover <= 1.0
    assert (result.cover >= cover_model.threshold) is covered
    assert len(result.matches) == 3  # the closest stories are listed either way


@pytest.mark.parametrize("tags", [True, False])
def test_stories_without_tags_leave_the_tag_signal_unknown(tags: bool) -> None:
    tagged = {"coaching": ("mentoring",), "drivers": ("conflict",), "lanes": ("results",)}
    bank = [replace(s, competencies=tagged[s.id] if tags else ()) for s in BANK]
    question = QuestionText("q", "Tell me about someone you helped develop at work.", "mentoring")
    inputs = cover_inputs(bank, [question])
    assert inputs is not None
    assert (inputs.tagged is None) is not tags
    [result] = match(bank, [question])
    assert result.covered


def test_a_ranker_passed_without_a_cover_model_keeps_its_own_threshold() -> None:
    ranker = story_model.load_model()
    assert ranker is not None
    question = asked("q", "Describe a time you used data to cut costs.")
    [result] = match(list(BANK), [question], model=ranker)
    assert result.cover is None
    assert result.covered  # the ranker's probability against ranker.cover_threshold


@pytest.mark.parametrize(
    ("stories", "questions", "expected"),
    [
        ([], [asked("q", "Tell me about a time you led a team.")], [False]),
        (list(BANK), [], []),
        (list(BANK), [asked("q", "   ")], [False]),
    ],
)
def test_empty_input_covers_nothing(stories, questions, expected) -> None:
    assert [r.covered for r in match(stories, questions)] == expected


def _unit(values: list[float]) -> np.ndarray:
    vector = np.array(values, dtype=np.float32)
    return vector / np.linalg.norm(vector)


LABELLED = story_cover.LabelledQuestions(
    vectors=np.array([_unit([1, 0, 0]), _unit([0, 1, 0])], dtype=np.float32),
    covered=np.array([9.0, 1.0]),
    asked=np.array([10.0, 10.0]),
)


@pytest.mark.parametrize(
    ("question", "evidence", "low", "high"),
    [
        ([1, 0, 0], 0.5, 0.8, 0.9),  # asked of ten banks, covered by nine
        ([0, 1, 0], 0.5, 0.1, 0.2),  # covered by one in ten
        ([0, 0, 1], 0.3, 0.29, 0.31),  # unlike any labelled question: the evidence decides
        ([0, 0, 1], 0.9, 0.89, 0.91),
    ],
)
def test_the_prior_reads_near_labelled_questions_and_falls_back_on_the_evidence(
    question: list[float], evidence: float, low: float, high: float
) -> None:
    log_odds, nearest = story_cover.prior(LABELLED, _unit(question)[None, :], np.array([evidence]))
    probability = 1.0 / (1.0 + np.exp(-log_odds[0]))
    assert low <= probability <= high
    assert nearest[0] == pytest.approx(max(_unit(question) @ LABELLED.vectors.T))


def test_labelled_questions_count_each_question_once_per_bank() -> None:
    def bank(group: str, covered: list[bool]) -> story_cover.LabelledBank:
        return story_cover.LabelledBank(
            group=group,
            questions=np.array([_unit([1, 0, 0]), _unit([0, 1, 0])], dtype=np.float32),
            cover_logits=np.zeros((2, 3)),
            tagged=np.zeros((2, 3)),
            covered=np.array(covered),
        )

    labelled = story_cover.labelled_questions([bank("a", [True, False]), bank("b", [True, True])])
    assert labelled.asked.tolist() == [2.0, 2.0]
    assert labelled.covered.tolist() == [2.0, 1.0]


def test_training_learns_that_a_covered_kind_of_question_is_covered() -> None:
    rng = np.random.default_rng(7)
    banks = []
    for group in "abcdef":
        answered = rng.random(20) < 0.5
        questions = np.array(
            [
                _unit([1, 0.1 * rng.random(), 0]) if a else _unit([0, 1, 0.1 * rng.random()])
                for a in answered
            ],
            dtype=np.float32,
        )
        banks.append(
            story_cover.LabelledBank(
                group=group,
                questions=questions,
                cover_logits=rng.normal(size=(20, 4)),
                tagged=np.zeros((20, 4)),
                covered=answered,
            )
        )
    model = story_cover.train_cover(banks)
    probe = np.array([_unit([1, 0.05, 0]), _unit([0, 1, 0.05])], dtype=np.float32)
    probability = model.probability(np.zeros((2, 4)), probe, np.zeros((2, 4)))
    assert probability[0] > model.threshold > probability[1]


def test_an_altered_cover_model_is_refused_and_the_ranker_decides(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    altered = tmp_path / "story_cover.npz"
    altered.write_bytes(story_cover.MODEL_PATH.read_bytes() + b"x")
    monkeypatch.setattr(story_cover, "MODEL_PATH", altered)
    story_cover.load_cover_model.cache_clear()
    try:
        assert story_cover.load_cover_model() is None
        [result] = match(list(BANK), [asked("q", "Tell me about mentoring someone.")])
        assert result.cover is None
    finally:
        story_cover.load_cover_model.cache_clear()


def test_a_cover_model_made_for_another_story_model_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(story_model, "MODEL_FILE_SHA256", "0" * 64)
    story_cover.load_cover_model.cache_clear()
    try:
        assert story_cover.load_cover_model() is None
    finally:
        story_cover.load_cover_model.cache_clear()
