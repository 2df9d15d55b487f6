"""Thank-you letters after a round, the follow-up e-mails, the .eml draft and mailto link."""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import replace
from datetime import date, datetime
from urllib.parse import parse_qs, unquote, urlsplit
from zoneinfo import ZoneInfo

import pytest

from secondround.engine.drafting.letters import (
    MAX_SENTENCES,
    MIN_SENTENCES,
    Letter,
    LetterContext,
    PersonNotes,
    StoryBrief,
    build_eml,
    draft_letters,
    feedback_request_email,
    follow_up_email,
    greeting_name,
    letters_as_json,
    mailto_link,
)

CONTEXT = LetterContext(
    candidate_name="Renée Fontaine",
    company="Lakeshore Freight",
    role="Logistics Analyst",
    round_label="second round",
    interview_date=date(2026, 3, 10),
    strengths=("Power BI dashboards", "carrier negotiations"),
)

DANA = PersonNotes(
    key="iv-11",
    name="Dana Whitfield",
    title="Director of Transportation",
    relation="hiring_manager",
    discussed=("the Joliet hub ramp-up", "how dispatch and planning share data"),
    cares_about=("reducing empty miles on the Midwest lanes",),
    worries=(),
    personal=("training for the Chicago marathon",),
)
OKAFOR = PersonNotes(
    key="iv-12",
    name="Dr. Amara Okafor",
    title="VP of Operations",
    relation="managers_manager",
    discussed=("the plan to double reefer capacity by 2027",),
    cares_about=("analysts who can talk to drivers and dispatchers",),
    worries=("whether I have managed people",),
    personal=(),
)
SIOBHAN = PersonNotes(
    key="iv-13",
    name="Siobhán O'Neill-Barros",
    title="Senior Logistics Analyst",
    relation="peer",
    discussed=("the weekly OTIF dashboard",),
    cares_about=("clean master data in Oracle OTM",),
    worries=(),
    personal=("her new puppy",),
)
PRIYA = PersonNotes(
    key="iv-14",
    name="Priya Raman",
    title="HR Business Partner",
    relation="hr",
    discussed=("the onboarding programme for new analysts",),
    cares_about=("how candidates handle feedback",),
    worries=(),
    personal=(),
)
ROUND = (DANA, OKAFOR, SIOBHAN, PRIYA)

LANES = StoryBrief(
    id="st-1",
    title="Lakeshore lane consolidation",
    result="cut empty miles 18% in six months",
    competencies=("analysis", "cost reduction"),
    summary="Rebuilt the lane plan for 40 Midwest lanes using carrier scorecards",
)
NIGHT_SHIFT = StoryBrief(
    id="st-2",
    title="Night-shift planning team",
    result="turnover fell from 30% to 8%",
    competencies=("leadership", "people management"),
    summary="Led a team of six planners through a switch to night-shift coverage",
)
OTM = StoryBrief(
    id="st-3",
    title="OTM master data clean-up",
    result="98% of shipments matched on the first try",
    competencies=("data quality", "systems"),
    summary="Cleaned up carrier master data in Oracle OTM with the IT team",
)
DRIVERS = StoryBrief(
    id="st-4",
    title="Driver feedback loop",
    result="on-time pickups up 12 points",
    competencies=("communication", "collaboration"),
    summary="Ran monthly sessions with drivers and dispatchers to fix pickup windows",
)
STORIES = (LANES, NIGHT_SHIFT, OTM, DRIVERS)

_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _running_text(text: str) -> str:
    """The paragraphs between greeting and sign-off."""
    paragraphs = text.split("\n\n")
    return " ".join(paragraphs[1:-1])


def _count(text: str) -> int:
    return len([s for s in _SENTENCE.split(_running_text(text)) if s.strip()])


def _no_notes(key: str, name: str, relation: str | None = None) -> PersonNotes:
    return PersonNotes(key, name, "", relation, (), (), (), ())


@pytest.fixture(scope="module")
def letters() -> list[Letter]:
    return draft_letters(CONTEXT, ROUND, STORIES)


