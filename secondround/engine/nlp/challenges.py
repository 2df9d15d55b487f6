"""A challenge heard in round 1, read once for every drafter that names it.

People note challenges in every shape: a measure ("on-time rate fell to 93%"), a clause
("the team is short-staffed on nights"), a thing ("the allergen matrix"), or shorthand
nobody can rephrase ("GP at 66-68% and the target 70", "rebooking rate / PVA"). Each
shape fits different frames: only a measure has a trend or "drives"; a thing is handled;
shorthand is quoted as the user's own words, in writing, and left out of spoken answers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from secondround.engine.nlp import entities, phrasing
from secondround.engine.nlp.phrasing import Voice

__all__ = ["Challenge", "Shape", "read_challenge"]

MAX_WORDS = 10
# What a rephrased noun must not carry: slashes, lists, ranges, percentages, a bare
# number at the end ("Ofsted RI in 2024"): the note is shorthand, not a phrase. A clause
# may carry numbers ("on-time rate fell to 93%"), not lists or slashes.
SHORTHAND = re.compile(r"[/;|+]|, |\d\s*[-–]\s*\d|%|\b\d+$")
SHORTHAND_CLAUSE = re.compile(r"[/;|+]|, ")


class Shape(StrEnum):
    MEASURE = "measure"
    CLAUSE = "clause"
    THING = "thing"
    AIM = "aim"  # something to do: "growing the ACL rehab program"
    NOTE = "note"


@dataclass(frozen=True)
class Challenge:
    text: str  # the note as the user wrote it, on one line
    shape: Shape
    noun: str | None = None  # "the peak-season on-time rate", "the allergen matrix"
    clause: str | None = None  # "the team is short-staffed on nights"
    measured: bool = False  # a clause about a measure ("win rate against X is low")

    @property
    def why(self) -> str:
        """Fits "Understand …"."""
        if self.shape is Shape.CLAUSE:
            return f"why {self.clause}"
        if self.shape is Shape.MEASURE:
            return f"what drives {self.noun}"
        if self.shape is Shape.THING:
            return f"how the team handles {self.noun}"
        if self.shape is Shape.AIM:
            return f"what {self.noun} takes"
        return f"the round-1 note {phrasing.quoted(self.text)}"

    @property
    def target(self) -> str:
        """Fits "Make a first improvement on …" and "Propose next steps on …"."""
        if self.noun and self.shape is not Shape.NOTE:
            return self.noun
        if self.shape is Shape.CLAUSE:
            return f"the challenge that {self.clause}"
        return f"the challenge noted as {phrasing.quoted(self.text)}"

    @property
    def first_step(self) -> str:
        """Fits the day-60 goal."""
        if self.shape is Shape.AIM:
            return f"Make a first contribution to {self.noun}"
        return f"Make a first improvement on {self.target}"

    @property
    def result(self) -> str:
        """Fits "Deliver …": only a measure has a measurable result."""
        if self.shape is Shape.MEASURE or self.measured:
            return f"a measurable result on {self.target}"
        return f"an agreed outcome on {self.target}"

    @property
    def trend(self) -> str | None:
        """What can be tracked over time, when the challenge is a measure."""
        return self.noun if self.shape is Shape.MEASURE or self.measured else None

    @property
    def spoken(self) -> bool:
        """Whether it can be said aloud: shorthand cannot be quoted in speech."""
        return self.shape is not Shape.NOTE


def read_challenge(
    text: str, *, voice: Voice = Voice.TEAM, names: Sequence[str] = ()
) -> Challenge | None:
    """The challenge in its shape; None when the note holds nothing to name (a pronoun,
    an emoji, another language)."""
    line = " ".join(text.split()).rstrip(".!;")
    piece = next((p for p in phrasing.pieces(line, names=tuple(names)) if p.usable), None)
    if piece is None:
        return None
    parts = piece.text.split(", ")
    if len(parts) > 1 and len(parts[0].split()) >= 2 and any(len(p.split()) > 3 for p in parts):
        # "drivers leaving for dublin bus, always short on lates", "banquet season in dec,
        # 3 xmas parties a day": the first part is the challenge, the rest its detail;
        # joined with "and" they read as one broken phrase
        first = next((p for p in phrasing.pieces(parts[0], names=tuple(names)) if p.usable), None)
        if first is not None:
            piece = first
    if len(piece.text.split()) > MAX_WORDS * 2:
        return Challenge(piece.text, Shape.NOTE)
    if piece.form is phrasing.Form.CLAUSE:
        clause = phrasing.clause(piece, voice=voice)
        if clause and not SHORTHAND_CLAUSE.search(clause) and len(clause.split()) <= MAX_WORDS * 2:
            subject = phrasing.subject_noun(piece, voice=voice)
            probe = subject or piece.subject or ""
            # "on-time delivery fell to 86%": what changed by a number is a measure
            measured = re.search(r"\d", clause) is not None or _is_measure(probe)
            noun = subject if measured else None
            return Challenge(line, Shape.CLAUSE, noun=noun, clause=clause, measured=measured)
    elif piece.form in {phrasing.Form.NOUN, phrasing.Form.NAME}:
        noun = phrasing.subject_noun(piece, voice=voice) or phrasing.topic(piece, voice=voice)
        if noun and not SHORTHAND.search(noun) and len(noun.split()) <= MAX_WORDS:
            shape = Shape.MEASURE if _is_measure(noun) else Shape.THING
            return Challenge(line, shape, noun=noun)
    elif piece.form is phrasing.Form.VERB:
        gerund = phrasing.verb_phrase(piece, tense="gerund")
        if gerund and not SHORTHAND.search(gerund) and len(gerund.split()) <= MAX_WORDS:
            return Challenge(line, Shape.AIM, noun=gerund)
    # Only the note's first piece: "rebooking rate / PVA - they track it per physio"
    return Challenge(piece.text, Shape.NOTE)


def _is_measure(noun: str) -> bool:
    """ "agency staff turnover" is; "the young brigade and turnover" is not (both parts
    would have to be)."""
    bare = re.sub(r"^(?:the|a|an)\s+", "", noun, flags=re.IGNORECASE)
    return all(_measure_part(part) for part in re.split(r"\s+and\s+", bare))


def _measure_part(noun: str) -> bool:
    """ "the win rate against the new competitor": its head, before the preposition."""
    head = re.split(r"\s+(?:against|of|for|in|on|at|with|among|across)\s+", noun, maxsplit=1)[0]
    return any(entities.kind_of_text(text) is entities.Kind.METRIC for text in {noun, head})
