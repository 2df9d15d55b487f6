"""Which stories answer which questions: the matching behind coverage and the brief."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser

from secondround.engine.nlp.vocabulary import COMPETENCIES
from secondround.engine.questions.question_bank import BankQuestion
from secondround.engine.stories.matching import match
from secondround.engine.stories.story_texts import QuestionMatches, QuestionText
from secondround.engine_results import ResultCache
from secondround.opportunities.models import Round
from secondround.questions.selectors import PostingNeeds, posting_needs, round_bank

from .models import Story
from .services import refresh_vectors, story_text, story_text_inputs

# Kinds answered without a STAR story: the staples have their own builders (research page),
# illegal and curveball questions their guidance, pay and closing questions a script.
NOT_STORY_KINDS = frozenset(
    {"second_round", "motivation", "illegal", "curveball", "closing", "salary"}
)

# A story that is the best answer to more questions than this needs a companion.
OVERUSE_LIMIT = 4


@dataclass(frozen=True)
class QuestionCoverage:
    question: BankQuestion
    matches: QuestionMatches


@dataclass(frozen=True)
class CompetencyCoverage:
    competency: str
    label: str
    weight: float
    stories: list[Story]


@dataclass(frozen=True)
class RoundCoverage:
    questions: list[QuestionCoverage]  # gaps first, then in bank order
    competencies: list[CompetencyCoverage]  # gaps first, then by weight
    stories: dict[str, Story]
    overused: list[tuple[Story, int]]
    rehearse: list[tuple[Story, int]]  # stories that answer the most questions, most first


# The matching of each (stories, bank) pair seen lately (about 20 kB each).
_MATCHES: ResultCache[tuple[QuestionMatches, ...]] = ResultCache(size=512)


def story_matches(stories: list[Story], questions: list[QuestionText]) -> list[QuestionMatches]:
    """engine.matching.match on the stories, computed once for each distinct input."""
    inputs = ([story_text_inputs(story) for story in stories], questions)
    return list(
        _MATCHES.get(inputs, lambda: tuple(match([story_text(s) for s in stories], questions)))
    )


def owner_stories(owner: AbstractBaseUser) -> list[Story]:
    stories = list(Story.objects.filter(owner=owner))
    refresh_vectors(stories)
    return stories


def round_coverage(
    round_: Round,
    owner: AbstractBaseUser,
    *,
    bank: list[BankQuestion] | None = None,
    stories: list[Story] | None = None,
    needs: PostingNeeds | None = None,
) -> RoundCoverage:
    """Which stories answer the round's questions. Pass the `bank`, the owner's `stories`
    (owner_stories) and the opportunity's posting `needs` when the caller has them."""
    stories = owner_stories(owner) if stories is None else stories
    by_id = {str(story.pk): story for story in stories}
    bank = round_bank(round_) if bank is None else bank
    matched = story_matches(
        stories,
        [QuestionText(q.key, q.text, q.competency) for q in bank if q.kind not in NOT_STORY_KINDS],
    )
    matches_by_key = {m.question_id: m for m in matched}
    questions = [
        QuestionCoverage(question, matches_by_key[question.key])
        for question in bank
        if question.key in matches_by_key
    ]
    questions.sort(key=lambda item: item.matches.covered)  # stable: gaps first, bank order kept
    best = Counter(item.matches.matches[0].story_id for item in questions if item.matches.covered)
    used = Counter(
        story_match.story_id
        for item in questions
        if item.matches.covered
        for story_match in item.matches.matches
    )
    needs = posting_needs(round_.opportunity) if needs is None else needs
    competencies = [
        CompetencyCoverage(
            competency=need.competency,
            label=COMPETENCIES.get(need.competency, need.competency),
            weight=need.weight,
            stories=[story for story in stories if need.competency in story.competencies],
        )
        for need in needs.needs
    ]
    competencies.sort(key=lambda item: (bool(item.stories), -item.weight))
    return RoundCoverage(
        questions=questions,
        competencies=competencies,
        stories=by_id,
        overused=[
            (by_id[key], count) for key, count in best.most_common() if count > OVERUSE_LIMIT
        ],
        rehearse=[(by_id[key], count) for key, count in used.most_common(8)],
    )