def test_one_letter_per_interviewer_in_roster_order(letters: list[Letter]) -> None:
    assert [letter.interviewer_key for letter in letters] == [p.key for p in ROUND]
    assert [letter.interviewer for letter in letters] == [p.name for p in ROUND]


def test_all_four_letters_and_cards_are_distinct(letters: list[Letter]) -> None:
    assert len({letter.body for letter in letters}) == 4
    assert len({letter.card for letter in letters}) == 4
    # Not merely the greeting: the text after it differs too.
    assert len({letter.body.partition("\n\n")[2] for letter in letters}) == 4


def test_no_sentence_repeats_across_the_round(letters: list[Letter]) -> None:
    seen: set[str] = set()
    for letter in letters:
        sentences = set(_SENTENCE.split(_running_text(letter.body)))
        assert not sentences & seen
        seen |= sentences
    assert len({letter.subject for letter in letters}) == 4


@pytest.mark.parametrize("index", range(4))
def test_each_letter_thanks_for_its_own_topic(letters: list[Letter], index: int) -> None:
    person, letter = ROUND[index], letters[index]
    first_paragraph = letter.body.split("\n\n")[1]
    assert person.discussed[0] in first_paragraph
    assert f"discussed: {person.discussed[0]}" in letter.references
    assert person.discussed[0] in letter.card
    others = [p.discussed[0] for p in ROUND if p is not person]
    assert not any(topic in letter.body for topic in others)


@pytest.mark.parametrize(
    ("index", "greeting"),
    [(0, "Dear Dana,"), (1, "Dear Dr. Okafor,"), (2, "Dear Siobhán,"), (3, "Dear Priya,")],
)
def test_greeting_uses_the_roster_spelling(
    letters: list[Letter], index: int, greeting: str
) -> None:
    letter = letters[index]
    assert letter.body.startswith(greeting + "\n")
    assert letter.card.startswith(greeting + "\n")
    addressed = greeting.removeprefix("Dear ").removesuffix(",")
    assert all(word in ROUND[index].name.split() for word in addressed.split())


@pytest.mark.parametrize("index", range(4))
def test_length_limits(letters: list[Letter], index: int) -> None:
    letter = letters[index]
    assert MIN_SENTENCES <= letter.sentences <= MAX_SENTENCES
    assert _count(letter.body) == letter.sentences
    assert 3 <= _count(letter.card) <= 4


@pytest.mark.parametrize("index", range(4))
def test_interest_role_company_and_sign_off(letters: list[Letter], index: int) -> None:
    letter = letters[index]
    assert "Logistics Analyst" in letter.body
    assert "Lakeshore Freight" in letter.body
    assert letter.body.endswith("\nRenée Fontaine")
    assert letter.card.endswith("\nRenée Fontaine")
    assert "Logistics Analyst" in letter.subject
    assert "thank" in letter.subject.lower()
    assert not letter.generic


def test_worry_is_answered_with_the_leadership_story(letters: list[Letter]) -> None:
    okafor = letters[1]
    assert "whether I have managed people" in okafor.body
    assert "I led a team of six planners" in okafor.body
    assert "turnover fell from 30% to 8%" in okafor.body.lower()
    assert "story: Night-shift planning team" in okafor.references
    assert "worry: whether I have managed people" in okafor.references
    # The rest of the round did not get the leadership story.
    assert all("six planners" not in letter.body for i, letter in enumerate(letters) if i != 1)


def test_what_they_care_about_meets_the_matching_story(letters: list[Letter]) -> None:
    dana, siobhan = letters[0], letters[2]
    assert "reducing empty miles on the Midwest lanes" in dana.body
    assert "cut empty miles 18% in six months" in dana.body
    assert "clean master data in Oracle OTM" in siobhan.body
    assert "story: OTM master data clean-up" in siobhan.references


def test_relation_touches(letters: list[Letter]) -> None:
    dana, _okafor, siobhan, priya = letters
    assert "first 90 days" in dana.body
    assert "process" in priya.body and "culture" in priya.body
    assert any(w in siobhan.body for w in ("working together", "alongside you", "together"))


def test_personal_notes_are_remembered_in_second_person(letters: list[Letter]) -> None:
    assert "training for the Chicago marathon" in letters[0].body
    assert "your new puppy" in letters[2].body
    assert "her new puppy" not in letters[2].body
    assert "personal: her new puppy" in letters[2].references


