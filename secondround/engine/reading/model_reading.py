"""Reading an invitation or round-1 notes with the person's own language model, checked.

The engine never talks to a server: the assistant app (or the command line) sends the
prompts below and hands the parsed JSON back here. What the model says is kept only where
the text supports it:

* invitation: every name and title must be written in the e-mail, every clock time must
  be one of the e-mail's own times;
* notes: every item must be a span of the notes (spacing, case and a leading bullet aside),
  every term must be written in them.

The supported reading is then merged with the engine's own (`parse_invitation`,
`split_notes`). Where both agree, nothing changes; where only the model found something,
or the two disagree, the row or item is marked for the person's review (an invitation
row's `unsure` fields; a note item in `to_sort`), with a sentence saying why. The engine's
reading is never silently overwritten: a merge can add questions for the person, not
answers they did not see.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from secondround.engine.nlp.assisted import Checked
from secondround.engine.reading.invitation_entries import ParsedInvitation, RosterEntry
from secondround.engine.reading.invitation_time_words import CLOCK
from secondround.engine.reading.invitation_times import minutes_of_day, read_clock
from secondround.engine.reading.note_cues import CONCERNS, MISSES, POSITIVES, QUESTIONS, TERMS, WENT
from secondround.engine.reading.note_sorter import STRONG_RULE
from secondround.engine.reading.notes import NoteQuestion, SplitNotes, ToSort

__all__ = [
    "INVITATION_SCHEMA",
    "NOTES_SCHEMA",
    "ONLY_THE_MODEL",
    "MergedInvitation",
    "MergedNotes",
    "invitation_checked",
    "invitation_prompt",
    "merge_invitation",
    "merge_notes",
    "notes_checked",
    "notes_prompt",
]

MAX_PROMPT_CHARS = 24_000  # a long thread is cut: a local model's context is small
# How sure a placement is when the engine and the model agree on an item the engine alone
# was not sure of (between the sorter's SURE and a strong rule).
AGREED = 0.6
# An item only the model placed: it waits in "to sort" with this confidence.
MODEL_ONLY = 0.5
ITEM_FIELDS = (POSITIVES, MISSES, CONCERNS)
# The note on a person only the model listed: the review leaves the row unticked.
ONLY_THE_MODEL = "Only your model listed this person: check they interview you."
HONORIFIC = re.compile(r"^(?:dr|mr|mrs|ms|mx|prof|professor|sir|dame)\.?\s+", re.IGNORECASE)
HHMM = re.compile(r"^\s*(\d{1,2})[:.h](\d{2})\s*$")
BULLET = re.compile(r"^[\s\-*•·+?!>#\d.)(\[\]]+")
_FIELD_NAMES = {
    QUESTIONS: "questions",
    POSITIVES: "what went well",
    MISSES: "what you forgot",
    CONCERNS: "their concerns",
    TERMS: "terms",
}


def _plain(text: object) -> str:
    """Case, spacing, curly quotes and punctuation around a value do not matter."""
    folded = unicodedata.normalize("NFC", str(text or "")).replace("’", "'").casefold()
    return " ".join(folded.split()).strip(" .,;:-–—\"'()")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _within(needle: str, haystack: str) -> bool:
    """needle is written in haystack, as whole words."""
    plain = _plain(needle)
    return bool(plain) and re.search(rf"(?<!\w){re.escape(plain)}(?!\w)", haystack) is not None


def _cut(text: str) -> str:
    return text if len(text) <= MAX_PROMPT_CHARS else text[:MAX_PROMPT_CHARS]


# ---- the invitation ------------------------------------------------------------------

INVITATION_SCHEMA: dict[str, object] = {
    "type": "object",
    "properties": {
        "people": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "name": {"type": "string"},
                    "title": {"type": ["string", "null"]},
                    "start": {"type": ["string", "null"]},
                    "end": {"type": ["string", "null"]},
                },
                "required": ["name", "title", "start", "end"],
                "additionalProperties": False,
            },
        }
    },
    "required": ["people"],
    "additionalProperties": False,
}


def invitation_prompt(text: str) -> list[dict[str, str]]:
    return [
        {
            "role": "system",
            "content": (
                "You read an e-mail inviting a job candidate to an interview. List the people "
                "who will interview the candidate (not the candidate, not someone who only "
                "sends or forwards the e-mail unless they also interview). For each: the name "
                "exactly as written, the job title exactly as written (or null), and the start "
                "and end time of their part as 24-hour HH:MM (or null). Copy; do not guess. "
                'Reply as JSON: {"people": [{"name": "...", "title": "...", "start": "HH:MM", '
                '"end": "HH:MM"}]}'
            ),
        },
        {"role": "user", "content": _cut(text)},
    ]


@dataclass(frozen=True)
class ModelPerson:
    name: str
    title: str | None
    start: time | None
    end: time | None


def _clock(value: object) -> time | None:
    match = HHMM.match(value) if isinstance(value, str) else None
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2])
    return time(hour, minute) if hour < 24 and minute < 60 else None


def _times_in(text: str) -> set[int]:
    """Minutes past midnight, modulo 12 hours, of every clock time written in the text."""
    found = set()
    for match in CLOCK.finditer(text):
        try:
            reading = read_clock(match.group())
            found.add(minutes_of_day(reading, reading.meridiem) % 720)
        except (ValueError, TypeError, IndexError):
            continue
    return found


def _supported_people(reply: object, text: str) -> tuple[list[ModelPerson], list[str]]:
    """The people the e-mail supports, and a sentence for each thing dropped."""
    people = reply.get("people") if isinstance(reply, dict) else None
    if not isinstance(people, list):
        return [], ["The model's answer had no list of people."]
    haystack = _plain(text)
    clocks = _times_in(text)
    kept: list[ModelPerson] = []
    dropped: list[str] = []
    for item in people[:50]:
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            continue
        name = " ".join(HONORIFIC.sub("", item["name"].strip()).split())
        if not name or not _within(name, haystack):
            dropped.append(f"“{item['name']}” is not in the e-mail.")
            continue
        title = item.get("title") if isinstance(item.get("title"), str) else None
        if title and not _within(title, haystack):
            dropped.append(f"The title “{title}” for {name} is not in the e-mail.")
            title = None
        start, end = _clock(item.get("start")), _clock(item.get("end"))
        for moment in (start, end):
            if moment is not None and (moment.hour * 60 + moment.minute) % 720 not in clocks:
                dropped.append(f"The time {moment:%H:%M} for {name} is not in the e-mail.")
        if start is not None and (start.hour * 60 + start.minute) % 720 not in clocks:
            start = end = None
        if end is not None and (end.hour * 60 + end.minute) % 720 not in clocks:
            end = None
        if any(_bare(p.name) == _bare(name) for p in kept):
            continue
        kept.append(ModelPerson(name, title or None, start, end))
    return kept, dropped


def invitation_checked(reply: object, *, text: str) -> Checked:
    """The model's roster cut to what the e-mail supports, as JSON; refused if nothing is."""
    kept, dropped = _supported_people(reply, text)
    if not kept:
        reason = dropped[0] if dropped else "The model found nobody in the e-mail."
        return Checked(None, reason)
    value = {
        "people": [
            {
                "name": p.name,
                "title": p.title,
                "start": f"{p.start:%H:%M}" if p.start else None,
                "end": f"{p.end:%H:%M}" if p.end else None,
            }
            for p in kept
        ]
    }
    return Checked(json.dumps(value, ensure_ascii=False), " ".join(dropped))


