"""Feedback on how an answer is said: fillers, pace, pauses, hedging, casual or negative
words, "I" and "we", enthusiasm, the company's terms and consistency with a past answer."""

from __future__ import annotations

from collections.abc import Sequence

from secondround.engine.practice.answer_text import (
    CASUAL,
    EMPLOYER,
    ENTHUSIASM,
    HEDGES,
    NEGATIVE,
    NEGATIVE_PHRASES,
    SWEARING,
    WE_WORDS,
    Tok,
    norm,
    phrase_regex,
    plural,
    snippet,
    snippets,
)
from secondround.engine.practice.facts import compare_facts
from secondround.engine.practice.fillers import KIND_NOT_AFTER
from secondround.engine.practice.report import (
    FILLERS_PER_MINUTE_OK,
    FILLERS_PER_MINUTE_PROBLEM,
    LONG_PAUSE_SECONDS,
    PACE_HIGH,
    PACE_LOW,
    Point,
    Word,
)


def filler_point(
    text: str,
    hits: list[tuple[int, int, str]],
    n_words: int,
    minutes: float | None,
    estimate_wpm: float,
) -> Point | None:
    count = len(hits)
    if minutes:
        rate = count / minutes
        rate_text = f"{rate:.1f} per minute"
    else:
        rate = count / max(n_words, 1) * estimate_wpm
        rate_text = f"{count} in {n_words} words"
    counts: dict[str, int] = {}
    for _, _, p in hits:
        counts[p] = counts.get(p, 0) + 1
    top = sorted(counts.items(), key=lambda kv: -kv[1])
    evidence = snippets(text, ((s, e) for s, e, _ in hits), 18)
    if count == 0:
        return Point(
            "fillers",
            "good",
            "No filler words.",
            (),
            "Keep pausing silently instead of filling the gap.",
        )
    most = top[0][0]
    if rate > FILLERS_PER_MINUTE_PROBLEM and count >= 3:
        level = "problem"
    elif rate > FILLERS_PER_MINUTE_OK and count >= 2:
        level = "tip"
    else:
        return Point(
            "fillers",
            "good",
            f"Few filler words ({rate_text}); about one a minute is normal.",
            evidence[:1],
            "Keep pausing silently instead of filling the gap.",
        )
    listing = ", ".join(f"'{p}' ×{n}" for p, n in top[:4])
    return Point(
        "fillers",
        level,
        f"Filler words: {count} ({rate_text}); about one a minute is normal. {listing}.",
        evidence,
        f"Replace '{most}' with a short silent pause; practise the answer once "
        f"listening only for '{most}'.",
    )


def pace_point(wpm: float) -> Point:
    if PACE_LOW <= wpm <= PACE_HIGH:
        return Point(
            "pace", "good", f"Easy to follow: {wpm:.0f} words per minute.", (), "Keep this pace."
        )
    if wpm > PACE_HIGH:
        level = "problem" if wpm > 190 else "tip"
        return Point(
            "pace",
            level,
            f"Fast: {wpm:.0f} words per minute; {PACE_LOW:.0f}–{PACE_HIGH:.0f} is easiest "
            "to follow.",
            (),
            "Slow down by pausing for a breath at the end of each sentence.",
        )
    level = "problem" if wpm < 100 else "tip"
    return Point(
        "pace",
        level,
        f"Slow: {wpm:.0f} words per minute; {PACE_LOW:.0f}–{PACE_HIGH:.0f} is easiest to follow.",
        (),
        "Know your first sentence and your result by heart so the answer flows between them.",
    )


def pause_point(pauses: list[tuple[float, float]], timed: list[Word]) -> Point | None:
    longest = max(p[1] for p in pauses)
    evidence = []
    for start, length in pauses[:3]:
        before = [w.text for w in timed if w.end <= start + 1e-6][-4:]
        evidence.append(f"{length:.1f} s silence after '…{' '.join(before)}'")
    if len(pauses) >= 3 or longest > 5.0:
        level = "tip"
        message = (
            f"{plural(len(pauses), 'long pause')} over {LONG_PAUSE_SECONDS:.0f} s "
            f"(longest {longest:.1f} s)."
        )
    else:
        return Point(
            "pauses",
            "good",
            f"{plural(len(pauses), 'pause')} over {LONG_PAUSE_SECONDS:.0f} s; "
            "a short pause to think is fine.",
            tuple(evidence),
            "Keep pauses short; a brief silence beats a filler.",
        )
    return Point(
        "pauses",
        level,
        message,
        tuple(evidence),
        "Outline the answer in your head first (situation, action, result), "
        "then speak without stopping mid-story.",
    )


def hedging_point(text: str, toks: list[Tok]) -> Point | None:
    hits = []
    for m in HEDGES.finditer(text):
        phrase = norm(m.group(0))
        if phrase.split()[0] in ("kind", "sort"):
            before = text[: m.start()].split()
            if before and norm(before[-1]).strip(",.;:") in KIND_NOT_AFTER:
                continue
        hits.append(m)
    if not hits:
        return None
    n_words = max(len(toks), 1)
    level = "problem" if len(hits) >= 3 and len(hits) / n_words > 0.01 else "tip"
    phrases = list(dict.fromkeys(norm(m.group(0)) for m in hits))
    return Point(
        "hedging",
        level,
        f"Hedging: {plural(len(hits), 'hedge')} ("
        + ", ".join(f"'{p}'" for p in phrases[:4])
        + ") make you sound unsure.",
        snippets(text, (m.span() for m in hits)),
        f"Say it plainly: drop '{phrases[0]}' and state what you did or think "
        "('I decided…', 'I will…').",
    )