def test_nothing_invented_every_story_used_is_a_real_one(letters: list[Letter]) -> None:
    titles = {story.title for story in STORIES}
    for letter in letters:
        for ref in letter.references:
            kind, _, text = ref.partition(": ")
            if kind == "story":
                assert text in titles
        assert "{" not in letter.body and "}" not in letter.body


def test_worry_without_a_matching_story_is_not_forced() -> None:
    person = replace(OKAFOR, worries=("my lack of grocery industry background",), cares_about=())
    [letter] = draft_letters(replace(CONTEXT, strengths=()), [person], STORIES)
    # Not repeated back to them without an answer; the topic they discussed carries the letter.
    assert "grocery" not in letter.body
    assert not any(ref.startswith("worry:") for ref in letter.references)
    assert MIN_SENTENCES <= letter.sentences <= MAX_SENTENCES


def test_person_without_notes_gets_a_polite_generic_letter() -> None:
    marcus = _no_notes("iv-15", "Marcus Lee", "cross_department")
    [letter] = draft_letters(CONTEXT, [marcus], STORIES)
    assert letter.generic is True
    assert letter.body.startswith("Dear Marcus,\n")
    assert MIN_SENTENCES <= letter.sentences <= MAX_SENTENCES
    assert _count(letter.body) == letter.sentences
    assert 3 <= _count(letter.card) <= 4
    assert "Logistics Analyst" in letter.body
    assert not any(ref.startswith(("discussed", "story", "worry")) for ref in letter.references)


def test_generic_even_without_relation_strengths_or_date() -> None:
    bare = LetterContext("Sam Ortiz", "Acme", "Planner", "final round", None)
    [letter] = draft_letters(bare, [_no_notes("k", "Jo")], [])
    assert letter.generic
    assert MIN_SENTENCES <= letter.sentences <= MAX_SENTENCES
    assert _count(letter.body) == letter.sentences


def test_identical_notes_still_give_distinct_letters() -> None:
    twin = replace(DANA, key="iv-21", name="Dana Whitfield")
    people = [DANA, twin, replace(DANA, key="iv-22", name="Lee Park")]
    drafted = draft_letters(CONTEXT, people, STORIES)
    assert len({letter.body for letter in drafted}) == 3
    assert len({letter.body.partition("\n\n")[2] for letter in drafted}) == 3
    assert len({letter.card for letter in drafted}) == 3


def test_a_whole_round_of_empty_notes_is_still_distinct() -> None:
    people = [_no_notes(f"k{i}", f"Person {i}") for i in range(6)]
    drafted = draft_letters(CONTEXT, people, STORIES)
    assert all(letter.generic for letter in drafted)
    assert len({letter.body.partition("\n\n")[2] for letter in drafted}) == 6


def test_deterministic(letters: list[Letter]) -> None:
    again = draft_letters(CONTEXT, ROUND, STORIES)
    assert again == letters
    assert draft_letters(CONTEXT, ROUND, list(STORIES)) == letters


def test_letters_as_json(letters: list[Letter]) -> None:
    rows = letters_as_json(letters)
    assert [set(row) for row in rows] == [{"interviewer", "subject", "body", "generic"}] * 4
    assert rows[1]["interviewer"] == "Dr. Amara Okafor"
    assert rows[0]["body"] == letters[0].body


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dana Whitfield", "Dana"),
        ("Dr. Amara Okafor", "Dr. Okafor"),
        ("Dr Amara Okafor", "Dr Okafor"),
        ("Prof. Jan van der Berg", "Prof. van der Berg"),
        ("Ms. Zoë Ramírez", "Ms. Ramírez"),
        ("Siobhán O'Neill-Barros", "Siobhán"),
        ("Dr. Amara Okafor, PhD", "Dr. Okafor"),
        ("Cher", "Cher"),
    ],
)
def test_greeting_name(name: str, expected: str) -> None:
    assert greeting_name(name) == expected


def test_follow_up_without_a_contact_says_hello() -> None:
    _, body = follow_up_email(CONTEXT, contact_name="", decision_date=None, today=date(2026, 3, 25))
    assert body.startswith("Hello,\n")
    assert "Dear there" not in body


