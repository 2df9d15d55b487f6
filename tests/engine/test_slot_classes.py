"""Slot typing and concern probes by failure class (issue 15, helper probes5): the classes of
mistake read on the fresh3 packs (dev), each pinned with invented examples from other
occupations, so a class is fixed rather than an example."""

import pytest

from secondround.engine.nlp.entities import (
    Kind,
    entity_index,
    kind_from_cues,
    kind_in_sentence,
    kind_of_text,
)
from secondround.engine.questions.question_bank import (
    BankRequest,
    as_question,
    build_bank,
    concern_probes,
)


@pytest.mark.parametrize(
    "term",
    # A greeting or a sign-off is never a skill, a tool or a topic, in any language.
    ["Kia ora", "Kia ora!", "kia ora", "Dia dhuit", "Hi there", "Namaste", "Cheers", "G'day"],
)
def test_a_greeting_is_never_a_skill(term: str) -> None:
    assert kind_of_text(term) is Kind.NOT_A_SKILL


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        # The head noun says what a phrase is, never a modifier before it.
        ("project timelines", None),
        ("project database", Kind.TOOL),
        ("rollout checklist", Kind.PROCEDURE),
        # A tracker, a spreadsheet or a dashboard is a tool, named in any case.
        ("tracker in excel", Kind.TOOL),
        ("rota spreadsheet", Kind.TOOL),
        ("sales dashboard", Kind.TOOL),
    ],
)
def test_the_head_noun_says_what_a_phrase_is(term: str, expected: Kind | None) -> None:
    found = kind_from_cues(term)
    if expected is None:
        assert found is not Kind.INITIATIVE
    else:
        assert found is expected


@pytest.mark.parametrize(
    ("name", "sentence", "expected"),
    [
        # A name in a list that ends in the kind of thing it is.
        (
            "NHMRC",
            "Help researchers apply to NHMRC, ARC, MRFF and other funders",
            Kind.ORGANISATION,
        ),
        ("Maersk", "Book freight with Maersk, CMA CGM and other carriers", Kind.ORGANISATION),
        (
            "extractions",
            "Assist with fillings, extractions and other dental procedures",
            Kind.PROCEDURE,
        ),
        # A name the work is done under or according to is a body of rules.
        ("CDM 2015", "Plan site work as per CDM 2015 and company rules", Kind.KNOWLEDGE),
        ("HACCP", "Keep records in accordance with HACCP", Kind.KNOWLEDGE),
        # The common-noun object of a duty's verb is a piece of work done: a procedure.
        ("deposition outlines", "Prepare deposition outlines and exhibit binders", Kind.PROCEDURE),
        ("weight clinics", "Run weight clinics and puppy checks", Kind.PROCEDURE),
        ("fund releases", "Track sanction orders, fund releases and timelines", Kind.PROCEDURE),
    ],
)
def test_the_posting_sentence_says_what_a_name_is(name: str, sentence: str, expected: Kind) -> None:
    assert kind_in_sentence(name, sentence) is expected


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        # A named tool in a duty stays what its own words say (no override).
        ("Xero", "Reconcile bank feeds in Xero"),
        ("pallet jacks", "Operate pallet jacks and reach trucks"),
    ],
)
def test_a_duty_sentence_does_not_override_a_tool(name: str, sentence: str) -> None:
    assert kind_in_sentence(name, sentence) in {None, Kind.TOOL}


def _texts(concern: str, duties: tuple[str, ...] = ()) -> list[str]:
    return [text for text, _ in concern_probes(concern, duties)]


@pytest.mark.parametrize(
    ("concern", "topic"),
    [
        # The object of the concern is asked about, whatever the occupation.
        ("worried she's never done a code as primary nurse", "code"),
        ("no transfusion experience since college", "transfusion"),
        ("limited experience with IFRS 16 leases", "IFRS 16"),
        ("hasn't taught A level physics", "A level physics"),
        ("antibody identification", "antibody identification"),
        ("hubspot??", "hubspot"),
    ],
)
def test_a_concern_is_asked_about_its_object(concern: str, topic: str) -> None:
    texts = _texts(concern)
    assert texts, concern
    assert any(topic.casefold() in text.casefold() for text in texts), texts


