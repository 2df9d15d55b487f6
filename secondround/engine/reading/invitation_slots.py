"""When the interview is: the unit of an invitation that holds its slot, the timed parts of
a day, a person's own part of the slot, and the agenda beside it."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta

from secondround.engine.reading.invitation_cues import (
    INTERVIEW_WORDS,
    SUBJECT_TRIGGER,
    Mention,
)
from secondround.engine.reading.invitation_lines import OLD_TIME, Unit, schedule_text
from secondround.engine.reading.invitation_names import find_names
from secondround.engine.reading.invitation_time_words import (
    BETWEEN_RANGE,
    CLOCK,
    TIME_RANGE,
    FoundTimes,
)
from secondround.engine.reading.invitation_times import (
    END_BEFORE,
    clock_times,
    interview_length,
    length_minutes,
    visit_length,
    without_zones,
)

# A timed part of the day that is not a conversation with someone.
NOT_INTERVIEW_ACTIVITY = re.compile(
    r"\b(?:lunch|break|breakfast|dinner|coffee|tour|travel|transfer|buffer|check[- ]?in"
    r"|arrival|arrive[sd]?|depart\w*|registration|reporting|pick[- ]?up|fly|flight)\b"
    r"(?!\s+(?:chat|interview|conversation|meeting|discussion)\b)",
    re.IGNORECASE,
)


AGENDA_WORDS = re.compile(
    r"\b(?:lunch|break|coffee|tour|test|exercise|assessment|presentation|lesson|observation"
    r"|welcome|check-?in|arrival|registration|case study|task|simulation|role[- ]play"
    r"|tasting|shadow(?:ing)?|walk(?:-?round|around|through)?|visit|written|numeracy|literacy"
    r"|breakfast|dinner|talk|forum|seminar|demonstration|verification|reporting|depart\w*"
    r"|induction|prep|cook-?off|trade test|practical)\b",
    re.IGNORECASE,
)


# A time the sender settles: "Thursday at 10:00 works for us", "the new time is ...".
CONFIRMED = re.compile(
    r"\b(?:works for us|confirmed|is booked|new time|will now be|now be on|moved (?:\w+ ){0,3}to"
    r"|rescheduled (?:\w+ ){0,3}(?:for|to)|we can (?:move|do|offer)|is (?:now )?(?:set|scheduled)"
    r" for|(?:is|are)\s+now\s+(?:at|on|from|scheduled|set|booked|confirmed)"
    r"|now\s+(?:takes?|taking)\s+place)\b",
    re.IGNORECASE,
)


# Parts of a slot line that are not the interview: "30 Minute Test Exercise".
TEST_WORDS = re.compile(
    r"\b(?:test|exercise|task|assessment|presentation|lesson|observ\w*|assembly|demo\w*"
    r"|teaching|verification"
    r"|registration|reporting|arrival|lunch|tour|break|induction|welcome)\b",
    re.IGNORECASE,
)


SAME_PANEL = re.compile(
    r"\b(?:(?:the\s+)?(?:panel|interviewers?|everyone|everything\s+else|all\s+else|the\s+rest)"
    r"\s+(?:is|are|will\s+be|remains?|stays?)\s+(?:still\s+)?(?:the\s+same|unchanged|as\s+before)"
    r"|same\s+panel|panel\s+is\s+unchanged|(?:stays?|remains?)\s+the\s+same)\b",
    re.IGNORECASE,
)


def panel_unchanged(units: list[Unit], depth: int) -> bool:
    return any(unit.message == depth and SAME_PANEL.search(unit.text) for unit in units)


def interview_slot(units: list[Unit], mentions: list[Mention]) -> Unit | None:
    """The one time the interview itself takes place, for people with no slot of their own:
    the likeliest timed unit (or timed part of a line: "9:00 teaching demo (20 min), 9:30
    panel interview (45 min)"), widened by the parts of the panel's time next to it (a
    presentation to the panel just before, "your questions" just after)."""
    # A schedule line of one person is that person's slot, not the panel's; a sentence
    # that gives the time and a name ("On 10 March at 14:00, Mrs X will join") is both.
    used = {
        id(m.unit)
        for m in mentions
        if m.positive and m.times and not m.borrowed and m.unit.kind != "prose"
    }
    scored: list[tuple[int, int, Unit]] = []
    for order, unit in enumerate(units):
        if (
            unit.times is None
            or unit.borrowed
            or unit.options
            or unit.superseded
            or id(unit) in used
        ):
            continue
        if END_FIELD.match(unit.text):
            continue  # "Finish time: 11.30am" ends the slot a "Start time:" line opens
        for part in timed_parts(unit):
            scored.append((_slot_score(part), -order, part))
    if not scored:
        return None
    # An older (quoted or forwarded) message's time loses to the newest message's, even
    # with its "is scheduled for": ranked at a further 2 points per message down the
    # thread, while the bar it must clear stays as its own score says.
    scored.sort(key=lambda item: (item[0] - 2 * item[2].message, item[1]), reverse=True)
    best = scored[0]
    if best[0] < 0:
        return None
    same_score = [
        u
        for s, _, u in scored
        if s - 2 * u.message == best[0] - 2 * best[2].message and u.times != best[2].times
    ]
    if same_score and best[0] < 4:
        return None  # two equally likely slots: better none than the wrong one
    chosen = _inner_interview(best[2], scored) or best[2]
    return _with_panel_parts(chosen, [u for u in units if id(u) not in used])


def _inner_interview(window: Unit, scored: list[tuple[int, int, Unit]]) -> Unit | None:
    """The interview inside the visit's window: "on Thursday from 2-4pm ... a written task
    from 2:00 to 2:30pm, then the panel interview from 2:45 to 3:45pm" is at 2:45."""
    outer = window.times
    if outer is None or outer.end is None or outer.end <= outer.start:
        return None
    for score, _, part in scored:
        inner = part.times
        if (
            part is window
            or inner is None
            or inner.end is None
            or part.message != window.message
            or score < 4
            or (inner.start, inner.end) == (outer.start, outer.end)
            or not (outer.start <= inner.start < inner.end <= outer.end)
        ):
            continue
        return part
    return None


