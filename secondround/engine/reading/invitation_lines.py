"""The lines of an invitation read one at a time: the unit each becomes and the reading state,
headings, labelled lines, table rows and their header, a line with its times, sentences of
prose, and the text of a schedule."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from secondround.engine.reading.invitation_dates import dates_in
from secondround.engine.reading.invitation_names import HONORIFICS, find_names
from secondround.engine.reading.invitation_text import BULLET, TABLE_RULE
from secondround.engine.reading.invitation_time_words import (
    CLOCK,
    DURATION,
    EMPTY_BRACKETS,
    TIME_RANGE,
    WEEKDAYS,
    ZONE_NEAR_TIME,
    FoundTimes,
)
from secondround.engine.reading.invitation_times import clock_times, length_minutes, without_zones
from secondround.engine.reading.invitation_zones import always_gmt, find_zone, writes_as

HEADER_WORDS: dict[str, str] = {
    "time": "time",
    "times": "time",
    "when": "time",
    "slot": "time",
    "start": "time",
    "end": "time",
    "length": "time",
    "duration": "time",
    "interviewer": "name",
    "interviewers": "name",
    "name": "name",
    "who": "name",
    "with": "name",
    "person": "name",
    "people": "name",
    "meeting": "name",
    "panel": "name",
    "panelist": "name",
    "panelists": "name",
    "host": "name",
    "member": "name",
    "contact": "name",
    "title": "title",
    "job title": "title",
    "role": "title",
    "position": "title",
    "designation": "title",
    "job": "title",
    "titles": "title",
    "roles": "title",
    "email": "email",
    "e-mail": "email",
    "day": "day",
    "date": "day",
}


# A heading over a list of people to meet ("Your interview panel will be:").
ROSTER_HEADING = re.compile(
    r"\b(?:panel|panell?ists?|interviewers?|interview(?:ing)? board|selection board"
    r"|board|committee|who you(?:'ll| will)|people you|you(?:'ll| will) (?:meet|see|speak)"
    r"|meet(?:ing)? with|schedule|itinerary|programme|program|agenda|the day|running order"
    r"|slate|line-?up|attendees|you will be interviewed|interview(?:s)?|meeting with"
    r"|conducted by|led by)\b",
    re.IGNORECASE,
)


ATTENDEE_LINE = re.compile(
    r"^(?:required\s+)?(?:attendees|participants|guests|invitees)\s*:|^optional\s+(?:attendees"
    r"|participants|guests)\s*:",
    re.IGNORECASE,
)


# A heading over times to choose from: none of them is the interview yet.
OPTIONS_HEADING = re.compile(
    r"\b(?:following (?:slots|times|dates|options)|one of (?:these|the following)|any of"
    r"|choose|availability|available (?:slots|times)|options?\b|preferred)",
    re.IGNORECASE,
)


# A time in a sentence about what was arranged before ("You had an interview with us
# scheduled for ..."), or one to answer by.
SUPERSEDED = re.compile(
    r"\b(?:cancel(?:led|ed|ling)?|originally|had\b[\w ,]{0,40}?\b(?:arranged|scheduled|planned"
    r"|booked)|was scheduled"
    r"|were scheduled|previously|instead of|move[ds]? (?:it )?from"
    r"|(?:reply|respond|confirm|return it|send \w+(?: \w+)?) by)\b",
    re.IGNORECASE,
)


# The old time in a sentence that gives the new one: "(instead of 11:30)".
OLD_TIME = re.compile(
    r"\(?\b(?:instead of|rather than|originally|previously|not)\s+[^,;()]{0,40}?"
    r"\b\d{1,2}(?:[:.]\d\d\s*(?:[ap]\.?m\.?)?|\s*[ap]\.?m\.?)(?!\w)\)?"
    r"|\(\s*(?:was|formerly)\s+[^()]{0,30}\)"
    # "has been moved from 9am to 11am": the time after "from"
    r"|\b(?:move[ds]?|reschedul\w*|chang\w*|postpon\w*)\s+(?:\w+\s+){0,3}?from\s+"
    r"\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?(?=\s+to\b)",
    re.IGNORECASE,
)


URL = re.compile(r"(?:https?://|www\.)[^\s<>()\"'|]+|\b[\w-]+\.(?:com|org|net|io)/\S*")


WEEKDAY_WORD = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)})\b\.?,?", re.IGNORECASE)


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])")


ABBREVIATION_END = re.compile(
    r"\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|St|Jr|Sr|No|vs|e\.g|i\.e|approx|Revd|Rev|Smt|Engr|Eng|Md"
    r"|[A-Z]|Dr\.\s+(?:med|rer|phil|jur|dent)|rer\.\s+nat)\.$"
)


# A short label and a colon at the start of a line: "Chair: Greg Halloran, Manager",
# "Board members: Dr. X ...", "Who: ...", "Interviewer 2: ...", "Time: 2:00pm".
LABEL_LINE = re.compile(
    r"^(?P<label>[^\W\d_][\w'’&/.()-]*(?:[ \t]+[\w'’&/.()#-]+){0,4}?)[ \t]*:[ \t]+(?P<rest>\S.*)$"
)
# Past this many words after the label, the line is a sentence that happens to start so.
LABEL_REST_WORDS = 24
# A line of a roster run is short: a name, a title, perhaps a note.
RUN_LINE_WORDS = 16


def label_of(line: str) -> str:
    """The label of a labelled line, or "" ("Note: the interview ..." of many words)."""
    match = LABEL_LINE.match(BULLET.sub("", line).strip())
    if match is None or CLOCK.match(match["label"]):
        return ""
    rest = match["rest"]
    if len(rest.split()) > LABEL_REST_WORDS or len(sentences(rest)) > 1:
        return ""
    return " ".join(match["label"].split())


def starts_with_name(line: str) -> bool:
    """ "Paula Grant, Assistant Controller", "Dr. Mateusz Kowalczyk, P.Eng., ..."."""
    text = BULLET.sub("", line).strip()
    spans = find_names(text[:80])
    return bool(spans) and spans[0].start == 0


@dataclass
class Unit:
    """A table row, a schedule entry, a list item or a sentence, with its times."""

    text: str
    line: str  # the e-mail line it came from, shown beside the row for checking
    message: int
    kind: str  # "row", "entry", "item" or "prose"
    times: FoundTimes | None
    borrowed: bool  # the times are the line's or the heading's above
    day: date | None
    zone: tzinfo | None
    heading: str = ""
    cells: list[str] | None = None
    columns: list[str] | None = None
    options: bool = False  # one of several times offered
    superseded: bool = False  # a time that was cancelled or is a deadline
    label: str = ""  # the words before the colon of a labelled line: "Chair", "Who"
    run: bool = False  # one of consecutive short lines that each start with a name


@dataclass
class LineState:
    today: date
    day: date | None
    zone: tzinfo | None
    day_first: bool
    header: dict[int, str] | None = None
    heading: str = ""
    heading_times: FoundTimes | None = None
    heading_is_last: bool = False  # the heading is the last line read (a blank may follow)
    entry_times: FoundTimes | None = None  # the last timed line's, for lines under it
    entry_day: date | None = None
    after_blank: bool = True
    each_minutes: int = 0  # "three interviews, each about 40 minutes"
    in_cards: bool = False  # short name and title lines under a heading, blank between


EACH_MINUTES = re.compile(
    r"\beach\b[^.:;]{0,25}?\b(?P<minutes>\d{1,3})\s*(?:-\s*)?(?:minutes?|mins?)\b", re.IGNORECASE
)


def minutes_each(text: str) -> int:
    match = EACH_MINUTES.search(text)
    return int(match["minutes"]) if match else 0


def _with_length(times: FoundTimes | None, minutes: int) -> FoundTimes | None:
    if times is None or times.end is not None or not minutes:
        return times
    start = datetime.combine(date.min, times.start)
    return FoundTimes(times.start, (start + timedelta(minutes=minutes)).time())


def starts_with_time(line: str) -> bool:
    text = BULLET.sub("", line).strip()
    match = TIME_RANGE.match(text) or CLOCK.match(text)
    return match is not None or text[:4].lower() == "noon"


def table_cells(line: str, state: LineState) -> list[str] | None:
    """Cells of a table row, [] for a rule line, None when the line is not tabular."""
    if TABLE_RULE.match(line) and ("|" in line or "+" in line or "---" in line):
        return []
    stripped = line.strip() if "|" in line else BULLET.sub("", line).strip()
    if stripped.count("|") >= 1 and not URL.search(stripped.split("|")[0]):
        cells = [cell.strip() for cell in stripped.strip("|").split("|")]
    elif "\t" in stripped:
        cells = [cell.strip() for cell in stripped.split("\t")]
    elif re.search(r"\S {3,}\S", stripped):
        # Columns aligned with spaces: only trusted when a header or a clock says "table".
        cells = [cell.strip() for cell in re.split(r" {3,}", stripped)]
        if not (state.header is not None or CLOCK.search(line) or header_kinds(cells)):
            return None
    else:
        return None
    filled = [cell for cell in cells if cell]
    if len(filled) < 2:
        return None
    # An empty cell keeps its place under the header: "| 11:15 | | Break |" has no name.
    return cells if state.header is not None and len(cells) == len(state.header) else filled


def header_kinds(cells: list[str]) -> dict[int, str] | None:
    """Column kinds (time, name, title, email, day, other) when the row is a header."""
    if any(CLOCK.search(cell) or len(cell.split()) > 4 for cell in cells):
        return None
    if any(find_names(cell) for cell in cells):
        return None  # "Mr. Peter Otieno | Senior Accountant | Member": a row, not a header
    kinds = {index: _header_kind(cell) for index, cell in enumerate(cells)}
    known = [kind for kind in kinds.values() if kind != "other"]
    return kinds if "time" in known or "name" in known and len(cells) >= 2 else None


def _header_kind(cell: str) -> str:
    words = re.sub(r"\(s\)|[^\w\s&/-]", " ", cell.lower()).split()
    for candidate in (" ".join(words), *words):
        if candidate in HEADER_WORDS:
            return HEADER_WORDS[candidate]
    return "other"


def row_unit(
    cells: list[str],
    line: str,
    depth: int,
    day: date | None,
    state: LineState,
    superseded: bool,
) -> Unit:
    header = state.header or {}
    columns = [header.get(index, "unknown") for index in range(len(cells))]
    timing = [
        index
        for index, cell in enumerate(cells)
        if columns[index] == "time"
        or (columns[index] == "unknown" and (CLOCK.search(cell) or DURATION.fullmatch(cell)))
    ]
    # A cell that holds words beside its time ("15:00 BST   Technical interview - Dr X")
    # is not a time column: its names are read. Its time is used only when no cell
    # holds a time alone (the first such cell is the mail's own zone).
    bare = [index for index in timing if not _words_beside_times(cells[index])]
    for index in bare:
        columns[index] = "time"
    times = clock_times(without_zones(" ".join(cells[index] for index in (bare or timing)[:1])))
    if bare and len(bare) > 1 and times is not None and times.end is None:
        # A "Start Time" and an "End Time" column: the two cells are one range.
        times = clock_times(without_zones(" - ".join(cells[index] for index in bare[:2])))
    if times is not None and times.end is None:
        # "10.40am | 45 Minute Panel Interview": the length in another cell
        rest = " ".join(cell for index, cell in enumerate(cells) if index not in timing)
        times = _with_length(times, length_minutes(rest))
    borrowed = False
    if times is None and state.entry_times is not None:
        times, borrowed = state.entry_times, True
    elif times is not None:
        state.entry_times = times
    return Unit(
        " | ".join(cells),
        line,
        depth,
        "row",
        times,
        borrowed,
        day,
        _zone_of(line, state),
        state.heading,
        cells,
        columns,
        superseded=superseded,
    )


def _words_beside_times(cell: str) -> bool:
    return len(re.findall(r"[^\W\d_]{3,}", schedule_text(cell, date.min))) >= 2


# A line that ends with its time range ("Managerial Interview: 12:00 PM to 12:30 PM (IST)").
TIME_LAST = re.compile(rf"(?:{CLOCK.pattern})\s*(?:\(?[A-Z]{{2,5}}\)?)?\s*$")


# "Session 1 (", "Part 2 -", "Round 3,": a numbered part of the day before its time.
NUMBERED_SLOT = re.compile(
    r"(?:session|part|slot|round|stage|block|step|interview|meeting)\s*(?:\d{1,2}|[ivx]{1,4}|[a-d])"
    r"\s*(?:\(|,|:|[-–—])?\s*(?=\d|noon)",
    re.IGNORECASE,
)


SLOT_LABEL = re.compile(
    r"^(?!(?:time|when|date|duration)\b)[^:]*\b(?:interview|round|discussion|session|panel"
    r"|meeting|conversation)\b",
    re.IGNORECASE,
)


def line_units(
    line: str,
    depth: int,
    day: date | None,
    state: LineState,
    *,
    superseded: bool,
    options: bool,
    run: bool = False,
) -> list[Unit]:
    text = BULLET.sub("", line).strip()
    zone = _zone_of(line, state)
    listed = BULLET.match(line) is not None
    label = label_of(text)
    if (numbered := NUMBERED_SLOT.match(text)) is not None and starts_with_time(
        text[numbered.end() :]
    ):
        # "Session 1 (10:00-10:45): Maria Lopez": the numbered slot is read as its time.
        text = text[numbered.end() :]
        if "(" in numbered.group():
            text = text.replace(")", "", 1)
    if starts_with_time(text):
        times = clock_times(without_zones(text))
        if text[:4].lower() == "noon" and times is None:
            times = FoundTimes(datetime(2000, 1, 1, 12).time(), None)
        if not schedule_text(text, state.today).strip(" ,.;:-–—|"):
            state.entry_times = times  # a time alone: it belongs to the names below it
            state.entry_day = day
            return []
        times = _with_length(times, state.each_minutes)
        state.entry_times = times
        return [
            Unit(
                text,
                line,
                depth,
                "entry",
                times,
                False,
                day,
                zone,
                state.heading,
                options=options,
                superseded=superseded,
            )
        ]
    if (
        TIME_LAST.search(text)
        and len(text.split()) <= 12
        and SLOT_LABEL.search(text)
        and not re.search(r"[.!?]\s", text)
        and (label_times := clock_times(without_zones(text))) is not None
        and label_times.end is not None
    ):
        # "Round 1 - Technical Interview: 10:30 AM to 11:30 AM" / "Interviewer: Mr. X":
        # a labelled slot, the names on it or under it
        state.entry_times = label_times
        state.entry_day = day
        return [
            Unit(
                text,
                line,
                depth,
                "entry",
                label_times,
                False,
                day,
                zone,
                state.heading,
                options=options,
                superseded=superseded,
            )
        ]
    if ATTENDEE_LINE.match(text):
        # "Required Attendees: Carlos Mendez; Aisha Khan; Jordan Blake" (an Outlook request).
        optional = text.lower().startswith("optional")
        return [
            Unit(
                text,
                line,
                depth,
                "item",
                None,
                False,
                day,
                zone,
                "" if optional else "attendees",
                options=options,
                superseded=superseded,
            )
        ]
    if state.heading and not (listed or label or run) and len(sentences(text)) > 1:
        # "Comments / Instructions:" then "Park in ... ask for X. Interview is with X and
        # Y ...": sentences under a heading are read as sentences.
        return _sentence_units(text, line, depth, day, zone, state, options=options)
    if listed or state.heading or label or run:
        # A list item, a line under a heading, a labelled line ("Chair: X, Title") or a
        # line of a run of names: one unit, whose times are its own or the entry's above.
        current = OLD_TIME.sub(" ", text)  # "Time: 3:00 PM (was 2:00 PM)"
        times = clock_times(without_zones(current))
        if current != text and times is not None:
            superseded = False
        borrowed = False
        if times is None and state.entry_times is not None:
            times, borrowed = state.entry_times, True
        elif times is None and state.heading_times is not None:
            times, borrowed = state.heading_times, True
        return [
            Unit(
                text,
                line,
                depth,
                "item",
                times,
                borrowed,
                day,
                zone,
                state.heading,
                options=options,
                superseded=superseded,
                label=label,
                run=run,
            )
        ]
    if state.entry_times is not None and clock_times(without_zones(text)) is None:
        # A line under a timed line belongs to that entry: "10:00 to 10:45" / "Dr. X, Title".
        return [
            Unit(
                text,
                line,
                depth,
                "item",
                state.entry_times,
                True,
                day,
                zone,
                state.heading,
                options=options,
                superseded=superseded,
            )
        ]
    state.each_minutes = minutes_each(text) or state.each_minutes
    return _sentence_units(text, line, depth, day, zone, state, options=options)


def _sentence_units(
    text: str,
    line: str,
    depth: int,
    day: date | None,
    zone: tzinfo | None,
    state: LineState,
    *,
    options: bool,
) -> list[Unit]:
    units = []
    for sentence in sentences(text):
        current = OLD_TIME.sub(" ", sentence)  # "moved to 15:30 (instead of 11:30)"
        times = clock_times(without_zones(current))
        # Once the old time is cut out, the time left is the new one.
        superseded = bool(SUPERSEDED.search(sentence)) and (current == sentence or times is None)
        units.append(
            Unit(
                sentence,
                line,
                depth,
                "prose",
                times,
                False,
                day,
                zone,
                state.heading,
                options=options,
                superseded=superseded,
            )
        )
    return units


def sentences(text: str) -> list[str]:
    """Sentences, without splitting after "Dr." or "Ms."."""
    sentences: list[str] = []
    for piece in SENTENCE_END.split(text):
        if sentences and (
            ABBREVIATION_END.search(sentences[-1])
            or sentences[-1].rsplit(None, 1)[-1].lower().rstrip(".") in HONORIFICS
            or (
                re.search(r"\b[ap]\.m\.$", sentences[-1], re.I)
                and re.match(r"[A-Z]{2,4}\b|(?:\w+\s+){0,2}(?i:time|standard|daylight)\b", piece)
            )
        ):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return sentences


def _zone_of(text: str, state: LineState) -> tzinfo | None:
    found = find_zone(text)
    if found is None or found.ambiguous or found.tz is None:
        return state.zone
    if found.name == "Europe/London" and always_gmt(getattr(state.zone, "key", None)):
        return state.zone  # "GMT" in Accra is Accra's time (see email_zone)
    own = getattr(state.zone, "key", None)
    if own and own != found.name and writes_as(own, text[found.span[0] : found.span[1]]):
        return state.zone  # "CST" in Saskatchewan is Regina's time (see email_zone)
    return found.tz


def schedule_text(text: str, today: date) -> str:
    """Text with dates, times, zones, durations and links cut out, leaving separators."""
    text = without_zones(text)
    text = URL.sub(" , ", text)
    for _, (start, end) in reversed(dates_in(text, today)):
        text = f"{text[:start]} , {text[end:]}"
    text = WEEKDAY_WORD.sub(" , ", text)
    text = ZONE_NEAR_TIME.sub(" , ", text)
    text = TIME_RANGE.sub(" , ", text)
    text = CLOCK.sub(" , ", text)
    text = re.sub(r"\bnoon\b", " , ", text, flags=re.IGNORECASE)
    text = re.sub(r"\bonwards\b", " ", text, flags=re.IGNORECASE)
    text = DURATION.sub(" , ", text)
    return EMPTY_BRACKETS.sub(" , ", text)