@dataclass(frozen=True)
class MergedInvitation:
    parsed: ParsedInvitation
    notes: list[str]  # per entry of parsed.entries: why to check it, or ""
    dropped: list[str]  # what the model said that the e-mail does not support
    used: bool  # the model's reading changed or marked something


def _bare(name: str) -> str:
    return " ".join(_words(HONORIFIC.sub("", name)))


def _same_person(one: str, other: str) -> bool:
    a, b = _bare(one).split(), _bare(other).split()
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return all(word in longer for word in shorter) and shorter[-1] == longer[-1]


def _line_with(name: str, text: str) -> str | None:
    for line in text.splitlines():
        if _within(name, _plain(line)):
            return line.strip()
    return None


def _zone(parsed: ParsedInvitation) -> ZoneInfo | None:
    try:
        return ZoneInfo(parsed.time_zone) if parsed.time_zone else None
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _moment(parsed: ParsedInvitation, clock: time | None) -> datetime | None:
    if clock is None or parsed.interview_date is None:
        return None
    return datetime.combine(parsed.interview_date, clock, tzinfo=_zone(parsed))


def _local(moment: datetime, parsed: ParsedInvitation) -> datetime:
    """A calendar's moment on the e-mail's clock (a calendar may say it in UTC)."""
    zone = _zone(parsed)
    return moment.astimezone(zone) if zone is not None and moment.tzinfo else moment


