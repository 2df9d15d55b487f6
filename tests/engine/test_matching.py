"""Story matching: the right STAR story wins, with reasons, and gaps are reported."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from secondround.engine.stories import story_texts
from secondround.engine.stories.matching import match
from secondround.engine.stories.story_texts import QuestionText, StoryText, story_document

STORIES = (
    StoryText(
        id="parent",
        title="Calming an angry parent",
        situation="A father shouted at me at the school gate about his son's essay grade.",
        task="I had to calm him down and keep the family on side.",
        action="I offered a meeting, listened, and walked him through the mark scheme.",
        result="He left calm and later volunteered on a school trip.",
        competencies=("conflict", "communication"),
    ),
    StoryText(
        id="budget",
        title="Renegotiating the vendor contract",
        situation="Our software vendor raised prices by 30% and the budget could not absorb it.",
        task="I had to keep the service within budget.",
        action="I benchmarked three other vendors and negotiated a two-year price freeze.",
        result="We saved 40,000 pounds a year on the contract.",
        competencies=("influence", "results"),
    ),
    StoryText(
        id="outage",
        title="Fixing a checkout outage",
        situation="Our checkout API timed out during a sale because the database pool was full.",
        task="I was on call and had to restore the service.",
        action="I found a reporting query holding connections, killed it and added a timeout.",
        result="Checkout was back within 40 minutes and we added alerts.",
        competencies=("problem_solving", "pressure"),
    ),
    StoryText(
        id="intern",
        title="Mentoring a summer intern",
        situation="An intern joined us who had only written coursework code.",
        task="I wanted him to ship a real feature.",
        action="I paired with him daily and explained my code review comments.",
        result="He shipped to production in week eight and joined us as a graduate.",
        competencies=("mentoring",),
    ),
    StoryText(
        id="mistake",
        title="The pallet I loaded on the wrong trailer",
        situation="In a rush I put a pallet on the wrong trailer; a customer got the wrong order.",
        task="I had to own up and fix it.",
        action="I told my manager straight away and now check labels against the manifest.",
        result="Both customers had their goods the next day.",
        competencies=("failure", "ownership"),
    ),
)


def q(text: str, competency: str = "", qid: str = "q") -> QuestionText:
    # competency "" means "none": the classifier is not consulted
    return QuestionText(qid, text, competency)


@pytest.mark.parametrize(
    ("question", "competency", "expected"),
    [
        (
            "Describe a time you turned around a conversation with someone upset with you.",
            "conflict",
            "parent",
        ),
        (
            "How have you handled an irate family member of someone in your care?",
            "conflict",
            "parent",
        ),
        ("Tell me about a negotiation with a supplier over costs.", "influence", "budget"),
        ("Tell me about a time you saved your company money.", "results", "budget"),
        (
            "Tell me about a time a live website went down and you brought it back.",
            "problem_solving",
            "outage",
        ),
        ("How have you helped a junior colleague grow?", "mentoring", "intern"),
        ("Tell me about an error you made and what you did next.", "failure", "mistake"),
    ],
)
@pytest.mark.parametrize("method", ["learned", "combined", "embedding"])
def test_the_right_story_wins(question: str, competency: str, expected: str, method: str) -> None:
    [result] = match(STORIES, [q(question, competency)], method=method)
    assert result.matches[0].story_id == expected


@pytest.mark.parametrize(
    ("question", "competency"),
    [
        ("Tell me about a time you calmed down an angry parent.", "conflict"),
        ("Tell me about a time you mentored an intern who was new to real code.", "mentoring"),
        ("Describe a time you negotiated a better price with a software vendor.", "influence"),
    ],
)
def test_a_close_story_covers_the_question(question: str, competency: str) -> None:
    [result] = match(STORIES, [q(question, competency)])
    assert result.covered


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What happened with the vendor contract and the budget?", "budget"),
        ("Tell me about the intern you mentored.", "intern"),
        ("How did you deal with the database timeout in checkout?", "outage"),
    ],
)
def test_bm25_finds_shared_words(question: str, expected: str) -> None:
    [result] = match(STORIES, [q(question)], method="bm25")
    assert result.matches[0].story_id == expected


@pytest.mark.parametrize(
    ("question", "competency", "story", "reason"),
    [
        (
            "Tell me about a conflict with a parent.",
            "conflict",
            "parent",
            "shared competency: conflict",
        ),
        ("How do you manage vendor budgets?", "influence", "budget", "shared terms: "),
        ("How do you manage vendor budgets?", "", "budget", "vendor"),
        (
            "Describe an outage you fixed under pressure.",
            "pressure",
            "outage",
            "shared competency: pressure",
        ),
    ],
)
def test_reasons_name_competency_and_terms(
    question: str, competency: str, story: str, reason: str
) -> None:
    [result] = match(STORIES, [q(question, competency)])
    found = {m.story_id: m.reasons for m in result.matches}
    assert story in found
    assert any(reason in r for r in found[story]), found[story]


def test_shared_terms_are_written_as_in_the_story() -> None:
    [result] = match(STORIES, [q("Tell me about negotiating with vendors.")], method="bm25")
    top = result.matches[0]
    assert top.story_id == "budget"
    terms = next(r for r in top.reasons if r.startswith("shared terms: "))
    assert "vendor" in terms and "negotiated" in terms


@pytest.mark.parametrize(
    "question",
    [
        "What is your favourite recipe for sourdough bread?",
        "Which football team do you support and why?",
    ],
)
def test_no_story_covers_an_unrelated_question(question: str) -> None:
    [result] = match(STORIES, [q(question)])
    assert not result.covered
    assert len(result.matches) == 3  # the closest ones are still listed


def test_top_and_scores_are_ordered() -> None:
    [result] = match(
        STORIES, [q("Tell me about a time you negotiated prices.", "influence")], top=5
    )
    assert len(result.matches) == 5
    scores = [m.score for m in result.matches]
    assert scores == sorted(scores, reverse=True)
    [two] = match(STORIES, [q("Tell me about a time you negotiated prices.")], top=2)
    assert len(two.matches) == 2


@pytest.mark.parametrize(
    ("stories", "questions", "expected"),
    [
        ((), (), []),
        (STORIES, (), []),
        ((), (q("Tell me about a conflict."),), [story_texts.QuestionMatches("q", (), False)]),
        (STORIES, (q("   "),), [story_texts.QuestionMatches("q", (), False)]),
        (
            (StoryText("blank", ""),),
            (q("Tell me about a conflict."),),
            [story_texts.QuestionMatches("q", (), False)],
        ),
    ],
)
def test_empty_inputs(
    stories: tuple[StoryText, ...], questions: tuple[QuestionText, ...], expected: list[object]
) -> None:
    assert match(stories, questions) == expected


def test_a_story_without_words_is_never_matched() -> None:
    stories = (StoryText("blank", ""), *STORIES)
    [result] = match(stories, [q("Tell me about a conflict with a parent.", "conflict")], top=10)
    ids = [m.story_id for m in result.matches]
    assert "blank" not in ids and len(ids) == len(STORIES)


def test_unknown_method_is_refused() -> None:
    with pytest.raises(ValueError, match="method"):
        match(STORIES, [q("Tell me about a conflict.")], method="magic")


@pytest.mark.parametrize("method", story_texts.METHODS)
def test_deterministic(method: str) -> None:
    questions = [
        q(f"Tell me about a time you {v}.", qid=str(i))
        for i, v in enumerate(
            ["fixed an outage", "helped a junior", "made a mistake", "calmed someone down"]
        )
    ]
    first = match(STORIES, questions, method=method)
    second = match(STORIES, questions, method=method)
    assert first == second
    twins = (STORIES[0], replace(STORIES[0], id="twin"))
    [tie] = match(twins, [q("Tell me about an angry parent.")], method=method)
    assert [m.story_id for m in tie.matches] == [STORIES[0].id, "twin"]  # ties keep input order


def test_story_document_has_every_part() -> None:
    text = story_document(STORIES[1])
    for part in ("Renegotiating", "raised prices", "within budget", "benchmarked", "saved"):
        assert part in text


def test_cached_vectors_are_used(monkeypatch: pytest.MonkeyPatch) -> None:
    real = story_texts.embeddings.embed
    calls: list[list[str]] = []

    def counting(texts: list[str]) -> np.ndarray:
        calls.append(list(texts))
        return real(texts)

    monkeypatch.setattr(story_texts.embeddings, "embed", counting)
    vectors = story_texts.embed_stories(STORIES)
    assert vectors.shape == (len(STORIES), 384)
    assert len(calls) == 1 and len(calls[0]) == len(STORIES)  # one batch

    parts = story_texts.embed_story_parts(STORIES)
    assert parts.shape == (len(STORIES), 6, 384)
    cached = [
        replace(
            s,
            vector=tuple(float(x) for x in v),
            part_vectors=tuple(tuple(float(x) for x in row) for row in p),
        )
        for s, v, p in zip(STORIES, vectors, parts, strict=True)
    ]
    calls.clear()
    assert np.allclose(story_texts.embed_stories(cached), vectors, atol=1e-6)
    assert np.allclose(story_texts.embed_story_parts(cached), parts, atol=1e-6)
    assert calls == []

    question = q("Tell me about a time you negotiated prices.", "influence")
    story_texts.embeddings.forget_remembered()
    calls.clear()
    [result] = match(cached, [question])
    assert calls == [[question.text]]  # only the question was embedded
    calls.clear()
    assert match(cached, [question]) == [result]
    assert calls == []  # the question's vector is remembered
    assert result.matches[0].story_id == "budget"

    question_vector = tuple(float(x) for x in real([question.text])[0])
    calls.clear()
    [again] = match(cached, [replace(question, vector=question_vector)])
    assert calls == []
    assert again == result

    half = [cached[0], *STORIES[1:]]
    calls.clear()
    story_texts.embed_stories(half)
    assert len(calls) == 1 and len(calls[0]) == len(STORIES) - 1


def test_bm25_needs_no_embedding(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(texts: list[str]) -> np.ndarray:
        raise AssertionError("bm25 must not embed")

    monkeypatch.setattr(story_texts.embeddings, "embed", refuse)
    [result] = match(STORIES, [q("the vendor budget")], method="bm25")
    assert result.matches[0].story_id == "budget"


@pytest.mark.parametrize(
    ("scores", "shared"),
    [((("mentoring", 0.8), ("teamwork", 0.1)), True), ((), False)],
)
def test_the_callers_reading_gives_the_question_competency(
    scores: tuple[tuple[str, float], ...], shared: bool
) -> None:
    question = QuestionText("q", "Tell me about someone you supported.", competency_scores=scores)
    [result] = match(STORIES, [question])
    assert ("shared competency: mentoring" in result.matches[0].reasons) is shared
