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

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from secondround.engine.nlp.files import DATA_DIR

DATA_FILE = DATA_DIR / "answer_phrases.json"

TOPICS = (
    "length",
    "star",
    "specificity",
    "fillers",
    "pace",
    "pauses",
    "hedging",
    "casual",
    "negative_employer",
    "i_we",
    "enthusiasm",
    "company_terms",
    "consistency",
)
STAR_LABELS = ("situation", "task", "action", "result")
OTHER = "other"

# A typed answer is judged by how long it would take to say: at the speaker's own
# measured pace once they have spoken an answer, at this typical pace until then.
SPEAKING_WPM = 150.0
TOO_SHORT_SECONDS = 30.0
BEHAVIOURAL_MIN_SECONDS = 60.0
RAMBLING_SECONDS = 120.0
# Stored reports older than this are analysed again when read (figures or advice changed).
REPORT_VERSION = 4
# The band listeners find easiest to follow in an interview answer.
PACE_LOW, PACE_HIGH = 110.0, 150.0
LONG_PAUSE_SECONDS = 2.0
FILLERS_PER_MINUTE_OK = 2.0
FILLERS_PER_MINUTE_PROBLEM = 4.0
BEHAVIOURAL_KINDS = frozenset({"behavioral", "behavioural", "situational"})


@dataclass(frozen=True)
class Word:
    text: str
    start: float
    end: float


@dataclass(frozen=True)
class Point:
    topic: str
    level: str  # "good" | "tip" | "problem"
    message: str
    evidence: tuple[str, ...]
    suggestion: str


@dataclass(frozen=True)
class FillerReport:
    count: int
    per_minute: float | None
    items: tuple[str, ...]
    # When each item was said (seconds from the start of the recording), for a spoken
    # answer; None where the word could not be found in the timings (an edited text).
    times: tuple[float | None, ...] = ()


@dataclass(frozen=True)
class AnswerReport:
    words: int
    seconds: float | None  # measured: only a spoken answer has a duration and a pace
    words_per_minute: float | None
    fillers: FillerReport
    sentences: tuple[str, ...]
    star: tuple[str, ...]
    pauses: tuple[tuple[float, float], ...]
    i_count: int
    we_count: int
    points: tuple[Point, ...]
    suggestions: tuple[str, ...]
    facts: tuple[str, ...]
    # A typed answer: how long it would take to say, at which pace (and whose).
    estimated_seconds: float | None = None
    estimate_wpm: float | None = None
    estimate_is_own_pace: bool = False


# --------------------------------------------------------------------------- phrases


def _phrase_regex(phrases: Iterable[str]) -> re.Pattern[str]:
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
SIMPLE_FILLERS = _phrase_regex(PHRASES.get("fillers", ()))
HEDGES = _phrase_regex(PHRASES.get("hedges", ()))
CASUAL = _phrase_regex(PHRASES.get("casual", ()))
SWEARING = _phrase_regex(PHRASES.get("swearing", ()))
EMPLOYER = _phrase_regex(PHRASES.get("employer_words", ()))
NEGATIVE = _phrase_regex(PHRASES.get("negative_words", ()))
NEGATIVE_PHRASES = _phrase_regex(PHRASES.get("negative_phrases", ()))
ENTHUSIASM = _phrase_regex(PHRASES.get("enthusiasm", ()))
VAGUE = _phrase_regex(PHRASES.get("vague", ()))
_ROLE_NOUNS = sorted({r.lower() for r in PHRASES.get("role_nouns", ())}, key=len, reverse=True)

# --------------------------------------------------------------------------- tokens

