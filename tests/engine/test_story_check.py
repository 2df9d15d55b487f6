import pytest

from secondround.engine.stories.story_check import check_story

READY = {
    "situation": "Our ward's falls rate was the highest in the hospital.",
    "task": "I was asked to lead a prevention project.",
    "action": "I audited 40 falls, I trained night staff on hourly rounding, I set up bed alarms.",
    "result": "Falls dropped from 12 to 4 a month within a quarter.",
}


def _codes(**changes):
    return [finding.code for finding in check_story(**(READY | changes)).findings]


@pytest.mark.parametrize(
    ("changes", "codes"),
    [
        ({}, []),
        ({"result": ""}, ["no_result"]),
        (
            {"result": "Falls dropped a lot.", "action": "I audited falls and trained staff."},
            ["no_number"],
        ),
        ({"action": "We audited 40 falls and we trained the night staff."}, ["no_first_person"]),
        ({"action": ""}, ["no_first_person"]),
        ({"situation": "word " * 400}, ["too_long", "long_situation"]),
        # Typed in a hurry, still the teller's own actions: a lower-case "i", a verb first.
        ({"action": "called the dr office, they didnt call back so i held it"}, []),
        ({"action": "ran the pass 6 nights, cut the menu to 5 mains so we could keep up"}, []),
        ({"action": "The team fixed the rota."}, ["no_first_person"]),
    ],
)
def test_findings(changes, codes):
    assert _codes(**changes) == codes


def test_a_metric_field_counts_as_a_number():
    story = READY | {"result": "Falls dropped.", "action": "I audited falls and trained staff."}
    assert "no_number" not in [f.code for f in check_story(**story, metric="12 → 4").findings]


def test_spoken_time_at_150_words_a_minute():
    check = check_story(action="I " + "word " * 149)
    assert check.words == 150 and check.spoken_seconds == 60
