"""An invitation e-mail as the messages a person reads in it, newest first.

A paste is often a thread: a reply on top, the original invitation quoted ("> ...") or
forwarded below it. The roster reader weighs a name by where it stands (in the newest
body, in an older message, in a signature, in the greeting), so each message keeps its
headers, the greeting (who it is written to: the candidate), its body and its signature
(who sent it). Prose lines wrapped by a mail program are joined back into sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["BULLET", "Message", "is_layout", "split_messages"]

HEADER = re.compile(
    r"^\s*(?P<key>from|to|cc|bcc|sent|date|reply-to|subject)\s*:\s*(?P<value>.*?)\s*$", re.I
)
# Where a forwarded or quoted message starts: "-----Original Message-----",
# "---------- Forwarded message ---------", "On Mon, 4 May 2026, Kayla wrote:".
FORWARD_MARKER = re.compile(
    r"^\s*(?:-{2,}\s*(?:original|forwarded)\s+message\s*-*|begin forwarded message:?|_{10,}"
    r"|on\b.{4,200}\bwrote:)\s*$",
    re.IGNORECASE,
)
QUOTE_PREFIX = re.compile(r"^[ \t]*((?:>[ \t]?)+)")
GREETING = re.compile(
    r"^\s*(?:dear|hi|hello|hey|good (?:morning|afternoon|evening)|kia ora|respected"
    r"|greetings|to whom)\b(?P<who>[^!?]{0,60}?)[,!:]?\s*$",
    re.IGNORECASE,
)
# "Best regards," / "Yours sincerely" / "Ngā mihi," / "Best regards, Tom Baker, ...". A
# longer line that only starts like one ("Thanks Mateusz - confirmed for ...") is body.
SIGN_OFF = re.compile(
    r"^\s*(?:(?:yours|best|kind|warm|warmest|many|with|all|very|my|sincere)\s+){0,3}"
    r"(?:regards|wishes|thanks|thank you|cheers|sincerely|faithfully|truly|best|the best"
    r"|talk soon|see you soon|good luck|ngā mihi(?: nui)?|nga mihi|met vriendelijke groet"
    r"|un saludo|saludos|viele grüße|mit freundlichen grüßen|cordialement|regards"
    r"|looking forward to (?:it|meeting you|seeing you))\b"
    r"(?P<rest>.*)$",
    re.IGNORECASE,
)
SIGNATURE_DELIMITER = re.compile(r"^\s*(?:--|—|–|_{2,}|sd/-)\s*$", re.IGNORECASE)
# A line that is only a name, as a bare sign-off: "Ellie", "Wei Jie", "(Abdul Karim)".
BARE_NAME_LINE = re.compile(
    r"^\s*\(?(?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|\((?:Mrs|Mr|Ms|Miss|Dr)\)))" r"{0,3}\)?\s*$"
)
CLOCK_HINT = re.compile(r"\d{1,2}[:.h]\d\d|\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)
BULLET = re.compile(r"^\s*(?:[-*•·‣▪◦–]|\(?\d{1,2}[.)]|[a-z][.)])\s+")
TABLE_RULE = re.compile(r"^[\s+\-=|:_]+$")
# A line of prose that stops on one of these, or before a lower-case word, was wrapped.
WRAPPED_END = re.compile(
    r"(?:,|\b(?:meet|meeting|with|by|and|or|the|our|your|their|his|her|a|an|to|at|of|for"
    r"|from|on|in|you|will|would|be|is|are|then|also|who|which|whom|joined|followed))$",
    re.IGNORECASE,
)

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# A prose line ending in a day ("on 18", "on the 18th") or a month ("on May"), and the next
# line opening with the rest of the date.
DAY_AT_END = re.compile(r"[a-z,]\s+(?:the\s+)?(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?$")
MONTH_AT_START = re.compile(rf"{_MONTHS}\b\.?,?\s*(?:\d{{4}}\b|[a-z.,;]|$)")
MONTH_AT_END = re.compile(rf"[a-z,]\s+{_MONTHS}\.?$")
DAY_AT_START = re.compile(r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?![:.]\d)")


@dataclass
class Message:
    depth: int  # 0 for the newest message, then 1, 2 ... for older ones below it
    headers: dict[str, str] = field(default_factory=dict)
    greeting: str = ""  # the words after "Dear" / "Hi"
    body: list[str] = field(default_factory=list)
    # Lines above the greeting: a letter's letterhead and the candidate's own address.
    heading: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)


def split_messages(text: str) -> list[Message]:
    """The messages of a mail thread, newest first; never empty."""
    chunks: list[tuple[int, list[str]]] = [(0, [])]
    for raw in text.split("\n"):
        prefix = QUOTE_PREFIX.match(raw)
        depth = prefix.group(1).count(">") if prefix else 0
        line = raw[prefix.end() :] if prefix else raw
        current_depth, current = chunks[-1]
        if FORWARD_MARKER.match(line):
            chunks.append((depth, []))
            continue
        new_depth = depth != current_depth and (bool(line.strip()) or depth > current_depth)
        new_header = _starts_header_block(line) and any(
            text.strip() and not HEADER.match(text) for text in current
        )
        if new_depth or new_header:
            chunks.append((depth, []))
        chunks[-1][1].append(line)
    messages = [_message(index, lines) for index, (_, lines) in enumerate(chunks)]
    kept = [message for message in messages if message.body or message.signature]
    for index, message in enumerate(kept):
        message.depth = index
    return kept or [Message(0)]


def _starts_header_block(line: str) -> bool:
    match = HEADER.match(line)
    return match is not None and match["key"].lower() in {"from", "sent"}


def _message(depth: int, lines: list[str]) -> Message:
    message = Message(depth)
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    header_run: list[str] = []
    while index < len(lines) and (
        HEADER.match(lines[index])
        or (header_run and lines[index][:1] in " \t" and lines[index].strip())
    ):
        header_run.append(lines[index])
        index += 1
    lone_date = len(header_run) == 1 and re.match(r"\s*date\s*:", header_run[0], re.I)
    if lone_date:  # "Date: 22 April 2026 (all times BST)" is the body telling the date
        index -= 1
    else:
        key = ""
        for line in header_run:
            if (match := HEADER.match(line)) is not None:
                key = match["key"].lower()
                message.headers[key] = match["value"]
            elif key:
                message.headers[key] += " " + line.strip()
    rest = lines[index:]
    body: list[str] = []
    signature: list[str] = []
    signature_closed = False
    for position, line in enumerate(rest):
        if signature:
            if CLOCK_HINT.match(line.strip()) and _schedule_follows(rest, position):
                # An enclosure after the letter: "Sincerely, ... SCHEDULE - TUESDAY" + times.
                resumed = _enclosure_start(signature)
                body.extend(signature[resumed:])
                del signature[resumed:]
                body.append(line.rstrip())
                signature_closed = True
                continue
            if signature_closed:
                body.append(line.rstrip())
                continue
            signature.append(line)
            continue
        if not message.greeting and len(body) < 12 and (greet := GREETING.match(line)):
            message.greeting = greet["who"].strip() or line.strip()
            message.heading = [kept.strip() for kept in body if kept.strip()]
            continue
        if _is_sign_off(line) or _is_bare_signature(rest, position, body):
            signature.append(line)
            continue
        body.append(line.rstrip())
    message.body = _unwrapped(body)
    message.signature = [line.strip() for line in signature if line.strip()]
    return message


def _schedule_follows(lines: list[str], position: int) -> bool:
    """Whether a timed line starts a schedule: another timed line follows soon."""
    later = [line for line in lines[position + 1 : position + 6] if line.strip()]
    return any(CLOCK_HINT.match(line.strip()) for line in later)


def _enclosure_start(signature: list[str]) -> int:
    """Where the schedule's heading starts in what was taken for the signature: after the
    last blank line."""
    for index in range(len(signature) - 1, -1, -1):
        if not signature[index].strip():
            return index + 1
    return len(signature)


def _has_text(lines: list[str]) -> bool:
    return any(line.strip() for line in lines)


def _is_sign_off(line: str) -> bool:
    if SIGNATURE_DELIMITER.match(line):
        return True
    words = line.split()
    if 1 <= len(words) <= 6 and line.rstrip().endswith(",") and "/" in line:
        # "Beste Grüße / Best regards," or "Met vriendelijke groet / Kind regards,"
        return any(_is_sign_off(part.strip() + ",") for part in line.rstrip(", ").split("/"))
    match = SIGN_OFF.match(line)
    if match is None:
        return False
    rest = match["rest"].strip()
    # "Best regards," alone, or followed by who signs: "Best regards, Tom Baker, ...".
    return not rest or rest[0] in ",.!" and (len(rest) == 1 or rest[1:].strip()[:1].isupper())


# A heading over the people or the day, which BARE_NAME_LINE would take for a name:
# "Interviewers", "Interview Panel", "Schedule".
LIST_HEADING = re.compile(
    r"\b(?:interview\w*|panel\w*|schedule|itinerary|agenda|attendees|participants|guests"
    r"|board|committee|programme|program|timetable)\b",
    re.IGNORECASE,
)


def _is_bare_signature(lines: list[str], position: int, body: list[str]) -> bool:
    """A name alone on a line near the end, after the body, with no times below it."""
    line = lines[position]
    if not BARE_NAME_LINE.match(line) or not _has_text(body) or LIST_HEADING.search(line):
        return False
    if body and body[-1].strip() and not body[-1].rstrip().endswith((".", "!", "?", ":", ",")):
        return False  # inside a list or table, not after the last paragraph
    below = [text for text in lines[position + 1 :] if text.strip()]
    # A sign-off further down means this name is still the body (a list of people).
    return (
        len(below) <= 6
        and not any(CLOCK_HINT.search(text) for text in below)
        and not any(_is_sign_off(text) for text in below)
    )


LABELLED = re.compile(r"^\s*[A-Z][\w/&-]*(?: [\w/&-]+){0,2}\s*:\s+\S")


def is_layout(line: str) -> bool:
    """Table rows, bullets, headings, "Label: value" lines and rules: lines whose breaks
    mean something."""
    return bool(
        BULLET.match(line)
        or LABELLED.match(line)
        or "|" in line
        or "\t" in line
        or re.search(r"\S {3,}\S", line.strip())
        or line.rstrip().endswith(":")
        or TABLE_RULE.match(line)
        or CLOCK_HINT.match(line.strip())
    )


def _is_hard_layout(line: str) -> bool:
    return bool(BULLET.match(line) or "|" in line or "\t" in line or TABLE_RULE.match(line))


def _unwrapped(lines: list[str]) -> list[str]:
    """Prose lines joined back into the sentences they were wrapped from, so that "At
    10:45 you will meet" and "Grace Adeyemi, Warehouse Lead" on the next line are read as
    one sentence. Table rows, bullets and roster lines are layout and stay as they are."""
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        lower_start = bool(line.strip()) and line.strip()[0].islower()
        # "... and Lisa Chang (Staff Data" / "Engineer). It will last ...": a bracket left
        # open on a line of prose goes on on the next.
        open_bracket = previous.count("(") > previous.count(")") and len(previous) > 50
        # "... organizing on 18" / "May, 2027.": a date cut between its day and its month
        split_date = bool(
            DAY_AT_END.search(previous.rstrip()) and MONTH_AT_START.match(line.strip())
        ) or bool(MONTH_AT_END.search(previous.rstrip()) and DAY_AT_START.match(line.strip()))
        if (
            previous.strip()
            and line.strip()
            and (WRAPPED_END.search(previous.rstrip()) or lower_start or open_bracket or split_date)
            and not is_layout(previous)
            and (not is_layout(line) or (lower_start and not _is_hard_layout(line)))
        ):
            joined[-1] = f"{previous.rstrip()} {line.strip()}"
        else:
            joined.append(line)
    return joined
