"""Pasting an invitation: parse, review, fix, save; nothing is saved before review."""

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import local, make_opportunity, make_round

pytestmark = pytest.mark.django_db

INVITATION = """\
Hi Alex,

We'd like to invite you back on Tuesday, March 10, 2026 at our office, 10 Main Street, Leeds.

Schedule (all times UK time):
- 09:30 - 10:15  Dana Whitfield, Director of Network Planning (hiring manager)
- 10:15 - 11:00  Marcus Oyelaran, VP Supply Chain
- 11:15 - 12:00  Siobhán O'Neill, Senior Operations Analyst

Best,
Priya
"""


@pytest.fixture
def empty_round(alice):
    return make_round(make_opportunity(alice), starts_at=None, time_zone="Europe/London")


def test_parse_shows_rows_for_review_and_saves_nothing(alice_client, empty_round):
    response = alice_client.post(
        reverse("invitation_parse", args=[empty_round.pk]), {"text": INVITATION}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Found 3 interviewers" in page
    assert 'value="Dana Whitfield"' in page and 'value="Marcus Oyelaran"' in page
    assert not empty_round.interviewers.exists()


def test_parse_with_htmx_returns_only_the_review(alice_client, empty_round):
    response = alice_client.post(
        reverse("invitation_parse", args=[empty_round.pk]),
        {"text": INVITATION},
        headers={"HX-Request": "true"},
    )
    page = response.content.decode()
    assert "<html" not in page and 'value="Siobhán O&#x27;Neill"' in page


def test_nothing_parsable_says_so_and_offers_a_row(alice_client, empty_round):
    response = alice_client.post(
        reverse("invitation_parse", args=[empty_round.pk]),
        {"text": "Thanks for your time today, we will be in touch."},
    )
    page = response.content.decode()
    assert "No interviewers could be read" in page
    assert 'name="form-TOTAL_FORMS" value="1"' in page


def _row(index, **values):
    return {f"form-{index}-{key}": value for key, value in values.items()}


def test_save_reviewed_rows_sets_round_date_and_skips_unticked(alice_client, empty_round):
    data = {
        "form-TOTAL_FORMS": "3",
        "form-INITIAL_FORMS": "0",
        "day": "2026-03-10",
        "time_zone": "Europe/London",
        "location": "10 Main Street, Leeds",
        "video_link": "",
        **_row(
            0,
            keep="on",
            name="Dana Whitfield",
            title="Director",
            relation="hiring_manager",
            start_time="09:30",
            end_time="10:15",
        ),
        **_row(
            1,
            keep="on",
            name="Marcus Oyelaran",
            title="VP",
            relation="managers_manager",
            start_time="10:15",
            end_time="11:00",
        ),
        **_row(2, name="Lunch", relation="other", start_time="12:00"),
    }
    response = alice_client.post(reverse("invitation_save", args=[empty_round.pk]), data)
    assert response.status_code == 302
    empty_round.refresh_from_db()
    people = list(empty_round.interviewers.all())
    assert [person.name for person in people] == ["Dana Whitfield", "Marcus Oyelaran"]
    assert people[1].relation == "managers_manager"
    assert people[0].starts_at == local(2026, 3, 10, 9, 30, "Europe/London")
    assert empty_round.starts_at == local(2026, 3, 10, 9, 30, "Europe/London")
    assert empty_round.ends_at == local(2026, 3, 10, 11, 0, "Europe/London")
    assert empty_round.location == "10 Main Street, Leeds"


def test_save_with_a_nameless_ticked_row_explains_and_saves_nothing(alice_client, empty_round):
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "0",
        "time_zone": "UTC",
        **_row(0, keep="on", name="", relation="peer"),
    }
    response = alice_client.post(reverse("invitation_save", args=[empty_round.pk]), data)
    assert "A name is needed" in response.content.decode()
    assert not empty_round.interviewers.exists()


def test_oversized_paste_is_refused(alice_client, empty_round, settings):
    settings.SECONDROUND_MAX_PASTE_CHARS = 500
    response = alice_client.post(
        reverse("invitation_parse", args=[empty_round.pk]), {"text": "x" * 501}
    )
    assert "the limit is 500" in response.content.decode()


FILES = Path(__file__).parent / "engine" / "fixtures" / "invitation_files"


def _upload(client, round_, name: str, data: bytes | None = None, **extra):
    upload = SimpleUploadedFile(name, data if data is not None else (FILES / name).read_bytes())
    return client.post(
        reverse("invitation_parse", args=[round_.pk]), {"text": "", "file": upload}, **extra
    )


