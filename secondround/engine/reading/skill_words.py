"""The word tables the skill filter judges with (data/skill_words.json and the classes of
words that never name a skill), and its verdict."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from secondround.engine.nlp.files import DATA_DIR

WORDS_FILE = DATA_DIR / "skill_words.json"
# spaCy entity labels that never name a skill when they make up the phrase.
NOT_SKILL_ENTITIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "GPE", "LOC"})
# Word classes that carry no name: a span made only of these is not a noun phrase.
NAME_POS = frozenset({"NOUN", "PROPN", "X", "NUM", "SYM"})
FUNCTION_POS = frozenset({"DET", "PUNCT", "CCONJ", "ADP", "PART", "PRON", "SPACE", "AUX"})
MAX_WORDS = 6
# Acronyms of job titles that are also written as qualifications ("RN license").
ROLE_ACRONYMS = frozenset({"RN", "LPN", "LVN", "CNA", "NP", "APRN", "HCA"})
WORD = re.compile(r"[A-Za-z0-9][\w'’/&+.-]*")


@dataclass(frozen=True)
class Verdict:
    """A span judged: ``keep`` it as text[start:end] (possibly trimmed or extended), or
    drop it for ``reason``."""

    keep: bool
    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class SkillTables:
    time: frozenset[str]
    benefit: frozenset[str]
    benefit_phrases: tuple[str, ...]
    trait: frozenset[str]
    soft: tuple[str, ...]
    people: frozenset[str]
    place: frozenset[str]
    generic: frozenset[str]
    evaluative: frozenset[str]
    certification: frozenset[str]


@lru_cache(maxsize=1)
def words_table() -> dict[str, Any]:
    """The raw word tables (shared with skill_types)."""
    data: dict[str, Any] = json.loads(WORDS_FILE.read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if not key.startswith("_")}


@lru_cache(maxsize=1)
def word_tables_of_skills() -> SkillTables:
    data = words_table()

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in data[key])

    return SkillTables(
        time=words("time_words"),
        benefit=words("benefit_words"),
        benefit_phrases=tuple(p.lower() for p in data["benefit_phrases"]),
        trait=words("trait_words"),
        soft=tuple(p.lower() for p in data["soft_phrases"]),
        people=words("people_words"),
        place=words("place_words"),
        generic=words("generic_heads"),
        evaluative=words("evaluative_words"),
        certification=words("certification_words"),
    )


def singular(word: str) -> str:
    low = word.lower()
    if len(low) > 4 and low.endswith("ies"):
        return low[:-3] + "y"
    if len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is")):
        return low[:-1]
    return low


def in_table(table: frozenset[str], word: str) -> bool:
    low = word.lower()
    return low in table or singular(low) in table
