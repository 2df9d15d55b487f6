"""Feedback on a practised answer: fillers, tone, STAR, timing, consistency (S7)."""

from __future__ import annotations

import json

import pytest

from secondround.engine.practice.answer_analysis import analyse_answer, report_as_json
from secondround.engine.practice.answer_text import snippets
from secondround.engine.practice.fillers import detect_fillers
from secondround.engine.practice.report import AnswerReport, Point, Word

STAR_ANSWER = (
    "Last year at a logistics company, our warehouse was missing a lot of delivery windows "
    "before the holiday peak. "
    "My task was to find the cause and fix it within a month. "
    "I pulled three months of scan data and I built a dashboard in Power BI. "
    "I met the night-shift supervisors and I proposed a new slotting rule for the two "
    "slowest docks. "
    "As a result, late deliveries fell from 15% to 4% and we saved about $40,000 in penalties."
)


def point(report: AnswerReport, topic: str) -> Point | None:
    return next((p for p in report.points if p.topic == topic), None)


def words_at(text: str, step: float = 0.4, gaps: dict[int, float] | None = None) -> list[Word]:
    """One Word per whitespace token, `step` seconds apart, with optional extra gaps."""
    out, t = [], 0.0
    for i, w in enumerate(text.split()):
        t += (gaps or {}).get(i, 0.0)
        out.append(Word(w, t, t + step * 0.75))
        t += step
    return out


def padded(text: str, n: int) -> str:
    """`text` followed by neutral filler sentences up to about n words."""
    extra = "I checked the schedule and I updated the plan with the team. "
    while len(text.split()) < n:
        text += " " + extra
    return " ".join(text.split()[:n])


# ---------------------------------------------------------------- fillers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Um, I led the project.", ["um"]),
        ("I uh led the, er, project and erm finished it.", ["uh", "er", "erm"]),
        ("I like Python and I would like to learn Go.", []),
        ("It was like a small startup.", []),
        ("It looks like the tests failed.", []),
        ("We had, like, forty tickets open.", ["like"]),
        ("Like, the client was angry.", ["like"]),
        ("And like we never heard back.", ["like"]),
        ("Like I said, the release slipped.", []),
        ("The deadline was, you know, very tight.", ["you know"]),
        ("Do you know the answer?", []),
        ("You know what I decided?", []),
        ("I mean, it worked out.", ["i mean"]),
        ("What I mean is that the tests were slow.", []),
        ("I kind of fixed the build.", ["kind of"]),
        ("What kind of tests did you run?", []),
        ("That sort of problem is common.", []),
        ("So I called the vendor.", ["so"]),
        ("So far the results are good.", []),
        ("We did it so that users could log in.", []),
        ("Basically I actually literally rewrote it.", ["basically", "actually", "literally"]),
        ("The mm-hmm and uh-huh are backchannels.", []),
        ("The summary read umbrella and hummus.", []),
        # how Whisper spells a hesitation it does write down
        ("Hum? The busiest night was a Saturday.", ["hmm"]),
        ("Ah, the oven failed at six.", ["uh"]),
        ("Urm, I suggested we group orders.", ["erm"]),
        ("We hummed and the ahead team left.", []),
        # drawn out in the spelling
        ("Errr, callers are often upset.", ["er"]),
        ("Ehh, my manager wanted the report.", ["er"]),
        ("Ummmm, I think hmmmm it worked.", ["um", "hmm"]),
        # "so" set off inside a sentence, against its ordinary uses
        ("I traced it to an invoice, and so, I added a check.", ["so"]),
        ("It was late, so, we left early.", ["so"]),
        ("We can meet in an hour or so, then decide.", []),
        ("I think so, but the manager disagreed.", []),
        ("We lost a day, so we hired a second crew.", []),
    ],
)
def test_fillers(text: str, expected: list[str]) -> None:
    assert detect_fillers(text) == expected
    assert list(analyse_answer(text).fillers.items) == expected


def test_unpunctuated_speech_is_split_without_inventing_fillers() -> None:
    text = padded("", 0) + " ".join(
        ["the build took forty minutes on every merge so i wrote a cache for the test images"] * 4
    )
    report = analyse_answer(text)
    assert len(report.sentences) > 1
    assert "so" not in report.fillers.items
    assert len(report.star) == len(report.sentences)


