"""Questions to ask, the 90-day plan, salary, and the brief as HTML, PDF and calendar."""

import io
import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

from secondround.brief.models import AskChoice, NinetyDayPlan, SalaryEntry, SalaryPlan
from secondround.followup.models import FollowUp
from tests.factories import make_interviewer, make_opportunity, make_round

pytestmark = pytest.mark.django_db

POSTING = """Responsibilities
- Analyse carrier performance data and report on on-time delivery.
- Build weekly dashboards in Power BI for the operations team.
Requirements
- Advanced SQL.
"""


@pytest.fixture
def day(alice):
    opportunity = make_opportunity(
        alice, company="Northwind Freight", role_title="Logistics Analyst", posting_text=POSTING
    )
    start = (timezone.now() + timedelta(days=4)).replace(hour=14, minute=0, second=0, microsecond=0)
    round_ = make_round(
        opportunity,
        number=2,
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        time_zone="UTC",
        location="233 S Wacker Dr",
    )
    for index, (name, relation) in enumerate(
        [
            ("Dana Whitfield", "hiring_manager"),
            ("Marcus Oyelaran", "managers_manager"),
            ("Siobhán O'Neill", "peer"),
            ("Priya Raman", "hr"),
        ]
    ):
        make_interviewer(
            round_,
            name=name,
            relation=relation,
            starts_at=start + timedelta(minutes=45 * index),
            ends_at=start + timedelta(minutes=45 * index + 40),
            pronunciation="shiv-AWN" if name.startswith("Siob") else "",
        )
    return round_


def _ask_texts(page: str) -> list[str]:
    return [chunk.split("</p>")[0] for chunk in page.split('<p class="question-text">')[1:]]


def test_questions_to_ask_differ_per_person_and_end_with_next_steps(alice_client, day):
    page = alice_client.get(reverse("ask", args=[day.pk])).content.decode()
    texts = _ask_texts(page)
    assert len(texts) == 16 and len(set(texts)) == 16
    last_section = page.split('id="ask-')[-1]
    assert "next step" in last_section.lower()
    assert "salary" not in page.lower().split("no salary or benefits questions")[1]


def test_pay_questions_appear_once_the_employer_raised_pay(alice_client, day):
    day.notes = "HR asked about my salary expectations."
    day.save()
    page = alice_client.get(reverse("ask", args=[day.pk])).content.decode()
    assert "They raised pay" in page


def test_pin_edit_add_remove(alice_client, day):
    dana = day.interviewers.get(name="Dana Whitfield")
    alice_client.post(
        reverse("ask_pin", args=[dana.pk]),
        {"library_id": "ask-001", "text": "What will I own first?"},
    )
    alice_client.post(
        reverse("ask_add", args=[dana.pk]), {f"a{dana.pk}-text": "How do you like updates?"}
    )
    choices = list(AskChoice.objects.filter(interviewer=dana))
    assert [c.text for c in choices] == ["What will I own first?", "How do you like updates?"]
    alice_client.post(
        reverse("ask_edit", args=[choices[1].pk]), {"text": "How often do you like updates?"}
    )
    assert AskChoice.objects.get(pk=choices[1].pk).text == "How often do you like updates?"
    page = alice_client.get(reverse("ask", args=[day.pk])).content.decode()
    assert page.index("What will I own first?") < page.index("How often do you like updates?")
    alice_client.post(reverse("ask_remove", args=[choices[0].pk]))
    assert AskChoice.objects.filter(interviewer=dana).count() == 1


def test_plan_is_drafted_from_the_posting_then_edited(alice_client, day):
    opportunity = day.opportunity
    alice_client.post(reverse("plan", args=[opportunity.pk]), {"action": "draft"})
    plan = NinetyDayPlan.objects.get(opportunity=opportunity)
    assert "Power BI" in plan.contribute or "Power BI" in plan.learn
    assert " — " in plan.learn
    alice_client.post(
        reverse("plan", args=[opportunity.pk]),
        {"learn": "Meet Dana — notes agreed", "contribute": "", "lead": ""},
    )
    plan.refresh_from_db()
    assert plan.phases()[0][1] == [("Meet Dana", "notes agreed")]


