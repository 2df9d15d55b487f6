"""Our own question library: versioned JSON files under secondround/data/questions/.

The format is described in that folder's SCHEMA.md; `tests/test_question_library.py`
checks every file against it, so a coach can add questions without touching code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from secondround.engine.nlp.files import DATA_DIR

LIBRARY_DIR = DATA_DIR / "questions"

EMPLOYER_CHECKS: dict[str, str] = {
    "do_the_job": "Can you do the job without much help?",
    "fit": "Will you fit the culture?",
    "trust": "Can we trust and rely on you?",
    "exceed": "Will you exceed expectations?",
    "collaborative": "Are you collaborative?",
    "manageable": "Can I manage you?",
}
SKILL_PLACEHOLDER = "{skill}"


@dataclass(frozen=True)
class LibraryQuestion:
    id: str
    text: str
    competency: str
    kind: str
    relations: tuple[str, ...]
    probes: tuple[str, ...]
    checks: tuple[str, ...] = ()
    guidance: str | None = None
    accepts: tuple[str, ...] = ()  # kinds of skill a {skill} template takes (entities.Kind)

    @property
    def is_template(self) -> bool:
        return SKILL_PLACEHOLDER in self.text


def _question(raw: dict[str, object]) -> LibraryQuestion:
    def strings(key: str) -> tuple[str, ...]:
        value = raw.get(key) or []
        return tuple(str(item) for item in value) if isinstance(value, list) else ()

    guidance = raw.get("guidance")
    return LibraryQuestion(
        id=str(raw["id"]),
        text=str(raw["text"]),
        competency=str(raw["competency"]),
        kind=str(raw["kind"]),
        relations=strings("relations"),
        probes=strings("probes"),
        checks=strings("checks"),
        guidance=str(guidance) if guidance else None,
        accepts=strings("accepts"),
    )


def read_library(folder: Path) -> tuple[LibraryQuestion, ...]:
    questions: list[LibraryQuestion] = []
    for path in sorted(folder.glob("*.json")):
        document = json.loads(path.read_text(encoding="utf-8"))
        questions.extend(_question(raw) for raw in document["questions"])
    return tuple(questions)


@cache
def library() -> tuple[LibraryQuestion, ...]:
    """The shipped library, read once per process."""
    return read_library(LIBRARY_DIR)


# More {skill} templates for the kinds of skill the library's templates do not ask about
# well (procedures, certifications). Kept apart from the library: the question
# classifier's shipped vectors and model are computed from the library's texts.
SKILL_TEMPLATES_PATH = LIBRARY_DIR.parent / "skill_templates.json"


@cache
def skill_templates() -> tuple[LibraryQuestion, ...]:
    """Every {skill} template: the library's and skill_templates.json's, read once."""
    document = json.loads(SKILL_TEMPLATES_PATH.read_text(encoding="utf-8"))
    extra = tuple(_question(raw) for raw in document["questions"])
    return tuple(q for q in library() if q.is_template) + extra
