"""Failure classes found reading the drafts of eval/scenarios_fresh3 (dev) and
eval/scenarios_fresh4 (issue 15): each table is one class, in the note shapes people type
(bus driver, procurement, pastry, lab and vet notes), fixed in the phrasing layer or a
drafter so that every drafter that uses it benefits."""

from __future__ import annotations

from decimal import Decimal

import pytest

from secondround.engine.drafting import letters
from secondround.engine.drafting.answers import Fact, build_learned_answer, build_proceed_answer
from secondround.engine.drafting.letters import StoryBrief
from secondround.engine.drafting.salary import SalaryPoint, anchored_range, format_money, summarise
from secondround.engine.nlp import phrasing
from secondround.engine.nlp.challenges import read_challenge
from secondround.engine.nlp.phrasing import Voice


def _fact(key: str, kind: str, text: str) -> Fact:
    return Fact(key=key, kind=kind, text=text, source=f"Saved · {kind}")


# Class 1/3/15: a challenge typed as a headline without "be", or as a predicate without a
# subject, or with its detail after a comma, read as a clause every frame can take.
@pytest.mark.parametrize(
    ("note", "why"),
    [
        (
            "croissants inconsistent on weekends, the night baker leaves",
            "why croissants are inconsistent on weekends",
        ),
        (
            "QC failures on the cobas not always escalated",
            "why QC failures on the cobas are not always escalated",
        ),
        (
            "drivers leaving for dublin bus, always short on lates",
            "why drivers are leaving for dublin bus",
        ),
        ("night roster hard to fill, 2 MLTs on ACC", "why the night roster is hard to fill"),
        ("ops list overrunning, kennels full by 2pm", "why the ops list is overrunning"),
        ("short on RVNs - 2 on mat leave", "why the team is short on RVNs"),
        (
            "contract register is a mess, heaps of contracts expired and still being paid",
            "why the contract register is a mess",
        ),
        (
            "running times on the 41X r a joke since the roadworks",
            "why running times on the 41X are a joke since the roadworks",
        ),
        (
            "banquet season in dec, 3 xmas parties a day",
            "how the team handles the banquet season in December",
        ),
    ],
)
def test_a_challenge_fragment_reads_as_a_clause_or_thing(note: str, why: str) -> None:
    challenge = read_challenge(note, voice=Voice.TEAM)
    assert challenge is not None
    assert challenge.why == why


@pytest.mark.parametrize(
    "note",
    ["food cost pastry 34% they want 28", "GP at 66-68% and the target 70"],
)
def test_shorthand_around_a_clause_is_quoted_never_rephrased(note: str) -> None:
    challenge = read_challenge(note, voice=Voice.YOU)
    assert challenge is not None
    assert not challenge.spoken
    assert phrasing.quoted(note) in challenge.why


# Class 2/3: the "cares about" cue typed without a subject, doubled by the frame.
@pytest.mark.parametrize(
    ("note", "topic"),
    [
        ("Cares about savings and the audit findings", "savings and the audit findings"),
        ("cares about the team", "the team"),
        ("She cares abt waste", "waste"),
    ],
)
def test_a_care_cue_without_a_subject_gives_its_object(note: str, topic: str) -> None:
    assert phrasing.topic(phrasing.read(note)) == topic


# Class 7: "she hates" said to her: the verb agrees with "you" ("hates" is no noun "hat").
@pytest.mark.parametrize(
    ("note", "said"),
    [
        ("she hates the eval templates", "you hate the evaluation templates"),
        ("he loves the sheeter", "you love the sheeter"),
    ],
)
def test_a_clause_turned_to_you_agrees(note: str, said: str) -> None:
    assert phrasing.personal(phrasing.read(note)) == ("clause", said)


