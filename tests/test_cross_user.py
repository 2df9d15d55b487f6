"""Charlie requests every URL that takes an object id of Alice's: each answers 404.

Then the permission grid of sharing: every URL with an id, GET and POST, for the owner, a
coach with the URL's section, a coach without it, a revoked coach, a coach whose share
ended, a recruiter, the admin of the owner's career centre and a stranger, each with
its expected status.

A logged-out visitor gets the login page from every URL, and a POST to any URL
without its CSRF token, or from another origin, is refused; none of it changes
anything of Alice's. URLs are discovered from the resolver, so a new URL with an id
fails here until the table below says which of Alice's objects it takes.
"""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from secondround.assistant.models import ModelCall
from secondround.brief.models import AskChoice, NinetyDayPlan, SalaryPlan
from secondround.debrief.models import AskedQuestion, Debrief, GlossaryTerm
from secondround.followup.models import FitCriterion, FollowUp, Letter
from secondround.portability.models import AccountExport
from secondround.practice.models import Attempt, PracticeSession
from secondround.questions.models import OwnQuestion, PreparedQuestion
from secondround.research.models import ResearchSource
from secondround.sharing import organisations, packages
from secondround.sharing.models import AttemptComment, Membership, Section, Share
from secondround.stories.models import Story
from tests import crawler
from tests.factories import PASSWORD, make_round, make_user

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
    "salary_from_posting": "opportunity",
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
    "rewrite_start": "letter",
    "rewrite_status": "letter",
    "rewrite_cancel": "letter",
    "reading_status": "model_call",
    "reading_cancel": "model_call",
    # Sharing: the candidate's side.
    "sharing_home": "opportunity",
    "share_create": "opportunity",
    "share_invite": "opportunity",
    "coach_package_create": "opportunity",
    "reply_import": "opportunity",
    "share_detail": "share",
    "share_revoke": "share",
    "coach_package_download": "coach_package",
    "comment_done": "comment",
    # Sharing: the coach's read-only pages.
    "shared_opportunity": "opportunity",
    "shared_research": "opportunity",
    "shared_stories": "opportunity",
    "shared_salary": "opportunity",
    "shared_fit": "opportunity",
    "shared_debrief": "round",
    "shared_bank": "round",
    "shared_practice": "round",
    "shared_brief": "round",
    "shared_letters": "round",
    "shared_story": "story",
    "shared_attempt": "attempt",
    "shared_attempt_audio": "attempt",
    "comment_add": "attempt",
    # A coach package opened here, and a career centre.
    "received_package": "received_package",
    "package_comment": "received_package",
    "package_reply": "received_package",
    "organisation_home": "organisation",
    "organisation_invite": "organisation",
    "organisation_code": "organisation",
}
# URLs that take more than the object's id.
EXTRA_ARGS = {
    "answer": lambda objects: ["learned"],
    "asked_question_file": lambda objects: [objects["asked"].pk],
}
# URLs whose first argument is the kind of item, before its id.
KIND_FIRST = {
    "comment_done": "attempt",
    "comment_add": "attempt",
    "rewrite_start": "letter",
    "rewrite_status": "letter",
    "rewrite_cancel": "letter",
}


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
    pk = objects[OBJECT_FOR_URL[name]].pk
    if name in KIND_FIRST:
        return reverse(name, args=[KIND_FIRST[name], pk])
    extra = EXTRA_ARGS[name](objects) if name in EXTRA_ARGS else []
    return reverse(name, args=[pk, *extra])


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
        "asked": _asked_in_round_one(alice_round),
        "model_call": ModelCall.objects.create(
            owner=alice, feature="invitation", model="m", server="http://127.0.0.1:9/v1"
        ),
    } | _sharing_objects(alice, alice_round)


def _asked_in_round_one(alice_round) -> AskedQuestion:
    """A question from the first round's debrief: it comes back in the second round's bank."""
    first = make_round(alice_round.opportunity, number=1)
    debrief = Debrief.objects.create(round=first)
    return AskedQuestion.objects.create(debrief=debrief, text="Why logistics?")


