"""Sharing with a coach or a recruiter (S15): consent by section, links, comments, the log.

Alice owns; bob is her coach; charlie has no access. Each behaviour of issue 17 and each
piece of bad input (sharing with oneself, an unknown address, twice, a used or expired
link, a comment on an item no longer shared) has a test here; the permission grid over
every URL is in test_cross_user.py, coach packages and career centres further down.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from secondround.debrief.models import AskedQuestion, Debrief
from secondround.practice.models import Attempt
from secondround.questions.selectors import round_bank
from secondround.sharing import organisations, packages
from secondround.sharing.models import (
    AccessLog,
    AppendOnly,
    AttemptComment,
    BankComment,
    CoachPackage,
    InterviewerComment,
    Membership,
    QuestionComment,
    ReceivedPackage,
    Section,
    Share,
    StoryComment,
)
from secondround.stories.models import Story
from tests import crawler

pytestmark = pytest.mark.django_db

NEW_COACH = {
    "username": "dora",
    "first_name": "Dora",
    "last_name": "Coach",
    "password1": "a-long-unusual-pass",
    "password2": "a-long-unusual-pass",
}


@pytest.fixture
def bob_client(bob):
    client = Client()
    client.force_login(bob)
    return client


@pytest.fixture
def things(alice, alice_round):
    """A debrief question, a story and a typed practice answer of Alice's."""
    first = alice_round.opportunity.rounds.create(number=1)
    debrief = Debrief.objects.create(round=first)
    return {
        "question": AskedQuestion.objects.create(debrief=debrief, text="Why freight?"),
        "story": Story.objects.create(owner=alice, title="Cut late deliveries", result="Done"),
        "attempt": Attempt.objects.create(
            round=alice_round,
            question_key="k",
            question_text="Tell me about a conflict.",
            answer_text="I listened and we agreed.",
            report={"words": 5, "points": [], "version": 99},
        ),
        "first": first,
    }


def _share(alice, bob, alice_round, **sections) -> Share:
    return Share.objects.create(
        owner=alice, opportunity=alice_round.opportunity, grantee=bob, **sections
    )


def _share_form(who: str, **extra) -> dict:
    return {"who": who, "role": "coach", "debrief": "on", "practice": "on"} | extra


# ---- sharing and what it opens ----------------------------------------------------------


def test_share_by_account_name_opens_exactly_the_ticked_sections(
    alice_client, bob_client, alice_round, things
):
    opportunity = alice_round.opportunity
    response = alice_client.post(reverse("share_create", args=[opportunity.pk]), _share_form("bob"))
    assert response.status_code == 302
    share = Share.objects.get()
    assert share.sections() == [Section.DEBRIEF, Section.PRACTICE]
    assert bob_client.get(reverse("shared_debrief", args=[things["first"].pk])).status_code == 200
    assert bob_client.get(reverse("shared_attempt", args=[things["attempt"].pk])).status_code == 200
    for name, pk in [
        ("shared_bank", alice_round.pk),
        ("shared_brief", alice_round.pk),
        ("shared_salary", opportunity.pk),
        ("shared_fit", opportunity.pk),
        ("shared_story", things["story"].pk),
        ("shared_attempt_audio", things["attempt"].pk),
        ("debrief_detail", things["first"].pk),  # the owner's own page stays hers alone
    ]:
        assert bob_client.get(reverse(name, args=[pk])).status_code == 404, name


def test_share_by_email_is_found_case_insensitively(alice_client, bob, alice_round):
    bob.email = "Bob.Coach@example.org"
    bob.save()
    url = reverse("share_create", args=[alice_round.opportunity.pk])
    assert alice_client.post(url, _share_form("bob.coach@EXAMPLE.org")).status_code == 302
    assert Share.objects.get().grantee == bob


@pytest.mark.parametrize(
    "who, message",
    [
        ("alice", "That is your own account"),
        ("nobody-here", "No account here has that name or address"),
        ("nobody@example.org", "No account here has that name or address"),
    ],
)
def test_sharing_with_oneself_or_an_unknown_address_says_so(
    alice_client, bob, alice_round, who, message
):
    url = reverse("share_create", args=[alice_round.opportunity.pk])
    response = alice_client.post(url, _share_form(who))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Share.objects.exists()


