"""What kind of skill a posting names: a tool, a procedure, a certification or knowledge.

The drafters ask about each kind differently ("How have you used Epic?", "Walk me
through how you titrate a drip", "When does your BLS certification expire?", "How do
you keep up with changes to the NEC?"), so the posting reader gives each skill a type:

* ``certification``: licences, certificates, registrations, credentials, degrees
  ("RN license", "BLS", "Bachelor's degree in Accounting", "Category C+E");
* ``tool``: software, systems, equipment, instruments ("Epic", "Opera PMS", "hoists",
  "multimeters", "cash register");
* ``procedure``: things done, techniques ("wound care", "megger testing", "night audit",
  "cash handling", "journal entries");
* ``knowledge``: knowledge areas, standards, codes and laws ("GAAP", "NEC", "infection
  control", "Mental Capacity Act", "National Curriculum").

Word tables first (``data/skill_words.json``: the last word, then any word, then the
suffix), then a name's form (a product-like capitalised name is a tool); when nothing
decides, the nearest of four MiniLM prototypes built from the table's typed examples.
Without MiniLM the fallback is ``knowledge`` for a capitalised name's lower-case
neighbours and ``procedure`` otherwise.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from secondround.engine.nlp import embeddings
from secondround.engine.nlp.action_verbs import verb_base
from secondround.engine.reading import skill_words

TOOL = "tool"
PROCEDURE = "procedure"
CERTIFICATION = "certification"
KNOWLEDGE = "knowledge"
TYPES = (TOOL, PROCEDURE, CERTIFICATION, KNOWLEDGE)
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9&+'’./-]*")
_PROCEDURE_SUFFIXES = ("ing", "tion", "sion", "ment", "sis", "ance", "ure")
_KNOWLEDGE_SUFFIXES = ("ology", "ics", "ity", "ism")


def _lower_set(key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in skill_words.words_table()[key])


@lru_cache(maxsize=1)
def _tables() -> dict[str, frozenset[str]]:
    return {
        CERTIFICATION: _lower_set("certification_words"),
        TOOL: _lower_set("tool_words"),
        PROCEDURE: _lower_set("procedure_heads"),
        KNOWLEDGE: _lower_set("knowledge_words"),
        "certification_acronyms": _lower_set("certification_acronyms"),
        "tool_acronyms": _lower_set("tool_acronyms"),
        "knowledge_acronyms": _lower_set("knowledge_acronyms"),
    }


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _known(word: str, table: frozenset[str]) -> bool:
    return word in table or _singular(word) in table


def skill_type(name: str) -> str:
    """The type of a skill name (see the module docstring); always one of TYPES."""
    words = _WORD.findall(name)
    if not words:
        return KNOWLEDGE
    tables = _tables()
    low = [w.lower().strip(".'’") for w in words]
    whole = " ".join(low)
    if whole in tables["certification_acronyms"] or (
        low[0] in tables["certification_acronyms"] and not _known(low[-1], tables[TOOL])
    ):
        return CERTIFICATION
    if any(_known(w, tables[CERTIFICATION]) for w in low):
        return CERTIFICATION
    if whole in tables["knowledge_acronyms"]:
        return KNOWLEDGE
    if whole in tables["tool_acronyms"] or any(w in tables["tool_acronyms"] for w in low[-1:]):
        return TOOL
    if len(low) > 1 and verb_base(low[0]) is not None:
        return PROCEDURE  # "Balance the drawer", "counsel patients"
    last = low[-1]
    for kind in (TOOL, PROCEDURE, KNOWLEDGE):
        if _known(last, tables[kind]):
            return kind
    if any(w in tables["knowledge_acronyms"] for w in low):
        return KNOWLEDGE
    if _product_name(words):
        return TOOL
    for kind in (KNOWLEDGE, PROCEDURE, TOOL):
        if any(_known(w, tables[kind]) for w in low):
            return kind
    if last.endswith(_KNOWLEDGE_SUFFIXES):
        return KNOWLEDGE
    if last.endswith(_PROCEDURE_SUFFIXES):
        return PROCEDURE
    return _nearest_prototype(name)


def _product_name(words: list[str]) -> bool:
    """ "Epic", "QuickBooks", "Metasys", "Read Write Inc.": capitalised names with no
    common lower-case word, or with inner capitals."""
    if any(any(c.isupper() for c in w[1:]) and not w.isupper() for w in words):
        return True
    return all(w[:1].isupper() for w in words) and not all(w.isupper() for w in words)


@lru_cache(maxsize=1)
def _prototypes() -> tuple[tuple[str, ...], npt.NDArray[np.float32]]:
    examples = skill_words.words_table()["type_examples"]
    kinds = tuple(kind for kind in TYPES if kind in examples)
    rows = []
    for kind in kinds:
        vectors = embeddings.embed(list(examples[kind]))
        mean = vectors.mean(axis=0)
        rows.append(mean / max(float(np.linalg.norm(mean)), 1e-9))
    return kinds, np.array(rows, dtype=np.float32)


def _nearest_prototype(name: str) -> str:
    try:
        kinds, prototypes = _prototypes()
        vector = embeddings.embed_remembered([name])[0]
    except embeddings.ModelUnavailable:
        return PROCEDURE
    return kinds[int(np.argmax(prototypes @ vector))]
