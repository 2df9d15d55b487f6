"""What the posting asks for, and a round's question bank in the app."""

import pytest
from django.urls import reverse

from secondround.debrief.models import AskedQuestion, Concern, Debrief
from secondround.questions import selectors
from secondround.questions.models import OwnQuestion, PreparedQuestion
from secondround.research.models import CompetencyNeed, SkillNeed
from tests.factories import make_interviewer, make_round

pytestmark = pytest.mark.django_db

POSTING = """Operations Analyst

Responsibilities
- Work closely with dispatch, warehouse and customer service teams to fix late deliveries.
- Build weekly dashboards in Power BI and present them to directors.
- Coach two junior analysts.

Requirements
- Advanced SQL and Excel.
- Comfortable with tight deadlines during peak season.
"""


@pytest.fixture
def second_round(alice_round):
    opportunity = alice_round.opportunity
    opportunity.posting_text = POSTING
    opportunity.save()
    first = make_round(opportunity, number=1, starts_at=None)
    debrief = Debrief.objects.create(round=first)
    AskedQuestion.objects.create(
        debrief=debrief,
        text="How do you handle a driver who refuses a new route?",
        went="struggled",
    )
    Concern.objects.create(debrief=debrief, said="Worried I have never managed people.")
    make_interviewer(alice_round, name="Maria Okafor", relation="managers_manager")
    return alice_round


def test_posting_page_reads_the_posting_before_anything_is_saved(alice_client, second_round):
    opportunity = second_round.opportunity
    page = alice_client.get(reverse("posting_needs", args=[opportunity.pk])).content.decode()
    assert "Read from the posting just now" in page
    assert "Power BI" in page and "SQL" in page
    assert not CompetencyNeed.objects.exists()


def test_analyse_keeps_the_users_own_changes(alice_client, second_round):
    opportunity = second_round.opportunity
    CompetencyNeed.objects.create(
        opportunity=opportunity, competency="integrity", weight=0.9, origin="mine"
    )
    alice_client.post(reverse("posting_analyse", args=[opportunity.pk]))
    found = set(
        CompetencyNeed.objects.filter(opportunity=opportunity).values_list("competency", flat=True)
    )
    assert "integrity" in found and len(found) > 2
    assert SkillNeed.objects.filter(opportunity=opportunity, name__iexact="sql").exists()
    # Each skill keeps the kind the reader gave it, for the drafters (a tool asked as a tool).
    kinds = dict(SkillNeed.objects.filter(opportunity=opportunity).values_list("name", "kind"))
    assert kinds["SQL"] == "tool"
    assert set(kinds.values()) <= set(SkillNeed.Kind.values) | {""}
    from secondround.research.selectors import entities

    assert entities(opportunity).kind("SQL") == "tool"
    SkillNeed.objects.filter(opportunity=opportunity, name="SQL").update(kind="knowledge")
    assert entities(opportunity).kind("SQL") == "knowledge_area"  # the saved kind is used
    alice_client.post(reverse("posting_analyse", args=[opportunity.pk]))
    assert CompetencyNeed.objects.get(opportunity=opportunity, competency="integrity").weight == 0.9


def test_reweight_add_and_remove(alice_client, second_round):
    opportunity = second_round.opportunity
    alice_client.post(reverse("posting_analyse", args=[opportunity.pk]))
    needs = list(CompetencyNeed.objects.filter(opportunity=opportunity))
    skills = list(SkillNeed.objects.filter(opportunity=opportunity))
    data = {
        "competencies-TOTAL_FORMS": str(len(needs) + 1),
        "competencies-INITIAL_FORMS": str(len(needs)),
        "skills-TOTAL_FORMS": str(len(skills)),
        "skills-INITIAL_FORMS": str(len(skills)),
    }
    for index, need in enumerate(needs):
        data |= {
            f"competencies-{index}-id": str(need.pk),
            f"competencies-{index}-competency": need.competency,
            f"competencies-{index}-weight": "0.2" if index == 0 else str(need.weight),
            f"competencies-{index}-evidence": need.evidence,
        }
    data |= {
        f"competencies-{len(needs)}-competency": "integrity",
        f"competencies-{len(needs)}-weight": "0.7",
    }
    for index, skill in enumerate(skills):
        data |= {
            f"skills-{index}-id": str(skill.pk),
            f"skills-{index}-name": skill.name,
            f"skills-{index}-evidence": skill.evidence,
        }
    data["skills-0-DELETE"] = "on"
    response = alice_client.post(reverse("posting_needs", args=[opportunity.pk]), data)
    assert response.status_code == 302
    first = CompetencyNeed.objects.get(pk=needs[0].pk)
    assert (first.weight, first.origin) == (0.2, "mine")
    assert CompetencyNeed.objects.get(opportunity=opportunity, competency="integrity").weight == 0.7
    assert not SkillNeed.objects.filter(pk=skills[0].pk).exists()


def test_weight_out_of_range_is_explained(alice_client, second_round):
    opportunity = second_round.opportunity
    data = {
        "competencies-TOTAL_FORMS": "1",
        "competencies-INITIAL_FORMS": "0",
        "skills-TOTAL_FORMS": "0",
        "skills-INITIAL_FORMS": "0",
        "competencies-0-competency": "teamwork",
        "competencies-0-weight": "7",
    }
    response = alice_client.post(reverse("posting_needs", args=[opportunity.pk]), data)
    assert "less than or equal to 1" in response.content.decode()
    assert not CompetencyNeed.objects.exists()


