import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from secondround.brief.models import AskChoice, NinetyDayPlan, SalaryEntry, SalaryPlan
from secondround.debrief.models import AskedQuestion, Concern, Debrief, GlossaryTerm, Observation
from secondround.followup.models import (
    FitCriterion,
    FitScore,
    FitVerdict,
    FollowUp,
    InterviewerNote,
    Letter,
)
from secondround.opportunities.models import Opportunity
from secondround.portability.models import AccountExport
from secondround.portability.services import (
    ImportFileError,
    account_export,
    account_import,
    load_export,
)
from secondround.questions.models import OwnQuestion, PreparedQuestion
from secondround.research.models import (
    CompanyProfile,
    CompetencyNeed,
    InformationalInterview,
    InterviewerResearch,
    PressItem,
    ResearchSource,
    SavedAnswer,
    SkillNeed,
)
from secondround.stories.models import Story
from tests.factories import make_interviewer, make_opportunity, make_round, make_user

pytestmark = pytest.mark.django_db


def _rich_account(owner):
    opportunity = make_opportunity(
        owner,
        company="Zürich Hospital — Pflege",
        posting_text="Line one\nLine two with émojis 🎉 and “quotes”",
        source_url="https://example.com/job",
        status="offer",
        notes="note",
        archived_at=timezone.now(),
    )
    first = make_round(opportunity, number=1, starts_at=None, name="Screening")
    second = make_round(
        opportunity, number=2, time_zone="America/Chicago", video_link="https://meet.example.com/x"
    )
    make_interviewer(
        second, name="Siobhán O'Neill", pronunciation="shiv-AWN", email="s@example.com"
    )
    make_interviewer(second, name="Jean-Luc Moreau", relation="peer", notes="Likes cycling")
    make_interviewer(first, name="Priya Raman", relation="hr")
    _debrief_and_research(opportunity, first, second)
    make_opportunity(owner, company="Second Co")
    Story.objects.create(
        owner=owner, title="Falls", action="I audited", competencies=["leadership"], vector=b"x"
    )
    return opportunity


def _debrief_and_research(opportunity, first, second):
    debrief = Debrief.objects.create(round=first, challenges="Turnover\nBudget", raw_notes="raw")
    AskedQuestion.objects.create(debrief=debrief, text="Why us?", went="unsure", position=0)
    Observation.objects.create(debrief=debrief, kind="miss", text="My certificate")
    Concern.objects.create(debrief=debrief, said="No people management", raised_by="Dana")
    CompanyProfile.objects.create(opportunity=opportunity, industry="Health", products="Care\nCure")
    PressItem.objects.create(
        opportunity=opportunity, title="New wing", published_on=date(2026, 2, 3)
    )
    InformationalInterview.objects.create(opportunity=opportunity, person="Jo", takeaways="Busy")
    ResearchSource.objects.create(
        opportunity=opportunity, text="About", method="pasted", retrieved_at=timezone.now()
    )
    GlossaryTerm.objects.create(
        opportunity=opportunity, term="OTIF", heard_in=first, source="debrief"
    )
    GlossaryTerm.objects.create(opportunity=opportunity, term="EBITDA")
    SavedAnswer.objects.create(opportunity=opportunity, kind="learned", text="I learned…")
    InterviewerResearch.objects.create(
        interviewer=second.interviewers.first(), background="Ex-nurse"
    )
    CompetencyNeed.objects.create(opportunity=opportunity, competency="leadership", weight=0.8)
    SkillNeed.objects.create(
        opportunity=opportunity, name="Epic", evidence="Epic EHR", origin="engine"
    )
    own = OwnQuestion.objects.create(
        round=second,
        text="How would you staff nights?",
        competency="leadership",
        kind="situational",
    )
    PreparedQuestion.objects.create(round=second, key=own.bank_key)
    person = second.interviewers.first()
    InterviewerNote.objects.create(interviewer=person, discussed="the new wing")
    Letter.objects.create(
        interviewer=person, subject="Thank you", body="Dear…", sent_at=timezone.now()
    )
    AskChoice.objects.create(
        interviewer=person, text="What will I own first?", library_id="ask-001"
    )
    FollowUp.objects.create(round=second, decision_expected_on=date(2026, 12, 4), outcome="offer")
    criterion = FitCriterion.objects.create(opportunity=opportunity, name="Growth", weight=4)
    FitScore.objects.create(criterion=criterion, round=second, score=4, evidence="Mentoring")
    FitVerdict.objects.create(opportunity=opportunity, would_accept="yes", reasons="Team")
    NinetyDayPlan.objects.create(opportunity=opportunity, learn="Meet — notes")
    SalaryEntry.objects.create(
        opportunity=opportunity,
        source="Survey",
        low=Decimal("78000.50"),
        high=95000,
        currency="USD",
    )
    SalaryPlan.objects.create(opportunity=opportunity, target=Decimal("90000"), walk_away=80000)