def _same_clock(engine: datetime | None, model: time | None) -> bool:
    if engine is None or model is None:
        return True
    return (engine.hour, engine.minute) == (model.hour, model.minute)


def merge_invitation(
    parsed: ParsedInvitation,
    reply: object,
    *,
    text: str,
    candidate: Sequence[str] = (),
    settled_times: Collection[datetime] = (),
) -> MergedInvitation:
    """The engine's roster with the model's supported reading merged in (see the module).

    `settled_times`: moments a calendar file gives for certain; a row starting at one keeps
    its time unmarked, and a model reading otherwise is only mentioned."""
    kept, dropped = _supported_people(reply, text)
    skip = {_bare(name) for name in candidate if name}
    kept = [p for p in kept if _bare(p.name) not in skip]
    entries: list[RosterEntry] = []
    notes: list[str] = []
    matched: set[int] = set()
    used = False
    for entry in parsed.entries:
        index = next(
            (
                i
                for i, p in enumerate(kept)
                if i not in matched and _same_person(entry.name, p.name)
            ),
            None,
        )
        if index is None:
            entries.append(entry)
            notes.append("")
            continue
        matched.add(index)
        person = kept[index]
        unsure = list(entry.unsure)
        said: list[str] = []
        title = entry.title
        if person.title and not entry.title:
            title = person.title
            unsure.append("title")
            said.append(f"the title “{person.title}” is your model's reading")
        elif person.title and _plain(person.title) != _plain(entry.title):
            unsure.append("title")
            said.append(f"your model reads the title as “{person.title}”")
        start, end = entry.start, entry.end
        if entry.start is not None and entry.start in settled_times:
            if not _same_clock(_local(entry.start, parsed), person.start):
                said.append(
                    f"your model reads the time as {person.start:%H:%M}; "
                    "the calendar's time is kept"
                )
        elif entry.start is None and person.start is not None and parsed.interview_date:
            start, end = _moment(parsed, person.start), _moment(parsed, person.end)
            unsure.append("time")
            said.append(f"the time {person.start:%H:%M} is your model's reading")
        elif not (_same_clock(entry.start, person.start) and _same_clock(entry.end, person.end)):
            unsure.append("time")
            clock = "–".join(f"{t:%H:%M}" for t in (person.start, person.end) if t)
            said.append(f"your model reads the time as {clock}")
        if said:
            used = True
        entries.append(
            replace(entry, title=title, start=start, end=end, unsure=tuple(dict.fromkeys(unsure)))
        )
        notes.append(_sentence(said))
    for index, person in enumerate(kept):
        if index in matched:
            continue
        used = True
        start = _moment(parsed, person.start)
        entries.append(
            RosterEntry(
                name=person.name,
                title=person.title,
                relation=None,
                start=start,
                end=_moment(parsed, person.end) if start else None,
                source=_line_with(person.name, text),
                unsure=("name", "title", "relation", "time"),
            )
        )
        notes.append(ONLY_THE_MODEL)
    return MergedInvitation(replace(parsed, entries=entries), notes, dropped, used)


def _sentence(parts: Iterable[str]) -> str:
    joined = "; ".join(parts)
    return joined[:1].upper() + joined[1:] + "." if joined else ""


# ---- the notes ---------------------------------------------------------------------------