def casual_point(text: str, toks: list[Tok]) -> Point | None:
    swears = list(SWEARING.finditer(text))
    casual = list(CASUAL.finditer(text))
    if not swears and not casual:
        return None
    hits = sorted(swears + casual, key=lambda m: m.start())
    words = list(dict.fromkeys(norm(m.group(0)) for m in hits))
    level = "problem" if swears or len(casual) >= 3 else "tip"
    message = (
        "Too casual: swearing in an interview answer."
        if swears
        else "Too casual for an interview: " + ", ".join(f"'{w}'" for w in words[:4]) + "."
    )
    return Point(
        "casual",
        level,
        message,
        snippets(text, (m.span() for m in hits)),
        "Keep the tone professional but warm: say '"
        + _FORMAL.get(words[0], "a plain, professional word")
        + f"' instead of '{words[0]}'."
        if words[0] in _FORMAL
        else f"Keep the tone professional but warm: drop '{words[0]}'.",
    )


_FORMAL = {
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "have to",
    "kinda": "somewhat",
    "sorta": "somewhat",
    "stuff": "the work (name it)",
    "super": "very",
    "awesome": "excellent",
    "cool": "good",
    "yeah": "yes",
    "yep": "yes",
    "nope": "no",
    "guys": "colleagues",
    "totally": "completely",
    "crazy": "very busy",
    "messed up": "made a mistake",
    "screwed up": "made a mistake",
}


def negative_point(text: str, toks: list[Tok]) -> Point | None:
    spans: list[tuple[int, int]] = [(m.start(), m.end()) for m in NEGATIVE_PHRASES.finditer(text)]
    employers = list(EMPLOYER.finditer(text))
    for neg in NEGATIVE.finditer(text):
        for emp in employers:
            # "my old boss was terrible" (employer then negative within ~6 words) or
            # "terrible management" (negative right before the employer word).
            gap_after = text[emp.end() : neg.start()]
            gap_before = text[neg.end() : emp.start()]
            if (
                neg.start() - emp.end() >= 0
                and len(gap_after.split()) <= 5
                and "." not in gap_after
            ) or (emp.start() - neg.end() >= 0 and len(gap_before.split()) <= 1):
                spans.append((min(emp.start(), neg.start()), max(emp.end(), neg.end())))
                break
    if not spans:
        return None
    spans.sort()
    return Point(
        "negative_employer",
        "problem",
        "Negative talk about a past employer or colleagues; interviewers hear it as a warning.",
        snippets(text, spans, 20),
        "Say what you learned or what you want next instead: "
        "'I'm looking for a team that …' rather than criticising them.",
    )


def i_we_point(text: str, toks: list[Tok], i_count: int, we_count: int) -> Point | None:
    if we_count >= 4 and i_count * 2 < we_count:
        ev = [snippet(text, t.start, t.end, 24) for t in toks if t.low in WE_WORDS][:2]
        return Point(
            "i_we",
            "problem" if i_count <= 1 else "tip",
            f"'We' ({we_count}) outweighs 'I' ({i_count}): your own part is unclear.",
            tuple(ev),
            "Keep crediting the team, but say one thing you personally did: 'I built…', 'I led…'.",
        )
    if i_count >= 3 and we_count >= 1:
        return Point(
            "i_we",
            "good",
            f"Clear about your part ('I' ×{i_count}) while crediting the team ('we' ×{we_count}).",
            (),
            "Keep this balance.",
        )
    return None


def enthusiasm_point(text: str) -> Point:
    hits = list(ENTHUSIASM.finditer(text))
    if hits:
        return Point(
            "enthusiasm",
            "good",
            "You say why you want it.",
            snippets(text, (m.span() for m in hits), limit=2),
            "Tie your interest to one specific thing about the company.",
        )
    return Point(
        "enthusiasm",
        "problem",
        "No sign of enthusiasm or motivation: the answer never says why you want this.",
        (),
        "Say plainly what draws you: 'What excites me about this role is …' "
        "and name one thing you learned about them.",
    )


def company_point(text: str, terms: list[str]) -> Point:
    used, unused = [], []
    for term in dict.fromkeys(t.strip() for t in terms):
        if phrase_regex([term]).search(text):
            used.append(term)
        else:
            unused.append(term)
    if used:
        return Point(
            "company_terms",
            "good" if not unused or len(used) >= 2 else "tip",
            "You used what you researched: " + ", ".join(used) + ".",
            tuple(used[:4]),
            (f"Also bring in {unused[0]} where it fits." if unused else "Keep weaving these in."),
        )
    return Point(
        "company_terms",
        "tip",
        "None of your research about the company came up.",
        (),
        f"Link your answer to {unused[0]}: one sentence on how your experience applies to it.",
    )


def consistency_point(previous: Sequence[str], current: Sequence[str]) -> Point:
    changes = compare_facts(previous, current)
    if changes:
        return Point(
            "consistency",
            "problem",
            "Details changed since you last answered this question.",
            tuple(f"was {a} → now {b}" for a, b in changes[:4]),
            "Check your notes and tell the same facts each time: "
            f"decide between {changes[0][0]} and {changes[0][1]}.",
        )
    return Point(
        "consistency",
        "good",
        "Consistent with your previous answer to this question.",
        (),
        "Keep the same facts; add a new detail only if it adds to the story.",
    )
