"""Note layouts read this round: headings that grade ("What went well" / "What didn't go so
well"), pasted chats with time stamps, tables with a header row (tabs or "|"), star ratings,
the recruiter's second-person narration, reaction lines under a questions heading, and the
cue words of the languages people mix into their notes."""

from __future__ import annotations

import pytest

from secondround.engine.reading.note_cues import CONCERN_RE, MISS_RE, POSITIVE_RE, detect_heading
from secondround.engine.reading.note_grades import rating_in, read_question_line
from secondround.engine.reading.note_lines import table_cells, table_header, without_chat_stamps
from secondround.engine.reading.note_segments import question_text
from secondround.engine.reading.note_sorter import RuleSorter
from secondround.engine.reading.notes import split_notes, split_notes_as_json


def _split(text: str) -> dict[str, object]:
    return split_notes_as_json(split_notes(text, sorter=RuleSorter(), use_parse=False))


def _questions(text: str) -> list[tuple[str, str | None]]:
    found = _split(text)["questions"]
    assert isinstance(found, list)
    return [(q["text"], q["went"]) for q in found]


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("What didn't go so well:", "went_badly"),
        ("Not so well", "went_badly"),
        ("Could have gone better", "went_badly"),
        ("What went well:", "positives"),
        ("Follow-ups:", "other"),
        ("not great", None),  # a grade under a question, not a heading
        ("he asked if I could start monday:", "questions"),
    ],
)
def test_grading_headings(line: str, section: str | None) -> None:
    assert detect_heading(line, True) == section


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            "What went well:\n- How do you keep up with regulation? – good\n"
            "- Walk us through a case you escalated\n\n"
            "What didn't go so well:\n- What would you do if a manager pushed back? – fumbled\n"
            "- Explain the difference between CDD and EDD – ok but slow\n",
            [
                ("How do you keep up with regulation?", "comfortable"),
                ("Walk us through a case you escalated", "comfortable"),
                ("What would you do if a manager pushed back?", "struggled"),
                ("Explain the difference between CDD and EDD", "unsure"),
            ],
        ),
        # A reaction under "Went well" stays a positive, not a question.
        ("Went well\n- the lead liked that I built the tracker\n", []),
    ],
)
def test_headings_grade_their_questions(note: str, expected: list[tuple[str, str]]) -> None:
    assert _questions(note) == expected


def test_went_well_reaction_is_a_positive() -> None:
    found = _split("Went well\n- the lead liked that I built the tracker\n")
    assert found["positives"] == ["the lead liked that I built the tracker"]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["[10:42] me: ok done", "[10:43] me: forgot my CSCS card", "[10:44] Ana: and?"],
            ["ok done", "forgot my CSCS card", "and?"],
        ),
        (
            ["[07/03/24, 10:42:11] Sam: one", "[07/03/24, 10:43:01] Sam: two", "10:44 - me: three"],
            ["one", "two", "three"],
        ),
        # One time in a note is a time, not a chat: kept.
        (["10:30 unit tour", "asked about NEWS2"], ["10:30 unit tour", "asked about NEWS2"]),
    ],
)
def test_chat_stamps(lines: list[str], expected: list[str]) -> None:
    assert without_chat_stamps(lines) == expected


def test_chat_lines_are_items_without_their_stamps() -> None:
    found = _split(
        "[14:02] me: omg just finished\n"
        "[14:04] me: ward manager wrote down when I said I'd done my own obs charts\n"
        "[14:05] me: forgot to ask about the training days\n"
    )
    assert found["positives"] == ["ward manager wrote down when I said I'd done my own obs charts"]
    assert found["misses"] == ["forgot to ask about the training days"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Walk us through your biggest deal ★★★★★",
            ("Walk us through your biggest deal", "comfortable", ""),
        ),
        (
            "How do you forecast? ★★☆☆☆ (no answer)",
            ("How do you forecast?", "struggled", "no answer"),
        ),
        ("Tell us about a loss ★★★☆☆", ("Tell us about a loss", "unsure", "")),
        ("Why us ⭐⭐⭐⭐", ("Why us", "comfortable", "")),
    ],
)
def test_star_ratings(line: str, expected: tuple[str, str, str]) -> None:
    assert read_question_line(line) == expected


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("Question\tHow it went\tNotes", ["Question", "How it went", "Notes"]),
        ("a | b | c", ["a", "b", "c"]),
        ("| a | b |", ["a", "b"]),
        ("no table here", None),
    ],
)
def test_table_cells(line: str, cells: list[str] | None) -> None:
    assert table_cells(line) == cells