def test_follow_up_after_the_decision_date() -> None:
    subject, body = follow_up_email(
        CONTEXT,
        contact_name="Priya Raman",
        decision_date=date(2026, 3, 20),
        today=date(2026, 3, 25),
    )
    assert "Logistics Analyst" in subject
    assert body.startswith("Dear Priya,\n")
    assert "March 20" in body
    assert "check in" in body
    assert body.endswith("Renée Fontaine")
    _, no_date = follow_up_email(
        CONTEXT, contact_name="Priya Raman", decision_date=None, today=date(2026, 3, 25)
    )
    assert "check in" in no_date


def test_feedback_request_is_gracious() -> None:
    subject, body = feedback_request_email(CONTEXT, contact_name="Dr. Amara Okafor")
    assert subject.startswith("Thank you")
    assert body.startswith("Dear Dr. Okafor,\n")
    assert "feedback" in body
    assert "future" in body
    assert "Lakeshore Freight" in body


def test_eml_parses_with_accents_intact(letters: list[Letter]) -> None:
    letter = letters[2]
    when = datetime(2026, 3, 10, 19, 30, tzinfo=ZoneInfo("America/Chicago"))
    raw = build_eml(
        sender="Renée Fontaine <renee@example.org>",
        to="Siobhán O'Neill-Barros <siobhan@lakeshore.example>",
        subject=letter.subject + " — Renée",
        body=letter.body,
        when=when,
    )
    assert isinstance(raw, bytes)
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["To"].addresses[0].display_name == "Siobhán O'Neill-Barros"
    assert message["To"].addresses[0].addr_spec == "siobhan@lakeshore.example"
    assert message["From"].addresses[0].display_name == "Renée Fontaine"
    assert message["Subject"] == letter.subject + " — Renée"
    assert message["X-Unsent"] == "1"
    assert message["Date"].datetime == when
    assert message.get_content_type() == "text/plain"
    assert message.get_content_charset() == "utf-8"
    # The file uses CRLF line ends as RFC 5322 asks; mail clients show plain line breaks.
    content = message.get_content().replace("\r\n", "\n")
    assert content.rstrip("\n") == letter.body
    assert "Siobhán" in content and "Renée" in content
    assert build_eml(
        sender="a@b.example", to="c@d.example", subject="s", body="b", when=when
    ) == build_eml(sender="a@b.example", to="c@d.example", subject="s", body="b", when=when)


def test_eml_rejects_naive_time_and_header_injection() -> None:
    with pytest.raises(ValueError):
        build_eml(
            sender="a@b.example", to="c@d.example", subject="s", body="b", when=datetime.now()
        )
    raw = build_eml(
        sender="a@b.example",
        to="c@d.example",
        subject="Hi\r\nBcc: evil@x.example",
        body="b",
        when=datetime(2026, 3, 10, tzinfo=ZoneInfo("UTC")),
    )
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["Bcc"] is None
    assert message["Subject"] == "Hi Bcc: evil@x.example"


def test_mailto_round_trips(letters: list[Letter]) -> None:
    letter = letters[1]
    body = letter.body + "\n\nP.S. 50% & more + a #hash? = yes; Ça va, Zoë!"
    link = mailto_link(to="amara.okafor+hr@lakeshore.example", subject=letter.subject, body=body)
    assert link.startswith("mailto:")
    assert " " not in link and "\n" not in link
    parts = urlsplit(link)
    assert parts.scheme == "mailto"
    assert unquote(parts.path) == "amara.okafor+hr@lakeshore.example"
    query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    assert query["subject"] == [letter.subject]
    assert query["body"][0].replace("\r\n", "\n") == body
    assert "%0D%0A" in link


# --------------------------------------------------------------------------------------
# Issue 15: notes as people write them
# --------------------------------------------------------------------------------------

