import json
import subprocess
import sys
from pathlib import Path

import pytest

from secondround.cli import main

FIXTURES = Path(__file__).parent / "engine" / "fixtures" / "invitations"


def test_parse_invitation_prints_roster_json(tmp_path, capsys):
    email = tmp_path / "invite.txt"
    email.write_text(
        "You will meet with:\n"
        "- 10:00 - 10:45 ET  Dana Whitfield, Director of Operations (hiring manager)\n"
        "- 11:00 - 11:30 ET  Priya Raman, Talent Partner\n"
        "on Tuesday, March 10, 2026.\n"
    )
    assert main(["parse-invitation", str(email), "--today", "2026-03-01"]) == 0
    roster = json.loads(capsys.readouterr().out)
    # The original keys stay; fields are only ever added.
    assert all({"name", "title", "relation", "start", "end"} <= set(row) for row in roster)
    assert len(roster) == 2
    assert roster[0]["name"] == "Dana Whitfield"
    assert roster[0]["relation"] == "hiring_manager"
    assert roster[0]["start"] == "2026-03-10T10:00:00-04:00"
    assert roster[1]["relation"] == "hr"


def test_parse_invitation_full_reading_has_the_agenda_and_the_round(tmp_path, capsys):
    email = tmp_path / "invite.txt"
    email.write_text(
        "Subject: Second interview\n\n"
        "Your second interview is on Tuesday, May 12, 2026 at our Leeds office.\n"
        "10:00 - 10:45  Dana Whitfield, Ward Manager\n"
        "10:45 - 11:15  Tour of the unit\n"
        "11:15 - 11:45  Priya Raman, Practice Educator\n"
    )
    assert main(["parse-invitation", str(email), "--today", "2026-05-01", "--full"]) == 0
    reading = json.loads(capsys.readouterr().out)
    assert [row["name"] for row in reading["roster"]] == ["Dana Whitfield", "Priya Raman"]
    assert [item["label"] for item in reading["agenda"]] == ["Tour of the unit"]
    assert reading["date"] == "2026-05-12"
    assert set(reading) >= {"time_zone", "location", "video_link", "sources", "warnings"}


def test_parse_invitation_of_a_missing_file_is_a_clear_error():
    with pytest.raises(SystemExit, match="no such file"):
        main(["parse-invitation", "/nonexistent/invite.txt"])


