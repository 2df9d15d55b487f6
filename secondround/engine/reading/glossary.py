"""Propose business terms to study from the posting, the debrief and research notes.

The second-interview advice is to "study any business terms that were discussed: product
names, technologies they use, competitors' products". The candidate's own texts already
hold them; this module finds the likely ones so the candidate only confirms and defines:

* acronyms: OTIF, SLA(s), EBITDA, ICU, HIPAA, 3PL, P&L;
* names: runs of capitalised words and CamelCase tokens (Power BI, Oracle OTM,
  MercuryGate, Blue Yonder), without sentence-initial ordinary words ("Manage", "The"),
  job titles, months, weekdays and generic heading words;
* phrases: lowercase two- and three-word runs, but only when they recur ("empty miles",
  "cold chain"), since a phrase said once is usually just prose.

Ranking puts terms seen in more of the candidate's texts first, then more frequent ones,
then acronyms before names before phrases, then first appearance: deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from secondround.engine.nlp.action_verbs import verb_base
from secondround.engine.reading.posting import split_sentences
from secondround.engine.reading.posting_words import ROLE_NOUNS

# --------------------------------------------------------------------------------------
# Data tables: edit these rather than the code below.
# --------------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    """A word table written as one block of text, easier to edit than a list literal."""
    return frozenset(text.split())


KIND_ORDER = {"acronym": 0, "name": 1, "phrase": 2}
# A lowercase phrase must recur to count as a term: in two of the candidate's texts (the
# posting and the debrief, say), or three times in one. A phrase repeated twice in one
# set of notes is usually the candidate's own wording ("asked twice whether").
MIN_PHRASE_SOURCES = 2
MIN_PHRASE_COUNT_ONE_SOURCE = 3
PHRASE_LENGTHS = (2, 3)
MAX_ACRONYM_LENGTH = 10
# A line this capitalised is a title or a heading: its capitals say nothing about names.
TITLE_CASE_SHARE = 0.75
TITLE_CASE_MIN_WORDS = 4

STOPWORDS = _words(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers him his how i if in into is
    it its itself just me more most my no nor not now of off on once only or other our ours
    out over own same she should so some such than that the their theirs them then there
    these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours via per within across around
    upon etc e.g i.e may might must shall us well new one two three many much every vs
    """
)
# Capitalised words that are never a term on their own.
GENERIC_WORDS = _words(
    """
    we the our your you they their this that these those a an i it he she and or but if
    when while with for from in on at by to of as is are was were be will can should must
    responsibilities responsibility requirements requirement qualifications qualification
    team teams company job description skills skill experience benefits about us role
    position candidate candidates summary overview nice preferred bonus key main duties
    apply application salary location remote hybrid full part time equal opportunity
    employer inc llc ltd corp mr mrs ms dr hi hello dear thanks thank regards best please
    note yes no ok department office group division unit staff manager director
    """
)
MONTHS_AND_DAYS = _words(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday
    friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
    """
)
# All-capital tokens that are not business acronyms.
NOT_ACRONYMS = _words(
    """
    I II III IV V VI VII VIII IX X XI XII US USA UK EU AM PM OK ID TV AND OR THE FOR TO OF
    IN ON AT A AN IS BE WE YOU OUR ALL NEW NOT NO YES ET PT CT MT EST EDT PST PDT CET GMT UTC
    """
)
# Words that make a lowercase run generic HR prose rather than a domain phrase.
GENERIC_PHRASE_WORDS = _words(
    """
    experience experienced skills skill ability able years year strong excellent good great
    team teams work working including include includes related relevant required preferred
    plus candidate candidates role position job company opportunity environment ideal
    looking knowledge understanding proven demonstrated minimum least level etc things
    thing way ways lot lots really best first next last time part full day days week weeks
    month months today also new other
    """
)
# Inside a name run: "Bank of America", "P & L", "Johnson & Johnson".
NAME_CONNECTORS = _words("of & de du la von van")

# Initials keep their stops ("C.H. Robinson"); other tokens end on a letter, digit or "+".
TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z0-9][A-Za-z0-9&./+’'-]*[A-Za-z0-9+]|[A-Za-z0-9]")
# Between two words of one name: nothing but space, or "&" ("Johnson & Johnson").
NAME_GAP = re.compile(r"\s*&?\s*")
POSSESSIVE = re.compile(r"[’']s$")
# Note-taking marks before a line's first word: "- Q: Walk me through…", "Q2) How…".
# Only question/answer labels are dropped, never "MercuryGate: their TMS".
LINE_MARKER = re.compile(r"^\s*(?:[-*•+?>]+\s*|\d{1,2}[.)]\s+)?(?:[QA]\d{0,2}\s*[:.)]\s*)?")


@dataclass(frozen=True)
class TermCandidate:
    term: str
    kind: str
    sources: tuple[str, ...]
    count: int
    example: str


@dataclass
class _Tally:
    """A term being counted; `anywhere` says it was seen away from a sentence start."""

    term: str
    kind: str
    first: int
    example: str
    sources: list[str] = field(default_factory=list)
    count: int = 0
    anywhere: bool = False


class _Token:
    """A word of a sentence with its position, for names and phrases alike."""

    __slots__ = ("end", "index", "start", "text")

    def __init__(self, text: str, start: int, end: int, index: int) -> None:
        self.text, self.start, self.end, self.index = text, start, end, index


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


def propose_terms(
    texts: Sequence[tuple[str, str]], *, known: Iterable[str] = (), limit: int = 40
) -> list[TermCandidate]:
    """Likely business terms in (source label, text) pairs, best first; see module doc.

    `known` holds terms already in the glossary and the company's name: they and any name
    run containing them ("Lakeshore Freight's") are left out, case-insensitively.
    """
    known_terms = list(known)
    sentences = [
        (label, sentence) for label, text in texts for sentence in _sentences(text) if sentence
    ]
    mid_capitals = _mid_sentence_capitals(sentence for _, sentence in sentences)
    known_words = tuple(_normal(item).split() for item in known_terms if item.strip())
    tallies: dict[str, _Tally] = {}
    for label, sentence in sentences:
        tokens = _tokens(sentence)
        for term, kind, anywhere in _names_and_acronyms(
            sentence, tokens, mid_capitals, known_words
        ):
            _count(tallies, term, kind, label, sentence, anywhere=anywhere)
        for term in _phrases(sentence, tokens):
            _count(tallies, term, "phrase", label, sentence, anywhere=True)
    kept = [tally for tally in tallies.values() if _keep(tally, tallies, known_words)]
    kept.sort(key=lambda t: (-len(t.sources), -t.count, KIND_ORDER[t.kind], t.first))
    return [
        TermCandidate(t.term, t.kind, tuple(t.sources), t.count, t.example) for t in kept[:limit]
    ]


# --------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------


def _sentences(text: str) -> list[str]:
    """Each line's sentences: bullets and headings are their own units."""
    return [
        sentence
        for line in text.splitlines()
        for sentence in split_sentences(LINE_MARKER.sub("", line, count=1))
    ]


def _tokens(sentence: str) -> list[_Token]:
    tokens = []
    for index, match in enumerate(TOKEN.finditer(sentence)):
        text = POSSESSIVE.sub("", match.group(0))
        tokens.append(_Token(text, match.start(), match.start() + len(text), index))
    return tokens


def _mid_sentence_capitals(sentences: Iterable[str]) -> frozenset[str]:
    """Capitalised words seen away from a sentence start: those are names wherever they are."""
    seen: set[str] = set()
    for sentence in sentences:
        seen.update(token.text for token in _tokens(sentence)[1:] if _is_capitalised(token.text))
    return frozenset(seen)


def _names_and_acronyms(
    sentence: str,
    tokens: list[_Token],
    mid_capitals: frozenset[str],
    known: tuple[list[str], ...],
) -> list[tuple[str, str, bool]]:
    """(term, kind, seen mid-sentence) for each run of capitalised tokens."""
    shouting = _is_heading_case(sentence, tokens)
    found: list[tuple[str, str, bool]] = []
    runs = _capital_runs(sentence, tokens)
    for run in (piece for whole in runs for piece in _without_known(whole, known)):
        run = _trim(run, mid_capitals)
        if not run or any(t.text.lower() in ROLE_NOUNS for t in run):
            continue  # empty, or a job title: "Senior Logistics Analyst", "VP of Operations"
        if len(run) == 1 and _is_acronym(run[0].text):
            found.append((_acronym_base(run[0].text), "acronym", run[0].index > 0))
        elif not shouting or any(_is_camel(t.text) for t in run):
            term = sentence[run[0].start : run[-1].end]
            if len(run) > 1 or term.lower() not in GENERIC_WORDS:
                found.append((term, "name", run[0].index > 0 or len(run) > 1))
    return found


def _capital_runs(sentence: str, tokens: list[_Token]) -> list[list[_Token]]:
    """Maximal runs of name-like tokens, joined by "of" only between two of them.

    Punctuation ends a run, so "Epic, Kronos and Workday" gives three names, not one.
    """
    runs: list[list[_Token]] = []
    current: list[_Token] = []
    for position, token in enumerate(tokens):
        if current and not NAME_GAP.fullmatch(sentence[current[-1].end : token.start]):
            runs.append(current)
            current = []
        follows = tokens[position + 1] if position + 1 < len(tokens) else None
        bridges = (
            current
            and token.text.lower() in NAME_CONNECTORS
            and follows is not None
            and _is_name_like(follows.text)
        )
        if _is_name_like(token.text) or bridges:
            current.append(token)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return runs


def _without_known(run: list[_Token], known: tuple[list[str], ...]) -> list[list[_Token]]:
    """The run split around any known term inside it ("Lakeshore Freight ShipTrack")."""
    words = [_normal(token.text) for token in run]
    hidden: set[int] = set()
    for item in known:
        for start in range(len(words) - len(item) + 1):
            if item and words[start : start + len(item)] == item:
                hidden.update(range(start, start + len(item)))
    pieces: list[list[_Token]] = [[]]
    for position, token in enumerate(run):
        if position in hidden:
            pieces.append([])
        else:
            pieces[-1].append(token)
    return [piece for piece in pieces if piece]


def _trim(run: list[_Token], mid_capitals: frozenset[str]) -> list[_Token]:
    """Drop generic words at either end and an ordinary sentence-initial word."""
    run = list(run)
    while run and _is_generic(run[0].text):
        run.pop(0)
    if run and run[0].index == 0 and not _is_distinctive(run[0].text, mid_capitals):
        run.pop(0)  # "Manage Blue Yonder" -> "Blue Yonder"; "Strong Excel" -> "Excel"
    while run and (_is_generic(run[-1].text) or run[-1].text.lower() in NAME_CONNECTORS):
        run.pop()
    return run


def _phrases(sentence: str, tokens: list[_Token]) -> list[str]:
    """Lowercase two- and three-word runs ("cold-chain" counts as "cold chain")."""
    words: list[tuple[str, int, int]] = []  # (word, start, end) with hyphens split apart
    for token in tokens:
        text = token.text
        if token.index == 0 and _is_capitalised(text) and not _is_camel(text):
            text = text.lower()  # "Empty miles are ..." still counts "empty miles"
        offset = token.start
        for part in text.split("-"):
            words.append((part, offset, offset + len(part)))
            offset += len(part) + 1
    found = []
    for size in PHRASE_LENGTHS:
        for start in range(len(words) - size + 1):
            window = words[start : start + size]
            # "azure . net" is two words with a stop between, not a phrase.
            gaps = (sentence[a[2] : b[1]] for a, b in zip(window, window[1:], strict=False))
            if any(gap.strip(" -") for gap in gaps):
                continue
            if _is_phrase([word for word, _, _ in window]):
                surface = sentence[window[0][1] : window[-1][2]]
                # A lowered sentence-initial word is shown lowered: "dock door scheduling".
                found.append(window[0][0][:1] + surface[1:])
    return found


def _is_phrase(words: list[str]) -> bool:
    if not all(word.isalpha() and word.islower() and len(word) > 1 for word in words):
        return False
    if any(word in STOPWORDS or word in GENERIC_PHRASE_WORDS for word in words):
        return False
    if any(word in MONTHS_AND_DAYS for word in words):
        return False
    return verb_base(words[0]) is None  # "reduce empty miles" is a task, "empty miles" a term


# --------------------------------------------------------------------------------------
# Counting and filtering
# --------------------------------------------------------------------------------------


def _count(
    tallies: dict[str, _Tally], term: str, kind: str, label: str, example: str, *, anywhere: bool
) -> None:
    key = f"{kind}:{_normal(term)}"
    tally = tallies.get(key)
    if tally is None:
        tally = tallies[key] = _Tally(term, kind, len(tallies), example.strip())
    tally.count += 1
    tally.anywhere = tally.anywhere or anywhere
    if label not in tally.sources:
        tally.sources.append(label)


def _keep(tally: _Tally, tallies: dict[str, _Tally], known: tuple[list[str], ...]) -> bool:
    normal = _normal(tally.term)
    if any(normal.split() == item for item in known):
        return False  # already in the glossary
    if tally.kind == "name" and not tally.anywhere:
        return False  # only ever the first word of a sentence: probably an ordinary word
    if tally.kind != "phrase":
        return True
    if len(tally.sources) < MIN_PHRASE_SOURCES and tally.count < MIN_PHRASE_COUNT_ONE_SOURCE:
        return False
    # "dock door" only ever inside "dock door scheduling": keep the longer one.
    return not any(
        other.kind == "phrase"
        and other.count >= tally.count
        and f" {normal} " in f" {_normal(other.term)} "
        and len(other.term) > len(tally.term)
        for other in tallies.values()
    )


# --------------------------------------------------------------------------------------
# Token tests
# --------------------------------------------------------------------------------------


def _normal(text: str) -> str:
    return re.sub(r"[\s-]+", " ", POSSESSIVE.sub("", text.strip())).lower()


def _is_acronym(text: str) -> bool:
    """OTIF, SLAs, 3PL, P&L, B2B: two or more capitals and no lowercase but a plural s."""
    base = _acronym_base(text)
    letters = [c for c in base if c.isalpha()]
    return (
        len(letters) >= 2
        and all(c.isupper() for c in letters)
        and len(base) <= MAX_ACRONYM_LENGTH
        and base not in NOT_ACRONYMS
        and not base.isdigit()
    )


def _acronym_base(text: str) -> str:
    """ "SLAs" -> "SLA"; other tokens unchanged."""
    if len(text) > 2 and text.endswith("s") and text[:-1].isupper():
        return text[:-1]
    return text


def _is_camel(text: str) -> bool:
    """MercuryGate, SharePoint, iPhone, eBay, S4HANA: capitals or digits inside a word."""
    has_lower = any(c.islower() for c in text)
    has_upper = any(c.isupper() for c in text)
    inner_upper = any(c.isupper() for c in text[1:])
    return has_lower and (inner_upper or (has_upper and any(c.isdigit() for c in text)))


def _is_capitalised(text: str) -> bool:
    return text[:1].isupper() and not text.isupper()


def _is_name_like(text: str) -> bool:
    if text.lower() in MONTHS_AND_DAYS:
        return False
    return _is_capitalised(text) or _is_acronym(text) or _is_camel(text)


def _is_generic(text: str) -> bool:
    low = text.lower()
    return (
        low in GENERIC_WORDS or low in MONTHS_AND_DAYS or (text.isupper() and text in NOT_ACRONYMS)
    )


def _is_distinctive(text: str, mid_capitals: frozenset[str]) -> bool:
    """A sentence-initial word that is a name: odd casing, or capitalised elsewhere too."""
    if _is_acronym(text) or _is_camel(text):
        return True
    low = text.lower()
    if low in STOPWORDS or verb_base(low) is not None:
        return False
    return text in mid_capitals


def _is_heading_case(sentence: str, tokens: list[_Token]) -> bool:
    """A Title Case or CAPS line: "Key Responsibilities And Daily Tasks".

    Punctuation means prose or a list ("Tools: Epic, Kronos and Workday."), never a title.
    """
    if re.search(r"[.,;:!?]", sentence.rstrip(":")):
        return False
    words = [t.text for t in tokens if t.text.isalpha() and t.text.lower() not in STOPWORDS]
    if len(words) < TITLE_CASE_MIN_WORDS:
        return False
    capitals = sum(1 for word in words if word[:1].isupper())
    return capitals / len(words) >= TITLE_CASE_SHARE
