"""Split a candidate's free-form round-1 notes into debrief fields.

Right after an interview people type fast: tidy bullet lists under headings, one line per
thought with little cues ("Q: ... (struggled)", "forgot to mention ..."), or one run-on
paragraph. This module turns any of those into the debrief the coach asks for (questions
and how each went, what drew a positive response, what was forgotten, the interviewer's
concerns, business terms heard, the role's challenges) for the user to review before saving.

Pure standard library: it is called from views, the CLI and the benchmark alike. It never
raises on odd input and keeps every piece of text somewhere (``other`` at worst), because
the user reviews the result and must not lose what they typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

WENT = ("comfortable", "unsure", "struggled")
COMFORTABLE, UNSURE, STRUGGLED = WENT

QUESTIONS = "questions"
POSITIVES = "positives"
MISSES = "misses"
CONCERNS = "concerns"
TERMS = "terms"
CHALLENGES = "challenges"
OTHER = "other"


@dataclass(frozen=True)
class NoteQuestion:
    text: str
    went: str | None


@dataclass(frozen=True)
class SplitNotes:
    questions: list[NoteQuestion]
    positives: list[str]
    misses: list[str]
    concerns: list[str]
    terms: list[str]
    challenges: list[str]
    other: list[str]


def _wordset(words: str) -> frozenset[str]:
    """Tables of words are written as one readable string."""
    return frozenset(words.split())


# --------------------------------------------------------------------------------------------
# Data tables. Kept as plain data so a coach can read and extend them without touching logic.
# --------------------------------------------------------------------------------------------

# Words a heading may contain, per section; the earliest match in the heading wins. People
# title their lists in many ways ("Q's", "What landed", "Oops", "Between the lines").
HEADING_KEYWORDS: tuple[tuple[str, str], ...] = (
    (QUESTIONS, r"questions?|qs|q|q ?and ?a|q ?a|asked|interview questions"),
    (
        POSITIVES,
        r"went well|positives?|wins?|highlights?|landed|good|strengths?|liked|reactions?|"
        r"what worked|bright spots?|high points?|nailed",
    ),
    (
        MISSES,
        r"forgot|forgotten|forget|missed|misses|wish|should ?have|shoulda|didnt say|"
        r"didnt mention|oops|regrets?|left out|next time|unsaid",
    ),
    (
        CONCERNS,
        r"concerns?|red flags?|yellow flags?|worries|worried|hesitations?|objections?|"
        r"between the lines|doubts?|reservations?|watch ?outs?",
    ),
    (
        TERMS,
        r"terms?|buzz ?words?|key ?words?|jargon|vocab\w*|glossary|acronyms?|tools?|tech|"
        r"stack|products?|competitors?|systems?|names",
    ),
    (CHALLENGES, r"challenges?|pain points?|problems?|issues?|struggles?"),
    # "Stuff to study" / "to look up": what the coach asks to review is the vocabulary.
    (TERMS, r"study|look up|research|to learn"),
    (
        OTHER,
        r"other|misc\w*|notes?|general|random|thoughts|next steps?|follow ups?|logistics|"
        r"debrief|summary",
    ),
)

# A bare short line ("Good", "Tools they use") is a heading only when every word is heading
# vocabulary; otherwise "forgot my portfolio" would become a heading.
HEADING_FILLER = _wordset(
    "what they i the their my to of things stuff that about for and role job this heard use "
    "used say said mention mentioned asked didnt did not well went main big biggest key some "
    "any from me we round read between lines flags red points pain steps up worked in on "
    "were was be with them he she of interviewer interviewers reactions keywords buzzwords "
    "watchouts"
)

# Rating cues for how a question went. Tier 1 are explicit grades, tier 2 describe what
# happened, tier 3 are hesitations: "so-so, I rambled" is graded so-so, but in "hmm, I got
# defensive" the hesitation loses to what actually happened.
RATING_CUES: tuple[tuple[str, str, int], ...] = (
    # comfortable
    ("went well", COMFORTABLE, 1),
    ("went fine", COMFORTABLE, 1),
    ("went great", COMFORTABLE, 1),
    ("went good", COMFORTABLE, 1),
    ("nailed it", COMFORTABLE, 1),
    ("nailed that", COMFORTABLE, 1),
    ("nailed", COMFORTABLE, 1),
    ("aced it", COMFORTABLE, 1),
    ("aced", COMFORTABLE, 1),
    ("crushed it", COMFORTABLE, 1),
    ("killed it", COMFORTABLE, 1),
    ("strong answer", COMFORTABLE, 1),
    ("good answer", COMFORTABLE, 1),
    ("great answer", COMFORTABLE, 1),
    ("not bad", COMFORTABLE, 1),
    ("pretty good", COMFORTABLE, 1),
    ("good", COMFORTABLE, 1),
    ("great", COMFORTABLE, 1),
    ("fine", COMFORTABLE, 1),
    ("solid", COMFORTABLE, 1),
    ("strong", COMFORTABLE, 1),
    ("excellent", COMFORTABLE, 1),
    ("perfect", COMFORTABLE, 1),
    ("decent", COMFORTABLE, 1),
    ("well", COMFORTABLE, 1),
    ("felt confident", COMFORTABLE, 2),
    ("confident", COMFORTABLE, 2),
    ("felt good", COMFORTABLE, 2),
    ("comfortable", COMFORTABLE, 2),
    ("smooth", COMFORTABLE, 2),
    ("easy", COMFORTABLE, 2),
    ("loved it", COMFORTABLE, 2),
    ("liked it", COMFORTABLE, 2),
    # unsure
    ("not sure", UNSURE, 3),
    ("unsure", UNSURE, 3),
    ("hmm", UNSURE, 3),
    ("hm", UNSURE, 3),
    ("i think", UNSURE, 4),
    ("okay-ish", UNSURE, 1),
    ("ok-ish", UNSURE, 1),
    ("okayish", UNSURE, 1),
    ("okish", UNSURE, 1),
    ("ok", UNSURE, 1),
    ("okay", UNSURE, 1),
    ("so-so", UNSURE, 1),
    ("so so", UNSURE, 1),
    ("meh", UNSURE, 1),
    ("mixed", UNSURE, 1),
    ("average", UNSURE, 1),
    ("alright", UNSURE, 1),
    ("fair", UNSURE, 1),
    ("iffy", UNSURE, 1),
    ("could be better", UNSURE, 1),
    ("could have been better", UNSURE, 1),
    ("50/50", UNSURE, 1),
    # struggled
    ("not great", STRUGGLED, 1),
    ("not good", STRUGGLED, 1),
    ("not well", STRUGGLED, 1),
    ("didn't go well", STRUGGLED, 1),
    ("didnt go well", STRUGGLED, 1),
    ("did not go well", STRUGGLED, 1),
    ("went badly", STRUGGLED, 1),
    ("went poorly", STRUGGLED, 1),
    ("went bad", STRUGGLED, 1),
    ("bombed", STRUGGLED, 1),
    ("tanked", STRUGGLED, 1),
    ("weak", STRUGGLED, 1),
    ("bad", STRUGGLED, 1),
    ("badly", STRUGGLED, 1),
    ("poorly", STRUGGLED, 1),
    ("poor", STRUGGLED, 1),
    ("terrible", STRUGGLED, 1),
    ("awful", STRUGGLED, 1),
    ("rough", STRUGGLED, 1),
    ("struggled", STRUGGLED, 2),
    ("blanked", STRUGGLED, 2),
    ("blank", STRUGGLED, 2),
    ("rambled", STRUGGLED, 2),
    ("rambling", STRUGGLED, 2),
    ("froze", STRUGGLED, 2),
    ("stumbled", STRUGGLED, 2),
    ("fumbled", STRUGGLED, 2),
    ("flubbed", STRUGGLED, 2),
    ("messed up", STRUGGLED, 2),
    ("screwed up", STRUGGLED, 2),
    ("got defensive", STRUGGLED, 2),
    ("defensive", STRUGGLED, 2),
    ("no idea", STRUGGLED, 2),
    ("couldn't answer", STRUGGLED, 2),
    ("didn't know", STRUGGLED, 2),
    ("went off track", STRUGGLED, 2),
)

# Symbols people use as quick grades, before or after a question.
RATING_SYMBOLS: dict[str, str] = {
    "👍": COMFORTABLE,
    "✅": COMFORTABLE,
    "✔": COMFORTABLE,
    "✓": COMFORTABLE,
    "💪": COMFORTABLE,
    "🙂": COMFORTABLE,
    "😀": COMFORTABLE,
    "😊": COMFORTABLE,
    "🎯": COMFORTABLE,
    "🔥": COMFORTABLE,
    "🤷": UNSURE,
    "😐": UNSURE,
    "😬": UNSURE,
    "🤔": UNSURE,
    "❓": UNSURE,
    "❔": UNSURE,
    "🟡": UNSURE,
    "👎": STRUGGLED,
    "❌": STRUGGLED,
    "✗": STRUGGLED,
    "✘": STRUGGLED,
    "😞": STRUGGLED,
    "😩": STRUGGLED,
    "😳": STRUGGLED,
    "🔴": STRUGGLED,
}

# "+", "-" and "?" as a whole grade, e.g. "(+)" or a list written as "+ why retail".
MARK_RATINGS: dict[str, str] = {"+": COMFORTABLE, "?": UNSURE, "-": STRUGGLED}

# Words before a rating that do not change it: "I think that went well", "i was so-so".
RATING_FILLER = _wordset(
    "i think that it this one was went felt honestly pretty kinda kind of so and which that's "
    "thats it's its overall answer my the really a bit little mostly probably i'd say"
)

# Things I wish I had said or asked. Checked first: "should have asked about X" is a miss,
# not a question.
MISS_CUES = (
    r"forg[eo]t\w*|should(?:'ve|ve| have|a)|shoulda|could(?:'ve| have) (?:mentioned|said|brought)|"
    r"wish(?:ed)? i|didn'?t (?:mention|say|bring|talk|ask|get to|tell|share|highlight)|"
    r"did not (?:mention|say|bring|talk|ask|get to)|never (?:mentioned|asked|said|brought|talked|"
    r"got to)|neglected|left out|missed (?:saying|mentioning|the chance|my chance)|meant to|"
    r"next time i|wanted to (?:mention|say|bring)"
)

# The interviewer's doubts. Strong cues win even over "asked ..." (being asked twice about
# something is itself the signal); weak ones lose to a clear question line.
STRONG_CONCERN_CUES = (
    r"worr(?:y|ied|ies)|concern(?:ed|s)?|hesita\w*|skeptic\w*|sceptic\w*|doubt\w*|red flag|"
    r"not convinced|unconvinced|dealbreaker|deal breaker|reservations?|wary|frown\w*|"
    r"read between|between the lines|thick skin|"
    r"(?:asked|mentioned|brought up|came back to|said|repeated)\b[^.]{0,40}?\b(?:twice|two times|"
    r"three times|3 times|again|repeatedly|a lot|several times|multiple times|more than once)|"
    r"kept (?:asking|coming back|bringing|returning|pressing|pushing|mentioning|saying)|"
    r"seemed (?:unsure|unconvinced|doubtful|uneasy|nervous|surprised)|"
    r"not sure (?:if |whether )?(?:i|they|she|he)\b"
)
WEAK_CONCERN_CUES = r"pushed back|probed|pressed (?:me )?on|grilled|looked away|caught off guard"

# The role's difficulties as the interviewer described them.
CHALLENGE_CUES = (
    r"challeng\w*|biggest (?:issue|problem|hurdle|headache|gap)|main (?:issue|problem)|"
    r"pain ?points?|problem is|issue is|struggl(?:e|es|ing) (?:with|to)|turnover|understaffed|"
    r"short[- ]?staffed|short on|backlog|behind (?:on|schedule)|overdue|churn\w*|"
    r"can'?t (?:find|hire|keep)|hard to (?:hire|find|keep)|burn(?:ed|t|ing)? ?out|vacant|"
    r"bottleneck|losing|aging|outdated|legacy|need(?:s)? to fix|killing"
)

# What drew a positive response.
POSITIVE_CUES = (
    r"lov(?:ed|es)|lik(?:ed|es)|impress\w*|lit up|smil\w*|nodd\w*|laugh\w*|excited|perked up|"
    r"responded (?:well|to)|resonat\w*|interested in|wrote (?:it |that |down)|took notes|"
    r"positive|enthusias\w*|rapport|praised|complimented|exactly what|that'?s exactly|"
    r"seemed to (?:like|love|enjoy|appreciate)|appreciated|into it|was a hit|warmed up|"
    r"engaged|leaned in|great question|good question|agreed"
)

# Sentences that say which products, systems or competitors they use.
TERM_CUES = (
    r"use|uses|using|used|run(?:s|ning)? on|built on|mov(?:e|ing) (?:to|from|off)|migrat\w*|"
    r"switch\w*|roll(?:ing|ed)? out|implement\w*|competitors?|compet\w* (?:with|against)|rivals?|"
    r"platform|system|software|tools?|stack|vendors?|modules?|buzz ?words?|acronyms?|jargon|"
    r"kept saying|terms?"
)

# How people introduce a question in prose: "they asked me about", "Luis asked how".
QUESTION_LEADIN = re.compile(
    r"^(?:(?:and|then|also|so|next|first|after that|later)\b[,\s]+)*"
    r"(?:(?:[\w'.]+\s+){0,3}?)"
    r"(?:started with|opened with|kicked off with|began with|ended with|finished with|"
    r"asked(?:\s+(?:me|us|him|her))?(?:\s+(?:to|about|abt|re|on))?|"
    r"wanted to know(?:\s+about)?|(?:the )?question (?:about|on|was))\s+",
    re.IGNORECASE,
)

# Openings that make a sentence a question even without "?": interview staples.
QUESTION_OPENERS = re.compile(
    r"^(?:tell (?:me|us)|walk (?:me|us)|describe|explain|give (?:me|us)|talk (?:me|us) through|"
    r"how|why|what|when|where|who|which|do you|did you|have you|can you|could you|would you|"
    r"are you|is there|if you|design|name|sql|estimate)\b",
    re.IGNORECASE,
)
STRONG_QUESTION_OPENERS = re.compile(
    r"^(?:tell (?:me|us) about|walk (?:me|us) through|describe a|give (?:me|us) an example|"
    r"talk (?:me|us) through)\b",
    re.IGNORECASE,
)

# A sentence reporting the interview as a whole ("the interview went ok overall") is not a
# question even though it carries a rating.
NOT_A_QUESTION = re.compile(
    r"\binterview\b|^(?:so |ok |okay |well )?(?:the|this|it|that|overall|today|round)\b",
    re.IGNORECASE,
)

# Capitalised words that are not business terms: sentence starters, pronouns, dates.
CAPITAL_STOPWORDS = _wordset(
    "i i'm im i've i'd i'll the they they're theyre their she he we it its it's a an also and "
    "but so then big main our my his her you your q a: this that these those there here what "
    "why how when where who which if in on at for to of with from by as or not no yes ok okay "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december mon tue wed thu fri sat sun today "
    "tomorrow round interview interviewer manager director team company role job overall "
    "asked forgot concerns questions terms challenges next last first second third"
)

# Acronyms every office uses that are not worth studying before round 2: titles, HR, time.
GENERIC_ACRONYMS = _wordset(
    "OK CEO CFO CTO COO CIO CMO CNO CHRO CPO CRO VP SVP EVP AVP GM PM HM HR IT PR API UI UX "
    "FAQ URL ASAP FYI TBD ETA EOD PTO WFH Q1 Q2 Q3 Q4 AM PM US USA UK EU ID MBA BA BS MS PHD "
    "CV RE FW NA N/A TV KPI KPIS ROI B2B B2C POS CS CSM"
)

# Words after a capitalised name that show it is a person, not a product: "Dana loved".
PERSON_VERBS = _wordset(
    "said asked seemed loved liked mentioned told thinks thought wants wanted nodded smiled "
    "laughed explained was is has had kept got looked sounded"
)

# Words that cannot start a term captured after "they use ...": "a lot of", "their own".
TERM_HEAD_STOPWORDS = _wordset(
    "a an the their our my your his her its some lots lot many much any this that these those "
    "i we they he she you "
    "it them everything anything something nothing all both each more most other same new "
    "old to for in on at with by of and or but is are was were be been being which who what "
    "how when where why as so if mostly mainly only just also still heavily really competitor "
    "competitors rival rivals vendor vendors system software platform tool tools"
)

# A lower-case term after "use" ends at these words: "procore for everything".
TERM_TAIL_STOPWORDS = _wordset(
    "for to in on at with by of as from since because which that who this next last right "
    "now today these those but so and or is are was were into across everywhere everything "
    "internally mostly"
)

# A word followed by one of these starts a clause ("pharmacy is ..."), it is no product.
CLAUSE_VERBS = _wordset("is are was were has have had will would can keeps")

ABBREVIATIONS = _wordset(
    "st dr mr mrs ms jr sr vs etc e.g i.e approx dept inc co corp ltd no est misc fig"
)


# --------------------------------------------------------------------------------------------
# Compiled forms of the tables.
# --------------------------------------------------------------------------------------------


_Trie = dict[str, "_Trie"]


def _trie_pattern(phrases: Iterable[str]) -> str:
    """One regex for many phrases, shaped as a prefix tree so matching stays fast.

    Python's regex engine tries alternatives one by one; a tree tests each character once.
    """
    root: _Trie = {}
    for phrase in phrases:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(root)


def _trie_node(node: _Trie) -> str:
    branches = [re.escape(char) + _trie_node(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # An optional longer continuation is greedy, so "not great" wins over a bare "not".
    return f"(?:{body})?" if "" in node else body


_CUE_BY_TEXT = {phrase: (went, tier) for phrase, went, tier in RATING_CUES}
_RATING_RE = re.compile(
    r"(?<![\w'])"
    + _trie_pattern(_CUE_BY_TEXT)
    + r"(?![\w'])"
    + r"|(?<![\d/])(\d{1,2}(?:\.\d)?)\s*/\s*(5|10)(?![\d/])",
    re.IGNORECASE,
)
_SYMBOL_RE = re.compile("|".join(re.escape(s) for s in RATING_SYMBOLS) + r"|\ufe0f")
# One regex, one named group per table row: the leftmost keyword wins, ties by table order.
_HEADING_RE = re.compile(
    "|".join(
        rf"(?P<k{index}>(?<!\w)(?:{pattern})(?!\w))"
        for index, (_, pattern) in enumerate(HEADING_KEYWORDS)
    )
)


def _pattern_words(pattern: str) -> set[str]:
    """Plain words a keyword pattern accepts: "concerns?" gives concern and concerns."""
    words: set[str] = set()
    for token in re.sub(r"\\w\*|[()|]", " ", pattern).split():
        words.add(token.replace("?", ""))
        words.add(re.sub(r".\?", "", token))
    return {word for word in words if word.isalpha()}


_HEADING_VOCAB = (
    frozenset(word for _, pattern in HEADING_KEYWORDS for word in _pattern_words(pattern))
    | HEADING_FILLER
)
_MISS_RE = re.compile(rf"\b(?:{MISS_CUES})", re.IGNORECASE)
_STRONG_CONCERN_RE = re.compile(rf"\b(?:{STRONG_CONCERN_CUES})", re.IGNORECASE)
_WEAK_CONCERN_RE = re.compile(rf"\b(?:{WEAK_CONCERN_CUES})\b", re.IGNORECASE)
_CHALLENGE_RE = re.compile(rf"\b(?:{CHALLENGE_CUES})", re.IGNORECASE)
_POSITIVE_RE = re.compile(rf"\b(?:{POSITIVE_CUES})", re.IGNORECASE)
_TERM_CUE_RE = re.compile(rf"\b(?:{TERM_CUES})\b", re.IGNORECASE)
# After these a list of products follows: "they use Kronos and Epic", "moving to Workday".
_TERM_LIST_RE = re.compile(
    r"\b(?:use|uses|using|run(?:s|ning)? on|built on|moving to|migrating to|switching to|"
    r"switching from|moving from|moving off|rolling out|competitors? (?:is|are|include)|"
    r"compet\w* (?:with|against))\s+",
    re.IGNORECASE,
)
# "a new central fill system": the words before the product noun name it.
_NAMED_SYSTEM_RE = re.compile(
    r"\bnew ((?:[a-z0-9][\w-]*\s){0,2}[a-z0-9][\w-]*) (?:system|platform|software|tool|module)\b"
)
_QUOTED_RE = re.compile(r"[\"“”']([^\"“”']{2,40})[\"“”']")

_BULLET_RE = re.compile(
    r"^\s*(?:[-*•·◦‣▪►>–—+]|\d{1,3}[.)]|[a-z][.)](?=\s)|\[[ xX]?\])\s*"
    r"|^\s*(?:" + "|".join(re.escape(s) for s in RATING_SYMBOLS) + r")\ufe0f?\s*"
)
_MARKER_RE = re.compile(r"^\s*([+?])\s+(?=\S)|^\s*\(([+?-])\)\s*")
_Q_PREFIX_RE = re.compile(r"^\s*(?:q|question)\s*\d{0,2}\s*[:.)\-–—]\s*", re.IGNORECASE)
_A_PREFIX_RE = re.compile(r"^\s*(?:a|answer)\s*\d{0,2}\s*[:.)\-–—]\s*", re.IGNORECASE)
_LABEL_RE = re.compile(r"^\s*([A-Za-z][A-Za-z'’ /&]{0,40}?)\s*:\s*(.*)$")
_EMPHASIS_RE = re.compile(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)")
_SPACE_RE = re.compile(r"\s+")
# Sentence ends: ". " always (lower-case notes still end sentences); "?"/"!" only before a
# capital, so "how do u handle it? good" keeps its rating.
_SENTENCE_END_RE = re.compile(r"(?<=[.])\s+(?=\S)|(?<=[!?])\s+(?=[\"“A-Z0-9])")
# Clause breaks inside run-on sentences: "..., then they asked", "... and then asked".
_CLAUSE_RE = re.compile(
    r"\s*;\s+|,?\s+and then\s+|,\s+then\s+|,\s+(?=(?:i|he|she|they|we|the \w+|[A-Z][a-z]+)\s+"
    r"(?:asked|loved|liked|seemed|said|mentioned|forgot|use|uses|was|were|kept|wanted|got|"
    r"perked|nodded|smiled|laughed|nailed|bombed|blanked|rambled|think)\b)",
)
_SEPARATORS_RE = re.compile(
    r"\s+[—–]+\s*|\s*[—–]+\s+|\s+-{1,2}\s+|\s*--\s*|\s*(?:->|=>|→)\s*|\s*\.\.\.+\s*|…\s*|"
    r"[?!.]\s+|:\s+|;\s+|,\s+|\s*\(|\s*\[|\s+(?:and|but|which|so|though|although)\s+"
)
_WEAK_SEPARATORS = frozenset({",", "and", "but", "which", "so", "though", "although"})
_TOKEN_RE = re.compile(r"[A-Za-z0-9$][\w&+.'’/-]*")
_NON_WORD_RE = re.compile(r"[^a-z0-9]+")
_ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9&]+")
_CAMEL_RE = re.compile(r"[a-z][A-Z]|^[a-z]+[A-Z]|^[A-Z][a-z]+[0-9]+[A-Za-z]*$|^\d+[a-z]{4,}$")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
_MAX_ITEM = 600
_MAX_QUESTION = 400
# Cue tiers from this one up are hesitations ("hmm", "i think"), used only when alone.
_WEAK_TIER = 3


# --------------------------------------------------------------------------------------------
# Small text helpers.
# --------------------------------------------------------------------------------------------


def _clean(text: str) -> str:
    """Trim what should not be stored: emphasis marks, outer spaces, a final period/comma."""
    text = _EMPHASIS_RE.sub("", text)
    text = _SPACE_RE.sub(" ", text).strip(" \t-–—:,;")
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1].rstrip()
    return text


def _norm_words(text: str) -> list[str]:
    """Lower-case words without apostrophes, for matching headings against vocabulary."""
    text = text.lower().replace("'", "").replace("’", "")
    return _NON_WORD_RE.sub(" ", text).split()


def _strip_bullet(line: str) -> tuple[str, bool]:
    """Remove a list marker; tell whether there was one (lists keep their section)."""
    match = _BULLET_RE.match(line)
    if not match or match.end() == 0:
        return line.strip(), False
    return line[match.end() :].strip(), True


def _chunks(text: str) -> Iterator[str]:
    """Cut very long text at spaces so one item never holds a whole pasted document."""
    while len(text) > _MAX_ITEM:
        cut = text.rfind(" ", 0, _MAX_ITEM)
        cut = cut if cut > _MAX_ITEM // 2 else _MAX_ITEM
        yield text[:cut]
        text = text[cut:].lstrip()
    if text:
        yield text


# --------------------------------------------------------------------------------------------
# Ratings.
# --------------------------------------------------------------------------------------------


def _score_rating(numerator: str, denominator: str) -> str:
    """3/5 is middling: people give 3 when unsure, 4-5 when pleased."""
    ratio = float(numerator) / float(denominator)
    if ratio >= 0.7:
        return COMFORTABLE
    return UNSURE if ratio >= 0.5 else STRUGGLED


def _cue_went(match: re.Match[str]) -> tuple[str, int]:
    if match.group(1):
        return _score_rating(match.group(1), match.group(2)), 1
    went, tier = _CUE_BY_TEXT[match.group(0).lower()]
    return went, tier


def _rating_in(text: str) -> str | None:
    """The rating a short remark carries: its first real grade, hesitations only as fallback.

    "so-so, I rambled" is so-so; "hmm, I got defensive" is defensive; "struggled, couldn't
    think of a good example" is struggled.
    """
    weak: str | None = None
    for match in _RATING_RE.finditer(text):
        went, tier = _cue_went(match)
        if tier < _WEAK_TIER:
            return went
        weak = weak or went
    for symbol in _SYMBOL_RE.findall(text):
        if symbol in RATING_SYMBOLS:
            return RATING_SYMBOLS[symbol]
    return weak


def _separator_strength(separator: str) -> int:
    """Dashes and arrows set a verdict apart more surely than a colon, a comma or "and"."""
    if separator.lower() in _WEAK_SEPARATORS:
        return 0
    if separator in (":", ";"):
        return 1
    if separator in ("?", ".", "!"):
        return 2
    return 3


@lru_cache(maxsize=1024)
def _split_tail(text: str) -> tuple[str, str | None]:
    """Cut "question — how it went" at the separator before the first rating cue.

    A cue counts only after a separator (or at the very end for verbs like "bombed"), so
    "Tell me about a time you struggled with a deadline" keeps its words. Among separators
    before the cue the strongest wins: "coding: LRU cache - slow, probably a 3/5" cuts at "-".
    """
    if len(text) > _MAX_QUESTION:
        # A rated question is a line, not a page; skipping long text keeps this linear.
        return text, None
    separators = [
        (m.start(), m.end(), m.group(0).strip(" ([")) for m in _SEPARATORS_RE.finditer(text)
    ]
    for cue in _RATING_RE.finditer(text):
        candidates = []
        for start, end, sep in separators:
            if end > cue.start() or start == 0:
                continue
            gap = len(text[end : cue.start()].split())
            strength = _separator_strength(sep)
            if gap <= (6 if strength == 0 else 12):
                candidates.append((strength, start, end))
        if not candidates:
            continue
        _, start, end = max(candidates)
        went = _rating_in(text[end:])
        if went is None:
            continue
        body = text[:start]
        # Keep the "?" of "What's your experience? — good".
        if text[start : start + 1] == "?":
            body += "?"
        return body.rstrip(), went
    return text, None


def detect_rating(text: str) -> tuple[str, str | None]:
    """Split a question line into (question text, how it went or None).

    Understands "(good)", "— nailed it", ", I rambled", "3/5", emoji and "+/-/?" marks.
    """
    text = text.strip()
    went: str | None = None
    marker = _MARKER_RE.match(text)
    if marker:
        went = MARK_RATINGS[marker.group(1) or marker.group(2)]
        text = text[marker.end() :]
    # Leading or trailing symbols: "✅ Walk me through", "Design a rate limiter 👍".
    lead = _BULLET_RE.match(text)
    if lead and lead.end() and _SYMBOL_RE.search(text[: lead.end()]):
        went = went or _rating_in(text[: lead.end()])
        text = text[lead.end() :]
    trailing = re.search(r"(?:\s*(?:" + _SYMBOL_RE.pattern + r"))+\s*$", text)
    if trailing and trailing.start() > 0:
        went = _rating_in(trailing.group(0)) or went
        text = text[: trailing.start()]
    # A trailing mark: "why retail ?" / "(+)".
    mark = re.search(r"\s+\(?([+?-])\)?\s*$|\(([+?-])\)\s*$", text)
    if mark and mark.start() > 0:
        went = MARK_RATINGS[mark.group(1) or mark.group(2)]
        text = text[: mark.start()]
    body, tail_went = _split_tail(text)
    if tail_went is None:
        body, tail_went = _split_trailing_verb(text)
    return _clean(body), tail_went or went


def _split_trailing_verb(text: str) -> tuple[str, str | None]:
    """ "weakness question bombed": a rating verb at the very end, with no separator."""
    match = re.search(
        r"\s+(bombed|blanked|rambled|struggled|nailed it|went (?:well|fine|ok|okay|badly|poorly))"
        r"\s*[.!]*$",
        text,
        re.IGNORECASE,
    )
    if not match or match.start() < 3:
        return text, None
    return text[: match.start()], _CUE_BY_TEXT[match.group(1).lower()][0]


def _rating_remark(text: str) -> tuple[str | None, str]:
    """(rating, rest) when a sentence is a verdict on the previous question.

    "I think that went well, I talked about the 90 day plan" -> ("comfortable", "I talked ...").
    """
    stripped = _clean(text)
    symbol = _SYMBOL_RE.match(stripped)
    if symbol and symbol.group(0) in RATING_SYMBOLS:
        return RATING_SYMBOLS[symbol.group(0)], stripped[symbol.end() :].strip()
    match = _RATING_RE.search(stripped)
    if not match:
        return None, text
    leading = _norm_words(stripped[: match.start()])
    if len(leading) > 5 or any(word not in RATING_FILLER for word in leading):
        return None, text
    went = _rating_in(_first_clause(stripped[match.start() :]))
    rest = stripped[match.end() :]
    clause_end = re.search(r"[,;:.!?—–]|\s-\s", rest)
    rest = rest[clause_end.end() :] if clause_end else ""
    return went, _clean(rest)


def _first_clause(text: str) -> str:
    match = re.search(r"[,;:.!?—–]|\s-\s", text)
    return text[: match.start()] if match else text


# --------------------------------------------------------------------------------------------
# Headings.
# --------------------------------------------------------------------------------------------


def _heading_section(words: list[str]) -> str | None:
    """Section named by heading words; the keyword that appears first wins."""
    match = _HEADING_RE.search(" ".join(words))
    if match is None or match.lastgroup is None:
        return None
    return HEADING_KEYWORDS[int(match.lastgroup[1:])][0]


def detect_heading(line: str, after_blank: bool = True) -> str | None:
    """The section a heading line opens, or None when the line is content.

    "## Questions", "QUESTIONS", "Q's:", "**What went well**", "Tools they use" are headings.
    A markdown heading with no known word ("# Debrief - Acme") returns "other".
    """
    stripped = line.strip()
    if not stripped or len(stripped) > 120:
        return None
    if stripped[0] not in "#*_" and not stripped.endswith(":") and stripped.count(" ") > 7:
        # Long plain lines are content; most lines leave here cheaply.
        return None
    markdown = stripped.startswith("#") or bool(re.fullmatch(r"(\*\*|__).+(\*\*|__):?", stripped))
    body = re.sub(r"^#+\s*|[*_=]+", "", stripped).strip()
    colon = body.endswith(":")
    body = body.rstrip(":").strip()
    words = _norm_words(body)
    if not words:
        return None
    section = _heading_section(words[:6])
    letters = [c for c in body if c.isalpha()]
    shouting = len(letters) >= 3 and all(c.isupper() for c in letters) and len(words) <= 6
    if markdown:
        return section or OTHER
    if section is None:
        return None
    if colon or shouting:
        # "Questions from the tech screen (Acme):" - the keyword must come early.
        return section if _heading_section(words[:3]) else None
    bare = len(words) <= 7 and all(word in _HEADING_VOCAB for word in words)
    return section if bare and after_blank and not body.endswith((".", "?", "!")) else None


def _inline_label(line: str) -> tuple[str, str] | None:
    """("terms", "OTIF, Blue Yonder") for "Terms: OTIF, Blue Yonder"; None otherwise."""
    match = _LABEL_RE.match(line)
    if not match or not match.group(2).strip():
        return None
    words = _norm_words(match.group(1))
    if not words or len(words) > 4 or any(word not in _HEADING_VOCAB for word in words):
        return None
    section = _heading_section(words)
    if section is None:
        return None
    return section, match.group(2).strip()


# --------------------------------------------------------------------------------------------
# Terms.
# --------------------------------------------------------------------------------------------


def _is_acronym(token: str) -> bool:
    core = token[:-1] if token.endswith("s") and len(token) > 2 else token
    return (
        len(core) >= 2
        and bool(_ACRONYM_RE.fullmatch(core))
        and sum(c.isupper() for c in core) >= 1
        and token.upper() not in GENERIC_ACRONYMS
        and core.upper() not in GENERIC_ACRONYMS
        and not core.isdigit()
    )


def _is_camel(token: str) -> bool:
    return bool(_CAMEL_RE.search(token))


def _is_capitalised(token: str) -> bool:
    return (
        token[:1].isupper()
        and token.lower() not in CAPITAL_STOPWORDS
        and token.upper() not in GENERIC_ACRONYMS
    )


def _tokens(sentence: str) -> list[str]:
    tokens = []
    for match in _TOKEN_RE.finditer(sentence):
        token = match.group(0).rstrip(".'’/-")
        if token.endswith(("'s", "’s")):
            token = token[:-2]
        tokens.append(token)
    return tokens


def _has_term_cue(sentence: str) -> bool:
    """A use/compete cue in the sentence's own words, not inside a name ("Corvex Software")."""
    lowered = re.sub(r"(?<=\S)\s+[A-Z][\w-]*", " X", sentence)
    return bool(_TERM_CUE_RE.search(lowered))


