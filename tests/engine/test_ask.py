"""S8: questions to ask each interviewer (secondround.engine.drafting.ask and its data file)."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from secondround.engine.drafting.ask import (
    LIBRARY_PATH,
    PURPOSE_ORDER,
    PURPOSES,
    RELATIONS,
    TERM_PLACEHOLDER,
    AskPerson,
    AskQuestion,
    load_ask_library,
    pay_was_raised,
    questions_to_ask,
)
from secondround.engine.nlp import phrasing
from secondround.engine.nlp.entities import SLOT_KINDS, entity_index
from secondround.engine.nlp.phrasing import AGREEMENT

DAY = (
    AskPerson(key="dana", name="Dana", relation="hiring_manager", order=0),
    AskPerson(key="lee", name="Lee", relation="peer", order=1),
    AskPerson(key="sam", name="Sam", relation="hr", order=2),
    AskPerson(key="ari", name="Ari", relation="technical_expert", order=3),
    AskPerson(key="kim", name="Kim", relation="managers_manager", order=4),
)
BY_ID = {q.id: q for q in load_ask_library()}


def all_ids(plan: dict[str, list[AskQuestion]]) -> list[str]:
    return [q.id for questions in plan.values() for q in questions]


# --- the engine -------------------------------------------------------------------


@pytest.mark.parametrize("seed", ["", "a", "opportunity-42", "xyz"])
def test_five_person_day_has_no_duplicates_and_full_lists(seed: str) -> None:
    plan = questions_to_ask(DAY, seed=seed)
    assert list(plan) == [p.key for p in DAY]
    ids = all_ids(plan)
    assert len(ids) == len(set(ids))
    texts = [q.text for questions in plan.values() for q in questions]
    assert len(texts) == len(set(texts))
    for questions in plan.values():
        assert len(questions) == 4
        assert all(q.reason for q in questions)


def test_each_person_gets_different_purposes() -> None:
    plan = questions_to_ask(DAY, seed="s")
    for questions in plan.values():
        purposes = [q.purpose for q in questions]
        assert len(purposes) == len(set(purposes))


def test_last_person_gets_next_steps_and_nobody_else() -> None:
    plan = questions_to_ask(DAY, seed="s")
    assert [q.purpose for q in plan["kim"]].count("next_steps") == 1
    assert plan["kim"][-1].purpose == "next_steps"
    assert "last interviewer" in plan["kim"][-1].reason
    for key in ("dana", "lee", "sam", "ari"):
        assert all(q.purpose != "next_steps" for q in plan[key])


def test_last_is_by_order_not_by_position() -> None:
    shuffled = (DAY[4], DAY[0], DAY[3], DAY[1], DAY[2])
    plan = questions_to_ask(shuffled)
    assert any(q.purpose == "next_steps" for q in plan["kim"])
    assert sum(q.purpose == "next_steps" for q in plan_all(plan)) == 1


def plan_all(plan: dict[str, list[AskQuestion]]) -> list[AskQuestion]:
    return [q for questions in plan.values() for q in questions]


def test_single_person_day_still_gets_next_steps() -> None:
    plan = questions_to_ask([AskPerson("x", "Alex", None, 0)], per_person=1)
    assert [q.purpose for q in plan["x"]] == ["next_steps"]


@pytest.mark.parametrize("seed", ["", "1", "2", "3", "4", "5"])
def test_no_salary_unless_pay_raised(seed: str) -> None:
    plan = questions_to_ask(DAY, seed=seed, per_person=8)
    assert not any(BY_ID[q.id].salary for q in plan_all(plan))


def test_pay_raised_gives_hr_one_salary_question() -> None:
    plan = questions_to_ask(DAY, pay_raised=True, seed="s")
    salary = [(key, q) for key, qs in plan.items() for q in qs if q.purpose == "salary_benefits"]
    assert len(salary) == 1
    assert salary[0][0] == "sam"
    assert "raised pay" in salary[0][1].reason


def test_pay_raised_without_hr_goes_to_hiring_manager() -> None:
    day = [p for p in DAY if p.relation != "hr"]
    plan = questions_to_ask(day, pay_raised=True)
    assert any(q.purpose == "salary_benefits" for q in plan["dana"])


def test_tailoring_uses_the_terms_at_most_once_per_person() -> None:
    terms = ["Project Atlas", "Care First"]
    index = entity_index(launches=["Project Atlas"], values=["Care First"])
    plan = questions_to_ask(DAY, terms=terms, seed="s", entities=index)
    tailored = [q for q in plan_all(plan) if BY_ID[q.id].tailor]
    assert tailored
    for q in tailored:
        assert TERM_PLACEHOLDER not in q.text
        assert any(term in q.text for term in terms)
        assert any(term in q.reason for term in terms)
    for questions in plan.values():
        assert sum(BY_ID[q.id].tailor for q in questions) <= 1
    used_terms = {term for q in tailored for term in terms if term in q.text}
    assert used_terms == set(terms)


def test_no_templates_without_terms() -> None:
    for seed in ("", "a", "b"):
        plan = questions_to_ask(DAY, seed=seed, per_person=10)
        assert all("{" not in q.text for q in plan_all(plan))
        assert not any(BY_ID[q.id].tailor for q in plan_all(plan))


def test_pinned_come_first_and_may_repeat_across_people() -> None:
    shared = "ask-001"  # an accountability question
    pinned = {"dana": [shared, "ask-050"], "lee": [shared]}
    plan = questions_to_ask(DAY, pinned=pinned, seed="s")
    assert [q.id for q in plan["dana"][:2]] == [shared, "ask-050"]
    assert plan["lee"][0].id == shared
    assert "pinned" in plan["dana"][0].reason
    ids = all_ids(plan)
    counts = Counter(ids)
    assert counts[shared] == 2
    assert all(n == 1 for qid, n in counts.items() if qid != shared)
    # The pinned purpose is covered: no second accountability question for Dana.
    assert [q.purpose for q in plan["dana"]].count("accountability") == 1


def test_pinned_ids_are_not_given_to_others() -> None:
    # Pin, for Kim, every question that suits a peer: Lee must not get any of them.
    peer_ids = [q.id for q in load_ask_library() if q.suits("peer") and not q.last_only]
    plan = questions_to_ask(DAY, pinned={"kim": peer_ids[:20]}, seed="s")
    assert not set(q.id for q in plan["lee"]) & set(peer_ids[:20])


def test_pinned_next_steps_for_last_person_is_not_doubled() -> None:
    closing = next(q.id for q in load_ask_library() if q.last_only)
    plan = questions_to_ask(DAY, pinned={"kim": [closing]})
    assert [q.purpose for q in plan["kim"]].count("next_steps") == 1
    assert plan["kim"][0].id == closing


def test_unknown_pinned_ids_are_ignored() -> None:
    plan = questions_to_ask(DAY, pinned={"dana": ["nope"]})
    assert len(plan["dana"]) == 4


@pytest.mark.parametrize("seed", ["", "x", "y", "z"])
def test_relation_suitability_and_priorities(seed: str) -> None:
    plan = questions_to_ask(DAY, seed=seed)
    relation = {p.key: p.relation for p in DAY}
    for key, questions in plan.items():
        for q in questions:
            assert BY_ID[q.id].suits(str(relation[key])), (key, q.id)
    assert {q.purpose for q in plan["dana"]} >= {"accountability", "manager_style", "challenges"}
    assert {q.purpose for q in plan["kim"]} >= {"company_plans", "challenges", "next_steps"}
    assert {q.purpose for q in plan["lee"]} >= {"team_dynamics", "best_thing", "cross_department"}
    assert {q.purpose for q in plan["sam"]} >= {"culture", "fit_for_me"}
    assert {q.purpose for q in plan["ari"]} >= {"technical", "challenges"}


def test_reasons_name_the_person_and_role() -> None:
    plan = questions_to_ask(DAY)
    assert all(q.reason.startswith("Dana would be your manager") for q in plan["dana"])
    assert all("Lee" in q.reason for q in plan["lee"])


def test_unknown_or_missing_relation_counts_as_other() -> None:
    day = [AskPerson("a", "Ann", None, 0), AskPerson("b", "Bo", "janitor", 1)]
    plan = questions_to_ask(day)
    for q in plan_all(plan):
        assert BY_ID[q.id].suits("other")


def test_deterministic_for_a_seed() -> None:
    kwargs = {"terms": ["Atlas"], "pay_raised": True}
    assert questions_to_ask(DAY, seed="s", **kwargs) == questions_to_ask(DAY, seed="s", **kwargs)
    plans = {tuple(all_ids(questions_to_ask(DAY, seed=str(i)))) for i in range(6)}
    assert len(plans) > 1  # the seed does vary the choice


def test_large_budget_never_duplicates() -> None:
    plan = questions_to_ask(DAY, per_person=25, terms=["Atlas"], pay_raised=True, seed="s")
    ids = all_ids(plan)
    assert len(ids) == len(set(ids))
    assert all(len(questions) == 25 for questions in plan.values())


def test_bad_input() -> None:
    assert questions_to_ask([]) == {}
    with pytest.raises(ValueError):
        questions_to_ask([AskPerson("a", "A", None, 0), AskPerson("a", "B", None, 1)])
    with pytest.raises(ValueError):
        questions_to_ask(DAY, per_person=-1)


# --- did the employer raise pay? ----------------------------------------------------


@pytest.mark.parametrize(
    "notes",
    [
        "They asked my salary expectations.",
        "HR mentioned the pay band for the role.",
        "We discussed compensation briefly at the end.",
        "Recruiter shared the salary range: 70-80k.",
        "Asked my salary expectations",
        "I was asked about my current salary",
        "Salary came up with the hiring manager",
        "Good chat. The manager walked me through the benefits package.",
        "They explained the bonus scheme and pension.",
        "Sam raised the topic of pay",
        "They asked my salary expectations and I didn't have a number ready",
    ],
)
def test_pay_was_raised_true(notes: str) -> None:
    assert pay_was_raised(notes)


@pytest.mark.parametrize(
    "notes",
    [
        "",
        "I must not ask about salary.",
        "Don't bring up pay until they do",
        "Salary was not discussed.",
        "They never mentioned compensation",
        "No talk of benefits yet",
        "I will ask about benefits next time",
        "My salary target is 90k",
        "Pay attention to the recruiter's tone",
        "They asked about my biggest project and my notice period",
        "We discussed the benefits of the new system for customers",
    ],
)
def test_pay_was_raised_false(notes: str) -> None:
    assert not pay_was_raised(notes)


# --- the data file -------------------------------------------------------------------


def test_data_file_schema() -> None:
    raw = json.loads(LIBRARY_PATH.read_text(encoding="utf-8"))
    questions = raw["questions"]
    assert len(questions) >= 130
    keys = {"id", "text", "purpose", "relations", "tailor", "salary", "last_only"}
    for q in questions:
        assert keys <= set(q), q
        assert q["id"].startswith("ask-")
        assert q["purpose"] in PURPOSES
        assert q["relations"] and set(q["relations"]) <= set(RELATIONS)
        assert len(q["relations"]) == len(set(q["relations"]))
        assert q["tailor"] == (TERM_PLACEHOLDER in q["text"])
        rest = q["text"].replace(TERM_PLACEHOLDER, "")
        for token in AGREEMENT:
            rest = rest.replace(token, "")
        assert rest.count("{") == 0
        assert bool(q.get("accepts")) == q["tailor"], q["id"]
        assert set(q.get("accepts", [])) <= {kind.value for kind in SLOT_KINDS}
        assert q["salary"] == (q["purpose"] == "salary_benefits")
        assert q["last_only"] == (q["purpose"] == "next_steps")
        assert q["text"].strip().endswith("?")
    ids = [q["id"] for q in questions]
    assert len(ids) == len(set(ids))
    texts = [" ".join(q["text"].lower().split()) for q in questions]
    assert len(texts) == len(set(texts))


def test_data_file_counts() -> None:
    library = load_ask_library()
    per_purpose = Counter(q.purpose for q in library)
    for purpose in PURPOSES:
        minimum = {"next_steps": 5, "salary_benefits": 6}.get(purpose, 8)
        assert per_purpose[purpose] >= minimum, purpose
    for relation in RELATIONS:
        suited = [q for q in library if q.suits(relation) and not q.salary and not q.last_only]
        assert len(suited) >= 15, relation
        # every purpose a relation's plan asks for has at least one question for it
        for purpose in PURPOSE_ORDER[relation][:3]:
            assert any(q.purpose == purpose and not q.tailor for q in suited), (relation, purpose)
    assert sum(q.tailor for q in library) >= 8


def test_library_is_cached() -> None:
    assert load_ask_library() is load_ask_library()
    assert load_ask_library(LIBRARY_PATH) is load_ask_library()


@pytest.mark.parametrize(
    ("term", "kind_words", "never"),
    [
        # Issue 15: each of these came out of the old drafter.
        ("Alaris pumps", "tool", "Where does Alaris pumps fit"),
        ("CAUTI bundle", "procedure", "working on CAUTI bundle"),
        ("MercuryGate", "tool", "What part would this role play in MercuryGate"),
        ("OTIF", "metric", "What does OTIF say about the way people work"),
    ],
)
def test_slots_take_only_terms_of_the_kinds_they_accept(term, kind_words, never) -> None:
    index = entity_index(
        glossary=[
            (
                term,
                {
                    "tool": "the software they use",
                    "procedure": "a prevention checklist",
                    "metric": "a score they track",
                }[kind_words],
            )
        ]
    )
    for seed in ("", "a", "b", "c"):
        plan = questions_to_ask(DAY, terms=[term], seed=seed, entities=index)
        for q in plan_all(plan):
            assert never not in q.text
            if q.filler:
                assert q.filler_kind in BY_ID[q.id].accepts, (q.id, q.text)


def test_competitors_and_schedules_never_fill_a_slot() -> None:
    index = entity_index(competitors=["Lineage Logistics"])
    plan = questions_to_ask(
        DAY, terms=["Lineage Logistics", "every third weekend"], seed="s", entities=index
    )
    assert not any(q.filler for q in plan_all(plan))


@pytest.mark.parametrize(
    ("template", "filler", "expected"),
    [
        (
            "Who on the team knows {term} best, and how do new people learn {it}?",
            "land use applications",
            "Who on the team knows land use applications best, and how do new people learn them?",
        ),
        (
            "On a scale of one to ten, how would you rate your {term}, and what would it take "
            "to move up a point?",
            "reconciliations",
            "On a scale of one to ten, how would you rate your reconciliations, and what would "
            "it take to move up a point?",
        ),
        (
            "Who on the team knows {term} best, and how do new people learn {it}?",
            "cost and service improvements",
            "Who on the team knows the cost and service improvements best, and how do new "
            "people learn them?",
        ),
        (
            "Where {does} {term} fit in the organisation's plans for the next few years?",
            "Cold storage warehousing",
            "Where does cold storage warehousing fit in the organisation's plans for the next "
            "few years?",
        ),
        (
            "How has {term} changed the way you work day to day?",
            "Rails monolith",  # a name and its kind, not a line in sentence case
            "How has the Rails monolith changed the way you work day to day?",
        ),
        (
            "How {is} {term} changing the way the team works?",
            "CAUTI bundle",
            "How is the CAUTI bundle changing the way the team works?",
        ),
    ],
)
def test_only_the_marked_words_agree_with_the_slot(template, filler, expected):
    assert phrasing.fill_slot(template, "{term}", filler) == expected