def test_installed_command_runs(tmp_path):
    email = tmp_path / "empty.txt"
    email.write_text("Nothing to see here.")
    result = subprocess.run(
        [sys.executable, "-m", "secondround.cli", "parse-invitation", str(email)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout) == []
    assert "No interviewers" in result.stderr


@pytest.mark.django_db(transaction=True)
def test_export_then_import_from_the_command_line(tmp_path, alice, bob, capsys):
    from secondround.opportunities.models import Opportunity
    from tests.factories import make_opportunity

    make_opportunity(alice, company="CLI Co")
    target = tmp_path / "alice.json"
    assert main(["export", str(target), "--user", "alice"]) == 0
    assert main(["import", str(target), "--user", "bob"]) == 0
    assert Opportunity.objects.get(owner=bob).company == "CLI Co"

    target.write_text('{"format": "secondround-export", "version": 7}')
    assert main(["import", str(target), "--user", "bob"]) == 1
    assert "nothing was imported" in capsys.readouterr().err
    assert Opportunity.objects.filter(owner=bob).count() == 1


@pytest.mark.django_db(transaction=True)
def test_export_needs_a_user_when_there_are_several(tmp_path, alice, bob):
    with pytest.raises(SystemExit, match="--user"):
        main(["export", str(tmp_path / "x.json")])


def test_split_notes_prints_the_five_fields(tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text(
        "Questions:\n- Why do you want to work here? (struggled)\n"
        "Went well:\n- They liked my budget story\n"
        "Forgot:\n- my CPA licence\n"
        "Concerns:\n- worried I have no hospital experience\n"
        "Terms: Epic, Kronos\n"
    )
    assert main(["split-notes", str(notes)]) == 0
    result = json.loads(capsys.readouterr().out)
    # The five fields keep their shape; what the engine was unsure of comes after them.
    assert list(result) == [
        "questions",
        "positives",
        "misses",
        "concerns",
        "terms",
        "to_sort",
        "confidence",
    ]
    assert result["to_sort"] == []
    assert result["questions"] == [{"text": "Why do you want to work here?", "went": "struggled"}]
    assert result["misses"] == ["my CPA licence"]
    assert result["terms"] == ["Epic", "Kronos"]


def test_match_prints_the_best_three_stories_per_question(tmp_path, capsys):
    stories = [
        {
            "id": "falls",
            "title": "Falls prevention",
            "situation": "Our ward had many patient falls.",
            "task": "Reduce falls.",
            "action": "I audited falls and trained staff on hourly rounding.",
            "result": "Falls dropped from 12 to 4 a month.",
        },
        {
            "id": "family",
            "title": "Angry family",
            "situation": "A family was furious about a delay.",
            "task": "Calm them.",
            "action": "I listened, apologised and arranged a meeting.",
            "result": "They thanked us in writing.",
        },
        {
            "id": "rota",
            "title": "Rota",
            "situation": "Shifts were uncovered.",
            "task": "Fill them.",
            "action": "I rebuilt the rota with the team.",
            "result": "No gaps for six months.",
        },
        {
            "id": "budget",
            "title": "Budget",
            "situation": "Supplies overspent.",
            "task": "Cut costs.",
            "action": "I renegotiated two supplier contracts.",
            "result": "Saved 8% in a year.",
        },
    ]
    questions = [{"id": "q1", "text": "Tell me about a time you dealt with an upset relative."}]
    (tmp_path / "stories.json").write_text(json.dumps(stories))
    (tmp_path / "questions.json").write_text(json.dumps(questions))
    assert main(["match", str(tmp_path / "stories.json"), str(tmp_path / "questions.json")]) == 0
    result = json.loads(capsys.readouterr().out)
    assert list(result) == ["q1"]
    assert len(result["q1"]) == 3
    assert result["q1"][0]["story"] == "family"
    assert result["q1"][0]["score"] >= result["q1"][1]["score"]
    assert set(result["q1"][0]) == {"story", "score", "covered", "reasons", "cover_probability"}
    assert result["q1"][0]["covered"] is True
    assert 0.0 <= result["q1"][0]["cover_probability"] <= 1.0


def test_match_explains_a_bad_file(tmp_path):
    (tmp_path / "stories.json").write_text('{"not": "a list"}')
    (tmp_path / "questions.json").write_text("[]")
    with pytest.raises(SystemExit, match="expected a JSON list"):
        main(["match", str(tmp_path / "stories.json"), str(tmp_path / "questions.json")])


@pytest.mark.django_db(transaction=True)
def test_letters_and_brief_from_the_command_line(tmp_path, capsys, alice):
    from pypdf import PdfReader

    from secondround.followup.models import InterviewerNote
    from tests.factories import make_interviewer, make_opportunity, make_round

    opportunity = make_opportunity(alice, company="Northwind Freight")
    round_ = make_round(opportunity, number=2)
    dana = make_interviewer(round_, name="Dana Whitfield", relation="hiring_manager")
    make_interviewer(round_, name="Priya Raman", relation="hr")
    InterviewerNote.objects.create(interviewer=dana, discussed="the Joliet hub ramp-up")

    assert main(["letters", str(opportunity.pk), "2"]) == 0
    letters = json.loads(capsys.readouterr().out)
    assert [set(letter) for letter in letters] == [
        {"interviewer", "subject", "body", "generic"}
    ] * 2
    assert letters[0]["interviewer"] == "Dana Whitfield" and not letters[0]["generic"]
    assert "Joliet hub" in letters[0]["body"]
    assert letters[1]["generic"] is True

    target = tmp_path / "brief.pdf"
    assert main(["brief", str(opportunity.pk), str(round_.pk), "--pdf", str(target)]) == 0
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Dana Whitfield" in text and "Priya Raman" in text

    with pytest.raises(SystemExit, match="no round 9"):
        main(["brief", str(opportunity.pk), "9"])


@pytest.mark.django_db(transaction=True)
def test_drafts_prints_everything_drafted_for_a_round(capsys, alice):
    from secondround.followup.models import FollowUp, InterviewerNote
    from tests.factories import make_interviewer, make_opportunity, make_round

    opportunity = make_opportunity(alice, company="Northwind Freight")
    round_ = make_round(opportunity, number=2)
    dana = make_interviewer(round_, name="Dana Whitfield", relation="hiring_manager")
    make_interviewer(round_, name="Priya Raman", relation="hr")
    InterviewerNote.objects.create(
        interviewer=dana, discussed="Discussed empty miles from Wisconsin", personal="she"
    )
    FollowUp.objects.create(round=round_)  # no contact name: never "Dear there,"

    assert main(["drafts", str(opportunity.pk), "2"]) == 0
    drafts = json.loads(capsys.readouterr().out)
    assert {"answers", "bank", "ask", "plan", "salary", "letters", "follow_up"} <= set(drafts)
    assert [a["question"] for a in drafts["answers"]] == [
        "What have you learned about us so far?",
        "How would you proceed if you were hired into this job?",
    ]
    assert [p["interviewer"] for p in drafts["ask"]] == ["Dana Whitfield", "Priya Raman"]
    assert [phase["days"] for phase in drafts["plan"]] == [30, 60, 90]
    letter = drafts["letters"][0]
    assert "empty miles from Wisconsin" in letter["body"] and "Discussed" not in letter["body"]
    assert {"interviewer", "subject", "body", "card", "generic", "references"} <= set(letter)
    assert drafts["follow_up"]["body"].startswith("Dear Priya,")  # the recruiter of the round
    assert "Dear there" not in json.dumps(drafts)


def test_analyse_answer_prints_the_report(tmp_path, capsys):
    answer = tmp_path / "answer.txt"
    answer.write_text(
        "Last year our clinic had long waiting times. I was asked to fix the booking process. "
        "Um, I mapped every step, I, like, interviewed ten patients and I moved reminders to text. "
        "As a result, waiting time fell from 40 to 15 minutes."
    )
    assert (
        main(
            [
                "analyse-answer",
                str(answer),
                "--seconds",
                "45",
                "--question",
                "Tell me about a time you improved a process.",
            ]
        )
        == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert {"words", "seconds", "words_per_minute", "fillers", "star", "suggestions"} <= set(report)
    assert report["fillers"]["count"] == 2
    assert report["fillers"]["per_minute"] == pytest.approx(2 * 60 / 45, rel=0.01)
    assert report["star"][0] == "situation" and report["star"][-1] == "result"


@pytest.mark.django_db(transaction=True)
def test_readiness_prints_the_path(capsys, alice):
    from tests.factories import make_interviewer, make_opportunity, make_round

    opportunity = make_opportunity(alice, company="Northwind Freight")
    make_round(opportunity, number=1)
    round_ = make_round(opportunity, number=2)
    make_interviewer(round_, name="Dana Whitfield", relation="hiring_manager")

    assert main(["readiness", str(opportunity.pk), "2"]) == 0
    path = json.loads(capsys.readouterr().out)
    assert 0 <= path["readiness"] < 1
    keys = [step["key"] for step in path["steps"]]
    assert keys[:2] == ["roster", "debrief"] and keys[-1] == "after"
    assert path["steps"][0]["status"] == "done"
    assert path["next_step"]["key"] == "debrief"
    assert path["next_step"]["detail"] == "No debrief yet"
    with pytest.raises(SystemExit, match="no round 7"):
        main(["readiness", str(opportunity.pk), "7"])


@pytest.mark.parametrize(
    ("question", "kind", "ground"),
    [
        ("Tell me about a time you calmed an upset patient.", "behavioral", None),
        ("Are you planning to have children?", "illegal", "pregnancy"),
        ("Are you legally entitled to work in this country?", "technical", None),
    ],
)
def test_classify_question_prints_its_labels(capsys, question, kind, ground):
    assert main(["classify-question", question]) == 0
    labels = json.loads(capsys.readouterr().out)
    # The original keys stay; fields are only ever added.
    assert {"competency", "kind", "illegal_ground", "caution"} <= set(labels)
    assert labels["kind"] == kind
    assert labels["illegal_ground"] == ground


@pytest.mark.django_db(transaction=True)
def test_drafts_say_the_role_without_the_boards_gender_tag(capsys, alice):
    from secondround.followup.models import FollowUp, InterviewerNote
    from tests.factories import make_interviewer, make_opportunity, make_round

    opportunity = make_opportunity(alice, company="Rheinland Logistik GmbH")
    opportunity.role_title = "Schichtleiter Lager (m/w/d)"
    opportunity.save()
    round_ = make_round(opportunity, number=2)
    jonas = make_interviewer(round_, name="Jonas Weber", relation="hiring_manager")
    InterviewerNote.objects.create(interviewer=jonas, discussed="pick rates on the night shift")
    FollowUp.objects.create(round=round_)

    assert main(["drafts", str(opportunity.pk), "2"]) == 0
    text = capsys.readouterr().out
    assert "Schichtleiter Lager" in text
    assert "m/w/d" not in text


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("contact", "greeting"),
    [
        ("Ramesh Iyer", "Dear Prof. Iyer,"),  # typed without the roster's honorific
        ("", "Dear Prof. Iyer,"),  # nobody typed: the hiring manager, as the roster has him
        ("Anita Rao", "Dear Anita,"),  # someone not on the roster: as typed
    ],
)
def test_the_follow_up_greets_a_roster_person_as_the_letters_do(capsys, alice, contact, greeting):
    from secondround.followup.models import FollowUp
    from tests.factories import make_interviewer, make_opportunity, make_round

    opportunity = make_opportunity(alice, company="Manipal Research Office")
    round_ = make_round(opportunity, number=2)
    make_interviewer(round_, name="Ramesh Iyer", honorific="Prof.", relation="hiring_manager")
    FollowUp.objects.create(round=round_, contact_name=contact)

    assert main(["drafts", str(opportunity.pk), "2"]) == 0
    drafts = json.loads(capsys.readouterr().out)
    assert drafts["follow_up"]["body"].startswith(greeting)
    assert any(letter["body"].startswith("Dear Prof. Iyer,") for letter in drafts["letters"])
