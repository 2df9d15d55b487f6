"""Turn pieces of the user's notes into phrases that fit a sentence frame, or refuse.

Every drafter (letters, answers, the 30/60/90-day plan, questions to ask, the question
bank, the follow-up) puts the user's own words into fixed frames. Notes are written fast:
"Discussed Alaris pumps", "She cares about CAUTI bundle compliance", "they are
short-staffed on nights", "👍", "she". This module reads each piece of a note once, from
the shared spaCy parse and a few word tables, and knows its grammatical form:

* NOUN: a noun phrase ("empty miles", "the Joliet hub", "how they float nurses");
* NAME: a name alone ("MercuryGate", "HCAHPS");
* VERB: a verb phrase with no subject ("titrated drips independently", "supports Leeds
  United", "Reduce empty miles");
* CLAUSE: a subject and a finite verb ("she ran the Columbus half-marathon",
  "Peak-season on-time rate fell to 93%"); a headline with its verb left out
  ("float pool overused") becomes one ("the float pool is overused");
* NUMBER, and EMPTY: nothing a frame can use (only pronouns, emoji, another language).

and converts between forms where that is safe:

* `topic`: a noun phrase for "about {topic}": a leading "Discussed"/"Talked about" is
  dropped, "He cares about margin per lane" gives "margin per lane", a past verb phrase
  becomes a gerund ("titrating drips independently"), an article is added where English
  needs one ("the CAUTI bundle");
* `clause`: a clause for "that {clause}" / "why {clause}", its pronouns resolved for the
  reader (`Voice.YOU`: the interviewer is "you"; `Voice.TEAM`: "they" is "the team");
* `verb_phrase`: a base-form verb phrase for "I would {verb}" frames;
* `personal`: a personal note addressed to them ("your Columbus half-marathon", or a
  clause "you ran the Columbus half-marathon in October");
* `gap` and `quoted`: a clearly marked gap for the user, or the note quoted as theirs.

Each function returns None when the piece does not fit: the drafter then tries another
frame, another piece, a marked gap, or leaves the sentence out. Never a broken sentence.
Without the spaCy model the pieces are read by the word tables alone, more cautiously.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache, lru_cache
from typing import Any

from secondround.engine.nlp import parsing as nlp
from secondround.engine.nlp.proper_words import capitalise_proper_words
from secondround.engine.nlp.word_tables import word_set

__all__ = [
    "Form",
    "Piece",
    "Voice",
    "clause",
    "concern",
    "duty_phrase",
    "fill_slot",
    "inflect",
    "verb_lemma_of",
    "gap",
    "join",
    "mid",
    "personal",
    "pieces",
    "plural",
    "prepare",
    "quoted",
    "read",
    "subject_noun",
    "topic",
    "usable",
    "verb_phrase",
    "with_article",
    "with_object_articles",
    "yes_no_question",
]


# A piece longer than this is a paragraph: no frame takes it whole.
MAX_PIECE_WORDS = 30


class Form(StrEnum):
    NOUN = "noun"
    NAME = "name"
    VERB = "verb"
    CLAUSE = "clause"
    NUMBER = "number"
    EMPTY = "empty"


class Voice(StrEnum):
    """Who the text speaks to, which decides what a note's "she" and "they" become."""

    YOU = "you"  # a letter or an answer: the interviewer, and their organisation, are "you"
    TEAM = "team"  # the candidate's own plan: "they" is "the team", "she" is "my manager"
    OWN = "own"  # the candidate's own story: pronouns stay as written


# --------------------------------------------------------------------------------------
# Word tables: edit these rather than the code below.
# --------------------------------------------------------------------------------------

# Note-taking shorthand, expanded before anything is read (whole words only).
SHORTHAND = {
    "w/": "with",
    "w/o": "without",
    "b/c": "because",
    "thru": "through",
    "yr": "year",
    "yrs": "years",
    "wk": "week",
    "wks": "weeks",
    "mo": "month",
    "mos": "months",
    "hrs": "hours",
    "w": "with",
    "abt": "about",
    "r": "are",
    "mgr": "manager",
    "mgmt": "management",
    "dept": "department",
    "govt": "government",
    "approx": "about",
    "qtr": "quarter",
    "pt": "patient",
    "pts": "patients",
    "ppl": "people",
    "xmas": "Christmas",
    "eval": "evaluation",
    "evals": "evaluations",
    "cuz": "because",
    "tho": "though",
    "i": "I",
    "im": "I'm",
    "ive": "I've",
    # Contractions typed without the apostrophe: the parser splits "hes" into "he" and
    # an "s" it cannot agree with a new subject ("that yous into fishing").
    "hes": "he's",
    "dont": "don't",
    "doesnt": "doesn't",
    "didnt": "didn't",
    "isnt": "isn't",
    "wasnt": "wasn't",
    "arent": "aren't",
    "cant": "can't",
    "couldnt": "couldn't",
    "havent": "haven't",
    "hasnt": "hasn't",
    "shes": "she's",
    "theyre": "they're",
    "theyve": "they've",
    "theyll": "they'll",
}
# Verbs that report a conversation: "Discussed X", "talked about X" are about X.
REPORTING = re.compile(
    r"^(?:(?:we|i|she|he|they)\s+)?(?:(?:also|briefly|mostly|then|really)\s+)?"
    r"(?:discuss(?:ed|es|ing)?|talk(?:ed|s|ing)?\s+(?:a\s+lot\s+|mostly\s+|at\s+length\s+)?"
    r"(?:about|through|over|thru|re)|went\s+(?:over|through|thru)|go(?:es|ing)?\s+over"
    r"|walk(?:ed|s)?\s+(?:me\s+|us\s+)?(?:through|thru)|chat(?:ted|s)?\s+about"
    r"|cover(?:ed|s)?|mention(?:ed|s)?|explain(?:ed|s)?|review(?:ed|s)?|describ(?:ed|es)"
    r"|present(?:ed|s)?|touch(?:ed|es)?\s+on|brought\s+up|bring(?:s)?\s+up"
    r"|asked\s+(?:me\s+)?(?:twice\s+|again\s+|a\s+lot\s+)?about|spoke\s+about|spoke\s+of"
    r"|asked(?:\s+me)?(?:\s+twice|\s+again)?(?=\s+(?:why|whether|if|how|what|when)\b)"
    r"|told\s+me\s+about|showed\s+me|dove\s+into|dug\s+into|deep\s+dive\s+(?:on|into))"
    r"\s*:?\s+",
    re.IGNORECASE,
)
# "She cares about X", "He's big on X", "they want X": what they care about is X.
STANCE = re.compile(
    r"^(?:she|he|they|we)(?:\s+|'s\s+|’s\s+|'re\s+|’re\s+)(?:really\s+|very\s+|clearly\s+)?"
    r"(?:cares?\s+(?:a\s+lot\s+|deeply\s+|most\s+)?about|(?:is|are|was)?\s*(?:big|keen|hot|hung\s+up)\s+on"
    r"|focus(?:es|ed)?\s+on|values?|wants?(?:\s+to\s+see)?|loves?|likes?|prioriti[sz]es?"
    r"|(?:is|are)?\s*passionate\s+about|emphasi[sz](?:ed|es)|stress(?:ed|es)"
    r"|kept\s+coming\s+back\s+to|keeps\s+coming\s+back\s+to|(?:is|was|seemed)\s+"
    r"(?:worried|concerned|unsure)\s+(?:about|whether|if)|worr(?:y|ies|ied)\s+about"
    r"|asked\s+(?:me\s+)?(?:twice\s+|again\s+)?about|pushed\s+(?:me\s+)?on|probed)\s+",
    re.IGNORECASE,
)
# Cues that only say how a note was made, at its end: "asked twice", "(asked again)".
TRAILING_NOISE = re.compile(
    r"(?:\s*[-–—,(]\s*|\s+)(?:asked|came\s+up|brought\s+up|mentioned)\s+(?:it\s+)?"
    r"(?:twice|again|2x|a\s+lot|several\s+times|more\s+than\s+once)\)?\s*$|\s*\b2x\b\s*$",
    re.IGNORECASE,
)
# Lines of a pasted e-mail that are not what was discussed.
EMAIL_HEADER = re.compile(
    r"^\s*(?:-{2,}.*|(?:from|to|cc|bcc|sent|date|subject|re|fw|fwd)\s*:.*"
    r"|(?:forwarded|original)\s+message.*|on .{5,80} wrote:\s*|>.*)$",
    re.IGNORECASE,
)
PRONOUN_WORDS = word_set(
    "i me my mine you your he him his she her hers it its we us our they them their "
    "this that these those there here someone something one"
)
FUNCTION_WORDS = word_set(
    "a an the and or but of to in on at for with from by as is are was were be been "
    "not no so too very just also again did do does had has have could would should can "
    "will may might must shall"
)
# Singular heads that take no article ("about retention", "about patient safety").
MASS_NOUNS = word_set(
    "care safety waste seasonality probity "
    "data software hardware equipment information research work training "
    "staff time knowledge quality health traffic freight feedback support revenue cash lag "
    "code documentation communication compliance behaviour behavior coverage practice "
    "policy law logistics analytics planning budget scheduling staffing service inventory "
    "debt tax payroll marketing finance engineering security access progress homework "
    "chemistry biology physics maths math science literacy numeracy history geography "
    "music art english french spanish electricity power water land housing zoning parking "
    "occupancy turnover retention morale growth demand volume overtime headcount attendance "
    "enrolment enrollment engagement leadership management hiring recruiting onboarding "
    "teamwork correctness speed reliability uptime latency throughput capacity shrink "
    "conversion labor labour pay money football hockey soccer baseball basketball cricket "
    "rugby golf tennis fishing hunting running cycling yoga hiking camping travel family "
    "leave recovery research cardiology telemetry nursing teaching retail hospitality "
    "accounting planning construction stock loss advice help fun weather administration "
    "documentation communication education information titration preparation "
    "collaboration innovation automation transportation regulation production "
    "construction prevention protection consumption distribution evaluation "
    "development management equipment employment recruitment procurement enforcement "
    "improvement investment treatment assessment legislation certification "
    "accreditation infrastructure coverage leakage shortage storage mileage "
    "culture furniture literature legislature expenditure exposure pressure "
    "patience excellence experience delivery performance satisfaction accuracy "
    "consistency efficiency transparency privacy punctuality hygiene nutrition welfare "
    "wellbeing well-being safeguarding continuity flexibility autonomy trust respect "
    "integrity honesty teamwork independence confidentiality dignity"
)
MASS_SUFFIXES = ("ance", "ence", "ing", "ity", "ness", "ics", "ogy", "work", "ware")
# A headline's predicate after its noun: "float pool overused", "revenue flat".
PREDICATE_PREPS = word_set("below above behind under over up down around")
# What a headline's "over"/"under" is measured against: "40 hours over budget".
CHANGE_SINCE = word_set("this last since again lately recently from on yoy year-on-year sharply")
BENCHMARKS = word_set("budget target plan average benchmark goal forecast national quota")
DETERMINER_LIKE = word_set(
    "the a an my your his her their our its this that these those each every some any no "
    "all both how why what whether when where who which if someone something anyone "
    "everyone everybody nobody somebody anything everything nothing"
)
# Adverbs that stand for "is" between a noun and what it is: "feed mostly road closures".
# Nouns that make the word before them a noun too ("start date", "pay rate", "work plan").
COMPOUND_HEADS = word_set("date rate time plan list sheet log form card day shift week")
# "short on RVNs", "low on stock", "behind on filing": a team's lack, said without "we are"
SHORTAGE_ADJECTIVES = word_set("short low behind light thin")
HEADLINE_ADVERBS = word_set("mostly mainly largely usually always often all just only")
# Words that end a challenge's topic: "Carrier costs | up 12%", "rate | fell to 93%".
CHANGE_WORDS = word_set(
    "fell fall falls falling dropped drop drops dropping dipped dips rose rise rises rising "
    "up down increased increase increases decreased decrease decreases declined declines "
    "grew grows jumped slipped slipping missed missing lagging lags stuck spiked"
)
# Verbs mostly used without an object: "started on our unit" is a past tense, not a
# headline's passive ("prepaids tracked in a spreadsheet" = "are tracked").
INTRANSITIVE = word_set(
    "start begin arrive come go leave happen occur stay remain work live die quit resign "
    "retire return move sit stand wait travel agree fail succeed pass finish end graduate "
    "transfer relocate join cry laugh sleep walk talk speak respond react complain apply "
    "struggle improve change vary differ exist appear emerge open reopen launch expand grow "
    "close merge rebrand"
)
# Nouns for a person: a personal note ending in one describes them ("Leeds fan").
PERSON_NOUNS = word_set(
    "fan fans supporter lover person guy girl man woman teacher nurse engineer veteran "
    "native alum alumnus alumna graduate grad runner cyclist parent mom mum dad father "
    "mother member volunteer coach player"
)
# Words that make a person noun someone of theirs: "baby girl", "new grandson" is not who
# they are ("you're a baby girl") but who they have ("your baby girl").
FAMILY_WORDS = word_set("baby newborn infant twin twins grand little")
# A note that opens with one of theirs ("daughter doing MBBS in Mysore", "wife is a
# nurse too") is about someone of theirs: said with "your" in front.
KIN_NOUNS = word_set(
    "daughter daughters son sons wife husband partner fiance fiancee kids kid children child "
    "boys girls twins baby mum mom dad mother father parents brother sister siblings family "
    "grandson granddaughter grandkids grandchildren dog dogs cat cats puppy"
)
TITLE_PREFIXES = word_set("dr dr. mr mr. mrs mrs. ms ms. prof prof. mx mx.")
EMOJI_CATEGORIES = frozenset({"So", "Sk", "Cs", "Co", "Cn"})