def extract_terms(sentence: str, loose: bool = True) -> list[str]:
    """Product names, technologies, competitors and acronyms mentioned in a sentence.

    Acronyms (OTIF), CamelCase (NetSuite) and runs of capitalised words (Blue Yonder,
    Oracle OTM, ASC 842) always count. A single capitalised word (Kronos) counts only when
    the sentence talks about using or competing ("they use Kronos"), so names of people and
    places stay out; lower-case products are taken right after "use" ("they use procore").
    """
    tokens = _tokens(sentence)
    # Loose extraction (single names, lower-case products) only where terms are the topic.
    cue = loose and _has_term_cue(sentence)
    found: list[str] = []
    index = 0
    while index < len(tokens):
        run = [tokens[index]]
        if not (_is_capitalised(run[0]) or _is_acronym(run[0]) or _is_camel(run[0])):
            index += 1
            continue
        end = index + 1
        while end < len(tokens) and (
            _is_capitalised(tokens[end])
            or _is_acronym(tokens[end])
            or _is_camel(tokens[end])
            or (tokens[end].isdigit() and len(tokens[end]) <= 4)
        ):
            run.append(tokens[end])
            end += 1
        following = tokens[end].lower() if end < len(tokens) else ""
        person = following in PERSON_VERBS and not any(map(_is_acronym, run))
        if len(run) >= 2 and not person:
            found.append(" ".join(run))
        elif len(run) == 1 and (
            _is_acronym(run[0])
            or _is_camel(run[0])
            or (cue and index > 0 and not person and len(run[0]) > 2)
        ):
            found.append(run[0])
        index = end
    if cue:
        found.extend(_listed_after_use(sentence))
        found.extend(m.group(1) for m in _NAMED_SYSTEM_RE.finditer(sentence))
        found.extend(
            m.group(1).strip()
            for m in _QUOTED_RE.finditer(sentence)
            if len(m.group(1).split()) <= 4 and re.search(r"buzz|jargon|term|kept saying", sentence)
        )
    return _dedupe_terms(found)


