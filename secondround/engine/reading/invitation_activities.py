"""The parts of the day an invitation names without a time of their own: "a short role-play
of a valuation call", "you'll take part in a group exercise, a written task and ...",
"lunch is provided", "please prepare a 10-minute presentation", "- Written exercise".

The timed parts of the day are found with the schedule (invitation_slots.agenda_units);
these are the activities said in passing, in the newest message, in sentences about the
candidate's day (or as list items). Each becomes an agenda item labelled by its own
phrase ("Role-play of a valuation call"), not the whole sentence. A rule, not a model: it
prefers missing an activity to listing one the mail says will not happen.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from secondround.engine.nlp.word_tables import word_set
from secondround.engine.reading.invitation_entries import JOB_NOUN, AgendaItem
from secondround.engine.reading.invitation_lines import Unit

# The activity's head noun. "case" and "setup" need a word before them that says which
# ("modeling case"), checked in _label.
ACTIVITY = re.compile(
    r"\b(?P<head>lunch(?:eon)?|breakfast|dinner|morning\s+tea|afternoon\s+tea|coffee"
    r"|tours?|tests?|exercises?|presentations?|lessons?|observations?|tasks?"
    r"|case\s+stud(?:y|ies)|simulations?|role[- ]?plays?|tasting|shadowing|trial\s+shift|trial"
    r"|walk[- ]?(?:round|around|through)|seminar|job\s+talk|research\s+talk|forum"
    r"|demonstration|cook[- ]?off|challenge|scenarios|in[- ]tray|assessment|quiz|audition"
    r"|work\s+sample|case|(?<=hands-on\s)[^\W\d_]+)\b",
    re.IGNORECASE,
)
# Heads that name an activity only with a modifier before them: "a modeling case", not
# "in case"; "a group challenge", not "the challenge of the role".
NEEDS_MODIFIER = {"case", "challenge", "assessment"}
# Heads that, followed by these words, are verbs or name the whole event: "test your
# camera", "tour the site", "assessment centre", "test centre".
NOT_AN_ACTIVITY_AFTER = re.compile(
    r"\s*(?:your|our|the|it|that|whether|how|out|centres?|centers?|days?|process|events?"
    r"|results?|criteria|stage|phase|panel|methods?|tools?|period|basis|rooms?|halls?|suite"
    # said of the past: "the written test held on 3 May", "the test you took"
    r"|held|was|were|taken|completed|sat|you\s+(?:took|sat|completed|attended))\b",
    re.IGNORECASE,
)
# A sentence about the candidate's day, not the job or the company.
DAY_CUE = re.compile(
    r"\b(?:(?:we|they|i)(?:'ll|’ll)|you(?:'ll|’ll|\s+will|\s+would|\s+may|\s+might|\s+can)|there\s+(?:will|'ll|’ll)\s+be"
    r"|will\s+(?:also\s+)?[^\W\d_]+|consists?\s+of|consisting\s+of|includ(?:e|es|ing)"
    r"|involv(?:e|es|ing)|followed\s+by|as\s+part\s+of|asked\s+to|prepare|provided|take\s+part"
    r"|to\s+complete|join\s+(?:us|the\s+team|them)|ready\s+for|on\s+the\s+day|during\s+the"
    r"|after\s+(?:the|your)\s+interview|before\s+(?:the|your)\s+interview)\b",
    re.IGNORECASE,
)
# Sentences about the job, not the day: "the role involves presentations to clients".
ABOUT_THE_JOB = re.compile(
    r"\b(?:role|position|job|post|successful\s+candidate|responsibilit\w+|experience)\b"
    r"\s+(?:\w+\s+)?(?:involves?|includes?|requires?|covers?|in|of|with)\b",
    re.IGNORECASE,
)
NEGATION = re.compile(r"\b(?:no|not|n't|without|neither|nor|instead\s+of)\b|n['’]t\b", re.I)
# Words before the head that are not part of the activity's name.
NOT_A_MODIFIER = word_set(
    """a an the your our their his her its this that these those short brief quick small
    and or of to with will be give take do complete sit part in for on at also then
    followed by include includes including involve involves is are there you we us
    through asked please prepare some one two three any which have deliver run conduct
    lead walk join attend first finally after before as may might can should would
    about an informal formal final later what how when where while carry out undertake
    into from up ready allow minutes minute hour hours mins min long most common four five
    six several few each both all further over"""
)
# Words after the head's preposition that end the phrase.
PHRASE_END = word_set(
    """and or so which that who to before after then as is are will with you your it
    we us they them if when while but please how what why whether at from until by"""
)
DURATION_WORD = re.compile(r"^\(?\d+[- ]?(?:minutes?|mins?|hours?|hrs?)\)?$|^\d+$", re.I)
MAX_WORDS_BEFORE = 3
MAX_WORDS_AFTER = 5


def activities_said(units: list[Unit], timed: list[AgendaItem], depth: int = 0) -> list[AgendaItem]:
    """Agenda items for the activities the message at `depth` (the one that names the
    panel: the newest, or the one it forwards) names without their own time, beside the
    timed ones already found (an activity already there is not listed twice)."""
    found: list[AgendaItem] = []
    heads = {_head_key(m["head"]) for item in timed for m in ACTIVITY.finditer(item.label)}
    for unit in units:
        if unit.message != depth or unit.superseded or unit.options:
            continue
        if unit.kind == "prose" and (
            not DAY_CUE.search(unit.text) or ABOUT_THE_JOB.search(unit.text)
        ):
            continue
        for match in ACTIVITY.finditer(unit.text):
            following = ACTIVITY.match(unit.text, match.end() + 1)
            if following is not None and unit.text[match.end()] == " ":
                continue  # "role play exercises", "demonstration lesson": the last word names it
            label = _label(unit.text, match)
            key = _head_key(match["head"])
            if label is None or key in heads:
                continue
            heads.add(key)
            start = end = None
            if unit.kind != "prose" and unit.times is not None and unit.day is not None:
                start = datetime.combine(unit.day, unit.times.start, tzinfo=unit.zone)
                if unit.times.end is not None:
                    end = datetime.combine(unit.day, unit.times.end, tzinfo=unit.zone)
            found.append(AgendaItem(label, start, end, unit.line or None))
    return found


def _head_key(head: str) -> str:
    """ "Tours", "tour": one activity; "role play", "role-play": one."""
    word = re.sub(r"[\s-]+", "", head.casefold())
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _label(text: str, match: re.Match[str]) -> str | None:
    head = match["head"]
    before_text = text[: match.start()]
    after_text = text[match.end() :]
    if NOT_AN_ACTIVITY_AFTER.match(after_text) or re.search(r"\bto\s+$", before_text, re.I):
        return None  # "to test your microphone", "tour the site", "assessment centre"
    if JOB_NOUN.match(after_text.lstrip()):
        return None  # "Senior Test Engineer", "Tour Manager": part of a job's name
    if re.fullmatch(r"walk\s+\w+", head, re.I) and not re.search(
        r"\b(?:a|an|the|site|floor)\s+$", before_text, re.I
    ):
        return None  # "X will walk through a case with you": a verb ("walk-through": a noun)
    if re.match(r"\s*:", after_text):
        return None  # "Task: a practical observation ...": a field's name, the rest says what
    clause = re.split(r"[.;:!?]|,\s+(?:but|although)\b", before_text)[-1]
    if NEGATION.search(clause[-60:]):
        return None  # "there is no written test", "you won't need a presentation"
    modifiers: list[str] = []
    for word in reversed(clause.split()[-MAX_WORDS_BEFORE:]):
        if (
            word.casefold().strip("(") in NOT_A_MODIFIER
            or DURATION_WORD.match(word)
            or not re.fullmatch(r"[^\W\d_][\w'’&-]*", word)
        ):
            break
        modifiers.insert(0, word)
    if head.casefold() in NEEDS_MODIFIER and not modifiers:
        return None
    words = [*modifiers, head]
    tail = TAIL.match(after_text)
    if tail is not None:
        rest: list[str] = []
        for word in tail["rest"].split()[:MAX_WORDS_AFTER]:
            if word.casefold() in PHRASE_END or word[:1].isdigit():
                break  # "lunch with the team at 12:30": the time is the item's, not its name
            rest.append(word)
        if rest:
            words += [tail["prep"], *(tail["det"] or "").split(), *rest]
    label = " ".join(words)
    return label[:1].upper() + label[1:]


# What the activity is of, on or with: "a tour of the office", "a role-play of a call".
TAIL = re.compile(
    r"\s+(?P<prep>of|on|with)\s+(?P<det>(?:the|a|an)\s+)?(?P<rest>[^\s,.;:()]+(?:\s+[^\s,.;:()]+)*)",
    re.IGNORECASE,
)


# A timed line this short is its own label ("Meet with Advising Center staff").
SHORT_LABEL_WORDS = 8


def tidy_timed(items: list[tuple[AgendaItem, Unit]]) -> list[AgendaItem]:
    """A long timed sentence's agenda label is its activity ("Lunch with the team"), not
    the whole sentence; a sentence whose activity words all turn out not to be one ("the
    Seminar Room", "the written test held on 3 May") is no agenda item."""
    tidied = []
    for item, unit in items:
        if unit.kind != "prose":
            tidied.append(item)
            continue
        matches = list(ACTIVITY.finditer(unit.text))
        labels = [label for m in matches if (label := _label(unit.text, m)) is not None]
        if matches and not labels:
            continue
        if labels and len(item.label.split()) > SHORT_LABEL_WORDS:
            item = replace(item, label=labels[0])
        tidied.append(item)
    return tidied
