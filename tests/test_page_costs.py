"""What the most viewed pages cost under load (issue 17): queries, engine runs, renders.

Each bound is today's count: a change that adds a query per person, recomputes the bank
on every view or renders a form per question fails here before it shows in bench/load.py.
"""

from __future__ import annotations

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from secondround.brief.models import AskChoice
from secondround.followup.models import InterviewerNote, Letter
from secondround.opportunities.models import Round
from secondround.overview import selectors as overview_selectors
from secondround.overview.selectors import round_facts
from secondround.questions import selectors as question_selectors
from secondround.questions.services import own_question_add
from secondround.research.models import InterviewerResearch
from secondround.sharing.models import Share
from secondround.stories import selectors as story_selectors
from secondround.stories.models import Story
from tests.factories import make_interviewer

# round_facts with an earlier round, a story and a roster: 28 queries before the profile;
# one more since drafts learn the opportunity's people (never to be slotted as a term);
# one more for the opportunity's data_version, the key of the count kept for later pages,
# and one for the bank's (kept by the same version).
ROUND_FACTS_QUERIES = 20
# round_facts when nothing it reads has changed since the last count: the version only.
ROUND_FACTS_KEPT_QUERIES = 1


def _people(round_, count: int) -> None:
    for _ in range(count):
        make_interviewer(round_)


def _fresh(round_) -> Round:
    """The round as a view gets it (get_round_for_user), nothing prefetched."""
    return Round.objects.select_related("opportunity").get(pk=round_.pk)


def test_round_readiness_costs_the_same_queries_for_one_person_or_six(
    alice, alice_round, django_assert_max_num_queries
):
    alice_round.opportunity.rounds.create(number=1)
    Story.objects.create(owner=alice, title="Cut late deliveries", action="I rerouted trucks.")
    round_facts(_fresh(alice_round), alice, now=timezone.now())  # the story's vectors saved
    counts = []
    for extra in (0, 5):
        _people(alice_round, extra)
        overview_selectors._FACTS.clear()  # counted, not the count kept
        question_selectors._BANKS_BY_VERSION.clear()
        round_ = _fresh(alice_round)
        with CaptureQueriesContext(connection) as captured:
            round_facts(round_, alice, now=timezone.now())
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]
    overview_selectors._FACTS.clear()
    question_selectors._BANKS_BY_VERSION.clear()
    round_ = _fresh(alice_round)
    with django_assert_max_num_queries(ROUND_FACTS_QUERIES):
        round_facts(round_, alice, now=timezone.now())
    round_ = _fresh(alice_round)
    with django_assert_max_num_queries(ROUND_FACTS_KEPT_QUERIES):
        round_facts(round_, alice, now=timezone.now())


def test_round_readiness_counts_each_persons_research_notes_letters_and_questions(
    alice, alice_round
):
    done, empty, _ = (
        alice_round.interviewers.first(),
        *[make_interviewer(alice_round) for _ in range(2)],
    )
    InterviewerResearch.objects.create(interviewer=done, background="Ran the depot.")
    InterviewerResearch.objects.create(interviewer=empty)
    InterviewerNote.objects.create(interviewer=done, worries="Night shifts.")
    InterviewerNote.objects.create(interviewer=empty)
    Letter.objects.create(interviewer=done, subject="Thanks", body="…", sent_at=timezone.now())
    Letter.objects.create(interviewer=empty, subject="Thanks", body="…")
    AskChoice.objects.create(interviewer=done, text="What does a good first month look like?")
    AskChoice.objects.create(interviewer=done, text="Who will I work with most?")
    facts = round_facts(alice_round, alice, now=timezone.now())
    assert facts.people == 3
    assert facts.people_researched == 1
    assert facts.people_with_notes == 1
    assert facts.letters_sent == 1
    assert facts.people_with_own_questions == 1


def test_the_bank_is_built_once_until_what_it_reads_changes(alice_round, monkeypatch):
    built = []
    build = question_selectors.build_bank
    monkeypatch.setattr(question_selectors, "build_bank", lambda r: built.append(r) or build(r))
    question_selectors._BANKS.clear()
    question_selectors._BANKS_BY_VERSION.clear()
    first = question_selectors.round_bank(alice_round)
    again = question_selectors.round_bank(alice_round)
    assert len(built) == 1
    assert again == first
    again.pop()  # a caller changing its list changes nobody else's
    assert question_selectors.round_bank(alice_round) == first
    own_question_add(round=alice_round, text="How would you plan a peak-season roster?")
    changed = question_selectors.round_bank(alice_round)
    assert len(built) == 2
    assert "How would you plan a peak-season roster?" in [q.text for q in changed]


def test_the_story_matching_runs_once_until_a_story_changes(alice, alice_round, monkeypatch):
    runs = []
    match = story_selectors.match
    monkeypatch.setattr(story_selectors, "match", lambda s, q: runs.append(s) or match(s, q))
    story_selectors._MATCHES.clear()
    story = Story.objects.create(owner=alice, title="Cut late deliveries", result="Late loads fell")
    first = story_selectors.round_coverage(alice_round, alice)
    story_selectors.round_coverage(alice_round, alice)
    assert len(runs) == 1
    story.action = "I moved the cut-off and called every carrier."
    story.save()
    story_selectors.round_coverage(alice_round, alice)
    assert len(runs) == 2
    assert runs[1][0].action == "I moved the cut-off and called every carrier."
    assert first.questions


def test_a_coachs_bank_page_renders_the_comment_form_once_for_every_question(
    alice, bob, alice_round
):
    Share.objects.create(owner=alice, opportunity=alice_round.opportunity, grantee=bob, bank=True)
    client = Client()
    client.force_login(bob)
    response = client.get(reverse("shared_bank", args=[alice_round.pk]))
    page = response.content.decode()
    keys = [question.key for question in question_selectors.round_bank(alice_round)]
    rendered = [t.name for t in response.templates].count("sharing/_comments.html")
    assert len(keys) > 20
    assert rendered == 1
    # Each question still has its own form: its key, and ids no other form uses.
    for key in keys:
        assert f'name="key" value="{key}"' in page
    ids = [part.split('"')[0] for part in page.split('id="comment')[1:]]
    assert len(ids) == len(set(ids)) >= 2 * len(keys)


def test_a_saved_or_imported_story_is_embedded_then_not_on_the_pages(
    alice, bob, alice_round, monkeypatch
):
    from secondround.portability.services import account_export, account_import
    from secondround.stories import services as story_services

    story_services.story_save(
        story=Story(owner=alice, title="Cut late deliveries", action="I called every carrier.")
    )
    account_import(
        owner=bob, payload=account_export(owner=alice, now=timezone.now()), replace=False
    )

    def no_embedding(*args, **kwargs):
        raise AssertionError("a page embedded a story")

    monkeypatch.setattr(story_services, "embed_stories", no_embedding)
    monkeypatch.setattr(story_services, "embed_story_parts", no_embedding)
    for owner in (alice, bob):
        (stored,) = Story.objects.filter(owner=owner)
        assert story_services.story_text_inputs(stored)[1]  # the vectors are kept
        assert story_services.story_text(stored).vector is not None
    story_selectors.round_coverage(alice_round, alice)