def _listed_after_use(sentence: str) -> Iterator[str]:
    """Lower-case products after "they use": "procore for everything and fieldwire on ..."."""
    for cue in _TERM_LIST_RE.finditer(sentence):
        rest = re.split(r"[.;!?()]", sentence[cue.end() :], maxsplit=1)[0]
        for part in re.split(r",\s*|\s+and\s+|\s+&\s+|\s*\+\s*", rest):
            words = part.split()
            kept: list[str] = []
            for word in words[:3]:
                if word.lower() in TERM_TAIL_STOPWORDS:
                    break
                kept.append(word)
            if not kept or kept[0].lower() in TERM_HEAD_STOPWORDS:
                continue
            # "pharmacy is short staffed": the subject of a new clause, not a product.
            if len(words) > len(kept) and words[len(kept)].lower() in CLAUSE_VERBS:
                continue
            if kept[0].lower().endswith("ing") or not re.match(r"[a-z0-9]", kept[0]):
                continue
            yield " ".join(kept)


def _dedupe_terms(terms: Iterable[str]) -> list[str]:
    """Keep first spellings; drop a term that is only a word of a longer one (MAP in MAP Growth)."""
    unique: dict[str, str] = {}
    for term in terms:
        term = term.strip(" .,;:-")
        if term and term.lower() not in unique:
            unique[term.lower()] = term
    # Every run of whole words inside a longer term, so the check stays linear.
    inner: set[str] = set()
    for key in unique:
        words = key.split()
        for start in range(len(words)):
            for end in range(start + 1, min(len(words), start + 6) + 1):
                if end - start < len(words):
                    inner.add(" ".join(words[start:end]))
    return [term for key, term in unique.items() if key not in inner]


