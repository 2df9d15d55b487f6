"""Amounts of money as people write them: "$95k", "95,000", "£52.5k", "€60 000", "1.2M",
"80000 CHF", "₹12,00,000", "12 lakh", and ranges ("$78k–$95k", "78-95k GBP").

Read here once for every part that meets pay: salary research and scripts, postings.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# Prefix symbols, longest first so "CA$" wins over "$".
SYMBOLS: tuple[tuple[str, str], ...] = (
    ("US$", "USD"),
    ("CA$", "CAD"),
    ("C$", "CAD"),
    ("AU$", "AUD"),
    ("A$", "AUD"),
    ("NZ$", "NZD"),
    ("HK$", "HKD"),
    ("S$", "SGD"),
    ("$", "USD"),
    ("£", "GBP"),
    ("€", "EUR"),
    ("₹", "INR"),
    ("Rs.", "INR"),
    ("Rs", "INR"),
)
# Words after a number that multiply it.
MULTIPLIERS: dict[str, Decimal] = {
    "k": Decimal(1_000),
    "thousand": Decimal(1_000),
    "m": Decimal(1_000_000),
    "mm": Decimal(1_000_000),
    "mn": Decimal(1_000_000),
    "mio": Decimal(1_000_000),
    "million": Decimal(1_000_000),
    "l": Decimal(100_000),
    "lac": Decimal(100_000),
    "lacs": Decimal(100_000),
    "lakh": Decimal(100_000),
    "lakhs": Decimal(100_000),
    "lpa": Decimal(100_000),  # lakh per annum
    "cr": Decimal(10_000_000),
    "crore": Decimal(10_000_000),
    "crores": Decimal(10_000_000),
}
# Any currency sign of SYMBOLS, longest first ("CA$" before "$").
SYMBOL_PATTERN = "(?:" + "|".join(re.escape(symbol) for symbol, _ in SYMBOLS) + ")"
_NUMBER = r"\d[\d,.'\u00a0\u202f ]*\d|\d"
_WORD = "|".join(sorted(MULTIPLIERS, key=len, reverse=True))
MONEY = re.compile(
    rf"(?P<code1>\b[A-Z]{{3}})?\s*(?:(?<![A-Za-z])(?P<symbol>{SYMBOL_PATTERN}))?\s*"
    rf"(?P<number>{_NUMBER})\s*(?P<word>(?:{_WORD})\b)?\s*(?:(?P<code2>[A-Z]{{3}}\b)|(?P<symbol2>[$£€₹]))?",
    re.IGNORECASE,
)
CODE = re.compile(r"[A-Z]{3}")


def parse_money(text: str) -> tuple[Decimal, str | None] | None:
    """The first amount in a text and its currency code (None when the text gives none)."""
    for match in MONEY.finditer(text or ""):
        amount = _number(match.group("number"), has_word=bool(match.group("word")))
        if amount is None:
            continue
        word = (match.group("word") or "").lower()
        amount *= MULTIPLIERS.get(word, Decimal(1))
        return whole_amount(amount), _currency_of(match)
    return None


def parse_range(text: str) -> tuple[Decimal, Decimal, str | None] | None:
    """ "$78k–$95k", "78-95k GBP", "£50,000 to £60,000" -> (low, high, currency)."""
    parts = re.split(r"\s*(?:–|—|-|\bto\b)\s*", (text or "").strip(), maxsplit=1)
    first = parse_money(parts[0])
    if first is None:
        return None
    second = parse_money(parts[1]) if len(parts) > 1 else None
    if second is None:
        return first[0], first[0], first[1]
    low, currency = first[0], first[1] or second[1]
    word = re.search(rf"(?:{_WORD})\b", parts[1], re.IGNORECASE)
    # "78-95k": the multiplier after the second number applies to the first as well.
    if word and not re.search(rf"\d\s*(?:{_WORD})\b", parts[0], re.IGNORECASE):
        low *= MULTIPLIERS[word.group(0).lower()]
    return whole_amount(min(low, second[0])), whole_amount(max(low, second[0])), currency


def currency_code(currency: str | None) -> str:
    return (currency or "").strip().upper()


def _currency_of(match: re.Match[str]) -> str | None:
    symbol = match.group("symbol") or match.group("symbol2")
    if symbol:
        return next(code for sym, code in SYMBOLS if sym.lower() == symbol.lower())
    for group in ("code1", "code2"):
        code = match.group(group)
        if code and CODE.fullmatch(code):  # upper case only: "and" is not a currency
            return code
    return None


def _number(raw: str, *, has_word: bool) -> Decimal | None:
    """ "95,000" -> 95000, "52.5" -> 52.5, "60 000" -> 60000, "60.000" -> 60000,
    "1.234,50" -> 1234.50, "12,00,000" -> 1200000, "52,5" (before "k") -> 52.5."""
    text = re.sub(r"[\u00a0\u202f ']", "", raw)
    commas, dots = text.count(","), text.count(".")
    if commas and dots:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        text = text.replace(thousands, "").replace(decimal_mark, ".")
    elif commas or dots:
        mark = "," if commas else "."
        groups = text.split(mark)
        # Thousands (or Indian lakh) grouping: every group after the first is 3 digits,
        # or 2-digit groups ending in a 3-digit one.
        grouped = len(groups[-1]) == 3 and all(len(g) in (2, 3) for g in groups[1:-1])
        if (commas and grouped) or (dots and grouped and (dots > 1 or not has_word)):
            text = text.replace(mark, "")
        elif len(groups) == 2:
            text = text.replace(mark, ".")
        else:
            return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def whole_amount(amount: Decimal) -> Decimal:
    """Whole units when the amount has no real fraction, else cents."""
    if amount == amount.to_integral_value():
        return amount.quantize(Decimal(1))
    return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
