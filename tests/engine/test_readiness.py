"""The preparation path of a round: statuses, counts, the next step and the figure."""

from __future__ import annotations

from dataclasses import replace

import pytest

from secondround.engine.overview.readiness import RoundFacts, path_as_json, round_path

NOTHING = RoundFacts(
    days_left=None,
    ended=False,
    people=0,
    people_complete=0,
    earlier_round=True,
    debrief_questions=0,
    debrief_struggled=0,
    company_researched=False,
    people_researched=0,
    likely_questions=0,
    likely_prepared=0,
    likely_without_story=0,
    stories=0,
    practised=0,
    practised_spoken=0,
    people_with_own_questions=0,
    plan=False,
    salary_target=False,
    brief_ready=False,
)
READY = replace(
    NOTHING,
    days_left=6.0,
    people=3,
    people_complete=3,
    debrief_questions=5,
    debrief_struggled=2,
    company_researched=True,
    people_researched=3,
    likely_questions=18,
    likely_prepared=18,
    stories=6,
    practised=4,
    practised_spoken=2,
    people_with_own_questions=3,
    plan=True,
    salary_target=True,
    brief_ready=True,
)


def test_a_new_round_starts_with_the_roster_and_nothing_done():
    path = round_path(NOTHING)
    assert [step.key for step in path.steps] == [
        "roster",
        "debrief",
        "research",
        "questions",
        "stories",
        "practice",
        "day",
        "brief",
        "after",
    ]
    assert {step.status for step in path.steps} == {"not_started"}
    assert path.next_step.key == "roster"
    assert path.readiness == 0.0


def test_a_first_round_has_no_debrief_step():
    path = round_path(replace(NOTHING, earlier_round=False))
    assert path.step("debrief") is None


def test_everything_done_is_ready_and_has_no_next_step():
    path = round_path(READY)
    assert path.readiness == 1.0
    assert path.next_step is None
    assert all(step.status == "done" for step in path.steps if step.key != "after")


@pytest.mark.parametrize(
    ("change", "key", "status", "detail"),
    [
        ({"likely_prepared": 12}, "questions", "partly", "12 of 18 likely questions prepared"),
        ({"likely_without_story": 3}, "stories", "partly", "6 stories; 3 likely questions"),
        ({"stories": 0}, "stories", "not_started", "No stories yet"),
        ({"people_complete": 1}, "roster", "partly", "3 people, 2 without a title or relation"),
        ({"practised": 1, "practised_spoken": 0}, "practice", "partly", "1 answer practised"),
        ({"people_researched": 0}, "research", "partly", "0 of 3 interviewers researched"),
        ({"plan": False}, "day", "partly", "plan not started"),
        ({"people_with_own_questions": 0}, "day", "partly", "questions chosen for 0 of 3"),
        ({"brief_ready": False}, "brief", "partly", "Add the time"),
        ({"debrief_questions": 0}, "debrief", "not_started", "No debrief yet"),
    ],
)
def test_each_step_counts_what_is_missing(change, key, status, detail):
    path = round_path(replace(READY, **change))
    step = path.step(key)
    assert step.status == status
    assert detail in step.detail
    assert 0 < path.readiness < 1
    assert path.next_step.key == key


def test_close_to_the_round_practice_comes_before_research():
    behind = replace(READY, company_researched=False, practised=0, practised_spoken=0)
    assert round_path(replace(behind, days_left=6)).next_step.key == "research"
    assert round_path(replace(behind, days_left=1.5)).next_step.key == "practice"


def test_after_the_round_the_next_step_is_notes_letters_and_follow_up():
    ended = replace(READY, days_left=-1, ended=True)
    path = round_path(ended)
    assert path.next_step.key == "after"
    assert "letters sent 0 of 3" in path.next_step.detail
    done = replace(ended, people_with_notes=3, letters_sent=3, follow_up_set=True)
    assert round_path(done).next_step is None


def test_the_heavy_steps_weigh_more():
    no_practice = round_path(replace(READY, practised=0, practised_spoken=0)).readiness
    no_brief = round_path(replace(READY, brief_ready=False)).readiness
    assert no_practice < no_brief


def test_json_shape():
    shaped = path_as_json(round_path(replace(READY, likely_prepared=9)))
    assert set(shaped) == {"readiness", "next_step", "steps"}
    assert shaped["next_step"]["key"] == "questions"
    assert set(shaped["steps"][0]) == {"key", "title", "status", "detail", "share", "weight"}