def test_sharing_twice_says_so_and_keeps_the_first(alice_client, bob, alice_round):
    url = reverse("share_create", args=[alice_round.opportunity.pk])
    alice_client.post(url, _share_form("bob"))
    response = alice_client.post(url, _share_form("bob", salary="on"))
    assert "You already share this opportunity with bob" in response.content.decode()
    share = Share.objects.get()
    assert not share.salary


@pytest.mark.parametrize(
    "form, message",
    [
        ({"role": "coach"}, "Tick at least one section"),
        ({"role": "coach", "recordings": "on"}, "Recordings go with practice answers"),
        ({"role": "recruiter", "debrief": "on"}, "A recruiter sees the roster and research only"),
        ({"role": "coach", "debrief": "on", "ends_on": "2001-01-01"}, "That day has passed"),
    ],
)
def test_a_share_that_makes_no_sense_is_refused(alice_client, bob, alice_round, form, message):
    url = reverse("share_create", args=[alice_round.opportunity.pk])
    response = alice_client.post(url, {"who": "bob", **form})
    assert message in response.content.decode()
    assert not Share.objects.exists()


def test_salary_and_fit_are_never_implied(alice, bob, bob_client, alice_round):
    from secondround.brief.models import SalaryPlan

    SalaryPlan.objects.create(opportunity=alice_round.opportunity, target=123456)
    share = _share(alice, bob, alice_round, brief=True)
    brief = bob_client.get(reverse("shared_brief", args=[alice_round.pk])).content.decode()
    assert "123" not in brief.split("Prepared for")[1].split("Itinerary")[0]
    for name in ("shared_salary", "shared_fit"):
        url = reverse(name, args=[alice_round.opportunity.pk])
        assert bob_client.get(url).status_code == 404
    share.salary = True
    share.save()
    assert (
        bob_client.get(reverse("shared_salary", args=[alice_round.opportunity.pk])).status_code
        == 200
    )


