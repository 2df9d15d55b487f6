"""Clock times and lengths as invitation e-mails write them (dates in invitation_dates,
zones in invitation_zones). Everything here reads one piece of text and never raises on
odd input."""

from __future__ import annotations

import re
from datetime import time

from secondround.engine.reading.invitation_time_words import (
    BETWEEN_RANGE,
    CLOCK,
    DURATION,
    HOUR_WORDS,
    IANA_ZONE,
    MAX_SLOT_MINUTES,
    TIME_RANGE,
    UTC_OFFSET,
    ClockReading,
    FoundTimes,
)

# ---- clock times ---------------------------------------------------------------------


def read_clock(text: str) -> ClockReading:
    lowered = text.lower()
    if re.search(r"\b(?:noon|midday)\b", lowered):
        return ClockReading(12, 0, "p", True)
    if (spoken := _spoken_clock(lowered)) is not None:
        return spoken
    digits = re.findall(r"\d+", lowered)
    if len(digits[0]) == 4:  # "1430 hrs"
        digits = [digits[0][:2], digits[0][2:]]
    hour = int(digits[0])
    minute = int(digits[1]) if len(digits) > 1 else 0
    meridiem_match = re.search(r"([ap])\.?\s?m|\d([ap])$", lowered.strip())
    meridiem = (meridiem_match.group(1) or meridiem_match.group(2)) if meridiem_match else None
    return ClockReading(hour, minute, meridiem, digits[0].startswith("0"))


def _spoken_clock(lowered: str) -> ClockReading | None:
    """ "half past ten", "quarter to three", "ten o'clock in the morning"."""
    match = re.search(
        r"(?:(?P<part>half\s+past|quarter\s+past|quarter\s+to)\s+)?(?P<hour>[a-z]+|\d+)"
        r"(?:\s+o['’]?\s?clock)?",
        re.sub(r"^a\s+", "", lowered.strip()),
    )
    if match is None or not (match["part"] or "clock" in lowered):
        return None
    word = match["hour"]
    hour = HOUR_WORDS.get(word) or (int(word) if word.isdigit() else 0)
    if not 1 <= hour <= 12:
        return None
    minute = {"half past": 30, "quarter past": 15, "quarter to": 45}.get(
        " ".join((match["part"] or "").split()), 0
    )
    if minute == 45:
        hour = hour - 1 or 12
    said = re.search(r"\b([ap])\.?\s?m\b|(morning)|(afternoon)", lowered)
    meridiem = None
    if said is not None:
        meridiem = "a" if said[2] or said[1] == "a" else "p"
    return ClockReading(hour, minute, meridiem, False)


def minutes_of_day(clock: ClockReading, meridiem: str | None) -> int:
    hour = clock.hour
    if meridiem and hour <= 12:
        hour = hour % 12 + (12 if meridiem == "p" else 0)
    elif meridiem is None and not clock.padded and 1 <= hour <= 6:
        # Nobody interviews at 2 in the morning: a bare "2:00" is 14:00.
        hour += 12
    return hour * 60 + clock.minute


def range_minutes(start: ClockReading, end: ClockReading) -> tuple[int, int]:
    """Minutes of day for a range, sharing one side's am/pm with the other.

    "2 - 2:45pm" means both are afternoon, but "11:30 - 12:15pm" starts in the morning:
    the borrowed meridiem is dropped when it would put the start after the end.
    """
    end_minutes = minutes_of_day(end, end.meridiem or start.meridiem)
    if start.meridiem is None and end.meridiem is not None:
        borrowed = minutes_of_day(start, end.meridiem)
        start_minutes = borrowed if borrowed <= end_minutes else minutes_of_day(start, "a")
        return start_minutes, end_minutes
    start_minutes = minutes_of_day(start, start.meridiem)
    if end.meridiem is None and end_minutes < start_minutes:
        end_minutes = minutes_of_day(end, "p")
    return start_minutes, end_minutes


