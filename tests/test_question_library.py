"""Every question file follows data/questions/SCHEMA.md, and the library has what S5 needs."""

import json
from collections import Counter

import pytest

from secondround.engine.nlp.vocabulary import COMPETENCIES, QUESTION_KINDS, RELATIONS
from secondround.engine.questions.question_library import (
    EMPLOYER_CHECKS,
    LIBRARY_DIR,
    SKILL_PLACEHOLDER,
    SKILL_TEMPLATES_PATH,
    library,
)

FILES = sorted(LIBRARY_DIR.glob("*.json"))
REQUIRED = {"id", "text", "competency", "kind", "relations", "probes"}
ALLOWED = REQUIRED | {"checks", "guidance", "accepts"}
SLOT_KIND_VALUES = {
    "tool",
    "procedure",
    "certification",
    "knowledge_area",
    "product",
    "initiative",
    "metric",
    "value",
    "term",
}


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_file_follows_the_schema(path):
    document = json.loads(path.read_text(encoding="utf-8"))
    assert set(document) == {"questions"}
    for raw in document["questions"]:
        where = f"{path.name}:{raw.get('id')}"
        assert REQUIRED <= set(raw) <= ALLOWED, where
        assert raw["id"].startswith(f"{path.stem}-"), where
        assert raw["competency"] in COMPETENCIES, where
        assert raw["kind"] in QUESTION_KINDS, where
        assert raw["relations"] and set(raw["relations"]) <= set(RELATIONS), where
        assert 2 <= len(raw["probes"]) <= 4, where
        assert set(raw.get("checks", [])) <= set(EMPLOYER_CHECKS), where
        if raw["kind"] in ("illegal", "curveball"):
            assert len(raw.get("guidance", "")) > 40, f"{where} needs guidance"
        assert (SKILL_PLACEHOLDER in raw["text"]) == (path.stem == "technical_templates"), where
        # A {skill} template says which kinds of skill its slot takes (issue 15).
        assert bool(raw.get("accepts")) == (SKILL_PLACEHOLDER in raw["text"]), where
        assert set(raw.get("accepts", [])) <= SLOT_KIND_VALUES, where


def test_extra_skill_templates_follow_the_schema():
    document = json.loads(SKILL_TEMPLATES_PATH.read_text(encoding="utf-8"))
    for raw in document["questions"]:
        where = raw.get("id")
        assert REQUIRED | {"accepts"} <= set(raw) <= ALLOWED, where
        assert SKILL_PLACEHOLDER in raw["text"] and raw["accepts"], where
        assert set(raw["accepts"]) <= SLOT_KIND_VALUES, where


def test_ids_and_texts_are_unique():
    questions = library()
    assert len({q.id for q in questions}) == len(questions)
    texts = Counter(q.text.strip().lower() for q in questions)
    assert [text for text, count in texts.items() if count > 1] == []


def test_the_library_covers_what_round_two_needs():
    questions = library()
    assert len(questions) >= 400
    by_competency = Counter(q.competency for q in questions)
    assert min(by_competency[c] for c in COMPETENCIES) >= 8, by_competency
    kinds = Counter(q.kind for q in questions)
    assert kinds["illegal"] + kinds["curveball"] >= 40
    assert all(kinds[kind] > 0 for kind in QUESTION_KINDS), kinds
    checks = Counter(check for q in questions for check in q.checks)
    assert all(checks[check] >= 3 for check in EMPLOYER_CHECKS), checks
    asked_by = Counter(relation for q in questions for relation in q.relations)
    assert all(asked_by[relation] >= 10 for relation in RELATIONS if relation != "other")


def test_questions_suit_every_occupation():
    software_words = ("code", "coding", "deploy", "pull request", "repository", "sprint")
    narrow = [q.id for q in library() if any(word in q.text.lower() for word in software_words)]
    assert narrow == []