# Class 2: a personal note of fragments before a clause: the first fragment, or nothing.
@pytest.mark.parametrize(
    ("note", "said"),
    [
        ("new baby, 3 weeks old, hes exhausted lol", ("noun", "your new baby")),
        ("nights by myself w the MLS only", None),
    ],
)
def test_fragments_before_a_clause_are_not_one_sentence(
    note: str, said: tuple[str, str] | None
) -> None:
    piece = phrasing.read(note)
    assert piece.form is not phrasing.Form.CLAUSE
    assert phrasing.personal(piece) == said


# Class 2/16: a participle or a noun before a noun is no verb ("the written exercise", not
# "written exercise"; "the start date", not "starting date").
@pytest.mark.parametrize(
    ("note", "topic"),
    [
        ("written exercise", "the written exercise"),
        ("start date", "the start date"),
        ("Reduce costs", "reducing costs"),
    ],
)
def test_a_noun_compound_is_not_read_as_a_verb(note: str, topic: str) -> None:
    assert phrasing.topic(phrasing.read(note)) == topic


# Class 16: the posting's own words kept when its duty is re-inflected.
@pytest.mark.parametrize(
    ("duty", "kept"),
    [
        (
            "Run the pastry section for the restaurant and banquets: plated desserts, petits "
            "fours, viennoiserie and afternoon tea",
            "petits fours",
        ),
        (
            "Prepare mise en place and follow the recipes and plating guides set by the chef",
            "plating guides",
        ),
    ],
)
def test_a_duty_keeps_its_nouns(duty: str, kept: str) -> None:
    gerund = phrasing.verb_phrase(phrasing.read(duty), tense="gerund")
    assert gerund is not None and kept in gerund
    assert kept in (phrasing.duty_phrase(duty) or "")


# Class 10: the range said aloud contains an hourly target with cents; NZD has its sign.
def test_an_hourly_target_with_cents_starts_the_range() -> None:
    summary = summarise(
        [
            SalaryPoint("board", Decimal(18), Decimal(26), "CAD", None),
            SalaryPoint("indeed", Decimal(22), Decimal(28), "CAD", None),
        ]
    )
    said = anchored_range(target=Decimal("26.50"), summary=summary, currency="CAD")
    assert said is not None and said.low <= Decimal("26.50") <= said.high


@pytest.mark.parametrize(
    ("currency", "money"), [("NZD", "NZ$63k"), ("SGD", "S$63k"), ("AUD", "A$63k")]
)
def test_dollar_currencies_have_their_sign(currency: str, money: str) -> None:
    assert format_money(Decimal(63000), currency, compact=True) == money


# Answers: a motto, an unsure competitor, a launch with its date typed after it, a duty.
@pytest.mark.parametrize(
    ("fact", "present", "absent"),
    [
        (_fact("v", "value", "Safe. On time. Friendly."), "your motto", "one of your values"),
        (_fact("c", "competitor", "Moreland?"), "", "Moreland"),
        (
            _fact("l", "launch", "new nordic menu march 2027"),
            "the new Nordic menu in March 2027",
            "menu march",
        ),
        (
            _fact("l", "launch", "33N new route feb 2027, all electric"),
            "in February 2027.",
            "all electric",
        ),
    ],
)
def test_learned_answer_facts_as_a_person_says_them(fact: Fact, present: str, absent: str) -> None:
    facts = [_fact("i", "industry", "public bus transport"), fact]
    text = build_learned_answer(company="Acme", role="Driver", facts=facts).text
    assert present in text, text
    assert absent not in text, text


def test_a_duty_said_after_where_i_would_is_lower_case() -> None:
    facts = [
        _fact("r", "responsibility", "Receive, register and process patient samples in reception"),
        _fact("c", "challenge", "TAT for STATs from ED over 60 min some nights"),
        _fact("t", "term", "Delphic"),
    ]
    text = build_proceed_answer(company="Te Awa", role="Technician", facts=facts).text
    assert "where I would receive, register" in text, text


@pytest.mark.parametrize(
    ("term", "own_line"),
    [
        ("SAP Ariba", "SAP Ariba: what we use at Monash"),
        ("Delphic", "Delphic - we have Delphic too!!"),
    ],
)
def test_a_term_the_user_already_uses_is_not_read_up_on(term: str, own_line: str) -> None:
    facts = [_fact("i", "industry", "local government"), _fact("t", "term", term)]
    text = build_learned_answer(company="Acme", role="Officer", facts=facts, known=[own_line]).text
    assert term not in text, text