def as_time(minutes: int) -> time:
    return time(minutes // 60 % 24, minutes % 60)


# A length that is not the interview's: "arrive 15 minutes before", "a 10-minute
# presentation", "a 30-minute written test", "reply within 48 hours".
NOT_A_LENGTH = re.compile(
    r"\s*(?:before|early|earlier|prior|ahead|in advance|beforehand|after|late|later"
    r"|(?:written\s+|practical\s+|case\s+)?(?:presentation|test|exercise|task|assessment|lesson"
    r"|demo\w*|break|lunch|tour|observation|case|walk|drive|commute|journey|trial|shift)"
    r"|of\s+(?:the|your)\s+(?:start|interview)|notice)\b",
    re.IGNORECASE,
)
WORD_AMOUNTS = {"two": "2", "three": "3", "four": "4", "ninety": "90", "thirty": "30"}
# Amounts written as words ("for thirty minutes"); "a", "an", "one", "half" apart.
NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "ten": 10,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "forty five": 45,
    "sixty": 60,
    "ninety": 90,
}


def duration_minutes(text: str) -> int:
    """Minutes in "45 minutes", "an hour and 30 minutes"; 0 for none, or for more than a day."""
    total = 0.0
    for match in DURATION.finditer(text):
        amount_text = match["amount"].lower()
        if amount_text.startswith("half"):
            amount = 0.5
        elif amount_text in {"a", "an", "one"}:
            amount = 1.0
        else:
            amount = float(NUMBER_WORDS.get(amount_text, 0) or amount_text)
        total += amount * (60 if match["unit"].lower().startswith("h") else 1)
    # No slot lasts a day; "999…9 hours" (even an infinite float) is not a duration.
    return round(total) if total <= MAX_SLOT_MINUTES else 0


# "has been moved from 09:00 to 13:30": what follows "from" is the old time.
MOVED_FROM_TIME = re.compile(
    r"\b(?:reschedul\w*|moved?|moving|chang\w*|postpon\w*|brought\s+forward|push\w*|shift\w*"
    r"|put\s+back)\b[^.;]{0,40}?\bfrom\s*$",
    re.IGNORECASE,
)
# A clock that is when to arrive, not when the interview starts, when another follows:
# "please arrive at 9:45 a.m.; your interview begins at 10:00 a.m.".
ARRIVAL_BEFORE = re.compile(
    r"\b(?:arriv\w*|report(?:ing)?|be\s+(?:here|there|on\s+site|at\s+reception)"
    r"|check\s+in|sign\s+in|log\s*(?:in|on)|dial\s*in"
    r"|join\s+(?:the\s+)?(?:call|meeting|link|lobby|waiting\s+room))\b[^.;,\d]{0,25}?$",
    re.IGNORECASE,
)
# A clock that ends what started at an earlier one: "starts at 9:30am and runs until
# 11am", "begins at 10:00 and will conclude by 11:30", "finishing at about 4pm".
END_BEFORE = re.compile(
    r"\b(?:until|till|ends?|ending|finish(?:es|ing)?|conclud(?:e|es|ing)|wrap(?:s|ping)?\s+up"
    r"|runs?\s+(?:until|till|to)|close[sd]?|closing)"
    r"(?:\s+(?:at|by|around|about|approximately|approx\.?|no\s+later\s+than))*\s*$",
    re.IGNORECASE,
)


def _before(text: str, at: int) -> str:
    """The words just before a position: the patterns that end there look no further."""
    return text[max(0, at - 80) : at]


def clock_times(text: str) -> FoundTimes | None:
    """The first time range, or start time (with an end from "until 11am" or "45
    minutes"), in text."""
    if (found := BETWEEN_RANGE.search(text) or TIME_RANGE.search(text)) is not None:
        if MOVED_FROM_TIME.search(_before(text, found.start())):
            # "rescheduled from 09:00 to 13:30": the new time, not a range
            moved = read_clock(found["end"])
            start = minutes_of_day(moved, moved.meridiem)
            duration = length_minutes(text[found.end() :])
            return FoundTimes(as_time(start), as_time(start + duration) if duration else None)
        start, end = range_minutes(read_clock(found["start"]), read_clock(found["end"]))
        if (inner := _interview_within(text, found, start, end)) is not None:
            return inner
        end_time = as_time(end) if end > start else None
        return FoundTimes(as_time(start), end_time)
    clocks = list(CLOCK.finditer(text))
    if not clocks:
        return None
    starts = [
        clock
        for clock in clocks
        if not ARRIVAL_BEFORE.search(_before(text, clock.start()))
        and not END_BEFORE.search(_before(text, clock.start()))
    ]
    clock = starts[0] if starts else clocks[0]
    reading = read_clock(clock.group())
    start = minutes_of_day(reading, reading.meridiem)
    for later in clocks:
        between = text[clock.end() : later.start()]
        if later.start() <= clock.start() or len(between) > 80 or re.search(r"[.;!?]\s", between):
            continue
        if END_BEFORE.search(_before(text, later.start())):
            first, last = range_minutes(reading, read_clock(later.group()))
            if last > first:
                return FoundTimes(as_time(first), as_time(last))
    # "start at 10:00 with a 20-minute presentation, followed by a 40-minute interview":
    # the interview's length with the part before it, not the first length written.
    duration = interview_length(text) or length_minutes(text)
    end_time = as_time(start + duration) if duration else None
    return FoundTimes(as_time(start), end_time)