NURSE = LetterContext(
    candidate_name="Maria Santos",
    company="St. Brigid Medical Center",
    role="Registered Nurse",
    round_label="Second interview",
    interview_date=date(2026, 11, 24),
    names=("Alaris pumps", "CAUTI bundle", "Magnet"),
)
PRECEPTING = StoryBrief(
    id="s1",
    title="Precepting two new-grad nurses",
    result="Both passed",
    competencies=("mentoring",),
    summary="made a weekly checklist",
    situation="2 new grads started on our unit same month, manager asked me to precept both",
    action=(
        "made a weekly checklist, did a debrief with each of them after every shift, "
        "swapped patients so they saw drips"
    ),
    employer="Mercy East",
)


def _karen(**notes: tuple[str, ...]) -> PersonNotes:
    fields = {"discussed": (), "cares_about": (), "worries": (), "personal": ()} | notes
    return PersonNotes("k", "Karen Whitaker", "Nurse Manager", "hiring_manager", **fields)


@pytest.mark.parametrize(
    ("notes", "present", "absent"),
    [
        (
            {"discussed": ("Discussed Alaris pumps and the new drug library",)},
            "Alaris pumps and the new drug library",
            "Discussed Alaris",
        ),
        (
            {"cares_about": ("He cares about margin per lane",)},
            "margin per lane",
            "about He cares",
        ),
        (
            {"cares_about": ("guest recovery, fast",)},
            "guest recovery",
            "the fast",
        ),
        (
            {"personal": ("she ran the Columbus half-marathon in October",)},
            "that you ran the Columbus half-marathon in October",
            "with she ran",
        ),
    ],
)
def test_notes_are_said_as_english_never_pasted(
    notes: dict[str, tuple[str, ...]], present: str, absent: str
) -> None:
    [letter] = draft_letters(NURSE, [_karen(**notes)], [PRECEPTING])
    assert present in letter.body
    assert absent not in letter.body


def test_a_story_is_told_in_the_first_person_not_as_star_fields() -> None:
    person = _karen(cares_about=("precepting new grads",))
    [letter] = draft_letters(NURSE, [person], [PRECEPTING])
    assert "the result:" not in letter.body
    assert "I made a weekly checklist and did a debrief with each of them" in letter.body
    assert "When 2 new grads started on our unit same month" in letter.body
    assert "Both passed." in letter.body


def _story(key: str, title: str, action: str, result: str, situation: str = "") -> StoryBrief:
    return StoryBrief(
        id=key,
        title=title,
        result=result,
        competencies=(),
        summary="",
        situation=situation,
        action=action,
    )


A_FIB = _story(
    "s2",
    "A-fib with RVR at 3am",
    "called rapid response and got a 12 lead",
    "HR down to 90s within 30 min",
    situation="pt went into a-fib with RVR at 3am",
)
CAUTI = _story(
    "s3",
    "CAUTI audits",
    "audited every foley each night for 3 months and taught the bundle at huddle",
    "zero CAUTIs for 9 months after",
)
DRIPS = _story(
    "s4",
    "Diltiazem drip on nights",
    "titrated a diltiazem drip independently overnight, checked each change with the charge nurse",
    "HR stayed under 110 all night",
)


def test_a_worry_is_answered_with_the_story_about_it_in_plain_words() -> None:
    [letter] = draft_letters(
        NURSE, [_karen(worries=("titrated drips independently??",))], [PRECEPTING, DRIPS]
    )
    assert "your question about titrating drips independently" in letter.body
    assert "??" not in letter.body
    assert "HR stayed under 110 all night" in letter.body


@pytest.mark.parametrize(
    ("notes", "story"),
    [
        # Shared by chance: "ICU", "nights", "asked", a number. Not an answer to the worry.
        ({"worries": ("whether i'd leave for ICU after a year",)}, A_FIB),
        ({"worries": ("one-year nights commitment",)}, CAUTI),
        ({"worries": ("asked again about the 3 months of orientation",)}, CAUTI),
        # Nothing shared at all: no story is linked to what they care about.
        ({"cares_about": ("He cares about margin per lane",)}, A_FIB),
    ],
)
def test_a_story_is_only_linked_to_a_note_it_is_about(
    notes: dict[str, tuple[str, ...]], story: StoryBrief
) -> None:
    [letter] = draft_letters(NURSE, [_karen(**notes)], [story])
    assert story.result not in letter.body
    assert not any(ref.startswith("story:") for ref in letter.references)


