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
        ("ride along", "the ride along"),  # a noun and its particle: the user's noun
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


@pytest.mark.parametrize(
    ("note", "said"),
    [
        ("opening the second shop in Feb", "in February"),
        ("moving to Leeds in sept", "in September"),
        ("rota planned on tuesdays", "on Tuesdays"),
        ("back from leave since jan", "since January"),
    ],
)
def test_months_and_weekdays_are_written_out(note: str, said: str) -> None:
    assert said in phrasing.pieces(note)[0].text


@pytest.mark.parametrize(
    ("note", "clause"),
    [
        # An intransitive verb after a noun is a past tense, never a headline's passive.
        ("coach party of 40 arrived early", "coach party of 40 arrived early"),
        ("two new porters started in March", "two new porters started in March"),
    ],
)
def test_an_intransitive_past_is_not_made_passive(note: str, clause: str) -> None:
    piece = phrasing.read(note)
    said = phrasing.clause(piece, voice=phrasing.Voice.OWN) or ""
    assert clause in said
    assert " is arrived" not in said and " are started" not in said


@pytest.mark.parametrize(
    ("noun", "said"),
    [
        ("5 of 6 at expected level by June", "5 of 6 at expected level by June"),
        ("3 of 4 first-time passes", "3 of 4 first-time passes"),
        ("8-week waiting list", "an 8-week waiting list"),
        ("zero downtime", "zero downtime"),
    ],
)
def test_a_count_takes_no_article(noun: str, said: str) -> None:
    assert phrasing.topic(phrasing.read(noun), article="a") == said


@pytest.mark.parametrize(
    ("note", "said"),
    [
        # A word that is a noun too, before a preposition, is the user's noun: never
        # rewritten as a verb ("damping in the flats", "riding along").
        ("damp in the flats", "damp in the flats"),
        ("review of the rota", "the review of the rota"),
        ("ride along", "the ride along"),
        ("sign off", "the sign off"),
        # A verb with its object, or a phrasal verb, is still a verb phrase.
        ("train new staff", "training new staff"),
        ("check in with parents every week", "checking in with parents every week"),
    ],
)
def test_a_note_is_read_as_the_noun_the_user_typed(note: str, said: str) -> None:
    assert phrasing.topic(phrasing.read(note)) == said


@pytest.mark.parametrize(
    ("note", "clause"),
    [
        # The whole noun before the verb is the subject, and takes its article.
        ("Drupal monolith slows every deploy", "the Drupal monolith slows every deploy"),
        # "mostly" stands for "is" in a note: a clause, never a noun pasted after "noticed".
        ("Facebook page mostly road closures", "the Facebook page is mostly road closures"),
    ],
)
def test_notes_read_as_the_clauses_they_are(note: str, clause: str) -> None:
    assert phrasing.clause(phrasing.read(note)) == clause


@pytest.mark.parametrize(
    ("note", "said"),
    [
        # "min" after a count that ends the phrase is minutes; as a modifier it stays.
        ("clinic wait times are around 40 min", "around 40 minutes"),
        ("called the family back in 5 mins, then the GP", "in 5 minutes,"),
        ("ran a 10 min huddle", "a 10 min huddle"),
    ],
)
def test_minutes_are_written_out(note: str, said: str) -> None:
    assert said in phrasing.read(note).text


@pytest.mark.parametrize(
    "note",
    ["the rota spreadsheet I built", "the lesson plan I wrote", "the menu we built"],
)
def test_a_noun_and_what_was_done_to_it_is_not_a_clause(note: str) -> None:
    piece = phrasing.read(note)
    assert phrasing.clause(piece) is None


@pytest.mark.parametrize(
    ("note", "form"),
    [
        # A plural subject cannot take the last word's "-s": it is a plural noun.
        ("rework on chute welds", phrasing.Form.NOUN),
        ("returns on warehouse builds", phrasing.Form.NOUN),
        ("complaints about ward transfers", phrasing.Form.NOUN),
        # A singular subject with its verb is still a clause.
        ("census rises", phrasing.Form.CLAUSE),
    ],
)
def test_a_plural_noun_ending_a_note_is_not_its_verb(note: str, form: phrasing.Form) -> None:
    assert phrasing.read(note).form is form


@pytest.mark.parametrize(
    ("note", "text"),
    [
        ("season ticket , 2 kids", "season ticket, 2 kids"),
        ("night shifts ; weekend cover", "night shifts; weekend cover"),
        ("ratio 1 : 4 in the baby room", "ratio 1 : 4 in the baby room"),
    ],
)
def test_a_space_typed_before_a_comma_is_dropped(note, text):
    assert phrasing.read(note).text == text


@pytest.mark.parametrize(
    ("note", "said"),
    [
        ("daughter doing medicine in Dunedin", ("noun", "your daughter doing medicine in Dunedin")),
        ("kids at the same school", ("noun", "your kids at the same school")),
        ("wife is a midwife too", ("clause", "your wife is a midwife too")),
        (
            "Son just started an apprenticeship",
            ("clause", "your son just started an apprenticeship"),
        ),
    ],
)
def test_a_note_about_one_of_theirs_is_said_with_your(note, said):
    assert phrasing.personal(phrasing.read(note)) == said


@pytest.mark.parametrize(
    ("note", "said"),
    [
        # A fronted time, then a clause with its own verb: said as it is, lowered.
        (
            "In 2023 our loading bay had 12 recorded near-misses in six months",
            "in 2023 our loading bay had 12 recorded near-misses in six months",
        ),
        ("In March the ward had 3 falls", "in March the ward had 3 falls"),
        ("Last June the depot lost two drivers", "last June the depot lost two drivers"),
        # A headline still gets the "is" it left out.
        ("float pool overused", "the float pool is overused"),
    ],
)
def test_a_fronted_time_opens_a_clause_and_adds_no_is(note, said):
    assert phrasing.clause(phrasing.read(note), voice=phrasing.Voice.OWN) == said


@pytest.mark.parametrize("name", ["On Track programme", "By Design Ltd won the bid"])
def test_a_name_that_opens_with_a_preposition_keeps_its_capital(name):
    assert phrasing._mid_case(name) == name