def test_an_eml_upload_is_read_for_review(alice_client, empty_round):
    response = _upload(alice_client, empty_round, "supervisor_plain_and_html.eml")
    page = response.content.decode()
    assert "Found 2 interviewers" in page
    assert 'value="Zoë Lefèvre"' in page and 'value="Hendrik van der Berg"' in page
    # The line each row came from, and the rest of the day for the round's notes.
    assert "From the e-mail:" in page and "Warehouse Operations Manager (you would report" in page
    assert "10:45–11:15 Site tour" in page
    assert 'name="day" value="2026-07-07"' in page
    assert not empty_round.interviewers.exists()


def test_an_ics_upload_fills_emails_and_flags_what_to_check(alice_client, empty_round):
    response = _upload(alice_client, empty_round, "ward7_panel.ics", headers={"HX-Request": "true"})
    page = response.content.decode()
    assert 'value="amara.okafor@stmarys.nhs.uk"' in page
    assert 'name="form-0-honorific" value="Dr"' in page
    assert "jo.bloggs" not in page  # the candidate's own mailbox is not an interviewer
    assert 'class=" unsure"' in page and "please check" in page


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("photo.txt", b"\x00\x01binary\x00" * 40, "This file is not text."),
        ("invite.ics", b"BEGIN:VCALENDAR\r\nnonsense", "could not be read"),
        ("mail.msg", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "Outlook .msg"),
    ],
)
def test_an_unreadable_upload_says_why_and_saves_nothing(
    alice_client, empty_round, name, data, message
):
    response = _upload(alice_client, empty_round, name, data, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not empty_round.interviewers.exists()


def test_neither_paste_nor_file_asks_for_one(alice_client, empty_round):
    response = alice_client.post(
        reverse("invitation_parse", args=[empty_round.pk]),
        {"text": "   "},
        headers={"HX-Request": "true"},
    )
    assert "Paste the e-mail, or choose the file it came in." in response.content.decode()


def test_save_keeps_the_honorific_apart_and_the_agenda_in_notes(alice_client, empty_round):
    data = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "0",
        "day": "2026-07-14",
        "time_zone": "Europe/London",
        "agenda": "11:00 Ward tour",
        **_row(0, keep="on", honorific="Dr", name="Amara Okafor", relation="senior_leader"),
    }
    response = alice_client.post(reverse("invitation_save", args=[empty_round.pk]), data)
    assert response.status_code == 302
    person = empty_round.interviewers.get()
    assert (person.honorific, person.name, person.full_name) == (
        "Dr",
        "Amara Okafor",
        "Dr Amara Okafor",
    )
    empty_round.refresh_from_db()
    assert "11:00 Ward tour" in empty_round.notes
    # Saving the same day again does not write it twice.
    alice_client.post(reverse("invitation_save", args=[empty_round.pk]), data)
    empty_round.refresh_from_db()
    assert empty_round.notes.count("11:00 Ward tour") == 1


HTML_ONLY_EML = (
    b"From: Recruiting <jobs@example.com>\r\nTo: Alex <alex@example.net>\r\n"
    b"Date: Mon, 01 Jun 2026 10:00:00 +0100\r\nSubject: Interview\r\nMIME-Version: 1.0\r\n"
    b'Content-Type: text/html; charset="utf-8"\r\n\r\n'
    b"<p>Dear Alex,</p><p>Your interview is on <b>Tuesday 9 June 2026</b> at 14:00.</p>"
    b"<p>Your panel will be:</p><ul><li>Ms Grainne Walsh - Ward Manager</li>"
    b"<li>Mr Tomasz Nowak - Charge Nurse</li></ul><p>Kind regards,<br>Recruitment</p>"
)
NON_ENGLISH = (
    "Bonjour Alex,\n\nNous avons le plaisir de vous inviter à un second entretien le mardi "
    "9 juin 2026 à 14h00 avec Mme Claire Dubois, directrice des ressources humaines, et "
    "M. Luc Martin, responsable du service. Merci de confirmer votre présence.\n\nCordialement"
)