def _term_items(text: str) -> list[str]:
    """Items of a terms list: "OTIF, Blue Yonder (WMS), cross-dock - a process" -> names."""
    items = []
    for part in re.split(r"\s*[,;|•]\s*", text):
        part = re.sub(r"\s*[(\[].*$", "", part)
        part = re.split(r"\s+[-–—=:]\s+|\s*[—–]\s*", part, maxsplit=1)[0]
        part = _clean(part)
        if not part:
            continue
        names = re.split(r"\s+(?:on|in|via|with|from|for)\s+", part)
        if len(part.split()) > 5:
            # Prose inside a terms list: keep only the names in it.
            items.extend(extract_terms(part))
        elif len(names) > 1 and all(name[:1].isupper() or name[:1].isdigit() for name in names):
            # "Kubernetes on GCP" names two things.
            items.extend(names)
        else:
            items.append(part)
    return items


# --------------------------------------------------------------------------------------------
# Classification of one sentence written without a heading.
# --------------------------------------------------------------------------------------------


def _question_text(text: str) -> str:
    """Drop how the question was introduced: "they asked me about X" -> "X"."""
    text = _Q_PREFIX_RE.sub("", text, count=1)
    if not QUESTION_OPENERS.match(text):
        text = QUESTION_LEADIN.sub("", text, count=1)
    return text


