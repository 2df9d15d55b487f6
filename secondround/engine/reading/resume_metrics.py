"""The figure an achievement states, its outcome clause, and a draft story from one bullet."""

from __future__ import annotations

import re
from dataclasses import dataclass

from secondround.engine.reading.resume_records import DraftStory, Job, Metric
from secondround.engine.reading.resume_words import (
    ACTION_VERBS,
    OUTCOME_VERBS,
    RESULT_PARTICIPLES,
    STOPWORDS,
    word_set,
)

# ---------------------------------------------------------------------------- metrics

_NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:(?:[kKmM]|bn|BN)(?![A-Za-z])|\s?(?:million|billion|thousand)\b)"
_RATE = (
    r"(?:\s(?:a|an|per|each)\s(?:day|week|month|quarter|year|shift|hour|night|annum|term)\b"
    r"|\s?/\s?(?:yr|year|month|mo|week|wk|day|hr|hour)\b|\s(?:annually|monthly|weekly|daily)\b)"
)
_MONEY = rf"(?:[£$€]\s?{_NUM}{_SCALE}?|{_NUM}{_SCALE}?\s?(?:GBP|USD|EUR)\b)"
_PERCENT = rf"(?:{_NUM}\s?(?:%|per\s?cent\b|percent\b))"
_POINTS = rf"(?:{_NUM}\s?(?:percentage points?\b|pp\b))"
_MULT = rf"(?:{_NUM}\s?[x×](?![A-Za-z0-9]))"
_QTY = rf"(?:{_MONEY}|{_POINTS}|{_PERCENT}|{_MULT}|{_NUM}{_SCALE}?|zero)"
FROM_TO = re.compile(
    rf"\bfrom\s+(?P<a>{_QTY})(?P<au>(?:\s[A-Za-z][\w-]*){{0,3}}?)"
    rf"\s+(?:down\s+|up\s+)?to\s+(?P<b>{_QTY})",
    re.IGNORECASE,
)
INSTEAD_OF = re.compile(
    rf"(?<![\w.,])(?P<b>{_QTY})(?P<bu>(?:\s[A-Za-z][\w-]*){{0,3}}?)\s+(?:instead of|rather than|"
    rf"down from|up from)\s+(?P<a>{_QTY})",
    re.IGNORECASE,
)
BY = re.compile(
    rf"\bby\s+(?:up to\s+|over\s+|more than\s+|almost\s+|nearly\s+|around\s+|about\s+|"
    rf"roughly\s+)?(?P<q>{_QTY})",
    re.IGNORECASE,
)
PERCENT = re.compile(rf"(?<![\w.]){_PERCENT}|(?<![\w.]){_POINTS}", re.IGNORECASE)
MONEY = re.compile(rf"(?<![\w.]){_MONEY}", re.IGNORECASE)
MULT = re.compile(rf"(?<![\w.]){_MULT}", re.IGNORECASE)
RANK = re.compile(r"(?<!\w)#\d+\b|\b\d+(?:\.\d+)?-star\b", re.IGNORECASE)
NUMBER = re.compile(rf"(?<![\w.£$€#/-]){_NUM}\+?(?![\w%/-]|\.\d)")
RATE = re.compile(_RATE, re.IGNORECASE)
WORD = re.compile(r"\s+([A-Za-z][A-Za-z'’-]*)")
COUNT_BLOCKERS = word_set(
    "year years yr yrs stage ks level grade band version phase tier step ward room floor "
    "key section top page chapter class"
)


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    rank: int
    value: str
    before: str | None = None
    after: str | None = None


def tidy(text: str) -> str:
    return " ".join(text.split())


def _percent(text: str) -> str:
    """'30 per cent' → '30%'; other figures as written."""
    match = re.fullmatch(rf"({_NUM})\s?(?:%|per\s?cent|percent)", text.strip(), re.IGNORECASE)
    return f"{match.group(1)}%" if match else tidy(text)


def _is_bare(quantity: str) -> bool:
    return re.fullmatch(rf"{_NUM}|zero", quantity.strip(), re.IGNORECASE) is not None