# A field that gives only the end of the slot.
END_FIELD = re.compile(
    r"\s*(?:end(?:ing)?|finish(?:ing)?|close|closing|until)\s*(?:time)?\s*:", re.IGNORECASE
)


# "Time:", "When:", "Start time:", "Interview time:".
TIME_FIELD = re.compile(
    r"\s*(?:(?:start(?:ing)?|interview)\s+)?(?:time|when|interview|start)\s*:", re.IGNORECASE
)


def _slot_score(unit: Unit) -> int:
    text = schedule_text(unit.text, date.min)
    score = 0
    if INTERVIEW_WORDS.search(text):
        score += 4
    if re.search(r"\binterview", text, re.I):
        score += 1  # "Formal interview" over "observed by members of the panel"
    if YOUR_OWN_SLOT.search(text):
        score += 4  # "Interviews run between 9am and 5pm; yours is at 1:30pm"
    if STARTS.search(text):
        score += 1  # "Please join the call at 2:55pm; the interview begins at 3pm"
    if TEST_WORDS.search(text) and not re.search(r"\b(?:panel|formal)\s+interview", text, re.I):
        score -= 3
    if NOT_INTERVIEW_ACTIVITY.search(text):
        score -= 3
    if unit.kind in {"row", "entry", "item"}:
        score += 1
    if TIME_FIELD.match(unit.text):
        score += 2
    if CONFIRMED.search(unit.text):
        score += 3
    if PROPOSED.search(unit.text):
        score += 1
    if CONDITION_TIME.search(unit.text):
        score -= 3  # "parking is free after 2 p.m.", "reply by 5 pm"
    return score - 2 * unit.message


YOUR_OWN_SLOT = re.compile(r"\b(?:yours|your\s+(?:own\s+)?(?:slot|time\s+slot))\b", re.I)
STARTS = re.compile(r"\b(?:begins?|starts?|commences?)\b", re.IGNORECASE)


# A time proposed for the visit: "Could you come in on Monday at 3 p.m.?"
PROPOSED = re.compile(
    r"\b(?:come\s+(?:in|by|to|over)|join\s+us|be\s+(?:here|there)|are\s+you\s+available"
    r"|(?:work|suit)s?\s+(?:for\s+)?you|arrive|see\s+you)\b",
    re.IGNORECASE,
)
# A time that bounds something else: "free after 2 p.m.", "by 5 pm tomorrow".
CONDITION_TIME = re.compile(
    rf"\b(?:after|before|by|no\s+later\s+than)\s+(?:{CLOCK.pattern})",
    re.IGNORECASE,
)