def _looks_like_question(sentence: str) -> bool:
    body, went = _split_tail(sentence)
    stripped = body.rstrip()
    if _Q_PREFIX_RE.match(sentence) or QUESTION_LEADIN.match(sentence):
        return True
    if stripped.endswith("?") and len(stripped.split()) >= 2:
        return True
    if STRONG_QUESTION_OPENERS.match(sentence):
        return True
    return went is not None and bool(QUESTION_OPENERS.match(sentence))


def classify(sentence: str) -> str:
    """The field a free sentence belongs to, by the cues in it (see the tables above)."""
    if _Q_PREFIX_RE.match(sentence):
        return QUESTIONS
    if _MISS_RE.search(sentence):
        return MISSES
    if _STRONG_CONCERN_RE.search(sentence):
        return CONCERNS
    if _looks_like_question(sentence):
        return QUESTIONS
    if _WEAK_CONCERN_RE.search(sentence):
        return CONCERNS
    if _CHALLENGE_RE.search(sentence):
        return CHALLENGES
    if _POSITIVE_RE.search(sentence):
        return POSITIVES
    body, went = _split_tail(sentence)
    if went is not None and not NOT_A_QUESTION.search(body) and len(body.split()) >= 2:
        return QUESTIONS
    if _has_term_cue(sentence) and extract_terms(sentence):
        return TERMS
    return OTHER


