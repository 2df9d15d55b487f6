"""The pay a posting states, offered as the first row of salary research."""

from __future__ import annotations

from decimal import Decimal

import pytest

from secondround.engine.reading.posting_pay import posted_pay

D = Decimal


@pytest.mark.parametrize(
    ("posting", "low", "high", "currency", "period"),
    [
        ("Pay: £14.50–£16.20 per hour, paid weekly.", D("14.50"), D("16.20"), "GBP", "hour"),
        ("The salary range is $82,000 - $105,000 a year.", D(82000), D(105000), "USD", "year"),
        ("Salary: 45-52k EUR gross", D(45000), D(52000), "EUR", None),
        ("We pay between CA$26 and CA$28 hourly.", D(26), D(28), "CAD", "hour"),
        ("Compensation: 60,000 to 70,000 per annum", D(60000), D(70000), None, "year"),
        ("Starting rate £12.60 an hour plus overtime", D("12.60"), D("12.60"), "GBP", "hour"),
        (
            "About you\n- 2-3 years in a busy kitchen\nWhat we offer\n- €2,400 per month",
            D(2400),
            D(2400),
            "EUR",
            "month",
        ),
        ("Remuneration: ₹4,50,000 - ₹6,00,000 p.a.", D(450000), D(600000), "INR", "year"),
    ],
)
def test_the_pay_a_posting_states(posting, low, high, currency, period):
    pay = posted_pay(posting)
    assert pay is not None
    assert (pay.low, pay.high, pay.currency, pay.period) == (low, high, currency, period)


@pytest.mark.parametrize(
    "posting",
    [
        "You have 2-3 years of experience and work 37.5 hours a week.",
        "Base location: Building 4-5, shifts 7-3.",
        "Salary scale 2025-2026 applies; grade 7-9.",
        "Pay is competitive and reviewed every year.",
        "Up to 10-15% travel.",
        "",
        "\x00\x01 binary",
    ],
)
def test_numbers_that_are_not_pay_are_not_offered(posting):
    assert posted_pay(posting) is None


@pytest.mark.parametrize(
    ("posting", "period"),
    [
        ("$16 - $28 / hour", "hour"),
        ("Hourly rate: £11.44 plus share of tips", "hour"),
        ("Annual wage: £13,312. The pay may be negotiated.", "year"),
        ("Salary is £32K plus tronc and benefits.", None),
    ],
)
def test_the_period_is_read_after_or_before_the_amount(posting, period):
    pay = posted_pay(posting)
    assert pay is not None and pay.period == period