def test_recordings_only_when_ticked_and_the_download_is_logged(
    alice, bob, bob_client, alice_round, things, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    attempt = things["attempt"]
    attempt.audio.save("a.webm", ContentFile(b"sound"), save=True)
    share = _share(alice, bob, alice_round, practice=True)
    page = bob_client.get(reverse("shared_attempt", args=[attempt.pk])).content.decode()
    assert "<audio" not in page
    assert bob_client.get(reverse("shared_attempt_audio", args=[attempt.pk])).status_code == 404
    share.recordings = True
    share.save()
    audio = bob_client.get(reverse("shared_attempt_audio", args=[attempt.pk]))
    assert audio.status_code == 200 and b"".join(audio.streaming_content) == b"sound"
    assert AccessLog.objects.filter(action="download", section="recordings").count() == 1


def test_revoking_takes_effect_on_the_next_request(
    alice, alice_client, bob_client, bob, alice_round, things
):
    share = _share(alice, bob, alice_round, debrief=True)
    url = reverse("shared_debrief", args=[things["first"].pk])
    assert bob_client.get(url).status_code == 200
    alice_client.post(reverse("share_revoke", args=[share.pk]))
    assert bob_client.get(url).status_code == 404
    assert bob_client.get(reverse("shared_home")).content.decode().count("Northwind") == 0


def test_an_ended_share_opens_nothing(alice, bob, bob_client, alice_round, things):
    _share(alice, bob, alice_round, debrief=True, ends_on=timezone.localdate() - timedelta(1))
    assert bob_client.get(reverse("shared_debrief", args=[things["first"].pk])).status_code == 404


def test_a_recruiter_reads_roster_and_research_only_whatever_the_row_says(
    alice, bob, bob_client, alice_round, things
):
    every = {section.value: True for section in Section}
    _share(alice, bob, alice_round, role=Share.Role.RECRUITER, **every)
    opportunity = alice_round.opportunity
    assert bob_client.get(reverse("shared_research", args=[opportunity.pk])).status_code == 200
    assert bob_client.get(reverse("shared_debrief", args=[things["first"].pk])).status_code == 404
    person = alice_round.interviewers.get()
    response = bob_client.post(
        reverse("comment_add", args=["interviewer", person.pk]),
        {"text": "Dana prefers numbers to stories."},
    )
    assert response.status_code == 302
    assert InterviewerComment.objects.get().text == "Dana prefers numbers to stories."


def test_the_coach_home_lists_the_candidate_with_readiness(alice, bob, bob_client, alice_round):
    alice.first_name = "Alice"
    alice.save()
    _share(alice, bob, alice_round, debrief=True)
    page = bob_client.get(reverse("shared_home")).content.decode()
    assert "Alice" in page and "Northwind Freight" in page and "% ready" in page


def test_coach_views_write_nothing_into_the_candidates_rounds(alice, bob, bob_client, alice_round):
    _share(alice, bob, alice_round, debrief=True)
    before = crawler.snapshot(alice)
    bob_client.get(reverse("shared_debrief", args=[alice_round.pk]))
    after = crawler.snapshot(alice)
    assert crawler.lost_or_changed(before, after) == []
    added = {label for label, _ in set(after) - set(before)}
    assert added == {"sharing.AccessLog"}


# ---- comments ------------------------------------------------------------------------


def test_coach_comments_and_rates_the_candidate_sees_it_and_marks_it_done(
    alice, alice_client, bob, bob_client, alice_round, things
):
    _share(alice, bob, alice_round, practice=True)
    attempt = things["attempt"]
    response = bob_client.post(
        reverse("comment_add", args=["attempt", attempt.pk]),
        {"text": "Say what you did first.", "competency": "conflict", "score": "3"},
    )
    assert response.status_code == 302
    comment = AttemptComment.objects.get()
    assert (comment.owner, comment.score, comment.competency) == (bob, 3, "conflict")
    page = alice_client.get(reverse("attempt_detail", args=[attempt.pk])).content.decode()
    assert "Say what you did first." in page and "Conflict: 3/5" in page
    alice_client.post(
        reverse("comment_done", args=["attempt", comment.pk]), {"done": "1", "next": "/"}
    )
    comment.refresh_from_db()
    assert comment.done_at is not None
    assert AccessLog.objects.filter(action="comment", section="practice").count() == 1


def test_a_rating_needs_its_competency(alice, bob, bob_client, alice_round, things):
    _share(alice, bob, alice_round, practice=True)
    url = reverse("comment_add", args=["attempt", things["attempt"].pk])
    bob_client.post(url, {"text": "Fine.", "score": "4"})
    assert not AttemptComment.objects.exists()


def test_comments_on_a_debrief_question_a_story_and_a_bank_question(
    alice, alice_client, bob, bob_client, alice_round, things
):
    _share(alice, bob, alice_round, debrief=True, stories=True, bank=True)
    bob_client.post(
        reverse("comment_add", args=["question", things["question"].pk]), {"text": "Why, then?"}
    )
    bob_client.post(reverse("comment_add", args=["story", things["story"].pk]), {"text": "Add %"})
    key = round_bank(alice_round)[0].key
    bob_client.post(
        reverse("comment_add", args=["bank", alice_round.pk]), {"text": "Likely!", "key": key}
    )
    bob_client.post(
        reverse("comment_add", args=["bank", alice_round.pk]), {"text": "x", "key": "nope"}
    )
    assert QuestionComment.objects.get().text == "Why, then?"
    assert StoryComment.objects.get().text == "Add %"
    assert list(BankComment.objects.values_list("key", "text")) == [(key, "Likely!")]
    bank = alice_client.get(reverse("bank", args=[alice_round.pk])).content.decode()
    assert "Likely!" in bank
    debrief = alice_client.get(
        reverse("debrief_detail", args=[things["first"].pk])
    ).content.decode()
    assert "Why, then?" in debrief


def test_a_comment_on_an_item_no_longer_shared_is_refused_and_kept_for_copying(
    alice, bob, bob_client, alice_round, things
):
    share = _share(alice, bob, alice_round, practice=True)
    share.revoked_at = timezone.now()
    share.save()
    response = bob_client.post(
        reverse("comment_add", args=["attempt", things["attempt"].pk]), {"text": "Late words"}
    )
    assert response.status_code == 404
    page = response.content.decode()
    assert "no longer" in page and "Late words" in page
    assert "I listened" not in page
    assert not AttemptComment.objects.exists()


def test_deleting_a_share_keeps_the_candidates_data_and_comments(
    alice, bob, bob_client, alice_round, things
):
    share = _share(alice, bob, alice_round, practice=True)
    bob_client.post(
        reverse("comment_add", args=["attempt", things["attempt"].pk]), {"text": "Keep me"}
    )
    before = crawler.snapshot(alice)
    share.delete()
    after = crawler.snapshot(alice)
    gone = [key for key in crawler.lost_or_changed(before, after)]
    assert all(
        line.startswith(("sharing.Share ", "sharing.AccessLog", "sharing.AttemptComment"))
        for line in gone
    )
    assert AttemptComment.objects.get().text == "Keep me"
    assert bob_client.get(reverse("shared_attempt", args=[things["attempt"].pk])).status_code == 404


def test_the_access_log_is_append_only_and_shown_to_the_candidate(
    alice, alice_client, bob, bob_client, alice_round, things
):
    share = _share(alice, bob, alice_round, debrief=True)
    bob_client.get(reverse("shared_debrief", args=[things["first"].pk]))
    entry = AccessLog.objects.get()
    assert (entry.actor, entry.action, entry.section) == (bob, "view", "debrief")
    entry.what = "nothing"
    with pytest.raises(AppendOnly):
        entry.save()
    with pytest.raises(AppendOnly):
        entry.delete()
    page = alice_client.get(reverse("share_detail", args=[share.pk])).content.decode()
    assert "Viewed" in page and "bob" in page


# ---- invitation links --------------------------------------------------------------------


def _invite(client, opportunity, **extra) -> str:
    data = {"invited_as": "Dora", "days": "7", "role": "coach", "debrief": "on"} | extra
    response = client.post(reverse("share_invite", args=[opportunity.pk]), data, follow=True)
    page = response.content.decode()
    start = page.index("/shared/join/")
    return page[start : page.index('"', start)]


def test_an_invitation_link_makes_the_coachs_account_and_the_share(
    alice_client, client, alice_round
):
    link = _invite(alice_client, alice_round.opportunity)
    assert "Make my account" in client.get(link).content.decode()
    response = client.post(link, NEW_COACH)
    assert response.status_code == 302
    share = Share.objects.get()
    assert share.grantee.username == "dora" and share.invitation.used_by == share.grantee
    assert share.invitation.token_hash not in link
    assert client.get(reverse("shared_debrief", args=[alice_round.pk])).status_code == 200


def test_a_logged_in_coach_accepts_a_link(alice_client, bob, bob_client, alice_round):
    link = _invite(alice_client, alice_round.opportunity)
    assert bob_client.post(link).status_code == 302
    assert Share.objects.get().grantee == bob


def test_a_used_link_is_refused(alice_client, client, bob_client, alice_round):
    link = _invite(alice_client, alice_round.opportunity)
    client.post(link, NEW_COACH)
    response = bob_client.post(link)
    assert response.status_code == 403 and "already been used" in response.content.decode()
    assert Share.objects.get().grantee.username == "dora"


def test_an_expired_link_is_refused(alice_client, client, alice_round):
    link = _invite(alice_client, alice_round.opportunity)
    Share.objects.get().invitation.__class__.objects.update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    response = client.post(link, NEW_COACH)
    assert response.status_code == 403 and "expired" in response.content.decode()
    assert not Share.objects.filter(grantee__isnull=False).exists()


def test_a_revoked_invitation_is_useless(alice_client, client, alice_round):
    link = _invite(alice_client, alice_round.opportunity)
    alice_client.post(reverse("share_revoke", args=[Share.objects.get().pk]))
    response = client.post(link, NEW_COACH)
    assert response.status_code == 403 and "withdrawn" in response.content.decode()


def test_ones_own_invitation_cannot_be_accepted(alice_client, alice_round):
    link = _invite(alice_client, alice_round.opportunity)
    response = alice_client.post(link)
    assert response.status_code == 403 and "your own invitation" in response.content.decode()
    assert Share.objects.get().grantee is None


def test_a_made_up_link_is_refused(client):
    response = client.get(reverse("share_join", args=["not-a-token"]))
    assert response.status_code == 403 and "not valid" in response.content.decode()


def test_the_link_is_shown_once(alice_client, alice_round):
    _invite(alice_client, alice_round.opportunity)
    page = alice_client.get(reverse("share_detail", args=[Share.objects.get().pk]))
    assert "/shared/join/" not in page.content.decode()


# ---- coach packages --------------------------------------------------------------------


def _package(alice, alice_round, sections=(Section.DEBRIEF, Section.PRACTICE, Section.STORIES)):
    return packages.package_create(
        owner=alice,
        opportunity=alice_round.opportunity,
        sections=list(sections),
        now=timezone.now(),
    )


def test_coach_package_round_trip_lands_comments_and_changes_nothing_else(
    alice, bob, alice_round, things
):
    package = _package(alice, alice_round)
    assert f"attempt:{things['attempt'].pk}" in package.items
    opened, new = packages.package_open(owner=bob, raw=packages.package_bytes(package))
    assert new and opened.candidate == "alice"
    packages.package_comment(
        package=opened,
        item=f"attempt:{things['attempt'].pk}",
        text="Slow down.",
        competency="conflict",
        score=4,
    )
    packages.package_comment(
        package=opened, item=f"story:{things['story'].pk}", text="Great result."
    )
    reply = packages.reply_bytes(opened, coach=bob, now=timezone.now())
    before = crawler.snapshot(alice)
    result = packages.reply_import(owner=alice, raw=reply, now=timezone.now())
    assert (result.added, result.already, result.gone) == (2, 0, 0)
    after = crawler.snapshot(alice)
    # Only the package's record of what was imported, so that a second import adds nothing.
    assert crawler.lost_or_changed(before, after) == [
        f"sharing.CoachPackage {package.pk} ['imported_keys']"
    ]
    added = sorted(label for label, _ in set(after) - set(before))
    assert added == ["sharing.AttemptComment", "sharing.StoryComment"]
    rated = AttemptComment.objects.get()
    assert (rated.score, rated.competency, rated.author) == (4, "conflict", "bob (reply file)")
    with pytest.raises(packages.PackageRefused, match="imported before"):
        packages.reply_import(owner=alice, raw=reply, now=timezone.now())


def test_no_recordings_and_no_unticked_section_in_a_package(alice, alice_round, things):
    package = _package(alice, alice_round, sections=[Section.DEBRIEF, Section.RECORDINGS])
    assert package.sections == ["debrief"]
    text = json.dumps(package.document)
    assert "I listened" not in text and "Cut late deliveries" not in text


def test_a_tampered_package_is_refused_by_the_coach(alice, bob, alice_round, things):
    document = json.loads(packages.package_bytes(_package(alice, alice_round)))
    document["sections"][0]["entries"][0]["heading"] = "Changed"
    with pytest.raises(packages.PackageRefused, match="changed after it was made"):
        packages.package_open(owner=bob, raw=json.dumps(document).encode())
    assert not ReceivedPackage.objects.exists()


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda r: r.update(package_id="0" * 32), "did not make here"),
        (lambda r: r.update(digest="0" * 64), "does not match the package"),
        (lambda r: r["comments"][0].update(item="story:999999"), "not in the package"),
        (lambda r: r["comments"][0].update(score=9), "between 1 and 5"),
        (lambda r: r["comments"][0].update(text=""), "empty comment"),
        (lambda r: r.update(format="x"), "not a reply"),
    ],
)
def test_a_tampered_reply_is_refused_and_changes_nothing(
    alice, bob, alice_round, things, change, message
):
    package = _package(alice, alice_round)
    opened, _ = packages.package_open(owner=bob, raw=packages.package_bytes(package))
    packages.package_comment(
        package=opened,
        item=f"attempt:{things['attempt'].pk}",
        text="Fine.",
        competency="conflict",
        score=3,
    )
    reply = json.loads(packages.reply_bytes(opened, coach=bob, now=timezone.now()))
    change(reply)
    before = crawler.snapshot(alice)
    with pytest.raises(packages.PackageRefused, match=message):
        packages.reply_import(owner=alice, raw=json.dumps(reply).encode(), now=timezone.now())
    assert crawler.snapshot(alice) == before


