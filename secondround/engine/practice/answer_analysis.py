"""Feedback on one practised answer, typed or spoken, the moment it ends (S7).

Only what the words and their timing show: length and rambling, STAR structure,
specific results, filler words, pace, long pauses, hedging, casual language, negative
talk about a past employer, "I" vs "we", enthusiasm for motivation questions, use of
the company's terms and, when the same question was answered before, facts that
changed. No emotion or voice-confidence scoring.

The phrase lists (fillers, hedges, casual words, employer and negative cues,
enthusiasm markers, vague words, role nouns) live in `secondround/data/answer_phrases.json`
so a coach can edit them; they are read once at import. The context-dependent fillers
("like", "you know", "I mean", "sort of", "kind of", sentence-initial "so") are decided
here from the neighbouring words.

STAR labels come from cue features per sentence plus a position prior (situation and
task early, result late), decoded as a sequence that prefers the S → T → A → R order.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import replace

from secondround.engine.practice.answer_text import (
    I_WORDS,
    WE_WORDS,
    is_behavioural,
    is_motivation,
    sentence_spans,
    tokens,
)
from secondround.engine.practice.content_points import (
    BRIEF_ADVICE,
    SHORT_ADVICE,
    length_point,
    longer_how,
    specificity_point,
    star_point,
    states_a_number,
)
from secondround.engine.practice.delivery_points import (
    casual_point,
    company_point,
    consistency_point,
    enthusiasm_point,
    filler_point,
    hedging_point,
    i_we_point,
    negative_point,
    pace_point,
    pause_point,
)
from secondround.engine.practice.facts import extract_facts
from secondround.engine.practice.fillers import (
    find_fillers,
    spans_of_words,
    times_of_fillers,
    with_pauses,
)
from secondround.engine.practice.report import (
    LONG_PAUSE_SECONDS,
    REPORT_VERSION,
    SPEAKING_WPM,
    AnswerReport,
    FillerReport,
    Point,
    Word,
)
from secondround.engine.practice.star import label_star

# --------------------------------------------------------------------------- main


def analyse_answer(
    text: str,
    *,
    seconds: float | None = None,
    words: Sequence[Word] = (),
    question: str | None = None,
    question_kind: str | None = None,
    company_terms: Sequence[str] = (),
    previous: AnswerReport | None = None,
    speaking_wpm: float | None = None,
) -> AnswerReport:
    """Feedback on one answer: figures plus points, each with evidence and one suggestion.

    `seconds` and word timings come only from a recording: a typed answer has neither,
    and its length is judged as speaking time at `speaking_wpm` (the speaker's measured
    pace) or SPEAKING_WPM. Typing time is never a speaking time.
    """
    text = text if isinstance(text, str) else ""
    timed = [w for w in words if isinstance(w, Word) and math.isfinite(w.start + w.end)]
    timed.sort(key=lambda w: w.start)
    if not text.strip() and timed:
        text = " ".join(w.text for w in timed)

    # Duration: word timings first, then the given seconds.
    duration: float | None = None
    if timed:
        duration = max(0.0, max(w.end for w in timed) - timed[0].start)
    elif seconds is not None and math.isfinite(seconds) and seconds > 0:
        duration = float(seconds)
    if duration is not None and duration <= 0:
        duration = None

    spans = sentence_spans(text)
    sentences = [text[s:e].strip() for s, e in spans]
    toks = tokens(text, spans)
    n_words = len(toks)
    wpm = round(n_words / duration * 60.0, 1) if duration and n_words else None
    minutes = duration / 60.0 if duration else None
    own_pace = speaking_wpm is not None and math.isfinite(speaking_wpm) and speaking_wpm > 0
    estimate_wpm = float(speaking_wpm) if own_pace and speaking_wpm else SPEAKING_WPM
    estimated = None if duration is not None else n_words / estimate_wpm * 60.0

    # Fillers
    word_spans = spans_of_words(text, timed) if timed else []
    filler_hits = find_fillers(text, with_pauses(toks, word_spans))
    filler_items = tuple(p for _, _, p in filler_hits)
    per_minute = round(len(filler_items) / minutes, 2) if minutes else None
    filler_times: tuple[float | None, ...] = ()
    if timed:
        filler_spans_timed = times_of_fillers(filler_hits, word_spans)
        filler_times = tuple(round(t[0], 2) if t else None for t in filler_spans_timed)
    fillers = FillerReport(len(filler_items), per_minute, filler_items, filler_times)

    # Pauses from word timings
    pauses: list[tuple[float, float]] = []
    for a, b in zip(timed, timed[1:], strict=False):
        gap = b.start - a.end
        if gap > LONG_PAUSE_SECONDS:
            pauses.append((round(a.end, 2), round(gap, 2)))

    labels, cues = label_star(sentences)
    i_count = sum(1 for t in toks if t.low in I_WORDS)
    we_count = sum(1 for t in toks if t.low in WE_WORDS)
    facts = extract_facts(text)

    points: list[Point] = []
    if n_words:
        behavioural = is_behavioural(question, question_kind)
        star = star_point(sentences, labels, cues, toks) if behavioural and sentences else None
        specificity = specificity_point(text, sentences, facts)
        length = length_point(
            n_words, duration, estimated, estimate_wpm, own_pace, behavioural, sentences
        )
        if length.suggestion in (SHORT_ADVICE, BRIEF_ADVICE):
            how = longer_how(star, states_a_number(text, facts), short=length.level == "problem")
            length = replace(length, suggestion=how)
        points.append(length)
        if star:
            points.append(star)
        points.append(specificity)
        fp = filler_point(text, filler_hits, n_words, minutes, estimate_wpm)
        if fp:
            points.append(fp)
        if wpm is not None and n_words >= 20:
            points.append(pace_point(wpm))
        if pauses:
            pp = pause_point(pauses, timed)
            if pp:
                points.append(pp)
        for maker in (hedging_point, casual_point, negative_point):
            p = maker(text, toks)
            if p:
                points.append(p)
        iw = i_we_point(text, toks, i_count, we_count)
        if iw:
            points.append(iw)
        if is_motivation(question, question_kind):
            points.append(enthusiasm_point(text))
        terms = [t for t in company_terms if isinstance(t, str) and t.strip()]
        if terms:
            points.append(company_point(text, terms))
        if previous is not None:
            points.append(consistency_point(previous.facts, facts))
    # No words: nothing was said (a silent or noise-only recording). The page says "We
    # did not hear an answer"; feedback on nothing would only mislead.
    order = {"problem": 0, "tip": 1, "good": 2}
    ranked = sorted(points, key=lambda p: order.get(p.level, 3))
    return AnswerReport(
        words=n_words,
        seconds=round(duration, 2) if duration is not None else None,
        words_per_minute=wpm,
        fillers=fillers,
        sentences=tuple(sentences),
        star=tuple(labels),
        pauses=tuple(pauses),
        i_count=i_count,
        we_count=we_count,
        points=tuple(points),
        suggestions=tuple(p.suggestion for p in ranked),
        facts=tuple(facts),
        estimated_seconds=round(estimated, 1) if estimated is not None else None,
        estimate_wpm=round(estimate_wpm, 1) if estimated is not None else None,
        estimate_is_own_pace=own_pace and estimated is not None,
    )


def report_as_json(report: AnswerReport) -> dict[str, object]:
    """Plain JSON-ready dict of the report."""
    return {
        "version": REPORT_VERSION,
        "words": report.words,
        "seconds": report.seconds,
        "words_per_minute": report.words_per_minute,
        "estimated_seconds": report.estimated_seconds,
        "estimate_wpm": report.estimate_wpm,
        "estimate_is_own_pace": report.estimate_is_own_pace,
        "fillers": {
            "count": report.fillers.count,
            "per_minute": report.fillers.per_minute,
            "items": list(report.fillers.items),
            "times": list(report.fillers.times),
        },
        "sentences": list(report.sentences),
        "star": list(report.star),
        "pauses": [[start, length] for start, length in report.pauses],
        "i_count": report.i_count,
        "we_count": report.we_count,
        "points": [
            {
                "topic": p.topic,
                "level": p.level,
                "message": p.message,
                "evidence": list(p.evidence),
                "suggestion": p.suggestion,
            }
            for p in report.points
        ],
        "suggestions": list(report.suggestions),
        "facts": list(report.facts),
    }