def test_salary_research_and_what_to_say(alice_client, day):
    opportunity = day.opportunity
    data = {
        "entries-TOTAL_FORMS": "2",
        "entries-INITIAL_FORMS": "0",
        "entries-0-source": "Glassdoor",
        "entries-0-low": "78000",
        "entries-0-high": "95000",
        "entries-0-currency": "usd",
        "entries-1-source": "Recruiter",
        "entries-1-low": "80000",
        "entries-1-high": "92000",
        "entries-1-currency": "USD",
        "currency": "USD",
        "target": "90000",
        "walk_away": "80000",
        "benefits": "Health insurance: 5",
        "notes": "",
    }
    response = alice_client.post(reverse("salary", args=[opportunity.pk]), data)
    assert response.status_code == 302
    assert SalaryEntry.objects.filter(opportunity=opportunity).count() == 2
    page = alice_client.get(reverse("salary", args=[opportunity.pk])).content.decode()
    assert "$78k" in page and "target $90k" in page
    bad = data | {"entries-1-high": "1000", "walk_away": "95000"}
    page = alice_client.post(reverse("salary", args=[opportunity.pk]), bad).content.decode()
    assert "below the bottom" in page and "above your target" in page
    assert SalaryPlan.objects.get(opportunity=opportunity).walk_away == 80000


def test_the_postings_pay_is_offered_once_as_research(alice_client, alice):
    opportunity = make_opportunity(
        alice,
        company="Harbour Care",
        role_title="Care Assistant",
        posting_text="Care Assistant\nPay: £12.21–£12.71 per hour, paid weekly.\n2-3 years.",
    )
    url = reverse("salary", args=[opportunity.pk])
    page = alice_client.get(url).content.decode()
    assert "£12.21–£12.71 an hour" in page and "Add it to your research" in page
    response = alice_client.post(reverse("salary_from_posting", args=[opportunity.pk]))
    assert response.status_code == 302
    entry = SalaryEntry.objects.get(opportunity=opportunity)
    assert (entry.source, entry.low, entry.high, entry.currency) == (
        "Job posting",
        Decimal("12.21"),
        Decimal("12.71"),
        "GBP",
    )
    page = alice_client.get(url).content.decode()
    assert "Add it to your research" not in page
    alice_client.post(reverse("salary_from_posting", args=[opportunity.pk]))
    assert SalaryEntry.objects.filter(opportunity=opportunity).count() == 1


def test_a_posting_without_pay_offers_nothing(alice_client, day):
    page = alice_client.get(reverse("salary", args=[day.opportunity.pk])).content.decode()
    assert "Pay in the job posting" not in page
    response = alice_client.post(reverse("salary_from_posting", args=[day.opportunity.pk]))
    assert response.status_code == 302
    assert not SalaryEntry.objects.exists()


def test_brief_html_pdf_and_calendar(alice_client, day):
    FollowUp.objects.create(round=day, follow_up_on=(timezone.now() + timedelta(days=10)).date())
    page = alice_client.get(reverse("brief", args=[day.pk])).content.decode()
    for text in (
        "Itinerary",
        "Dana Whitfield",
        "say “shiv-AWN”",
        "They may ask",
        "Your questions for them",
        "Reminders",
    ):
        assert text in page
    pdf = alice_client.get(reverse("brief_pdf", args=[day.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(pdf.content))
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Marcus Oyelaran" in text and "Reminders" in text
    assert len(reader.pages) >= 5  # the day, then a page per interviewer
    ics = alice_client.get(reverse("brief_ics", args=[day.pk]))
    calendar = Calendar.from_ical(ics.content)
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == 6  # 4 slots, the thank-you deadline, the follow-up
    assert any("Dana Whitfield" in str(e["SUMMARY"]) for e in events)
    assert any("thank-you" in str(e["SUMMARY"]).lower() for e in events)
    assert all(e.get("DTSTART") for e in events)


def test_the_source_row_to_add_speaks_the_plans_currency(alice_client, day):
    opportunity = day.opportunity
    SalaryPlan.objects.create(opportunity=opportunity, currency="EUR", target=55000)
    page = alice_client.get(reverse("salary", args=[opportunity.pk])).content.decode()
    box = re.search(r'<input[^>]*name="entries-0-currency"[^>]*>', page).group(0)
    assert 'value="EUR"' in box