def test_a_story_is_linked_to_a_worry_it_answers() -> None:
    person = _karen(worries=("She cares about CAUTI bundle compliance",))
    [letter] = draft_letters(NURSE, [person], [A_FIB, CAUTI])
    assert "zero CAUTIs for 9 months after" in letter.body


def test_the_round_is_named_once() -> None:
    person = _no_notes("k", "Karen Whitaker")
    bodies = " ".join(
        letter.body for letter in draft_letters(NURSE, [person], []) for _ in range(1)
    )
    assert "interview interviews" not in bodies
    assert "Second interview" not in bodies


def test_notes_that_say_nothing_leave_a_marked_gap() -> None:
    person = _karen(discussed=("she",), personal=("👍",))
    [letter] = draft_letters(NURSE, [person], [])
    assert "[a detail you discussed with Karen]" in letter.body
    assert "👍" not in letter.body
    assert "about she" not in letter.body


@pytest.mark.parametrize(
    ("discussed", "cares_about", "said", "never"),
    [
        # A topic and what was said of it: the topic, not a comma splice.
        (
            "narcotic count process, they moved to weekly after the summer",
            "",
            "the narcotic count process",
            ", you moved to weekly",
        ),
        # A list the letter cannot say as one: its first part.
        ("rooms and restaurant, the Christmas party bookings", "", "rooms and restaurant", ", the"),
        # A reported saying is said as what was said.
        ("", "she said workers keep changing", "workers keep changing", "you said"),
        # A noun the tagger reads as a verb stays a noun.
        ("", "outcome measures", "outcome measures", "outcoming"),
        # An abstract noun takes no article.
        ("", "accuracy", "care about accuracy", "the accuracy"),
        # A lower-cased saved name gets its capitals back.
        ("cliniko walkthrough", "", "Cliniko walkthrough", "cliniko"),
    ],
)
def test_notes_typed_as_people_type_them_fit_the_letter(discussed, cares_about, said, never):
    person = replace(
        DANA,
        discussed=(discussed,) if discussed else (),
        cares_about=(cares_about,) if cares_about else (),
        personal=(),
    )
    context = replace(CONTEXT, names=("Cliniko",))
    [letter] = draft_letters(context, [person], STORIES)
    assert said in letter.body
    assert never not in letter.body


@pytest.mark.parametrize(
    ("action", "told", "untold"),
    [
        # A card tells the story by what happened, not by its title.
        (
            "Rebuilt the lane plan for 40 Midwest lanes using carrier scorecards",
            "the time I rebuilt the lane plan for 40 Midwest lanes",
            "Lakeshore lane consolidation",
        ),
        # An action that needs its context ("him") is not a hook; the bare title is not
        # said either.
        ("sat with him for 2 weeks, showed him the double count", None, "lane consolidation"),
    ],
)
def test_a_card_tells_a_story_by_what_happened(action: str, told: str | None, untold: str) -> None:
    story = replace(LANES, action=action, summary=action)
    person = replace(DANA, discussed=("empty miles",), cares_about=("empty miles",), personal=())
    [letter] = draft_letters(replace(CONTEXT, strengths=()), [person], (story,))
    if told:
        assert told in letter.card
    assert untold not in letter.card


@pytest.mark.parametrize(
    ("situation", "action", "told"),
    [
        # A story in a letter says what the actions answered, a person in it introduced.
        (
            "the patient had 5-6mm pockets for 2 years",
            "showed him his charting from 2 years ago",
            "When a patient had 5-6mm pockets for 2 years, I showed him his charting",
        ),
        # A situation typed verb-first is the teller's own.
        (
            "drew up 10x the adrenaline dose for a kid",
            "stopped and rechecked with the CPG card",
            "When I drew up 10x the adrenaline dose for a kid, I stopped and rechecked",
        ),
    ],
)
def test_a_story_in_a_letter_says_its_situation(situation: str, action: str, told: str) -> None:
    story = replace(LANES, situation=situation, action=action, summary=action)
    person = replace(DANA, discussed=("empty miles",), cares_about=("empty miles",), personal=())
    [letter] = draft_letters(replace(CONTEXT, strengths=()), [person], (story,))
    assert told in letter.body