def _without_stamp(document):
    return {key: value for key, value in document.items() if key != "exported_at"}


def test_round_trip_is_lossless(alice, bob):
    _rich_account(alice)
    exported = account_export(owner=alice, now=timezone.now())
    through_json = json.loads(json.dumps(exported))

    account_import(owner=bob, payload=through_json, replace=False)

    assert _without_stamp(account_export(owner=bob, now=timezone.now())) == _without_stamp(exported)
    first_opportunity = exported["opportunities"][0]
    assert first_opportunity["rounds"][1]["interviewers"][0]["name"] == "Siobhán O'Neill"
    assert first_opportunity["rounds"][0]["debrief"][0]["concerns"][0]["raised_by"] == "Dana"
    assert {t["term"]: t["heard_in"] for t in first_opportunity["glossary"]} == {
        "EBITDA": None,
        "OTIF": 1,
    }
    assert (
        first_opportunity["rounds"][1]["interviewers"][0]["research"][0]["background"] == "Ex-nurse"
    )


def test_replace_substitutes_instead_of_adding(alice):
    _rich_account(alice)
    document = account_export(owner=alice, now=timezone.now())
    account_import(owner=alice, payload=document, replace=True)
    assert Opportunity.objects.filter(owner=alice).count() == 2
    assert Story.objects.filter(owner=alice).count() == 1


def test_importing_the_same_file_twice_adds_nothing_twice(alice, bob):
    _rich_account(alice)
    document = json.loads(json.dumps(account_export(owner=alice, now=timezone.now())))
    first = account_import(owner=bob, payload=document, replace=False)
    assert first.added == {"opportunities": 2, "stories": 1}
    with pytest.raises(ImportFileError, match="already in your account"):
        account_import(owner=bob, payload=document, replace=False)
    with pytest.raises(ImportFileError, match="already in your account"):
        account_import(owner=alice, payload=document, replace=False)  # one's own export
    assert Opportunity.objects.filter(owner=bob).count() == 2
    assert Story.objects.filter(owner=bob).count() == 1


def test_a_file_partly_in_the_account_adds_only_the_rest(alice, bob):
    _rich_account(alice)
    document = json.loads(json.dumps(account_export(owner=alice, now=timezone.now())))
    account_import(owner=bob, payload={**document, "stories": []}, replace=False)
    result = account_import(owner=bob, payload=document, replace=False)
    assert result.added == {"opportunities": 0, "stories": 1}
    assert result.already_there == {"opportunities": 2, "stories": 0}
    assert "2 opportunities" in result.describe() and "left as they are" in result.describe()
    assert Opportunity.objects.filter(owner=bob).count() == 2


def test_importing_twice_through_the_web_says_it_is_already_there(alice_client, alice, bob):
    _rich_account(bob)
    raw = json.dumps(account_export(owner=bob, now=timezone.now())).encode()
    for _ in range(2):
        upload = SimpleUploadedFile("export.json", raw, "application/json")
        response = alice_client.post(reverse("import_upload"), {"file": upload})
    assert response.status_code == 200
    assert "already in your account" in response.content.decode()
    assert Opportunity.objects.filter(owner=alice).count() == 2


