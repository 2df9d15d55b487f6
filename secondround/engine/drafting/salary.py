"""Salary research, the line for the brief, and what to say when pay comes up this round.

* ``summarise`` turns research points (a job board, a salary survey, a recruiter) into one
  range: the lowest low to the highest high among the points in the dominant currency,
  plus the median of their midpoints. Points in other currencies are not converted (no
  exchange rates offline); ``mixed_currencies`` tells the page to say so.
* ``range_line`` writes the one line for the brief:
  "Research $78k–$95k (4 sources) · target $90k · walk away below $80k".
* ``what_to_say`` gives the scripts for this round. Early (round 1-2, the employer has not
  raised pay) it defers politely; later, or once they raised it, it gives a range that
  starts at the target (never a number below it) and stays inside the research, or
  says why it cannot. It always adds how to answer "what do you earn now".
* ``format_money`` writes amounts ("$95k", "£52,500", "₹12L"); ``nlp.money`` reads them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from secondround.engine.nlp.money import currency_code, whole_amount

# --------------------------------------------------------------------------------------
# Data tables: edit these rather than the code below.
# --------------------------------------------------------------------------------------

# How each known currency is written: (prefix symbol, Indian digit grouping).
STYLES: dict[str, tuple[str, bool]] = {
    "USD": ("$", False),
    "GBP": ("£", False),
    "EUR": ("€", False),
    "CAD": ("CA$", False),
    "AUD": ("A$", False),
    "NZD": ("NZ$", False),
    "HKD": ("HK$", False),
    "SGD": ("S$", False),
    "INR": ("₹", True),
}
# Without research to set the top, the said range is this wide.
ANCHOR_WIDTH = Decimal("1.10")
# Pay is quoted by the hour or by the year ("$30" an hour, "$52k–$68k" a year). Below
# HOURLY_BELOW an amount is an hourly rate, from YEARLY_FROM up a yearly salary (between,
# a day or week rate: left alone); a full-time year is HOURS_A_YEAR hours (40 x 52).
HOURLY_BELOW = Decimal(200)
YEARLY_FROM = Decimal(5000)
HOURS_A_YEAR = Decimal(2080)
ANCHOR_MAX_WIDTH = Decimal("1.25")  # research may lift the top this far, no further


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SalaryPoint:
    source: str
    low: Decimal
    high: Decimal
    currency: str
    as_of: date | None


@dataclass(frozen=True)
class SalarySummary:
    currency: str | None
    low: Decimal | None
    high: Decimal | None
    median_mid: Decimal | None
    mixed_currencies: bool
    count: int
    hourly: bool = False  # the research is in hourly rates (yearly points were converted)


def summarise(points: Sequence[SalaryPoint]) -> SalarySummary:
    """The research range over the points in the most common currency.

    The dominant currency is the one with the most points; a tie goes to the currency seen
    first. Points with nothing above zero are ignored; a low above its high is swapped.
    """
    usable = [p for p in points if max(p.low, p.high) > 0]
    currencies: dict[str, int] = {}
    for point in usable:
        code = currency_code(point.currency)
        currencies[code] = currencies.get(code, 0) + 1
    if not currencies:
        return SalarySummary(None, None, None, None, False, 0)
    dominant = max(currencies, key=lambda code: currencies[code])  # first seen wins ties
    ranges = [
        (min(p.low, p.high), max(p.low, p.high))
        for p in usable
        if currency_code(p.currency) == dominant
    ]
    # Hourly and yearly points together ("$19–$24" on one board, "$40k–$48k" on another):
    # the more common period wins (the first seen on a tie) and the others are converted.
    periods = [_period(high) for _, high in ranges]
    counted = [p for p in periods if p]
    hourly = bool(counted) and max(dict.fromkeys(counted), key=counted.count) == "hour"
    own = "hour" if hourly else "year"
    # A converted point is an estimate (a locum's £24 an hour is not a £50k salary): it
    # joins the median, but the range's ends come from the points quoted in its terms.
    native = [r for r, period in zip(ranges, periods, strict=True) if period in (own, None)]
    ranges = [
        (_in_period(low, period, hourly), _in_period(high, period, hourly))
        for (low, high), period in zip(ranges, periods, strict=True)
    ]
    ends = native or ranges
    lows = [low if low > 0 else high for low, high in ends]
    mids = sorted((low + high) / 2 for low, high in ranges)
    middle = len(mids) // 2
    median = mids[middle] if len(mids) % 2 else (mids[middle - 1] + mids[middle]) / 2
    return SalarySummary(
        currency=dominant or None,
        low=min(lows),
        high=max(high for _, high in ends),
        median_mid=whole_amount(median),
        mixed_currencies=len(currencies) > 1,
        count=len(ranges),
        hourly=hourly,
    )


def _period(amount: Decimal) -> str | None:
    """ "hour" for an hourly rate, "year" for a salary, None for a day or week rate."""
    if 0 < amount < HOURLY_BELOW:
        return "hour"
    if amount >= YEARLY_FROM:
        return "year"
    return None


def _in_period(amount: Decimal, period: str | None, hourly: bool) -> Decimal:
    """An amount of `period` in the research's period (hourly or yearly)."""
    if period == "year" and hourly:
        return whole_amount((amount / HOURS_A_YEAR).quantize(Decimal("0.01")))
    if period == "hour" and not hourly:
        return whole_amount(amount * HOURS_A_YEAR)
    return amount


