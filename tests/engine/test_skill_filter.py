"""The typed skill filter, the skill types and the learned filter's fallbacks."""

from __future__ import annotations

import json

import pytest

from secondround.engine.nlp import parsing as nlp
from secondround.engine.reading import skill_filter, skill_model, skill_types, skill_words
from secondround.engine.reading.skill_filter import judge
from secondround.engine.reading.skill_words import WORDS_FILE


def _judge(sentence: str, phrase: str) -> skill_words.Verdict:
    start = sentence.index(phrase)
    return judge(sentence, start, start + len(phrase))


# (sentence, phrase proposed by a reader, kept?, the kept name or a word of the reason)
CASES = [
    (
        "Full-time nights, every third weekend and rotating holidays.",
        "every third weekend",
        False,
        "time",
    ),
    (
        "Full-time nights, every third weekend and rotating holidays.",
        "rotating holidays",
        False,
        "time",
    ),
    ("Three 12-hour shifts per week.", "12-hour shifts", False, "time"),
    ("Ability to stay calm under pressure.", "stay calm under pressure", False, ""),
    ("Compassionate, dependable and a team player.", "Compassionate", False, "noun"),
    ("Compassionate, dependable and a team player.", "team player", False, "trait"),
    ("Positive attitude under pressure.", "Positive attitude", False, "trait"),
    ("Strong time management skills.", "time management", False, "soft"),
    ("Medical, dental and vision insurance from day one.", "vision insurance", False, "benefit"),
    (
        "403(b) with employer match and tuition reimbursement.",
        "tuition reimbursement",
        False,
        "benefit",
    ),
    ("Pay range: $38.50 - $52.00 per hour.", "$38.50 - $52.00", False, ""),
    ("Join our cardiac unit in Dayton, Ohio.", "Dayton, Ohio", False, "place"),
    ("Work with physicians, pharmacy and case management.", "physicians", False, "role"),
    (
        "You will run the services behind our payments platform.",
        "payments platform",
        False,
        "employer",
    ),
    ("A self-starter attitude.", "self-starter", False, "trait"),
    ("Keep the work area clean and safe.", "work area", False, "place"),
    ("Answer guest questions promptly.", "guest questions", False, "vague"),
    ("Perform megger testing and continuity checks.", "megger testing", True, "megger testing"),
    (
        "Perform megger testing and continuity checks.",
        "continuity checks",
        True,
        "continuity checks",
    ),
    ("Titrate cardiac drips per protocol.", "Titrate cardiac drips", True, "cardiac drips"),
    ("Current RN license in Ohio.", "RN", True, "RN license"),
    ("BLS certification required.", "BLS", True, "BLS"),
    ("Forklift certification required.", "Forklift", True, "Forklift certification"),
    (
        "Bachelor's degree in Accounting or Finance.",
        "Accounting",
        True,
        "Bachelor's degree in Accounting or Finance",
    ),
    ("Experience with Epic documentation.", "Epic", True, "Epic"),
    ("Move residents safely with hoists and slide sheets.", "slide sheets", True, "slide sheets"),
    (
        "Follow Keeping Children Safe in Education.",
        "Keeping Children Safe in Education",
        True,
        "Keeping Children Safe in Education",
    ),
]


@pytest.mark.parametrize(("sentence", "phrase", "keep", "expected"), CASES)
def test_judge_keeps_skills_and_drops_conditions_traits_and_people(
    sentence: str, phrase: str, keep: bool, expected: str
) -> None:
    verdict = _judge(sentence, phrase)
    assert verdict.keep is keep, verdict
    if keep:
        assert sentence[verdict.start : verdict.end] == expected
    else:
        assert expected in verdict.reason