def test_an_export_from_before_a_field_existed_still_imports(alice):
    document = _valid_document()
    rounds = document["opportunities"][0]["rounds"]
    debrief = next(r["debrief"][0] for r in rounds if r["debrief"])
    for question in debrief["questions"]:
        del question["competency"], question["kind"]  # added after the first exports
    del debrief["observations"]  # a whole list added later
    result = account_import(owner=alice, payload=document, replace=False)
    assert result.added["opportunities"] == 2
    imported = AskedQuestion.objects.filter(debrief__round__opportunity__owner=alice)
    assert imported.exists()
    assert set(imported.values_list("competency", "kind")) == {("", "")}


def _valid_document():
    owner = make_user()
    _rich_account(owner)
    return json.loads(json.dumps(account_export(owner=owner, now=timezone.now())))


@pytest.mark.parametrize(
    ("corrupt", "message"),
    [
        (lambda d: d.update(format="something-else"), "not a Second Round export"),
        (lambda d: d.update(version=99), "version 99"),
        (lambda d: d.pop("opportunities"), "opportunities should be a list"),
        (lambda d: d["opportunities"].append("text"), "opportunities[2] should be an object"),
        (lambda d: d["opportunities"][0].pop("company"), "opportunities[0] lacks company"),
        (lambda d: d["opportunities"][0].update(status="hired"), "opportunities[0].status: Value"),
        (
            lambda d: d["opportunities"][0]["rounds"][1].update(time_zone="Mars/Olympus"),
            "rounds[1].time_zone: 'Mars/Olympus' is not a known time zone",
        ),
        (
            lambda d: d["opportunities"][0]["rounds"][1].update(starts_at="tomorrow"),
            "rounds[1].starts_at: “tomorrow” value has an invalid format",
        ),
        (
            lambda d: d["opportunities"][0]["rounds"][1].update(starts_at="2026-03-10T09:00:00"),
            "rounds[1].starts_at: the date and time has no time zone offset",
        ),
        (
            lambda d: d["opportunities"][0]["rounds"][1]["interviewers"][1].update(relation="boss"),
            "interviewers[1].relation: Value 'boss' is not a valid choice",
        ),
        (
            lambda d: d["opportunities"][1].update(company=""),
            "opportunities[1].company: This field",
        ),
        (
            lambda d: d["opportunities"][0]["rounds"][1].update(number=1),
            "rounds[1]: Round with this Opportunity and Number already exists.",
        ),
        (lambda d: d["opportunities"][0]["rounds"][1].update(number=0), "rounds[1].number: Ensure"),
        (
            lambda d: d["opportunities"][0]["rounds"][0]["interviewers"][0].update(email="nope"),
            "interviewers[0].email: Enter a valid email address.",
        ),
        (
            lambda d: d["opportunities"][0]["glossary"][1].update(heard_in=7),
            "glossary[1].heard_in: there is no round 7",
        ),
        (
            lambda d: d["opportunities"][0]["rounds"][0]["debrief"][0]["questions"][0].update(
                went="great"
            ),
            "questions[0].went: Value 'great' is not a valid choice",
        ),
        (
            lambda d: d["opportunities"][0]["profile"].append(d["opportunities"][0]["profile"][0]),
            "profile[1].opportunity: Company profile with this Opportunity already exists.",
        ),
    ],
)
def test_bad_file_changes_nothing(alice, corrupt, message):
    make_opportunity(alice, company="Already saved")
    document = _valid_document()
    corrupt(document)
    with pytest.raises(ImportFileError) as refused:
        account_import(owner=alice, payload=document, replace=True)
    assert message in str(refused.value)
    assert list(Opportunity.objects.filter(owner=alice).values_list("company", flat=True)) == [
        "Already saved"
    ]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "not text"),
        (b"{not json", "not valid JSON"),
    ],
)
def test_unreadable_files_are_explained(raw, message):
    with pytest.raises(ImportFileError, match=message):
        load_export(raw)


