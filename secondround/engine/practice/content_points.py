"""Feedback on what an answer says: its length, STAR structure and specifics."""

from __future__ import annotations

import re

from secondround.engine.nlp import phrasing
from secondround.engine.practice.answer_text import TOKEN, VAGUE, Tok, plural, quote, snippet
from secondround.engine.practice.report import (
    BEHAVIOURAL_MIN_SECONDS,
    OTHER,
    RAMBLING_SECONDS,
    STAR_LABELS,
    TOO_SHORT_SECONDS,
    Point,
)


def length_point(
    n_words: int,
    duration: float | None,
    estimated: float | None,
    estimate_wpm: float,
    own_pace: bool,
    behavioural: bool,
    sentences: list[str],
) -> Point:
    if duration is not None:
        amount = f"{duration:.0f} seconds"
        spoken = duration
    else:
        spoken = estimated or 0.0
        whose = "your pace of" if own_pace else "a typical"
        amount = (
            f"{plural(n_words, 'word')}, about {spoken:.0f} seconds to say at "
            f"{whose} {estimate_wpm:.0f} words per minute"
        )
    short = spoken < TOO_SHORT_SECONDS
    brief = behavioural and spoken < BEHAVIOURAL_MIN_SECONDS
    long_ = spoken > RAMBLING_SECONDS
    first = (quote(sentences[0], 80),) if sentences else ()
    last = (quote(sentences[-1], 80),) if sentences else ()
    if short:
        return Point(
            "length",
            "problem",
            f"Too short: {amount}. The interviewer learns little from it.",
            first,
            SHORT_ADVICE,
        )
    if long_:
        return Point(
            "length",
            "problem",
            f"Rambling: {amount}; aim for one to two minutes.",
            last,
            "Cut the background to one sentence and stop after the result; let them ask for more.",
        )
    if brief:
        return Point(
            "length",
            "tip",
            f"A little brief for a behavioural answer: {amount}; one to two minutes works best.",
            first,
            BRIEF_ADVICE,
        )
    return Point(
        "length",
        "good",
        f"Good length: {amount}.",
        (),
        "Keep answers at this length: one to two minutes.",
    )


NO_ACTIONS = "Your own actions are not clear: few sentences say what you did."


SHORT_ADVICE = "Add one concrete example: what you did and what changed, in two or three sentences."
BRIEF_ADVICE = "Add the steps you took and one number for the result."


def longer_how(star: Point | None, has_number: bool, *, short: bool) -> str:
    """What to add to a short answer, without asking again for what the other points
    found there: a complete STAR with numbers is told to add depth, not "one number"."""
    if short and (star is None or star.level != "good"):
        return SHORT_ADVICE
    wants = []
    if star is not None and star.message == NO_ACTIONS:
        wants.append("the steps you took")
    if not has_number:
        wants.append("one number for the result")
    if wants:
        return f"Add {' and '.join(wants)}."
    return "Say one more thing you did and how it went for the people involved."


_SPOKEN_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|forty|fifty|hundred|thousand|half|double|twice)\b",
    re.IGNORECASE,
)


LEADING_TIME = re.compile(
    r"^(?:(?:after|within|by|in|over|later|eventually|finally|then|so)\b[^,]*?"
    r"(?:,\s*|\s+(?=(?:he|she|they|it|the|we|i|our|my|his|her)\b)))",
    re.IGNORECASE,
)


def _ends_in_outcome(sentences: list[str], labels: list[str]) -> bool:
    """ "The doctor switched it and she came back later to thank me.": after what the
    speaker did, the last sentence says what someone else did or what happened. That is
    the result, even with no "as a result" to announce it."""
    if len(sentences) < 2 or "action" not in labels[:-1] or labels[-1] in {"situation", "task"}:
        return False
    last = LEADING_TIME.sub("", sentences[-1], count=1)  # "After a few weeks he came …"
    piece = next(iter(phrasing.usable(phrasing.pieces(last))), None)
    return (
        piece is not None
        and piece.form is phrasing.Form.CLAUSE
        and piece.tense in {"past", "perfect"}
        and piece.subject.casefold() not in {"i", "we"}
        and piece.subject.split()[0].casefold() not in {"my", "our"}  # "My task was to …"
    )