def _noun_words(text: str, position: int) -> tuple[str, int]:
    """The unit words after a number: up to three, ending at the first plural ('s').

    '9 student nurses through' → ' student nurses'; a verb, stopword or month ends it.
    """
    words: list[str] = []
    end = position
    cursor = position
    for _ in range(3):
        match = WORD.match(text, cursor)
        if not match:
            break
        word = match.group(1)
        lowered = word.lower()
        if (
            lowered in STOPWORDS
            or lowered in ACTION_VERBS
            or lowered in OUTCOME_VERBS
            or lowered.rstrip(".") in _MONTH_NAMES
        ):
            break
        words.append(word)
        cursor = match.end()
        if lowered.endswith("s") and not lowered.endswith("ss"):
            # "6 commis chefs": a second plural-looking word goes on with the noun.
            following = WORD.match(text, cursor)
            if following and len(words) < 3 and _plural_noun(following.group(1)):
                words.append(following.group(1))
                cursor = following.end()
            return "".join(" " + w for w in words), cursor
    if words:
        first = WORD.match(text, position)
        if first is not None:
            return " " + words[0], first.end()
    return "", end


_MONTH_NAMES = word_set(
    "jan january feb february mar march apr april may jun june jul july aug august sep "
    "sept september oct october nov november dec december"
)


def _plural_noun(word: str) -> bool:
    lowered = word.lower()
    return (
        lowered.endswith("s")
        and not lowered.endswith("ss")
        and lowered not in STOPWORDS
        and lowered not in ACTION_VERBS
        and lowered not in OUTCOME_VERBS
    )


def _with_rate(text: str, end: int) -> tuple[str, int]:
    match = RATE.match(text, end)
    return (match.group(0), match.end()) if match else ("", end)


def _quantity_with_unit(text: str, start: int, end: int, *, nouns: bool) -> tuple[str, int]:
    quantity = _percent(text[start:end])
    if nouns and _is_bare(quantity):
        unit, end = _noun_words(text, end)
        quantity += unit
    rate, end = _with_rate(text, end)
    return tidy(quantity + rate), end


def _share_unit(before: str, after: str) -> tuple[str, str]:
    """'from 6.5 to 5.2 days': the unit written once belongs to both figures."""
    number = re.compile(rf"^(?:{_NUM}|zero)", re.IGNORECASE)
    before_number, after_number = number.match(before), number.match(after)
    if not before_number or not after_number:
        return before, after
    before_unit = before[before_number.end() :]
    after_unit = after[after_number.end() :]
    if not before_unit and after_unit and not after.startswith(("£", "$", "€")):
        before += after_unit if after_unit.startswith(("%", " ")) else after_unit
    elif before_unit and not after_unit:
        after += before_unit
    return before, after


def _candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(candidate: _Candidate) -> None:
        if free(candidate.start, candidate.end):
            found.append(candidate)
            taken.append((candidate.start, candidate.end))

    for match in FROM_TO.finditer(text):
        before = tidy(_percent(match.group("a")) + match.group("au"))
        if _is_bare(match.group("a")) and not match.group("au").strip():
            rate, _ = _with_rate(text, match.end("a"))
            before += rate
        after, end = _quantity_with_unit(text, match.start("b"), match.end("b"), nouns=True)
        before, after = _share_unit(before, after)
        add(_Candidate(match.start(), end, 0, after, before, after))
    for match in INSTEAD_OF.finditer(text):
        after = tidy(_percent(match.group("b")) + match.group("bu"))
        before, end = _quantity_with_unit(text, match.start("a"), match.end("a"), nouns=True)
        before, after = _share_unit(before, after)
        add(_Candidate(match.start(), end, 0, after, before, after))
    for match in BY.finditer(text):
        quantity = match.group("q")
        if re.fullmatch(r"(?:19|20)\d{2}", quantity) or quantity.lower() == "zero":
            continue
        value, end = _quantity_with_unit(text, match.start("q"), match.end("q"), nouns=True)
        if _is_bare(value):
            continue
        add(_Candidate(match.start("q"), end, 1, value))
    for pattern, rank in ((PERCENT, 2), (MONEY, 3), (MULT, 4), (RANK, 5)):
        for match in pattern.finditer(text):
            value, end = _quantity_with_unit(text, match.start(), match.end(), nouns=False)
            if rank == 2:
                value = _percent(match.group(0))
            add(_Candidate(match.start(), end, rank, value))
    for match in NUMBER.finditer(text):
        number = match.group(0)
        if re.fullmatch(r"(?:19|20)\d{2}", number):
            continue
        previous = re.search(r"([A-Za-z]+)\W*$", text[: match.start()])
        if previous and previous.group(1).lower() in COUNT_BLOCKERS:
            continue
        unit, end = _noun_words(text, match.end())
        if not unit:
            continue
        add(_Candidate(match.start(), end, 6, tidy(number + unit)))
    return found