# --------------------------------------------------------------------------------------
# Issue 15, second pass: frames that refuse what they cannot say
# --------------------------------------------------------------------------------------

KITCHEN = LetterContext(
    candidate_name="Tomasz Nowak",
    company="Harbourside Bakery",
    role="Production Baker",
    round_label="Second interview",
    interview_date=date(2026, 5, 4),
)


def _person(key: str, name: str, relation: str = "hiring_manager", **notes: tuple[str, ...]):
    fields = {"discussed": (), "cares_about": (), "worries": (), "personal": ()} | notes
    return PersonNotes(key, name, "Manager", relation, **fields)


@pytest.mark.parametrize(
    "topic",
    [
        "how I'd plan a week of school trips",
        "my mock lesson on fractions",
        "how I would price a rewiring job",
        "my case presentation",
    ],
)
@pytest.mark.parametrize("name", ["Ana Ruiz", "Ben Okoro", "Kit Dunn", "Dev Patel"])
def test_a_topic_of_the_candidates_own_is_never_credited_to_the_interviewer(
    topic: str, name: str
) -> None:
    person = _person("p", name, discussed=(topic, "the spring timetable"))
    [letter] = draft_letters(KITCHEN, [person], [])
    for text in (letter.body, letter.card):
        assert not re.search(
            r"(?:walking me through|your perspective on|your insights on|what you said about)"
            r" (?:how I|my)\b",
            text,
            re.IGNORECASE,
        ), text


@pytest.mark.parametrize(
    ("topic", "situation", "action", "told", "never"),
    [
        # The card names the story by what happened, not by a step every story has.
        (
            "pre-shift checks",
            "a forklift driver kept skipping the pre-shift checks",
            "talked to my supervisor straight away, walked the checklist with him",
            "the time a forklift driver kept skipping the pre-shift checks",
            "the time I talked to my supervisor",
        ),
        (
            "damp in tenants' bedrooms",
            "the tenant reported damp in two bedrooms",
            "booked a surveyor the same week, kept her updated every Friday",
            "the time a tenant reported damp in two bedrooms",
            "the time I booked",
        ),
    ],
)
def test_a_card_names_a_story_by_its_situation(
    topic: str, situation: str, action: str, told: str, never: str
) -> None:
    story = StoryBrief(
        id="s",
        title=topic,
        result="no incidents in a year",
        competencies=(),
        summary=action,
        situation=situation,
        action=action,
    )
    person = _person("p", "Grace Lund", discussed=(topic,), cares_about=(topic,))
    [letter] = draft_letters(KITCHEN, [person], [story])
    assert told in letter.card
    assert never not in letter.card
    assert "what it means for" not in letter.card


def test_a_story_that_cannot_be_told_leaves_a_marked_gap_not_its_title() -> None:
    # Every action needs its context ("it", "them") and the situation is not a clause.
    story = StoryBrief(
        id="s",
        title="oven fire",
        result="back baking by noon",
        competencies=(),
        summary="shut it off, got them out",
        situation="deck oven fire on a Saturday",
        action="shut it off, got them out",
    )
    person = _person("p", "Grace Lund", discussed=("the deck oven",), cares_about=("oven safety",))
    [letter] = draft_letters(KITCHEN, [person], [story])
    assert "more about the oven fire" not in letter.body
    assert "[Your story “oven fire” in a sentence or two, with its result]." in letter.body


@pytest.mark.parametrize(
    "discussed",
    ["drivers keep quitting after a month", "the night crew is short two people"],
)
def test_a_clause_from_the_notes_is_never_something_the_candidate_was_glad_of(
    discussed: str,
) -> None:
    for name in ("Ana Ruiz", "Ben Okoro", "Carla Weiss", "Dev Patel", "Eli Moss"):
        person = _person("p", name, discussed=("the delivery rota", discussed))
        [letter] = draft_letters(KITCHEN, [person], [])
        assert "glad to hear that" not in letter.body + letter.card