def timed_parts(unit: Unit) -> list[Unit]:
    """A line with several times in its prose, each in its own clause ("9:00 teaching demo
    (20 min), 9:30 panel interview (45 min)", "Registration opens at 8:30am, interviews
    start at 9:00am", "lunch at 12:30 after your interview at 11am"), as one unit per
    clause; else the unit. A time that ends another ("..., finishing at 3pm") or stands in
    the same clause ("check in at 9:45 for your 10:00 interview") starts no part."""
    if unit.kind == "row" or unit.times is None:
        return [unit]
    text = OLD_TIME.sub(lambda match: " " * len(match.group()), unit.text)
    spans = [m.span() for m in BETWEEN_RANGE.finditer(text)]
    spans += [
        m.span() for m in TIME_RANGE.finditer(text) if not any(a <= m.start() < b for a, b in spans)
    ]
    spans += [
        m.span() for m in CLOCK.finditer(text) if not any(a <= m.start() < b for a, b in spans)
    ]
    spans.sort()
    if len(spans) < 2:
        return [unit]
    # The first part starts at its time when a separator leads to it ("Schedule: 9:00 ...").
    first = spans[0][0]
    bounds = [first if re.search(r"[,;:|(]\s*$", text[:first]) else 0]
    previous_end = spans[0][1]
    for begin, finish in spans[1:]:
        gap = text[previous_end:begin]
        cuts = list(CLAUSE_START.finditer(gap))
        if (
            cuts
            and not END_BEFORE.search(text[:begin])
            and not re.match(r"\s*(?:to|until|till)\b", gap)
        ):
            bounds.append(previous_end + cuts[-1].start())
        previous_end = finish
    if len(bounds) < 2:
        return [unit]
    parts = []
    for begin, end in zip(bounds, [*bounds[1:], len(text)], strict=False):
        piece = text[begin:end]
        words = re.findall(r"[^\W\d_]{3,}", schedule_text(piece, date.min))
        times = clock_times(without_zones(piece))
        if times is None or len(words) < 1:
            return [unit]  # "from 10:00 to 11:00", "10:00 BST (11:00 CEST)": one slot
        parts.append(replace(unit, text=piece.strip(" ,;"), times=times))
    return parts


# Where a clause with a time of its own may start: after a separator, or at "and", "then",
# "after", "before", "followed by", "while", "but".
CLAUSE_START = re.compile(
    r"[,;:|(]|\b(?:and|then|after|before|followed\s+by|while|whereas|but)\b", re.IGNORECASE
)


# Parts of the panel's time around the interview: "Presentation to the Committee" just
# before it, "Your questions for the panel" or "Informal questions to panel" just after.
PANEL_PART = re.compile(
    r"(?:(?:your|informal|final|the\s+panel'?s?)\s+)?(?:introductions?|questions?|q\s*&\s*a|presentation|present(?:s|ing)?\s+to|demonstration"
    r"|demo|wrap[- ]up|closing|close\b|feedback\s+from\s+the\s+panel)",
    re.IGNORECASE,
)


def _with_panel_parts(slot: Unit, units: list[Unit]) -> Unit:
    times = slot.times
    if times is None:
        return slot
    start, end = times.start, times.end
    timed = [
        u
        for u in units
        if u.message == slot.message
        and u.times is not None
        and not u.borrowed
        and not u.options
        and not u.superseded
        and u.day == slot.day
        and u.times != times
        and not find_names(u.text)
        and PANEL_PART.match(schedule_text(u.text, date.min).strip(" ,.;:-–—|"))
    ]
    changed = True
    while changed:
        changed = False
        for unit in timed:
            assert unit.times is not None
            if unit.times.end is not None and unit.times.end == start:
                start, changed = unit.times.start, True
            elif end is not None and unit.times.start == end and unit.times.end is not None:
                end, changed = unit.times.end, True
    if (start, end) == (times.start, times.end):
        return slot
    return replace(slot, times=FoundTimes(start, end))


def agenda_units(units: list[Unit], used: set[int], depth: int = 0) -> list[Unit]:
    """The timed units of one message (at `depth`) that name a part of the day."""
    agenda = []
    for unit in units:
        if (
            id(unit) in used
            or unit.times is None
            or unit.borrowed
            or unit.options
            or unit.superseded
        ):
            continue
        if unit.message != depth:
            continue
        if AGENDA_WORDS.search(unit.text):
            agenda.append(unit)
    return agenda


# The part of the mail's slot a sentence gives someone: "for the last 20 minutes", "will
# run the first hour", "for the second half".
RELATIVE_PART = re.compile(
    r"\bthe\s+(?P<which>first|second|third|last|final|opening|closing|remaining)\s+"
    r"(?:(?P<amount>\d+|an?|one|two|ten|fifteen|twenty|thirty|forty|forty-five)\s*-?\s*"
    r"(?P<unit>minutes?|mins?|hours?)|(?P<hour>hour))\b",
    re.IGNORECASE,
)
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "ten": 10,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
}