# Letters, class 17/9: a story is told from the first part of its situation that is a
# clause; with no situation to say, a marked gap, never actions with nothing before them.
@pytest.mark.parametrize(
    ("situation", "action", "opening"),
    [
        (
            "laptop RFQ for 600 staff, spec i wrote had the wrong docking stations",
            "my fault. pulled the RFQ, re-wrote the spec w the IT lead, re-issued",
            "When the spec I wrote had the wrong docking stations, I pulled the RFQ",
        ),
        (
            "night shift, the cobas potassium QC failed 2-2s and the ED had 6 STATs waiting",
            "held the results, ran a new QC, recalibrated",
            "When the cobas potassium QC failed 2-2s and the ED had 6 STATs waiting, I held",
        ),
        ("petits fours for banquets, 41%", "costed every piece in excel, swapped the macarons", ""),
        (
            "night shift, reach truck driver hit the racking in aisle 14, upright bent",
            "stopped the aisle, taped it off",
            "",
        ),
    ],
)
def test_a_story_in_a_letter_starts_from_its_situation(
    situation: str, action: str, opening: str
) -> None:
    story = StoryBrief(
        id="s",
        title="t",
        result="",
        competencies=(),
        summary=action,
        situation=situation,
        action=action,
    )
    told = letters._story_text(story)
    if opening:
        assert told.startswith(opening), told
    else:
        assert told == "", told


# Letters, class 2: pay and one bare word are not topics a letter thanks someone for.
@pytest.mark.parametrize(
    ("note", "said"),
    [
        ("start rate €20.15 w my yrs", None),
        ("deadlines - doesnt want to be the one checking", "deadlines"),
        ("doesnt want to be the one checking", None),
        ("tasting - my dessert: sea buckthorn tart", None),
        ("tasting - my dessert: sea buckthorn tart, white choc + sumac crumble", None),
        ("made 2 blood films, ran a QC on the XN", None),
        ("retention. lost 3 RVNs to the corporate", "retention"),
        ("written exercise - 3 quotes for a playground", "the written exercise"),
    ],
)
def test_letter_topics_are_things_a_reader_can_place(note: str, said: str | None) -> None:
    found = letters._said(note, done=True)
    assert (found.noun if found else None) == said


@pytest.mark.parametrize("topic", ["making 2 blood films", "walking the site"])
def test_a_gerund_topic_is_not_discussed_or_walked_through(topic: str) -> None:
    fitting = letters.frames_for(letters.THANKS_TOPIC, topic)
    assert fitting
    assert not any("discussing {topic}" in t or "walking me through" in t for t in fitting)


# Class 8: a name the user saved elsewhere keeps its spelling in a plan line.
def test_a_plan_challenge_keeps_a_saved_name() -> None:
    from secondround.engine.drafting.plan90 import draft_plan

    plan = draft_plan(
        role="Bus Driver",
        company="Fingal Bus",
        responsibilities=["Drive scheduled services safely and on time"],
        challenges=["drivers leaving for dublin bus, always short on lates"],
        saved_names=["Dublin Bus"],
    )
    goals = " ".join(goal.text for phase in plan.phases for goal in phase.goals)
    assert "Dublin Bus" in goals, goals
    assert "dublin bus" not in goals, goals


# Class 16: a product line is a thing, never re-inflected as a verb.
@pytest.mark.parametrize(
    ("product", "said"),
    [
        ("rest home testing", "rest home testing"),
        ("community testing for GPs", "community testing for GPs"),
    ],
)
def test_a_product_keeps_its_words(product: str, said: str) -> None:
    facts = [_fact("i", "industry", "community laboratory"), _fact("p", "product", product)]
    text = build_learned_answer(company="Te Awa", role="Technician", facts=facts).text
    assert said in text, text