def range_line(
    summary: SalarySummary,
    *,
    target: Decimal | None,
    walk_away: Decimal | None,
    currency: str | None = None,
) -> str:
    """ "Research $78k–$95k (4 sources) · target $90k · walk away below $80k".

    ``currency`` formats the target and walk-away when there is no research yet.
    """
    currency = summary.currency or currency_code(currency)
    parts: list[str] = []
    if summary.count and summary.low is not None and summary.high is not None:
        sources = f"{summary.count} source" + ("s" if summary.count != 1 else "")
        if summary.mixed_currencies:
            sources += f", {currency} only"
        parts.append(f"Research {_span(summary.low, summary.high, currency)} ({sources})")
    else:
        parts.append("No research yet")
    if target is not None:
        note = ""
        comparable = _in_period(target, _period(target), summary.hourly)
        if summary.low is not None and summary.count and comparable < summary.low:
            note = " (below the research range)"
        parts.append(f"target {format_money(target, currency, compact=True)}{note}")
    if walk_away is not None:
        note = " (above target: check)" if target is not None and walk_away > target else ""
        parts.append(f"walk away below {format_money(walk_away, currency, compact=True)}{note}")
    return " · ".join(parts)


def what_to_say(
    *,
    round_number: int,
    employer_raised_pay: bool,
    target: Decimal | None,
    summary: SalarySummary,
    currency: str | None,
) -> list[str]:
    """Lines to say if pay expectations come up in this round; see the module docstring."""
    code = currency_code(currency or summary.currency or "")
    said = anchored_range(target=target, summary=summary, currency=code)
    # An hourly range is said with its period: "$30–$32 an hour".
    per = (
        " an hour"
        if said
        and (summary.hourly if summary.count else target is not None and _period(target) == "hour")
        else ""
    )
    basis = (
        "Based on my research for similar roles and what this one involves"
        if said and said.from_research
        else "Based on what this role involves and my experience"
    )
    lines: list[str] = []
    if round_number <= 2 and not employer_raised_pay:
        lines.append(
            "\u201cI'd like to learn more about the role and what success looks like first; "
            "I'm confident we can agree on a fair package.\u201d"
        )
        lines.append(
            "\u201cCould you share the range budgeted for the role? "
            "That would help me give you a useful answer.\u201d"
        )
        if said:
            lines.append(
                f"If they press for a figure: \u201c{basis}, "
                f"I'm looking at {_span(said.low, said.high, code)}{per}, depending on the whole "
                "package.\u201d"
            )
    else:
        if said:
            lines.append(
                f"\u201c{basis}, I'm looking for {_span(said.low, said.high, code)}{per} in "
                f"base {'pay' if per else 'salary'}.\u201d"
            )
        else:
            lines.append(
                "\u201cI'd like to understand the whole package first; what range have you "
                "budgeted for the role?\u201d (Add your research and target to get a figure "
                "here.)"
            )
        lines.append(
            "\u201cI'm also weighing the whole package: bonus, pension or retirement match, "
            "health cover, leave, flexibility and the training budget.\u201d"
        )
        if said:
            lines.append(
                "If their figure is below that: \u201cThank you. That's below what I expected "
                "for this role; is there flexibility in the base or elsewhere in the "
                "package?\u201d Don't accept or counter on the spot: ask for it in writing."
            )
    if said and said.note:
        lines.append(f"Note: {said.note}")
    # Pay-history bans are a US patchwork; elsewhere the question is usually lawful.
    why_decline = (
        "In several US states and cities employers may not lawfully ask about your pay "
        "history, so you can decline politely."
        if code == "USD"
        else "You do not have to share it; decline politely and bring it back to the role."
    )
    lines.append(
        "If they ask what you earn now: \u201cI'd rather focus on what this role is worth; "
        "based on its responsibilities and my research, I'm looking for a fair market "
        f"package.\u201d {why_decline}"
    )
    return lines


