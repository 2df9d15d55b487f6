"""How notes are cut into items: wrapped bullets, leading ties, labels before a dash,
a reading after ";" that makes the questions before it worries, reaction and doubt wording."""

from __future__ import annotations

import pytest

from secondround.engine.reading.note_lines import join_wrapped_lines
from secondround.engine.reading.note_sorter import RuleSorter
from secondround.engine.reading.notes import split_notes, split_notes_as_json


def _split(text: str) -> dict[str, object]:
    return split_notes_as_json(split_notes(text, sorter=RuleSorter()))


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # A bullet an editor wrapped: one line again.
        (
            [
                "• Tell me about a time you helped a customer — used the oat milk",
                "  allergy story, Jess really liked that I double-checked",
            ],
            [
                "• Tell me about a time you helped a customer — used the oat milk allergy story, "
                "Jess really liked that I double-checked"
            ],
        ),
        # A sub-bullet has its own mark: it stays a line of its own.
        (
            ["- Asked me to talk through cleaning the espresso machine", "    ◦ not great"],
            ["- Asked me to talk through cleaning the espresso machine", "    ◦ not great"],
        ),
        # A grade under a long question is its grade, not the rest of its words.
        (
            ["- Walk us through a time you made a mistake in the airplane", "    went fine"],
            ["- Walk us through a time you made a mistake in the airplane", "    went fine"],
        ),
        # A short line before an indented one was not wrapped.
        (["- why us", "  said the mission"], ["- why us", "  said the mission"]),
        # A line that ends a sentence was not wrapped either.
        (
            ["- They asked how I would prioritise two urgent discharges at once.", "  fine"],
            ["- They asked how I would prioritise two urgent discharges at once.", "  fine"],
        ),
        # Not under a list item: left alone.
        (
            ["We talked for a long time about the rota and the weekend cover", "  ok"],
            ["We talked for a long time about the rota and the weekend cover", "  ok"],
        ),
        # An answer line keeps its "A:".
        (
            ["1. Q: Chef swaps peanut oil for canola in a recipe, what do you", "   A: fine"],
            ["1. Q: Chef swaps peanut oil for canola in a recipe, what do you", "   A: fine"],
        ),
    ],
)
def test_wrapped_list_items_are_joined(lines: list[str], expected: list[str]) -> None:
    assert join_wrapped_lines(lines) == expected


@pytest.mark.parametrize(
    ("text", "field", "item"),
    [
        # A wrapped bullet is one concern list, not a concern and an answer.
        (
            "• Shift lead asked if I'd be ok on 5:30am opens, and whether I have a car for\n"
            "  the early bus gap, seemed worried about both",
            "concerns",
            "whether I have a car for the early bus gap",
        ),
        # "also" ties an item to the one before; it is no part of it.
        (
            "I forgot to mention my volunteering. Also forgot to say anything about my course.",
            "misses",
            "forgot to say anything about my course",
        ),
        (
            "oh and she smiled when I said I'd done my elective on the birth centre.",
            "positives",
            "she smiled when I said I'd done my elective on the birth centre",
        ),
        # A label before a dash is no part of the item.
        ("Worry - the gap on my CV, they asked about it twice", "concerns", "the gap on my CV"),
        ("Forgot – my portfolio", "misses", "my portfolio"),
        # After ";" a reading that points back makes what was asked the worry.
        (
            "The director asked if I've ever supervised an assistant and whether I'm "
            "comfortable doing home visits alone; I think both are worries.",
            "concerns",
            "whether I'm comfortable doing home visits alone",
        ),
        # Wording of reactions and doubts.
        (
            "Good reaction when I mentioned I speak Spanish.",
            "positives",
            "Good reaction when I mentioned I speak Spanish",
        ),
        (
            "The story about the night shift went down well with the manager.",
            "positives",
            "The story about the night shift went down well with the manager",
        ),
        (
            "She pushed back on my lack of management experience.",
            "concerns",
            "She pushed back on my lack of management experience",
        ),
        (
            "They probed a lot on why I left my last job.",
            "concerns",
            "They probed a lot on why I left my last job",
        ),
        (
            "She wasn't sure I had the right background.",
            "concerns",
            "She wasn't sure I had the right background",
        ),
    ],
)
def test_items_are_cut_whole(text: str, field: str, item: str) -> None:
    found = _split(text)[field]
    assert isinstance(found, list)
    assert any(entry.startswith(item) for entry in found), found


def test_a_semicolon_without_a_reading_leaves_the_questions() -> None:
    found = _split("She asked about my last job and whether I'd relocate; then the tour.")
    assert found["concerns"] == []


