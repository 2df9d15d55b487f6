"""The pay a job posting states: "£14.50–£16.20 per hour", "$82,000 - $105,000 a year",
"Salary: 45-52k EUR", "between CA$26 and CA$28 hourly".

The posting is the first source of salary research a candidate has, so the salary page
offers it as a research row. A range is read only where it is clearly pay: it carries a
currency, or its line talks about pay; "2-3 years", "37.5 hours a week" and "10-15%" are
not pay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from secondround.engine.nlp.money import SYMBOL_PATTERN, parse_range

_CODE = r"(?:USD|CAD|AUD|NZD|HKD|SGD|GBP|EUR|INR|CHF|ZAR|AED|JPY|SEK|NOK|DKK|PLN)"
_AMOUNT = (
    rf"(?:{_CODE}\s?)?{SYMBOL_PATTERN}?\s?\d(?:[\d,.\u00a0']*\d)?(?:\s?(?:k|K|thousand)\b)?"
    rf"(?:\s?{_CODE}\b)?"
)
_RANGE = re.compile(
    rf"(?P<low>{_AMOUNT})\s*(?:–|—|-|\bto\b|\band\b)\s*(?P<high>{_AMOUNT})"
    rf"|(?P<single>{SYMBOL_PATTERN}\s?\d(?:[\d,.]*\d)?(?:\s?(?:k|K)\b)?)"
)
_PAY_WORDS = re.compile(
    r"\b(?:salary|salaries|pay|paid|wages?|compensation|remuneration|rate|base|OTE|"
    r"per annum|p\.a\.|hourly|annually|gross|stipend|package)\b",
    re.IGNORECASE,
)
# What follows a number that is not money.
_NOT_PAY_AFTER = re.compile(
    r"\s*(?:\+\s*)?(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|%|percent|people|"
    r"staff|employees|beds|students|patients|miles|km|minutes|mins)\b",
    re.IGNORECASE,
)
_PER = r"(?:\b(?:per|an|a)\s?|/\s?)"
_PERIODS = (
    ("hour", re.compile(rf"{_PER}(?:hour|hr)\b|\bhourly\b|/\s?h\b", re.IGNORECASE)),
    (
        "year",
        re.compile(rf"{_PER}(?:year|yr|annum)\b|\bp\.?a\.?(?!\w)|\bannual(?:ly)?\b", re.IGNORECASE),
    ),
    ("month", re.compile(rf"{_PER}(?:month|mo)\b|\bmonthly\b", re.IGNORECASE)),
    ("week", re.compile(rf"{_PER}week\b|\bweekly\b", re.IGNORECASE)),
    ("day", re.compile(rf"{_PER}day\b|\bdaily rate\b", re.IGNORECASE)),
)
MAX_AMOUNT = Decimal(100_000_000)
_YEARS = re.compile(r"(?:19|20)\d\d\s*(?:–|—|-|to|and)\s*(?:19|20)?\d\d")


@dataclass(frozen=True)
class PostedPay:
    low: Decimal
    high: Decimal
    currency: str | None  # None: the posting names no currency
    period: str | None  # "hour", "year", "month", "week", "day", or None when not said
    line: str  # the line of the posting it was read from

    @property
    def says(self) -> str:
        """What the posting says, as the source of a research row."""
        return self.line if len(self.line) <= 120 else self.line[:117].rstrip() + "…"


def posted_pay(posting: str) -> PostedPay | None:
    """The first pay range (or single rate) the posting states, or None."""
    for raw in (posting or "").splitlines():
        line = " ".join(raw.split())
        if not line or not re.search(r"\d", line):
            continue
        found = _pay_in(line)
        if found is not None:
            return found
    return None


def _pay_in(line: str) -> PostedPay | None:
    talks_pay = _PAY_WORDS.search(line) is not None
    for match in _RANGE.finditer(line):
        text = match.group(0)
        if _NOT_PAY_AFTER.match(line, match.end()):
            continue
        has_currency = re.search(rf"{SYMBOL_PATTERN}|\b{_CODE}\b", text) is not None
        if not (has_currency or talks_pay):
            continue
        if not has_currency and _bare_small_or_years(text.strip()):
            continue
        amounts = parse_range(
            f"{match.group('low')} - {match.group('high')}" if match.group("low") else text
        )
        if amounts is None:
            continue
        low, high, currency = amounts
        if low <= 0 or high > MAX_AMOUNT:
            continue
        return PostedPay(low, high, currency, _period(line, match.start()), line)
    return None


def _bare_small_or_years(text: str) -> bool:
    """Bare numbers on a pay line that are not pay: "3-5", "7 to 9", "2025-2026" (pay
    without a currency has four digits or a thousands comma: "60,000 to 70,000")."""
    if not re.fullmatch(r"[\d\s–—-]+(?:to|and)?[\d\s]*", text):
        return False
    return not re.search(r"\d{4}|\d,\d{3}", text) or _YEARS.fullmatch(text) is not None


def _period(line: str, start: int) -> str | None:
    """The period said just after the amount ("$21/hour"), else before it on its line
    ("Hourly rate: £11.44")."""
    for window in (line[start : start + 60], line[:start]):
        for name, pattern in _PERIODS:
            if pattern.search(window):
                return name
    return None