# What a range inside the day's window is for: the interview, or a task, test or tour.
_INTERVIEW_PART = re.compile(r"\b(?:interview|panel)\b", re.IGNORECASE)
_OTHER_PART = re.compile(
    r"\b(?:task|test|exercise|assessment|tour|lunch|break|presentation|registration)\b",
    re.IGNORECASE,
)


def _interview_within(text: str, window: re.Match[str], start: int, end: int) -> FoundTimes | None:
    """The interview's own range when the first range is the day's window around it:
    "from 2-4pm ... a written task from 2:00 to 2:30pm, then the panel interview from
    2:45 to 3:45pm" is the interview at 2:45, not the visit from 2 to 4."""
    if end <= start:
        return None
    ranges = [
        m
        for pattern in (BETWEEN_RANGE, TIME_RANGE)
        for m in pattern.finditer(text)
        if m.start() >= window.end()
    ]
    for match in ranges:
        first, last = range_minutes(read_clock(match["start"]), read_clock(match["end"]))
        if not (start <= first < last <= end) or (first, last) == (start, end):
            continue
        lead = re.split(r"[.;,]|\bthen\b", text[max(0, match.start() - 60) : match.start()])[-1]
        if _INTERVIEW_PART.search(lead) and not _OTHER_PART.search(lead):
            return FoundTimes(as_time(first), as_time(last))
    return None


def length_minutes(text: str) -> int:
    """The lengths a line gives that could be the interview's: not "arrive 15 minutes
    before", not "a 10-minute presentation", "a 30-minute test"."""
    text = plain_halves(text)
    kept = []
    clocks = [clock.span() for clock in CLOCK.finditer(text)]
    for match in DURATION.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in clocks):
            continue  # "15.00 hrs" is a time of day, not fifteen hours
        after = text[match.end() :]
        if NOT_A_LENGTH.match(re.sub(r"^\s*-?\s*long\b", "", after)):
            continue
        kept.append(match.group())
    return duration_minutes(" ".join(kept))


_AMOUNT = r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|ninety|thirty|half an?)"
_UNIT = r"(?:hours?|hrs?|minutes?|mins?)"
# "an hour and a half", "1 hour and 15 minutes", "1 hour 15 minutes"
_LENGTH = (
    rf"(?P<length>{_AMOUNT}\s*-?\s*{_UNIT}(?:\s+and\s+a\s+half|,?\s+(?:and\s+)?\d+\s*{_UNIT})?)"
)
_ABOUT = r"(?:(?:about|around|approximately|approx\.?|roughly|up\s+to|some|no\s+more\s+than"
_ABOUT += r"|no\s+longer\s+than|not\s+more\s+than|a\s+maximum\s+of|a\s+max(?:imum)?\s+of"
_ABOUT += r"|an?\s+estimated|nearly|just\s+under|under|at\s+most)\s+)?"
_THE_INTERVIEW = (
    r"(?:interviews?|panel|conversation|chat|meeting|discussion|session|call|visit|it|this)"
)
# Lengths said of the interview itself.
INTERVIEW_LENGTH = (
    # "a 45-minute panel interview", "a one-hour interview", "an hour-long conversation"
    re.compile(rf"{_LENGTH}(?:[- ]long)?[- ](?:[\w-]+\s+){{0,2}}?{_THE_INTERVIEW}\b", re.I),
    # "interview (about 1 hour)", "interview of approximately 45 minutes", "interview, 60 min"
    re.compile(rf"\b{_THE_INTERVIEW}\s*(?:\(|of\b|lasting\b|,|[-–—:])\s*{_ABOUT}{_LENGTH}", re.I),
    # "the interview will last about 40 minutes", "it should take roughly one hour",
    # "each interview is about 30 minutes", "interviews run for 45 minutes"
    re.compile(
        rf"\b{_THE_INTERVIEW}\b[^.;:!?]{{0,60}}?\b(?:last|lasts|lasting|take|takes|run|runs|is|are"
        rf"|will\s+be|should\s+be|be|(?:scheduled|planned|booked|set|timed)\s+for)\s+(?:for\s+)?"
        rf"{_ABOUT}{_LENGTH}",
        re.I,
    ),
    # "You will have 30 minutes with her": the time with the people.
    re.compile(rf"\b(?:have|get|spend)\s+{_ABOUT}{_LENGTH}\s+with\b", re.I),
    # "you'll be chatting with Becky and Raj for about 45 mins"
    re.compile(
        rf"\b(?:chat(?:ting)?|speak(?:ing)?|talk(?:ing)?|meet(?:ing)?)\s+(?:with|to)\b"
        rf"[^.;!?]{{0,80}}?\bfor\s+{_ABOUT}{_LENGTH}",
        re.I,
    ),
)
# Lengths for the whole visit, used only when nothing is said of the interview.
VISIT_LENGTH = re.compile(
    rf"\b(?:allow|plan\s+(?:on|for)|set\s+aside|block\s+(?:out|off)|reserve|budget|expect\s+to"
    rf"\s+be\s+(?:here|with\s+us)\s+for"
    # "We'll need about 40 minutes": the time the sender asks for
    rf"|\b(?:we|we'll|we’ll|we\s+will|we'd|we’d|we\s+would)\s+(?:only\s+)?need)"
    rf"\s+(?:for\s+)?(?:an?\s+)?{_ABOUT}{_LENGTH}",
    re.I,
)