def test_another_candidates_reply_is_refused(alice, bob, charlie, alice_round, things):
    package = _package(alice, alice_round)
    opened, _ = packages.package_open(owner=bob, raw=packages.package_bytes(package))
    reply = packages.reply_bytes(opened, coach=bob, now=timezone.now())
    with pytest.raises(packages.PackageRefused, match="did not make here"):
        packages.reply_import(owner=charlie, raw=reply, now=timezone.now())


@pytest.mark.parametrize(
    "raw", [b"", b"\xff\xfe", b"[]", b'{"format": "secondround-coach-package"}']
)
def test_a_file_that_is_no_package_gets_a_message(bob_client, raw):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = bob_client.post(
        reverse("package_import"), {"file": SimpleUploadedFile("p.json", raw or b" ")}
    )
    assert response.status_code == 200
    assert "package" in response.content.decode()
    assert not ReceivedPackage.objects.exists()


def test_package_views_round_trip(alice, alice_client, bob_client, alice_round, things):
    from django.core.files.uploadedfile import SimpleUploadedFile

    opportunity = alice_round.opportunity
    alice_client.post(reverse("coach_package_create", args=[opportunity.pk]), {"practice": "on"})
    package = CoachPackage.objects.get()
    raw = b"".join(alice_client.get(reverse("coach_package_download", args=[package.pk])))
    response = bob_client.post(
        reverse("package_import"), {"file": SimpleUploadedFile("p.json", raw)}
    )
    opened = ReceivedPackage.objects.get()
    assert response["Location"] == opened.get_absolute_url()
    item = f"attempt:{things['attempt'].pk}"
    bob_client.post(reverse("package_comment", args=[opened.pk]), {"item": item, "text": "Ok!"})
    reply = bob_client.get(reverse("package_reply", args=[opened.pk])).content
    alice_client.post(
        reverse("reply_import", args=[opportunity.pk]),
        {"file": SimpleUploadedFile("reply.json", reply)},
    )
    assert AttemptComment.objects.get().text == "Ok!"


