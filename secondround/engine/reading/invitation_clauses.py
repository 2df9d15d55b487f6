"""Clauses of an invitation's sentences: where a list of names ends, and the time a clause
naming someone gives."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from secondround.engine.reading.invitation_cues import (
    ASIDE,
    CLAUSE_BREAK,
    INTERVIEW_WORDS,
    SOCIAL,
    Mention,
)
from secondround.engine.reading.invitation_lines import Unit
from secondround.engine.reading.invitation_time_words import FoundTimes
from secondround.engine.reading.invitation_times import clock_times, duration_minutes, without_zones

# Words that end a list of names: a verb or a sentence's end between two names.
LIST_BREAK = re.compile(
    r"[.!?](?:\s|$)|\b(?:will|would|is|are|was|were|has|have|had|can|could|may|should|must"
    r"|please|if|who|which)\b",
    re.IGNORECASE,
)


PART_OF = re.compile(
    r"\bthe\s+(?:first|second|third|last|final|opening|closing|remaining)\s+\S+\s*-?\s*"
    r"(?:minutes?|mins?|hours?)\b",
    re.IGNORECASE,
)


def relative_slot(text: str, clauses: list[tuple[int, int]], clause_start: int) -> tuple[int, int]:
    """For a sentence of lengths without clock times ("a 45-minute cook-off with A,
    followed by a 15-minute chat with B"): minutes from the interview's start, and length."""
    offset = 0
    for start, end in clauses:
        # "for the last 20 minutes X will join" gives a part of the slot, not a length
        minutes = duration_minutes(PART_OF.sub(" ", text[start:end]))
        if start == clause_start:
            return (offset, minutes) if minutes else (0, 0)
        offset += minutes
    return 0, 0


def is_aside(text: str) -> bool:
    return bool(ASIDE.search(text)) or (
        bool(SOCIAL.search(text)) and not INTERVIEW_WORDS.search(text)
    )


def up_to_next_name(text: str, at: int, placed: list[tuple[Mention, int]]) -> str:
    """What is said right after a name, up to the next one: its predicate."""
    later = [position for _, position in placed if position > at]
    return text[at : min(later) if later else len(text)][:120]


def with_before(text: str) -> bool:
    """ "... 2:30-3:15 with Ingrid", "a cook-off with our Head Chef, Chef Rémy": the person
    the clause is spent with (a title and a comma may stand between)."""
    return (
        re.search(
            r"(?:(?<!applying )(?<!apply )(?<!work )(?<!working )(?<!career )(?<!interest )"
            r"(?<!role )(?<!position )(?<!job )\bwith|\bfollowed\b[^,;]{0,20}\bby)\s+"
            r"(?:our |the |your |my )?(?:[^\s,;]+\s+){0,4}(?:[^\s,;]+,\s+)?\(?$",
            text,
            re.I,
        )
        is not None
    )


def clause_bounds(text: str) -> list[tuple[int, int]]:
    bounds = []
    start = 0
    for match in CLAUSE_BREAK.finditer(text):
        bounds.append((start, match.start()))
        start = match.start()
    bounds.append((start, len(text)))
    return bounds


def clause_times(
    unit: Unit, text: str, clauses: list[tuple[int, int]], clause_start: int
) -> tuple[FoundTimes | None, bool]:
    """A prose clause keeps its own time ("then at 10:00 our Project Director ..."), or
    takes the last one before it in the sentence ("from 1:00 to 2:00 with A; B; and C"),
    or follows it for as long as it says ("and to finish, 15 minutes with C"). Other
    units give every name the unit's times."""
    if unit.kind == "row" or unit.borrowed:
        return unit.times, unit.borrowed
    earlier: FoundTimes | None = None
    for start, end in clauses:
        clause = text[start:end]
        own = clock_times(without_zones(clause))
        if (
            own is not None
            and unit.kind != "prose"
            and unit.times is not None
            and own.start == unit.times.start
        ):
            own = unit.times  # the unit's own slot, with the length its heading gave
        if start == clause_start:
            if own is not None:
                return own, False
            minutes = duration_minutes(clause)
            if earlier is not None and earlier.end is not None and minutes:
                begin = datetime.combine(date.min, earlier.end)
                return FoundTimes(earlier.end, (begin + timedelta(minutes=minutes)).time()), False
            return earlier, False
        if own is not None:
            earlier = own
    return None, False