@dataclass(frozen=True)
class SaidRange:
    """The range to say aloud, and why it is not the plain "target within research" one."""

    low: Decimal
    high: Decimal
    note: str = ""
    from_research: bool = True


def anchored_range(
    *, target: Decimal | None, summary: SalarySummary, currency: str
) -> SaidRange | None:
    """The range to say aloud: it starts at the target and stays inside the research.

    The employer's offer tends towards the bottom of a range, so the bottom is the target
    (never a number below it); the top is the research high, at most a quarter above the
    bottom. Where the research cannot support that (the target is above its high or below
    its low, or there is no research in this currency) the range says so in `note`.
    Without a target, the research midpoint to the research high.
    """
    research = (
        summary.count > 0
        and currency_code(summary.currency or "") == currency
        and summary.low is not None
        and summary.high is not None
    )
    low, high = (summary.low, summary.high) if research else (None, None)
    converted = ""
    if target is not None and target > 0 and research:
        period = _period(target)
        if period is not None and (period == "hour") != summary.hourly:
            # "$30" against "$52k–$68k": the target in the research's terms, said so.
            asked = target
            target = _in_period(target, period, summary.hourly)
            unit, other, kind = (
                ("an hour", "a year", "yearly")
                if period == "hour"
                else ("a year", "an hour", "hourly")
            )
            converted = (
                f"Your target, {format_money(asked, currency, compact=True)} {unit}, is about "
                f"{format_money(target, currency, compact=True)} {other} at 40 hours a week, so "
                f"the range is {kind}, like your research."
            )
    said = _anchored(target, summary, currency, low, high)
    if said is None or not converted:
        return said
    note = f"{converted} {said.note}".strip()
    return SaidRange(said.low, said.high, note, said.from_research)


