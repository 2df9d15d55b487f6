"""Charlie requests every URL that takes an object id of Alice's: each answers 404.

URLs are discovered from the resolver, so a new URL with an id fails here until
the table below says which of Alice's objects it takes.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from secondround.brief.models import AskChoice, NinetyDayPlan, SalaryPlan
from secondround.followup.models import FitCriterion, FollowUp, Letter
from secondround.portability.models import AccountExport
from secondround.practice.models import Attempt, PracticeSession
from secondround.questions.models import OwnQuestion, PreparedQuestion
from secondround.research.models import GlossaryTerm, ResearchSource
from secondround.stories.models import Story

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


@pytest.mark.parametrize("name", sorted(OBJECT_FOR_URL))
@pytest.mark.parametrize("method", ["get", "post"])
def test_outsider_gets_404(charlie_client, alice, alice_round, name, method):
    opportunity = alice_round.opportunity
    objects = {
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
    url = reverse(name, args=[objects[OBJECT_FOR_URL[name]].pk, *EXTRA_ARGS.get(name, [])])
    response = getattr(charlie_client, method)(
        url,
        {
            "confirm": opportunity.company,
            "term": "X",
            "notes": "Q: hi",
            "text": "t",
            "key": "k",
            "prepared": "1",
        },
    )
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