def test_filler_rate_per_minute_only_when_timed() -> None:
    text = padded("Um, so, I uh fixed it, you know, and um it worked.", 150)
    typed = analyse_answer(text)
    assert typed.fillers.count == 5
    assert typed.fillers.per_minute is None
    timed = analyse_answer(text, seconds=60)
    assert timed.fillers.per_minute == pytest.approx(5.0)
    p = point(timed, "fillers")
    assert p is not None and p.level == "problem" and p.evidence


@pytest.mark.parametrize(
    ("spoken", "expected"),
    [
        # (word, start) pairs as the recogniser gives them; fillers listed with their time
        ([("Um,", 0.5), ("I", 1.2), ("led", 1.4), ("it.", 1.7)], [("um", 0.5)]),
        (
            [("I", 0.0), ("was,", 0.3), ("you", 0.8), ("know,", 1.0), ("uh", 2.5), ("late.", 3.1)],
            [("you know", 0.8), ("uh", 2.5)],
        ),
        ([("I", 0.0), ("like", 0.3), ("Python.", 0.6)], []),
    ],
)
def test_spoken_fillers_carry_their_time(
    spoken: list[tuple[str, float]], expected: list[tuple[str, float]]
) -> None:
    words = [Word(text, start, start + 0.25) for text, start in spoken]
    report = analyse_answer("", words=words)
    assert list(zip(report.fillers.items, report.fillers.times, strict=True)) == expected
    assert report_as_json(report)["fillers"]["times"] == [t for _, t in expected]
    assert analyse_answer(" ".join(w.text for w in words)).fillers.times == ()


@pytest.mark.parametrize(
    ("said", "paused_before", "expected"),
    [
        # A pause sets a filler off as a comma would; the recogniser wrote none.
        ("I explained it slowly like I sit down with them", "like", ["like"]),
        ("I explained it slowly like I sit down with them", "", []),
        ("So I know the routes well", "", ["so"]),  # the answer opens with it
        ("We lost a day so I know the routes well", "so", []),  # a pause before: therefore
    ],
)
def test_pauses_in_speech_count_as_commas_for_fillers(
    said: str, paused_before: str, expected: list[str]
) -> None:
    words, at = [], 0.0
    for token in said.split():
        at += 0.4 if token == paused_before else 0.0
        words.append(Word(token, at, at + 0.2))
        at += 0.22
    assert list(analyse_answer("", words=words).fillers.items) == expected


def test_nothing_heard_gives_no_feedback() -> None:
    report = analyse_answer("", words=[], seconds=20.0)
    assert report.words == 0 and report.points == () and report.suggestions == ()


# ---------------------------------------------------------------- tone


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("I guess I could have tested it more.", True),
        ("Maybe I would do it differently.", True),
        ("Hopefully the release goes well.", True),
        ("I think maybe the team agreed.", True),
        ("I decided to test it more.", False),
        ("What kind of team do you have?", False),
    ],
)
def test_hedging(text: str, flagged: bool) -> None:
    p = point(analyse_answer(text), "hedging")
    assert (p is not None) is flagged
    if p:
        assert p.evidence and p.suggestion


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("We were gonna ship it on Friday.", "tip"),
        ("The launch was awesome, dude, super fast and kinda wild.", "problem"),
        ("It was a damn mess.", "problem"),
        ("I wanna learn more stuff.", "tip"),
        ("The launch went well and the client renewed.", None),
        ("We stuffed envelopes and the superintendent signed.", None),
    ],
)
def test_casual(text: str, level: str | None) -> None:
    p = point(analyse_answer(text), "casual")
    assert (p.level if p else None) == level


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("My old boss was terrible, so I left.", True),
        ("That company was a mess.", True),
        ("Management there was completely clueless.", True),
        ("I had a toxic manager who never listened.", True),
        ("I hated my job there.", True),
        ("The codebase was a mess, so I asked my manager for two weeks to refactor it.", False),
        ("My manager supported the plan and the company grew.", False),
        ("The bug was terrible for users.", False),
    ],
)
def test_negative_employer(text: str, flagged: bool) -> None:
    p = point(analyse_answer(text), "negative_employer")
    assert (p is not None) is flagged
    if p:
        assert p.level == "problem" and p.evidence


# ---------------------------------------------------------------- I / we