NOTES_SCHEMA: dict[str, object] = {
    "type": "object",
    "properties": {
        "questions": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "text": {"type": "string"},
                    "went": {"type": ["string", "null"], "enum": [*WENT, None]},
                },
                "required": ["text", "went"],
                "additionalProperties": False,
            },
        },
        "positives": {"type": "array", "items": {"type": "string"}},
        "misses": {"type": "array", "items": {"type": "string"}},
        "concerns": {"type": "array", "items": {"type": "string"}},
        "terms": {"type": "array", "items": {"type": "string"}},
    },
    "required": ["questions", "positives", "misses", "concerns", "terms"],
    "additionalProperties": False,
}


def notes_prompt(text: str) -> list[dict[str, str]]:
    return [
        {
            "role": "system",
            "content": (
                "You sort a job candidate's notes, typed after an interview, into fields. "
                "questions: the questions they were asked, each with how it went "
                '("comfortable", "unsure", "struggled" or null); positives: what drew a '
                "positive response; misses: what they forgot or wish they had said; concerns: "
                "concerns the interviewer signalled; terms: business terms heard (products, "
                "tools, competitors). Every item must be copied word for word from the notes "
                "(a whole line or part of one); do not rephrase, summarise or add anything. "
                'Reply as JSON: {"questions": [{"text": "...", "went": "..."}], '
                '"positives": [], "misses": [], "concerns": [], "terms": []}'
            ),
        },
        {"role": "user", "content": _cut(text)},
    ]


@dataclass(frozen=True)
class ModelItem:
    field: str
    text: str
    went: str | None = None


def _span(item: str) -> str:
    return _plain(BULLET.sub("", item.strip()))


def _supported_items(reply: object, text: str) -> tuple[list[ModelItem], list[str]]:
    if not isinstance(reply, dict):
        return [], ["The model's answer was not the fields it was asked for."]
    haystack = _plain(text)
    kept: list[ModelItem] = []
    dropped: list[str] = []
    for field_name in (QUESTIONS, *ITEM_FIELDS, TERMS):
        values = reply.get(field_name)
        if not isinstance(values, list):
            continue
        for value in values[:200]:
            went = None
            if field_name == QUESTIONS and isinstance(value, dict):
                went = value.get("went") if value.get("went") in WENT else None
                value = value.get("text")
            if not isinstance(value, str) or not _span(value):
                continue
            span = _span(value)
            if span not in haystack:
                dropped.append(f"“{value.strip()[:80]}” is not in your notes.")
                continue
            if field_name == TERMS and not _within(span, haystack):
                dropped.append(f"The term “{value.strip()[:80]}” is not in your notes.")
                continue
            kept.append(ModelItem(field_name, " ".join(value.split()).strip(" -*•"), went))
    return kept, dropped


def notes_checked(reply: object, *, text: str) -> Checked:
    """The model's sorting cut to spans of the notes, as JSON; refused if none is."""
    kept, dropped = _supported_items(reply, text)
    if not kept:
        reason = dropped[0] if dropped else "The model sorted nothing from the notes."
        return Checked(None, reason)
    value: dict[str, list[object]] = {name: [] for name in (QUESTIONS, *ITEM_FIELDS, TERMS)}
    for item in kept:
        entry: object = (
            {"text": item.text, "went": item.went} if item.field == QUESTIONS else item.text
        )
        value[item.field].append(entry)
    return Checked(json.dumps(value, ensure_ascii=False), " ".join(dropped))


@dataclass(frozen=True)
class MergedNotes:
    split: SplitNotes
    notes: list[str]  # sentences on what the model changed or disputed
    dropped: list[str]
    used: bool


def _key(text: str) -> list[str]:
    return _words(BULLET.sub("", text))


def _overlaps(one: str, other: str) -> bool:
    a, b = _key(one), _key(other)
    if not a or not b:
        return False
    if " ".join(a) in " ".join(b) or " ".join(b) in " ".join(a):
        return True
    shorter = min(len(set(a)), len(set(b)))
    return len(set(a) & set(b)) / shorter >= 0.7 if shorter >= 3 else False


