"""Drafts of "What have you learned about us?" and "How would you proceed if hired?"."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import pytest

from secondround.engine.drafting.answers import (
    FACT_KINDS,
    MAX_WORDS,
    TEMPLATES,
    AnswerSentence,
    BuiltAnswer,
    Fact,
    build_learned_answer,
    build_proceed_answer,
)

Builder = Callable[..., BuiltAnswer]
BUILDERS = pytest.mark.parametrize(
    "build", [build_learned_answer, build_proceed_answer], ids=["learned", "proceed"]
)


def _fact(key: str, kind: str, text: str, source: str = "") -> Fact:
    return Fact(key=key, kind=kind, text=text, source=source or f"Saved · {kind}")


LOGISTICS = (
    "Lakeshore Freight",
    "Logistics Analyst",
    [
        _fact(
            "profile.industry", "industry", "third-party logistics for food and beverage shippers"
        ),
        _fact("product:1", "product", "refrigerated truckload"),
        _fact("product:2", "product", "LTL consolidation"),
        _fact("product:3", "product", "dedicated fleet services"),
        _fact("product:4", "product", "customs brokerage"),
        _fact("launch:1", "launch", "Opened a cold-chain hub in Joliet in March 2026"),
        _fact("launch:2", "launch", "Launched the ShipTrack customer portal"),
        _fact("competitor:1", "competitor", "Coyote Logistics"),
        _fact("competitor:2", "competitor", "C.H. Robinson"),
        _fact("competitor:3", "competitor", "Echo Global Logistics"),
        _fact(
            "press:12",
            "press",
            "Named one of Chicago's top workplaces for 2025",
            "Press · Chicago Tribune, 3 Feb 2026",
        ),
        _fact("press:13", "press", "Revenue grew 14% on new grocery contracts"),
        _fact("value:1", "value", "safety"),
        _fact("value:2", "value", "ownership"),
        _fact("value:3", "value", "treating drivers like customers"),
        _fact("social:1", "social", "Their LinkedIn posts celebrate driver safety milestones"),
        _fact(
            "takeaway:1",
            "takeaway",
            "The analytics team is small and works directly with the VP of Operations",
        ),
        _fact("challenge:1", "challenge", "reducing empty miles on the Midwest lanes"),
        _fact("challenge:2", "challenge", "Carrier scorecards are still built by hand in Excel"),
        _fact("term:1", "term", "Oracle OTM"),
        _fact("term:2", "term", "OTIF"),
        _fact("term:3", "term", "Power BI"),
        _fact("term:4", "term", "empty miles"),
        _fact("concern:1", "concern", "limited experience with Oracle OTM"),
        _fact("resp:1", "responsibility", "Analyze freight spend and carrier performance"),
        _fact(
            "resp:2", "responsibility", "Build weekly OTIF and cost-per-mile dashboards in Power BI"
        ),
        _fact("resp:3", "responsibility", "Support lane bids and carrier negotiations"),
        _fact("resp:4", "responsibility", "Maintain master data in Oracle OTM"),
    ],
)

HOSPITAL = (
    "Mercy Valley Health",
    "Nurse Manager",
    [
        _fact(
            "profile.industry",
            "industry",
            "a nonprofit regional hospital system serving northern Ohio",
        ),
        _fact("product:1", "product", "cardiac surgery"),
        _fact("product:2", "product", "maternity care"),
        _fact("product:3", "product", "a Level II trauma center"),
        _fact("launch:1", "launch", "Opened a 24-bed cardiac step-down unit in January 2026"),
        _fact("competitor:1", "competitor", "Cleveland Clinic"),
        _fact("competitor:2", "competitor", "University Hospitals"),
        _fact("press:3", "press", "Earned Magnet recognition for nursing excellence in 2025"),
        _fact("value:1", "value", "compassion"),
        _fact("value:2", "value", "shared governance"),
        _fact("value:3", "value", "patient safety"),
        _fact("social:1", "social", "Their Instagram features a night-shift nurse every Friday"),
        _fact("takeaway:1", "takeaway", "Charge nurses on 4 West want more say in scheduling"),
        _fact("challenge:1", "challenge", "Night-shift turnover is above 20%"),
        _fact("challenge:2", "challenge", "raising HCAHPS scores on 4 West"),
        _fact("term:1", "term", "HCAHPS"),
        _fact("term:2", "term", "Epic"),
        _fact("term:3", "term", "Magnet"),
        _fact("term:4", "term", "acuity-based staffing"),
        _fact("concern:1", "concern", "I have not yet managed a unionized staff"),
        _fact(
            "resp:1",
            "responsibility",
            "Lead a team of 45 RNs and CNAs on a 32-bed medical-surgical unit",
        ),
        _fact("resp:2", "responsibility", "Manage the unit's staffing, budget and scheduling"),
        _fact("resp:3", "responsibility", "Drive patient experience and quality improvement"),
    ],
)

PROFILES = pytest.mark.parametrize(
    ("company", "role", "facts"), [LOGISTICS, HOSPITAL], ids=["logistics", "hospital"]
)

THIN_INPUTS: list[tuple[str, list[Fact]]] = [
    ("nothing", []),
    ("one product", [_fact("p", "product", "Oracle OTM")]),
    ("one challenge", [_fact("c", "challenge", "Reduce overtime by 10%")]),
    ("one duty", [_fact("r", "responsibility", "Lead a team of 12 teachers")]),
    (
        "company voice",
        [
            _fact("i", "industry", "We run 14 charter schools in Denver."),
            _fact("v", "value", "Students come first"),
        ],
    ),
]


def _bare(text: str) -> str:
    return text.strip().rstrip(".;:, ").lower()


def _capitalised_words(text: str) -> set[str]:
    words = (re.sub(r"[’']s$", "", w.strip('.,;:!?()"“”')) for w in text.split())
    return {word for word in words if word[:1].isupper()}


def _all_words(texts: Sequence[str]) -> set[str]:
    return {
        re.sub(r"[’']s$", "", word.strip('.,;:!?()"“”')) for text in texts for word in text.split()
    }


def _content_words(text: str) -> set[str]:
    """A fact's words that carry its meaning (the phrasing layer may add an article, turn
    "they" into "you" or a verb into a gerund, but keeps these)."""
    stop = {"the", "a", "an", "and", "of", "to", "in", "on", "for", "with", "is", "are"}
    return {w[:5] for w in re.findall(r"[a-z0-9%]+", text.lower()) if w not in stop and len(w) > 2}


def _check_sources(answer: BuiltAnswer, company: str, role: str, facts: list[Fact]) -> None:
    by_key = {fact.key: fact for fact in facts}
    for sentence in answer.sentences:
        for key in sentence.fact_keys:
            assert key in by_key, f"{key} is not a given fact"
            wanted = _content_words(by_key[key].text) - {"their", "they", "we", "our"}
            found = _content_words(sentence.text)
            assert len(wanted & found) >= max(1, len(wanted) // 2), (key, sentence.text)
    allowed = _all_words([fact.text for fact in facts] + [company, role, *TEMPLATES.values()])
    invented = _capitalised_words(answer.text) - allowed
    assert not invented, f"words from nowhere: {sorted(invented)}"


# --------------------------------------------------------------------------------------
# Full profiles
# --------------------------------------------------------------------------------------


@PROFILES
@BUILDERS
def test_a_full_profile_gives_a_60_to_90_second_answer(
    build: Builder, company: str, role: str, facts: list[Fact]
) -> None:
    answer = build(company=company, role=role, facts=facts)
    assert 150 <= answer.words <= 230, answer.text
    assert 60 <= answer.spoken_seconds <= 92
    assert answer.missing == ()


@PROFILES
@BUILDERS
def test_every_sentence_cites_given_facts_and_invents_nothing(
    build: Builder, company: str, role: str, facts: list[Fact]
) -> None:
    answer = build(company=company, role=role, facts=facts)
    _check_sources(answer, company, role, facts)
    used = {key for sentence in answer.sentences for key in sentence.fact_keys}
    assert len(used) >= 8, "a full profile should feed most of the answer"


@PROFILES
def test_the_learned_answer_covers_business_news_market_round_one_and_culture(
    company: str, role: str, facts: list[Fact]
) -> None:
    answer = build_learned_answer(company=company, role=role, facts=facts)
    kinds = {key.split(":")[0].split(".")[0] for s in answer.sentences for key in s.fact_keys}
    assert {"profile", "product", "launch", "press", "competitor", "challenge", "value"} <= kinds
    assert answer.sentences[0].fact_keys[0] == "profile.industry"
    assert answer.sentences[-1].fact_keys == ()  # the closing ties it to the role
    assert role in answer.sentences[-1].text


@PROFILES
def test_the_proceed_answer_runs_learn_priorities_measure_close(
    company: str, role: str, facts: list[Fact]
) -> None:
    answer = build_proceed_answer(company=company, role=role, facts=facts)
    text = answer.text
    order = [text.index(marker) for marker in ("first 30 days", "day 60", "day 90", "Throughout")]
    assert order == sorted(order)
    cited = [key for sentence in answer.sentences for key in sentence.fact_keys]
    assert "challenge:1" in cited and "resp:1" in cited and "term:1" in cited


def test_competitors_are_named_without_judgement() -> None:
    company, role, facts = LOGISTICS
    answer = build_learned_answer(company=company, role=role, facts=facts)
    sentence = next(s for s in answer.sentences if "competitor:1" in s.fact_keys)
    assert "Coyote Logistics, C.H. Robinson and Echo Global Logistics" in sentence.text
    assert not re.search(r"\b(?:worse|behind|weak|beat|better than|inferior)\b", sentence.text)


def test_lists_read_naturally_and_cap_each_kind() -> None:
    company, role, facts = LOGISTICS
    answer = build_learned_answer(company=company, role=role, facts=facts)
    assert "refrigerated truckload, LTL consolidation and dedicated fleet services" in answer.text
    assert "customs brokerage" not in answer.text  # the fourth product is over the cap


@pytest.mark.parametrize(
    ("fact", "expected"),
    [
        (_fact("l", "launch", "Opened a hub in Joliet."), "Acme recently opened a hub in Joliet."),
        (_fact("l", "launch", "Named a top workplace"), "Acme was recently named a top workplace."),
        (_fact("l", "launch", "Expanding into Mexico"), "Acme is expanding into Mexico."),
        (_fact("l", "launch", "ShipTrack"), "about your newest launch, ShipTrack."),
        (_fact("l", "launch", "The new app is live"), "I read that the new app is live."),
    ],
)
def test_a_launch_is_worded_by_its_grammar(fact: Fact, expected: str) -> None:
    answer = build_learned_answer(company="Acme", role="Analyst", facts=[fact])
    assert expected in answer.text


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        # A noun phrase the parser reads as a clause ("Instagram posts about ...").
        (
            "Instagram posts about their nurse residency program",
            "I noticed Instagram posts about your nurse residency program.",
        ),
        ("eng blog posts about their Kafka migration", "I noticed eng blog posts about"),
        ("they post every Friday about new hires", "I noticed you post every Friday"),
    ],
)
def test_a_social_media_note_reads_as_english_whatever_its_form(note: str, expected: str) -> None:
    answer = build_learned_answer(
        company="Acme", role="Analyst", facts=[_fact("s", "social", note)]
    )
    assert expected in answer.text
    assert "noticed that Instagram" not in answer.text


def test_long_answers_drop_low_priority_sentences_to_fit() -> None:
    company, role, facts = LOGISTICS
    wordy = [
        *facts,
        *(
            _fact(f"press:{n}", "press", f"Story {n} about a long and detailed topic")
            for n in range(5)
        ),
        _fact("social:2", "social", "They post about drivers every single week on every channel"),
    ]
    answer = build_learned_answer(company=company, role=role, facts=wordy)
    assert answer.words <= MAX_WORDS
    assert answer.sentences[0].fact_keys  # what the company does always survives


def test_an_overlong_note_is_not_read_out_but_flagged() -> None:
    long_note = " ".join(["word"] * 50)
    facts = [*LOGISTICS[2], _fact("press:99", "press", long_note, "Press · Trade Weekly")]
    answer = build_learned_answer(company="Lakeshore Freight", role="Analyst", facts=facts)
    assert long_note not in answer.text
    assert any("Press · Trade Weekly" in advice for advice in answer.missing)


# --------------------------------------------------------------------------------------
# Thin input: no padding, say what is missing
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "facts"), THIN_INPUTS, ids=[name for name, _ in THIN_INPUTS])
@BUILDERS
def test_thin_input_gives_a_short_honest_answer_and_advice(
    build: Builder, name: str, facts: list[Fact]
) -> None:
    answer = build(company="Acme Co", role="Teacher", facts=facts)
    assert answer.missing, "thin input must say what to add"
    assert answer.words <= 75, answer.text
    _check_sources(answer, "Acme Co", "Teacher", facts)


@BUILDERS
def test_no_facts_gives_at_most_one_framing_sentence(build: Builder) -> None:
    answer = build(company="Acme Co", role="Teacher", facts=[])
    assert len(answer.sentences) <= 1
    assert all(sentence.fact_keys == () for sentence in answer.sentences)
    assert len(answer.missing) >= 3


def test_missing_advice_names_what_the_learned_answer_lacks() -> None:
    facts = [_fact("i", "industry", "regional grocery distribution")]
    answer = build_learned_answer(company="Acme", role="Buyer", facts=facts)
    advice = " ".join(answer.missing)
    assert "products or a recent launch" in advice
    assert "competitors" in advice
    assert not any("industry" in item for item in answer.missing)  # it was given


def test_company_voice_is_quoted_not_rephrased() -> None:
    facts = [_fact("i", "industry", "We run 14 charter schools in Denver.")]
    answer = build_learned_answer(company="Acme", role="Teacher", facts=facts)
    assert "describes itself: “We run 14 charter schools in Denver.”" in answer.text
    assert "that we run" not in answer.text


@pytest.mark.parametrize(
    ("fact", "present", "absent"),
    [
        # Issue 15, quoted as it came out.
        (
            _fact("i", "industry", "Temperature-controlled freight for grocers and hospitals"),
            "works in temperature-controlled freight for grocers and hospitals",
            "in Temperature",
        ),
        (
            _fact("c", "challenge", "Peak-season on-time rate fell to 93% last December"),
            "that the peak-season on-time rate fell to 93% last December",
            "are Peak-season",
        ),
        (
            _fact("c", "challenge", "they are short-staffed on nights"),
            "that you are short-staffed on nights",
            "they are",
        ),
    ],
)
def test_notes_are_worded_by_their_grammar(fact: Fact, present: str, absent: str) -> None:
    answer = build_learned_answer(company="Northwind Freight", role="Analyst", facts=[fact])
    assert present in answer.text
    assert absent not in answer.text


def test_a_competitor_is_never_a_term_to_learn() -> None:
    facts = [
        # a system, not a metric: a metric is measured, not learned
        _fact("t1", "term", "MercuryGate"),
        _fact("t2", "term", "Lineage Logistics"),
        _fact("k", "competitor", "Lineage Logistics"),
    ]
    proceed = build_proceed_answer(company="Northwind Freight", role="Analyst", facts=facts)
    learning = next(s.text for s in proceed.sentences if "up to speed" in s.text)
    assert "MercuryGate" in learning and "Lineage" not in learning


# --------------------------------------------------------------------------------------
# Properties and determinism
# --------------------------------------------------------------------------------------


@PROFILES
@BUILDERS
def test_same_input_gives_the_same_answer(
    build: Builder, company: str, role: str, facts: list[Fact]
) -> None:
    first = build(company=company, role=role, facts=facts)
    again = build(company=company, role=role, facts=list(facts))
    assert first == again


def test_text_words_and_seconds_follow_the_sentences() -> None:
    answer = BuiltAnswer(
        question="Q?",
        sentences=(AnswerSentence("One two three.", ("a",)), AnswerSentence("Four five.", ())),
        missing=(),
    )
    assert answer.text == "One two three. Four five."
    assert answer.words == 5
    assert answer.spoken_seconds == 2  # 5 words at 150 per minute


def test_unknown_kinds_duplicates_and_blanks_are_ignored() -> None:
    facts = [
        _fact("p1", "product", "Oracle OTM"),
        _fact("p2", "product", "oracle otm."),
        _fact("p3", "product", "   "),
        _fact("x", "rumour", "They are being acquired"),
    ]
    answer = build_learned_answer(company="Acme", role="Analyst", facts=facts)
    assert answer.sentences[0].fact_keys == ("p1",)
    assert "acquired" not in answer.text


def test_fact_kinds_match_the_templates() -> None:
    assert len(FACT_KINDS) == 12
    assert all("{" not in key for key in TEMPLATES)


@pytest.mark.parametrize(
    ("products", "expected"),
    [
        # Lines typed in sentence case are not names, even when a competitor's name
        # shares a word ("US Cold Storage").
        (
            ["Refrigerated trucking", "Cold storage warehousing"],
            "include refrigerated trucking and cold storage warehousing",
        ),
        (["Ledgerly Pay", "Ledgerly Invoicing"], "include Ledgerly Pay and Ledgerly Invoicing"),
    ],
)
def test_products_typed_in_sentence_case_are_lowered_mid_sentence(products, expected):
    facts = [_fact(f"p{i}", "product", text) for i, text in enumerate(products)]
    facts.append(_fact("c", "competitor", "US Cold Storage"))
    # The names the user saved (research lines, competitors), as the product passes them.
    names = [*products, "US Cold Storage"]
    answer = build_learned_answer(company="Acme", role="Analyst", facts=facts, names=names)
    assert expected in answer.text


# --------------------------------------------------------------------------------------
# Careful readings of fresh packs (eval/scenarios_fresh*/REVIEW.md), quoted as they came out
# --------------------------------------------------------------------------------------


def _sentence_with(answer: BuiltAnswer, marker: str) -> str:
    return next((s.text for s in answer.sentences if marker in s.text), "")


@pytest.mark.parametrize(
    ("terms", "kept", "left_out"),
    [
        # the trade's everyday words in lower case: "the callback", "blister packs"
        (["callback", "flat rate", "ServiceTitan"], ["ServiceTitan"], ["callback", "flat rate"]),
        (["blister packs", "Kroll", "minor ailments"], ["Kroll"], ["blister packs", "minor"]),
        # a credential is the candidate's own ("APC": annual practising certificate)
        (["ACLS", "Epic"], ["Epic"], ["ACLS"]),
    ],
)
def test_terms_to_learn_are_the_workplaces_own_names(
    terms: list[str], kept: list[str], left_out: list[str]
) -> None:
    facts = [_fact(f"t{i}", "term", term) for i, term in enumerate(terms)]
    facts.append(_fact("c", "challenge", "Night turnover is high"))
    for build, marker in ((build_learned_answer, "read up on"), (build_proceed_answer, "speed")):
        sentence = _sentence_with(build(company="Acme", role="Tech", facts=facts), marker)
        assert all(term in sentence for term in kept), sentence
        assert not any(term in sentence for term in left_out), sentence


def test_a_term_the_user_already_uses_about_their_own_work_is_not_one_to_learn() -> None:
    facts = [_fact("t1", "term", "MedsCheck"), _fact("t2", "term", "Kroll")]
    known = ["MedsCheck numbers - I do 8-10/wk"]
    proceed = build_proceed_answer(company="Bayview", role="Pharmacist", facts=facts, known=known)
    sentence = _sentence_with(proceed, "speed")
    assert "Kroll" in sentence and "MedsCheck" not in sentence
    # someone else's line names it, not the user's own work: still one to learn
    other = build_proceed_answer(
        company="Bayview", role="Pharmacist", facts=facts, known=["MedsCheck targets"]
    )
    assert "MedsCheck" in _sentence_with(other, "speed")


@pytest.mark.parametrize(
    ("terms", "expected"),
    [
        (["NPS", "FICA"], "for example through NPS."),
        (["rebooking rate"], "for example through the rebooking rate."),
        # a pricing method and a bonus are no measure of success
        (["flat rate", "spiff"], "how we measure success."),
    ],
)
def test_success_is_measured_only_by_a_metric(terms: list[str], expected: str) -> None:
    facts = [_fact(f"t{i}", "term", term) for i, term in enumerate(terms)]
    facts += [
        _fact("c", "challenge", "Night turnover is high"),
        _fact("r", "responsibility", "Run the weekly rota"),
    ]
    answer = build_proceed_answer(company="Acme", role="Tech", facts=facts)
    assert expected in _sentence_with(answer, "By day 90"), answer.text


@pytest.mark.parametrize(
    ("industry", "expected"),
    [
        ("general dentistry, privately owned", "Acme works in general dentistry"),
        ("emergency ambulance service, charitable trust", "works in emergency ambulance service"),
        ("independent community pharmacy, family owned", "Acme is an independent community"),
    ],
)
def test_a_field_is_worked_in_and_an_organisation_is_one(industry: str, expected: str) -> None:
    answer = build_learned_answer(
        company="Acme", role="Tech", facts=[_fact("i", "industry", industry)]
    )
    assert expected in answer.text, answer.text
    assert "is a general" not in answer.text


def test_the_sector_itself_is_not_one_of_its_products() -> None:
    facts = [
        _fact("i", "industry", "emergency ambulance service, charitable trust"),
        _fact("p1", "product", "emergency ambulance"),
        _fact("p2", "product", "inter-hospital patient transfers"),
    ]
    answer = build_learned_answer(company="Eastbay Ambulance Trust", role="Paramedic", facts=facts)
    assert "include inter-hospital patient transfers." in answer.text, answer.text
    assert "include emergency ambulance" not in answer.text


@pytest.mark.parametrize(
    ("launch", "expected", "absent"),
    [
        (
            "second office opening in Highlands Ranch, spring 2027",
            "I was glad to read about the second office opening in Highlands Ranch in spring 2027.",
            "newest launch",
        ),
        (
            "community paramedic role in Ōpōtiki launched July 2026",
            "launched in July 2026.",
            "launched July",
        ),
        # who was listed is not said: left out rather than "Michelin Bib Gourmand listed 2025"
        ("Michelin Bib Gourmand listed 2025", "", "Michelin"),
    ],
)
def test_a_dated_launch_says_its_date_with_in(launch: str, expected: str, absent: str) -> None:
    answer = build_learned_answer(company="Acme", role="Tech", facts=[_fact("l", "launch", launch)])
    assert expected in answer.text, answer.text
    assert absent not in answer.text


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("Facebook reviews, 4.9 stars", ""),  # a list and a rating: a note, not a sentence
        ("Google reviews 4.8 (1,200+)", ""),
        ("Facebook page posts flu clinic dates", "I noticed that your Facebook page posts flu"),
        ("Insta reels of exercise of the week", "I noticed Instagram reels of exercise"),
    ],
)
def test_a_social_note_that_is_a_list_is_left_out_and_platforms_are_spelled_out(
    note: str, expected: str
) -> None:
    answer = build_learned_answer(company="Acme", role="Tech", facts=[_fact("s", "social", note)])
    social = _sentence_with(answer, "social media")
    assert social == "" if not expected else expected in social, answer.text


def test_a_noun_challenge_the_parser_reads_as_a_clause_is_said_as_a_noun() -> None:
    facts = [_fact("c", "challenge", "callbacks on heat pump installs")]
    learned = build_learned_answer(company="Acme", role="Tech", facts=facts)
    assert "that callbacks on heat pump installs are a real challenge" in learned.text
    proceed = build_proceed_answer(company="Acme", role="Tech", facts=facts)
    assert "why callbacks" not in proceed.text


def test_the_companys_own_programme_is_not_its_challenge() -> None:
    facts = [
        _fact("p", "product", "perio program (SRP + Arestin)"),
        _fact("c1", "challenge", "holes in the hygiene schedule - last min cancellations"),
        _fact("c2", "challenge", "perio program - want more pts to accept SRP"),
        _fact("c3", "challenge", "keeping volunteers"),
    ]
    answer = build_learned_answer(company="Acme", role="Hygienist", facts=facts)
    sentence = _sentence_with(answer, "took away")
    assert "holes in the hygiene schedule" in sentence and "perio" not in sentence, sentence


@pytest.mark.parametrize(
    ("launch", "expected"),
    [
        ("the lobby renovation starts February", "the lobby renovation starts in February."),
        ("its spring 2026 range is out", "its spring 2026 range is out"),
    ],
)
def test_a_bare_date_after_a_verb_gets_in_and_nothing_else_does(launch: str, expected: str) -> None:
    answer = build_learned_answer(company="Acme", role="Tech", facts=[_fact("l", "launch", launch)])
    assert expected in answer.text, answer.text


@pytest.mark.parametrize(
    ("product", "expected"),
    [
        ("CPR in Schools programme", "include a CPR in Schools programme."),
        ("perio program (SRP + Arestin)", "include a perio program (SRP and Arestin)."),
        ("inter-hospital patient transfers", "include inter-hospital patient transfers."),
    ],
)
def test_a_longer_product_with_a_singular_head_takes_a(product: str, expected: str) -> None:
    answer = build_learned_answer(
        company="Acme", role="Tech", facts=[_fact("p", "product", product)]
    )
    assert expected in answer.text, answer.text


def test_a_headline_with_its_own_colon_is_quoted_whole_before_its_summary() -> None:
    text = (
        "Ofsted: Kirkdale children's services 'requires improvement to be good': "
        "The 2024 inspection found caseloads too high and recording late in some teams."
    )
    answer = build_learned_answer(
        company="Kirkdale", role="Social Worker", facts=[_fact("p", "press", text)]
    )
    assert "“Ofsted: Kirkdale children's services 'requires improvement to be good'”" in (
        answer.text
    ), answer.text


@pytest.mark.parametrize(
    ("industry", "expected"),
    [
        ("accountancy practice", "Acme is an accountancy practice"),
        ("structural steel fabrication for mining", "Acme works in structural steel fabrication"),
    ],
)
def test_an_organisation_head_takes_a_and_a_field_head_works_in(
    industry: str, expected: str
) -> None:
    facts = [_fact("i", "industry", industry)]
    assert expected in build_learned_answer(company="Acme", role="Tech", facts=facts).text


def test_products_that_hold_their_own_and_keep_the_lists_commas() -> None:
    facts = [
        _fact("p1", "product", "chutes and liners"),
        _fact("p2", "product", "platforms and walkways"),
    ]
    answer = build_learned_answer(company="Acme", role="Welder", facts=facts)
    assert "include chutes and liners, and platforms and walkways." in answer.text, answer.text


def test_a_second_duty_and_a_month_are_cased_for_mid_sentence() -> None:
    facts = [
        _fact("r1", "responsibility", "Process purchase and sales ledgers in Xero"),
        _fact("r2", "responsibility", "Prepare VAT returns under Making Tax Digital"),
        _fact("c", "challenge", "the january self assessment peak"),
    ]
    answer = build_proceed_answer(company="Acme", role="Accountant", facts=facts)
    assert "and prepare VAT returns under Making Tax Digital" in answer.text, answer.text
    assert "the January self assessment peak" in answer.text, answer.text


def test_a_name_the_user_capitalises_elsewhere_keeps_its_capital_in_a_challenge() -> None:
    facts = [
        _fact("p", "product", "clinical Pilates studio"),
        _fact("c", "challenge", "Pilates classes short of staff"),
    ]
    answer = build_learned_answer(company="Bayside", role="Physio", facts=facts)
    # the headline's missing "are" is said, the name keeps its capital
    assert "Pilates classes are short of staff" in answer.text, answer.text


def test_a_capital_elsewhere_does_not_reach_a_word_mid_line() -> None:
    facts = [
        _fact("p", "product", "Edge of Care team"),
        _fact("c", "challenge", "patient care is slipping on nights"),
    ]
    answer = build_learned_answer(company="Kirkdale", role="Social Worker", facts=facts)
    assert "patient care is slipping" in answer.text, answer.text


def test_an_and_inside_a_products_brackets_does_not_change_the_lists_commas() -> None:
    facts = [
        _fact("p1", "product", "perio program (SRP + Arestin)"),
        _fact("p2", "product", "Smile Club membership plan"),
        _fact("p3", "product", "same-day crowns (CEREC)"),
    ]
    answer = build_learned_answer(company="Acme", role="Hygienist", facts=facts)
    assert "a Smile Club membership plan and same-day crowns (CEREC)." in answer.text, answer.text


@pytest.mark.parametrize("code", ["CSA B149.1", "AS/NZS 1554.1", "NFPA 70E"])
def test_a_standards_code_is_the_trades_rulebook_not_a_term_to_learn(code: str) -> None:
    facts = [_fact("t1", "term", code), _fact("t2", "term", "ServiceTitan")]
    proceed = build_proceed_answer(company="Acme", role="Tech", facts=facts)
    sentence = _sentence_with(proceed, "speed")
    assert "ServiceTitan" in sentence and code not in sentence, sentence


def test_products_with_their_own_article_need_no_extra_comma() -> None:
    facts = [
        _fact("p1", "product", "heart and vascular institute"),
        _fact("p2", "product", "Level II trauma center"),
    ]
    answer = build_learned_answer(company="Acme", role="Nurse", facts=facts)
    assert "a heart and vascular institute and a Level II trauma center." in answer.text


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        ("twitter account posts lots of trips", "I noticed that your Twitter account posts lots"),
        ("Instagram posts about their residency", "I noticed Instagram posts about"),
    ],
)
def test_a_platforms_page_is_the_subject_of_its_verb(note: str, expected: str) -> None:
    answer = build_learned_answer(company="Acme", role="Tech", facts=[_fact("s", "social", note)])
    assert expected in answer.text, answer.text


def test_a_one_word_name_to_learn_takes_no_article() -> None:
    facts = [_fact("t1", "term", "Seneca"), _fact("t2", "term", "CPOMS")]
    answer = build_proceed_answer(company="Acme", role="Teacher", facts=facts)
    assert "getting up to speed on Seneca and CPOMS" in answer.text, answer.text


@pytest.mark.parametrize(
    "facts",
    [
        [_fact("t1", "term", "Kanban board"), _fact("t2", "term", "Gemba walk")],
        [_fact("v1", "value", "Safety first")],
    ],
)
def test_an_answer_never_opens_with_also(facts: list[Fact]) -> None:
    answer = build_learned_answer(company="Nordhafen Logistik", role="Team Lead", facts=facts)
    first = answer.sentences[0].text
    assert " also " not in first.split(",")[0], first


# --------------------------------------------------------------------------------------
# Issue 15, answers6: classes found reading fresh3 and fresh4 (examples invented here)
# --------------------------------------------------------------------------------------


def _glossary_answers(glossary: list[tuple[str, str]]) -> tuple[BuiltAnswer, BuiltAnswer]:
    from secondround.engine.nlp.entities import entity_index

    facts = [_fact(f"t{i}", "term", term) for i, (term, _) in enumerate(glossary)]
    facts += [
        _fact("c", "challenge", "Night turnover is high"),
        _fact("r", "responsibility", "Run the weekly rota"),
    ]
    index = entity_index(glossary=glossary, organisations=["Acme"])
    built = [
        build(company="Acme", role="Tech", facts=facts, entities=index)
        for build in (build_learned_answer, build_proceed_answer)
    ]
    return built[0], built[1]


@pytest.mark.parametrize(
    ("glossary", "kept", "left_out"),
    [
        # the trade's own word, spelled out or explained: said daily, not read up on
        (
            [("PO", "purchase order"), ("Coupa", "purchasing software")],
            ["Coupa"],
            ["PO"],
        ),
        (
            [("STAT", "urgent sample"), ("Sunquest", "the lab system")],
            ["Sunquest"],
            ["STAT"],
        ),
        # a food safety plan is a way of working, an ingredient is no system
        (
            [
                ("HACCP", "food safety plan"),
                ("Valrhona chocolate", "french couverture, 70%"),
                ("Apicbase", "recipe costing software they use"),
            ],
            ["Apicbase"],
            ["HACCP", "Valrhona"],
        ),
        # a room, a project already told as news, and a law are no things to get up to speed on
        (
            [
                ("Dispatch", "the control room upstairs"),
                ("Westgate Stadium", "the pavilion project"),
                ("Procurement Act 2023", "the act, contract rules"),
                ("Optibus", "rostering platform"),
                ("eRoster", "the shift swap system"),
            ],
            ["Optibus", "eRoster"],
            ["Dispatch", "Westgate", "Procurement Act"],
        ),
    ],
)
def test_only_the_workplaces_systems_and_products_are_terms_to_learn(
    glossary: list[tuple[str, str]], kept: list[str], left_out: list[str]
) -> None:
    learned, proceed = _glossary_answers(glossary)
    for answer, marker in ((learned, "read up on"), (proceed, "up to speed")):
        sentence = _sentence_with(answer, marker)
        assert all(term in sentence for term in kept), answer.text
        assert not any(term in answer.text for term in left_out), answer.text


@pytest.mark.parametrize(
    "glossary",
    [
        [("RFQ", "request for quote"), ("NCR", "non-conformance report")],
        [("Isigny butter", "french AOP butter"), ("Garde", "the pastry cold room")],
    ],
)
def test_without_a_system_to_learn_the_answers_say_how_the_work_flows(
    glossary: list[tuple[str, str]],
) -> None:
    learned, proceed = _glossary_answers(glossary)
    assert "read up on" not in learned.text, learned.text
    assert "up to speed" not in proceed.text, proceed.text
    assert "learning how the work flows today" in proceed.text, proceed.text


@pytest.mark.parametrize(
    ("fact", "expected", "absent"),
    [
        # a region's adjective typed in lower case: English always capitalises it
        (
            _fact("l", "launch", "new scandinavian brunch menu june 2027"),
            "Scandinavian brunch menu",
            "scandinavian",
        ),
        # note shorthand inside a good sentence, said in full
        (_fact("c", "challenge", "xmas orders double the workload"), "Christmas", "xmas"),
        (_fact("c", "challenge", "staff evals are always late"), "evaluations", "evals"),
    ],
)
def test_shorthand_and_proper_adjectives_are_written_out(
    fact: Fact, expected: str, absent: str
) -> None:
    answer = build_learned_answer(company="Acme", role="Cook", facts=[fact])
    assert expected in answer.text and absent not in answer.text, answer.text


@pytest.mark.parametrize(
    ("kind", "texts", "expected"),
    [
        # a competitor described, not named
        (
            "competitor",
            ["Northgate Bakery", "corner bakery on Main Street"],
            "compete with Northgate Bakery and the corner bakery on Main Street,",
        ),
        # a name's own restaurant is one of a kind: "the", never "a"
        (
            "product",
            ["Casa Lumière spa", "afternoon tea"],
            "include the Casa Lumière spa and afternoon tea.",
        ),
    ],
)
def test_a_described_competitor_and_a_named_place_take_the(
    kind: str, texts: list[str], expected: str
) -> None:
    facts = [_fact(f"x{i}", kind, text) for i, text in enumerate(texts)]
    answer = build_learned_answer(company="Acme", role="Cook", facts=facts)
    assert expected in answer.text, answer.text


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # several values typed on one line are several values, never "one of your values"
        (["Kindness, Curiosity, Grit"], "your values, “Kindness”, “Curiosity” and “Grit”."),
        (["Respect for all"], "one of your values, “Respect for all”."),
    ],
)
def test_values_typed_on_one_line_are_said_as_a_list(values: list[str], expected: str) -> None:
    facts = [_fact(f"v{i}", "value", text) for i, text in enumerate(values)]
    answer = build_learned_answer(company="Acme", role="Cook", facts=facts)
    assert expected in answer.text, answer.text