def _anchored(
    target: Decimal | None,
    summary: SalarySummary,
    currency: str,
    low: Decimal | None,
    high: Decimal | None,
) -> SaidRange | None:
    if target is None or target <= 0:
        if low is None or high is None or summary.median_mid is None:
            return None
        bottom = _sayable(summary.median_mid)
        return SaidRange(bottom, max(bottom, _sayable(high, up=False)))
    bottom = _sayable(target)
    if low is None or high is None:
        return SaidRange(
            bottom,
            _sayable(bottom * ANCHOR_WIDTH),
            "No research in this currency yet: add two or three sources to check this range.",
            from_research=False,
        )
    if target < low:
        start = _sayable(low)
        top = _sayable(max(summary.median_mid or high, low), up=False)
        return SaidRange(
            start,
            max(start, top),
            f"Your target is below the research range ({_span(low, high, currency)}), so "
            f"the range starts at the research low, {format_money(start, currency, compact=True)}: "
            "don't ask for less than the market pays.",
        )
    if target > high:
        return SaidRange(
            bottom,
            _sayable(bottom * ANCHOR_WIDTH),
            f"Your target is above the research range ({_span(low, high, currency)}): be "
            "ready to say what justifies it (experience, scope, certifications), or look "
            "again at the target.",
            from_research=False,
        )
    top = min(_sayable(high, up=False), _sayable(bottom * ANCHOR_MAX_WIDTH, up=False))
    if top <= bottom:
        return SaidRange(
            bottom,
            bottom,
            "Your target is at the top of the research range, so there is no room above it "
            "to name a range: say the one figure.",
        )
    return SaidRange(bottom, top)


def format_money(amount: Decimal, currency: str, *, compact: bool = False) -> str:
    """ "$95,000", "£52,500", "CA$85,000", "₹12,00,000", "95,000 CHF"; compact: "$95k", "£52.5k",
    "$1.2M", "₹12L", "₹1.5Cr", "95k CHF". An empty currency gives the bare number."""
    code = currency_code(currency)
    symbol, indian = STYLES.get(code, ("", False))
    sign = "-" if amount < 0 else ""
    value = abs(amount)
    number = _compact(value, indian) if compact else _grouped(value, indian)
    if symbol:
        return f"{sign}{symbol}{number}"
    return f"{sign}{number} {code}" if code else f"{sign}{number}"


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


def _sayable(amount: Decimal, *, up: bool = True) -> Decimal:
    """A figure people say, rounded up (or down) to half the second digit: 92,700 -> 93,000;
    98,000 -> 98,000; 122,400 -> 125,000 (down: 120,000); 1,234,567 -> 1,250,000."""
    if amount <= 0:
        return Decimal(0)
    digits = len(str(int(amount)))
    # An hourly "26.50" stays 26.50 (a half step), so the range still contains the target.
    step = Decimal(10) ** max(digits - 2, 0) / 2 if digits >= 3 else Decimal("0.5")
    rounding = ROUND_CEILING if up else ROUND_FLOOR
    return (amount / step).to_integral_value(rounding=rounding) * step


def _span(low: Decimal, high: Decimal, currency: str) -> str:
    if low == high:
        return format_money(low, currency, compact=True)
    return (
        f"{format_money(low, currency, compact=True)}–{format_money(high, currency, compact=True)}"
    )


def _grouped(value: Decimal, indian: bool) -> str:
    whole = int(value)
    fraction = value - whole
    digits = str(whole)
    if indian and len(digits) > 3:
        head, tail = digits[:-3], digits[-3:]
        pairs = [head[max(i - 2, 0) : i] for i in range(len(head), 0, -2)][::-1]
        text = ",".join([*pairs, tail])
    else:
        text = f"{whole:,}"
    if fraction:
        text += f"{fraction.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}"[1:]
    return text


def _compact(value: Decimal, indian: bool) -> str:
    """ "95k", "52.5k", "1.25M"; Indian amounts in lakh (L) and crore (Cr)."""
    units = (
        ((Decimal(10_000_000), "Cr"), (Decimal(100_000), "L"), (Decimal(1_000), "k"))
        if indian
        else ((Decimal(1_000_000), "M"), (Decimal(1_000), "k"))
    )
    for size, suffix in units:
        if value >= size:
            places = Decimal("0.1") if suffix == "k" else Decimal("0.01")
            scaled = (value / size).quantize(places, rounding=ROUND_HALF_UP)
            if scaled == scaled.to_integral_value():
                return f"{int(scaled):,}{suffix}"
            return f"{scaled.normalize():f}{suffix}"
    return _grouped(value, indian)