@pytest.mark.parametrize(
    ("text", "i_count", "we_count", "level"),
    [
        ("We planned it, we built it, we tested it and we shipped it together.", 0, 4, "problem"),
        (
            "We planned it, we built it, I tested it and we shipped it with our team.",
            1,
            4,
            "problem",
        ),
        ("I planned it, I built the parser, we tested it and I shipped it.", 3, 1, "good"),
        ("I planned it and I built it and I shipped it.", 3, 0, None),
    ],
)
def test_i_we(text: str, i_count: int, we_count: int, level: str | None) -> None:
    report = analyse_answer(text)
    assert (report.i_count, report.we_count) == (i_count, we_count)
    p = point(report, "i_we")
    assert (p.level if p else None) == level


# ---------------------------------------------------------------- STAR


def test_star_labels_on_clear_answer() -> None:
    report = analyse_answer(STAR_ANSWER, question="Tell me about a time you fixed a process.")
    assert report.star == ("situation", "task", "action", "action", "result")
    p = point(report, "star")
    assert p is not None and p.level == "good"


def test_star_long_situation_no_result() -> None:
    text = (
        "In 2021 I worked at a retail bank in the payments team. "
        "The bank had just merged with another bank and there were two card systems. "
        "The old system was fifteen years old and nobody fully understood it. "
        "There were many meetings about it and the situation was difficult for everyone. "
        "The other team had a different culture and different tools. "
        "My task was to help move the customers to the new system."
    )
    p = point(analyse_answer(text, question_kind="behavioral"), "star")
    assert p is not None and p.level == "problem"
    assert "classic" in p.message
    assert p.evidence


def test_star_not_judged_for_motivation_questions() -> None:
    report = analyse_answer("I want this job.", question="Why do you want to work here?")
    assert point(report, "star") is None


# ---------------------------------------------------------------- length and pace


@pytest.mark.parametrize(
    ("n_words", "seconds", "level", "word"),
    [
        (40, None, "problem", "short"),
        (100, None, "tip", "brief"),  # behavioural: under a minute spoken
        (200, None, "good", "Good"),
        (320, None, "problem", "Rambling"),
        (200, 20.0, "problem", "short"),  # seconds win over the word count
        (60, 45.0, "tip", "brief"),
        (200, 90.0, "good", "Good"),
        (200, 150.0, "problem", "Rambling"),
    ],
)
def test_length(n_words: int, seconds: float | None, level: str, word: str) -> None:
    report = analyse_answer(
        padded("I led the migration.", n_words), seconds=seconds, question_kind="behavioral"
    )
    assert report.words == n_words
    assert report.seconds == seconds
    p = point(report, "length")
    assert p is not None and p.level == level and word in p.message


def test_pace_from_word_timings() -> None:
    text = padded("I led the migration.", 120)
    report = analyse_answer(text, words=words_at(text, step=0.5), seconds=999)
    # 120 words, the last one ends at 119 * 0.5 + 0.375 seconds: 120 words a minute.
    assert report.seconds == pytest.approx(59.88)
    assert report.words_per_minute == pytest.approx(120 / 59.875 * 60, abs=0.1)
    p = point(report, "pace")
    assert p is not None and p.level == "good"
    fast = analyse_answer(text, words=words_at(text, step=0.3))
    assert fast.words_per_minute is not None and fast.words_per_minute > 190
    fast_point = point(fast, "pace")
    assert fast_point is not None and fast_point.level == "problem"
    typed = analyse_answer(text)
    assert typed.seconds is None and typed.words_per_minute is None
    assert point(typed, "pace") is None


def test_pauses_from_word_timings() -> None:
    text = padded("I led the migration.", 60)
    words = words_at(text, step=0.4, gaps={10: 3.0, 30: 6.0, 40: 1.5})
    report = analyse_answer(text, words=words)
    assert [round(length, 1) for _, length in report.pauses] == [3.1, 6.1]
    assert report.pauses[0][0] == pytest.approx(9 * 0.4 + 0.3)
    p = point(report, "pauses")
    assert p is not None and p.level == "tip" and "6.1 s" in p.evidence[1]


def test_words_only_input_uses_their_text() -> None:
    words = words_at("I fixed the build and we shipped on time.")
    report = analyse_answer("", words=words)
    assert report.words == 9 and report.seconds is not None