# ---- a career centre ---------------------------------------------------------------------


def test_students_join_with_the_code_and_the_admin_sees_counts_only(
    alice, alice_client, bob, bob_client, alice_round, things
):
    centre = organisations.organisation_create(name="Centre", admin=bob)
    response = alice_client.post(reverse("organisation_join"), {"code": centre.join_code.lower()})
    assert response.status_code == 302
    assert Membership.objects.get(user=alice).role == "student"
    page = bob_client.get(reverse("organisation_home", args=[centre.pk])).content.decode()
    assert "fewer than 5" in page and "Northwind" not in page and "alice" not in page
    assert (
        bob_client.get(reverse("opportunity_detail", args=[alice_round.opportunity.pk])).status_code
        == 404
    )
    assert bob_client.get(reverse("shared_debrief", args=[alice_round.pk])).status_code == 404


def test_a_wrong_code_says_so_and_counts_as_a_failed_attempt(alice_client):
    from secondround.accounts.models import LoginFailure

    response = alice_client.post(reverse("organisation_join"), {"code": "WRONG-CODE0"})
    assert "No organisation here has this code" in response.content.decode()
    assert LoginFailure.objects.count() == 1 and not Membership.objects.exists()


def test_an_admin_invites_a_coach_with_a_single_use_link(bob, bob_client, client, charlie):
    centre = organisations.organisation_create(name="Centre", admin=bob)
    bob_client.post(reverse("organisation_invite", args=[centre.pk]), {"note": "Dora", "days": 3})
    page = bob_client.get(reverse("organisation_home", args=[centre.pk])).content.decode()
    start = page.index("/organisations/invitation/")
    link = page[start : page.index('"', start)]
    assert client.post(link, NEW_COACH).status_code == 302
    assert Membership.objects.get(user__username="dora").role == "coach"
    charlie_client = Client()
    charlie_client.force_login(charlie)
    assert charlie_client.post(link).status_code == 403  # used
    assert charlie_client.get(reverse("organisation_home", args=[centre.pk])).status_code == 404