def merge_notes(split: SplitNotes, reply: object, *, text: str) -> MergedNotes:
    """The engine's sorting with the model's supported one merged in (see the module):
    both agree: placed; the engine unsure and the model agreeing with its guess: placed;
    they disagree, or only the model found it: "to sort", with the model's field as the
    guess where the engine had none. An item the engine placed by a strong rule (a
    heading, a "+"/"-" legend, a plain cue) is not put in doubt by the model."""
    kept, dropped = _supported_items(reply, text)
    fields: dict[str, list[str]] = {name: list(getattr(split, name)) for name in ITEM_FIELDS}
    questions = list(split.questions)
    confidence = {name: list(values) for name, values in split.confidence.items()}
    terms = list(split.terms)
    to_sort = list(split.to_sort)
    other = list(split.other)
    notes: list[str] = []
    demoted: list[tuple[str, int]] = []  # (field, index) moved to "to sort"

    def engine_field(item: ModelItem) -> tuple[str, int] | None:
        for index, question in enumerate(questions):
            if _overlaps(question.text, item.text):
                return QUESTIONS, index
        for name in ITEM_FIELDS:
            for index, value in enumerate(fields[name]):
                if _overlaps(value, item.text):
                    return name, index
        return None

    for item in kept:
        if item.field == TERMS:
            if not any(_plain(term) == _plain(item.text) for term in terms) and not any(
                _plain(entry.text) == _plain(item.text) for entry in to_sort
            ):
                to_sort.append(ToSort(item.text, TERMS, MODEL_ONLY))
                notes.append(f"Your model heard the term “{item.text}”.")
            continue
        placed = engine_field(item)
        if placed is not None:
            name, index = placed
            if name == item.field:
                if name == QUESTIONS and questions[index].went is None and item.went:
                    questions[index] = NoteQuestion(questions[index].text, item.went)
                continue
            sure = confidence.get(name, [])
            if index < len(sure) and sure[index] >= STRONG_RULE:
                continue  # a heading or a plain cue placed it: a model does not overrule that
            if (name, index) not in demoted:
                demoted.append((name, index))
                notes.append(
                    f"Second Round filed “{_short(item.text)}” under "
                    f"{_FIELD_NAMES[name]}, your model under {_FIELD_NAMES[item.field]}: "
                    "choose under “To sort”."
                )
            continue
        waiting = next((i for i, e in enumerate(to_sort) if _overlaps(e.text, item.text)), None)
        if waiting is not None:
            entry = to_sort[waiting]
            if entry.guess == item.field:
                to_sort.pop(waiting)
                _place(
                    item.field, entry.text, entry.went or item.went, questions, fields, confidence
                )
                notes.append(
                    f"“{_short(entry.text)}” placed under {_FIELD_NAMES[item.field]}: "
                    "your model agrees."
                )
            continue
        leftover = next((i for i, line in enumerate(other) if _overlaps(line, item.text)), None)
        if leftover is not None:
            other.pop(leftover)
        to_sort.append(ToSort(item.text, item.field, MODEL_ONLY, item.went))
        notes.append(
            f"Only your model found “{_short(item.text)}” ({_FIELD_NAMES[item.field]}): "
            "choose under “To sort”."
        )
    for name, index in sorted(demoted, key=lambda pair: -pair[1]):
        if name == QUESTIONS:
            question = questions.pop(index)
            to_sort.append(ToSort(question.text, QUESTIONS, 0.5, question.went))
        else:
            to_sort.append(ToSort(fields[name].pop(index), name, 0.5))
        if index < len(confidence.get(name, [])):
            confidence[name].pop(index)
    merged = replace(
        split,
        questions=questions,
        positives=fields[POSITIVES],
        misses=fields[MISSES],
        concerns=fields[CONCERNS],
        terms=terms,
        to_sort=to_sort,
        other=other,
        confidence=confidence,
    )
    return MergedNotes(merged, notes, dropped, bool(notes) or merged != split)


def _place(
    field_name: str,
    text: str,
    went: str | None,
    questions: list[NoteQuestion],
    fields: dict[str, list[str]],
    confidence: dict[str, list[float]],
) -> None:
    if field_name == QUESTIONS:
        questions.append(NoteQuestion(text, went))
    else:
        fields[field_name].append(text)
    confidence.setdefault(field_name, []).append(AGREED)


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57].rstrip() + "…"