# Subject pronoun -> (replacement, person) per voice; the person decides verb agreement.
_YOU = {
    "she": "you",
    "he": "you",
    "they": "you",
    "her": "your",  # possessive by default; object "her" is handled by its tag
    "his": "your",
    "their": "your",
    "theirs": "yours",
    "hers": "yours",
    "him": "you",
    "them": "you",
    "herself": "yourself",
    "himself": "yourself",
    "themselves": "yourselves",
}
_TEAM = {
    "they": "the team",
    "them": "the team",
    "their": "the team's",
    "theirs": "the team's",
    "themselves": "the team",
    "we": "the team",
    "us": "the team",
    "our": "the team's",
}


# --------------------------------------------------------------------------------------
# Pieces
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Piece:
    """One piece of a note, cleaned, with its grammatical form.

    `text` keeps the user's words (shorthand expanded, shouting lowered, emoji and
    note-taking cues dropped); `subject` is the clause subject as written ("she",
    "Peak-season on-time rate"), `pronoun_subject` says it is a pronoun, `tense` is
    "past", "present", "base" or "gerund" for verbs and clauses.
    """

    text: str
    form: Form
    subject: str = ""
    pronoun_subject: bool = False
    tense: str = ""
    negated: bool = False
    plural: bool = False
    headline: bool = False  # "float pool overused": the "is" was added here
    # "drivers leaving for Dublin Bus" read as "drivers are leaving …": the noun phrase it
    # was, for frames that need a topic ("our conversation about drivers leaving …")
    phrase: str = ""
    keep: frozenset[str] = frozenset()  # names whose capitals stay ("Magnet", "Epic")

    @property
    def usable(self) -> bool:
        return self.form is not Form.EMPTY


def usable(pieces_: Iterable[Piece]) -> list[Piece]:
    return [piece for piece in pieces_ if piece.usable]


def _piece_texts(note: str) -> list[str]:
    out: list[str] = []
    for line in (note or "")[:5000].splitlines():
        if EMAIL_HEADER.match(line):
            continue
        line = re.sub(r"^\s*(?:[-*•+>?]+|\d{1,2}[.)])\s*", "", line)
        for part in re.split(r"(?<=[.!?])\s+|\s+[-–—]\s+|;\s+|\s*!{2,}\s*|\?{2,}\s*", line):
            if part and part.strip():
                out.append(part.strip())
    return out


def prepare(notes: Iterable[str]) -> None:
    """Parse every piece of these notes in one batch, so the drafters that read them next
    find their parses cached: the parser is several times faster on a batch."""
    texts = [_clean(part) for note in notes for part in _piece_texts(note)]
    texts = [text for text in dict.fromkeys(texts) if text and _has_words(text)]
    if not texts:
        return
    try:
        nlp.parse_many(texts)
    except nlp.NlpUnavailable:
        return


def pieces(note: str, *, names: Sequence[str] = ()) -> list[Piece]:
    """Every piece of a note, in order: lines, sentences and " - " asides apart.

    `names` (glossary terms, people, the company) restore their own spelling where a
    shouted note lowered it ("OPERA CLOUD REPORTS" -> "Opera Cloud reports").
    """
    out: list[Piece] = []
    for line in (note or "")[:5000].splitlines():
        if EMAIL_HEADER.match(line):
            continue
        line = re.sub(r"^\s*(?:[-*•+>?]+|\d{1,2}[.)])\s*", "", line)
        for part in re.split(r"(?<=[.!?])\s+|\s+[-–—]\s+|;\s+|\s*!{2,}\s*|\?{2,}\s*", line):
            if part and part.strip():
                piece = read(_proper_words(part.strip(), tuple(names)))
                same = next((n for n in names if n.casefold() == piece.text.casefold()), None)
                if same is not None and same != piece.text:
                    # "MASH" on its own line is the saved name, not a shouted "mash"
                    piece = replace(piece, text=same)
                if names:
                    # Capitals of the saved names this piece contains ("Magnet" in "Magnet
                    # redesignation"), not of every name ("US Cold Storage" keeps nothing
                    # in "Cold storage warehousing").
                    keep = frozenset(
                        w
                        for n in names
                        if not _sentence_case(n)
                        and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", piece.text)
                        for w in n.split()
                        if w[:1].isupper()
                    )
                    piece = replace(piece, keep=keep)
                out.append(piece)
    return out


def _sentence_case(text: str) -> bool:
    """ "Cold storage warehousing", a line typed in sentence case: its capital is the
    line's, not a name's ("Ledgerly Pay", "Level II trauma center", "Magnet" are names)."""
    words = text.split()
    if len(words) < 2 or not words[0][:1].isupper() or not words[0][1:].islower():
        return False
    if any(not w.islower() for w in words[1:] if any(c.isalpha() for c in w)):
        return False
    english = nlp.english_lemmas()
    first = _lemma_of(words[0].casefold())
    if not english or first not in english:
        return False
    # Two words opening with a noun may still be a name and its kind ("Rails monolith",
    # "Magnet redesignation"); a longer line, or one opening with an adjective, is not.
    return len(words) >= 3 or first not in nlp.lemma_index().get("noun", frozenset())


MONTH_AFTER_WORD = re.compile(
    r"\b(?P<before>in|since|by|until|till|from|through|thru|last|next|early|late|mid|before|"
    r"after|of|end of|start of)\s+(?P<month>january|february|march|april|may|june|july|"
    r"august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
    r"\b(?!-)",
    re.IGNORECASE,
)


def _proper_words(text: str, names: tuple[str, ...]) -> str:
    """The note with the capitals English writes: saved names, months, languages, places."""
    return capitalise_proper_words(_month_names(_restore_names(text, names)))


MONTH_IN_FULL = {
    "jan": "January",
    "feb": "February",
    "mar": "March",
    "apr": "April",
    "jun": "June",
    "jul": "July",
    "aug": "August",
    "sep": "September",
    "sept": "September",
    "oct": "October",
    "nov": "November",
    "dec": "December",
}
WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b", re.IGNORECASE)


def _month_names(text: str) -> str:
    """ "no discrepancies since march" -> "since March", "coming in jan" -> "in January"
    (a month after a time word, written out: "in Jan" is note-taking, not a letter's), and
    "on tuesdays" -> "on Tuesdays"."""
    text = MONTH_AFTER_WORD.sub(
        lambda m: (
            f"{m.group('before')} "
            + MONTH_IN_FULL.get(m.group("month").casefold(), m.group("month").capitalize())
        ),
        text,
    )
    return WEEKDAY.sub(lambda m: m.group(0).capitalize(), text)


def months_in_full(text: str) -> str:
    """ "the menu in march 2027" -> "in March 2027", "in feb" -> "in February"."""
    return _month_names(text)


def _restore_names(text: str, names: tuple[str, ...]) -> str:
    """A shouted note gets every saved name's spelling back; a note typed in lower case
    gets back the names that cannot be ordinary words ("cliniko" -> "Cliniko", "opera
    pms" -> "Opera PMS"; "magnet" stays, it may be the word)."""
    if not names:
        return text
    if _shouted(text):
        lowered = _clean(text)
        for name in sorted(names, key=len, reverse=True):
            if name and len(name) > 2:
                lowered = re.sub(
                    rf"(?<!\w){re.escape(name)}(?!\w)", name, lowered, flags=re.IGNORECASE
                )
        return lowered
    english = nlp.english_lemmas()
    for name in sorted(names, key=len, reverse=True):
        if len(name) < 3 or name.islower() or _sentence_case(name):
            continue
        words = name.split()
        if len(words) == 1 and not name.isupper() and name.casefold() in english:
            continue
        text = re.sub(rf"(?<![\w-]){re.escape(name.casefold())}(?![\w-])", name, text)
    return text