# ---------------------------------------------------------------- specificity


@pytest.mark.parametrize(
    ("text", "level"),
    [
        (STAR_ANSWER, "good"),
        ("I did a lot of various things and helped with many things on the project.", "problem"),
        ("I improved the onboarding for the team and my manager was happy.", "tip"),
    ],
)
def test_specificity(text: str, level: str) -> None:
    p = point(analyse_answer(text), "specificity")
    assert p is not None and p.level == level


# ---------------------------------------------------------------- consistency


def test_consistency_reports_changed_number_and_role() -> None:
    first = analyse_answer(
        "As the project manager I led a team of five engineers for six months and cut costs by 20%."
    )
    again = analyse_answer(
        "As the lead developer I led a team of eight engineers for six months and cut costs by 20%."
    )
    assert "role: project manager" in first.facts
    report = analyse_answer(again_text := " ".join(again.sentences), previous=first)
    assert again_text
    p = point(report, "consistency")
    assert p is not None and p.level == "problem"
    joined = " | ".join(p.evidence)
    assert "five" in joined and "eight" in joined
    assert "project manager" in joined and "lead developer" in joined
    assert "20%" not in joined and "six months" not in joined


def test_consistency_good_when_facts_match() -> None:
    text = "As the project manager I led a team of five engineers and cut costs by 20%."
    report = analyse_answer(text, previous=analyse_answer(text))
    p = point(report, "consistency")
    assert p is not None and p.level == "good"


def test_facts_found() -> None:
    facts = analyse_answer(STAR_ANSWER).facts
    assert "percent: 15%" in facts and "percent: 4%" in facts
    assert "money: $40,000" in facts
    assert "duration: three months" in facts


# ---------------------------------------------------------------- company terms, enthusiasm


def test_company_terms() -> None:
    report = analyse_answer(
        "I would use my Power BI work to help the ShipTrack portal grow.",
        company_terms=["ShipTrack", "cold-chain hub", "shiptrack"],
    )
    p = point(report, "company_terms")
    assert p is not None and "ShipTrack" in p.evidence
    assert "cold-chain hub" in p.suggestion
    none_used = point(
        analyse_answer("I like logistics.", company_terms=["ShipTrack"]), "company_terms"
    )
    assert none_used is not None and none_used.level == "tip"
    assert point(analyse_answer("I like logistics."), "company_terms") is None


@pytest.mark.parametrize(
    ("text", "question", "kind", "level"),
    [
        ("I am excited about your cold-chain work.", "Why do you want this job?", None, "good"),
        ("I have five years in logistics.", "Why do you want to work here?", None, "problem"),
        ("I have five years in logistics.", None, "motivation", "problem"),
        ("I am drawn to the mission.", None, "motivation", "good"),
        ("I have five years in logistics.", "Tell me about a time you failed.", None, None),
    ],
)
def test_enthusiasm(text: str, question: str | None, kind: str | None, level: str | None) -> None:
    p = point(analyse_answer(text, question=question, question_kind=kind), "enthusiasm")
    assert (p.level if p else None) == level


# ---------------------------------------------------------------- output shape, robustness


def test_json_keys_and_serialisable() -> None:
    report = analyse_answer(STAR_ANSWER, words=words_at(STAR_ANSWER), company_terms=["Power BI"])
    data = report_as_json(report)
    for key in (
        "words",
        "seconds",
        "words_per_minute",
        "fillers",
        "star",
        "suggestions",
        "sentences",
        "pauses",
        "i_count",
        "we_count",
        "points",
        "facts",
    ):
        assert key in data
    assert set(data["fillers"]) == {"count", "per_minute", "items", "times"}  # type: ignore[arg-type]
    assert data["star"] == list(report.star)
    json.dumps(data)


