"""Charlie requests every URL that takes an object id of Alice's: each answers 404.

A logged-out visitor gets the login page from every URL, and a POST to any URL
without its CSRF token, or from another origin, is refused; none of it changes
anything of Alice's. URLs are discovered from the resolver, so a new URL with an id
fails here until the table below says which of Alice's objects it takes.
"""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from secondround.brief.models import AskChoice, NinetyDayPlan, SalaryPlan
from secondround.followup.models import FitCriterion, FollowUp, Letter
from secondround.portability.models import AccountExport
from secondround.practice.models import Attempt, PracticeSession
from secondround.questions.models import OwnQuestion, PreparedQuestion
from secondround.research.models import GlossaryTerm, ResearchSource
from secondround.stories.models import Story
from tests import crawler
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

OBJECT_FOR_URL = {
    "opportunity_detail": "opportunity",
    "opportunity_edit": "opportunity",
    "opportunity_archive": "opportunity",
    "opportunity_delete": "opportunity",
    "round_create": "opportunity",
    "round_detail": "round",
    "round_edit": "round",
    "round_delete": "round",
    "interviewer_create": "round",
    "invitation_parse": "round",
    "invitation_save": "round",
    "interviewer_edit": "interviewer",
    "interviewer_delete": "interviewer",
    "export_download": "export",
    "debrief_detail": "round",
    "debrief_edit": "round",
    "debrief_capture": "round",
    "research_home": "opportunity",
    "research_edit": "opportunity",
    "source_import": "opportunity",
    "glossary": "opportunity",
    "glossary_add": "opportunity",
    "answer": "opportunity",
    "interviewer_research_edit": "interviewer",
    "source_detail": "source",
    "source_delete": "source",
    "glossary_term_edit": "term",
    "glossary_term_delete": "term",
    "posting_needs": "opportunity",
    "posting_analyse": "opportunity",
    "bank": "round",
    "question_prepared": "round",
    "own_question_add": "round",
    "own_question_file": "own_question",
    "asked_question_file": "round",
    "own_question_delete": "own_question",
    "story_edit": "story",
    "story_delete": "story",
    "coverage": "round",
    "rehearsal": "round",
    "after_notes": "round",
    "after_notes_sort": "interviewer",
    "letters": "round",
    "letters_draft": "round",
    "letter_edit": "letter",
    "letter_sent": "letter",
    "letter_eml": "letter",
    "follow_up": "round",
    "follow_up_outcome": "round",
    "fit": "opportunity",
    "ask": "round",
    "ask_pin": "interviewer",
    "ask_add": "interviewer",
    "ask_edit": "ask_choice",
    "ask_remove": "ask_choice",
    "plan": "opportunity",
    "salary": "opportunity",
    "brief": "round",
    "brief_pdf": "round",
    "brief_ics": "round",
    "practice_home": "round",
    "practice_start": "round",
    "practice_session": "session",
    "practice_answer": "session",
    "practice_next": "session",
    "recording_start": "session",
    "recording_upload": "session",
    "read_aloud": "session",
    "attempt_detail": "attempt",
    "recording_piece": "attempt",
    "recording_finish": "attempt",
    "attempt_audio": "attempt",
    "attempt_delete_audio": "attempt",
    "attempt_delete": "attempt",
    "follow_up_ask": "attempt",
    "follow_up_status": "attempt",
    "follow_up_cancel": "attempt",
}
# URLs that take more than the object's id.
EXTRA_ARGS = {"answer": ["learned"], "asked_question_file": [1]}


