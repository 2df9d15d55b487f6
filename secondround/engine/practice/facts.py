"""Facts an answer states (numbers, money, durations, team sizes, roles), and how two
answers to the same question differ in them."""

from __future__ import annotations

import re
from collections.abc import Sequence

from secondround.engine.practice.answer_text import ROLE_NOUNS

# --------------------------------------------------------------------------- facts

_NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "thousand": 1000,
    "a dozen": 12,
    "dozen": 12,
    "a couple of": 2,
    "a couple": 2,
}
_NUM = (
    r"(?:\d[\d,]*(?:\.\d+)?|(?:"
    + "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True))
    + r")(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?)"
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_UNITS = "years?|months?|weeks?|days?|hours?|minutes?|quarters?|sprints?|semesters?"
_MONEY = re.compile(
    r"[$£€]\s?\d[\d,]*(?:\.\d+)?\s?(?:k|m|bn|million|billion|thousand)?\b|"
    r"\b\d[\d,]*(?:\.\d+)?\s?(?:k|m|million|billion|thousand)?\s?(?:dollars|pounds|euros|usd|gbp|eur)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"\b\d+(?:\.\d+)?\s?(?:%|percent\b)", re.IGNORECASE)
_YEAR = re.compile(
    r"\b(?:(?:in|since|during|by|of|from)\s+(?:(?:"
    + _MONTHS
    + r")\s+)?)?(?:19[5-9]\d|20[0-4]\d)\b",
    re.IGNORECASE,
)
_DURATION = re.compile(r"\b(?P<n>" + _NUM + r")[\s-](?P<u>" + _UNITS + r")\b", re.IGNORECASE)
_COUNT = re.compile(
    r"\b(?P<n>" + _NUM + r")\s+(?:(?:new|other|more|senior|junior|key|major|full-time|"
    r"part-time|different|separate|remote|direct|internal|external|big|small|large)\s+)?"
    r"(?P<noun>[a-z][a-z-]{2,}s)\b",
    re.IGNORECASE,
)
_TEAM_OF = re.compile(
    r"\b(?P<noun>team|group|staff|department|crew) of (?P<n>" + _NUM + r")\b", re.I
)
_ROLE_MODIFIERS = (
    r"(?:(?:senior|junior|lead|principal|staff|chief|head|assistant|associate|deputy|"
    r"acting|interim|graduate|trainee|software|data|product|project|program|programme|team|"
    r"engineering|marketing|sales|operations|account|customer|support|qa|test|frontend|"
    r"front-end|backend|back-end|full-stack|full stack|web|mobile|devops|cloud|security|"
    r"research|design|ux|ui|ui/ux|finance|financial|hr|business|technical|tech|it|"
    r"development|store|shift|office|general|regional|area|site|quality|clinical|"
    r"graphic|content|digital|social media|logistics|supply chain|warehouse|nursing)\s+){0,3}"
)
_ROLE = re.compile(
    r"\b(?:as an?|as the|i was an?|i was the|i am an?|i'm an?|my role as an?|my role as the|"
    r"role of|position of|promoted to|worked as an?|working as an?|job as an?|hired as an?|"
    r"appointed as an?|appointed as the|appointed)\s+(?P<role>"
    + _ROLE_MODIFIERS
    + r"(?:"
    + "|".join(re.escape(r) for r in ROLE_NOUNS or ["engineer"])
    + r"))\b",
    re.IGNORECASE,
)
_NOT_COUNT_NOUNS = frozenset(
    [
        "years",
        "months",
        "weeks",
        "days",
        "hours",
        "minutes",
        "quarters",
        "sprints",
        "semesters",
        "times",
        "things",
        "ways",
        "percent",
        "dollars",
        "pounds",
        "euros",
        "thousands",
        "hundreds",
        "millions",
        "billions",
        "ones",
        "others",
    ]
)


def _num_value(text: str) -> float | None:
    t = text.lower().replace(",", "").strip()
    try:
        return float(t)
    except ValueError:
        pass
    parts = re.split(r"[\s-]+", t)
    if " ".join(parts) in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[" ".join(parts)])
    total = 0.0
    for p in parts:
        if p not in _NUMBER_WORDS:
            return None
        total += _NUMBER_WORDS[p]
    return total


def _singular(noun: str) -> str:
    noun = noun.lower()
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun[:-1]
    return noun


def extract_facts(text: str) -> list[str]:
    """Numbers, dates, money, percentages and role words, as "kind: as written" strings."""
    facts: list[str] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, m: re.Match[str], value: str | None = None) -> None:
        if any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        facts.append(f"{kind}: {(value or m.group(0)).strip()}")

    for m in _MONEY.finditer(text):
        add("money", m)
    for m in _PERCENT.finditer(text):
        add("percent", m)
    for m in _YEAR.finditer(text):
        add("date", m)
    for m in _DURATION.finditer(text):
        add("duration", m)
    for m in _TEAM_OF.finditer(text):
        add("count", m)
    for m in _COUNT.finditer(text):
        if m.group("noun").lower() not in _NOT_COUNT_NOUNS and _num_value(m.group("n")) is not None:
            add("count", m)
    for m in _ROLE.finditer(text):
        role = m.group("role")
        if role.lower() in ("member", "head", "lead", "owner", "partner", "principal"):
            continue
        start = m.start("role")
        facts.append(f"role: {role}")
        taken.append((start, m.end()))
    return facts


def _fact_key(fact: str) -> tuple[str, str, str] | None:
    """(kind, key, normalised value) for comparing facts across two answers."""
    kind, _, value = fact.partition(": ")
    low = value.lower()
    if kind == "role":
        return ("role", "role", " ".join(low.split()))
    if kind == "duration":
        m = _DURATION.search(value)
        if m:
            n = _num_value(m.group("n"))
            return ("duration", _singular(m.group("u")), f"{n:g}" if n is not None else low)
    if kind == "count":
        m = _TEAM_OF.search(value) or _COUNT.search(value)
        if m:
            n = _num_value(m.group("n"))
            key = _singular(m.group("noun"))
            return ("count", key, f"{n:g}" if n is not None else low)
    if kind == "percent":
        m = re.search(r"\d+(?:\.\d+)?", low)
        return ("percent", "percent", f"{float(m.group(0)):g}%" if m else low)
    if kind == "money":
        digits = re.sub(r"[^\d.kmb]", "", low.replace("million", "m").replace("thousand", "k"))
        return ("money", "money", digits)
    if kind == "date":
        m = re.search(r"\d{4}", low)
        return ("date", "year", m.group(0) if m else low)
    return None


def compare_facts(previous: Sequence[str], current: Sequence[str]) -> list[tuple[str, str]]:
    """(was, now) pairs for facts of the same kind and key whose values changed."""

    def group(facts: Sequence[str]) -> dict[tuple[str, str], dict[str, str]]:
        out: dict[tuple[str, str], dict[str, str]] = {}
        for f in facts:
            k = _fact_key(f)
            if k:
                out.setdefault((k[0], k[1]), {}).setdefault(k[2], f.partition(": ")[2])
        return out

    before, after = group(previous), group(current)
    changes: list[tuple[str, str]] = []
    for key, was in before.items():
        now = after.get(key)
        if not now:
            continue
        gone = [v for k, v in was.items() if k not in now]
        new = [v for k, v in now.items() if k not in was]
        if gone and new:
            changes.append((", ".join(gone), ", ".join(new)))
    return changes