@lru_cache(maxsize=4096)
def read(text: str) -> Piece:
    """One piece's cleaned text and form (cached by text)."""
    cleaned = _clean(text)
    if not cleaned or not _has_words(cleaned):
        number = re.fullmatch(r"[$£€]?\d[\d,.]*\s?[%kKmM]?", cleaned or "")
        return Piece(cleaned, Form.NUMBER if number else Form.EMPTY)
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", cleaned)
    folded = [w.casefold() for w in words]
    if all(w in PRONOUN_WORDS or w in FUNCTION_WORDS for w in folded):
        return Piece(cleaned, Form.EMPTY)  # "she", "it", "they did"
    if len(words) > MAX_PIECE_WORDS:
        return Piece(cleaned, Form.EMPTY)  # a paragraph, not a phrase to say in a sentence
    try:
        doc = nlp.parse(cleaned)
    except nlp.NlpUnavailable:
        return _read_by_rules(cleaned, words)
    if _foreign(doc):
        return Piece(cleaned, Form.EMPTY)
    lowered = _imperative_reading(cleaned, doc)
    if lowered is not None:
        piece = _read_parse(lowered, nlp.parse(lowered))
        return Piece(
            cleaned,
            piece.form,
            piece.subject,
            piece.pronoun_subject,
            piece.tense,
            piece.negated,
            piece.plural,
        )
    return _read_parse(cleaned, doc)


def _never_a_verb(token: Any) -> bool:
    """A word the dictionary knows only as a noun, whatever the tagger read ("outcome")."""
    lemmas = nlp.lemma_index()
    verbs, nouns = lemmas.get("verb", frozenset()), lemmas.get("noun", frozenset())
    word = token.lower_
    return (
        bool(verbs)
        and word in nouns
        and word not in verbs
        and token.lemma_.casefold() not in verbs
        and _lemma_of(word) not in verbs
    )


def _imperative_reading(text: str, doc: Any) -> str | None:
    """ "Monitor cardiac telemetry ...": a capitalised verb the tagger read as a name. The
    text with its first letter lowered, when that reads as a verb phrase; else None."""
    tokens = [t for t in doc if not t.is_space]
    first = tokens[0] if tokens else None
    alpha = [t for t in tokens if t.is_alpha]
    if len(alpha) > 1 and all(t.text[:1].isupper() for t in alpha):
        return None  # "Echo Global Logistics": a name in title case
    if (
        first is None
        or not first.text[:1].isupper()
        or first.tag_.startswith("VB")
        or first.ent_type_ == "PERSON"
        or (len(tokens) > 1 and tokens[1].like_num)  # "Progress 8": a name with a number
    ):
        return None
    verbs = nlp.lemma_index().get("verb", frozenset())
    if first.lower_ not in verbs and _lemma_of(first.lower_) not in verbs:
        return None
    lowered = text[:1].lower() + text[1:]
    again = next((t for t in nlp.parse(lowered) if not t.is_space), None)
    if again is not None and again.tag_.startswith("VB") and again.dep_ == "ROOT":
        return lowered
    return None


def _lemma_of(word: str) -> str:
    """A rough lemma for a dictionary look-up: "drips" -> "drip", "titrated" -> "titrate"."""
    english = nlp.english_lemmas()
    if word in english:
        return word
    for suffix, repl in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ied", "y"),
        ("ed", "e"),
        ("ed", ""),
        ("ing", "e"),
        ("ing", ""),
        ("ly", ""),
    ):
        if word.endswith(suffix) and (word[: -len(suffix)] + repl) in english:
            return word[: -len(suffix)] + repl
    return word


def _clean(text: str) -> str:
    text = "".join(ch for ch in text if unicodedata.category(ch) not in EMOJI_CATEGORIES)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+(?=[,;](?:\s|$))", "", text)  # "season ticket , 2 kids"
    text = TRAILING_NOISE.sub("", text)
    text = re.sub(
        r"^(?:discussed|topics?|talked about|cares? about|worries|concerns?|personal)\s*:\s*",
        "",
        text,
        flags=re.I,
    )
    text = text.strip(" \t.,;:!?*_~\"'“”‘’()[]{}")
    if text.count("(") > text.count(")"):
        text += ")"  # "google reviews 4.8 (1,200+)": the strip took a bracket's own close
    if _shouted(text) or (re.fullmatch(r"[A-Z]{4,}", text) is not None):
        text = " ".join(_unshout(word) for word in text.split())
    text = " ".join(SHORTHAND.get(word.casefold(), word) for word in text.split())
    text = re.sub(r"\bi(?=['’](?:d|m|ve|ll|s)\b)", "I", text)
    # "wait times around 45 min", "within 30 mins": minutes, where a count ends the phrase
    # ("a 10 min phonics group" is a modifier and stays as typed)
    text = re.sub(
        r"(?<=\d)\s?mins?\b(?=\s*(?:$|[,;)]|and\b|or\b|each\b|per\b|a\b))", " minutes", text
    )
    text = re.sub(r"\s+>\s+", " over ", text)
    return re.sub(r"(?<=[A-Za-z])\s*\+\s*(?=[A-Za-z])", " and ", text).strip()


