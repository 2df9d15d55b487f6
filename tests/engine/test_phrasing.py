"""The phrasing layer: what form a note has, and agreement with it."""

from __future__ import annotations

import pytest

from secondround.engine.nlp import phrasing


@pytest.mark.parametrize(
    ("note", "clause"),
    [
        # A noun and its predicate with "be" left out, as people write notes.
        ("loyalty sign-ups down this year", "loyalty sign-ups are down this year"),
        ("Carrier costs up 12%", "Carrier costs are up 12%"),
        ("float pool overused", "float pool is overused"),
    ],
)
def test_headline_notes_read_as_clauses(note, clause):
    piece = phrasing.read(note)
    assert piece.form is phrasing.Form.CLAUSE
    assert piece.text == clause


@pytest.mark.parametrize(
    ("noun", "plural"),
    [
        ("the busy classroom and 2 kids with high needs", True),  # two things
        ("cost and service improvements", True),
        ("Alaris pumps", True),
        ("the CAUTI bundle", False),
        ("margin per lane", False),
        ("the rework problem on chute jobs", False),
    ],
)
def test_plural_agreement(noun, plural):
    assert phrasing.plural(noun) is plural


@pytest.mark.parametrize(
    ("note", "clause"),
    [
        # An opening or a launch happened; it was not done to the subject.
        ("Family Hubs opened in 3 wards this year", "Family Hubs opened in 3 wards this year"),
        ("float pool overused", "the float pool is overused"),
    ],
)
def test_ergative_verbs_stay_active(note, clause):
    assert phrasing.clause(phrasing.read(note)) == clause


@pytest.mark.parametrize(
    ("note", "names", "text"),
    [
        ("MASH", ("MASH",), "MASH"),  # a saved acronym alone on its line is not shouted
        ("SAFETY", ("MASH",), "safety"),
        ("cliniko walkthrough", ("Cliniko",), "Cliniko walkthrough"),
        ("a magnet for talent", ("Magnet",), "a magnet for talent"),  # may be the word
        ("no discrepancies since march", (), "no discrepancies since March"),
        ("they march in step", (), "they march in step"),
        # Languages, nationalities, countries and festivals are written with capitals.
        ("learning german for the new site", (), "learning German for the new site"),
        ("loves carnatic music", (), "loves Carnatic music"),
        ("back from kenya after diwali", (), "back from Kenya after Diwali"),
        ("polish the brass fittings", (), "polish the brass fittings"),  # the verb
    ],
)
def test_saved_names_and_months_keep_their_capitals(note, names, text):
    assert phrasing.pieces(note, names=names)[0].text == text


@pytest.mark.parametrize(
    ("note", "names", "said"),
    [
        ("cliniko walkthrough", ("Cliniko",), "the Cliniko walkthrough"),  # a name's thing
        ("Opera PMS", ("Opera PMS",), "Opera PMS"),  # a name
        ("Leeds United", (), "Leeds United"),
    ],
)
def test_a_names_thing_takes_the_article(note, names, said):
    piece = phrasing.pieces(note, names=names)[0]
    assert phrasing.topic(piece, voice=phrasing.Voice.YOU) == said


@pytest.mark.parametrize(
    ("noun", "said"),
    [
        ("Edge of Care team", "the Edge of Care team"),
        ("Bank of America", "Bank of America"),
        ("Guest First", "Guest First"),
    ],
)
def test_a_title_case_name_and_a_names_team(noun, said):
    assert phrasing.with_article(noun) == said


@pytest.mark.parametrize(
    ("note", "said"),
    [
        ("ride along", "ride along"),  # a verb and its particle: the user's noun
        ("paeds sim", "the paeds sim"),  # no verb the lexicon knows
        ("Smile Club membership plan", "the Smile Club membership plan"),  # a name
        ("titrated drips independently", "titrating drips independently"),
        ("google reviews 4.8 (1,200+)", "google reviews 4.8 (1,200+)"),  # a number's comma
    ],
)
def test_the_users_nouns_stay_theirs(note, said):
    assert phrasing.topic(phrasing.read(note)) == said


@pytest.mark.parametrize(
    ("note", "said"),
    [
        ("Kaizer Chiefs supporter, they lost on Sat lol", "you're a Kaizer Chiefs supporter"),
        ("OU football fan", "you're an OU football fan"),
    ],
)
def test_who_a_person_is(note, said):
    assert phrasing.personal(phrasing.read(note)) == ("clause", said)