def test_export_through_the_web_is_a_background_task(alice_client, alice):
    make_opportunity(alice, company="Exported Co")
    response = alice_client.post(reverse("export_create"))
    assert response.status_code == 302
    export = AccountExport.objects.get(owner=alice)
    assert export.status == "ready"  # the immediate backend ran the task inline
    download = alice_client.get(reverse("export_download", args=[export.pk]))
    assert download["Content-Disposition"].startswith("attachment;")
    document = json.loads(b"".join(download.streaming_content))
    assert document["opportunities"][0]["company"] == "Exported Co"


def test_import_through_the_web(alice_client, alice):
    upload = SimpleUploadedFile(
        "export.json", json.dumps(_valid_document()).encode(), "application/json"
    )
    response = alice_client.post(reverse("import_upload"), {"file": upload})
    assert response.status_code == 302
    assert Opportunity.objects.filter(owner=alice).count() == 2


def test_bad_upload_shows_message_and_keeps_data(alice_client, alice):
    make_opportunity(alice, company="Kept")
    upload = SimpleUploadedFile("photo.json", b"\xff\xd8\xff\xe0 JFIF", "image/jpeg")
    response = alice_client.post(reverse("import_upload"), {"file": upload, "replace": "on"})
    assert response.status_code == 200
    assert "Nothing was imported" in response.content.decode()
    assert Opportunity.objects.filter(owner=alice).get().company == "Kept"


def test_a_pending_export_is_polled_until_ready(alice_client, alice):
    AccountExport.objects.create(owner=alice)  # a worker has not taken it yet
    page = alice_client.get(reverse("data_home")).content.decode()
    assert 'hx-trigger="every 1s"' in page and "appears here when ready" in page
    AccountExport.objects.update(status="ready", file="exports/1/x.json")
    page = alice_client.get(reverse("data_home")).content.decode()
    assert 'hx-trigger="every 1s"' not in page and "Download secondround-" in page


def _zip(members: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"[" * 200_000 + b"]" * 200_000, "nests its data too deeply"),
        (_zip({"notes.txt": b"hello"}), "has no secondround-export.json"),
        (
            _zip({"secondround-export.json": b"{}", "../../etc/passwd": b"x"}),
            "unexpected file",
        ),
        (
            _zip({"secondround-export.json": b"{}", "recordings/1.webm": b"\0" * 3_000_000}),
            "unpacks to more",
        ),
        (b"PK\x03\x04 truncated", "damaged"),
    ],
)
def test_bad_archives_are_explained(raw, message):
    with pytest.raises(ImportFileError, match=message):
        load_export(raw, max_unpacked=2_000_000)


def test_export_with_recordings_through_the_web_is_a_zip_that_imports(
    alice_client, alice, bob, tmp_path, settings
):
    from secondround.practice.models import Attempt

    settings.MEDIA_ROOT = tmp_path
    round_ = make_round(make_opportunity(alice, company="Spoken Co"), number=2)
    attempt = Attempt.objects.create(
        round=round_, question_key="why", question_text="Why us?", answer_text="Because."
    )
    attempt.audio.save("answer.webm", SimpleUploadedFile("a.webm", b"\x1aE\xdf\xa3 audio"))

    alice_client.post(reverse("export_create"), {"recordings": "on"})
    export = AccountExport.objects.get(owner=alice)
    download = alice_client.get(reverse("export_download", args=[export.pk]))
    assert download["Content-Type"] == "application/zip"
    assert ".zip" in download["Content-Disposition"]
    raw = b"".join(download.streaming_content)

    from tests.conftest import _client_for

    upload = SimpleUploadedFile("export.zip", raw, "application/zip")
    response = _client_for(bob).post(reverse("import_upload"), {"file": upload})
    assert response.status_code == 302
    copied = Attempt.objects.get(round__opportunity__owner=bob)
    assert copied.answer_text == "Because." and copied.audio.read() == b"\x1aE\xdf\xa3 audio"