def _sharing_objects(alice, alice_round) -> dict:
    """Alice's share with a coach (who commented), a coach package she made and one she
    opened, and a career centre she runs."""
    opportunity = alice_round.opportunity
    coach = make_user()
    share = Share.objects.create(
        owner=alice, opportunity=opportunity, grantee=coach, practice=True, debrief=True
    )
    attempt = Attempt.objects.filter(round=alice_round).first()
    package = packages.package_create(
        owner=alice, opportunity=opportunity, sections=list(Section), now=timezone.now()
    )
    received, _ = packages.package_open(owner=alice, raw=packages.package_bytes(package))
    return {
        "share": share,
        "comment": AttemptComment.objects.create(
            attempt=attempt, owner=coach, share=share, author="Coach", text="Secret notes"
        ),
        "coach_package": package,
        "received_package": received,
        "organisation": organisations.organisation_create(name="Alice's centre", admin=alice),
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
PUBLIC = {"login", "signup", "signup_invitation", "share_join", "organisation_invitation"}


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


# ---- the permission grid of sharing ----------------------------------------------------

ROLES = (
    "owner",
    "coach_with",  # a live share naming the URL's section
    "coach_without",  # a live share naming every section but the URL's
    "revoked",  # a share naming every section, revoked
    "expired",  # a share naming every section, whose end date has passed
    "recruiter",  # a live recruiter share (every section ticked in the row: still roster only)
    "org_admin",  # the admin of the career centre the owner joined as a student
    "stranger",
)
# The section each coach's page opens (None: any live share of the opportunity).
SECTION_OF_URL = {
    "shared_opportunity": None,
    "shared_research": Section.ROSTER,
    "shared_stories": Section.STORIES,
    "shared_story": Section.STORIES,
    "shared_salary": Section.SALARY,
    "shared_fit": Section.FIT,
    "shared_debrief": Section.DEBRIEF,
    "shared_bank": Section.BANK,
    "shared_practice": Section.PRACTICE,
    "shared_attempt": Section.PRACTICE,
    "shared_attempt_audio": Section.RECORDINGS,
    "shared_brief": Section.BRIEF,
    "shared_letters": Section.LETTERS,
    "comment_add": Section.PRACTICE,
}
# Pages of the career centre: its admin's, nobody else's (the owner is a student there).
ADMIN_URLS = {"organisation_home", "organisation_invite", "organisation_code"}
# The owner's cells whose answer is not the page itself, each with why.
OWNER_STATUS = {
    ("comment_add", "post"): {403},  # owners do not comment on their own items: a message
    ("export_download", "get"): {302},  # the export is still being prepared: back to the list
    ("recording_piece", "post"): {400},  # form fields are not audio: refused with a message
}
GRID_URLS = sorted(OBJECT_FOR_URL)


def _may(role: str, name: str) -> bool:
    if name in ADMIN_URLS:
        return role == "org_admin"
    if name not in SECTION_OF_URL:
        return role == "owner"
    section = SECTION_OF_URL[name]
    return {
        "owner": True,
        "coach_with": True,
        "coach_without": section is None,
        "recruiter": section in (None, Section.ROSTER),
    }.get(role, False)


def _methods_allowed(name: str, client: Client) -> set[str]:
    """What the view takes, asked with an id nobody has: 405 says the method is refused."""
    url = crawler.example_url(name)
    return {method for method in ("get", "post") if getattr(client, method)(url).status_code != 405}


def expected_status(role: str, name: str, method: str, allowed: set[str]) -> set[int]:
    if method not in allowed:
        return {405}
    if not _may(role, name):
        return {404}
    if role == "owner" and (name, method) in OWNER_STATUS:
        return OWNER_STATUS[(name, method)]
    # GET shows the page (a download, or a redirect where nothing is ready yet); a POST
    # with the grid's made-up fields either redirects or shows the form again.
    return {200, 302} if method == "post" else {200}


@pytest.fixture
def grid_clients(alice, alice_round, alice_objects, settings, tmp_path) -> dict[str, Client]:
    settings.MEDIA_ROOT = tmp_path
    attempt = alice_objects["attempt"]
    attempt.audio.save("answer.webm", ContentFile(b"audio bytes"), save=True)
    AccountExport.objects.filter(pk=alice_objects["export"].pk).update(status="pending")
    opportunity = alice_round.opportunity
    every = {section.value: True for section in Section}
    users = {role: make_user(role) for role in ROLES if role != "owner"}
    today = timezone.localdate()
    for role, extra in (
        ("coach_with", {}),
        ("coach_without", {}),
        ("revoked", {"revoked_at": timezone.now()}),
        ("expired", {"ends_on": today - timedelta(days=1)}),
        ("recruiter", {"role": Share.Role.RECRUITER}),
    ):
        Share.objects.create(
            owner=alice, opportunity=opportunity, grantee=users[role], **every, **extra
        )
    centre = organisations.organisation_create(name="Centre", admin=users["org_admin"])
    Membership.objects.create(organisation=centre, user=alice, role=Membership.Role.STUDENT)
    alice_objects["organisation"] = centre
    clients = {}
    for role in ROLES:
        clients[role] = Client()
        clients[role].force_login(alice if role == "owner" else users[role])
    return clients


def _without_the_section(alice, name: str) -> None:
    """The coach without the section: every section but this URL's."""
    section = SECTION_OF_URL.get(name)
    if section is not None:
        Share.objects.filter(grantee__username="coach_without").update(**{section.value: False})


@pytest.mark.parametrize("name", GRID_URLS)
def test_permission_grid(alice, alice_objects, grid_clients, name):
    """Every role, both methods, on one URL: each cell's status as expected."""
    _without_the_section(alice, name)
    url = _url(name, alice_objects)
    allowed = _methods_allowed(name, grid_clients["stranger"])
    data = _post_data(alice_objects["opportunity"]) | {"who": "stranger", "done": "1"}
    wrong = []
    for role in ROLES:
        for method in ("get", "post"):
            with transaction.atomic():
                response = getattr(grid_clients[role], method)(url, data)
                transaction.set_rollback(True)
            expected = expected_status(role, name, method, allowed)
            if response.status_code not in expected:
                wrong.append(f"{role} {method.upper()}: {response.status_code}, not {expected}")
            if not _may(role, name) and "Secret notes" in response.content.decode(errors="ignore"):
                wrong.append(f"{role} {method.upper()}: shows Alice's notes")
    assert wrong == []


def test_the_grid_counts_its_cells():
    cells = len(GRID_URLS) * len(ROLES) * 2
    print(f"FIGURE permission_grid_cells {cells} cells")
    assert len(GRID_URLS) > 100 and cells == len(GRID_URLS) * 16