@pytest.mark.parametrize("cares", ["paperwork matches the job", "every batch is logged"])
def test_what_someone_cares_about_is_not_restated_as_a_fact(cares: str) -> None:
    for name in ("Ana Ruiz", "Ben Okoro", "Carla Weiss"):
        person = _person("p", name, cares_about=(cares,))
        [letter] = draft_letters(KITCHEN, [person], [])
        assert f"I understood that {cares}" not in letter.body
        assert f"clear that {cares}" not in letter.body


def test_filler_never_says_the_same_thing_twice() -> None:
    for name in ("Ana Ruiz", "Eli Moss", "Jo Park", "Dev Patel"):
        [letter] = draft_letters(KITCHEN, [_person("p", name, relation="")], [])
        assert letter.body.count("about the team") <= 1, letter.body
        assert letter.body.count("learn more about") <= 1, letter.body


@pytest.mark.parametrize(
    ("action", "told"),
    [
        ("did joint visit with police", "did a joint visit with police"),
        ("wrote incident report same day", "wrote an incident report same day"),
        ("built new rota for the kitchen", "built a new rota for the kitchen"),
        # Idioms, abstract and mass nouns keep no article.
        ("took ownership of the rota", "took ownership of the rota"),
        ("took charge of the shift", "took charge of the shift"),
        ("did paperwork for the audit", "did paperwork for the audit"),
    ],
)
def test_a_story_gets_the_articles_notes_leave_out(action: str, told: str) -> None:
    story = StoryBrief(
        id="s",
        title="audit week",
        result="passed the audit",
        competencies=(),
        summary=action,
        action=action,
        employer="Brightwater Care",
    )
    person = _person("p", "Grace Lund", discussed=("the audit week",))
    [letter] = draft_letters(KITCHEN, [person], [story])
    assert told in letter.body


@pytest.mark.parametrize(
    ("cares", "never"),
    [
        # What was seen of them is not "your point that you like …".
        ("she likes cooks who keep the station clean", "point that you like"),
        ("he likes drivers who keep the cab tidy", "point that you like"),
    ],
)
def test_what_someone_is_like_is_not_called_their_point(cares: str, never: str) -> None:
    for name in ("Ana Ruiz", "Ben Okoro", "Carla Weiss", "Dev Patel"):
        person = _person("p", name, cares_about=(cares,))
        [letter] = draft_letters(KITCHEN, [person], [])
        assert never not in letter.body, letter.body


@pytest.mark.parametrize(
    ("personal", "said", "never"),
    [
        ("just back from paternity leave - baby girl!", "your baby girl", "you're a baby"),
        ("proud grandad - twin boys born in May", "", "you're a twin"),
    ],
)
def test_someone_of_theirs_is_not_who_they_are(personal: str, said: str, never: str) -> None:
    person = _person("p", "Ana Ruiz", discussed=("the rota",), personal=(personal,))
    [letter] = draft_letters(KITCHEN, [person], [])
    assert said in letter.body
    assert never not in letter.body


@pytest.mark.parametrize(
    ("action", "told"),
    [
        (
            "I cleared the backlog, called every client, posted the new forms before Friday",
            "I cleared the backlog, called every client and posted the new forms before Friday.",
        ),
        (
            "I built a tracker, shared the numbers every week",
            "I built a tracker and shared the numbers every week.",
        ),
    ],
)
def test_a_story_told_as_a_comma_list_of_actions_gets_its_and(action: str, told: str) -> None:
    story = StoryBrief(
        id="s", title="audit week", result="", competencies=(), summary=action, action=action
    )
    person = _person("p", "Grace Lund", discussed=("the audit week",))
    [letter] = draft_letters(KITCHEN, [person], [story])
    assert told in letter.body


@pytest.mark.parametrize(
    "cares",
    ["someone who can stay 5+ years", "bakers who can work weekends", "people who speak up"],
)
def test_a_kind_of_person_they_want_is_not_a_shared_care(cares: str) -> None:
    for name in ("Ana Ruiz", "Ben Okoro", "Carla Weiss", "Dev Patel", "Eli Moss", "Jo Park"):
        person = _person("p", name, cares_about=(cares,))
        [letter] = draft_letters(KITCHEN, [person], [])
        assert "and so do I" not in letter.body
        assert "I share your focus on" not in letter.body
