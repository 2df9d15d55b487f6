"""Which names of a round-1 note are terms to look up: tools named in answers, and the
acronyms a note uses for a job or a person, which are not."""

from __future__ import annotations

import pytest

from secondround.engine.reading.note_terms import role_acronyms, terms_in
from secondround.engine.reading.notes import split_notes


@pytest.mark.parametrize(
    ("note", "wanted"),
    [
        # The tools the candidate names in an answer are worth a look before round 2.
        ("Q: which ticketing tools have you used?\nA: fine, Jira + a bit of Zendesk\n", "Jira"),
        ("Q: how do you plan a site schedule?\nA: said I use Smartsheet daily\n", "Smartsheet"),
        ("- what booking software? -> ok, Opera mostly\n", "Opera"),
        ("Q: what till systems?\nA: mostly Lightspeed, some Toast\n", "Toast"),
    ],
)
def test_answer_names_a_tool(note: str, wanted: str) -> None:
    assert wanted in split_notes(note).terms


@pytest.mark.parametrize(
    ("note", "unwanted"),
    [
        # An answer's jargon, story names and people stay out.
        ("Q: a patient who got worse?\nA: OK, used the SBAR story\n", "SBAR"),
        ("Q: a time you let someone go?\nA: flustered, said too much about Dave\n", "Dave"),
        ("Q: a conflict at work?\nA: used the Jordan coaching story, fine\n", "Jordan"),
        ("Q: shared calendars?\nA: I use a shared calendar, decent\n", "decent"),
        # An acronym the note uses for the job or a person in the room is no term.
        ("BCBA interview at Elm Clinic\n- the lead BCBA asked about data sheets\n", "BCBA"),
        ("Panel: head and DPO. The DPO asked about breach logs.\n", "DPO"),
        ("Met the PMO lead and the ops director. they use Procore.\n", "PMO"),
        ("ok so the RCM panel, the RCM asked about CTG training\n", "RCM"),
        # A list after "use" ends where a verb starts a new clause.
        ("Went ok. They use Toggl and Asana, need to read up on their sprints\n", "need"),
        ("Went ok. They use Lightspeed, order from Brakes\n", "order"),
        # A job title in short is who someone is, not a name to look up.
        ("- how would you work with the OT on a discharge plan? fine\n", "OT"),
        ("- asked if I could cover for the CNA on nights\n", "CNA"),
    ],
)
def test_not_a_term(note: str, unwanted: str) -> None:
    assert unwanted not in split_notes(note).terms


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("SLP interview at Riverside", {"SLP"}),
        ("a senior OTA and the clinic manager", {"OTA"}),
        ("the AP asked about my caseload", {"AP"}),
        ("they run EPIC and the NHS values came up", set()),
        ("", set()),
    ],
)
def test_role_acronyms(text: str, roles: set[str]) -> None:
    assert role_acronyms(text) == roles


@pytest.mark.parametrize(
    ("sentence", "terms"),
    [
        ("fine, Postman + a bit of RestAssured", ["Postman", "RestAssured"]),
        ("talked through MEWS and the NEWS2 chart", []),
        ("ok, Dentrix mostly", ["Dentrix"]),
        ("", []),
    ],
)
def test_own_words_give_tools_only(sentence: str, terms: list[str]) -> None:
    assert [term.text for term in terms_in(sentence, own=True)] == terms