@pytest.mark.parametrize(
    ("text", "items"),
    [
        # "but" before a verb with no subject of its own: a positive and a concern.
        (
            "She liked my portfolio but was worried about my lack of agency experience.",
            {
                "positives": ["She liked my portfolio"],
                "concerns": ["was worried about my lack of agency experience"],
            },
        ),
        # ", but" before a noun subject.
        (
            "They seemed impressed by my knowledge of the menu, but the chef was concerned that "
            "I haven't worked a 200-cover service.",
            {
                "positives": ["They seemed impressed by my knowledge of the menu"],
                "concerns": ["the chef was concerned that I haven't worked a 200-cover service"],
            },
        ),
        # "though" and "while" opening someone else's clause.
        (
            "The manager smiled at the cat story, though she seemed concerned about my commute.",
            {
                "positives": ["The manager smiled at the cat story"],
                "concerns": ["she seemed concerned about my commute"],
            },
        ),
        (
            "They were impressed with my Excel skills while the director questioned my lack of "
            "management experience.",
            {
                "positives": ["They were impressed with my Excel skills"],
                "concerns": ["the director questioned my lack of management experience"],
            },
        ),
        # "and also" before a second verb: two misses.
        (
            "I forgot to mention my certification and also didn't ask about the team.",
            {"misses": ["I forgot to mention my certification", "didn't ask about the team"]},
        ),
        # The same verb again after a comma: two misses.
        (
            "Forgot to say I speak French, forgot to bring my references.",
            {"misses": ["Forgot to say I speak French", "forgot to bring my references"]},
        ),
        # A reading after ";" that points back at what was said makes it the worry.
        (
            "She mentioned the role is 40% travel; I think she wasn't sure I'd be ok with that.",
            {
                "concerns": [
                    "She mentioned the role is 40% travel; I think she wasn't sure I'd be ok "
                    "with that"
                ]
            },
        ),
    ],
)
def test_two_items_in_one_sentence_come_apart(text: str, items: dict[str, list[str]]) -> None:
    found = split_notes_as_json(split_notes(text))
    for field, expected in items.items():
        assert found[field] == expected, found


@pytest.mark.parametrize(
    "text",
    [
        # One remark on how it went, not two items.
        "it was fine but went long",
        # Someone reacting while the candidate talks: one positive.
        "she smiled while I talked about the audit",
        # Verbs coordinated by a plain "and": one item.
        "The head laughed at my story about the trip and said it was a great example.",
    ],
)
def test_one_item_stays_whole(text: str) -> None:
    from secondround.engine.reading.note_contrast import contrast_cuts

    assert contrast_cuts(text) == []


@pytest.mark.parametrize(
    ("text", "questions"),
    [
        # A comma list of questions asked in one go: one item each.
        (
            "She asked why I wanted to leave my current job, what my five year plan is, and how "
            "I handle stress.",
            [
                "why I wanted to leave my current job",
                "what my five year plan is",
                "how I handle stress",
            ],
        ),
        (
            "Questions: why nursing, why this trust, a time I made a mistake, how I prioritise.",
            ["why nursing", "why this trust", "a time I made a mistake", "how I prioritise"],
        ),
        # After a grade in brackets, "and how…" is the next question, with its own grade.
        (
            "He asked me to describe a time I disagreed with a manager (went ok) and how I'd "
            "handle a patient refusing meds (struggled).",
            [
                "describe a time I disagreed with a manager",
                "how I'd handle a patient refusing meds",
            ],
        ),
        # "…, then about X" is a second thing asked about.
        (
            "They asked about conflict resolution which I nailed, then about budgeting which was "
            "shaky.",
            ["about conflict resolution", "about budgeting"],
        ),
        # One question with a list of things in it stays whole.
        (
            "Q: how I'd handle rota gaps, sickness and late arrivals",
            ["how I'd handle rota gaps, sickness and late arrivals"],
        ),
        # A relative clause after a question is no second question.
        (
            "They wanted to know about my experience with Excel, which I think went well.",
            ["about my experience with Excel"],
        ),
    ],
)
def test_questions_asked_in_one_go_come_apart(text: str, questions: list[str]) -> None:
    found = split_notes_as_json(split_notes(text))["questions"]
    assert isinstance(found, list)
    assert [q["text"] for q in found] == questions


@pytest.mark.parametrize(
    ("text", "miss"),
    [
        (
            "I never mentioned my splinting course, which was a shame.",
            "I never mentioned my splinting course",
        ),
        (
            "I didn't ask about the preceptorship programme, should have.",
            "I didn't ask about the preceptorship programme",
        ),
        ("forgot to do a strand test, so annoyed at myself", "forgot to do a strand test"),
        (
            "I forgot to talk about the lean project which is like my best story",
            "I forgot to talk about the lean project",
        ),
        # A leading "should have" is the miss itself.
        ("Should have mentioned my PMP.", "Should have mentioned my PMP"),
    ],
)
def test_a_miss_loses_the_remark_after_it(text: str, miss: str) -> None:
    assert _split(text)["misses"] == [miss]