TOKEN = re.compile(r"[\w$£€][\w'’%$£€.,-]*[\w%]|[\w$£€]")
I_WORDS = frozenset({"i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself"})
WE_WORDS = frozenset({"we", "we're", "we've", "we'd", "we'll", "us", "our", "ours", "ourselves"})

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
_KIND_NOT_AFTER = frozenset(
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
class _Tok:
    low: str
    start: int
    end: int
    sent: int
    comma_before: bool  # comma (or dash) between the previous token and this one
    comma_after: bool


def _norm(token: str) -> str:
    return token.lower().replace("’", "'")


ABBREVIATIONS = re.compile(r"(?:\b(?:e\.g|i\.e|etc|mr|mrs|ms|dr|vs|inc|ltd|co|approx|no)\.)$", re.I)
_SENT_END = re.compile(r"[.!?…]+[\"'”’)]*\s+|\n\s*\n|\n(?=\s*[-*•\d])|\n")


def _sentence_spans(text: str) -> list[tuple[int, int]]:
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
    return [text[s:e].strip() for s, e in _sentence_spans(text)]


def _tokens(text: str, spans: list[tuple[int, int]]) -> list[_Tok]:
    toks: list[_Tok] = []
    raw = list(TOKEN.finditer(text))
    sent = 0
    for idx, m in enumerate(raw):
        while sent < len(spans) - 1 and m.start() >= spans[sent][1]:
            sent += 1
        before = text[raw[idx - 1].end() : m.start()] if idx else ""
        after = text[m.end() : raw[idx + 1].start()] if idx + 1 < len(raw) else text[m.end() :]
        toks.append(
            _Tok(
                _norm(m.group(0)),
                m.start(),
                m.end(),
                sent,
                bool(re.search(r"[,;:—–]|\s-\s", before)),
                bool(re.search(r"[,;:—–]|\s-\s|[.!?]", after)),
            )
        )
    return toks


# --------------------------------------------------------------------------- fillers


# A recogniser spells one hesitation many ways; the report counts it under one name.
_HESITATION_SPELLINGS = {
    "umm": "um",
    "ummm": "um",
    "uhm": "um",
    "uhh": "uh",
    "uhhh": "uh",
    "err": "er",
    "hm": "hmm",
    "mm": "hmm",
    "mmm": "hmm",
}


def _find_fillers(text: str, toks: list[_Tok]) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of each filler occurrence."""
    found: list[tuple[int, int, str]] = []
    for m in SIMPLE_FILLERS.finditer(text):
        phrase = _norm(m.group(0))
        found.append((m.start(), m.end(), _HESITATION_SPELLINGS.get(phrase, phrase)))
    n = len(toks)
    for i, t in enumerate(toks):
        prev = toks[i - 1] if i and toks[i - 1].sent == t.sent else None
        nxt = toks[i + 1] if i + 1 < n and toks[i + 1].sent == t.sent else None
        p = prev.low if prev else None
        q = nxt.low if nxt else None
        if t.low == "like":
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
            if p not in _KIND_NOT_AFTER:
                found.append((t.start, nxt.end, f"{t.low} of"))
        elif t.low == "so" and _sentence_initial(toks, i, text):
            # "So, ..." is a filler anywhere; "So I ..." opening the answer is the classic
            # one, but later in the answer it is as often "therefore" ("So nurses left on
            # time"): a recogniser writes a full stop before a spoken "so" either way.
            opening = all(toks[j].low in _SENTENCE_START_FILLERS for j in range(i))
            if t.comma_after or (opening and q not in _SO_NOT_BEFORE):
                found.append((t.start, t.end, "so"))
    found.sort()
    return found


def _sentence_initial(toks: list[_Tok], i: int, text: str) -> bool:
    """First word of a written sentence (after any um/uh/well), not of a marker split."""
    j = i - 1
    while j >= 0 and toks[j].sent == toks[i].sent:
        if toks[j].low not in _SENTENCE_START_FILLERS:
            return False
        j -= 1
    before = text[: toks[j + 1].start].rstrip()
    return not before or before[-1] in ".!?…\n\"”'"


def _is_filler_like(p: str | None, q: str | None, t: _Tok) -> bool:
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
    return _find_fillers(text, _tokens(text, _sentence_spans(text)))


def _word_spans(text: str, timed: Sequence[Word]) -> list[tuple[int, int, Word]]:
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


def _filler_times(
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


def _with_pauses(toks: list[_Tok], spans: Sequence[tuple[int, int, Word]]) -> list[_Tok]:
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
    spans = _word_spans(text, sorted(words, key=lambda w: w.start))
    hits = _find_fillers(text, _with_pauses(_tokens(text, _sentence_spans(text)), spans))
    times = _filler_times(hits, spans)
    return [(p, t[0], t[1]) for (_, _, p), t in zip(hits, times, strict=True) if t is not None]


def detect_fillers(text: str) -> list[str]:
    """Each filler occurrence in the text, lower-cased ("um", "you know", "like", ...)."""
    toks = _tokens(text, _sentence_spans(text))
    return [phrase for _, _, phrase in _find_fillers(text, toks)]


# --------------------------------------------------------------------------- STAR

_ACTION_VERBS = (
    "initiated|organi[sz]ed|created|implemented|developed|set up|scheduled|met|talked|spoke|"
    "proposed|suggested|researched|analy[sz]ed|built|designed|led|coordinated|reached out|"
    "worked|introduced|established|started|decided|took|made|conducted|prepared|presented|"
    "listened|delegated|wrote|rewrote|reviewed|collaborated|broke|prioriti[sz]ed|communicated|"
    "asked|trained|mentored|called|contacted|emailed|gathered|identified|investigated|"
    "explained|negotiated|arranged|volunteered|stepped|pushed|drafted|ran|tested|fixed|"
    "automated|migrated|refactored|rolled out|launched|restructured|reorgani[sz]ed|"
    "encouraged|focused|kept|offered|provided|documented|tracked|monitored|held|facilitated|"
    "adopted|applied|used|leveraged|shared|sought|sat down|followed up|escalated|"
    "allocated|split|divided|assigned|enrolled|learned|learnt|studied|practi[sc]ed|"
    "requested|immediately|then|also|first|quickly|carefully|personally|spent|dedicated|"
    "devised|came up|put together|mapped|outlined|recommended|persuaded|convinced|"
    "demonstrated|showed|walked|guided|supported|helped|created|compiled|consulted|"
    "informed|acknowledged|apologi[sz]ed|accepted|reached|realized|realised|recogni[sz]ed|"
    "noticed|began|went|made sure|ensured|set|defined|streamlined|simplified|optimi[sz]ed|"
    "replaced|updated|upgraded|configured|deployed|integrated|liaised|balanced|managed|"
    "handled|adjusted|adapted|changed|modified|revised|reworked|redesigned|addressed|"
    "resolved|tackled|approached|engaged|involved|invited|brought|hosted|invested|"
    "restarted|paused|stopped|cut|removed|added|sent|gave|wrote|read|watched|evaluated|"
    "assessed|compared|measured|calculated|estimated|planned|structured|divided|"
    "empowered|motivated|fostered|celebrated|recogni[sz]ed|praised|thanked"
)

_CUES: dict[str, list[tuple[re.Pattern[str], float]]] = {
    "situation": [
        (
            re.compile(
                r"^(?:at|in|during|while|when|back in|last year|a few|some time|earlier|"
                r"a couple|two years|three years|several|previously|recently|once)\b"
            ),
            1.2,
        ),
        (
            re.compile(
                r"\b(?:previous|former|prior|last) (?:job|role|position|company|employer|team|"
                r"project)\b"
            ),
            1.2,
        ),
        (re.compile(r"\bin my (?:previous |former |last |current )?(?:role|position|job)\b"), 0.8),
        (re.compile(r"\b(?:i|we) (?:was|were) (?:working|part of|on|in|a|an|the)\b"), 1.0),
        (re.compile(r"\b(?:i|we) (?:worked|used to work) (?:at|for|as|in|on)\b"), 0.8),
        (
            re.compile(
                r"\b(?:there was|there were|we had|i had|had been|was facing|were facing|faced|"
                r"arose|occurred|came up|happened|was experiencing|were experiencing)\b"
            ),
            0.8,
        ),
        (
            re.compile(
                r"\b(?:problem|issue|challenge|conflict|disagreement|crisis|deadline|"
                r"complaint|situation|struggling|behind schedule|tight|urgent|critical)\b"
            ),
            0.6,
        ),
        (re.compile(r"\bwas (?:supposed|expected|scheduled|due|going) to\b"), 0.6),
        (re.compile(r"\b(?:19|20)\d\d\b"), 0.4),
        (re.compile(r"\b(?:the|our|a) (?:company|team|client|project|startup|product)\b"), 0.3),
        (re.compile(r"\b(?:was|were) (?:appointed|hired|assigned|placed|brought)\b"), 0.5),
        (re.compile(r"\b(?:found myself|i joined|when i joined|i was new)\b"), 0.8),
    ],
    "task": [
        (
            re.compile(
                r"\b(?:my|our|the) (?:task|job|goal|role|responsibility|objective|aim|mission|"
                r"challenge|assignment|priority) (?:was|is|became|here)\b"
            ),
            3.0,
        ),
        (
            re.compile(
                r"\b(?:i was|i'd been|i had been|i got) (?:asked|tasked|responsible|charged|"
                r"assigned|given the|expected|required|supposed)\b"
            ),
            1.8,
        ),
        (
            re.compile(
                r"\b(?:responsible for|in charge of|it was up to me|fell to me|"
                r"needed to|need to|had to|have to|was to|were to|wanted to ensure|"
                r"my aim|my goal|the goal|the aim|the objective|to make sure|ensure that|"
                r"was expected to|were expected to|required to)\b"
            ),
            1.0,
        ),
        (re.compile(r"\b(?:this|which|it) (?:involved|meant|required|entailed)\b"), 1.0),
        (
            re.compile(
                r"\b(?:it was|was) (?:my|our) (?:responsibility|job|task|role|duty)\b|"
                r"\bit was (?:important|crucial|essential|vital|critical) (?:to|that)\b"
            ),
            1.5,
        ),
        (re.compile(r"\b(?:task|goal|objective|responsibility|deliverable|target)\b"), 0.6),
        (re.compile(r"^(?:i needed|i had|we needed|we had to|i knew i)\b"), 1.0),
    ],
    "action": [
        (
            re.compile(
                r"^(?:i|i then|i also|i first|i immediately|first,? i|then,? i)\s+(?:"
                + _ACTION_VERBS
                + r")\b"
            ),
            2.0,
        ),
        (
            re.compile(
                r"\bi (?:then |also |first |immediately |quickly |personally )?(?:"
                + _ACTION_VERBS
                + r")\b"
            ),
            1.0,
        ),
        (
            re.compile(
                r"^(?:first|firstly|second|secondly|next|then|after that|afterwards|"
                r"additionally|to do this|to address|to solve|to tackle|to fix|to resolve|"
                r"to achieve|to ensure|to manage|to improve|to start|to begin|to maintain|"
                r"to keep|to make|to get|to help|realizing|realising|recognizing|"
                r"recognising|understanding|knowing|instead|so i|i started by|i began by|"
                r"i decided)\b"
            ),
            1.2,
        ),
        (
            re.compile(r"\b(?:i|we) (?:made sure|took the initiative|took ownership|stepped up)\b"),
            0.8,
        ),
        (re.compile(r"\bwe (?:" + _ACTION_VERBS + r")\b"), 0.3),
        (re.compile(r"\bi (?:would|will|'d)\b"), 0.2),
    ],
    "result": [
        (
            re.compile(
                r"\b(?:as a result|result(?:ed)? in|the result|the outcome|outcome|ultimately|"
                r"in the end|eventually|consequently|thanks to|because of this|"
                r"this led to|which led to|led to|leading to|this resulted)\b"
            ),
            2.0,
        ),
        (
            re.compile(
                r"\b(?:increas|reduc|improv|sav|cut|decreas|grew|grow|boost|doubl|tripl|"
                r"rais|lower|shorten|exceed|surpass)\w*\b.{0,40}?(?:\d|percent|%|half)"
            ),
            1.6,
        ),
        (re.compile(r"\d+(?:\.\d+)?\s?%|\bpercent\b"), 1.2),
        (
            re.compile(
                r"\b(?:successfully|succeeded|success|achieved|accomplished|delivered|"
                r"completed|on time|ahead of schedule|within budget|on budget|met the deadline|"
                r"well-received|well received|praised|recogni[sz]ed|promoted|appreciated|"
                r"thanked|commended|award|won|launched successfully|was resolved|"
                r"were resolved|satisfied|satisfaction|feedback was|positive feedback|"
                r"adopted|became|is still|are still|still use|to this day)\b"
            ),
            1.0,
        ),
        (
            re.compile(
                r"\b(?:taught me|i learned|i learnt|i've learned|learned that|learnt that|"
                r"lesson|this experience|the experience|this incident|this situation|"
                r"since then|going forward|from then on|moving forward|now i|today i|"
                r"reinforced|highlighted|showed me|i realized|i realised|in hindsight|"
                r"looking back|i now)\b"
            ),
            1.5,
        ),
        (
            re.compile(
                r"\b(?:the team|the project|the client|the customer|my manager)\b.*"
                r"\b(?:was|were) (?:able|happy|pleased|impressed)\b"
            ),
            0.8,
        ),
        (
            re.compile(
                r"\b(?:paid off|enabled (?:me|us|the)|(?:was|were) able to|noticeable|"
                r"significantly|responded well|within (?:\d+|a few|two|three|a week|a month)|"
                r"over the (?:next|following)|by the end|afterwards)\b"
            ),
            0.8,
        ),
        (
            re.compile(
                r"\b(?:improved|strengthened|enhanced|resolved|fixed|saved|reduced|increased)\b"
            ),
            0.5,
        ),
    ],
}
_OTHER_CUE = re.compile(
    r"^(?:great|good|that's a (?:great|good)|interesting) question|^(?:thank you|thanks)\b(?! to)|"
    r"^let me think|hope that answers|^that's (?:about )?(?:it|all)\b|"
    r"^(?:okay|ok|sure|right|yes|yeah)[.!]?$"
)
# Position prior: centre of each part along the answer (0 = start, 1 = end), and strength.
_CENTRES = {"situation": 0.0, "task": 0.22, "action": 0.55, "result": 1.0}
PRIOR_WEIGHT = 2.0
BACKWARD_PENALTY = 3.0
SKIP_PENALTY = 0.3
OVERRIDE_CUE = 3.0
BIAS = {"situation": 0.0, "task": -0.6, "action": 0.3, "result": 0.0}


def _cue_scores(sentence: str) -> dict[str, float]:
    low = _norm(sentence).strip()
    low = re.sub(r"^(?:so|and|but|well|um|uh|okay|ok)[,\s]+", "", low)
    return {
        label: sum(w for pattern, w in cues if pattern.search(low)) for label, cues in _CUES.items()
    }


def _label_star(sentences: Sequence[str]) -> tuple[list[str], list[dict[str, float]]]:
    n = len(sentences)
    cues = [_cue_scores(s) for s in sentences]
    labels: list[str] = [""] * n
    idx = []
    for i, s in enumerate(sentences):
        low = _norm(s).strip()
        if _OTHER_CUE.search(low) or len(TOKEN.findall(s)) < 3:
            labels[i] = OTHER
        else:
            idx.append(i)
    m = len(idx)
    if m:
        emit: list[list[float]] = []
        for k, i in enumerate(idx):
            pos = k / (m - 1) if m > 1 else 0.5
            emit.append(
                [
                    cues[i][lab] + BIAS[lab] - PRIOR_WEIGHT * (pos - _CENTRES[lab]) ** 2 * 2.0
                    for lab in STAR_LABELS
                ]
            )
        best = [list(emit[0])]
        back: list[list[int]] = [[0] * 4]
        for k in range(1, m):
            row, brow = [], []
            for b in range(4):
                cands = []
                for a in range(4):
                    if b < a:
                        t = -BACKWARD_PENALTY
                    elif b > a + 1:
                        t = -SKIP_PENALTY * (b - a - 1)
                    else:
                        t = 0.0
                    cands.append((best[k - 1][a] + t, a))
                score, arg = max(cands)
                row.append(score + emit[k][b])
                brow.append(arg)
            best.append(row)
            back.append(brow)
        state = max(range(4), key=lambda s: best[m - 1][s])
        path = [state]
        for k in range(m - 1, 0, -1):
            state = back[k][state]
            path.append(state)
        path.reverse()
        for k, i in enumerate(idx):
            label = STAR_LABELS[path[k]]
            # A strong cue overrides a label that only the order and position chose
            # ("My task was…" said last in an answer is still the task).
            top = max(STAR_LABELS, key=lambda lab: cues[i][lab])
            if cues[i][label] <= 0 and cues[i][top] >= OVERRIDE_CUE:
                label = top
            labels[i] = label
    return labels, cues


# --------------------------------------------------------------------------- facts

_NUMBER_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "thousand": 1000,
    "a dozen": 12,
    "dozen": 12,
    "a couple of": 2,
    "a couple": 2,
}
_NUM = (
    r"(?:\d[\d,]*(?:\.\d+)?|(?:"
    + "|".join(sorted((re.escape(w) for w in _NUMBER_WORDS), key=len, reverse=True))
    + r")(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?)"
)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_UNITS = "years?|months?|weeks?|days?|hours?|minutes?|quarters?|sprints?|semesters?"
_MONEY = re.compile(
    r"[$£€]\s?\d[\d,]*(?:\.\d+)?\s?(?:k|m|bn|million|billion|thousand)?\b|"
    r"\b\d[\d,]*(?:\.\d+)?\s?(?:k|m|million|billion|thousand)?\s?(?:dollars|pounds|euros|usd|gbp|eur)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"\b\d+(?:\.\d+)?\s?(?:%|percent\b)", re.IGNORECASE)
_YEAR = re.compile(
    r"\b(?:(?:in|since|during|by|of|from)\s+(?:(?:"
    + _MONTHS
    + r")\s+)?)?(?:19[5-9]\d|20[0-4]\d)\b",
    re.IGNORECASE,
)
_DURATION = re.compile(r"\b(?P<n>" + _NUM + r")[\s-](?P<u>" + _UNITS + r")\b", re.IGNORECASE)
_COUNT = re.compile(
    r"\b(?P<n>" + _NUM + r")\s+(?:(?:new|other|more|senior|junior|key|major|full-time|"
    r"part-time|different|separate|remote|direct|internal|external|big|small|large)\s+)?"
    r"(?P<noun>[a-z][a-z-]{2,}s)\b",
    re.IGNORECASE,
)
_TEAM_OF = re.compile(
    r"\b(?P<noun>team|group|staff|department|crew) of (?P<n>" + _NUM + r")\b", re.I
)
_ROLE_MODIFIERS = (
    r"(?:(?:senior|junior|lead|principal|staff|chief|head|assistant|associate|deputy|"
    r"acting|interim|graduate|trainee|software|data|product|project|program|programme|team|"
    r"engineering|marketing|sales|operations|account|customer|support|qa|test|frontend|"
    r"front-end|backend|back-end|full-stack|full stack|web|mobile|devops|cloud|security|"
    r"research|design|ux|ui|ui/ux|finance|financial|hr|business|technical|tech|it|"
    r"development|store|shift|office|general|regional|area|site|quality|clinical|"
    r"graphic|content|digital|social media|logistics|supply chain|warehouse|nursing)\s+){0,3}"
)
_ROLE = re.compile(
    r"\b(?:as an?|as the|i was an?|i was the|i am an?|i'm an?|my role as an?|my role as the|"
    r"role of|position of|promoted to|worked as an?|working as an?|job as an?|hired as an?|"
    r"appointed as an?|appointed as the|appointed)\s+(?P<role>"
    + _ROLE_MODIFIERS
    + r"(?:"
    + "|".join(re.escape(r) for r in _ROLE_NOUNS or ["engineer"])
    + r"))\b",
    re.IGNORECASE,
)
_NOT_COUNT_NOUNS = frozenset(
    [
        "years",
        "months",
        "weeks",
        "days",
        "hours",
        "minutes",
        "quarters",
        "sprints",
        "semesters",
        "times",
        "things",
        "ways",
        "percent",
        "dollars",
        "pounds",
        "euros",
        "thousands",
        "hundreds",
        "millions",
        "billions",
        "ones",
        "others",
    ]
)


def _num_value(text: str) -> float | None:
    t = text.lower().replace(",", "").strip()
    try:
        return float(t)
    except ValueError:
        pass
    parts = re.split(r"[\s-]+", t)
    if " ".join(parts) in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[" ".join(parts)])
    total = 0.0
    for p in parts:
        if p not in _NUMBER_WORDS:
            return None
        total += _NUMBER_WORDS[p]
    return total


def _singular(noun: str) -> str:
    noun = noun.lower()
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun[:-1]
    return noun


def extract_facts(text: str) -> list[str]:
    """Numbers, dates, money, percentages and role words, as "kind: as written" strings."""
    facts: list[str] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, m: re.Match[str], value: str | None = None) -> None:
        if any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        facts.append(f"{kind}: {(value or m.group(0)).strip()}")

    for m in _MONEY.finditer(text):
        add("money", m)
    for m in _PERCENT.finditer(text):
        add("percent", m)
    for m in _YEAR.finditer(text):
        add("date", m)
    for m in _DURATION.finditer(text):
        add("duration", m)
    for m in _TEAM_OF.finditer(text):
        add("count", m)
    for m in _COUNT.finditer(text):
        if m.group("noun").lower() not in _NOT_COUNT_NOUNS and _num_value(m.group("n")) is not None:
            add("count", m)
    for m in _ROLE.finditer(text):
        role = m.group("role")
        if role.lower() in ("member", "head", "lead", "owner", "partner", "principal"):
            continue
        start = m.start("role")
        facts.append(f"role: {role}")
        taken.append((start, m.end()))
    return facts


def _fact_key(fact: str) -> tuple[str, str, str] | None:
    """(kind, key, normalised value) for comparing facts across two answers."""
    kind, _, value = fact.partition(": ")
    low = value.lower()
    if kind == "role":
        return ("role", "role", " ".join(low.split()))
    if kind == "duration":
        m = _DURATION.search(value)
        if m:
            n = _num_value(m.group("n"))
            return ("duration", _singular(m.group("u")), f"{n:g}" if n is not None else low)
    if kind == "count":
        m = _TEAM_OF.search(value) or _COUNT.search(value)
        if m:
            n = _num_value(m.group("n"))
            key = _singular(m.group("noun"))
            return ("count", key, f"{n:g}" if n is not None else low)
    if kind == "percent":
        m = re.search(r"\d+(?:\.\d+)?", low)
        return ("percent", "percent", f"{float(m.group(0)):g}%" if m else low)
    if kind == "money":
        digits = re.sub(r"[^\d.kmb]", "", low.replace("million", "m").replace("thousand", "k"))
        return ("money", "money", digits)
    if kind == "date":
        m = re.search(r"\d{4}", low)
        return ("date", "year", m.group(0) if m else low)
    return None


def compare_facts(previous: Sequence[str], current: Sequence[str]) -> list[tuple[str, str]]:
    """(was, now) pairs for facts of the same kind and key whose values changed."""

    def group(facts: Sequence[str]) -> dict[tuple[str, str], dict[str, str]]:
        out: dict[tuple[str, str], dict[str, str]] = {}
        for f in facts:
            k = _fact_key(f)
            if k:
                out.setdefault((k[0], k[1]), {}).setdefault(k[2], f.partition(": ")[2])
        return out

    before, after = group(previous), group(current)
    changes: list[tuple[str, str]] = []
    for key, was in before.items():
        now = after.get(key)
        if not now:
            continue
        gone = [v for k, v in was.items() if k not in now]
        new = [v for k, v in now.items() if k not in was]
        if gone and new:
            changes.append((", ".join(gone), ", ".join(new)))
    return changes


# --------------------------------------------------------------------------- helpers


def _snippet(text: str, start: int, end: int, radius: int = 28) -> str:
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


def _quote(sentence: str, limit: int = 110) -> str:
    s = " ".join(sentence.split())
    return s if len(s) <= limit else s[: limit - 1].rsplit(" ", 1)[0] + "…"


def _is_behavioural(question: str | None, kind: str | None) -> bool:
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


def _is_motivation(question: str | None, kind: str | None) -> bool:
    if kind and kind.lower() == "motivation":
        return True
    return bool(question and _MOTIVATION_Q.search(question))


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


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

    spans = _sentence_spans(text)
    sentences = [text[s:e].strip() for s, e in spans]
    toks = _tokens(text, spans)
    n_words = len(toks)
    wpm = round(n_words / duration * 60.0, 1) if duration and n_words else None
    minutes = duration / 60.0 if duration else None
    own_pace = speaking_wpm is not None and math.isfinite(speaking_wpm) and speaking_wpm > 0
    estimate_wpm = float(speaking_wpm) if own_pace and speaking_wpm else SPEAKING_WPM
    estimated = None if duration is not None else n_words / estimate_wpm * 60.0

    # Fillers
    word_spans = _word_spans(text, timed) if timed else []
    filler_hits = _find_fillers(text, _with_pauses(toks, word_spans))
    filler_items = tuple(p for _, _, p in filler_hits)
    per_minute = round(len(filler_items) / minutes, 2) if minutes else None
    filler_times: tuple[float | None, ...] = ()
    if timed:
        filler_spans_timed = _filler_times(filler_hits, word_spans)
        filler_times = tuple(round(t[0], 2) if t else None for t in filler_spans_timed)
    fillers = FillerReport(len(filler_items), per_minute, filler_items, filler_times)

    # Pauses from word timings
    pauses: list[tuple[float, float]] = []
    for a, b in zip(timed, timed[1:], strict=False):
        gap = b.start - a.end
        if gap > LONG_PAUSE_SECONDS:
            pauses.append((round(a.end, 2), round(gap, 2)))

    labels, cues = _label_star(sentences)
    i_count = sum(1 for t in toks if t.low in I_WORDS)
    we_count = sum(1 for t in toks if t.low in WE_WORDS)
    facts = extract_facts(text)

    points: list[Point] = []
    if n_words:
        behavioural = _is_behavioural(question, question_kind)
        star = _star_point(sentences, labels, cues, toks) if behavioural and sentences else None
        specificity = _specificity_point(text, sentences, facts)
        length = _length_point(
            n_words, duration, estimated, estimate_wpm, own_pace, behavioural, sentences
        )
        if length.suggestion in (SHORT_ADVICE, BRIEF_ADVICE):
            how = _longer_how(star, _has_number(text, facts), short=length.level == "problem")
            length = replace(length, suggestion=how)
        points.append(length)
        if star:
            points.append(star)
        points.append(specificity)
        fp = _filler_point(text, filler_hits, n_words, minutes, estimate_wpm)
        if fp:
            points.append(fp)
        if wpm is not None and n_words >= 20:
            points.append(_pace_point(wpm))
        if pauses:
            pp = _pause_point(pauses, timed)
            if pp:
                points.append(pp)
        for maker in (_hedging_point, _casual_point, _negative_point):
            p = maker(text, toks)
            if p:
                points.append(p)
        iw = _i_we_point(text, toks, i_count, we_count)
        if iw:
            points.append(iw)
        if _is_motivation(question, question_kind):
            points.append(_enthusiasm_point(text))
        terms = [t for t in company_terms if isinstance(t, str) and t.strip()]
        if terms:
            points.append(_company_point(text, terms))
        if previous is not None:
            points.append(_consistency_point(previous.facts, facts))
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


def _length_point(
    n_words: int,
    duration: float | None,
    estimated: float | None,
    estimate_wpm: float,
    own_pace: bool,
    behavioural: bool,
    sentences: list[str],
) -> Point:
    if duration is not None:
        amount = f"{duration:.0f} seconds"
        spoken = duration
    else:
        spoken = estimated or 0.0
        whose = "your pace of" if own_pace else "a typical"
        amount = (
            f"{_plural(n_words, 'word')}, about {spoken:.0f} seconds to say at "
            f"{whose} {estimate_wpm:.0f} words per minute"
        )
    short = spoken < TOO_SHORT_SECONDS
    brief = behavioural and spoken < BEHAVIOURAL_MIN_SECONDS
    long_ = spoken > RAMBLING_SECONDS
    first = (_quote(sentences[0], 80),) if sentences else ()
    last = (_quote(sentences[-1], 80),) if sentences else ()
    if short:
        return Point(
            "length",
            "problem",
            f"Too short: {amount}. The interviewer learns little from it.",
            first,
            SHORT_ADVICE,
        )
    if long_:
        return Point(
            "length",
            "problem",
            f"Rambling: {amount}; aim for one to two minutes.",
            last,
            "Cut the background to one sentence and stop after the result; let them ask for more.",
        )
    if brief:
        return Point(
            "length",
            "tip",
            f"A little brief for a behavioural answer: {amount}; one to two minutes works best.",
            first,
            BRIEF_ADVICE,
        )
    return Point(
        "length",
        "good",
        f"Good length: {amount}.",
        (),
        "Keep answers at this length: one to two minutes.",
    )


NO_ACTIONS = "Your own actions are not clear: few sentences say what you did."


SHORT_ADVICE = "Add one concrete example: what you did and what changed, in two or three sentences."
BRIEF_ADVICE = "Add the steps you took and one number for the result."


def _longer_how(star: Point | None, has_number: bool, *, short: bool) -> str:
    """What to add to a short answer, without asking again for what the other points
    found there: a complete STAR with numbers is told to add depth, not "one number"."""
    if short and (star is None or star.level != "good"):
        return SHORT_ADVICE
    wants = []
    if star is not None and star.message == NO_ACTIONS:
        wants.append("the steps you took")
    if not has_number:
        wants.append("one number for the result")
    if wants:
        return f"Add {' and '.join(wants)}."
    return "Say one more thing you did and how it went for the people involved."


def _star_point(
    sentences: list[str], labels: list[str], cues: list[dict[str, float]], toks: list[_Tok]
) -> Point:
    words_per = dict.fromkeys(STAR_LABELS, 0)
    per_sentence = [len(TOKEN.findall(s)) for s in sentences]
    for lab, n in zip(labels, per_sentence, strict=True):
        if lab in words_per:
            words_per[lab] += n
    total = sum(words_per.values()) or 1
    present = {
        lab: any(lb == lab and cues[i][lab] > 0 for i, lb in enumerate(labels))
        for lab in STAR_LABELS
    }
    # Labels chosen only by position count as present for situation (background).
    present["situation"] = present["situation"] or words_per["situation"] > 0
    # Background = sentences labelled situation/task plus any without action or result cues.
    setting = sum(
        n
        for lab, n, cue in zip(labels, per_sentence, cues, strict=True)
        if lab in ("situation", "task")
        or (lab != OTHER and cue["action"] < 1 and cue["result"] <= 0.5)
    )
    long_setting = total >= 60 and setting / total > 0.5
    missing = [lab for lab in STAR_LABELS if not present[lab]]

    def first_of(lab: str) -> tuple[str, ...]:
        for s, lb in zip(sentences, labels, strict=True):
            if lb == lab:
                return (_quote(s),)
        return ()

    if long_setting and not present["result"]:
        return Point(
            "star",
            "problem",
            f"A long situation ({setting} of {total} words) and no clear result: "
            "the classic fault.",
            first_of("situation") or first_of("task"),
            "Say the background in one sentence, then finish with the result: "
            "'As a result, …' with a number.",
        )
    if not present["result"]:
        return Point(
            "star",
            "problem",
            "No clear result: the answer stops before saying what changed.",
            (_quote(sentences[-1]),),
            "End with the outcome: 'As a result, …', ideally with a number, and what you learned.",
        )
    if not present["action"]:
        return Point(
            "star",
            "problem",
            NO_ACTIONS,
            first_of("situation"),
            "Spend most of the answer on the steps you took: 'I …, then I …'.",
        )
    if long_setting:
        return Point(
            "star",
            "tip",
            f"The situation and task take {setting} of {total} words; "
            "the action should be the longest part.",
            first_of("situation"),
            "Trim the background to one or two sentences and add detail to what you did.",
        )
    if missing:
        part = missing[0]
        return Point(
            "star",
            "tip",
            f"STAR: the {part} is not clear.",
            (),
            "Add one sentence for the "
            + part
            + (
                ": where and when it happened."
                if part == "situation"
                else ": what you were asked or needed to achieve."
            ),
        )
    return Point(
        "star",
        "good",
        "Complete STAR: situation, task, action and result are all there.",
        first_of("result"),
        "Keep the result concrete: a number and who noticed.",
    )


_DIGIT_NUMBER = re.compile(r"\b\d[\d,.]*\b|[$£€]\s?\d|\d\s?%")
_NAMED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][A-Za-z0-9+#.]*[A-Za-z0-9+#]\b")
_ROLE_PEOPLE = re.compile(
    r"\b(?:my|our|the|a|their) (?:manager|boss|director|ceo|cto|cfo|vp|client|customer|"
    r"stakeholders?|team lead|product owner|designer|engineer|developer|analyst|"
    r"colleague|teammate|head of \w+|supervisor|vendor|supplier|executive|board)\b",
    re.IGNORECASE,
)
_NOT_NAMES = frozenset(
    [
        "I",
        "I'm",
        "I've",
        "I'd",
        "I'll",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "STAR",
        "OK",
        "Okay",
    ]
)


def _numeric_facts(facts: list[str]) -> list[str]:
    return [f.partition(": ")[2] for f in facts if not f.startswith("role")]


def _has_number(text: str, facts: list[str]) -> bool:
    return bool(_DIGIT_NUMBER.search(text) or _numeric_facts(facts))


def _specificity_point(text: str, sentences: list[str], facts: list[str]) -> Point:
    numbers = [m.group(0).strip() for m in _DIGIT_NUMBER.finditer(text)]
    numeric_facts = _numeric_facts(facts)
    names: list[str] = []
    for s in sentences:
        for m in _NAMED.finditer(s):
            if m.start() > 0 and m.group(0) not in _NOT_NAMES:
                names.append(m.group(0))
    people = [m.group(0) for m in _ROLE_PEOPLE.finditer(text)]
    vague = [_snippet(text, m.start(), m.end(), 20) for m in VAGUE.finditer(text)]
    has_number = bool(numbers or numeric_facts)
    concrete = list(dict.fromkeys(numeric_facts or numbers))[:3] + list(dict.fromkeys(names))[:2]
    if has_number and (names or people) and len(vague) <= 2:
        return Point(
            "specificity",
            "good",
            "Specific: numbers and named things or people back up the story.",
            tuple(concrete[:4]),
            "Keep leading with the number that matters most.",
        )
    if not has_number and (len(vague) >= 2 or not (names or people)):
        return Point(
            "specificity",
            "problem",
            "Vague: no numbers or named results"
            + (f", and {_plural(len(vague), 'vague phrase')}." if vague else "."),
            tuple(vague[:3]),
            "Replace one vague claim with a figure: how many, how much, how fast, "
            "or by what percentage.",
        )
    if not has_number:
        return Point(
            "specificity",
            "tip",
            "No numbers: the result is hard to picture.",
            tuple(vague[:3]) or tuple(dict.fromkeys(names + people))[:3],
            "Add one number: team size, time saved, money, or a percentage.",
        )
    return Point(
        "specificity",
        "tip",
        "Some numbers, but "
        + ("vague phrases weaken it." if vague else "name the tools or people."),
        tuple(vague[:3]) or tuple(concrete[:3]),
        "Name the tool, product or person's role instead of a general phrase.",
    )


def _filler_point(
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
    evidence = tuple(_snippet(text, s, e, 18) for s, e, _ in hits[:3])
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


def _pace_point(wpm: float) -> Point:
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


def _pause_point(pauses: list[tuple[float, float]], timed: list[Word]) -> Point | None:
    longest = max(p[1] for p in pauses)
    evidence = []
    for start, length in pauses[:3]:
        before = [w.text for w in timed if w.end <= start + 1e-6][-4:]
        evidence.append(f"{length:.1f} s silence after '…{' '.join(before)}'")
    if len(pauses) >= 3 or longest > 5.0:
        level = "tip"
        message = (
            f"{_plural(len(pauses), 'long pause')} over {LONG_PAUSE_SECONDS:.0f} s "
            f"(longest {longest:.1f} s)."
        )
    else:
        return Point(
            "pauses",
            "good",
            f"{_plural(len(pauses), 'pause')} over {LONG_PAUSE_SECONDS:.0f} s; "
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


def _hedging_point(text: str, toks: list[_Tok]) -> Point | None:
    hits = []
    for m in HEDGES.finditer(text):
        phrase = _norm(m.group(0))
        if phrase.split()[0] in ("kind", "sort"):
            before = text[: m.start()].split()
            if before and _norm(before[-1]).strip(",.;:") in _KIND_NOT_AFTER:
                continue
        hits.append(m)
    if not hits:
        return None
    n_words = max(len(toks), 1)
    level = "problem" if len(hits) >= 3 and len(hits) / n_words > 0.01 else "tip"
    phrases = list(dict.fromkeys(_norm(m.group(0)) for m in hits))
    return Point(
        "hedging",
        level,
        f"Hedging: {_plural(len(hits), 'hedge')} ("
        + ", ".join(f"'{p}'" for p in phrases[:4])
        + ") make you sound unsure.",
        tuple(_snippet(text, m.start(), m.end(), 24) for m in hits[:3]),
        f"Say it plainly: drop '{phrases[0]}' and state what you did or think "
        "('I decided…', 'I will…').",
    )


def _casual_point(text: str, toks: list[_Tok]) -> Point | None:
    swears = list(SWEARING.finditer(text))
    casual = list(CASUAL.finditer(text))
    if not swears and not casual:
        return None
    hits = sorted(swears + casual, key=lambda m: m.start())
    words = list(dict.fromkeys(_norm(m.group(0)) for m in hits))
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
        tuple(_snippet(text, m.start(), m.end(), 24) for m in hits[:3]),
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


def _negative_point(text: str, toks: list[_Tok]) -> Point | None:
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
        tuple(dict.fromkeys(_snippet(text, s, e, 20) for s, e in spans))[:3],
        "Say what you learned or what you want next instead: "
        "'I'm looking for a team that …' rather than criticising them.",
    )


def _i_we_point(text: str, toks: list[_Tok], i_count: int, we_count: int) -> Point | None:
    if we_count >= 4 and i_count * 2 < we_count:
        ev = [_snippet(text, t.start, t.end, 24) for t in toks if t.low in WE_WORDS][:2]
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


def _enthusiasm_point(text: str) -> Point:
    hits = list(ENTHUSIASM.finditer(text))
    if hits:
        return Point(
            "enthusiasm",
            "good",
            "You say why you want it.",
            tuple(_snippet(text, m.start(), m.end(), 24) for m in hits[:2]),
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


def _company_point(text: str, terms: list[str]) -> Point:
    used, unused = [], []
    for term in dict.fromkeys(t.strip() for t in terms):
        if _phrase_regex([term]).search(text):
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


def _consistency_point(previous: Sequence[str], current: Sequence[str]) -> Point:
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
