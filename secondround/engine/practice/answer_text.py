"""The words of an answer: its phrase lists, tokens, sentences and short quotes."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from secondround.engine.nlp.files import DATA_DIR
from secondround.engine.practice.report import BEHAVIOURAL_KINDS

DATA_FILE = DATA_DIR / "answer_phrases.json"

# --------------------------------------------------------------------------- phrases


def phrase_regex(phrases: Iterable[str]) -> re.Pattern[str]:
    """One regex matching any phrase as whole words (hyphens and apostrophes inside words)."""
    parts = []
    for phrase in sorted({p.strip().lower() for p in phrases if p.strip()}, key=len, reverse=True):
        words = [re.escape(w).replace("'", "['’]") for w in phrase.split()]
        parts.append(r"\s+".join(words))
    if not parts:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(parts) + r")(?![\w'’-])", re.IGNORECASE)


def _load_phrases() -> dict[str, list[str]]:
    try:
        raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raw = {}
    out: dict[str, list[str]] = {}
    if isinstance(raw, dict):
        for key, value in raw.items():
            if isinstance(value, list):
                out[str(key)] = [str(v) for v in value if isinstance(v, str)]
    return out


PHRASES = _load_phrases()
SIMPLE_FILLERS = phrase_regex(PHRASES.get("fillers", ()))
HEDGES = phrase_regex(PHRASES.get("hedges", ()))
CASUAL = phrase_regex(PHRASES.get("casual", ()))
SWEARING = phrase_regex(PHRASES.get("swearing", ()))
EMPLOYER = phrase_regex(PHRASES.get("employer_words", ()))
NEGATIVE = phrase_regex(PHRASES.get("negative_words", ()))
NEGATIVE_PHRASES = phrase_regex(PHRASES.get("negative_phrases", ()))
ENTHUSIASM = phrase_regex(PHRASES.get("enthusiasm", ()))
VAGUE = phrase_regex(PHRASES.get("vague", ()))
ROLE_NOUNS = sorted({r.lower() for r in PHRASES.get("role_nouns", ())}, key=len, reverse=True)

# --------------------------------------------------------------------------- tokens

TOKEN = re.compile(r"[\w$£€][\w'’%$£€.,-]*[\w%]|[\w$£€]")
I_WORDS = frozenset({"i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself"})
WE_WORDS = frozenset({"we", "we're", "we've", "we'd", "we'll", "us", "our", "ours", "ourselves"})


_LONG_SENTENCE_MARKERS = (
    "and then",
    "after that",
    "as a result",
    "in the end",
    "which led to",
    "so",
    "then",
    "but",
    "eventually",
    "finally",
)


@dataclass(frozen=True)
class Tok:
    low: str
    start: int
    end: int
    sent: int
    comma_before: bool  # comma (or dash) between the previous token and this one
    comma_after: bool


def norm(token: str) -> str:
    return token.lower().replace("’", "'")


ABBREVIATIONS = re.compile(r"(?:\b(?:e\.g|i\.e|etc|mr|mrs|ms|dr|vs|inc|ltd|co|approx|no)\.)$", re.I)
_SENT_END = re.compile(r"[.!?…]+[\"'”’)]*\s+|\n\s*\n|\n(?=\s*[-*•\d])|\n")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        piece_end = m.end()
        head = text[start : m.start() + 1].rstrip()
        rest = text[piece_end : piece_end + 1]
        if "\n" not in m.group(0):
            if ABBREVIATIONS.search(head) and rest[:1].islower():
                continue
            if rest and rest[0].islower():
                continue
        if text[start : m.start()].strip():
            spans.append((start, m.end()))
        start = piece_end
    if text[start:].strip():
        spans.append((start, len(text)))
    # Unpunctuated speech: break long stretches before discourse markers.
    out: list[tuple[int, int]] = []
    for s, e in spans:
        out.extend(_split_long(text, s, e))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in out]


_MARKER = re.compile(
    r"(?<![\w'’-])(?:" + "|".join(m.replace(" ", r"\s+") for m in _LONG_SENTENCE_MARKERS) + r")\b",
    re.IGNORECASE,
)


def _split_long(text: str, s: int, e: int) -> list[tuple[int, int]]:
    piece = text[s:e]
    if len(TOKEN.findall(piece)) <= 40:
        return [(s, e)]
    out: list[tuple[int, int]] = []
    cut = s
    for m in _MARKER.finditer(piece):
        pos = s + m.start()
        if len(TOKEN.findall(text[cut:pos])) >= 12 and len(TOKEN.findall(text[pos:e])) >= 6:
            out.append((cut, pos))
            cut = pos
    out.append((cut, e))
    return out


def split_sentences(text: str) -> list[str]:
    """The answer's sentences as written (long unpunctuated speech split at discourse markers)."""
    return [text[s:e].strip() for s, e in sentence_spans(text)]