@pytest.mark.parametrize(
    ("concern", "bad"),
    [
        # Never the raw concern pasted into a frame, never "experience with" as a topic,
        # never the user's own pronoun turned on the candidate, never a stray capital.
        ("limited experience with IFRS 16 leases", "up to speed on experience"),
        ("no transfusion experience since college", "since college"),
        ("if i can do the paid side on my own", "my own"),
        ("hasn't taught A level physics", "up to speed on A?"),
        ("dysphagia - only on placement", "with the dysphagia"),
        ("behaviour management with Year 9", "feel about behaviour"),
    ],
)
def test_a_concern_is_not_pasted_into_a_frame(concern: str, bad: str) -> None:
    assert not any(bad.casefold() in text.casefold() for text in _texts(concern))


def test_a_concern_about_a_tool_asks_about_the_tool_with_its_probes() -> None:
    probes = concern_probes("never used Rezdy")
    assert probes
    assert any("Rezdy" in text for text, _ in probes)
    assert all(follow for _, follow in probes)


def test_the_bank_turns_a_concern_into_its_own_questions() -> None:
    bank = build_bank(BankRequest(concerns=["no experience with tracheostomy care"]))
    asked = [q.text for q in bank if q.source == "concern"]
    assert any("tracheostomy care" in text for text in asked), asked


def test_a_body_the_posting_names_beats_a_same_named_tool() -> None:
    # "DBT" is a funder in this sentence, whatever the word lists say of "dbt" (a tool).
    index = entity_index(skills=[("DBT", "organisation")])
    assert index.kind("DBT") is Kind.ORGANISATION


def test_a_body_named_after_under_stays_a_body() -> None:
    sentence = "Treat clients under WorkCover Queensland and Medicare"
    assert kind_in_sentence("WorkCover Queensland", sentence) is not Kind.KNOWLEDGE


@pytest.mark.parametrize(
    ("concern", "glossary", "expected"),
    [
        # The object is asked about as the kind the user's glossary gives it.
        ("hubspot??", ("HubSpot", "their CRM"), "What have you used HubSpot for"),
        ("rebooking??", ("rebooking", "the share of patients who rebook, a KPI"), "rebooking"),
        ("SBAR", ("SBAR", "handover protocol"), "Walk me through the last time you did SBAR"),
    ],
)
def test_a_concern_object_is_asked_about_as_its_kind(
    concern: str, glossary: tuple[str, str], expected: str
) -> None:
    index = entity_index(glossary=[glossary])
    bank = build_bank(BankRequest(concerns=[concern], entities=index))
    asked = [q.text for q in bank if q.source == "concern"]
    assert any(expected in text for text in asked), asked


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        # A round-1 question noted in shorthand comes back as a question a person asks.
        ("asked abt my GA monitoring", "Can you tell me about your GA monitoring?"),
        ("Q: conflict w a colleague", "Can you tell me about conflict with a colleague?"),
        ("handled an angry parent", "Tell me about a time you handled an angry parent."),
        ("why leaving", "Why leaving?"),
        ("How do you feel about OOH", "How do you feel about OOH?"),
        # A question typed in full stays as typed.
        ("Tell me about a time you failed.", "Tell me about a time you failed."),
        ("What would you do first?", "What would you do first?"),
    ],
)
def test_a_round_one_question_in_shorthand_comes_back_as_a_question(
    typed: str, expected: str
) -> None:
    assert as_question(typed) == expected


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        # A company named with its legal form, with or without its site, is a body.
        ("Nordhafen Logistik GmbH - Bremen", Kind.ORGANISATION),
        ("Kestrel Foods Pty Ltd", Kind.ORGANISATION),
        ("Brightwater Homes LLC", Kind.ORGANISATION),
        # A lower-case phrase with a plural head is work done; a mass noun is knowledge.
        ("discharge summaries", Kind.PROCEDURE),
        ("tenancy inspections", Kind.PROCEDURE),
        ("cold chain", Kind.KNOWLEDGE),
    ],
)
def test_a_phrase_shape_says_a_body_or_work_done(term: str, expected: Kind) -> None:
    assert kind_of_text(term) is expected