@pytest.mark.parametrize(
    ("post", "says"),
    [
        ({"text": ""}, "Paste the e-mail, or choose the file it came in."),
        ({"text": "\x00\x01\x02\x7f" * 200}, "Null characters are not allowed."),
        ({"text": "\x01\x02\x7f\ufffd" * 200}, "No interviewers could be read"),
        ({"text": "Interview with Priya Raman at 10:00. " * 150_000}, "the limit is 200,000"),
        ({"text": NON_ENGLISH}, "does not seem to be in English"),
        (
            {"file": ("no_attendees.ics", (FILES / "no_attendees.ics").read_bytes())},
            "The invitation lists no attendees",
        ),
        ({"file": ("offer.eml", HTML_ONLY_EML)}, 'value="Grainne Walsh"'),
    ],
    ids=[
        "empty",
        "nul-paste",
        "binary-paste",
        "5-MB-paste",
        "not-english",
        "ics-no-attendees",
        "html-eml",
    ],
)
def test_hard_input_gets_a_message_and_saves_nothing(alice_client, empty_round, post, says):
    data = {"text": post.get("text", "")}
    if "file" in post:
        name, content = post["file"]
        data["file"] = SimpleUploadedFile(name, content)
    response = alice_client.post(
        reverse("invitation_parse", args=[empty_round.pk]), data, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert says in response.content.decode()
    assert not empty_round.interviewers.exists()
    empty_round.refresh_from_db()
    assert empty_round.starts_at is None and not empty_round.notes


def test_review_shows_the_line_each_field_came_from(alice_client, empty_round):
    text = (
        "Dear Sam,\n\nYour panel interview is on Tuesday 9 June 2026, 14:00-15:00 (UK time),"
        " at 5 Station Road, Leeds.\n\nYour panel will be:\n- Ms Grainne Walsh - Ward Manager\n"
        "- Mr Tomasz Nowak - Charge Nurse\n\nKind regards,\nRecruitment"
    )
    response = alice_client.post(reverse("invitation_parse", args=[empty_round.pk]), {"text": text})
    page = response.content.decode()
    assert "From the e-mail:" in page and "Ms Grainne Walsh - Ward Manager" in page
    # The panel's slot is read from another line: that line is shown beside the time.
    assert "Time from:" in page and "14:00-15:00 (UK time)" in page
    assert "Date from the e-mail:" in page


def test_saving_the_same_invitation_twice_keeps_one_row_per_person(alice_client, empty_round):
    first = {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "0",
        "day": "2026-07-14",
        "time_zone": "Europe/London",
        **_row(0, keep="on", name="Amara Okafor", relation="senior_leader"),
    }
    alice_client.post(reverse("invitation_save", args=[empty_round.pk]), first)
    again = {
        **first,
        "form-TOTAL_FORMS": "2",
        # The same person, now with a title, in another case; and someone new.
        **_row(0, keep="on", name="amara  okafor", title="Ward Manager", relation="peer"),
        **_row(1, keep="on", name="Tomasz Nowak", title="Charge Nurse", relation="peer"),
    }
    response = alice_client.post(
        reverse("invitation_save", args=[empty_round.pk]), again, follow=True
    )
    people = list(empty_round.interviewers.order_by("position"))
    assert [p.name for p in people] == ["Amara Okafor", "Tomasz Nowak"]
    assert people[0].title == "Ward Manager"  # an empty field is filled
    assert people[0].relation == "senior_leader"  # what was saved wins
    assert "1 was already on the roster" in response.content.decode()


@pytest.mark.parametrize(
    ("round_zone", "shown", "not_shown"),
    [
        # "(CET)" is the clock of Berlin as much as of Paris: the round's own city stays.
        ("Europe/Berlin", "Europe/Berlin", "Europe/Paris"),
        # A zone with another clock is the e-mail's word, and it wins.
        ("Europe/London", "Europe/Paris", "Europe/London"),
    ],
)
def test_a_zone_abbreviation_keeps_the_rounds_city_when_the_clock_is_the_same(
    alice_client, alice, round_zone, shown, not_shown
):
    round_ = make_round(make_opportunity(alice), starts_at=None, time_zone=round_zone)
    text = (
        "Dear Alex,\n\nYour second interview is on Tuesday 15 December 2026.\n"
        "Time: 09:30 - 12:00 (CET)\n\nPanel:\n"
        "- Markus Schäfer, Head of Operations\n- Jonas Weber, Shift Lead\n\nBest,\nAnna"
    )
    page = alice_client.post(reverse("invitation_parse", args=[round_.pk]), {"text": text})
    box = re.search(r'<input[^>]*name="time_zone"[^>]*>', page.content.decode()).group(0)
    assert f'value="{shown}"' in box and f'value="{not_shown}"' not in box
