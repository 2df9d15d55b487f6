"""Writes of the story bank."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import replace

import numpy as np
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from secondround.engine.classify import competency_scores
from secondround.engine.matching import StoryText, embed_stories, story_document
from secondround.engine.resume import DraftStory

from .models import Story

SUGGESTED_COMPETENCIES = 3


def suggest_competencies(story: Story) -> list[str]:
    """The competencies the question classifier reads in the story, best first."""
    text = " ".join((story.title, story.situation, story.task, story.action, story.result))
    scores = competency_scores(text)
    return [competency for competency, _ in sorted(scores.items(), key=lambda i: -i[1])][
        :SUGGESTED_COMPETENCIES
    ]


def story_save(*, story: Story) -> Story:
    if not story.competencies:
        story.competencies = suggest_competencies(story)
    story.save()
    return story


def _plain_text(story: Story) -> StoryText:
    """The story as the matcher reads it, without a vector."""
    return StoryText(
        id=str(story.pk),
        title=story.title,
        situation=story.situation,
        task=story.task,
        action=story.action,
        result=story.result,
        competencies=tuple(story.competencies),
    )


def _digest(plain: StoryText) -> str:
    return hashlib.sha256(story_document(plain).encode()).hexdigest()


def _cached_vector(story: Story, plain: StoryText) -> tuple[float, ...] | None:
    """The stored vector, if it was computed from the story's current text."""
    if story.vector and story.vector_digest == _digest(plain):
        return tuple(np.frombuffer(bytes(story.vector), dtype=np.float16).astype(float))
    return None


def story_text(story: Story) -> StoryText:
    plain = _plain_text(story)
    return replace(plain, vector=_cached_vector(story, plain))


def refresh_vectors(stories: Sequence[Story]) -> None:
    """Embed the stories whose text changed since their vector was computed, and keep it."""
    stale = [
        (story, plain)
        for story in stories
        if _cached_vector(story, plain := _plain_text(story)) is None
    ]
    if not stale:
        return
    vectors = embed_stories([plain for _, plain in stale])
    for (story, plain), vector in zip(stale, vectors, strict=True):
        story.vector = np.asarray(vector, dtype=np.float16).tobytes()
        story.vector_digest = _digest(plain)
    Story.objects.bulk_update([story for story, _ in stale], ["vector", "vector_digest"])


def drafts_as_rows(drafts: Iterable[DraftStory]) -> list[dict]:
    rows = []
    for draft in drafts:
        metric = draft.metric
        rows.append(
            {
                "keep": True,
                "title": draft.title[:200],
                "action": draft.action,
                "result": draft.result,
                "metric": (metric.text if metric else "")[:200],
                "metric_before": (metric.before or "") if metric else "",
                "metric_after": (metric.after or metric.value or "") if metric else "",
                "employer": draft.employer or "",
                "role": draft.role or "",
                "year": (draft.end if draft.end and draft.end.lower() != "present" else draft.start)
                or "",
            }
        )
    return rows


@transaction.atomic
def stories_from_drafts(*, owner: AbstractBaseUser, rows: Iterable[dict]) -> list[Story]:
    created = []
    for row in rows:
        story = Story(owner=owner, **{key: value for key, value in row.items() if key != "keep"})
        created.append(story_save(story=story))
    return created