@pytest.mark.parametrize(
    ("text", "concerns"),
    [
        # Two things asked, then a sure reading of both: two worries, filed, not "to sort".
        (
            "he asked if I've got my own van and whether I've worked on new builds, both felt "
            "like worries",
            ["he asked if I've got my own van", "whether I've worked on new builds"],
        ),
        (
            "Nat asked if I'm ok with sleepovers and weekend shifts, seemed like a dealbreaker",
            ["Nat asked if I'm ok with sleepovers and weekend shifts, seemed like a dealbreaker"],
        ),
    ],
)
def test_a_sure_reading_files_the_worries_before_it(text: str, concerns: list[str]) -> None:
    found = split_notes(text)
    assert [item for item in found.concerns] == concerns
    assert found.to_sort == []


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        # An object pronoun ends the clause: "…to him" / "i just started…".
        (
            "out of nowhere he pulled out a pen and asked me to sell it to him i just started "
            "listing features like an idiot",
            ["i just started"],
        ),
        (
            "they gave the whole thing to me i think it went fine overall and the panel nodded "
            "a lot at the end",
            ["i think it went"],
        ),
        # "that one was good" after a question: a verdict of its own.
        (
            "rachel asked how id handle two execs wanting the same slot on the ceos calendar "
            "that one was good i said check priorities with her",
            ["that one was good", "i said check"],
        ),
        # A verb of telling puts a clause after its pronoun; a relative noun keeps its clause.
        (
            "then she explained to him i was the best fit for the role and he agreed with her "
            "on the spot right away",
            [],
        ),
        (
            "she said the thing that one was good enough for the team and we moved on quickly "
            "after",
            [],
        ),
    ],
)
def test_run_on_speech_is_cut_where_a_new_clause_starts(text: str, starts: list[str]) -> None:
    from secondround.engine.nlp import parsing
    from secondround.engine.reading.note_segments import run_on_cuts

    try:
        parsing.parse("warm up")
    except parsing.NlpUnavailable:
        pytest.skip("no spaCy model")
    cuts = run_on_cuts(text)
    assert [text[cut:].startswith(start) for cut, start in zip(cuts, starts, strict=False)] == [
        True
    ] * len(starts)
    assert len(cuts) == len(starts)


@pytest.mark.parametrize(
    ("text", "question"),
    [
        (
            "they asked how I'd handle a patient who keeps pressing the call bell - good\n"
            "then about infection control... I mixed up the PPE order, bad",
            "about infection control",
        ),
        (
            "Q: why this ward\nnext, about medication errors - said I'd report it",
            "about medication errors",
        ),
    ],
)
def test_the_next_topic_after_then_is_a_question(text: str, question: str) -> None:
    found = split_notes(text)
    assert question in [q.text for q in found.questions]


@pytest.mark.parametrize(
    ("text", "field", "item"),
    [
        # The verdict and the answer after a question are no part of it, even when the
        # question's own words hold "against" (not "again": no sign of being asked twice).
        (
            "then the matron asked what I'd do if a patient wanted a home birth against advice "
            "and I honestly think I nailed that one, I talked about informed choice.",
            "questions",
            "what I'd do if a patient wanted a home birth against advice",
        ),
        # "Q about …", "something about …": the topic named is the question.
        (
            "• Q about caseload management with 60 kids across two schools – went ok",
            "questions",
            "caseload management with 60 kids across two schools",
        ),
        (
            "then something about what I do if the load shifts and honestly I rambled a bit.",
            "questions",
            "what I do if the load shifts",
        ),
        # Two doubts joined by a slash are two concerns.
        (
            "? she asked twice how technical I am / whether I can read SQL — worry?",
            "concerns",
            "whether I can read SQL",
        ),
        (
            "? she asked twice how technical I am / whether I can read SQL — worry?",
            "concerns",
            "she asked twice how technical I am",
        ),
        # What the candidate answered after ";" ends the concern before it.
        (
            "She seemed concerned that I've never used a dispensing robot; I said I'm "
            "sitting the exam in March.",
            "concerns",
            "She seemed concerned that I've never used a dispensing robot",
        ),
        (
            "The manager seemed worried about my commute, I said I'm moving closer in May.",
            "concerns",
            "The manager seemed worried about my commute",
        ),
    ],
)
def test_items_are_cut_from_their_answers(text: str, field: str, item: str) -> None:
    result = _split(text)
    entries = result[field]
    assert isinstance(entries, list)
    texts = [entry["text"] if isinstance(entry, dict) else entry for entry in entries]
    assert item in texts