# ---- the coach's comment forms, fuzzed as the coach -------------------------------------


@pytest.fixture(scope="module")
def coach_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo shared with its coach: the comment forms the coach's pages carry."""
    from django.db import transaction
    from django.test import override_settings

    from tests import fuzzing

    media = tmp_path_factory.mktemp("media")
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=fast),
        fuzzing.offline(),
        transaction.atomic(),
    ):
        owner = crawler.demo_with_every_model(now=timezone.now())
        coach = Share.objects.get(owner=owner, grantee__isnull=False).grantee
        client = Client(raise_request_exception=False)
        client.force_login(coach)
        result = crawler.crawl(client, reverse("shared_home"))
        forms = {}
        for form in result.forms:
            if crawler.url_name(form.action) == "comment_add":
                forms.setdefault(form.action.split("/")[3], form)
        yield owner, client, forms, result
        transaction.set_rollback(True)


def test_the_coach_crawl_finds_no_error_and_a_form_for_every_kind(coach_site):
    from secondround.sharing.targets import TARGETS

    _, _, forms, result = coach_site
    assert [v.url for v in result.visits if v.status != 200] == []
    assert sorted(forms) == sorted(TARGETS)


@pytest.mark.parametrize(
    "kind",
    sorted(["question", "observation", "concern", "story", "attempt", "interviewer", "bank"]),
)
def test_no_input_breaks_a_comment_form(coach_site, kind):
    from hypothesis import HealthCheck, Phase, example, given, settings

    from tests import fuzzing

    owner, client, forms, _ = coach_site
    form = forms[kind]

    @settings(
        max_examples=10,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(fuzzing.form_data(form))
    def submit(data):
        problem = fuzzing.try_input(client, owner, form, data)
        assert problem is None, problem

    for data in fuzzing.explicit_examples(form):
        submit = example(data)(submit)
    with fuzzing.offline():
        submit()


# ---- the retention of recordings ---------------------------------------------------------


def test_retention_deletes_old_recordings_and_keeps_transcripts(alice_round, settings, tmp_path):
    import io

    from django.core.management import call_command

    settings.MEDIA_ROOT = tmp_path
    made = {}
    for name, age in (("old", 40), ("new", 2)):
        attempt = Attempt.objects.create(
            round=alice_round, question_key="k", question_text="Q?", answer_text=f"{name} words"
        )
        attempt.audio.save("a.webm", ContentFile(b"sound"), save=True)
        Attempt.objects.filter(pk=attempt.pk).update(
            created_at=timezone.now() - timedelta(days=age)
        )
        made[name] = attempt
    old_file = made["old"].audio.path
    out = io.StringIO()
    call_command("delete_old_recordings", "--days", "30", stdout=out)
    assert "Deleted 1 recording older than 30 days" in out.getvalue()
    made["old"].refresh_from_db()
    made["new"].refresh_from_db()
    assert not made["old"].audio and made["old"].answer_text == "old words"
    assert made["new"].audio
    import os

    assert not os.path.exists(old_file)


def test_retention_without_a_period_says_so():
    from django.core.management import call_command
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No retention period"):
        call_command("delete_old_recordings")


def test_create_organisation_command(alice):
    import io

    from django.core.management import call_command
    from django.core.management.base import CommandError

    out = io.StringIO()
    call_command(
        "create_organisation",
        "  Lakeshore   Centre ",
        "--admin",
        "alice",
        stdout=out,
        stderr=io.StringIO(),
    )
    assert "students join with the code" in out.getvalue()
    assert Membership.objects.get(user=alice).role == "admin"
    with pytest.raises(CommandError, match="No account is named"):
        call_command("create_organisation", "X", "--admin", "nobody")
