"""Slots one after another: "You'll meet the following people, each for 30 minutes, back to
back starting at 1:00 PM" gives the first person 1:00-1:30, the second 1:30-2:00, and so
on in the order the mail lists them."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from secondround.engine.reading.invitation_entries import RosterEntry
from secondround.engine.reading.invitation_times import duration_minutes

_AMOUNT = (
    r"(?:\d+|an?|one|half\s+an?|two|ten|fifteen|twenty|twenty-five|thirty|forty[- ]five|forty"
    r"|forty|sixty|ninety)"
)
_LENGTH = rf"(?P<length>{_AMOUNT}\s*-?\s*(?:hours?|hrs?|minutes?|mins?))"
_ABOUT = r"(?:(?:about|around|approximately|approx\.?|roughly)\s+)?"
# The length of each of several meetings: "each for 30 minutes", "each lasting about 45
# minutes", "30 minutes each", "three back-to-back 45-minute interviews", "consecutive
# 30-minute conversations". Never "each candidate"/"each applicant".
EACH_LENGTH = (
    re.compile(
        rf"\beach(?!\s+(?:candidate|applicant|of\s+you|person\s+applying))"
        rf"(?:\s+(?:one|for|of|lasting|lasts|is|will\s+(?:last|be|take)|takes|session|meeting"
        rf"|conversation|interview|chat|should|last|take|be))*\s*[,(]?\s*{_ABOUT}{_LENGTH}",
        re.IGNORECASE,
    ),
    re.compile(rf"{_LENGTH}\s+each\b", re.IGNORECASE),
    re.compile(
        rf"\b(?:back[- ]to[- ]back|consecutive|successive|separate|individual)\s+{_LENGTH}",
        re.IGNORECASE,
    ),
)


def each_length(text: str) -> int:
    """Minutes each of several meetings lasts, when the mail says so, else 0."""
    for pattern in EACH_LENGTH:
        if (match := pattern.search(text)) is not None:
            length = re.sub(r"(\d)\s*-\s*", r"\1 ", match["length"].replace("-", " "))
            return duration_minutes(length)
    return 0


def one_after_another(entries: list[RosterEntry], text: str) -> list[RosterEntry]:
    """Rows that share one start, given their turns when the mail says each meeting lasts
    N minutes and the shared slot has room for them all (or no end); rows with starts of
    their own and no end ("10:00 AM: Denise Carver", "11:00 AM: Patrick O'Shea", "Each
    interview is about 30 minutes") given that length."""
    timed = [entry for entry in entries if entry.start is not None]
    if len(timed) < 2 or len(timed) != len(entries):
        return entries
    minutes = each_length(text)
    if not minutes:
        return entries
    try:
        return _with_turns(entries, timed, minutes)
    except OverflowError:  # a slot at the very end of the calendar: leave it as read
        return entries


def _with_turns(
    entries: list[RosterEntry], timed: list[RosterEntry], minutes: int
) -> list[RosterEntry]:
    first = timed[0]
    if len({entry.start for entry in timed}) == len(timed):
        return [
            replace(entry, end=entry.start + timedelta(minutes=minutes))
            if entry.end is None and entry.start is not None
            else entry
            for entry in entries
        ]
    if any((entry.start, entry.end) != (first.start, first.end) for entry in timed):
        return entries
    assert first.start is not None
    step = timedelta(minutes=minutes)
    last_end = first.start + step * len(entries)
    if first.end is not None and first.end not in (first.start + step, last_end):
        return entries  # a shared slot of another length: they meet together
    return [
        replace(entry, start=first.start + step * turn, end=first.start + step * (turn + 1))
        for turn, entry in enumerate(entries)
    ]