def _names_of_urls_with_ids(patterns, prefix="") -> list[str]:
    names = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.app_name == "admin":
                continue
            names += _names_of_urls_with_ids(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and "<int:" in str(pattern.pattern) and pattern.name:
            names.append(pattern.name)
    return names


def test_every_url_with_an_id_is_in_the_table():
    assert sorted(_names_of_urls_with_ids(get_resolver().url_patterns)) == sorted(OBJECT_FOR_URL)


def _url(name: str, objects: dict) -> str:
    if name not in OBJECT_FOR_URL:
        return crawler.example_url(name)  # no object id: any token or slug
    return reverse(name, args=[objects[OBJECT_FOR_URL[name]].pk, *EXTRA_ARGS.get(name, [])])


def _post_data(opportunity) -> dict:
    """What the forms ask for, so that a POST let through would change something."""
    return {
        "confirm": opportunity.company,
        "term": "X",
        "notes": "Q: hi",
        "text": "t",
        "key": "k",
        "prepared": "1",
        "company": "Planted",
        "role_title": "Planted",
        "title": "Planted",
        "username": "mallory",
        "password": PASSWORD,
    }


@pytest.fixture
def alice_objects(alice, alice_round) -> dict:
    """One of each object a URL takes, all Alice's; "Secret notes" must never leak."""
    opportunity = alice_round.opportunity
    return {
        "opportunity": opportunity,
        "round": alice_round,
        "interviewer": alice_round.interviewers.get(),
        "export": AccountExport.objects.create(owner=alice, status="ready"),
        "source": ResearchSource.objects.create(
            opportunity=opportunity,
            text="Secret notes",
            method="pasted",
            retrieved_at=opportunity.created_at,
        ),
        "term": GlossaryTerm.objects.create(opportunity=opportunity, term="OTIF"),
        "story": Story.objects.create(owner=alice, title="Alice's story"),
        "session": PracticeSession.objects.create(
            round=alice_round, plan=[{"key": "k", "text": "Q?", "kind": "behavioral"}]
        ),
        "attempt": Attempt.objects.create(
            round=alice_round, question_key="k", question_text="Q?", answer_text="Secret notes"
        ),
        "ask_choice": AskChoice.objects.create(
            interviewer=alice_round.interviewers.get(), text="Alice's question to ask"
        ),
        "letter": Letter.objects.create(
            interviewer=alice_round.interviewers.get(), subject="Thanks", body="Secret notes"
        ),
        "own_question": OwnQuestion.objects.create(
            round=alice_round, text="Alice's question", competency="teamwork", kind="behavioral"
        ),
    }


@pytest.mark.parametrize("name", sorted(OBJECT_FOR_URL))
@pytest.mark.parametrize("method", ["get", "post"])
def test_outsider_gets_404(charlie_client, alice_objects, alice_round, name, method):
    opportunity = alice_round.opportunity
    url = _url(name, alice_objects)
    response = getattr(charlie_client, method)(url, _post_data(opportunity))
    assert response.status_code in (404, 405)
    if response.status_code == 405:
        # The method is not allowed at all; the other method must then give 404.
        other = charlie_client.post if method == "get" else charlie_client.get
        assert other(url).status_code == 404
    alice_round.refresh_from_db()
    assert alice_round.interviewers.count() == 1
    assert ResearchSource.objects.filter(opportunity=opportunity).count() == 1
    assert list(GlossaryTerm.objects.values_list("term", flat=True)) == ["OTIF"]
    assert "Secret notes" not in response.content.decode()
    assert OwnQuestion.objects.count() == 1 and not PreparedQuestion.objects.exists()
    assert list(Story.objects.values_list("title", flat=True)) == ["Alice's story"]
    assert Letter.objects.get().sent_at is None and Letter.objects.get().subject == "Thanks"
    assert not FollowUp.objects.exists() and not FitCriterion.objects.exists()
    assert list(AskChoice.objects.values_list("text", flat=True)) == ["Alice's question to ask"]
    assert not NinetyDayPlan.objects.exists() and not SalaryPlan.objects.exists()
    assert Attempt.objects.count() == 1 and PracticeSession.objects.get().position == 0


# Every URL of the project, with an id or without; the admin has its own tests upstream.
ALL_URL_NAMES = crawler.all_url_names()
PUBLIC = {"login", "signup", "signup_invitation"}


@pytest.mark.parametrize("name", sorted(set(ALL_URL_NAMES) - PUBLIC))
@pytest.mark.parametrize("method", ["get", "post"])
def test_logged_out_gets_the_login_page_and_nothing_else(
    client, alice, alice_objects, name, method
):
    before = crawler.snapshot(alice)
    url = _url(name, alice_objects)
    response = getattr(client, method)(url, _post_data(alice_objects["opportunity"]))
    assert response.status_code in (302, 405)
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("login"))
    assert "Secret notes" not in response.content.decode(errors="replace")
    assert crawler.snapshot(alice) == before


@pytest.mark.parametrize("name", ALL_URL_NAMES)
def test_a_post_without_its_token_is_refused(alice, alice_objects, name):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(alice)
    before = crawler.snapshot(alice)
    response = strict.post(_url(name, alice_objects), _post_data(alice_objects["opportunity"]))
    assert response.status_code == 403
    assert crawler.snapshot(alice) == before


@pytest.mark.parametrize("name", ALL_URL_NAMES)
def test_a_post_from_another_origin_is_refused(alice, alice_objects, name):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(alice)
    strict.get(reverse("dashboard"))
    token = strict.cookies["csrftoken"].value
    before = crawler.snapshot(alice)
    response = strict.post(
        _url(name, alice_objects),
        _post_data(alice_objects["opportunity"]) | {"csrfmiddlewaretoken": token},
        HTTP_ORIGIN="https://attacker.example",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 403
    assert crawler.snapshot(alice) == before


def test_the_same_post_with_its_token_from_this_site_goes_through(alice):
    """The refusals above are the token and the origin, not a form that never saves."""
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(alice)
    strict.get(reverse("dashboard"))
    token = strict.cookies["csrftoken"].value
    response = strict.post(
        reverse("opportunity_create"),
        {"company": "Planted", "role_title": "Analyst", "status": "interviewing"}
        | {"csrfmiddlewaretoken": token},
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 302
    assert alice.opportunities.filter(company="Planted").exists()