def test_bank_lists_the_round_questions_with_reasons(alice_client, second_round):
    page = alice_client.get(reverse("bank", args=[second_round.pk])).content.decode()
    assert "What have you learned about us so far?" in page
    assert "How do you handle a driver who refuses a new route?" in page
    assert "You struggled with this in round 1" in page
    assert "They seemed worried" in page
    assert "Maria Okafor is the boss&#x27;s boss" in page
    assert "How to handle it:" in page  # illegal and curveball guidance


def test_bank_filters(alice_client, second_round):
    url = reverse("bank", args=[second_round.pk])
    page = alice_client.get(url, {"kind": "illegal"}).content.decode()
    assert "How to handle it:" in page and "What have you learned about us so far?" not in page
    maria = second_round.interviewers.get(name="Maria Okafor")
    partial = alice_client.get(url, {"interviewer": maria.pk}, headers={"HX-Request": "true"})
    assert "<html" not in partial.content.decode()
    assert "Maria Okafor" in partial.content.decode()
    page = alice_client.get(url, {"competency": "not-a-competency"}).content.decode()
    assert "Select a valid choice" in page


def test_mark_prepared_and_back(alice_client, second_round):
    url = reverse("question_prepared", args=[second_round.pk])
    response = alice_client.post(
        url, {"key": "staple:x", "prepared": "1"}, headers={"HX-Request": "true"}
    )
    assert "✓ Prepared" in response.content.decode()
    assert PreparedQuestion.objects.filter(round=second_round, key="staple:x").exists()
    alice_client.post(url, {"key": "staple:x", "prepared": "0", "next": "https://evil.example/"})
    assert not PreparedQuestion.objects.exists()


def test_add_own_question_is_classified_and_joins_the_bank(alice_client, second_round):
    alice_client.post(
        reverse("own_question_add", args=[second_round.pk]),
        {"text": "Tell me about a time you disagreed with your manager."},
    )
    own = OwnQuestion.objects.get(round=second_round)
    assert own.kind == "behavioral"
    page = alice_client.get(reverse("bank", args=[second_round.pk])).content.decode()
    assert "Tell me about a time you disagreed with your manager." in page
    assert "You added this question" in page
    alice_client.post(reverse("own_question_delete", args=[own.pk]))
    assert not OwnQuestion.objects.exists()


def test_own_question_can_be_refiled_and_bad_choices_change_nothing(alice_client, second_round):
    alice_client.post(
        reverse("own_question_add", args=[second_round.pk]),
        {"text": "How do you keep a ward calm during a night shift with two nurses off sick?"},
    )
    own = OwnQuestion.objects.get(round=second_round)
    page = alice_client.get(reverse("bank", args=[second_round.pk])).content.decode()
    assert f'for="id_own{own.pk}_competency"' in page  # every control has its own label
    response = alice_client.post(
        reverse("own_question_file", args=[own.pk]),
        {"competency": "pressure", "kind": "situational"},
        follow=True,
    )
    own.refresh_from_db()
    assert (own.competency, own.kind) == ("pressure", "situational")
    assert "Filed under pressure (situational)." in response.content.decode()
    response = alice_client.post(
        reverse("own_question_file", args=[own.pk]),
        {"competency": "astrology", "kind": "situational"},
        follow=True,
    )
    own.refresh_from_db()
    assert own.competency == "pressure"
    assert "nothing changed" in response.content.decode()
    filtered = alice_client.get(
        reverse("bank", args=[second_round.pk]), {"competency": "pressure", "kind": "situational"}
    ).content.decode()
    assert "two nurses off sick" in filtered


def test_round_one_question_can_be_refiled_in_the_bank(alice_client, second_round, charlie_client):
    asked = AskedQuestion.objects.get()
    bank_url = reverse("bank", args=[second_round.pk])
    page = alice_client.get(bank_url).content.decode()
    assert f'for="id_asked{asked.pk}_competency"' in page
    url = reverse("asked_question_file", args=[second_round.pk, asked.pk])
    alice_client.post(url, {"competency": "conflict", "kind": "situational"})
    asked.refresh_from_db()
    assert (asked.competency, asked.kind) == ("conflict", "situational")
    filtered = alice_client.get(bank_url, {"competency": "conflict", "kind": "situational"})
    assert "driver who refuses a new route" in filtered.content.decode()
    # Only questions of this opportunity's earlier rounds can be refiled from this bank.
    first_round = asked.debrief.round
    assert (
        alice_client.post(
            reverse("asked_question_file", args=[first_round.pk, asked.pk]),
            {"competency": "teamwork", "kind": "behavioral"},
        ).status_code
        == 404
    )
    assert (
        charlie_client.post(url, {"competency": "teamwork", "kind": "behavioral"}).status_code
        == 404
    )
    asked.refresh_from_db()
    assert asked.competency == "conflict"


def test_empty_own_question_is_explained(alice_client, second_round):
    response = alice_client.post(
        reverse("own_question_add", args=[second_round.pk]), {"text": ""}, follow=True
    )
    assert "This field is required." in response.content.decode()


def test_marking_prepared_updates_the_pages_count_without_a_reload(alice_client, second_round):
    bank = selectors.round_bank(second_round)
    url = reverse("question_prepared", args=[second_round.pk])
    page = alice_client.get(reverse("bank", args=[second_round.pk])).content.decode()
    assert '<span id="prepared-count">0</span>' in page
    response = alice_client.post(
        url, {"key": bank[0].key, "prepared": "1"}, headers={"HX-Request": "true"}
    )
    assert '<span id="prepared-count" hx-swap-oob="true">1</span>' in response.content.decode()
    response = alice_client.post(
        url, {"key": bank[1].key, "prepared": "1"}, headers={"HX-Request": "true"}
    )
    assert '<span id="prepared-count" hx-swap-oob="true">2</span>' in response.content.decode()