def _sentences(text: str) -> list[str]:
    """Sentences and run-on clauses, not breaking after "St." or "J.B."."""
    pieces: list[str] = []
    buffer = ""
    for part in _SENTENCE_END_RE.split(text):
        buffer = f"{buffer} {part}" if buffer else part
        last = buffer.rstrip(".").rsplit(" ", 1)[-1].lower()
        if buffer.endswith(".") and (
            last in ABBREVIATIONS
            or re.fullmatch(r"(?:\w\.)*\w", last)
            and len(last) <= 3
            and "." in buffer[-4:-1]
        ):
            continue
        pieces.append(buffer)
        buffer = ""
    if buffer:
        pieces.append(buffer)
    result: list[str] = []
    for piece in pieces:
        result.extend(part for part in _CLAUSE_RE.split(piece) if part and part.strip())
    return result


# --------------------------------------------------------------------------------------------
# The splitter.
# --------------------------------------------------------------------------------------------


@dataclass
class _Builder:
    """Mutable collection while reading; frozen into SplitNotes at the end."""

    questions: list[list[str | None]] = field(default_factory=list)
    fields: dict[str, list[str]] = field(
        default_factory=lambda: {
            name: [] for name in (POSITIVES, MISSES, CONCERNS, TERMS, CHALLENGES, OTHER)
        }
    )
    # Index of the question a following verdict ("I think that went well") belongs to.
    last_question: int | None = None

    def add(self, section: str, text: str) -> None:
        text = _clean(text)
        if not text:
            return
        for chunk in _chunks(text):
            if section == QUESTIONS:
                self.add_question(chunk, None)
            else:
                self.fields[section].append(chunk)
                self.last_question = None
        if section in (CONCERNS, CHALLENGES):
            self.fields[TERMS].extend(extract_terms(text))

    def add_question(self, text: str, went: str | None) -> None:
        rated_text, rated = detect_rating(text)
        if not rated_text:
            self.fields[OTHER].append(text)
            return
        self.questions.append([rated_text, rated or went])
        self.last_question = len(self.questions) - 1
        # Names in a question were heard from the interviewer ("experience with SAP?").
        self.fields[TERMS].extend(extract_terms(rated_text, loose=False))

    def rate_last(self, went: str) -> bool:
        index = self.last_question
        if index is None or self.questions[index][1] is not None:
            return False
        self.questions[index][1] = went
        return True

    def freeze(self) -> SplitNotes:
        return SplitNotes(
            questions=[NoteQuestion(str(text), went) for text, went in self.questions],
            positives=self.fields[POSITIVES],
            misses=self.fields[MISSES],
            concerns=self.fields[CONCERNS],
            terms=_dedupe_terms(self.fields[TERMS]),
            challenges=self.fields[CHALLENGES],
            other=self.fields[OTHER],
        )


