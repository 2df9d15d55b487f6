"""What a story's own words show: counts of competency cue words in what the teller did.

A story tagged by hand says "mentoring" because the teller precepted, trained or coached
someone, "failure" because they missed or got something wrong; those words sit in the
action and the result, whatever the occupation. `cue_counts` counts, for each competency
id, the cue lemmas of `data/story_cues.json` in the story's title, situation, action and
result (the situation says who was angry or what was at stake; read
with the shared spaCy parse, so "caught", "catches" and "catching" are one cue; a plain
lowercase word match when the parser is missing). The story model (story_model.py) learns
how much each count weighs; the counts alone decide nothing.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache

import numpy as np
import numpy.typing as npt

from secondround.engine.nlp import parsing as nlp
from secondround.engine.nlp.files import DATA_DIR
from secondround.engine.nlp.vocabulary import COMPETENCIES

CUES_PATH = DATA_DIR / "story_cues.json"
COMPETENCY_IDS: tuple[str, ...] = tuple(COMPETENCIES)


@cache
def _cues() -> dict[str, tuple[str, ...]]:
    raw = json.loads(CUES_PATH.read_text(encoding="utf-8"))
    return {
        competency: tuple(cue.casefold() for cue in raw.get(competency, ()))
        for competency in COMPETENCY_IDS
    }


def _lemma_text(text: str) -> str:
    """The text as lowercase lemmas and words, space-padded for whole-word matching."""
    try:
        doc = nlp.parse(text)
        words = [t.lemma_.casefold() for t in doc] + [t.lower_ for t in doc]
    except nlp.NlpUnavailable:
        words = re.findall(r"[\w%'-]+", text.casefold())
    return f" {' '.join(words)} "


def cue_counts(*parts: str) -> npt.NDArray[np.float32]:
    """(competencies,) log(1 + cue words found) in the story's parts (the suggestion model
    reads the title, situation, action and result)."""
    text = " ".join(part.strip() for part in parts if part and part.strip())
    out = np.zeros(len(COMPETENCY_IDS), dtype=np.float32)
    if not text:
        return out
    padded = _lemma_text(text[:4000])  # a story longer than that says what it shows early
    for i, competency in enumerate(COMPETENCY_IDS):
        found = sum(padded.count(f" {cue} ") for cue in _cues()[competency])
        if "%" in _cues()[competency]:
            found += len(re.findall(r"\d\s*%", text))
        out[i] = math.log1p(found)
    return out
