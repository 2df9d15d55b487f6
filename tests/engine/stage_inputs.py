"""Inputs one engine stage takes from another, read the way the apps read them.

Stages never import each other (tests/test_layering.py): a question's competency comes in
with the question, and the plan takes the posting's duties. Tests build those here.
"""

from __future__ import annotations

from typing import Any

from secondround.engine.drafting.plan90 import Plan, draft_plan
from secondround.engine.questions.classify import classify_question
from secondround.engine.reading.posting import posting_sections
from secondround.engine.stories.story_texts import QuestionText


def asked(qid: str, text: str) -> QuestionText:
    """A question as the app passes it: read by the question classifier first."""
    found = classify_question(text)
    return QuestionText(qid, text, found.competency, competency_scores=found.competency_scores)


def plan_from_posting(*, posting: str, role: str = "", **parts: Any) -> Plan:
    """The plan as the brief drafts it: the posting's duties, its title when no role."""
    sections = posting_sections(posting or "")
    return draft_plan(
        role=role or sections.title or "",
        responsibilities=sections.responsibilities,
        **parts,
    )
