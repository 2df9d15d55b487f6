"""Salary research summary, the brief's range line, round scripts, money in and out."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from secondround.engine.drafting.salary import (
    SalaryPoint,
    SalarySummary,
    anchored_range,
    format_money,
    range_line,
    summarise,
    what_to_say,
)
from secondround.engine.nlp.money import parse_money, parse_range

D = Decimal


def point(low: int, high: int, currency: str = "USD", source: str = "board") -> SalaryPoint:
    return SalaryPoint(source, D(low), D(high), currency, date(2025, 1, 1))


USD_RESEARCH = [
    point(78_000, 92_000, source="Glassdoor"),
    point(82_000, 95_000, "usd", source="Levels"),
    point(80_000, 90_000, source="BLS"),
    point(85_000, 94_000, source="Recruiter"),
]
USD_SUMMARY = summarise(USD_RESEARCH)
NO_RESEARCH = summarise([])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$95k", (D(95_000), "USD")),
        ("95,000", (D(95_000), None)),
        ("£52.5k", (D(52_500), "GBP")),
        ("€60 000", (D(60_000), "EUR")),
        ("€60\u00a0000", (D(60_000), "EUR")),
        ("1.2M", (D(1_200_000), None)),
        ("80000 CHF", (D(80_000), "CHF")),
        ("CHF 80,000", (D(80_000), "CHF")),
        ("CA$85,000", (D(85_000), "CAD")),
        ("C$85k", (D(85_000), "CAD")),
        ("A$90k", (D(90_000), "AUD")),
        ("US$ 100k", (D(100_000), "USD")),
        ("₹12,00,000", (D(1_200_000), "INR")),
        ("12 lakh", (D(1_200_000), None)),
        ("Rs 8 LPA", (D(800_000), "INR")),
        ("60.000 EUR", (D(60_000), "EUR")),
        ("52,5k €", (D(52_500), "EUR")),
        ("$95,000.50", (D("95000.50"), "USD")),
        ("about $95k and benefits", (D(95_000), "USD")),
        ("95k and up", (D(95_000), None)),
        ("40 hours a week", (D(40), None)),
        ("no figure", None),
        ("", None),
    ],
)
def test_parse_money(text, expected):
    assert parse_money(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$78k–$95k", (D(78_000), D(95_000), "USD")),
        ("78-95k GBP", (D(78_000), D(95_000), "GBP")),
        ("£50,000 to £60,000", (D(50_000), D(60_000), "GBP")),
        ("$90k", (D(90_000), D(90_000), "USD")),
        ("none", None),
    ],
)
def test_parse_range(text, expected):
    assert parse_range(text) == expected


@pytest.mark.parametrize(
    ("amount", "currency", "full", "compact"),
    [
        (D(95_000), "USD", "$95,000", "$95k"),
        (D(52_500), "GBP", "£52,500", "£52.5k"),
        (D(60_000), "eur", "€60,000", "€60k"),
        (D(85_000), "CAD", "CA$85,000", "CA$85k"),
        (D(90_000), "AUD", "A$90,000", "A$90k"),
        (D(1_200_000), "INR", "₹12,00,000", "₹12L"),
        (D(15_000_000), "INR", "₹1,50,00,000", "₹1.5Cr"),
        (D(95_000), "CHF", "95,000 CHF", "95k CHF"),
        (D("95000.5"), "USD", "$95,000.50", "$95k"),
        (D(950), "USD", "$950", "$950"),
        (D(1_250_000), "USD", "$1,250,000", "$1.25M"),
        (D(70_000), "", "70,000", "70k"),
    ],
)
def test_format_money(amount, currency, full, compact):
    assert format_money(amount, currency) == full
    assert format_money(amount, currency, compact=True) == compact


@pytest.mark.parametrize(
    "text", ["$95,000", "£52,500", "€60,000", "CA$85,000", "A$90,000", "₹12,00,000", "95,000 CHF"]
)
def test_format_then_parse_round_trips(text):
    amount, currency = parse_money(text)
    assert format_money(amount, currency) == text


def test_summary_over_one_currency():
    summary = summarise(USD_RESEARCH)
    assert summary == SalarySummary(
        currency="USD",
        low=D(78_000),
        high=D(95_000),
        median_mid=D(86_750),
        mixed_currencies=False,
        count=4,
    )


def test_summary_with_mixed_currencies_uses_the_dominant_one():
    summary = summarise([*USD_RESEARCH, point(50_000, 60_000, "GBP"), point(1, 2, "EUR")])
    assert summary.currency == "USD"
    assert (summary.low, summary.high, summary.count) == (D(78_000), D(95_000), 4)
    assert summary.mixed_currencies is True


@pytest.mark.parametrize(
    ("points", "currency", "low", "high", "mid"),
    [
        (
            [point(50_000, 60_000, "GBP"), point(80_000, 90_000, "USD")],
            "GBP",
            50_000,
            60_000,
            55_000,
        ),
        ([point(90_000, 80_000)], "USD", 80_000, 90_000, 85_000),  # swapped low and high
        ([point(0, 0), point(70_000, 80_000)], "USD", 70_000, 80_000, 75_000),  # empty point
        ([point(0, 60_000)], "USD", 60_000, 60_000, 30_000),  # only a ceiling
    ],
)
def test_summary_edge_cases(points, currency, low, high, mid):
    summary = summarise(points)
    assert (summary.currency, summary.low, summary.high) == (currency, D(low), D(high))
    assert summary.median_mid == D(mid)


def test_empty_summary():
    summary = summarise([])
    assert summary == SalarySummary(None, None, None, None, False, 0)


@pytest.mark.parametrize(
    ("summary", "target", "walk_away", "line"),
    [
        (
            USD_SUMMARY,
            D(90_000),
            D(80_000),
            "Research $78k–$95k (4 sources) · target $90k · walk away below $80k",
        ),
        (USD_SUMMARY, None, None, "Research $78k–$95k (4 sources)"),
        (
            summarise([*USD_RESEARCH, point(50_000, 60_000, "GBP")]),
            D(90_000),
            None,
            "Research $78k–$95k (4 sources, USD only) · target $90k",
        ),
        (
            summarise([point(90_000, 90_000)]),
            D(70_000),
            D(75_000),
            "Research $90k (1 source) · target $70k (below the research range)"
            " · walk away below $75k (above target: check)",
        ),
        (NO_RESEARCH, D(52_000), None, "No research yet · target 52k"),
    ],
)
def test_range_line(summary, target, walk_away, line):
    assert range_line(summary, target=target, walk_away=walk_away) == line


def test_range_line_currency_without_research():
    line = range_line(NO_RESEARCH, target=D(52_000), walk_away=D(45_000), currency="GBP")
    assert line == "No research yet · target £52k · walk away below £45k"


def _amounts(lines: list[str]) -> list[Decimal]:
    found = []
    for line in lines:
        for word in line.replace("–", " ").split():
            parsed = parse_money(word)
            if parsed and parsed[1]:
                found.append(parsed[0])
    return found


@pytest.mark.parametrize(
    ("round_number", "raised", "defers"),
    [(1, False, True), (2, False, True), (1, True, False), (2, True, False), (3, False, False)],
)
def test_what_to_say_branches(round_number, raised, defers):
    lines = what_to_say(
        round_number=round_number,
        employer_raised_pay=raised,
        target=D(90_000),
        summary=USD_SUMMARY,
        currency="USD",
    )
    text = " ".join(lines)
    assert ("learn more about the role" in text) is defers
    assert ("whole package" in text) is True
    if not defers:
        assert "I'm looking for $90k–$95k" in text
        assert "bonus" in text and "leave" in text
    assert "what you earn now" in lines[-1] and "lawfully" in lines[-1]
    amounts = _amounts(lines)
    assert amounts, "a researched range is offered"
    assert min(amounts) >= D(90_000), "never a number below target"


ISSUE_RESEARCH = summarise([point(82_000, 95_000), point(88_000, 105_000)])


@pytest.mark.parametrize(
    ("target", "summary", "said", "note"),
    [
        # The case the issue quotes: target $98k, research $82k-$105k.
        (D(98_000), ISSUE_RESEARCH, (D(98_000), D(105_000)), ""),
        (D(84_500), ISSUE_RESEARCH, (D(84_500), D(105_000)), ""),
        (D(80_000), summarise([point(80_000, 140_000)]), (D(80_000), D(100_000)), ""),
        (D(105_000), ISSUE_RESEARCH, (D(105_000), D(105_000)), "at the top"),
        (D(120_000), ISSUE_RESEARCH, (D(120_000), D(135_000)), "above the research"),
        (D(70_000), ISSUE_RESEARCH, (D(82_000), D(92_500)), "below the research"),
        (D(52_000), NO_RESEARCH, (D(52_000), D(57_500)), "No research"),
        (D(1_234_567), NO_RESEARCH, (D(1_250_000), D(1_400_000)), "No research"),
    ],
)
def test_the_said_range_holds_the_target_inside_the_research_or_says_why(
    target, summary, said, note
):
    got = anchored_range(target=target, summary=summary, currency="USD")
    assert (got.low, got.high) == said
    assert (note in got.note) if note else got.note == ""
    if not note:  # the plain case: contains the target, inside the research
        assert got.low <= target <= got.high
        assert summary.low <= got.low and got.high <= summary.high
    assert got.low >= min(target, summary.low or target), "never a figure below both"


def test_the_issue_case_is_said_as_a_range_the_research_supports():
    lines = what_to_say(
        round_number=3,
        employer_raised_pay=True,
        target=D(98_000),
        summary=ISSUE_RESEARCH,
        currency="USD",
    )
    assert "I'm looking for $98k–$105k in base salary" in lines[0]
    assert lines[0].startswith("\u201cBased on my research")
    assert not any(line.startswith("Note:") for line in lines)


def test_a_target_above_the_research_is_not_said_to_come_from_it():
    lines = what_to_say(
        round_number=3,
        employer_raised_pay=True,
        target=D(120_000),
        summary=ISSUE_RESEARCH,
        currency="USD",
    )
    assert lines[0].startswith("\u201cBased on what this role involves")
    assert any(line.startswith("Note: Your target is above the research range") for line in lines)


def test_without_target_the_range_comes_from_research():
    lines = what_to_say(
        round_number=3, employer_raised_pay=False, target=None, summary=USD_SUMMARY, currency=None
    )
    assert "$87k–$95k" in lines[0]


def test_without_target_or_research_no_figure_is_given():
    lines = what_to_say(
        round_number=3, employer_raised_pay=True, target=None, summary=NO_RESEARCH, currency="GBP"
    )
    assert _amounts(lines) == []
    assert "what range have you budgeted" in lines[0]


def test_research_in_another_currency_is_not_quoted():
    lines = what_to_say(
        round_number=3,
        employer_raised_pay=True,
        target=D(50_000),
        summary=USD_SUMMARY,
        currency="GBP",
    )
    assert lines[0].startswith("\u201cBased on what this role involves")
    assert "£50k–£55k" in lines[0]
    assert "$" not in " ".join(lines)


def test_early_round_without_target_only_defers():
    lines = what_to_say(
        round_number=1, employer_raised_pay=False, target=None, summary=NO_RESEARCH, currency=None
    )
    assert len(lines) == 3
    assert _amounts(lines) == []


@pytest.mark.parametrize(
    ("points", "target", "said", "absent"),
    [
        # A trade paid by the hour, research in yearly salaries: $30 an hour is about
        # $62.4k a year, inside $52k–$68k, not "below the research range".
        ([point(52_000, 68_000)], 30, "I'm looking at $62.5k–$68k,", "below the research"),
        # Research from two boards, one hourly and one yearly, and an hourly target.
        ([point(19, 24), point(19, 23), point(40_000, 48_000)], 22, "$22–$24 an hour", "$48k"),
        # A yearly target against hourly research: said by the hour.
        ([point(25, 33)], 62_000, "$30–$33 an hour", "$62k"),
        # Two salary surveys and an agency's hourly rate: the rate at 40 hours a week
        # ($24 is about $50k) does not lift the range above every salary the user found.
        (
            [point(26_000, 31_500), point(27_000, 33_000), point(18, 24)],
            30_500,
            "$30.5k–$33k",
            "$38k",
        ),
    ],
)
def test_hourly_and_yearly_pay_are_compared_in_one_period(points, target, said, absent):
    lines = what_to_say(
        round_number=2,
        employer_raised_pay=False,
        target=D(target),
        summary=summarise(points),
        currency="USD",
    )
    text = "\n".join(lines)
    assert said in text
    assert absent not in text.split("Note:")[0]


@pytest.mark.parametrize(("currency", "us_law"), [("USD", True), ("EUR", False), ("AUD", False)])
def test_pay_history_advice_fits_where_the_user_is(currency: str, us_law: bool) -> None:
    lines = what_to_say(
        round_number=3,
        employer_raised_pay=True,
        target=D(90_000),
        summary=NO_RESEARCH,
        currency=currency,
    )
    text = " ".join(lines)
    assert ("US states" in text) is us_law
    assert "decline politely" in text