@pytest.mark.parametrize(
    ("sentence", "phrase", "keep"),
    [
        ("A Heavy Goods Vehicle (HGV) driver transports goods.", "HGV", False),
        ("Valid HGV licence required.", "HGV", True),
        ("Line Cook / Chef de Partie wanted.", "Chef", False),
    ],
)
def test_curated_names_still_checked_for_roles(sentence: str, phrase: str, keep: bool) -> None:
    start = sentence.index(phrase)
    verdict = judge(sentence, start, start + len(phrase), curated=True)
    assert verdict.keep is keep


@pytest.mark.parametrize(
    ("sentence", "phrase", "keep"),
    [
        ("Must work every third weekend.", "every third weekend", False),
        ("Dental insurance and a sign-on bonus.", "sign-on bonus", False),
        ("Kind, patient and reliable.", "reliable", True),  # no parse: no word class either
        ("Experience with wound care.", "wound care", True),
    ],
)
def test_without_the_parse_the_word_tables_still_apply(
    monkeypatch: pytest.MonkeyPatch, sentence: str, phrase: str, keep: bool
) -> None:
    def unavailable(text: str) -> None:
        raise nlp.NlpUnavailable("no model in this test")

    monkeypatch.setattr(nlp, "parse", unavailable)
    assert _judge(sentence, phrase).keep is keep


@pytest.mark.parametrize(
    ("sentence", "pieces"),
    [
        ("Install receptacles, switches, dimmers", ["Install receptacles", "switches", "dimmers"]),
        ("Receive checking and savings deposits", ["Receive checking and savings deposits"]),
    ],
)
def test_split_coordination(sentence: str, pieces: list[str]) -> None:
    spans = skill_filter.split_coordination(sentence, 0, len(sentence))
    assert [sentence[s:e] for s, e in spans] == pieces


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("BLS", "certification"),
        ("RN license", "certification"),
        ("Bachelor's degree in Pharmacy", "certification"),
        ("CPC", "certification"),
        ("Epic", "tool"),
        ("Opera PMS", "tool"),
        ("multimeters", "tool"),
        ("cash register", "tool"),
        ("wound care", "procedure"),
        ("megger testing", "procedure"),
        ("journal entries", "procedure"),
        ("Balance the drawer", "procedure"),
        ("GAAP", "knowledge"),
        ("National Electrical Code", "knowledge"),
        ("Mental Capacity Act", "knowledge"),
        ("infection control", "knowledge"),
        ("", "knowledge"),
    ],
)
def test_skill_types(name: str, kind: str) -> None:
    assert skill_types.skill_type(name) == kind


@pytest.mark.parametrize("name", ["telemetry", "QuickBooks", "x", "Ünïcödé", "a" * 500])
def test_skill_type_is_always_one_of_the_four(name: str) -> None:
    assert skill_types.skill_type(name) in skill_types.TYPES


def test_word_tables_have_their_shape() -> None:
    data = json.loads(WORDS_FILE.read_text(encoding="utf-8"))
    for key, value in data.items():
        if key.startswith("_"):
            continue
        if key == "type_examples":
            assert set(value) == set(skill_types.TYPES)
            assert all(isinstance(x, str) and x for names in value.values() for x in names)
            continue
        assert isinstance(value, list) and value, key
        assert all(isinstance(x, str) and x == x.strip() for x in value), key
        if not key.endswith("acronyms"):
            assert all(x == x.lower() for x in value), key


def test_without_a_learned_model_every_candidate_is_accepted() -> None:
    sentence = "Perform megger testing and keep the start clean."
    with skill_model.using(None):
        assert skill_model.accept(sentence, [(8, 22, "phrase"), (36, 41, "phrase")]) == [
            True,
            True,
        ]
    assert skill_model.accept(sentence, []) == []


def test_the_shipped_model_matches_its_digest() -> None:
    model = skill_model.load()
    assert model.weights.ndim == 1 and 0.0 < model.threshold < 1.0


def test_a_verb_after_and_makes_a_clause() -> None:
    sentence = "Titrate cardiac drips per protocol and administer medications."
    verdict = _judge(sentence, "protocol and administer medications")
    assert not verdict.keep and verdict.reason == "clause"