def star_point(
    sentences: list[str], labels: list[str], cues: list[dict[str, float]], toks: list[Tok]
) -> Point:
    words_per = dict.fromkeys(STAR_LABELS, 0)
    per_sentence = [len(TOKEN.findall(s)) for s in sentences]
    for lab, n in zip(labels, per_sentence, strict=True):
        if lab in words_per:
            words_per[lab] += n
    total = sum(words_per.values()) or 1
    present = {
        lab: any(lb == lab and cues[i][lab] > 0 for i, lb in enumerate(labels))
        for lab in STAR_LABELS
    }
    # Labels chosen only by position count as present for situation (background).
    present["situation"] = present["situation"] or words_per["situation"] > 0
    # Background = sentences labelled situation/task plus any without action or result cues.
    setting = sum(
        n
        for lab, n, cue in zip(labels, per_sentence, cues, strict=True)
        if lab in ("situation", "task")
        or (lab != OTHER and cue["action"] < 1 and cue["result"] <= 0.5)
    )
    long_setting = total >= 60 and setting / total > 0.5
    present["result"] = present["result"] or _ends_in_outcome(sentences, labels)
    missing = [lab for lab in STAR_LABELS if not present[lab]]
    # Asking for "a number" where the answer has one contradicts the specificity point.
    with_number = "" if _SPOKEN_NUMBER.search(" ".join(sentences)) else " with a number"

    def first_of(lab: str) -> tuple[str, ...]:
        for s, lb in zip(sentences, labels, strict=True):
            if lb == lab:
                return (quote(s),)
        return ()

    if long_setting and not present["result"]:
        return Point(
            "star",
            "problem",
            f"A long situation ({setting} of {total} words) and no clear result: "
            "the classic fault.",
            first_of("situation") or first_of("task"),
            "Say the background in one sentence, then finish with the result: "
            f"'As a result, …'{with_number}.",
        )
    if not present["result"]:
        return Point(
            "star",
            "problem",
            "No clear result: the answer stops before saying what changed.",
            (quote(sentences[-1]),),
            "End with the outcome: 'As a result, …'"
            + (", ideally with a number," if with_number else ",")
            + " and what you learned.",
        )
    if not present["action"]:
        return Point(
            "star",
            "problem",
            NO_ACTIONS,
            first_of("situation"),
            "Spend most of the answer on the steps you took: 'I …, then I …'.",
        )
    if long_setting:
        return Point(
            "star",
            "tip",
            f"The situation and task take {setting} of {total} words; "
            "the action should be the longest part.",
            first_of("situation"),
            "Trim the background to one or two sentences and add detail to what you did.",
        )
    if missing:
        part = missing[0]
        return Point(
            "star",
            "tip",
            f"STAR: the {part} is not clear.",
            (),
            "Add one sentence for the "
            + part
            + (
                ": where and when it happened."
                if part == "situation"
                else ": what you were asked or needed to achieve."
            ),
        )
    return Point(
        "star",
        "good",
        "Complete STAR: situation, task, action and result are all there.",
        first_of("result"),
        "Keep the result concrete: a number and who noticed.",
    )


_DIGIT_NUMBER = re.compile(r"\b\d[\d,.]*\b|[$£€]\s?\d|\d\s?%")
_NAMED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][A-Za-z0-9+#.]*[A-Za-z0-9+#]\b")
_ROLE_PEOPLE = re.compile(
    r"\b(?:my|our|the|a|their) (?:manager|boss|director|ceo|cto|cfo|vp|client|customer|"
    r"stakeholders?|team lead|product owner|designer|engineer|developer|analyst|"
    r"colleague|teammate|head of \w+|supervisor|vendor|supplier|executive|board)\b",
    re.IGNORECASE,
)
_NOT_NAMES = frozenset(
    [
        "I",
        "I'm",
        "I've",
        "I'd",
        "I'll",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "STAR",
        "OK",
        "Okay",
    ]
)


def _numeric_facts(facts: list[str]) -> list[str]:
    return [f.partition(": ")[2] for f in facts if not f.startswith("role")]


def states_a_number(text: str, facts: list[str]) -> bool:
    return bool(_DIGIT_NUMBER.search(text) or _numeric_facts(facts))


def specificity_point(text: str, sentences: list[str], facts: list[str]) -> Point:
    numbers = [m.group(0).strip() for m in _DIGIT_NUMBER.finditer(text)]
    numeric_facts = _numeric_facts(facts)
    names: list[str] = []
    for s in sentences:
        for m in _NAMED.finditer(s):
            if m.start() > 0 and m.group(0) not in _NOT_NAMES:
                names.append(m.group(0))
    people = [m.group(0) for m in _ROLE_PEOPLE.finditer(text)]
    vague = [snippet(text, m.start(), m.end(), 20) for m in VAGUE.finditer(text)]
    has_number = bool(numbers or numeric_facts)
    concrete = list(dict.fromkeys(numeric_facts or numbers))[:3] + list(dict.fromkeys(names))[:2]
    if has_number and (names or people) and len(vague) <= 2:
        return Point(
            "specificity",
            "good",
            "Specific: numbers and named things or people back up the story.",
            tuple(concrete[:4]),
            "Keep leading with the number that matters most.",
        )
    if not has_number and (len(vague) >= 2 or not (names or people)):
        return Point(
            "specificity",
            "problem",
            "Vague: no numbers or named results"
            + (f", and {plural(len(vague), 'vague phrase')}." if vague else "."),
            tuple(vague[:3]),
            "Replace one vague claim with a figure: how many, how much, how fast, "
            "or by what percentage.",
        )
    if not has_number:
        return Point(
            "specificity",
            "tip",
            "No numbers: the result is hard to picture.",
            tuple(vague[:3]) or tuple(dict.fromkeys(names + people))[:3],
            "Add one number: team size, time saved, money, or a percentage.",
        )
    return Point(
        "specificity",
        "tip",
        "Some numbers, but "
        + ("vague phrases weaken it." if vague else "name the tools or people."),
        tuple(vague[:3]) or tuple(concrete[:3]),
        "Name the tool, product or person's role instead of a general phrase.",
    )
