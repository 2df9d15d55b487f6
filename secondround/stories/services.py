"""Writes of the story bank."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import replace

import numpy as np
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from secondround.engine.nlp import embeddings
from secondround.engine.questions.classify import competency_scores
from secondround.engine.reading.resume_records import DraftStory
from secondround.engine.stories import story_model
from secondround.engine.stories.matching import suggest_competencies as suggest_story_competencies
from secondround.engine.stories.story_texts import (
    StoryText,
    embed_stories,
    embed_story_parts,
    story_document,
)

from .models import Story

# The stored vector: the whole story, then each of its parts (story_model.PART_ROWS).
VECTOR_ROWS = 1 + len(story_model.PART_ROWS)
VECTOR_BYTES = VECTOR_ROWS * embeddings.DIMENSIONS * 2  # float16
VECTOR_LAYOUT = "story+parts:v2\n"  # in the digest: vectors stored before it are recomputed


SUGGEST_FALLBACK = 3


def suggest_competencies(story: Story) -> list[str]:
    """The competencies the story shows (the engine's story model), best first; without the
    story model, the question classifier's reading of the whole story."""
    plain = _plain_text(story)
    if story_model.load_model() is not None or not story_document(plain):
        return suggest_story_competencies(plain)
    ranked = sorted(competency_scores(story_document(plain)).items(), key=lambda item: -item[1])
    return [competency for competency, _ in ranked[:SUGGEST_FALLBACK]]


def story_save(*, story: Story) -> Story:
    """Save the story with its vectors: computed here, on a write, so that the pages that
    match stories never embed one (a candidate's first coverage cost ~0.7 s of CPU)."""
    if not story.competencies:
        story.competencies = suggest_competencies(story)
    _set_vectors(_stale([story]))
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
    return hashlib.sha256((VECTOR_LAYOUT + story_document(plain)).encode()).hexdigest()


def _cached_vectors(story: Story, plain: StoryText) -> np.ndarray | None:
    """The stored (1 + parts, dims) vectors, if computed from the story's current text."""
    stored = bytes(story.vector) if story.vector else b""
    if len(stored) == VECTOR_BYTES and story.vector_digest == _digest(plain):
        rows = np.frombuffer(stored, dtype=np.float16).astype(float)
        return rows.reshape(VECTOR_ROWS, embeddings.DIMENSIONS)
    return None


def story_text(story: Story) -> StoryText:
    plain = _plain_text(story)
    rows = _cached_vectors(story, plain)
    if rows is None:
        return plain
    return replace(
        plain,
        vector=tuple(rows[0].tolist()),
        part_vectors=tuple(tuple(row.tolist()) for row in rows[1:]),
    )


def story_text_inputs(story: Story) -> tuple[StoryText, bytes, str]:
    """Everything `story_text` reads of a story: a cache key for what is computed from it."""
    return (_plain_text(story), bytes(story.vector) if story.vector else b"", story.vector_digest)


def _stale(stories: Sequence[Story]) -> list[tuple[Story, StoryText]]:
    """The stories whose text changed since their vector was computed, with that text."""
    return [
        (story, plain)
        for story in stories
        if _cached_vectors(story, plain := _plain_text(story)) is None
    ]


def _set_vectors(stale: list[tuple[Story, StoryText]]) -> None:
    if not stale:
        return
    documents = embed_stories([plain for _, plain in stale])
    parts = embed_story_parts([plain for _, plain in stale])
    for (story, plain), document, rows in zip(stale, documents, parts, strict=True):
        stacked = np.vstack([document[None, :], rows])
        story.vector = np.asarray(stacked, dtype=np.float16).tobytes()
        story.vector_digest = _digest(plain)


def refresh_vectors(stories: Sequence[Story]) -> None:
    """Embed the stories whose text changed since their vector was computed, and keep it."""
    stale = _stale(stories)
    _set_vectors(stale)
    if stale:
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