def part_of_slot(times: FoundTimes, mention: Mention) -> FoundTimes | None:
    """The part of the slot the person's sentence gives them, or None: the phrase before
    the name in its sentence ("for the last 20 minutes X and Y will join"), or after it
    when the person is the subject ("X will run the first hour")."""
    if times.end is None:
        return None
    text = mention.unit.text
    before = [m for m in RELATIVE_PART.finditer(text) if m.end() <= mention.at]
    after = [
        m
        for m in RELATIVE_PART.finditer(text)
        if m.start() >= mention.at
        and SUBJECT_TRIGGER.search(text[mention.at : m.end()]) is not None
        and not find_names(text[mention.at + len(mention.name) : m.start()])
    ]
    chosen = before[-1:] or after[:1]
    if not chosen:
        return None
    match = chosen[0]
    start = datetime.combine(date.min, times.start)
    end = datetime.combine(date.min, times.end)
    if end <= start:
        return None
    which = match["which"].lower()
    if match["hour"]:
        length = timedelta(hours=1)
    else:
        amount = match["amount"].lower()
        number = NUMBER_WORDS.get(amount) or int(amount)
        unit = match["unit"].lower()
        length = timedelta(hours=number) if unit.startswith("h") else timedelta(minutes=number)
    index = {"first": 0, "opening": 0, "second": 1, "third": 2}.get(which, 0)
    if which in {"last", "final", "closing", "remaining"}:
        part = (end - length, end)
    else:
        part = (start + index * length, start + (index + 1) * length)
    if part[0] < start or part[1] > end:
        return None
    return FoundTimes(part[0].time(), part[1].time())


def slot_times(unit: Unit, units: list[Unit]) -> FoundTimes | None:
    """The slot's times, with an end from a stated length when the line gives none: said
    of the interview on the line itself, on a "Duration:" line, or in a sentence of the
    same message ("the interview will last about 45 minutes", "a 45-minute panel
    interview", "the interview (about 75 minutes)"); only then the time to set aside for
    the visit ("Please allow two hours"). Never a test's or a presentation's length, nor
    "arrive 15 minutes before"."""
    times = unit.times
    if times is None or times.end is not None:
        return times
    siblings = [other for other in units if other.message == unit.message]
    for other in siblings:
        if END_FIELD.match(other.text) and other.times is not None:
            start = datetime.combine(date.min, times.start)
            end = datetime.combine(date.min, other.times.start)
            if start < end <= start + timedelta(hours=12):
                return FoundTimes(times.start, other.times.start)
    minutes = interview_length(unit.text) or length_minutes(_without_test_parts(unit.text))
    if not minutes and (said_end := _end_said_apart(times, unit, siblings)) is not None:
        return FoundTimes(times.start, said_end)
    for other in siblings:
        if minutes:
            break
        if re.match(r"\s*(?:interview\s+)?(?:duration|length)\s*:", other.text, re.IGNORECASE):
            minutes = length_minutes(other.text)
    for other in siblings:
        if minutes:
            break
        minutes = interview_length(other.text)
    for other in siblings:
        if minutes:
            break
        minutes = visit_length(other.text)
    if not minutes:
        return times
    start = datetime.combine(date.min, times.start)
    return FoundTimes(times.start, (start + timedelta(minutes=minutes)).time())


# A sentence of its own that ends the interview: "It should finish by 11:00", "We expect
# to wrap up around 3pm"; not the day's or a test's end ("the assessment day ends at 4pm").
END_SUBJECT = re.compile(
    r"\b(?:interviews?|it|panel|session|meeting|conversation|discussion)\b", re.I
)
NOT_THE_INTERVIEWS_END = re.compile(
    r"\b(?:day|visit|event|programme|program|test|assessment|exercise|tour|lunch|office"
    r"|reception|building|parking)\b",
    re.IGNORECASE,
)


def _end_said_apart(times: FoundTimes, slot: Unit, siblings: list[Unit]) -> time | None:
    start = datetime.combine(date.min, times.start)
    for other in siblings:
        if other is slot or other.text == slot.text or other.times is None:
            continue
        text = without_zones(other.text)
        clocks = list(CLOCK.finditer(text))
        if (
            len(clocks) != 1
            or not END_BEFORE.search(text[: clocks[0].start()])
            or not END_SUBJECT.search(text)
            or NOT_THE_INTERVIEWS_END.search(text)
        ):
            continue
        end = datetime.combine(date.min, other.times.start)
        if start < end <= start + timedelta(hours=4):
            return other.times.start
    return None


def _without_test_parts(text: str) -> str:
    return re.sub(
        r"\d+[- ]minute\s+(?:written\s+)?(?:test|exercise|task|presentation)\b.*",
        "",
        text,
        flags=re.I,
    )