def _free_text(builder: _Builder, text: str) -> None:
    """Text under no heading: split into sentences and route each by its cues."""
    for sentence in (chunk for part in _sentences(text) for chunk in _chunks(part)):
        sentence = _clean(sentence)
        if not sentence:
            continue
        went, rest = _rating_remark(sentence)
        if went is not None and builder.rate_last(went):
            if rest:
                builder.add(OTHER, rest)
            continue
        section = classify(sentence)
        if section == QUESTIONS:
            builder.add_question(_question_text(sentence), None)
        elif section == TERMS:
            builder.fields[TERMS].extend(extract_terms(sentence))
            builder.add(OTHER, sentence)
        else:
            builder.add(section, sentence)


def _section_item(builder: _Builder, section: str, text: str, went: str | None) -> None:
    """A line under a trusted heading goes to that heading's field."""
    if section == QUESTIONS:
        builder.add_question(_question_text(text), went)
    elif section == TERMS:
        builder.fields[TERMS].extend(_term_items(text))
    elif len(text) > 300:
        for sentence in _sentences(text):
            builder.add(section, sentence)
    else:
        builder.add(section, text)


def _sanitize(text: object) -> str:
    """Any input becomes text with plain newlines and no control characters."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_RE.sub(" ", text)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _uses_marks(lines: list[str], start: int) -> bool:
    """Does the list starting here grade items with "+"/"?" (so "-" is a grade, not a bullet)?"""
    for line in lines[start : start + 40]:
        if not line.strip() or detect_heading(line):
            break
        if _MARKER_RE.match(line):
            return True
    return False


def split_notes(text: str) -> SplitNotes:
    """Split free-form interview notes into debrief fields. Never raises."""
    try:
        return _split(_sanitize(text))
    except Exception:  # noqa: BLE001 - the user must always get their text back
        return SplitNotes([], [], [], [], [], [], [line for line in str(text).splitlines() if line])


def _split(text: str) -> SplitNotes:
    builder = _Builder()
    lines = text.split("\n")
    section: str | None = None
    section_bullets = inline = False
    marks = False
    after_blank = True
    item_indent = 0
    for number, raw in enumerate(lines):
        if not raw.strip():
            after_blank = True
            continue
        heading = detect_heading(raw, after_blank)
        if heading is not None:
            section = None if heading == OTHER else heading
            if (
                heading == OTHER
                and re.sub(r"[#*_=:\s]", "", raw)
                and not _heading_section(_norm_words(raw))
            ):
                builder.add(OTHER, re.sub(r"^\s*#+|[*_]{2}", "", raw))
            section_bullets = inline = False
            marks = _uses_marks(lines, number + 1)
            after_blank = False
            continue
        content, bullet = _strip_bullet(raw)
        # "✅ Walk me through ..." - the list marker itself is the grade.
        symbol = _SYMBOL_RE.match(raw.lstrip())
        went = RATING_SYMBOLS.get(symbol.group(0)) if symbol else None
        if marks and section == QUESTIONS:
            mark = re.match(r"^\s*([+?-])\s+", raw)
            if mark:
                went, content, bullet = MARK_RATINGS[mark.group(1)], raw[mark.end() :], True
        indent = _indent(raw)
        # A sub-line under a question: its verdict ("- went well, she took notes") or an answer.
        if (
            builder.last_question is not None
            and (indent > item_indent or _A_PREFIX_RE.match(content))
            and (section in (QUESTIONS, None))
        ):
            answer = _A_PREFIX_RE.match(content)
            remark = content[answer.end() :] if answer else content
            rating = _rating_in(remark)
            if (rating and builder.rate_last(rating)) or answer or section == QUESTIONS:
                # The verdict rated the question; the rest of the remark is kept for review.
                if not rating or len(remark.split()) > 3:
                    builder.add(OTHER, remark)
                after_blank = False
                continue
        label = _inline_label(content)
        if label is not None and label[0] != QUESTIONS:
            label_section, rest = label
            if label_section == OTHER:
                section = None
                _free_text(builder, rest)
            else:
                section, section_bullets, inline = label_section, True, True
                _section_item(builder, label_section, rest, None)
            after_blank = False
            item_indent = indent
            continue
        # A trusted section lasts until a heading, but prose after a blank line below a
        # bullet list is free text again.
        if section is not None and not bullet and (inline or (after_blank and section_bullets)):
            section = None
        inline = inline and bullet
        if section is None and bullet and len(content) <= 300 and classify(content) == QUESTIONS:
            # "2) coding: LRU cache - slow. 3/5" is one rated question, not two sentences.
            builder.add_question(_question_text(content), went)
        elif section is None:
            _free_text(builder, content)
        else:
            section_bullets = section_bullets or bullet
            _section_item(builder, section, content, went)
        item_indent = indent
        after_blank = False
    return builder.freeze()


def split_notes_as_json(notes: SplitNotes) -> dict[str, object]:
    """Exactly the keys questions (list of {"text","went"}), positives, misses, concerns, terms."""
    return {
        "questions": [{"text": q.text, "went": q.went} for q in notes.questions],
        "positives": list(notes.positives),
        "misses": list(notes.misses),
        "concerns": list(notes.concerns),
        "terms": list(notes.terms),
    }