def _shouted(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    words = re.findall(r"[A-Za-z]{2,}", text)
    return (
        len(letters) >= 6
        and len(words) >= 2
        and sum(c.isupper() for c in letters) / len(letters) > 0.8
    )


def _unshout(word: str) -> str:
    """ "SAFETY" -> "safety", but "BOPIS" and "HCAHPS" stay: no English word, an acronym."""
    bare = re.sub(r"[^A-Za-z]", "", word)
    english = nlp.english_lemmas()
    if bare and (_lemma_of(bare.casefold()) in english or not english) and len(bare) > 2:
        return word.lower()
    if bare.casefold() in FUNCTION_WORDS or bare.casefold() in PRONOUN_WORDS:
        return word.lower()
    if bare.casefold() in {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    }:
        return word.capitalize()
    return word


def _has_words(text: str) -> bool:
    return bool(re.search(r"[^\W\d_]{2,}", text))


def _foreign(doc: Any) -> bool:
    """Three or more words and under 60% of them English: another language. Names do not
    count either way ("the Kronos rollout", "Alaris pumps, CAUTI bundle")."""
    words = [
        t
        for t in doc
        if t.is_alpha
        and not (len(t.text) > 1 and t.text.isupper())
        and not (t.i > 0 and t.text[:1].isupper())
    ]
    if len(words) < 3:
        return False
    english = nlp.english_lemmas()
    if not english:
        return False
    known = sum(
        1
        for t in words
        if t.lemma_.casefold() in english
        or _lemma_of(t.lower_) in english
        or t.lower_ in FUNCTION_WORDS
        or t.lower_ in PRONOUN_WORDS
    )
    return known / len(words) < 0.6


def _read_by_rules(text: str, words: list[str]) -> Piece:
    """Without the parser: only what the word tables make certain."""
    first = words[0].casefold()
    if first in {"she", "he", "they", "we", "i"}:
        return Piece(text, Form.CLAUSE, subject=words[0], pronoun_subject=True, tense="present")
    if len(words) == 1 and not words[0].islower():
        return Piece(text, Form.NAME)
    return Piece(text, Form.NOUN, plural=words[-1].endswith("s"))


CLEAR_VERBS = word_set(
    "is are was were be been has have had does do did can could will would should must may "
    "might isn't aren't wasn't weren't hasn't haven't doesn't don't didn't won't can't"
)


def _read_parse(text: str, doc: Any) -> Piece:
    tokens = [t for t in doc if not t.is_space]
    first = tokens[0]
    negated = any(t.dep_ == "neg" or t.lower_ in {"never", "no", "not"} for t in tokens[:3])
    alpha = [t for t in tokens if t.is_alpha]
    title_case = bool(alpha) and all(t.text[:1].isupper() for t in alpha)
    if title_case and len(tokens) <= 4 and (len(alpha) > 1 or len(tokens) == 1):
        return Piece(text, Form.NAME, plural=_is_plural(tokens[-1]))  # "Ledgerly Pay", "Epic"
    starts_with_pronoun = first.lower_ in {"she", "he", "they", "we", "i", "it", "you"}
    if starts_with_pronoun and len(tokens) > 1 and tokens[1].tag_.startswith(("VB", "MD")):
        return Piece(text, Form.CLAUSE, first.text, True, _tense(tokens[1:]), negated)
    hyphenated = len(tokens) > 1 and tokens[1].text == "-" and not first.whitespace_
    if (first.pos_ not in {"ADV", "ADP", "SCONJ", "INTJ"} or hyphenated) and _compound_noun(tokens):
        headline = _headline(tokens)
        if headline is not None:
            return headline
        head = _phrase_head(tokens)
        return Piece(text, Form.NOUN, plural=_is_plural(head))
    number_next = len(tokens) > 1 and tokens[1].like_num
    if first.tag_ == "VBG" and (headline := _headline(tokens)) is not None:
        return headline  # "upselling revenue flat": a gerund opening a noun phrase
    if (
        first.tag_.startswith("VB")
        and first.dep_ != "aux"
        and not number_next
        and not _never_a_verb(first)  # "outcome measures"
    ):
        verb_first = _leading_verb(tokens)
        if verb_first is not None:
            return Piece(text, Form.VERB, tense=verb_first, negated=negated)
    main = _main_subject(tokens)
    # "In March the ward had 3 falls": a fronted time or place, then the clause; "if",
    # "because" (marks) and "how" open an embedded clause instead.
    fronted = first.tag_ == "IN" and first.dep_ == "prep" and first.head.dep_ == "ROOT"
    if main is not None and (first.tag_ not in {"WRB", "IN", "WP"} or hyphenated or fronted):
        subject, verb = main
        if _dangling_fragment(tokens, subject):
            # "new baby, 3 weeks old, he's exhausted lol": verbless fragments, then a
            # clause: no one sentence; the first fragment is what the note is about.
            # "food cost pastry 34% they want 28": a measure, then a clause: shorthand.
            if ", " in text:
                return read(text.split(", ")[0])
            return Piece(text, Form.NOUN)
        if _plural_noun_misread(subject, verb, tokens):
            return Piece(text, Form.NOUN, plural=True)
        fronted = [t for t in tokens if t.i < subject.left_edge.i and t.dep_ == "dobj"]
        second = [c for c in verb.children if c.dep_ == "nsubj" and c.i > subject.i]
        if any(t.head.i == verb.i for t in fronted) or second:
            # "the variance staff report I wrote", "the rota spreadsheet I built": a noun
            # and what was done to it (its object, or a second subject, before the verb):
            # a noun phrase, never a clause after "that"
            head = fronted[0] if fronted else subject
            return Piece(text, Form.NOUN, plural=_is_plural(head))
        # "Rails monolith slows …": a modifier the parser hung after the subject's head is
        # still the subject, up to the verb.
        end = min(subject.right_edge.i, verb.i - 1)
        span = doc[subject.left_edge.i : max(end, subject.i) + 1].text
        pronoun = subject.lower_ in PRONOUN_WORDS and subject.i == subject.left_edge.i
        if _passive_headline(verb):
            be = "are" if _is_plural(subject) else "is"
            rest = doc[verb.i :].text
            return Piece(
                f"{span} {be} {rest}", Form.CLAUSE, span, pronoun, "present", negated, headline=True
            )
        return Piece(text, Form.CLAUSE, span, pronoun, _tense([verb]), negated)
    if first.tag_ in {"WRB", "WP"} or first.lower_ in {"whether", "if"}:
        return Piece(text, Form.NOUN)  # "how they float nurses": an embedded question
    predicate = _bare_predicate(text, tokens)
    if predicate is not None:
        return predicate
    verb_first = _leading_verb(tokens)
    if verb_first is not None:
        return Piece(text, Form.VERB, tense=verb_first, negated=negated)
    headline = _headline(tokens)
    if headline is not None:
        return headline
    head = _phrase_head(tokens)
    if head is None or first.pos_ in {"ADV", "ADP", "CCONJ", "SCONJ", "INTJ", "PART"}:
        return Piece(text, Form.EMPTY)  # "just back from paternity leave"
    english = nlp.english_lemmas()
    name_like = all(
        not t.is_alpha
        or t.text[:1].isupper()
        or (english and _lemma_of(t.lower_) not in english and t.lower_ not in FUNCTION_WORDS)
        for t in tokens
    )
    if (
        name_like
        and len(tokens) <= 4
        and any(t.text[:1].isupper() or not t.is_alpha for t in tokens)
    ):
        return Piece(text, Form.NAME, plural=_is_plural(head))
    return Piece(text, Form.NOUN, plural=_is_plural(head))


def _dangling_fragment(tokens: list[Any], subject: Any) -> bool:
    """ "new baby, 3 weeks old, he's exhausted": a comma-separated fragment before the
    subject that is no fronted time, place or condition ("In March, the ward …")."""
    before = [t for t in tokens if t.i < subject.left_edge.i]
    first = tokens[0]
    if not any(t.text == "," for t in before):
        # "food cost pastry 34% they want 28": a number before the subject, no preposition
        return (
            any(t.like_num or t.text == "%" for t in before)
            and first.pos_ in {"NOUN", "PROPN"}
            and not any(t.pos_ == "ADP" for t in before)
        )
    return first.pos_ not in {"ADP", "SCONJ", "ADV", "CCONJ"} and first.tag_ not in {
        "WRB",
        "IN",
    }


def _bare_predicate(text: str, tokens: list[Any]) -> Piece | None:
    """A headline whose "be" was left out around a participle the parser made the root:
    "QC failures on the cobas not always escalated" (passive), "ops list overrunning"
    (progressive); or a predicate with no subject at all, "always short on lates", "short
    on RVNs": said of the team ("they are short on RVNs", resolved per voice)."""
    root = next((t for t in tokens if t.dep_ == "ROOT"), None)
    if root is None or any(t.tag_ in FINITE_TAGS for t in tokens):
        return None
    doc = root.doc
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    regular = root.lower_.endswith(("ed", "en"))
    if (
        subject is not None
        and subject.i < root.i
        and subject.lower_ not in PRONOUN_WORDS
        and (
            (root.tag_ == "VBN" and regular and root.lemma_.casefold() not in INTRANSITIVE)
            or root.tag_ == "VBG"
        )
        and not any(c.dep_ in {"aux", "auxpass", "mark"} for c in root.children)
    ):
        start = min([root.i] + [c.i for c in root.children if c.i > subject.right_edge.i])
        span = doc[tokens[0].i : subject.right_edge.i + 1].text
        be = "are" if _is_plural(subject) else "is"
        rest = doc[start : tokens[-1].i + 1].text
        return Piece(f"{span} {be} {rest}", Form.CLAUSE, span, False, "present", headline=True)
    lead = 0
    while lead < len(tokens) and tokens[lead].pos_ == "ADV" and tokens[lead].dep_ == "advmod":
        lead += 1
    adjective = tokens[lead] if lead < len(tokens) - 1 else None
    if (
        adjective is not None
        and adjective.pos_ == "ADJ"
        and adjective.dep_ == "ROOT"
        and tokens[lead + 1].lower_ in {"on", "of", "with", "to"}
        # "damp in tenants' bedrooms" is a noun; "short on RVNs" says what they lack
        and (
            adjective.lower_ in SHORTAGE_ADJECTIVES
            or adjective.lower_ not in nlp.lemma_index().get("noun", frozenset())
        )
    ):
        return Piece(f"they are {text}", Form.CLAUSE, "they", True, "present", headline=True)
    return None


def _compound_noun(tokens: list[Any]) -> bool:
    """ "CAUTI bundle compliance": a noun the tagger read as a verb between two nouns."""
    nouns = nlp.lemma_index().get("noun", frozenset())
    for index, token in enumerate(tokens[1:], 1):
        if not token.tag_.startswith("VB") or token.lower_ in CLEAR_VERBS:
            continue
        if token.tag_ in {"VBD", "VBN", "VBG"}:
            continue
        before = tokens[index - 1]
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        singular_disagrees = before.tag_ == "NN" and token.tag_ in {"VB", "VBP"}
        if (
            before.tag_ in {"NN", "NNP"}
            and token.tag_ == "VBZ"
            and after is not None
            and (after.lower_ in PREDICATE_PREPS or after.lower_ in CHANGE_WORDS or after.like_num)
        ):
            return True  # "Carrier costs up 12%": a plural noun, not "costs" the verb
        if before.pos_ != "PROPN" and not singular_disagrees:
            continue  # "his kids play travel hockey" is a clause
        if any(c.dep_ in {"det", "poss"} for c in before.children):
            continue
        if (token.lemma_.casefold() in nouns or token.lower_ in nouns) and (
            after is None or after.pos_ in {"NOUN", "PROPN"}
        ):
            return True
    return False


def _plural_noun_misread(subject: Any, verb: Any, tokens: list[Any]) -> bool:
    """ "callbacks on heat pump installs": a plural subject cannot take "installs", the
    last word after a prepositional phrase is the plural noun it ends with."""
    if verb.i != tokens[-1].i or verb.tag_ != "VBZ" or subject.tag_ not in {"NNS", "NNPS"}:
        return False
    before = tokens[verb.i - tokens[0].i - 1] if verb.i > tokens[0].i else None
    if before is None or before.i == subject.i or before.dep_ not in {"pobj", "compound"}:
        return False
    return not any(c.dep_ in {"dobj", "attr", "acomp", "xcomp", "ccomp"} for c in verb.children)


def _main_subject(tokens: list[Any]) -> tuple[Any, Any] | None:
    """The subject of the main clause and its finite verb, if the piece has them."""
    for token in tokens:
        if token.dep_ not in {"nsubj", "nsubjpass", "expl"}:
            continue
        verb = token.head
        if verb.dep_ not in {"ROOT"} or not (
            verb.tag_ in {"VBD", "VBZ", "VBP", "MD"}
            or any(
                c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBD", "VBZ", "VBP", "MD"}
                for c in verb.children
            )
        ):
            continue
        if token.i > verb.i:
            continue
        return token, verb
    return None


def _passive_headline(verb: Any) -> bool:
    """ "float pool overused", "service tickets filled out wrong": a past participle with
    no object and no auxiliary, a verb that needs an object: "is" was left out."""
    if verb.tag_ not in {"VBD", "VBN"} or not verb.lower_.endswith("ed"):
        return False
    if verb.lower_ in CHANGE_WORDS or verb.lemma_.casefold() in CHANGE_WORDS:
        return False
    children = list(verb.children)
    if any(
        c.dep_ in {"dobj", "aux", "auxpass", "attr", "ccomp", "xcomp", "dative"} for c in children
    ):
        return False
    subject = next((c for c in children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lower_ in PRONOUN_WORDS or subject.pos_ in {"DET", "PRON"}:
        return False  # "Both passed" is a sentence
    if verb.lemma_.casefold() in INTRANSITIVE:
        return False  # "2 new grads started on our unit": a real past tense
    if verb.lower_ in {"owned", "operated", "run", "based", "founded", "led"} and not list(
        subject.children
    ):
        return False  # "family owned", "locally based": an adjective, not "family is owned"
    return not any(c.dep_ in {"det", "poss"} for c in subject.children)


def _tense(tokens: Sequence[Any]) -> str:
    for token in tokens:
        if token.tag_ == "VBD":
            return "past"
        if token.tag_ in {"VBZ", "VBP", "MD"}:
            return "present"
        if token.tag_ == "VBG":
            return "gerund"
    return "present"


def _leading_verb(tokens: list[Any]) -> str | None:
    """The tense of a verb phrase that opens the piece: "titrated drips", "Reduce costs",
    "supports Leeds United", "never used Kronos", "hasn't led a migration"."""
    if tokens and _never_a_verb(tokens[0]):
        return None
    index = 0
    while index < len(tokens) and (
        tokens[index].dep_ in {"neg", "advmod", "aux"}
        or tokens[index].lower_
        in {"never", "not", "just", "also", "please", "has", "have", "hasn't", "haven't", "had"}
    ):
        if tokens[index].tag_.startswith("VB") and tokens[index].dep_ != "aux":
            break
        index += 1
    if index >= len(tokens):
        return None
    token = tokens[index]
    if index + 1 < len(tokens) and tokens[index + 1].like_num and token.text[:1].isupper():
        return None  # "Progress 8": a name with a number
    if token.tag_ == "VBG" and index == 0 and len(tokens) == 2:
        return None  # "learning walk": a noun with a gerund in front
    if (
        index == 0
        and len(tokens) == 2
        and token.tag_ in {"VB", "VBP"}
        and tokens[1].tag_ == "NN"
        and token.lower_ in nlp.lemma_index().get("noun", frozenset())
        and tokens[1].lower_ in COMPOUND_HEADS
    ):
        return None  # "start date", "start rate": a noun before a noun, not "starting date"
    if (
        len(tokens) == 1
        and token.tag_ == "VBZ"
        and token.lemma_ in nlp.lemma_index().get("noun", ())
    ):
        return None  # "slides": a plural noun
    if (
        index == 0
        and token.tag_ == "VBN"
        and token.dep_ == "amod"
        and token.head.i == token.i + 1
        and token.head.pos_ == "NOUN"
    ):
        return None  # "written exercise": the participle describes the noun after it
    aux = tokens[:index]
    if token.tag_ == "VBN" and any(t.lower_.startswith(("has", "have", "had")) for t in aux):
        return "perfect"
    if token.tag_ in {"VBD", "VBN"} and (token.dep_ == "ROOT" or index == 0):
        return "past"
    if token.tag_ == "VBZ":
        return "present"
    if token.tag_ == "VB" or (token.tag_ == "VBP" and index == 0):
        return "base"
    if token.tag_ == "VBG" and token.dep_ == "ROOT":
        return "gerund"
    return None


FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})


def _headline(tokens: list[Any]) -> Piece | None:
    """ "float pool overused", "revenue flat", "Progress 8 below national average":
    a noun phrase and its predicate with the verb "be" left out."""
    nouns = nlp.lemma_index().get("noun", frozenset())
    adjectives = nlp.lemma_index().get("adj", frozenset())
    for index, token in enumerate(tokens[1:], 1):
        before = tokens[index - 1]
        noun_before = before.pos_ in {"NOUN", "PROPN", "NUM"} or (
            before.tag_ == "VBZ" and before.lemma_ in nouns
        )
        if not noun_before:
            continue
        regular = token.lower_.endswith(("ed", "en"))
        if token.tag_ == "VBN" and regular and token.lemma_.casefold() in INTRANSITIVE:
            # "wedding party of 30 arrived": a verb without an object is a past tense the
            # tagger misread, never a headline's passive ("is arrived")
            doc = token.doc
            subject = doc[tokens[0].i : tokens[index - 1].i + 1].text
            return Piece(
                doc[tokens[0].i : tokens[-1].i + 1].text, Form.CLAUSE, subject, False, "past"
            )
        if (
            # "…area had 15 recorded near-misses": a participle beside a finite verb is
            # an adjective, no "is" is missing
            (token.tag_ == "VBN" and regular and not any(t.tag_ in FINITE_TAGS for t in tokens))
            or (token.pos_ == "ADJ" and token.i == tokens[-1].i)
            # "croissants inconsistent on weekends", "night roster hard to fill": an
            # adjective with its complement right after the noun
            or (
                (token.pos_ == "ADJ" or (token.pos_ == "ADV" and token.lower_ in adjectives))
                and token.lower_ not in HEADLINE_ADVERBS
                and index + 1 < len(tokens)
                and tokens[index + 1].tag_ in {"IN", "TO"}
                and not any(t.tag_ in FINITE_TAGS for t in tokens)
            )
            # "drivers leaving for Dublin Bus": a gerund after a plural noun it describes
            or (
                token.tag_ == "VBG"
                and token.dep_ == "acl"
                and before.tag_ in {"NNS", "NNPS"}
                and index + 1 < len(tokens)
                and not any(t.tag_ in FINITE_TAGS for t in tokens)
            )
            # "BOPIS orders late": a last word the tagger read as an adverb that the
            # lexicon knows as an adjective ("only" is no predicate: "… with the MLS only").
            or (
                token.pos_ == "ADV"
                and token.i == tokens[-1].i
                and token.lower_ not in HEADLINE_ADVERBS
                and token.lower_ in adjectives
                and not any(t.tag_ in FINITE_TAGS for t in tokens)  # "were 3 months behind"
            )
            or (token.pos_ == "ADV" and index + 1 < len(tokens) and tokens[index + 1].pos_ == "ADJ")
            # "Facebook page mostly road closures": the page is mostly road closures
            or (
                token.lower_ in HEADLINE_ADVERBS
                and index + 1 < len(tokens)
                and tokens[index + 1].pos_ in {"NOUN", "PROPN", "ADJ", "NUM"}
            )
            or (
                token.lower_ in PREDICATE_PREPS
                and index + 1 < len(tokens)
                and (
                    tokens[index + 1].like_num
                    or any(t.lower_ in BENCHMARKS for t in tokens[index + 1 :])
                )
            )
            # "loyalty sign-ups down this year", "census up again", "compliance packs behind"
            or (
                token.lower_ in {"up", "down"}
                and index + 1 < len(tokens)
                and tokens[index + 1].lower_ in CHANGE_SINCE
            )
            or (
                token.lower_ in PREDICATE_PREPS
                and index + 1 == len(tokens)
                and not any(t.tag_ in FINITE_TAGS for t in tokens)  # "were hours behind"
            )
        ):
            doc = token.doc
            subject = doc[tokens[0].i : tokens[index - 1].i + 1].text
            head = tokens[index - 1]
            be = "are" if _is_plural(head) else "is"
            rest = doc[token.i : tokens[-1].i + 1].text
            gerund = token.tag_ == "VBG"
            return Piece(
                f"{subject} {be} {rest}",
                Form.CLAUSE,
                subject,
                False,
                "present",
                False,
                headline=True,
                phrase=doc[tokens[0].i : tokens[-1].i + 1].text if gerund else "",
            )
    return None


def _head_noun(tokens: list[Any]) -> Any | None:
    roots = [t for t in tokens if t.dep_ == "ROOT"]
    if roots and roots[0].pos_ in {"NOUN", "PROPN"}:
        return roots[0]
    nouns = [t for t in tokens if t.pos_ in {"NOUN", "PROPN"}]
    return nouns[-1] if nouns else None


def _is_plural(token: Any) -> bool:
    if token is None:
        return False
    if token.text.isupper():
        return False  # "TMS", "HCAHPS": an acronym, not a plural
    if token.tag_ in {"NNS", "NNPS"}:
        return True
    lower = token.lower_
    return (
        token.tag_ in {"VBZ", "NNP"}
        and lower.endswith("s")
        and not lower.endswith(("ss", "us", "is"))
        and token.lemma_.casefold() != lower
    )


def plural(noun: str) -> bool:
    """Whether a noun phrase is plural ("Alaris pumps": yes; "the CAUTI bundle": no)."""
    piece = read(noun)
    if piece.form not in {Form.NOUN, Form.NAME}:
        return False
    if piece.plural:
        return True
    try:
        tokens = [t for t in nlp.parse(noun) if not t.is_space]
    except nlp.NlpUnavailable:
        return False
    # "cost and service improvements": the head stops at "and", the phrase's root does not.
    root = next((t for t in tokens if t.dep_ == "ROOT"), None)
    if root is None:
        return False
    # "the busy classroom and 2 kids with high needs": two things, whatever each one is
    if any(c.dep_ == "cc" and c.lower_ in {"and", "&"} for c in root.children) and any(
        c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"} for c in root.children
    ):
        return True
    return root.i == tokens[-1].i and root.tag_ in {"NNS", "NNPS"}


# --------------------------------------------------------------------------------------
# Conversions
# --------------------------------------------------------------------------------------


# A subjectless note opening with a negated auxiliary: "doesn't want to be the one checking".
NEGATED_AUX = re.compile(
    r"^(?:do|does|did|is|was|are|were|can|could|have|has|had|wo)n['’]t\b", re.IGNORECASE
)
# A pronoun subject and its verb inside what was read as a noun phrase.
EMBEDDED_CLAUSE = re.compile(r"\b(?:they|she|he|we)\s+(?!and\b|or\b)[a-z]+", re.IGNORECASE)


def topic(piece: Piece, *, voice: Voice = Voice.YOU, article: str = "the") -> str | None:
    """A noun phrase to follow "about" / "on", or None.

    Reporting verbs go ("Discussed X" -> X), stances give their object ("He cares about
    X" -> X), a verb phrase becomes a gerund, a singular countable noun gets `article`,
    and pronouns are resolved for `voice`. A clause other than those has no noun form.
    """
    if not piece.usable or piece.form is Form.NUMBER or NEGATED_AUX.match(piece.text):
        return None  # "doesn't want to be the one checking" names no topic
    if piece.form is Form.CLAUSE and piece.phrase:
        return _with_article_if_needed(
            _resolve(_mid_case(piece.phrase, piece.keep), voice), article
        )
    text = piece.text
    stripped = _after_cue(text)
    if stripped is not None:
        inner = replace(read(stripped), keep=piece.keep)
        if inner.usable and inner.form is not Form.CLAUSE and inner.text != text:
            return topic(inner, voice=voice, article=article)
        if inner.usable and inner.form is Form.CLAUSE:
            return None
    parts = _comma_parts(text)
    if len(parts) > 2 and all(len(part.split()) <= 3 for part in parts) and " and " not in text:
        # "pay, truck, on-call": a list of short things, each a noun whatever its tag
        return join([_with_article_if_needed(_mid_case(p, piece.keep), "") for p in parts])
    if piece.form is Form.NAME:
        last = text.split()[-1]
        if len(text.split()) > 1 and last.isalpha() and last.islower():
            # "Cliniko walkthrough", "Pilates cert": a name's thing, which takes "the"
            return _with_article_if_needed(_resolve(text, voice), article)
        return _resolve(text, voice)
    if piece.form is Form.NOUN:
        if EMBEDDED_CLAUSE.search(text):
            return None  # "food cost pastry 34% they want 28": shorthand around a clause
        parts = _noun_parts(text)
        if len(parts) == 1:
            text = parts[0]
        if len(parts) > 1 and " and " not in text and all(len(p.split()) <= 5 for p in parts):
            return join(
                [
                    _with_article_if_needed(_resolve(_mid_case(p, piece.keep), voice), article)
                    for p in parts
                ]
            )
        return _with_article_if_needed(_resolve(_mid_case(text, piece.keep), voice), article)
    if piece.form is Form.VERB:
        if len(text.split()) == 1:
            return _mid_case(text, piece.keep)  # "reefer": one word is a noun here
        if _noun_after_all(text):
            words = text.split()
            nouns = nlp.lemma_index().get("noun", frozenset())
            if (
                article
                and len(words) == 2
                and words[1].casefold() in PARTICLES
                and words[0].casefold() in nouns
            ):
                return f"{article} {_mid_case(text, piece.keep)}"  # "the ride along"
            return _with_article_if_needed(_resolve(_mid_case(text, piece.keep), voice), article)
        return _gerund(piece, voice)
    return None


def _proper_start(text: str) -> bool:
    try:
        doc = nlp.parse(text)
    except nlp.NlpUnavailable:
        return False
    return bool(len(doc)) and doc[0].pos_ == "PROPN" and doc[0].text[:1].isupper()


PARTICLES = word_set("along up in off out over through around down back")


def _noun_after_all(text: str) -> bool:
    """A note the tagger read as a verb phrase that is the user's noun: "ride along", "paeds
    sim" (no verb the lexicon knows), "Smile Club membership plan" (a name)."""
    words = text.split()
    if len(words) >= 2 and words[0][:1].isupper() and words[1][:1].isupper():
        return True
    first = words[0].casefold()
    verbs = nlp.lemma_index().get("verb", frozenset())
    if (
        verb_lemma_of(first) is None
        and _base_of(first, verbs) is None
        and not first.endswith(("ed", "ing"))  # "titrated drips": a verb the lexicon lacks
    ):
        return True
    if len(words) == 2 and words[1].casefold() in PARTICLES:
        return True
    # "damp in the flats", "review of the rota": a word that is a noun too, followed by a
    # preposition rather than an object, is the noun ("damping in the flats" rewrote it).
    nouns = nlp.lemma_index().get("noun", frozenset())
    return (
        len(words) >= 3
        and first in nouns
        and words[1].casefold() in NOUN_PREPOSITIONS
        and words[2].casefold() not in NOUN_PREPOSITIONS  # "check in with parents"
        and not first.endswith(("ed", "ing"))
    )


NOUN_PREPOSITIONS = word_set("in on at of for with from across during between after before")


def _comma_parts(text: str) -> list[str]:
    """A list's parts at its commas, not at one inside brackets ("perio program (SRP,
    Arestin)") or a number's ("1,200")."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth += {"(": 1, ")": -1}.get(char, 0)
        digit_next = text[index + 1 : index + 2].isdigit()
        if char == "," and depth <= 0 and not digit_next:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def _noun_parts(text: str) -> list[str]:
    """The comma parts of a noun note, without a lone modifier: "guest recovery, fast" is
    about fast guest recovery, never "guest recovery and the fast"."""
    parts = _comma_parts(text)
    if len(parts) < 2:
        return parts
    try:
        doc = nlp.parse(text)
    except nlp.NlpUnavailable:
        return parts
    lone = {t.text for t in doc if t.pos_ in {"ADJ", "ADV"}}
    kept = [part for part in parts if not (len(part.split()) == 1 and part in lone)]
    return kept or parts


def subject_noun(piece: Piece, *, voice: Voice = Voice.TEAM) -> str | None:
    """What a change is about: "Peak-season on-time rate fell to 93%" -> "the peak-season
    on-time rate"; "Carrier costs up 12%" -> "carrier costs". None for pronoun subjects."""
    if piece.form is Form.NOUN or piece.form is Form.NAME:
        words = piece.text.split()
        cut = next(
            (i for i, w in enumerate(words) if w.casefold().strip(",") in CHANGE_WORDS), None
        )
        if cut is not None and 0 < cut <= 5:
            return _with_article_if_needed(_mid_case(" ".join(words[:cut]), piece.keep), "the")
        return topic(piece, voice=voice) if len(words) <= 6 else None
    if piece.form is Form.CLAUSE and piece.subject and not piece.pronoun_subject:
        if piece.subject.casefold() in PRONOUN_WORDS:
            return None
        rest = piece.text[len(piece.subject) :].split()
        verb = rest[0].casefold() if rest else ""
        if verb not in CHANGE_WORDS and verb not in {"is", "are", "was", "were"}:
            return None  # "auditors booked 6 adjustments" is not about the auditors
        return _with_article_if_needed(_mid_case(piece.subject, piece.keep), "the")
    return None


def clause(piece: Piece, *, voice: Voice = Voice.YOU, person: str = "") -> str | None:
    """A clause for "that {clause}" / "why {clause}", pronouns resolved for `voice`.

    A subjectless third-person verb phrase ("supports Leeds United") gets its subject:
    `person` in the TEAM voice, "you" in the YOU voice. None when there is no clause.
    """
    if not piece.usable:
        return None
    text = piece.text
    if piece.form is Form.CLAUSE:
        resolved = _resolve_clause(text, voice)
        if piece.subject and not piece.pronoun_subject:
            subject = piece.subject
            if resolved.startswith(subject):
                fixed = _with_article_if_needed(_mid_case(subject, piece.keep), "the")
                resolved = fixed + resolved[len(subject) :]
        return _mid_case(resolved, piece.keep)
    if piece.form is Form.VERB and piece.tense == "present" and not piece.negated:
        subject = "you" if voice is Voice.YOU else (person or "")
        if not subject:
            return None
        body = _to_base(text) if subject == "you" else text
        return f"{subject} {_mid_case(body, piece.keep)}"
    return None


def verb_phrase(piece: Piece, *, tense: str = "base") -> str | None:
    """A verb phrase in `tense` ("base": "titrate drips independently", "past",
    "gerund"), or None when the piece is not one."""
    if piece.form is not Form.VERB or piece.negated:
        return None
    text = _mid_case(_strip_please(piece.text), piece.keep)
    if tense == "base":
        return _to_base(text)
    if tense == "gerund":
        return _to_gerund(text)
    if tense == "past":
        return _to_past(text)
    return text


def duty_phrase(text: str) -> str | None:
    """A posting duty as a base-form verb phrase for "I would {duty}": bullets of a
    posting are imperatives even where the tagger reads "Administer" as a noun."""
    text = re.sub(r"\s*\([^()]*\)", "", " ".join(text.split())).strip().rstrip(".;:")
    if "; " in text:
        # "Lead and train the commis; write the weekly rota": two duties in one sentence
        first, *more = text.split("; ")
        verbs = nlp.lemma_index().get("verb", frozenset())
        if len(more) == 1 and more[0].split(" ")[0].strip(",").casefold() in verbs:
            text = f"{first}, and {more[0][:1].lower()}{more[0][1:]}"
        else:
            text = first
    if not text:
        return None
    piece = read(text)
    if not piece.usable:
        return None
    if piece.form is Form.VERB:
        phrase = verb_phrase(piece, tense="base")
        if phrase:
            return phrase
    words = text.split(" ")
    verbs = nlp.lemma_index().get("verb", frozenset())
    index, changed = 0, False
    while index < len(words):
        bare = words[index].rstrip(",")
        base = _base_of(bare.casefold(), verbs)
        if base is None:
            break
        words[index] = base + words[index][len(bare) :]
        changed = True
        following = words[index + 1].casefold() if index + 1 < len(words) else ""
        if following in {"and", "or", "&"}:
            index += 2
        elif words[index].endswith(","):
            index += 1
        else:
            break
    return " ".join(words) if changed else None


def _base_of(word: str, verbs: frozenset[str]) -> str | None:
    """ "managing" -> "manage", "develops" -> "develop", "lead" -> "lead"; None if no verb."""
    if word in verbs:
        return word
    lemminflect = _lemminflect()
    if lemminflect is None:  # pragma: no cover - pinned in pyproject
        return None
    found = lemminflect.getLemma(word, upos="VERB")
    lemma = str(found[0]) if found else ""
    return lemma if lemma in verbs and lemma != word else None


def personal(piece: Piece) -> tuple[str, str] | None:
    """A personal note addressed to them, as ("noun", "your Columbus half-marathon") or
    ("clause", "you ran the Columbus half-marathon in October"); None when it will not
    read as something said to them (one word, another language, only a pronoun)."""
    if not piece.usable or piece.form is Form.NUMBER or NEGATED_AUX.match(piece.text):
        return None
    head, _, rest = piece.text.partition(", ")
    if rest and (who := read(head)).form is Form.NOUN:
        # "Kaizer Chiefs supporter, they lost on Sat lol": who they are comes first
        found = personal(replace(who, keep=piece.keep))
        if found is not None and found[1].startswith("you're"):
            return found
    first_word = piece.text.split()[0].casefold() if piece.text.split() else ""
    if first_word in KIN_NOUNS and piece.form in {Form.NOUN, Form.CLAUSE}:
        kind = "noun" if piece.form is Form.NOUN else "clause"
        return (kind, "your " + _resolve(_mid_case(piece.text, piece.keep), Voice.YOU))
    if (
        piece.form is Form.CLAUSE
        and piece.pronoun_subject
        and piece.subject.casefold() in {"she", "he", "they"}
    ):
        return ("clause", _first_clause(_resolve_clause(piece.text, Voice.YOU)))
    if piece.form is Form.CLAUSE:
        resolved = _resolve_clause(piece.text, Voice.YOU)
        if resolved.split()[0].casefold() in {"your", "you"}:
            return ("clause", resolved)
        return None
    if _after_cue(piece.text) is not None:
        return None  # "Discussed X", "asked about Y": what was discussed, not personal news
    first = piece.text.split()[0] if piece.text.split() else ""
    if piece.form is Form.VERB and not verb_lemma_of(first.casefold()):
        # "Leeds United season ticket": a name the tagger read as a verb ("leed").
        return ("noun", "your " + piece.text) if len(piece.text.split()) >= 2 else None
    if piece.form is Form.VERB and piece.tense in {"present", "past"} and not piece.negated:
        body = _to_base(piece.text) if piece.tense == "present" else piece.text
        return (
            "clause",
            _first_clause(_resolve_clause(f"you {_mid_case(body, piece.keep)}", Voice.YOU)),
        )
    if piece.form is Form.VERB and piece.tense == "gerund" and len(piece.text.split()) > 1:
        # "going to Disney with his kids in Feb": what they are doing, its "he's" left out.
        body = _mid_case(piece.text, piece.keep)
        return ("clause", _resolve_clause(f"you're {body}", Voice.YOU))
    if piece.form is Form.VERB and piece.tense == "gerund":
        return ("noun", "your " + _mid_case(piece.text, piece.keep))
    if piece.form is Form.NOUN:
        text = _resolve(_mid_case(piece.text, piece.keep), Voice.YOU)
        if text.split()[0].casefold() in {"how", "why", "what", "whether", "if", "when", "where"}:
            return None
        last = re.findall(r"[a-z]+", text.casefold())
        if last and last[-1] in PERSON_NOUNS and not set(last[:-1]) & FAMILY_WORDS:
            # "OU football fan", "ex-teacher": who they are, not something of theirs
            if _proper_start(piece.text):
                text = _resolve(piece.text, Voice.YOU)  # "Leeds fan" keeps its capital
            said = text if plural(text) else _with_article_if_needed(text, "a")
            return ("clause", f"you're {said}")
        if text.split()[0].casefold() in {"your", "the", "a", "an"} or _mass(text):
            return ("noun", text)
        if len(text.split()) >= 2 and not plural(text):
            return ("noun", "your " + text)
        return None
    return None


def _first_clause(text: str) -> str:
    """A note's first clause when a comma runs on into another ("you're into fishing, got
    a tinny you take out off Rockingham"): one thing said to them, not the whole note."""
    head, comma, _ = text.partition(", ")
    return head if comma and len(head.split()) >= 3 else text


WORRY_CUE = re.compile(
    r"^(?:(?:she|he|they)(?:'s|’s)?\s+)?(?:(?:is|was|seemed|seems|still|also|a\s+bit|"
    r"a\s+little|really|very|quite)\s+)*(?:worried|concerned|unsure|skeptical|sceptical|"
    r"hesitant|not\s+sure)\s*(?:about|whether|if|that|on|by)?\s+",
    re.IGNORECASE,
)
_AGAIN = re.compile(r"\s+(?:again|twice|2x)\s*$", re.IGNORECASE)
_FIRST_PERSON_AUX = {"hasn't": "haven't", "has": "have", "is": "am", "isn't": "am not"}


def concern(note: str, *, names: Sequence[str] = ()) -> tuple[str, str] | None:
    """A concern an interviewer signalled, as ("noun", "titrating drips independently")
    for "your question about ..." or ("clause", "I haven't led a migration") for "your
    concern that ...": the cue ("worried about", "asked twice") goes, and a verb phrase
    with no subject is about the candidate. None when nothing in the note fits."""
    for piece in pieces(note, names=names):
        text = WORRY_CUE.sub("", piece.text)
        inner = replace(read(text), keep=piece.keep) if text != piece.text else piece
        if not inner.usable:
            continue
        if inner.form is Form.VERB and (inner.negated or inner.tense == "perfect"):
            first, _, rest = inner.text.partition(" ")
            aux = _FIRST_PERSON_AUX.get(first.casefold(), first.lower())
            return ("clause", f"I {aux} {rest}".strip())
        noun = topic(inner, voice=Voice.YOU)
        if noun:
            return ("noun", _AGAIN.sub("", noun))
        said = clause(inner, voice=Voice.YOU)
        if said:
            return ("clause", said)
    return None


# Words of a slot template that agree with the filler: "Where {does} {term} fit" reads
# "Where does the CAUTI bundle fit" or "Where do Alaris pumps fit".
AGREEMENT = {
    "{is}": ("is", "are"),
    "{does}": ("does", "do"),
    "{has}": ("has", "have"),
    "{was}": ("was", "were"),
    "{it}": ("it", "them"),
    "{its}": ("its", "their"),
}


def _line_capital(text: str) -> bool:
    """ "Dry needling and clinical Pilates certification": the capital is the line's, as
    the next word is lower case and the first is an English word ("Opera PMS" is a name)."""
    words = text.split()
    return (
        len(words) >= 2
        and words[0][:1].isupper()
        and words[0][1:].islower()
        and words[1].islower()
        and _lemma_of(words[0].casefold()) in nlp.english_lemmas()
        # "Magnet redesignation", "Rails monolith": a name and its kind
        and (len(words) >= 3 or words[0].casefold() not in nlp.lemma_index().get("noun", ()))
    )


def fill_slot(template: str, placeholder: str, filler: str, *, quote: bool = False) -> str:
    """A template's slot filled with a term, its article and agreement right:
    "How {is} {term} changing ..." + "CAUTI bundle" -> "How is the CAUTI bundle changing
    ..."; after "your" or "the" no article is added ("your {skill} knowledge")."""
    filler = " ".join(filler.split())
    if not template.startswith(placeholder) and (_sentence_case(filler) or _line_capital(filler)):
        filler = _mid_case(filler)  # "Cold storage warehousing" mid-sentence
    before = template.split(placeholder, 1)[0]
    determined = re.search(r"\b(?:your|the|a|an|my|our|their|its|his|her)\s*$", before, re.I)
    phrase = filler if determined else with_article(filler)
    many = plural(filler)
    if quote:  # a value or slogan: "How does “Patient safety first” show up ..."
        phrase, many = quoted(filler), False
    head, _, tail = template.partition(placeholder)
    # Only the marked words agree with the slot ("{is}", "{it}"): a bare "it" may be the
    # idiom's own ("what would it take"), never the slot's.
    text = head + phrase + tail
    for token, (one, more) in AGREEMENT.items():
        text = text.replace(token, more if many else one)
    return text[:1].upper() + text[1:]


_QUESTION_AUX = {
    "'d": "Would", "would": "Would", "'ll": "Will", "will": "Will", "can": "Can",
    "could": "Could", "should": "Should", "have": "Have", "'ve": "Have", "has": "Have",
    "had": "Had", "am": "Are", "'m": "Are", "is": "Are", "was": "Were", "were": "Were",
    "are": "Are", "do": "Do", "did": "Did",
}  # fmt: skip


def yes_no_question(piece: Piece) -> str | None:
    """A clause about the candidate as the question an interviewer would ask:
    "I'd leave for ICU after a year" -> "Would you leave for ICU after a year?";
    "I haven't used Accela" -> "Have you used Accela?". None for other clauses."""
    text = re.sub(r"^(?:whether|if)\s+", "", piece.text, flags=re.IGNORECASE)
    try:
        doc = nlp.parse(text)
    except nlp.NlpUnavailable:
        return None
    tokens = [t for t in doc if not t.is_space]
    if len(tokens) < 2 or tokens[0].lower_ not in {"i", "you"}:
        return None
    rest = tokens[1:]
    aux = rest[0]
    key = aux.lower_.replace("’", "'").replace("n't", "")
    if key in _QUESTION_AUX:
        words = [t for t in rest[1:] if t.dep_ != "neg" and t.lower_ not in {"not", "never"}]
        body = "".join(t.text_with_ws for t in words).strip()
        if not body:
            return None
        return f"{_QUESTION_AUX[key]} you {body.replace(' I ', ' you ')}?"
    if aux.tag_ in {"VBD", "VBP", "VBZ"}:
        base = _inflect(aux.lemma_, "VB") or aux.lemma_
        tail = "".join(t.text_with_ws for t in rest[1:]).strip()
        lead = "Did" if aux.tag_ == "VBD" else "Do"
        return f"{lead} you {base}{' ' + tail if tail else ''}?"
    return None


def gap(what: str) -> str:
    """A gap the user fills in before sending: "[a detail you discussed with Karen]"."""
    return f"[{what.strip()}]"


def quoted(text: str) -> str:
    """The note as the user's own words."""
    return f"“{' '.join(text.split())}”"


def join(items: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def mid(text: str) -> str:
    """Text to place mid-sentence: the first word lowered unless it is a name."""
    return _mid_case(text)


def with_article(noun: str, article: str = "the") -> str:
    """ "CAUTI bundle" -> "the CAUTI bundle"; names, plurals and mass nouns unchanged."""
    return _with_article_if_needed(noun, article)


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


# "Cares about savings", typed under "cares about" with no one named: the field's own cue.
BARE_CARES = re.compile(r"^(?:cares?|caring)\s+(?:a\s+lot\s+|deeply\s+|most\s+)?about\s+", re.I)


def _after_cue(text: str) -> str | None:
    for pattern in (REPORTING, STANCE, BARE_CARES):
        match = pattern.match(text + " ")
        if match and match.end() < len(text) + 1:
            rest = (text + " ")[match.end() :].strip()
            return rest or None
    return None


def _strip_please(text: str) -> str:
    return re.sub(r"^please\s+", "", text, flags=re.IGNORECASE)


# Words that open a fronted time or place ("In 2023", "Last March") and are never a name.
FRONTING_WORDS = word_set(
    "in on at during after before since by from over until last this next every each"
)
FRONTED_TIME = re.compile(
    r"(?:\d|Q[1-4]\b|(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday"
    r"|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
)


def _mid_case(text: str, keep: frozenset[str] = frozenset()) -> str:
    """Lower the first word when it is an ordinary English word, never a name or acronym:
    "Auditors booked ..." -> "auditors booked ...", but "Progress 8", "Tour de l'Île",
    "OTIF" and "Dana" keep their capitals."""
    if not text:
        return text
    first, _, rest = text.partition(" ")
    if first == "I" or first.startswith(("I'", "I’")) or not first[:1].isupper():
        return text
    if first in keep:
        return text  # a name the user saved: "Magnet", "Epic"
    if len(first) > 1 and (first.isupper() or any(c.isupper() for c in first[1:])):
        return text
    following = rest.split()[0] if rest else ""
    if first.casefold() in FRONTING_WORDS and FRONTED_TIME.match(following):
        return first.lower() + text[len(first) :]  # "In 2023 our ward…", "Last March the…"
    if (
        following
        and (
            following[:1].isupper()
            or following[:1].isdigit()
            or following in {"de", "du", "la", "of", "van", "von"}
        )
        and following != "I"
    ):
        return text  # a name in title case, or "Progress 8"
    head = re.split(r"[-’'.]", first)[0].casefold()
    english = nlp.english_lemmas()
    common = (
        head in FUNCTION_WORDS
        or head in PRONOUN_WORDS
        or (bool(english) and _lemma_of(head) in english)
    )
    if not common:
        return text
    try:
        doc = nlp.parse(text)
        token = next((t for t in doc if not t.is_space), None)
        if token is not None and token.ent_type_ == "PERSON":
            return text
    except nlp.NlpUnavailable:
        pass
    return first[:1].lower() + first[1:] + (" " + rest if rest else "")


def _mass(text: str) -> bool:
    head = re.findall(r"[A-Za-z]+", text.split(" with ")[0].split(" in ")[0])
    if not head:
        return False
    last = head[-1].casefold()
    return last in MASS_NOUNS or last.endswith(MASS_SUFFIXES) or last.endswith("s")


def _with_article_if_needed(noun: str, article: str) -> str:
    """Add `article` to a singular countable common noun phrase that has no determiner."""
    if not noun or not article:
        return noun
    words = noun.split()
    first = words[0].casefold()
    if first in DETERMINER_LIKE:
        return noun
    if (words[0][:1].isdigit() or first in {"zero", "one", "two", "three", "four", "five"}) and (
        article != "a" or len(words) < 3 or words[1].casefold() in {"of", "out", "in", "/"}
    ):
        return noun  # "5 of 6 at expected level" is a count, never "a 5 of 6"
    try:
        doc = nlp.parse(noun)
    except nlp.NlpUnavailable:
        return noun
    tokens = [t for t in doc if not t.is_space]
    if (
        tokens
        and tokens[0].tag_ in {"VBG"}
        and tokens[0].i == 0
        and len(tokens) > 1
        and tokens[1].pos_ in {"DET", "PRON", "NOUN", "PROPN", "ADP"}
        and tokens[-1].pos_ != "NOUN"
    ):
        return noun  # a gerund phrase: "titrating drips"
    head = _phrase_head(tokens)
    if head is None:
        last = tokens[-1] if tokens else None
        nouns = nlp.lemma_index().get("noun", frozenset())
        if last is None or last.lower_ not in nouns or last.text[:1].isupper():
            return noun
        head = last
    if head.tag_ in {"NNS", "NNPS"} or _is_plural(head):
        return noun
    lower = head.lower_
    if lower in MASS_NOUNS or lower.endswith(MASS_SUFFIXES):
        return noun
    if head.text[:1].isupper() and (
        head.pos_ == "PROPN" or _lemma_of(lower) not in nlp.english_lemmas()
    ):
        return noun  # a name: "MercuryGate", "Lineage Logistics"
    if head.text.isupper() and len(head.text) > 1:
        return noun  # an acronym: "HCAHPS"
    if (
        all(t.text[:1].isupper() or not t.is_alpha for t in tokens[: head.i + 1])
        and len(tokens) > 1
        # "Edge of Care team": a name's thing, which takes the article
        and not (tokens[-1].is_alpha and tokens[-1].text.islower() and tokens[-1].pos_ == "NOUN")
    ):
        return noun  # "Guest First", "Harrowgate Park": a name in title case
    if article == "a" and _vowel_sound(noun):
        article = "an"
    return f"{article} {noun}"


# Verbs whose bare object is an idiom ("took charge", "made contact", "gave way"), and
# endings of abstract nouns that take no article ("ownership", "action", "freedom").
LIGHT_VERBS = word_set(
    "take make give keep lose gain have get pay catch hold lend find show raise cause draw bear set"
)
ABSTRACT_SUFFIXES = ("ship", "ion", "hood", "dom", "ment", "age")


def with_object_articles(text: str) -> str:
    """A verb phrase typed as a note, its objects given the article notes leave out: "did
    joint visit with police" -> "did a joint visit with police". Only a singular countable
    common noun that is the direct object of a verb and has no determiner, number or
    possessive gets one; names, plurals and mass nouns ("did paperwork") stay as typed."""
    try:
        doc = nlp.parse(text)
    except nlp.NlpUnavailable:
        return text
    starts: list[int] = []
    for token in doc:
        if token.dep_ != "dobj" or token.tag_ != "NN" or not token.text.islower():
            continue
        if token.head.pos_ not in {"VERB", "AUX"}:
            continue
        left = [t for t in token.subtree if t.i <= token.i]
        if any(t.dep_ in {"det", "poss", "nummod", "predet"} or t.like_num for t in left):
            continue
        if any(t.pos_ == "PROPN" or t.text.isupper() for t in left):
            continue
        lower = token.lower_
        if lower in MASS_NOUNS or lower.endswith(MASS_SUFFIXES) or _is_plural(token):
            continue
        if lower.endswith(ABSTRACT_SUFFIXES) or token.head.lemma_.casefold() in LIGHT_VERBS:
            continue  # "took ownership", "took action", "made contact": no article
        if left[0].i <= token.head.i:
            continue
        starts.append(left[0].i)
    if not starts:
        return text
    out = []
    for token in doc:
        if token.i in starts:
            out.append("an " if _vowel_sound(token.text) else "a ")
        out.append(token.text_with_ws)
    return "".join(out)


def _vowel_sound(word: str) -> bool:
    """ "an hour", "an 8-day close", "an RFC", "a unit", "a one-year plan"."""
    first = word.split()[0] if word.split() else ""
    lower = first.casefold()
    if not first:
        return False
    if first[:1].isdigit():
        return lower.startswith(("8", "11", "18")) and not lower.startswith(("110", "111", "112"))
    if first.isupper() and len(first) > 1:
        return first[0] in "AEFHILMNORSX"
    if lower.startswith(("uni", "use", "usu", "uti", "eu", "one", "once")):
        return False
    if lower.startswith(("hour", "honest", "honou", "heir")):
        return True
    return lower[:1] in "aeiou"


def _phrase_head(tokens: list[Any]) -> Any | None:
    """The head noun of a noun phrase: the last noun before a preposition or clause."""
    head = None
    for token in tokens:
        if token.pos_ in {"ADP", "SCONJ", "CCONJ"} and head is not None:
            break
        if token.text == "," and head is not None:
            break
        if token.tag_ in {"WDT", "WP"} and head is not None:
            break
        if token.pos_ in {"NOUN", "PROPN"} or token.tag_ in {"NN", "NNS", "NNP", "NNPS"}:
            head = token
        elif (
            token.tag_ in {"VB", "VBP", "VBZ"}
            and token.i == tokens[-1].i
            and token.lemma_.casefold() in nlp.lemma_index().get("noun", frozenset())
        ):
            head = token  # "learning walk": a noun the tagger read as a verb
    return head


def _resolve(text: str, voice: Voice) -> str:
    """Pronouns of a noun phrase for the reader: "their nurse residency program" -> "your
    nurse residency program" (YOU) or "the team's ..." (TEAM)."""
    table = _YOU if voice is Voice.YOU else _TEAM if voice is Voice.TEAM else {}
    words = text.split(" ")
    out = []
    for word in words:
        bare = word.casefold().strip(",.")
        if bare == "i":
            out.append("I" + word[1:])
        elif bare in table:
            replacement = table[bare]
            out.append(replacement + word[len(bare) :])
        else:
            out.append(word)
    return " ".join(out)


def _resolve_clause(text: str, voice: Voice) -> str:
    """A clause's pronouns for the reader, with the verb agreeing with its new subject."""
    try:
        doc = nlp.parse(text)
    except nlp.NlpUnavailable:
        return _resolve(text, voice)
    table = _YOU if voice is Voice.YOU else _TEAM if voice is Voice.TEAM else {}
    out: list[str] = []
    fix_verb_for: str | None = None
    for token in doc:
        lower = token.lower_
        word = token.text
        if lower == "i":
            word = "I"
        elif lower in table and token.tag_ in {"PRP", "PRP$"}:
            if lower == "her" and token.dep_ in {"dobj", "pobj", "dative"}:
                word = "you" if voice is Voice.YOU else "her"
            else:
                word = table[lower]
            if token.dep_ in {"nsubj", "nsubjpass"}:
                fix_verb_for = word
            if token.i == 0:
                word = word
        elif (
            fix_verb_for
            and token.tag_ in {"VBZ", "VBP", "VBD", "MD"}
            and (token.dep_ in {"ROOT", "aux", "auxpass", "ccomp", "relcl", "conj", "advcl"})
        ):
            word = _agree(token, fix_verb_for)
            fix_verb_for = None
        out.append(word + token.whitespace_)
    return "".join(out).strip()


def _agree(token: Any, subject: str) -> str:
    """The verb form for a new subject: you/they -> "are", "have", "care"; the team ->
    "is", "has", "cares"."""
    lower = token.lower_
    plural_subject = subject in {"you", "they", "we"}
    text = str(token.text)
    if token.tag_ == "MD":
        return text
    if lower in {"'s", "’s"}:
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if token.lemma_ == "have" or (following is not None and following.tag_ == "VBN"):
            return "'ve" if plural_subject else "'s"
        return "'re" if plural_subject else "'s"
    if lower in {"'re", "’re"}:
        return "'re" if plural_subject else "'s"
    if token.tag_ == "VBD":
        if lower == "was" and plural_subject:
            return "were"
        if lower == "were" and not plural_subject:
            return "was"
        return text
    if plural_subject:
        if lower in {"is"}:
            return "are"
        if lower == "isn't":
            return "aren't"
        return _inflect(_verb_lemma(token), "VBP") or text
    if lower in {"are", "'re"}:
        return "is"
    if lower == "aren't":
        return "isn't"
    return _inflect(_verb_lemma(token), "VBZ") or text


@cache
def _lemminflect() -> Any:
    """English verb inflection ("titrated" -> "titrating"; pinned in pyproject), loaded on
    first use: its tables take a few seconds to read, once per process."""
    try:
        import lemminflect  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - pinned in pyproject
        return None
    return lemminflect


def _verb_lemma(token: Any) -> str:
    """A verb's lemma, also when the tagger took a capitalised verb for a name ("Ran")."""
    verbs = nlp.lemma_index().get("verb", frozenset())
    lemma = str(token.lemma_).casefold()
    lemminflect = _lemminflect()
    # The verb's own lemma first: the tagger's can be a noun's that is also a verb
    # ("hates" -> "hat"), and "she hates" then became "you hates".
    found = lemminflect.getLemma(token.lower_, upos="VERB") if lemminflect else ()
    if found and (str(found[0]) in verbs or lemma not in verbs):
        return str(found[0])
    return lemma


@lru_cache(maxsize=4096)
def _inflect(lemma: str, tag: str) -> str | None:
    lemminflect = _lemminflect()
    if lemminflect is None:  # pragma: no cover - pinned in pyproject
        return None
    forms = lemminflect.getInflection(lemma, tag)
    if not forms:
        return None
    if lemma == "be" and tag == "VBP":
        return "are"
    return str(forms[0])


def verb_lemma_of(word: str) -> str | None:
    """The verb a word is a form of ("managed" -> "manage"), or None when the lexicon does
    not know it as a verb."""
    verbs = nlp.lemma_index().get("verb", frozenset())
    lemminflect = _lemminflect()
    if lemminflect is None:  # pragma: no cover - pinned in pyproject
        return None
    lowered = word.casefold()
    found = lemminflect.getLemma(lowered, upos="VERB", lemmatize_oov=False)
    lemma = str(found[0]) if found else ""
    return lemma if lemma and (lemma in verbs or lowered in verbs) else None


def inflect(lemma: str, tag: str) -> str | None:
    """A verb lemma in a Penn tag's form ("manage", "VBG" -> "managing")."""
    return _inflect(lemma, tag)


def _to_base(text: str) -> str:
    """ "Manages and develops staff" -> "manage and develop staff": leading verbs only."""
    return _map_leading_verbs(text, "VB")


def _to_gerund(text: str) -> str:
    return _map_leading_verbs(text, "VBG")


def _to_past(text: str) -> str:
    return _map_leading_verbs(text, "VBD")


_VERB_FORM = {"VB": "base", "VBP": "base", "VBZ": "s", "VBD": "past", "VBN": "past", "VBG": "ing"}


def _map_leading_verbs(text: str, tag: str) -> str:
    """Re-inflect the verb that opens a verb phrase, and the verbs coordinated with it:
    "Monitors X and escalates Y" -> "monitoring X and escalating Y" (tag VBG)."""
    try:
        doc = nlp.parse(text)
        lowered = _imperative_reading(text, doc)
        if lowered is not None:
            doc = nlp.parse(lowered)
    except nlp.NlpUnavailable:
        return text
    changed: set[int] = set()
    out: list[str] = []
    opening = True
    for token in doc:
        word = token.text
        is_verb = token.tag_.startswith("VB") and token.dep_ not in {"aux", "auxpass", "amod"}
        leads = opening and is_verb
        # "Run the section: plated desserts, petits fours" and "follow the recipes and
        # plating guides": a word in another verb form after the lead is no second verb
        coordinated = (
            is_verb
            and token.dep_ == "conj"
            and token.head.i in changed
            and _VERB_FORM.get(token.tag_) == _VERB_FORM.get(doc[min(changed)].tag_)
        )
        if leads or coordinated:
            if token.tag_ == tag:
                word = token.text  # already in the wanted form: "ran" stays "ran"
            else:
                word = _inflect(_verb_lemma(token), tag) or token.text
            changed.add(token.i)
        following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
        joins = following in {"and", "or", ",", "&"}
        if leads or coordinated:
            # "loves birdwatching": the verb's own object stays; only "X and Y" continues.
            opening = opening and joins
        elif opening and not (token.tag_ == "RB" or token.lower_ in {"and", "or", ",", "&"}):
            opening = False
        out.append(word + token.whitespace_)
    return "".join(out).strip()


def _gerund(piece: Piece, voice: Voice) -> str | None:
    """A verb phrase as the noun "titrating drips independently"; a negated one ("never
    used Kronos") has none, and neither has a perfect ("hasn't led a migration")."""
    if piece.negated or piece.tense == "perfect":
        return None
    text = _strip_please(piece.text)
    return _resolve(_mid_case(_to_gerund(text), piece.keep), voice)
