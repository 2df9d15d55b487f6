"""Filler words in an answer: "um" always, "like", "you know", "so" and others when
the words around them (or a pause, when spoken) say they are fillers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from secondround.engine.practice.answer_text import (
    SIMPLE_FILLERS,
    Tok,
    norm,
    sentence_spans,
    tokens,
)
from secondround.engine.practice.hesitations import is_written_hesitation
from secondround.engine.practice.report import Word

_LIKE_NOT_AFTER = frozenset(
    [
        "i",
        "you",
        "we",
        "they",
        "he",
        "she",
        "would",
        "'d",
        "i'd",
        "we'd",
        "you'd",
        "they'd",
        "he'd",
        "she'd",
        "do",
        "does",
        "did",
        "don't",
        "doesn't",
        "didn't",
        "to",
        "really",
        "also",
        "might",
        "may",
        "will",
        "'ll",
        "not",
        "who",
        "people",
        "feel",
        "feels",
        "felt",
        "look",
        "looks",
        "looked",
        "seem",
        "seems",
        "seemed",
        "sound",
        "sounds",
        "sounded",
        "something",
        "anything",
        "nothing",
        "everything",
        "things",
        "more",
        "much",
        "most",
        "very",
        "stuff",
        "such",
        "just",
        "exactly",
        "be",
        "being",
        "been",
        "little",
        "bit",
        "thing",
        "one",
        "ones",
    ]
)
_LIKE_FILLER_AFTER = frozenset(
    ["and", "but", "or", "so", "um", "uh", "was", "were", "is", "it's", "that's", "'s"]
)
_OBJECT_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "my",
        "your",
        "our",
        "his",
        "her",
        "their",
        "its",
        "it",
        "him",
        "them",
        "me",
        "us",
        "some",
        "any",
        "each",
        "every",
        "one",
        "to",
    ]
)
_LIKE_FILLER_BEFORE = frozenset(
    ["um", "uh", "really", "totally", "literally", "just", "super", "very", "so"]
)
_YOU_KNOW_NOT_AFTER = frozenset(
    [
        "do",
        "did",
        "does",
        "don't",
        "didn't",
        "if",
        "let",
        "would",
        "will",
        "could",
        "can",
        "as",
        "what",
        "how",
        "that",
        "'ll",
        "might",
        "may",
        "should",
        "i'd",
        "we'd",
    ]
)
_YOU_KNOW_NOT_BEFORE = frozenset(
    [
        "that",
        "what",
        "how",
        "why",
        "where",
        "who",
        "when",
        "whether",
        "if",
        "about",
        "the",
        "a",
        "an",
        "him",
        "her",
        "it",
        "them",
        "me",
        "us",
        "this",
        "these",
        "those",
        "my",
        "your",
        "our",
        "their",
        "his",
        "more",
        "much",
        "exactly",
        "enough",
        "everything",
        "everyone",
        "anything",
        "in",
        "which",
        "whose",
    ]
)
_I_MEAN_NOT_AFTER = frozenset(["what", "do", "did", "don't", "didn't"])
_I_MEAN_NOT_BEFORE = frozenset(["to", "it", "that", "what", "by"])
KIND_NOT_AFTER = frozenset(
    [
        "a",
        "the",
        "what",
        "which",
        "this",
        "that",
        "any",
        "some",
        "every",
        "one",
        "each",
        "same",
        "different",
        "another",
        "no",
        "these",
        "those",
        "my",
        "our",
        "your",
        "his",
        "her",
        "their",
        "whatever",
        "all",
        "certain",
        "new",
        "other",
        "particular",
    ]
)
_SAID = frozenset(["said", "say", "mentioned", "mention", "explained", "suggested"])
_SO_NOT_BEFORE = frozenset(
    ["that", "far", "much", "many", "long", "few", "yes", "no", "on", "forth"]
)
_SENTENCE_START_FILLERS = frozenset(["um", "uh", "er", "erm", "well", "okay", "ok", "right"])
# "and so, I added a check": inside a sentence "so" is a filler when it is set off (a comma
# or a pause after it) and follows a conjunction or a comma; "so that", "I think so, but"
# and "so we had to" are not set off that way.
_SO_FILLER_AFTER = frozenset(["and", "but", "because", "then"])  # not "an hour or so,"

# --------------------------------------------------------------------------- fillers


# A recogniser spells one hesitation many ways; the report counts it under one name.
_HESITATION_SPELLINGS = {
    "umm": "um",
    "ummm": "um",
    "uhm": "um",
    "uhh": "uh",
    "uhhh": "uh",
    "err": "er",
    "ah": "uh",
    "ahh": "uh",
    "eh": "er",
    "ehm": "erm",
    "urm": "erm",
    "hum": "hmm",
    "hm": "hmm",
    "mm": "hmm",
    "mmm": "hmm",
}


def _drawn_out(word: str) -> str | None:
    """A hesitation spelled long ("Errr", "Ehh", "Hmmmm"): the name it is counted under."""
    if not is_written_hesitation(word):
        return None
    squeezed = "".join(ch for i, ch in enumerate(word) if i == 0 or ch != word[i - 1])
    if squeezed in ("m", "hm", "hum"):
        return "hmm"
    return _HESITATION_SPELLINGS.get(squeezed, squeezed)


def find_fillers(text: str, toks: list[Tok]) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of each filler occurrence."""
    found: list[tuple[int, int, str]] = []
    listed: set[int] = set()
    for m in SIMPLE_FILLERS.finditer(text):
        phrase = norm(m.group(0))
        found.append((m.start(), m.end(), _HESITATION_SPELLINGS.get(phrase, phrase)))
        listed.add(m.start())
    n = len(toks)
    for i, t in enumerate(toks):
        prev = toks[i - 1] if i and toks[i - 1].sent == t.sent else None
        nxt = toks[i + 1] if i + 1 < n and toks[i + 1].sent == t.sent else None
        p = prev.low if prev else None
        q = nxt.low if nxt else None
        drawn = None if t.start in listed else _drawn_out(t.low)
        if drawn is not None:
            found.append((t.start, t.end, drawn))
        elif t.low == "like":
            third = toks[i + 2].low if i + 2 < n and toks[i + 2].sent == t.sent else None
            if q in ("i", "you", "we") and third in _SAID:  # "like I said" = "as I said"
                continue
            if _is_filler_like(p, q, t):
                found.append((t.start, t.end, "like"))
        elif t.low == "you" and q == "know" and nxt is not None:
            after = toks[i + 2] if i + 2 < n and toks[i + 2].sent == t.sent else None
            if p in _YOU_KNOW_NOT_AFTER:
                continue
            if (
                nxt.comma_after
                or after is None
                or after.low not in _YOU_KNOW_NOT_BEFORE
                or (prev is not None and t.comma_before)
            ):
                found.append((t.start, nxt.end, "you know"))
        elif t.low == "i" and q == "mean" and nxt is not None:
            after = toks[i + 2] if i + 2 < n and toks[i + 2].sent == t.sent else None
            if p in _I_MEAN_NOT_AFTER:
                continue
            if nxt.comma_after or after is None or after.low not in _I_MEAN_NOT_BEFORE:
                found.append((t.start, nxt.end, "i mean"))
        elif t.low in ("kind", "sort") and q == "of" and nxt is not None:
            if p not in KIND_NOT_AFTER:
                found.append((t.start, nxt.end, f"{t.low} of"))
        elif t.low == "so" and _sentence_initial(toks, i, text):
            # "So, ..." is a filler anywhere; "So I ..." opening the answer is the classic
            # one, but later in the answer it is as often "therefore" ("So nurses left on
            # time"): a recogniser writes a full stop before a spoken "so" either way.
            opening = all(toks[j].low in _SENTENCE_START_FILLERS for j in range(i))
            if t.comma_after or (opening and q not in _SO_NOT_BEFORE):
                found.append((t.start, t.end, "so"))
        elif (
            t.low == "so"
            and t.comma_after
            and nxt is not None
            and (p in _SO_FILLER_AFTER or t.comma_before)
        ):
            found.append((t.start, t.end, "so"))
    found.sort()
    return found


