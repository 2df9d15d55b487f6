"""A model's reading of an invitation or of notes is kept only where the text supports it,
and merged with the engine's own reading, disagreements marked for review."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from secondround.engine.reading.invitation import parse_invitation
from secondround.engine.reading.invitation_files import (
    calendar_times,
    parse_invitation_text,
    read_invitation_file,
)
from secondround.engine.reading.model_reading import (
    invitation_checked,
    merge_invitation,
    merge_notes,
    notes_checked,
)
from secondround.engine.reading.notes import ToSort, split_notes

EMAIL = """Dear Alex,

We would like to invite you to a second interview on Tuesday, March 10, 2026 (all times ET).

9:30-10:15  Omar Haddad, Controller
10:15-11:00 Priya Raman, Head of Finance

Grace Kim from HR will meet you at reception at 9:15.

Best regards,
Grace Kim
HR Business Partner
"""


def person(name, title=None, start=None, end=None):
    return {"name": name, "title": title, "start": start, "end": end}


def _merged(people):
    parsed = parse_invitation(EMAIL, today=date(2026, 3, 1))
    return merge_invitation(parsed, {"people": people}, text=EMAIL, candidate=("Alex",))


AGREEING = [
    person("Omar Haddad", "Controller", "09:30", "10:15"),
    person("Priya Raman", "Head of Finance", "10:15", "11:00"),
]


def test_a_reading_that_agrees_changes_nothing():
    merged = _merged(AGREEING)
    assert not merged.used and merged.notes == ["", ""]
    assert merged.parsed == parse_invitation(EMAIL, today=date(2026, 3, 1))


@pytest.mark.parametrize(
    ("people", "row", "field", "note"),
    [
        # the model reads another title, written in the e-mail: the row is marked
        (
            [person("Omar Haddad", "HR Business Partner", "09:30", "10:15")],
            0,
            "title",
            "Your model reads the title as “HR Business Partner”",
        ),
        # another time written in the e-mail: marked
        (
            [person("Priya Raman", "Head of Finance", "09:15", None)],
            1,
            "time",
            "Your model reads the time as 09:15",
        ),
        # a person the engine did not list (the sender): added, every field to check
        ([person("Grace Kim", "HR Business Partner", "09:15", None)], 2, "name", "Only your model"),
    ],
)
def test_disagreements_are_marked_for_review(people, row, field, note):
    merged = _merged(people)
    assert merged.used
    assert field in merged.parsed.entries[row].unsure
    assert note in merged.notes[row]


@pytest.mark.parametrize(
    ("people", "dropped"),
    [
        # a person not in the e-mail (the model invented her)
        ([person("Sarah Connor", "CFO", None, None)], "“Sarah Connor” is not in the e-mail."),
        # a title the e-mail does not give
        ([person("Omar Haddad", "Chief Financial Officer")], "“Chief Financial Officer”"),
        # an invented number: a time nobody wrote
        ([person("Omar Haddad", "Controller", "14:45", None)], "14:45 for Omar Haddad"),
    ],
)
def test_what_the_email_does_not_support_is_dropped(people, dropped):
    merged = _merged(people)
    assert any(dropped in reason for reason in merged.dropped)
    assert [e.name for e in merged.parsed.entries] == ["Omar Haddad", "Priya Raman"]
    assert merged.parsed.entries[0].title == "Controller"
    assert merged.parsed.entries[0].start.hour == 9


@pytest.mark.parametrize(
    "reply",
    [None, "prose", {"people": "x"}, {"people": [{"name": 3}]}, {"people": [person("Nobody")]}],
)
def test_a_malformed_reply_is_refused_and_the_engine_stands(reply):
    assert not invitation_checked(reply, text=EMAIL).accepted
    parsed = parse_invitation(EMAIL, today=date(2026, 3, 1))
    assert merge_invitation(parsed, reply, text=EMAIL).parsed == parsed


def test_the_checked_reply_keeps_only_what_the_email_supports():
    checked = invitation_checked(
        {"people": [person("Dr. Omar Haddad", "Controller", "9:30", "23:59"), person("Zed")]},
        text=EMAIL,
    )
    assert json.loads(checked.value) == {
        "people": [{"name": "Omar Haddad", "title": "Controller", "start": "09:30", "end": None}]
    }
    assert "“Zed” is not in the e-mail." in checked.reason
    assert "23:59" in checked.reason


NOTES = """Asked about month-end close - went fine
- Tell me about a conflict with a coworker? struggled
+ they liked my reconciliation automation
forgot to mention my CPA
She worried I have no SAP experience
Mentioned NetSuite and Blackline
"""

SORTED = {
    "questions": [
        {"text": "Asked about month-end close", "went": "comfortable"},
        {"text": "Tell me about a conflict with a coworker?", "went": "struggled"},
    ],
    "positives": ["they liked my reconciliation automation"],
    "misses": ["forgot to mention my CPA"],
    "concerns": ["She worried I have no SAP experience"],
    "terms": ["SAP", "NetSuite"],
}


def test_notes_sorted_alike_change_nothing_but_new_terms_wait_to_be_sorted():
    split = split_notes(NOTES)
    merged = merge_notes(split, SORTED, text=NOTES)
    assert merged.split.positives == split.positives
    assert merged.split.questions == split.questions
    assert [(t.text, t.guess) for t in merged.split.to_sort] == [("NetSuite", "terms")]


def test_a_disagreement_goes_to_sort_with_why():
    reply = SORTED | {"positives": [], "concerns": ["they liked my reconciliation automation"]}
    split = split_notes(NOTES)
    unsure = replace(split, confidence=split.confidence | {"positives": [0.6]})
    merged = merge_notes(unsure, reply, text=NOTES)
    assert merged.split.positives == []
    waiting = {t.text: t.guess for t in merged.split.to_sort}
    assert waiting["they liked my reconciliation automation"] == "positives"
    assert any("your model under their concerns" in note for note in merged.notes)
    assert len(merged.split.confidence["positives"]) == 0


def test_a_placement_by_a_strong_rule_is_not_put_in_doubt():
    reply = {"concerns": ["they liked my reconciliation automation"]}  # "+": a positive
    split = split_notes(NOTES)
    assert split.confidence["positives"] == [0.8]
    assert merge_notes(split, reply, text=NOTES).split == split


@pytest.mark.parametrize(
    ("reply", "dropped"),
    [
        # not a span of the notes: the model rephrased
        ({"misses": ["I forgot to mention my CPA licence"]}, "is not in your notes"),
        # an invented number
        ({"positives": ["they liked my 40% reconciliation automation"]}, "is not in your notes"),
        # a term the notes do not have
        ({"terms": ["Oracle"]}, "is not in your notes"),
    ],
)
def test_items_that_are_not_spans_of_the_notes_are_dropped(reply, dropped):
    split = split_notes(NOTES)
    merged = merge_notes(split, reply, text=NOTES)
    assert merged.split == split and not merged.used
    assert dropped in merged.dropped[0]
    assert not notes_checked(reply, text=NOTES).accepted


def test_an_item_the_engine_could_not_place_is_placed_when_the_model_agrees():
    notes = "the commute would be long"
    split = split_notes(notes)

    unsure = replace(
        split,
        concerns=[],
        other=[],
        confidence={},
        to_sort=[ToSort("the commute would be long", "concerns", 0.3)],
    )
    merged = merge_notes(unsure, {"concerns": ["the commute would be long"]}, text=notes)
    assert merged.split.concerns == ["the commute would be long"] and merged.split.to_sort == []
    assert "your model agrees" in merged.notes[0]


@pytest.mark.parametrize("reply", [None, [], "text", {"questions": "no"}, {"terms": [1, None]}])
def test_a_malformed_notes_reply_leaves_the_engine_reading(reply):
    split = split_notes(NOTES)
    assert merge_notes(split, reply, text=NOTES).split == split
    assert not notes_checked(reply, text=NOTES).accepted


# ---- a calendar invitation: its attendees and times stay as the engine read them ---------

CALENDAR = Path(__file__).parent / "fixtures" / "invitation_files" / "panel_with_description.ics"


@pytest.mark.parametrize(
    ("clock", "note"),
    [
        ("09:45", "Your model reads the time as 09:45; the calendar's time is kept."),
        ("10:00", ""),  # agreeing with the calendar: nothing to say
        (None, ""),
    ],
)
def test_a_calendars_time_is_kept_whatever_the_model_reads(clock, note):
    source = read_invitation_file(CALENDAR.read_bytes(), CALENDAR.name)
    parsed = parse_invitation_text(source, today=date(2026, 7, 1))
    amara = next(e for e in parsed.entries if e.name == "Amara Okafor")
    assert amara.start == source.start and amara.email == "amara.okafor@stmarys.nhs.uk"
    reply = {"people": [person("Dr Amara Okafor", "Director of Nursing", clock, None)]}
    merged = merge_invitation(parsed, reply, text=source.text, settled_times=calendar_times(source))
    row = parsed.entries.index(amara)
    assert merged.parsed.entries[row] == amara  # time, e-mail and what to check: as read
    assert merged.notes[row] == note
    if clock == "09:45":  # without the calendar's word, the same reply puts the time in doubt
        loose = merge_invitation(parsed, reply, text=source.text)
        assert loose.notes[row] == "Your model reads the time as 09:45."