def test_suggestions_problems_first_one_per_point() -> None:
    report = analyse_answer("Um, my old boss was terrible, you know, so I quit.")
    assert len(report.suggestions) == len(report.points)
    levels = {p.suggestion: p.level for p in report.points}
    order = [levels[s] for s in report.suggestions]
    assert order == sorted(order, key=["problem", "tip", "good"].index)
    assert all(p.level in {"good", "tip", "problem"} for p in report.points)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\n\n",
        "...",
        "???!!!",
        "%%%% $$$$ ####",
        "um",
        "a" * 5000,
        "😀 🎉 ✨",
        "\x00\x01\x02",
        "Like like like like you know you know I mean so so so.",
        "1 2 3 4 5 6 7 8 9 10 %",
        "Mr. Smith e.g. etc. i.e. no. 5",
        "word " * 1500,
    ],
)
def test_garbage_never_raises(text: str) -> None:
    report = analyse_answer(text, words=[Word("x", 0.0, 0.0)] if not text else ())
    data = report_as_json(report)
    json.dumps(data)
    assert len(report.star) == len(report.sentences)


def test_odd_timing_arguments_never_raise() -> None:
    report = analyse_answer("I did it.", seconds=0)
    assert report.seconds is None
    report = analyse_answer("I did it.", seconds=float("nan"))
    assert report.seconds is None
    report = analyse_answer("I did it.", words=[Word("I", 5, 4), Word("did", float("inf"), 1)])
    json.dumps(report_as_json(report))


# Brief (under a minute to say) behavioural answers from several occupations.
BRIEF_ANSWERS = [
    # Complete, with numbers: the tip must ask for depth, not for a number or the steps.
    (
        "Last winter our medical unit was short two nurses on nights and falls were rising: "
        "we had four in one month, all between two and five in the morning. "
        "My task as the senior nurse on nights was to keep the eight patients on my side "
        "safe without extra staff. I set up hourly rounding with a simple sheet on each door, "
        "moved the two highest-risk patients nearer the station, and briefed the aides at "
        "the start of every shift on who needed help to the bathroom. "
        "As a result we had no falls in the next six weeks and the manager kept the rounding.",
        {"number": False, "steps": False},
    ),
    # No number anywhere: asking for one is right.
    (
        "When I was a site electrician on a housing job our panel inspections kept failing, "
        "mostly for labelling and torque marks that nobody had checked. I was asked by the "
        "foreman to fix the process before the next inspection. I wrote a short checklist, "
        "walked the apprentices through it on a real board, and checked every board myself "
        "at the end of each day until they had the habit. As a result the next inspections "
        "passed first time and the foreman adopted the checklist for the other sites.",
        {"number": True, "steps": False},
    ),
]


@pytest.mark.parametrize(("text", "asks"), BRIEF_ANSWERS)
def test_a_brief_answer_is_not_asked_for_what_it_already_has(text, asks):
    report = analyse_answer(
        text, question="Tell me about a time you improved safety.", question_kind="behavioral"
    )
    length = next(point for point in report.points if point.topic == "length")
    assert length.level == "tip", length.message
    assert ("one number" in length.suggestion) is asks["number"]
    assert ("steps you took" in length.suggestion) is asks["steps"]
    goods = {point.message.split(":")[0] for point in report.points if point.level == "good"}
    if "Specific" in goods:
        assert not any("one number" in tip for tip in report.suggestions)
    if "Complete STAR" in goods:
        assert not any("steps you took" in tip for tip in report.suggestions)


@pytest.mark.parametrize(
    "ending",
    [
        "The doctor switched it and she came back later to thank me.",
        "After a few weeks he came to core group and he signed the safety plan.",
    ],
)
def test_an_outcome_told_without_as_a_result_is_a_result(ending: str) -> None:
    text = (
        "A patient came in with a new prescription while she was on a drug it interacts with. "
        "I checked the interaction and I held the prescription. "
        "I called the office twice and I suggested another antibiotic. " + ending
    )
    p = point(analyse_answer(text, question_kind="behavioral"), "star")
    assert p is None or "result" not in p.message.casefold()


@pytest.mark.parametrize(
    ("text", "spans", "quoted"),
    [
        # Three fillers in one breath are one place to look at, quoted once.
        (
            "Um, so basically in the first week I mapped the loading dock.",
            [(0, 2), (4, 6), (7, 16)],
            ("Um, so basically in the…",),
        ),
        # Places far apart are quoted apart.
        (
            "Um, I mapped every step of the goods-in process with the team, and then, "
            "basically, we cut it.",
            [(0, 2), (73, 82)],
            ("Um, I mapped…", "…and then, basically, we cut it."),
        ),
    ],
)
def test_snippets_quote_each_place_once(text, spans, quoted):
    assert snippets(text, spans, radius=12) == quoted