def _sentence_initial(toks: list[Tok], i: int, text: str) -> bool:
    """First word of a written sentence (after any um/uh/well), not of a marker split."""
    j = i - 1
    while j >= 0 and toks[j].sent == toks[i].sent:
        if toks[j].low not in _SENTENCE_START_FILLERS:
            return False
        j -= 1
    before = text[: toks[j + 1].start].rstrip()
    return not before or before[-1] in ".!?…\n\"”'"


def _is_filler_like(p: str | None, q: str | None, t: Tok) -> bool:
    if p in _LIKE_NOT_AFTER or (p is not None and p.endswith(("'d", "n't"))):
        return bool(t.comma_after and t.comma_before)
    if p is None:  # sentence-initial "Like, ..." but not "Like I said" / "Like many teams"
        return t.comma_after
    if t.comma_after:
        return True
    if q is None:
        return False
    if t.comma_before:
        return q not in _OBJECT_WORDS
    if p in _LIKE_FILLER_AFTER:
        return q not in _OBJECT_WORDS and not q[0].isdigit()
    return q in _LIKE_FILLER_BEFORE


def filler_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of each filler occurrence, in text order."""
    return find_fillers(text, tokens(text, sentence_spans(text)))


def spans_of_words(text: str, timed: Sequence[Word]) -> list[tuple[int, int, Word]]:
    """Where each timed word sits in the text (the text is the words joined, in order)."""
    spans: list[tuple[int, int, Word]] = []
    cursor = 0
    for word in timed:
        token = word.text.strip()
        at = text.find(token, cursor) if token else -1
        if at >= 0:
            spans.append((at, at + len(token), word))
            cursor = at + len(token)
    return spans


def times_of_fillers(
    hits: Sequence[tuple[int, int, str]], spans: Sequence[tuple[int, int, Word]]
) -> tuple[tuple[float, float] | None, ...]:
    """(start, end) in the recording of each filler found in the text."""
    out: list[tuple[float, float] | None] = []
    for start, end, _ in hits:
        covering = [w for s, e, w in spans if s < end and e > start]
        out.append((covering[0].start, covering[-1].end) if covering else None)
    return tuple(out)


# A pause this long between spoken words sets a filler off as a comma does in writing:
# recognisers leave most of those commas out ("it was like honestly").
PAUSE_AS_COMMA = 0.15


def with_pauses(toks: list[Tok], spans: Sequence[tuple[int, int, Word]]) -> list[Tok]:
    """The tokens with a comma wherever the speaker paused (for the filler rules)."""
    paused = {
        here
        for (_, _, before), (here, _, word) in zip(spans, spans[1:], strict=False)
        if word.start - before.end >= PAUSE_AS_COMMA
    }
    if not paused:
        return toks
    return [
        replace(
            t,
            comma_before=t.comma_before or t.start in paused,
            comma_after=t.comma_after or (i + 1 < len(toks) and toks[i + 1].start in paused),
        )
        for i, t in enumerate(toks)
    ]


def timed_fillers(text: str, words: Sequence[Word]) -> list[tuple[str, float, float]]:
    """(phrase, start, end) of each filler heard in a spoken answer, in order."""
    spans = spans_of_words(text, sorted(words, key=lambda w: w.start))
    hits = find_fillers(text, with_pauses(tokens(text, sentence_spans(text)), spans))
    times = times_of_fillers(hits, spans)
    return [(p, t[0], t[1]) for (_, _, p), t in zip(hits, times, strict=True) if t is not None]


def detect_fillers(text: str) -> list[str]:
    """Each filler occurrence in the text, lower-cased ("um", "you know", "like", ...)."""
    toks = tokens(text, sentence_spans(text))
    return [phrase for _, _, phrase in find_fillers(text, toks)]