_CLAUSE_BREAK = re.compile(r"[,;:(]\s|\s[—–-]\s|\)|[.!?](?:\s|$)")


def _clause_around(text: str, start: int, end: int) -> str:
    left = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, start):
        left = match.end()
    right_match = _CLAUSE_BREAK.search(text, end)
    right = right_match.start() if right_match else len(text)
    clause = text[left:right].strip(" .;,—–-")
    for linker in ("which ", "and ", "resulting in ", "leading to ", "so that "):
        if clause.lower().startswith(linker):
            clause = clause[len(linker) :]
    return clause


def extract_metric(text: str, *, result: str = "") -> Metric | None:
    """The main figure of a bullet: the one in its outcome clause first, then by kind.

    Kinds, best first: a change ("from 9% to 4%", "5 days instead of 9"), "by N",
    a percentage, money, a multiplier, a rank, a count ("12 nurses").
    """
    candidates = _candidates(text)
    if not candidates:
        return None
    result_start = text.rfind(result) if result else -1

    def order(candidate: _Candidate) -> tuple[int, int, int]:
        in_result = 0 if result_start >= 0 and candidate.start >= result_start else 1
        return (in_result, candidate.rank, candidate.start)

    best = min(candidates, key=order)
    return Metric(
        text=_clause_around(text, best.start, best.end),
        value=best.value,
        before=best.before,
        after=best.after,
    )


# ----------------------------------------------------------------------- result clause

_RESULT_KEEP = re.compile(rf",\s+(?:and\s+)?(?=(?:{RESULT_PARTICIPLES})\b)", re.IGNORECASE)
_RESULT_DROP = re.compile(
    r",\s+which\s+(?:in turn\s+)?|,?\s+(?:resulting in|leading to|so that|contributing to|"
    r"thereby)\s+|;\s+|(?<!\d)\s[—–]\s(?!\d)|(?<!\d)\s-\s(?!\d)|\s[—–]$",
    re.IGNORECASE,
)
_RESULT_AND = re.compile(r",\s+and\s+", re.IGNORECASE)


def split_result(text: str) -> str:
    """The outcome clause: ', reducing X by 30%' gives 'reducing X by 30%'.

    Participles ("reducing", "saving"...) are kept; linking words ("which", "resulting in",
    "so that", a dash, a semicolon) are dropped. ', and ...' counts when what follows has an
    outcome verb ("rose", "fell") and a figure.
    """
    starts: list[int] = []
    match = _RESULT_KEEP.search(text)
    if match:
        starts.append(match.end())
    match = _RESULT_DROP.search(text)
    if match:
        starts.append(match.end())
    for match in _RESULT_AND.finditer(text):
        rest = text[match.end() :]
        words = {word.lower() for word in re.findall(r"[A-Za-z]+", rest)}
        if words & OUTCOME_VERBS and re.search(r"\d", rest):
            starts.append(match.end())
            break
    for start in sorted(starts):
        result = text[start:].strip().rstrip(".;").strip()
        if result:
            return result
    return ""


def _title(text: str, result: str) -> str:
    head = text
    if result:
        cut = text.rfind(result)
        if cut > 0:
            head = text[:cut]
    head = re.split(r"[,;:]\s|\s[—–-]\s", head, maxsplit=1)[0].strip(" .;,—–-")
    if not head:
        head = text
    if len(head) <= 60:
        return head
    shortened = head[:60].rsplit(" ", 1)[0].rstrip(" ,;")
    return shortened + "…"


def bullet_story(
    action: str,
    source: str,
    job: Job | None,
) -> DraftStory:
    action = tidy(action)
    result = split_result(action)
    return DraftStory(
        title=_title(action, result)[:80],
        action=action,
        result=result,
        metric=extract_metric(action, result=result),
        employer=job.employer if job else None,
        role=job.role if job else None,
        start=job.start if job else None,
        end=job.end if job else None,
        source_line=source,
    )
