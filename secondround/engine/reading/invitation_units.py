"""An invitation's messages cut into units (a heading, a labelled line, a table row, a line
with its times, a sentence), each with its times, in reading order."""

from __future__ import annotations

from secondround.engine.reading.invitation_dates import dates_in
from secondround.engine.reading.invitation_lines import (
    HEADER_WORDS,
    LABEL_LINE,
    OPTIONS_HEADING,
    ROSTER_HEADING,
    RUN_LINE_WORDS,
    SUPERSEDED,
    LineState,
    Unit,
    header_kinds,
    label_of,
    line_units,
    minutes_each,
    row_unit,
    sentences,
    starts_with_name,
    starts_with_time,
    table_cells,
)
from secondround.engine.reading.invitation_names import find_names
from secondround.engine.reading.invitation_text import BULLET, Message
from secondround.engine.reading.invitation_time_words import (
    CLOCK,
)
from secondround.engine.reading.invitation_times import clock_times, without_zones


def units_of(message: Message, state: LineState) -> list[Unit]:
    units: list[Unit] = []
    lines = message.body
    blocks = _field_blocks(lines)
    skip_to = -1
    for position, raw in enumerate(lines):
        if position < skip_to:
            continue
        line = raw.strip()
        if not line or len(line) > 5000:
            state.header = None
            state.entry_times = None
            state.after_blank = True
            if not (state.heading_is_last or state.in_cards):
                state.heading, state.heading_times = "", None
            continue
        superseded = SUPERSEDED.search(line) is not None
        own_dates = [
            day
            for sentence in sentences(line)
            if not SUPERSEDED.search(sentence)
            for day, _ in dates_in(sentence, state.today, state.day_first)
            if day >= state.today
        ]
        options = bool(state.heading and OPTIONS_HEADING.search(state.heading))
        if own_dates and not superseded and not options:
            state.day = own_dates[0]
        line_day = own_dates[0] if own_dates else state.day
        next_line = next((text.strip() for text in lines[position + 1 :] if text.strip()), "")
        if position in blocks:
            # "Name: X" / "Title: Y" / "Time: 10:00 AM": one person's card, read as a row.
            card_kinds, values, skip_to = blocks[position]
            state.header, state.heading_is_last, state.after_blank = card_kinds, False, False
            card = " / ".join(text.strip() for text in lines[position:skip_to])
            units.append(row_unit(values, card, message.depth, line_day, state, superseded))
            state.header = None
            continue
        cells = table_cells(line, state)
        if cells is None and _is_heading(line, next_line):
            if len(line.split()) > 6:  # a sentence ending in a colon says things too
                state.heading, state.entry_times = "", None
                units.extend(
                    line_units(
                        line, message.depth, line_day, state, superseded=superseded, options=options
                    )
                )
            state.heading = line
            state.heading_times = None if superseded else clock_times(without_zones(line))
            state.heading_is_last = True
            if state.after_blank:  # a group heading inside an entry keeps the entry's time
                state.entry_times = None
            state.after_blank = False
            state.each_minutes = minutes_each(line) or state.each_minutes
            continue
        if state.heading and not BULLET.match(line):
            # "Linda Carraway" / "Chief Operating Officer" cards keep the heading open across
            # blank lines; a sentence in a new paragraph ends the list.
            sentence = line.rstrip().endswith((".", "!", "?")) and len(line.split()) > 8
            if state.after_blank and not state.heading_is_last and sentence:
                state.heading, state.heading_times = "", None
            state.in_cards = len(line.split()) <= 6 and not sentence
        state.heading_is_last = False
        state.after_blank = False
        if cells is not None:
            if not cells:
                continue
            if (kinds := header_kinds(cells)) is not None:
                state.header = kinds
                continue
            units.append(row_unit(cells, line, message.depth, line_day, state, superseded))
            continue
        state.header = None
        previous = next((text.strip() for text in reversed(lines[:position]) if text.strip()), "")
        run = _in_run(line, previous, next_line)
        units.extend(
            line_units(
                line,
                message.depth,
                line_day,
                state,
                superseded=superseded,
                options=options,
                run=run,
            )
        )
    return units


# Labels that open one person's card of labelled lines; "Contact:" and "Candidate name:"
# name someone else.
CARD_NAME_LABELS = frozenset(
    {"name", "interviewer", "panelist", "panellist", "person", "who", "with"}
)
CARD_FIELD_KINDS = frozenset({"title", "time", "email"})


def _field_blocks(lines: list[str]) -> dict[int, tuple[dict[int, str], list[str], int]]:
    """Runs of labelled lines that describe one person ("Name: Kimberly Ostrowski" /
    "Title: Regional Sales Director" / "Time: 10:00 AM"), by the position of their first
    line: the kind of each field, its value, and the position after the run."""
    blocks: dict[int, tuple[dict[int, str], list[str], int]] = {}
    position = 0
    while position < len(lines):
        first = LABEL_LINE.match(BULLET.sub("", lines[position]).strip())
        if first is None or " ".join(first["label"].lower().split()) not in CARD_NAME_LABELS:
            position += 1
            continue
        values, kinds = [first["rest"].strip()], {0: "name"}
        end = position + 1
        while end < len(lines):
            field = LABEL_LINE.match(BULLET.sub("", lines[end]).strip())
            kind = HEADER_WORDS.get(" ".join(field["label"].lower().split())) if field else None
            if field is None or kind not in CARD_FIELD_KINDS or kind in kinds.values():
                break
            kinds[len(values)] = kind
            values.append(field["rest"].strip())
            end += 1
        if len(values) >= 2 and find_names(values[0]):
            blocks[position] = (kinds, values, end)
        position = max(end, position + 1)
    return blocks


def _short_name_line(line: str) -> bool:
    text = BULLET.sub("", line).strip()
    return (
        len(text.split()) <= RUN_LINE_WORDS and len(sentences(text)) == 1 and starts_with_name(text)
    )


def _in_run(line: str, previous: str, following: str) -> bool:
    """A line of a roster block without bullets or heading: short lines that each start
    with a name ("Greg Halloran, Manager" / "Shona Patel, Senior Engineer")."""
    return _short_name_line(line) and (_short_name_line(previous) or _short_name_line(following))


def _is_heading(line: str, next_line: str) -> bool:
    """ "Your interview panel will be:", "The selection panel:", "Interview Board"."""
    if "|" in line or "\t" in line:
        return False
    stripped = BULLET.sub("", line).strip()
    if stripped.endswith(":") and len(stripped.split()) <= 40:
        return not CLOCK.match(stripped)
    words = stripped.split()
    return (
        1 <= len(words) <= 6
        and not stripped.endswith((".", ",", ";", "!", "?"))
        and not CLOCK.search(stripped)
        and not label_of(stripped)
        and (
            BULLET.match(next_line) is not None
            or starts_with_time(next_line)
            or bool(label_of(next_line))
            or starts_with_name(next_line)
        )
        and bool(ROSTER_HEADING.search(stripped) or OPTIONS_HEADING.search(stripped))
    )