@pytest.mark.parametrize(
    ("cells", "question", "grades"),
    [
        (["Question", "How it went", "Notes"], 0, [1]),
        (["Notes", "Q", "Rating"], 1, [2]),
        (["Tell us about a time", "Good", "used X"], None, None),  # a row, not a header
        (["Acme", "2nd round"], None, None),
    ],
)
def test_table_header(cells: list[str], question: int | None, grades: list[int] | None) -> None:
    header = table_header(cells)
    if question is None:
        assert header is None
    else:
        assert header is not None
        assert (header.question, header.grades) == (question, grades)


@pytest.mark.parametrize(
    "note",
    [
        "Question\tHow it went\tNotes\n"
        "Tell us about advice you gave\tGood\tused the brief\n"
        "Scenario: a brief by 3pm\tShaky\tforgot to say when I'd escalate\n"
        "What do you know about the reform agenda?\tPoor\t\n",
        "Question | Rating | Comment\n"
        "Tell us about advice you gave | 4/5 | smooth\n"
        "Scenario: a brief by 3pm | 3/5 | forgot to say when I'd escalate\n"
        "What do you know about the reform agenda? | 2/5 |\n",
    ],
)
def test_tables_with_a_header(note: str) -> None:
    found = _split(note)
    assert _questions(note) == [
        ("Tell us about advice you gave", "comfortable"),
        ("Scenario: a brief by 3pm", "unsure"),
        ("What do you know about the reform agenda?", "struggled"),
    ]
    assert found["misses"] == ["forgot to say when I'd escalate"]


@pytest.mark.parametrize(
    ("clause", "question"),
    [
        (
            "When we asked about your experience with contracts",
            "about your experience with contracts",
        ),
        ("We asked you to role-play a seller", "role-play a seller"),
        ("The panel asked why you wanted to be a solicitor", "why you wanted to be a solicitor"),
        ("how did you handle it", "how did you handle it"),
    ],
)
def test_second_person_narration(clause: str, question: str) -> None:
    assert question_text(clause, keep_bare_asked=False) == question


def test_reaction_lines_leave_the_questions_heading() -> None:
    note = (
        "questions\nmultitasking\ngood\nmap test\nbad\n\n"
        "+ sup liked my radio voice\n- forgot typing speed cert\n"
    )
    found = _split(note)
    assert [q[0] for q in _questions(note)] == ["multitasking", "map test"]
    assert found["positives"] == ["sup liked my radio voice"]
    assert found["misses"] == ["forgot typing speed cert"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("se me olvidó mencionar el curso", MISS_RE),
        ("oublié de dire que j'ai le CAP", MISS_RE),
        ("vergessen: die Zahlen aus Q3", MISS_RE),
        ("esqueci de falar da CNH", MISS_RE),
        ("el jefe sonrió cuando hablé del programa", POSITIVE_RE),
        ("le chef a souri quand j'ai parlé", POSITIVE_RE),
        ("er fand gut, dass ich das Gebiet kenne", POSITIVE_RE),
        ("o gerente gostou da visita", POSITIVE_RE),
        ("creo que le preocupa el presupuesto", CONCERN_RE),
        ("ich glaube er zweifelt daran", CONCERN_RE),
        ("elle a demandé deux fois si je peux commencer", CONCERN_RE),
    ],
)
def test_other_language_cues(text: str, cue: object) -> None:
    assert cue.search(text)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "went"),
    [
        ("bien, hablé de las inspecciones", "comfortable"),
        ("más o menos", "unsure"),
        ("raté", "struggled"),
        ("schwach, kaum Beispiele", "struggled"),
        # English words that look like them grade nothing.
        ("the rate was high", None),
        ("a male nurse on the ward", None),
    ],
)
def test_other_language_grades(text: str, went: str | None) -> None:
    assert rating_in(text) == went


def test_json_shape_is_kept() -> None:
    found = _split("Q: tell me about yourself - good\nforgot my portfolio\n")
    assert list(found)[:5] == ["questions", "positives", "misses", "concerns", "terms"]


@pytest.mark.parametrize(
    ("note", "miss"),
    [
        (
            "I didn't talk about my forest school training, which I regret.",
            "I didn't talk about my forest school training",
        ),
        ("forgot to mention my CSCS card, I regret that", "forgot to mention my CSCS card"),
    ],
)
def test_regret_is_no_part_of_a_miss(note: str, miss: str) -> None:
    assert _split(note)["misses"] == [miss]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # A question mark typed after a space is the question's, the grade comes after it.
        ("pourquoi la boulangerie ? → bien", ("pourquoi la boulangerie ?", "comfortable")),
        ("why us ? -> good", ("why us ?", "comfortable")),
        # After a topic that asks nothing, a lone "?" still marks it unsure.
        ("salary expectations ?", ("salary expectations", "unsure")),
    ],
)
def test_spaced_question_mark(line: str, expected: tuple[str, str]) -> None:
    assert _questions(f"- {line}\n") == [expected]