def _length_of(match: re.Match[str] | None, text: str) -> int:
    if match is None:
        return 0
    after = text[match.end("length") :]
    if NOT_A_LENGTH.match(re.sub(r"^\s*-?\s*long\b", "", after)):
        return 0
    length = match["length"].lower()
    for word, digit in WORD_AMOUNTS.items():
        length = re.sub(rf"\b{word}\b", digit, length)
    length = re.sub(r"(\d+)\s*-?\s*(hours?|hrs?)\s+and\s+a\s+half", r"\1 \2 30 minutes", length)
    return duration_minutes(length)


def plain_halves(text: str) -> str:
    """ "one and a half hours" and "1½ hours" as "1.5 hours", so one pattern reads them."""
    text = re.sub(r"(\d)\s*½", r"\1.5", text)
    # "a half-hour conversation", "an hour and a half"
    text = re.sub(r"\b(?:a\s+)?half[- ]hour\b", "30 minutes", text, flags=re.IGNORECASE)
    text = re.sub(
        r"\b(?:an?|one|1)\s+(hours?|hrs?)\s+and\s+a\s+half\b", r"1.5 \1", text, flags=re.IGNORECASE
    )
    return re.sub(
        r"\b(one|1|two|2)\s+and\s+a\s+half\s+(?=hours?\b|hrs?\b)",
        lambda match: "1.5 " if match[1] in {"one", "1"} else "2.5 ",
        text,
        flags=re.IGNORECASE,
    )


def interview_length(text: str) -> int:
    """Minutes a sentence says the interview lasts ("a 45-minute panel interview", "the
    interview will last approximately 40 minutes"), or 0."""
    text = plain_halves(text)
    for pattern in INTERVIEW_LENGTH:
        for match in pattern.finditer(text):
            if minutes := _length_of(match, text):
                return minutes + _part_before(text[: match.start()])
    return 0


# "a 15-minute teaching demonstration to the committee, which will be followed by a
# 45-minute interview": the committee's time starts with the part before.
PART_BEFORE = re.compile(
    rf"{_LENGTH}[- ](?:[\w-]+\s+){{0,2}}?(?:presentation|demonstration|demo)\b[^.;]{{0,160}}?"
    r"\b(?:followed\s+by|then|before)\b[^.;]{0,40}$",
    re.IGNORECASE,
)


def _part_before(text: str) -> int:
    match = PART_BEFORE.search(text)
    if match is None:
        return 0
    return duration_minutes(match["length"])


def visit_length(text: str) -> int:
    """Minutes a sentence asks the candidate to set aside ("Please allow two hours")."""
    text = plain_halves(text)
    return _length_of(VISIT_LENGTH.search(text), text)


def without_zones(text: str) -> str:
    """Text with zone offsets blanked, so "+01:00" is not read as a clock."""
    text = UTC_OFFSET.sub(" ", text)
    return IANA_ZONE.sub(" ", text)
