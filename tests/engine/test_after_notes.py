import pytest

from secondround.engine.reading.after_notes import split_after_notes


@pytest.mark.parametrize(
    ("line", "pile"),
    [
        ("We talked about the Joliet hub ramp-up.", "discussed"),
        ("How dispatch and planning share data", "discussed"),
        ("She cares a lot about the on-time rate in peak season.", "cares_about"),
        ("Looking for someone who can coach the juniors", "cares_about"),
        ("Seemed worried I have not managed people", "worries"),
        ("Asked twice about weekend cover", "worries"),
        ("Training for the Chicago marathon in October", "personal"),
        ("We both went to Purdue", "personal"),
    ],
)
def test_each_line_goes_to_its_pile(line, pile):
    notes = split_after_notes(line)
    assert getattr(notes, pile) == (line.rstrip("."),)


def test_labels_and_bullets():
    notes = split_after_notes(
        "Discussed:\n- the new dashboard\n- route pilots\n"
        "Personal: has two dogs\nConcerns: my SQL depth"
    )
    assert notes.discussed == ("the new dashboard", "route pilots")
    assert notes.personal == ("has two dogs",)
    assert notes.worries == ("my SQL depth",)


def test_nothing_is_lost_and_junk_is_safe():
    assert split_after_notes("") == split_after_notes("   \n  ")
    text = "One. Two! Three?"
    notes = split_after_notes(text)
    assert len(notes.discussed) == 3
    split_after_notes("\x00\xff" * 1000)