def tokens(text: str, spans: list[tuple[int, int]]) -> list[Tok]:
    toks: list[Tok] = []
    raw = list(TOKEN.finditer(text))
    sent = 0
    for idx, m in enumerate(raw):
        while sent < len(spans) - 1 and m.start() >= spans[sent][1]:
            sent += 1
        before = text[raw[idx - 1].end() : m.start()] if idx else ""
        after = text[m.end() : raw[idx + 1].start()] if idx + 1 < len(raw) else text[m.end() :]
        toks.append(
            Tok(
                norm(m.group(0)),
                m.start(),
                m.end(),
                sent,
                bool(re.search(r"[,;:—–]|\s-\s", before)),
                bool(re.search(r"[,;:—–]|\s-\s|[.!?]", after)),
            )
        )
    return toks


# --------------------------------------------------------------------------- helpers


def snippet(text: str, start: int, end: int, radius: int = 28) -> str:
    s = max(0, start - radius)
    e = min(len(text), end + radius)
    if s > 0:
        sp = text.find(" ", s)
        s = sp + 1 if 0 <= sp < start else s
    if e < len(text):
        sp = text.rfind(" ", end, e)
        e = sp if sp > end else e
    core = " ".join(text[s:e].split())
    return ("…" if s > 0 else "") + core + ("…" if e < len(text) else "")


def snippets(
    text: str, spans: Iterable[tuple[int, int]], radius: int = 24, limit: int = 3
) -> tuple[str, ...]:
    """One snippet per place: hits whose windows overlap ("Um, so basically in the
    first") are quoted once, not once per word."""
    places: list[list[int]] = []
    for start, end in sorted(spans):
        if places and start - radius <= places[-1][1] + radius:
            places[-1][1] = max(places[-1][1], end)
        else:
            places.append([start, end])
    return tuple(snippet(text, start, end, radius) for start, end in places[:limit])


def quote(sentence: str, limit: int = 110) -> str:
    s = " ".join(sentence.split())
    return s if len(s) <= limit else s[: limit - 1].rsplit(" ", 1)[0] + "…"


def is_behavioural(question: str | None, kind: str | None) -> bool:
    if kind:
        return kind.lower() in BEHAVIOURAL_KINDS
    if question:
        return bool(
            re.search(
                r"\b(?:tell me about a time|describe a (?:time|situation)|give (?:me )?an example|"
                r"a time when|a time you|a situation (?:where|when|in which)|walk me through a|"
                r"share an example|an instance)\b",
                question,
                re.IGNORECASE,
            )
        )
    return True


_MOTIVATION_Q = re.compile(
    r"\bwhy\b.*\b(?:this|our|us|here|role|company|job|position|want|interested|join|apply|"
    r"applied|leave|leaving|industry|field|career|team)\b|"
    r"\bwhat (?:attracts|attracted|interests|interested|excites|motivates|drew|draws)\b|"
    r"\bwhat do you (?:know|like) about (?:us|our|the company)\b",
    re.IGNORECASE,
)


def is_motivation(question: str | None, kind: str | None) -> bool:
    if kind and kind.lower() == "motivation":
        return True
    return bool(question and _MOTIVATION_Q.search(question))


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"
