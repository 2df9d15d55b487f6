"""First drafts of two second-round staples, built only from facts the candidate saved.

"What have you learned about us so far?" and "How would you proceed if you were hired into
this job?" are answered from the research profile, the round-1 debrief and the posting.
No language model: each answer is a fixed sequence of slots (SLOTS below), each slot fills
a template from TEMPLATES with the saved facts' own words, and every sentence records the
keys of the facts it used so the app can link back to them.

Rules the code keeps:

* Never invent: a fact's text appears in its sentence as saved (only its first letter may
  be lowered when it is an ordinary word, and a closing full stop dropped). Templates carry
  no claims about the company.
* Fit the spoken length: about 60-90 seconds at 150 words per minute. Each slot has a
  priority; when the draft runs past MAX_WORDS the lowest-priority sentences go first.
* Do not pad: connecting sentences (opening, closing, the 90-day sentence) appear only
  when enough facts carry the answer; what is missing is said in `missing` instead.
* Read the fact's grammar from its first words (`_shape`): "Opened a hub ..." continues
  "{company} recently ...", "Night turnover is high" follows "that ...", "Oracle OTM" is a
  noun and goes in a list. Templates exist for each shape a slot accepts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

from secondround.engine.nlp import parsing as nlp
from secondround.engine.nlp import phrasing
from secondround.engine.nlp.challenges import Challenge, Shape, read_challenge
from secondround.engine.nlp.entities import NAME_ASIDE, EntityIndex, Kind, entity_index
from secondround.engine.nlp.phrasing import Voice
from secondround.engine.nlp.proper_words import capitalise_proper_words

# --------------------------------------------------------------------------------------
# Data tables: edit these rather than the code below.
# --------------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    """A word table written as one block of text, easier to edit than a list literal."""
    return frozenset(text.split())


FACT_KINDS = (
    "industry",
    "product",
    "launch",
    "competitor",
    "press",
    "value",
    "social",
    "takeaway",
    "challenge",
    "term",
    "concern",
    "responsibility",
)

SPEAKING_WORDS_PER_MINUTE = 150
# 60-90 seconds spoken; a draft shorter than the minimum gets a "add more" hint.
MIN_WORDS = 150
MAX_WORDS = 225
# A note longer than this is a paragraph, not something to say in one breath.
MAX_FACT_WORDS = 35
# Connecting sentences (opening, closing) only frame an answer with this many fact sentences.
MIN_FACT_SENTENCES_FOR_FRAME = 2
# A slot never drops below this priority: the opening and closing frame everything else.
KEEP = 10

LEARNED_QUESTION = "What have you learned about us so far?"
PROCEED_QUESTION = "How would you proceed if you were hired into this job?"

# How many facts of each kind one answer may use; the first ones given win, so the app
# passes press items and launches newest first.
PER_KIND_LIMIT: dict[str, int] = {
    "industry": 1,
    "product": 3,
    "launch": 2,
    "competitor": 3,
    "press": 2,
    "value": 3,
    "social": 1,
    "takeaway": 1,
    "challenge": 2,
    "term": 3,
    "concern": 1,
    "responsibility": 3,
}
# A value longer than this is a slogan, not a noun to follow "your emphasis on".
MAX_VALUE_WORDS = 4
# The posting's duties are long; stop listing them when together they pass this many words.
MAX_DUTY_WORDS = 30
# A duty said after "where I would" is at most this long, else it is left to the plan.
MAX_DUTY_PHRASE_WORDS = 16
# A competitor or a term longer than this is a note, not a name.
MAX_NAME_WORDS = 6

# Every sentence is one of these with facts in the braces. Keys are "slot.shape".
TEMPLATES: dict[str, str] = {
    # What have you learned about us so far?
    "business.noun": "From my research, {company} works in {industry}",
    "business.article": "From my research, {company} is {industry}",
    "business.clause": "From my research, I understand that {industry}",
    "business.voice": "From my research, here is how {company} describes itself: {industry}",
    "business.products": ", and its main products and services include {products}",
    "business.products_only": (
        "From my research, {possessive} main products and services include {products}"
    ),
    "launch.did": "I saw that {company} recently {launch}",
    "launch.was": "I saw that {company} was recently {launch}",
    "launch.doing": "I saw that {company} is {launch}",
    "launch.clause": "I read that {launch}",
    "launch.noun": "I was glad to read about your newest launch, {launch}",
    # "second office opening in Highlands Ranch": not a launch, something new to read about
    "launch.about": "I was glad to read about {launch}",
    "press.title": "I also read the recent article {press}",
    "press.more.title": "Another recent article caught my eye as well, {press}",
    "competitor.noun": (
        "I know you compete with {competitor}, so I paid attention to how {company} "
        "positions itself"
    ),
    "term.one": "I have also read up on {term} and how it fits into your work",
    "term.many": "I have also read up on {term} and how they fit into your work",
    "challenge.lead": "I also took away that {challenge}",
    "challenge.and": ", and that ",
    "value.one": "I was also drawn to one of your values, {value}",
    "value.many": "I was also drawn to your values, {value}",
    "value.motto": "I was also drawn to your motto, {value}",
    "takeaway.clause": (
        "An informational interview with someone at {company} taught me that {takeaway}"
    ),
    "takeaway.noun": (
        "An informational interview with someone at {company} told me about {takeaway}"
    ),
    # No "that": a note like "Instagram posts about X" reads as a clause to the parser and
    # as a noun phrase to people; "I noticed {social}" is English either way.
    "social.clause": "On social media, I noticed {social}",
    "social.noun": "On social media, I noticed {social}",
    # "Facebook page posts flu clinic dates": the platform's page is the subject
    "social.page": "On social media, I noticed that your {social}",
    "learned.closing": (
        "Everything I have learned makes me even more excited about {the_role} and about "
        "helping {company} with what comes next"
    ),
    "learned.empty": (
        "I am still early in my research on {company}, so I would love to hear more from "
        "you about where the business is heading"
    ),
    # How would you proceed if you were hired into this job?
    "proceed.opening": (
        "If I joined {company} as {your_role}, I would spend my first 30 days listening "
        "and learning"
    ),
    "proceed.learn_terms": (
        "That means meeting everyone on the team and the people we work with, and getting "
        "up to speed on {term}"
    ),
    "proceed.learn": (
        "That means meeting everyone on the team and the people we work with, and learning "
        "how the work flows today"
    ),
    "proceed.challenges": (
        "By day 60, I would turn to the challenges you described, starting with {challenge}"
    ),
    "proceed.why": "why ",
    "proceed.duties_do": (
        "I would also focus on the core of the role as posted, where I would {responsibility}"
    ),
    "proceed.concern_noun": (
        "I know {concern} came up as a question, so I would address it openly in my first weeks"
    ),
    "proceed.concern_clause": (
        "I also heard your concern that {concern}, so I would address it openly in my first weeks"
    ),
    "proceed.wins_measured": (
        "By day 90, I would aim for a few quick wins and agree with you on how we measure "
        "success, for example through {term}"
    ),
    "proceed.wins": (
        "By day 90, I would aim for a few quick wins and agree with you on how we measure success"
    ),
    "proceed.closing": (
        "Throughout, I would check in with you often, so my priorities stay aligned with "
        "what {company} needs most"
    ),
    "proceed.empty": (
        "I would start by listening and learning, and I would like to hear more about the "
        "role's priorities before I commit to a plan"
    ),
}

# Plain advice, keyed by what is missing.
MISSING_ADVICE: dict[str, str] = {
    "industry": "Add the company's industry and who its customers are, to say what it does.",
    "product": (
        "Add the company's products or a recent launch to say what you learned about its business."
    ),
    "news": "Add a recent launch or press item to show you follow what is new at the company.",
    "competitor": (
        "Add one or two competitors to show you know where the company stands in its market."
    ),
    "debrief": (
        "Add the business terms and the role's challenges from your round-1 debrief to show "
        "what you took away from the first interview."
    ),
    "culture": (
        "Add the company's values, social media notes or an informational-interview takeaway "
        "to show why the culture suits you."
    ),
    "challenge": (
        "Add the role's challenges from your round-1 debrief so your first priorities address "
        "real problems."
    ),
    "responsibility": (
        "Paste the job posting so its top responsibilities can become your first priorities."
    ),
    "term": (
        "Add the business terms, systems or products you heard in round 1 so your learning "
        "plan names them."
    ),
    "short": "Add more detail from your research and debrief to reach about 60 seconds.",
    "long": "Shorten this note to one sentence so it fits a spoken answer: {source}.",
}

# "{company} was recently named one of ...".
PASSIVE_VERBS = _words(
    "named ranked awarded recognized recognised listed featured certified accredited rated "
    "voted honored honoured selected chosen designated included profiled"
)
# The company's own voice, pasted from its site: "We run 14 schools". Quoted after a colon,
# never turned into "I understand that we run ...".
COMPANY_VOICE = _words("we we're we've we'll our ours us")
# The head of an industry that is a field, not a thing one is: "works in general dentistry",
# never "is a general dentistry" (countable organisations take "is a": "a community pharmacy").
FIELD_HEADS = _words(
    "dentistry medicine healthcare hospitality retail construction manufacturing education "
    "banking insurance nursing physiotherapy therapy optometry law accounting agriculture "
    "aviation mining energy transport transportation trucking catering farming fishing "
    "forestry tourism publishing media technology telecoms telecommunications childcare "
    "eldercare software logistics finance engineering consulting research care services"
)
# The head of an industry that is a kind of organisation, which the company is one of:
# "is an accountancy practice", "is a regional bank", "is a charitable foundation".
ORGANISATION_HEADS = _words(
    "practice firm clinic bank hospital school pharmacy company trust council agency charity "
    "foundation association institution organisation organization corporation cooperative "
    "co-op partnership consultancy contractor manufacturer distributor retailer wholesaler "
    "restaurant hotel inn cafe bakery brewery winery store shop chain franchise startup "
    "insurer lender university college academy nursery studio gym centre center provider "
    "operator carrier broker publisher newspaper station laboratory lab surgery"
)
# A date said after a launch: "spring 2027", "July 2026", "Q3 2025", "2024".
DATE = (
    r"(?:(?:early|late|mid)[- ])?(?:(?:spring|summer|autumn|fall|winter|jan(?:uary)?|"
    r"feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|Q[1-4]) )?(?:19|20)\d\d"
)
# "..., spring 2027" at the end of a noun: said "in spring 2027".
TRAILING_DATE = re.compile(rf",\s*({DATE})$", re.IGNORECASE)
LOOSE_TRAILING_DATE = re.compile(rf"\s+({DATE})$", re.IGNORECASE)
# "started spring 2026", "launched July 2026", "starts February": a verb and a bare date
# want "in" ("may" is left alone: it is a verb far more often than a month).
BARE_DATE_AFTER_VERB = re.compile(
    rf"\b(\w+(?:ed|s)) ({DATE}|(?:spring|summer|autumn|fall|winter|january|february|march|"
    r"april|june|july|august|september|october|november|december)\b)",
    re.IGNORECASE,
)
MONTHS = re.compile(
    r"\b(?:january|february|april|june|july|august|september|october|november|december)\b"
)
# Words ending like a verb that come before a date without wanting "in".
NOT_VERBS_BEFORE_DATE = _words("its this his hers ours yours theirs was is has as us plus")
# Social platforms as people write them in notes, and as they are spelled.
PLATFORMS = {
    "insta": "Instagram",
    "ig": "Instagram",
    "instagram": "Instagram",
    "fb": "Facebook",
    "facebook": "Facebook",
    "google": "Google",
    "linkedin": "LinkedIn",
    "tiktok": "TikTok",
    "youtube": "YouTube",
    "x": "X",
    "twitter": "Twitter",
}
# "Safe. On time. Friendly.": several sentences on one line are a motto.
MOTTO = re.compile(r"\w[.!]\s+\w")
# A platform's page, which can be the subject of a note: "Facebook page posts flu dates".
PLATFORM_PAGES = _words("page pages profile account feed channel")
# A standard's code ("CSA B149.1", "AS/NZS 1554.1", "NFPA 70E", "ISO 9001"): the rulebook
# the candidate's ticket or licence is built on, not a workplace term to read up on.
STANDARD_CODE = re.compile(r"^[A-Z][A-Z/&]{1,11}[ -]?[A-Z]?\d+(?:[.-]\d+)*[A-Z]?(?:[:-]\d{4})?$")
# A line the user wrote about themselves.
# "we use SAP Ariba at uni", "we have Delphic too": the user's own team is first person too.
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|me|my|mine|we|our|ours)\b|\bi\b", re.I)
# What one reads up on, or gets up to speed on, in a new job: the workplace's own systems
# and equipment ("Galley: recipe costing software they use", "AutoStore") and what it
# sells; never a competitor, a schedule, a trait, a credential or a body ("APC", "CODA").
# A way of working or a body of rules the trade shares ("RFQ", "HACCP", "Bates
# numbering", "Local Government Act 2020") is the candidate's daily work already; a measure
# is measured, not learned; a project is said as news; an ingredient, a room or a grade the
# user explained in the glossary is vocabulary ("Isigny butter", "Control", "ASA grade").
TO_LEARN = frozenset({Kind.TOOL, Kind.PRODUCT})
# A term that names a measure can anchor "how we measure success".
METRIC_HINT = re.compile(
    r"\b(?:rate|rates|score|scores|time|times|miles|cost|costs|margin|turnover|retention"
    r"|accuracy|utili[sz]ation|throughput|yield|occupancy|length of stay|readmissions?"
    r"|attendance|OTIF|KPIs?|SLAs?|NPS|CSAT|HCAHPS|EBITDA|LOS|ROI|AHT|FCR|DSO|MTTR)\b|%",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------------------
# Public types
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    key: str
    kind: str
    text: str
    source: str


@dataclass(frozen=True)
class AnswerSentence:
    text: str
    fact_keys: tuple[str, ...]


@dataclass(frozen=True)
class BuiltAnswer:
    question: str
    sentences: tuple[AnswerSentence, ...]
    missing: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(sentence.text for sentence in self.sentences)

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def spoken_seconds(self) -> int:
        return round(self.words * 60 / SPEAKING_WORDS_PER_MINUTE)


# --------------------------------------------------------------------------------------
# Internal types
# --------------------------------------------------------------------------------------


class _Draft(NamedTuple):
    """A sentence before fitting: lower priority is dropped first when over length."""

    priority: int
    text: str
    keys: tuple[str, ...]


class _Context(NamedTuple):
    company: str
    possessive: str
    role: str
    chosen: dict[str, list[Fact]]  # the first PER_KIND_LIMIT facts of each kind
    pool: dict[str, list[Fact]]  # every usable fact, for slots that skip some
    entities: EntityIndex  # what kind of thing each term is
    names: tuple[str, ...]  # names the user saved, whose capitals are kept
    competitors: frozenset[str]  # folded competitors and the user's own terms: never to learn
    chosen_terms: list[Fact]  # the terms to learn: no competitor, schedule or trait


_Slot = Callable[[_Context], list[_Draft]]


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


def build_learned_answer(
    *,
    company: str,
    role: str,
    facts: Sequence[Fact],
    entities: EntityIndex | None = None,
    names: Sequence[str] = (),
    known: Sequence[str] = (),
) -> BuiltAnswer:
    """A draft of "What have you learned about us so far?" from the saved facts.

    `entities` says what each term is (competitors are never terms to learn); `names`
    keep their capitals mid-sentence; `known` are lines the user wrote about their own work
    (round-1 positives, stories, notes): a term they use in the first person ("MedsCheck
    numbers - I do 8-10/wk") is theirs already, not one to read up on."""
    context, skipped = _context(company, role, facts, entities, names, known)
    drafts = [draft for slot in LEARNED_SLOTS for draft in slot(context)]
    if len(drafts) >= MIN_FACT_SENTENCES_FOR_FRAME:
        drafts.append(_draft(KEEP, "learned.closing", context, {}))
    elif not drafts:
        drafts.append(_draft(KEEP, "learned.empty", context, {}))
    missing = _learned_missing(context.chosen) + skipped
    return _finish(LEARNED_QUESTION, drafts, missing)


def build_proceed_answer(
    *,
    company: str,
    role: str,
    facts: Sequence[Fact],
    entities: EntityIndex | None = None,
    names: Sequence[str] = (),
    known: Sequence[str] = (),
) -> BuiltAnswer:
    """A draft of "How would you proceed if hired?": learn, fix, deliver, measure."""
    context, skipped = _context(company, role, facts, entities, names, known)
    body = [draft for slot in PROCEED_SLOTS for draft in slot(context)]
    opening = _draft(KEEP, "proceed.opening", context, {})
    days_30: list[_Draft] = []
    if body and not any(draft.text.startswith("That means meeting") for draft in body):
        # no system of the workplace's own to name: days 1-30 still say what they are for
        days_30 = [_draft(3, "proceed.learn", context, {})]
    if not body:
        drafts = [_draft(KEEP, "proceed.empty", context, {})]
    elif len(body) < MIN_FACT_SENTENCES_FOR_FRAME:
        # The opening says when; the 90-day and closing sentences would only pad one fact.
        drafts = [opening, *days_30, *body]
    else:
        drafts = [
            opening,
            *days_30,
            *body,
            *_wins_slot(context),
            _draft(KEEP, "proceed.closing", context, {}),
        ]
    missing = _proceed_missing(context.chosen) + skipped
    return _finish(PROCEED_QUESTION, drafts, missing)


# --------------------------------------------------------------------------------------
# Reading facts through the phrasing layer
# --------------------------------------------------------------------------------------


def _first_piece(fact: Fact, names: tuple[str, ...] = ()) -> phrasing.Piece | None:
    for piece in phrasing.pieces(fact.text, names=names):
        if piece.usable:
            return piece
    return None


def _noun(fact: Fact, context: _Context, article: str = "the") -> str | None:
    piece = _first_piece(fact, context.names)
    return phrasing.topic(piece, voice=Voice.YOU, article=article) if piece else None


def _clause(fact: Fact, context: _Context) -> str | None:
    piece = _first_piece(fact, context.names)
    return phrasing.clause(piece, voice=Voice.YOU) if piece else None


def _verb(fact: Fact, context: _Context, tense: str) -> str | None:
    piece = _first_piece(fact, context.names)
    return phrasing.verb_phrase(piece, tense=tense) if piece else None


def _nouns(
    facts: Sequence[Fact], context: _Context, article: str = "the"
) -> tuple[list[str], list[Fact]]:
    said, used = [], []
    for fact in facts:
        noun = _noun(fact, context, article)
        if noun:
            said.append(noun)
            used.append(fact)
    return said, used


def _product_names(products: Sequence[Fact], context: _Context) -> tuple[list[str], list[Fact]]:
    """Products as listed: short category words bare ("furniture, kitchen and seasonal
    decor"), a longer name with its article ("a Level II trauma center")."""
    said, used = [], []
    for fact in products:
        piece = _first_piece(fact, context.names)
        if piece is None:
            continue
        if piece.form is phrasing.Form.VERB and piece.tense in {"base", "present"}:
            # "rest home testing", "work wear": a product line names a thing; read as a
            # verb it became "resting home testing"
            piece = replace(piece, form=phrasing.Form.NOUN)
        short = len(piece.text.split()) < 3
        noun = phrasing.topic(piece, voice=Voice.YOU, article="" if short else "a")
        if noun and not short:
            noun = _product_article(noun)
        if noun:
            said.append(noun.strip())
            used.append(fact)
    return said, used


def _product_article(noun: str) -> str:
    """ "a perio program (SRP + Arestin)", "a CPR in Schools programme": a longer product
    whose head is a singular common noun takes "a", its bracket or its capitals apart."""
    head, bracket, rest = noun.partition(" (")
    words = head.split()
    if words and words[0] in {"a", "an"} and _one_of_a_kind(words[1:]):
        return "the " + noun.split(" ", 1)[1]
    if not words or words[0].casefold() in phrasing.DETERMINER_LIKE:
        return noun
    if _one_of_a_kind(words):
        return "the " + noun
    last = words[-1]
    counted = phrasing.with_article(head, "a")
    if counted == head and len(words) > 1 and words[0][:1].isupper() and last.islower():
        # the parse took it for a name; its lower-case head says it is a name's thing
        mass = last in phrasing.MASS_NOUNS or last.endswith(phrasing.MASS_SUFFIXES)
        if last.isalpha() and not phrasing.plural(last) and not mass:
            first = words[0]
            vowel = first[:1] in "AEFHILMNORSX" if first.isupper() else first[:1] in "aeiouAEIOU"
            counted = ("an " if vowel else "a ") + head
    return counted + bracket + rest


def _one_of_a_kind(words: Sequence[str]) -> bool:
    """ "Maison Belvédère restaurant": a coined name and a singular common noun, the
    name's own place, of which there is one ("the"); "CPR in Schools programme" is a kind."""
    name, last = words[:-1], words[-1] if words else ""
    english = nlp.english_lemmas()
    return (
        bool(name)
        and all(w[:1].isupper() for w in name)
        and any(not w.isupper() and w.casefold() not in english for w in name)
        and last.isalpha()
        and last.islower()
        and not phrasing.plural(last)
    )


def _is_name(fact: Fact, context: _Context) -> bool:
    """A name or short noun phrase ("Lineage Logistics"), not a sentence or a paste."""
    text = _bare(fact.text)
    if not text or "\n" in text or len(text.split()) > MAX_NAME_WORDS:
        return False
    return phrasing.read(text).form in {phrasing.Form.NAME, phrasing.Form.NOUN}


def _join_items(items: Sequence[str]) -> str:
    """ "chutes and liners, and platforms and walkways": an item with its own "and" keeps
    the list's commas, where "chutes and liners and platforms and walkways" runs together."""
    # "perio program (SRP and Arestin)": an "and" inside brackets is the item's own aside
    # ("a heart and vascular institute and a trauma center": the article keeps them apart)
    if len(items) > 1 and any(
        " and " in re.sub(r"\([^)]*\)", "", item)
        and item.split()[0].casefold() not in phrasing.DETERMINER_LIKE
        for item in items
    ):
        return ", ".join(items[:-1]) + ", and " + items[-1]
    return phrasing.join(items)


def _industry_head(industry: str) -> str:
    words = re.findall(r"[A-Za-z]+", re.split(r" (?:with|in|for|of) ", industry)[0])
    return words[-1].casefold() if words else ""


def _organisation(industry: str) -> bool:
    """ "accountancy practice", "regional bank": a kind of organisation, which one is."""
    words = industry.split()
    first = words[0].casefold() if words else ""
    return _industry_head(industry) in ORGANISATION_HEADS and first not in phrasing.DETERMINER_LIKE


def _a(noun: str) -> str:
    return ("an " if noun[:1].casefold() in "aeiou" else "a ") + noun


def _field(industry: str) -> bool:
    """Is this industry a field one works in ("general dentistry", "emergency ambulance
    service") rather than a kind of organisation one is ("a community pharmacy")?"""
    last = _industry_head(industry)
    if not last or last in ORGANISATION_HEADS:
        return False
    return (
        last in FIELD_HEADS
        or last.endswith(("try", "ics", "tion", "ment"))
        or phrasing.plural(last)
    )


def _is_are(nouns: Sequence[str]) -> str:
    # "callbacks on heat pump installs": the number is the head's, before its preposition
    head = re.split(r" (?:on|in|of|for|with|at|from|to|over|under) ", nouns[0])[0] if nouns else ""
    return "are" if len(nouns) > 1 or (head and phrasing.plural(head)) else "is"


# --------------------------------------------------------------------------------------
# Learned-answer slots, in speaking order
# --------------------------------------------------------------------------------------


def _business_slot(context: _Context) -> list[_Draft]:
    """What the company does ("works in ..." or "is a ...") and what it sells."""
    industry = context.chosen["industry"][:1]
    products = context.chosen["product"]
    text, keys = "", tuple[str, ...]()
    if industry:
        fact = industry[0]
        piece = _first_piece(fact, context.names)
        if piece is not None and piece.text.split()[0].casefold() in COMPANY_VOICE:
            text = _fill("business.voice", context, industry=phrasing.quoted(fact.text.strip()))
        elif piece is not None:
            piece = phrasing.read(piece.text.split(", ")[0])
            counted = phrasing.topic(piece, voice=Voice.YOU, article="a")
            plain = phrasing.topic(piece, voice=Voice.YOU, article="")
            clause = phrasing.clause(piece, voice=Voice.YOU)
            if plain and _organisation(plain):
                text = _fill("business.article", context, industry=_a(plain.strip()))
            elif counted and plain and counted != plain.strip() and not _field(plain):
                text = _fill("business.article", context, industry=counted)
            elif plain:
                text = _fill("business.noun", context, industry=plain.strip())
            elif clause:
                text = _fill("business.clause", context, industry=clause)
        if text:
            keys = (fact.key,)
    industry_words = (
        set(_bare(industry[0].text).casefold().split(", ")[0].split()) if industry else set()
    )
    # "emergency ambulance" beside "works in emergency ambulance service": the sector
    # again, not one of its services
    products = [
        fact for fact in products if not set(_bare(fact.text).casefold().split()) <= industry_words
    ]
    said, used = _product_names(products, context)
    if said:
        tail = "business.products" if text else "business.products_only"
        text += _fill(tail, context, products=_join_items(said))
        keys += tuple(fact.key for fact in used)
    return [_Draft(KEEP, text + ".", keys)] if text else []


def _launch_slot(context: _Context) -> list[_Draft]:
    """What is new: "{company} recently opened ...", "I read that ...", or its name."""
    for fact in context.chosen["launch"]:
        piece = _first_piece(fact, context.names)
        if piece is None:
            continue
        if piece.form is phrasing.Form.VERB and piece.tense == "base":
            # "cobas 8000 line feb 2027": a launch names a thing, never an order to do one
            piece = replace(piece, form=phrasing.Form.NOUN)
        head = piece.text.split(", ")[0]
        dated = TRAILING_DATE.search(piece.text)
        text = piece.text
        noun_like = piece.form in {phrasing.Form.NOUN, phrasing.Form.NAME}
        if not dated and noun_like and (loose := LOOSE_TRAILING_DATE.search(head)):
            # "new nordic menu march 2027", "33N new route feb 2027, all electric": a date
            # typed straight after the name, its detail after a comma
            dated, text = loose, head
        if dated and piece.form is not phrasing.Form.VERB:
            # "second office opening in Highlands Ranch, spring 2027": the date said with "in"
            noun = _launch_noun(text[: dated.start()], context)
            if noun:
                noun = phrasing.months_in_full(f"{noun} in {dated.group(1)}")
                name = "launch.noun" if noun[:1].isupper() else "launch.about"
                return [_draft(8, name, context, {"launch": noun}, fact)]
            continue
        if _passive_headline(piece.text, context):
            continue  # "Michelin Bib Gourmand listed 2025": who was listed is not said
        if piece.form is phrasing.Form.VERB and piece.tense in {"past", "perfect"}:
            phrase = phrasing.verb_phrase(piece, tense="past")
            if phrase:
                name = (
                    "launch.was"
                    if piece.text.split()[0].casefold() in PASSIVE_VERBS
                    else "launch.did"
                )
                if name == "launch.was":
                    return [_draft(8, name, context, {"launch": phrasing.mid(piece.text)}, fact)]
                return [_draft(8, name, context, {"launch": phrase}, fact)]
        if piece.form is phrasing.Form.VERB and piece.tense == "gerund":
            return [_draft(8, "launch.doing", context, {"launch": phrasing.mid(piece.text)}, fact)]
        clause = phrasing.clause(piece, voice=Voice.YOU)
        if clause:
            clause = BARE_DATE_AFTER_VERB.sub(_date_with_in, clause)
            return [_draft(8, "launch.clause", context, {"launch": clause}, fact)]
        noun = _launch_noun(piece.text, context)
        if noun:
            name = "launch.noun" if noun[:1].isupper() else "launch.about"
            return [_draft(8, name, context, {"launch": noun}, fact)]
    return []


def _date_with_in(match: re.Match[str]) -> str:
    """ "launched July 2026" -> "launched in July 2026"; "its spring 2026 range" stays."""
    if match.group(1).casefold() in NOT_VERBS_BEFORE_DATE:
        return match.group(0)
    return f"{match.group(1)} in {match.group(2)}"


def _launch_noun(text: str, context: _Context) -> str | None:
    """A launch's noun phrase: a name as it is ("ShipTrack"), a common noun with "the"
    ("the second office opening in Highlands Ranch")."""
    piece = phrasing.read(text.strip().rstrip(","))
    noun = phrasing.topic(piece, voice=Voice.YOU)
    # "new nordic menu": the words English always capitalises, which topic() lowered
    noun = capitalise_proper_words(noun) if noun else noun
    if not noun or noun[:1].isupper():
        return noun
    first = noun.split()[0].casefold()
    if first in phrasing.DETERMINER_LIKE or phrasing.plural(noun.split(" in ")[0]):
        return noun
    return f"the {noun}"


def _passive_headline(text: str, context: _Context) -> bool:
    """ "Michelin Bib Gourmand listed 2025": a passive verb after someone other than the
    company, then only a date; which way round it goes is the user's to say."""
    match = re.search(rf"^(.+?) (\w+)(?: in)? {DATE}$", text.strip(), re.IGNORECASE)
    return bool(
        match
        and match.group(2).casefold() in PASSIVE_VERBS
        and context.company.casefold() not in match.group(1).casefold()
    )


def _press_slot(context: _Context) -> list[_Draft]:
    """Press items by their headline, quoted as it was published; its summary after it."""
    drafts = []
    for index, fact in enumerate(context.chosen["press"]):
        title, _, summary = fact.text.partition(": ")
        whole = fact.text.strip()
        head, colon, _ = summary.partition(": ")
        if len(title.split()) < 3 and colon and "@" not in whole:
            # "Ofsted: Kirkdale children's services 'requires improvement': The 2024
            # inspection found ...": the headline's own colon, then the summary's
            title = f"{title}: {head}"
        elif len(title.split()) < 3 and summary and len(whole.split()) <= 16 and "@" not in whole:
            # "Ofsted: Kirkdale children's services 'requires improvement'": a headline's
            # own colon, not one between the title and a summary
            title = whole
        prefix = "press.more" if index else "press"
        values = {"press": phrasing.quoted(title.strip().rstrip("."))}
        drafts.append(_draft(6 - 4 * index, f"{prefix}.title", context, values, fact))
    return drafts


def _competitor_slot(context: _Context) -> list[_Draft]:
    """Where the company stands, said neutrally: who it competes with, nothing about them."""
    # "Aspen Dental (corporate, on Wadsworth)": the name, without the user's aside
    names = [
        replace(fact, text=NAME_ASIDE.sub("", _bare(fact.text)))
        for fact in context.chosen["competitor"]
    ]
    # "Moreland?": a competitor the user was not sure of is not said as a fact
    names = [fact for fact in names if _is_name(fact, context) and "?" not in fact.text]
    if not names:
        return []
    # "hospital lab at Waikato Hospital": a competitor described, not named, takes "the"
    listed = phrasing.join(
        [
            phrasing.with_article(text) if text[:1].islower() else text
            for text in (_bare(fact.text) for fact in names)
        ]
    )
    return [_draft(4, "competitor.noun", context, {"competitor": listed}, *names)]


def _term_slot(context: _Context) -> list[_Draft]:
    """Business terms heard in round 1, never a competitor, minus those said already."""
    terms = _fresh_terms(context)
    if not terms:
        return []
    listed = phrasing.join([_term_name(fact, context) for fact in terms])
    name = "term.one" if len(terms) == 1 and not phrasing.plural(listed) else "term.many"
    return [_draft(7, name, context, {"term": listed}, *terms)]


def _challenge_slot(context: _Context) -> list[_Draft]:
    """The role's challenges: "I also took away that {clause}" or "that {nouns} are real
    challenges for the team"; shorthand that cannot be said aloud is left out."""
    clauses: list[str] = []
    nouns: list[str] = []
    used: list[Fact] = []
    for fact, challenge in _challenges(context)[:2]:
        if challenge.shape is Shape.CLAUSE and challenge.clause:
            clauses.append(challenge.clause)
        elif challenge.noun:
            nouns.append(challenge.noun)
        used.append(fact)
    if nouns:
        said = "are real challenges" if len(nouns) > 1 else f"{_is_are(nouns)} a real challenge"
        clauses.append(f"{_join_items(nouns)} {said} for the team")
    if not clauses:
        return []
    joined = TEMPLATES["challenge.and"].join(clauses)
    return [_draft(9, "challenge.lead", context, {"challenge": joined}, *used)]


def _challenges(context: _Context) -> list[tuple[Fact, Challenge]]:
    """The debrief's challenges that can be said aloud, each read once."""
    out = []
    capitals = _capitalised_words(context)
    # every challenge, so one left out (shorthand, a product) makes room for the next
    for fact in context.pool["challenge"]:
        challenge = read_challenge(fact.text, voice=Voice.YOU, names=context.names)
        if challenge is None or not challenge.spoken:
            continue
        if challenge.shape is Shape.CLAUSE and challenge.clause and not _finite(challenge.clause):
            # "callbacks on heat pump installs" read as a clause: a noun phrase after all,
            # and "I took away that callbacks on heat pump installs" has no verb
            challenge = replace(challenge, shape=Shape.THING, noun=challenge.clause, clause=None)
        challenge = replace(
            challenge,
            noun=_recase(challenge.noun, capitals) if challenge.noun else challenge.noun,
            clause=_recase(challenge.clause, capitals) if challenge.clause else challenge.clause,
        )
        if challenge.shape is Shape.THING and _is_product(challenge.noun or "", context):
            # "perio program - want more pts to accept SRP" cut at its dash: the
            # company's own programme is not the challenge, what it lacks is
            continue
        out.append((fact, challenge))
    return out


def _is_product(noun: str, context: _Context) -> bool:
    bare = re.sub(r"^(?:the|a|an|your|their)\s+", "", noun.strip(), flags=re.I).casefold()
    if not bare:
        return False
    if context.entities.kind(bare) is Kind.PRODUCT:
        return True
    return any(_bare(fact.text).casefold().startswith(bare) for fact in context.pool["product"])


def _capitalised_words(context: _Context) -> dict[str, str]:
    """Words the user capitalises mid-line somewhere ("clinical Pilates studio"): names,
    whose capital a challenge read at the start of its line ("Pilates classes ...") keeps."""
    out: dict[str, str] = {}
    for facts in context.pool.values():
        for fact in facts:
            for word in re.findall(r"(?<=\w )[A-Z][a-z]+\b", fact.text):
                out.setdefault(word.casefold(), word)
    return out


def _recase(text: str, capitals: dict[str, str]) -> str:
    """ "the january self assessment peak" -> "the January ..." ("may" and "march" are
    verbs as often as months: left as typed); "pilates classes" -> "Pilates classes"."""
    text = capitalise_proper_words(MONTHS.sub(lambda m: m.group(0).capitalize(), text))
    # only the word the line began with, which was lowered for being first: "care" mid-line
    # stays as typed even where "Edge of Care team" is a name
    first = re.match(r"((?:the|a|an) )?([a-z]+)\b", text)
    if first and first.group(2) in capitals:
        start = first.start(2)
        text = text[:start] + capitals[first.group(2)] + text[first.end(2) :]
    return text


def _finite(clause: str) -> bool:
    """Does the clause have a finite verb? Without the parse, trust the reading: yes."""
    try:
        doc = nlp.parse(clause)
    except nlp.NlpUnavailable:
        return True
    tokens = [t for t in doc if not t.is_space and not t.is_punct]

    def compound_end(t: object) -> bool:
        # "callbacks on heat pump installs": a verb with nothing of its own but a subject
        # whose preposition's object runs into it is the last noun of a compound
        token: Any = t
        children = list(token.children)
        return (
            token.i == tokens[-1].i
            and len(children) == 1
            and children[0].dep_ == "nsubj"
            and any(
                pobj.i == token.i - 1
                for prep in children[0].children
                if prep.dep_ == "prep"
                for pobj in prep.children
            )
        )

    return any(
        (t.tag_ in {"VBD", "VBZ", "VBP", "MD"} or (t.tag_ == "VBN" and t.dep_ == "ROOT"))
        and not compound_end(t)
        for t in tokens
    )


def _value_slot(context: _Context) -> list[_Draft]:
    """Values are quoted as the company writes them: “Safety first”, “Own the outcome”."""
    values = [
        fact
        for fact in context.chosen["value"]
        if _first_piece(fact, context.names) is not None
        and len(_bare(fact.text).split()) <= MAX_NAME_WORDS
        and "\n" not in fact.text.strip()
    ]
    if not values:
        return []
    mottos = [fact for fact in values if MOTTO.search(_bare(fact.text))]
    if mottos:
        # "Safe. On time. Friendly.": a motto of several sentences, not one value
        motto = phrasing.quoted(_bare(mottos[0].text).rstrip("."))
        return [_draft(5, "value.motto", context, {"value": motto}, mottos[0])]
    said = [part for fact in values for part in _value_names(_bare(fact.text))]
    listed = phrasing.join([phrasing.quoted(part) for part in said])
    name = "value.one" if len(said) == 1 else "value.many"
    return [_draft(5, name, context, {"value": listed}, *values)]


def _value_names(text: str) -> list[str]:
    """ "Care, Compassion, Trust, Learning" typed on one line is four values, each a short
    capitalised name; "Safe, on time" or a longer line stays one value as typed."""
    parts = text.split(", ")
    if len(parts) > 1 and all(part[:1].isupper() and len(part.split()) <= 3 for part in parts):
        return parts
    return [text]


def _takeaway_slot(context: _Context) -> list[_Draft]:
    return _clause_or_noun(context, "takeaway", priority=3)


def _social_slot(context: _Context) -> list[_Draft]:
    """One thing seen on the company's social media, with the platform spelled out
    ("Insta" -> "Instagram"); a list or a rating ("Facebook reviews, 4.9 stars") is a note,
    not something to say, and is left out."""
    for fact in context.chosen["social"]:
        text = _bare(fact.text)
        if re.search(r"[,+/;:()\d]| - ", text):
            continue
        words = text.split()
        words[0] = PLATFORMS.get(words[0].casefold(), words[0])
        text = " ".join(words)
        said = replace(fact, text=text)
        if (
            words[0] in PLATFORMS.values()
            and len(words) > 2
            and words[1].casefold() in PLATFORM_PAGES
            and re.fullmatch(r"[a-z]+s", words[2])
        ):
            # "Facebook page posts flu clinic dates": the page is the subject of its verb
            return [_draft(1, "social.page", context, {"social": text}, fact)]
        drafts = _clause_or_noun(context._replace(chosen={"social": [said]}), "social", priority=1)
        if drafts:
            return [drafts[0]._replace(keys=(fact.key,))]
    return []


LEARNED_SLOTS: tuple[_Slot, ...] = (
    _business_slot,
    _launch_slot,
    _press_slot,
    _competitor_slot,
    _term_slot,
    _challenge_slot,
    _value_slot,
    _takeaway_slot,
    _social_slot,
)


# --------------------------------------------------------------------------------------
# Proceed-answer slots, in speaking order (opening, 90-day and closing added around them)
# --------------------------------------------------------------------------------------


def _learn_slot(context: _Context) -> list[_Draft]:
    """Days 1-30: meet people and learn the terms and systems heard in round 1."""
    terms = [fact for fact in context.chosen_terms if _term_name(fact, context)]
    if not terms:
        return []
    listed = phrasing.join([_term_name(fact, context) for fact in terms])
    return [_draft(8, "proceed.learn_terms", context, {"term": listed}, *terms)]


def _proceed_challenge_slot(context: _Context) -> list[_Draft]:
    """Days 30-60: the debrief's challenges become the first priorities."""
    items: list[str] = []
    used: list[Fact] = []
    for fact, challenge in _challenges(context)[:2]:
        if challenge.shape is Shape.CLAUSE and challenge.clause:
            items.append(TEMPLATES["proceed.why"] + challenge.clause)
        elif challenge.noun:
            items.append(challenge.noun)
        used.append(fact)
    if not items:
        return []
    joined = items[0] if len(items) == 1 else f"{items[0]} and then {items[1]}"
    return [_draft(9, "proceed.challenges", context, {"challenge": joined}, *used)]


def _duties_slot(context: _Context) -> list[_Draft]:
    """The posting's top duties, as "where I would ..." when they read as verb phrases."""
    phrases: list[str] = []
    used: list[Fact] = []
    for fact in _short_duties(context.chosen["responsibility"]):
        phrase = phrasing.duty_phrase(fact.text)
        if phrase and len(phrase.split()) <= MAX_DUTY_PHRASE_WORDS:
            phrases.append(_lower_verb(phrase))
            used.append(fact)
        if len(phrases) == 2 or (phrases and "," in phrases[0]):
            break  # a duty that is a list of its own is said alone
    if not phrases:
        return []
    joined = phrasing.join(phrases)
    if len(phrases) == 2 and " and " in phrases[0]:
        joined = f"{phrases[0]}, and {phrases[1]}"  # the comma keeps the two duties apart
    values = {"responsibility": joined}
    return [_draft(7, "proceed.duties_do", context, values, *used)]


def _concern_slot(context: _Context) -> list[_Draft]:
    """A concern the interviewer signalled, met head-on rather than hidden."""
    for fact in context.chosen["concern"]:
        said = phrasing.concern(fact.text, names=context.names)
        if said is None:
            continue
        form, text = said
        name = "proceed.concern_noun" if form == "noun" else "proceed.concern_clause"
        return [_draft(6, name, context, {"concern": text}, fact)]
    return []


def _wins_slot(context: _Context) -> list[_Draft]:
    """Days 60-90: quick wins, measured by a metric the candidate heard, if any."""
    metrics = [
        fact
        for fact in context.pool["term"]
        if _is_name(fact, context) and _is_metric(_bare(fact.text), context)
    ][:2]
    if metrics:
        # a metric is said whatever its case ("the rebooking rate"): it is measured, not learned
        listed = phrasing.join([phrasing.with_article(_bare(fact.text)) for fact in metrics])
        return [_draft(5, "proceed.wins_measured", context, {"term": listed}, *metrics)]
    return [_draft(2, "proceed.wins", context, {})]


PROCEED_SLOTS: tuple[_Slot, ...] = (
    _learn_slot,
    _proceed_challenge_slot,
    _duties_slot,
    _concern_slot,
)


# --------------------------------------------------------------------------------------
# Shared slot builders
# --------------------------------------------------------------------------------------


def _clause_or_noun(context: _Context, kind: str, *, priority: int) -> list[_Draft]:
    """ "... taught me that {clause}" when the note is a clause, "... {noun}" when a noun."""
    for fact in context.chosen[kind]:
        clause = _clause(fact, context)
        if clause:
            return [_draft(priority, f"{kind}.clause", context, {kind: clause}, fact)]
        noun = _noun(fact, context)
        piece = _first_piece(fact, context.names)
        if noun and piece is not None and len(piece.text.split()) >= 2:
            return [_draft(priority, f"{kind}.noun", context, {kind: noun}, fact)]
    return []


def _is_metric(text: str, context: _Context) -> bool:
    """A measure to agree success on: a metric's name ("NPS", "OTIF") or a measure word at
    the head of a lower-case term ("rebooking rate"), never a bonus ("the spiff"), a pricing
    method ("flat rate", its "rate" an adjective's) or a document typed as a metric."""
    kind = context.entities.kind(text)
    if kind not in {Kind.METRIC, Kind.TERM}:
        return False
    hint = METRIC_HINT.search(text)
    if any(char.isupper() for char in text):
        return kind is Kind.METRIC or hint is not None
    words = text.split()
    if hint is None or len(words) < 2 or not METRIC_HINT.fullmatch(words[-1]):
        return False
    return not _adjective(words[0])


def _adjective(word: str) -> bool:
    """Is this word an adjective in "flat rate"? Unknown without the parse: no."""
    try:
        doc = nlp.parse(f"the {word} rate")
    except nlp.NlpUnavailable:
        return False
    tokens = [t for t in doc if not t.is_space]
    return len(tokens) > 1 and tokens[1].pos_ == "ADJ" and "-" not in word


def _term_name(fact: Fact, context: _Context) -> str:
    """A term as it is said in a list: its saved spelling, with "the" where English needs it
    ("the CAUTI bundle"); "" for competitors, schedules and traits."""
    text = _bare(fact.text)
    if not _is_name(fact, context) or not _learnable(text, context):
        return ""
    if re.fullmatch(r"[\w-]*[A-Z][\w/-]*", text):
        return text  # one word with a capital is a name: "Seneca", "iManage", never "the"
    return phrasing.with_article(text)


def _learnable(text: str, context: _Context) -> bool:
    """A term worth reading up on: a name of the workplace's own ("Kroll", "Clinical Desk",
    "ePRF"), not the trade's everyday words in lower case, which the user already speaks
    ("the callback", "blister packs", "flat rate"), nor a competitor, credential or body."""
    kind = context.entities.kind(text)
    if text.casefold() in context.competitors or STANDARD_CODE.match(text):
        return False
    if kind is Kind.TERM:
        # a name of no known kind ("CPOMS") may be the workplace's own; one the user
        # explained without naming a system ("STAT: urgent sample") is the trade's word
        known = context.entities.entities.get(" ".join(text.casefold().split()))
        if known is not None and known.source == "glossary":
            return False
    elif kind not in TO_LEARN:
        return False
    return any(char.isupper() or char.isdigit() for char in text)


# --------------------------------------------------------------------------------------
# Fact selection and missing advice
# --------------------------------------------------------------------------------------


def _context(
    company: str,
    role: str,
    facts: Sequence[Fact],
    entities: EntityIndex | None = None,
    names: Sequence[str] = (),
    known: Sequence[str] = (),
) -> tuple[_Context, list[str]]:
    """The facts each slot may use, capped per kind, and advice for notes too long to say."""
    phrasing.prepare(fact.text for fact in facts)
    name = company.strip() or "your organization"
    possessive = name + ("'" if name.endswith("s") else "'s")
    pool: dict[str, list[Fact]] = {kind: [] for kind in FACT_KINDS}
    seen: set[tuple[str, str]] = set()
    skipped: list[str] = []
    for fact in facts:
        text = _bare(fact.text)
        identity = (fact.kind, text.lower())
        if fact.kind not in pool or not text or identity in seen:
            continue
        seen.add(identity)
        if len(text.split()) > MAX_FACT_WORDS:
            skipped.append(MISSING_ADVICE["long"].format(source=fact.source or fact.key))
        else:
            pool[fact.kind].append(fact)
    chosen = {kind: facts[: PER_KIND_LIMIT[kind]] for kind, facts in pool.items()}
    competitor_names = [_bare(f.text) for f in pool["competitor"]]
    index = entities or entity_index(
        competitors=competitor_names,
        products=[_bare(f.text) for f in pool["product"]],
        values=[_bare(f.text) for f in pool["value"]],
    )
    all_names = tuple(dict.fromkeys([*names, name, *(_bare(f.text) for f in pool["term"])]))
    folded = frozenset(c.casefold() for c in competitor_names) | frozenset(
        e.text.casefold() for e in index.entities.values() if e.kind is Kind.COMPETITOR
    )
    # The user's own terms join the names never offered as something to learn.
    mine = [line for line in known if FIRST_PERSON.search(line)]
    folded |= frozenset(
        _bare(f.text).casefold()
        for f in pool["term"]
        if any(_mentions(line, _bare(f.text)) for line in mine)
    )
    context = _Context(name, possessive, role.strip(), chosen, pool, index, all_names, folded, [])
    learnable = [fact for fact in pool["term"] if _learnable(_bare(fact.text), context)]
    context.chosen_terms.extend(learnable[: PER_KIND_LIMIT["term"]])
    return context, skipped


def _mentions(line: str, term: str) -> bool:
    return bool(term) and re.search(rf"(?<!\w){re.escape(term)}(?!\w)", line, re.I) is not None


def _fresh_terms(context: _Context) -> list[Fact]:
    """Terms the answer has not already said ("Oracle OTM" twice is padding), and never a
    competitor: a competitor is named once, as one."""
    said = " ".join(
        fact.text.lower()
        for kind in ("product", "competitor", "launch", "press")
        for fact in context.chosen[kind]
    )
    fresh = [
        fact
        for fact in context.pool["term"]
        if _bare(fact.text).lower() not in said and _term_name(fact, context)
    ]
    return fresh[: PER_KIND_LIMIT["term"]]


def _lower_verb(phrase: str) -> str:
    """ "Prepare VAT returns" after "and": the duty's verb mid-sentence, lower-cased."""
    first, _, rest = phrase.partition(" ")
    verbs = nlp.lemma_index().get("verb", frozenset())
    bare = first.rstrip(",;:")  # "Receive, register and process …"
    if first[:1].isupper() and first[1:].islower() and bare.casefold() in verbs:
        return f"{first.casefold()} {rest}".strip()
    return phrase


def _short_duties(duties: list[Fact]) -> list[Fact]:
    """The first duties that together stay speakable; the first always counts."""
    kept: list[Fact] = []
    words = 0
    for fact in duties:
        size = len(fact.text.split())
        if kept and words + size > MAX_DUTY_WORDS:
            break
        kept.append(fact)
        words += size
    return kept


def _learned_missing(chosen: dict[str, list[Fact]]) -> list[str]:
    checks = (
        ("industry", not chosen["industry"]),
        ("product", not chosen["product"]),
        ("news", not chosen["launch"] and not chosen["press"]),
        ("competitor", not chosen["competitor"]),
        ("debrief", not chosen["term"] and not chosen["challenge"]),
        ("culture", not (chosen["value"] or chosen["social"] or chosen["takeaway"])),
    )
    return [MISSING_ADVICE[name] for name, is_missing in checks if is_missing]


def _proceed_missing(chosen: dict[str, list[Fact]]) -> list[str]:
    checks = (
        ("challenge", not chosen["challenge"]),
        ("responsibility", not chosen["responsibility"]),
        ("term", not chosen["term"]),
    )
    return [MISSING_ADVICE[name] for name, is_missing in checks if is_missing]


FIRST_ALSO = re.compile(r"^(I(?: have| was| would)?) also ")


def _finish(question: str, drafts: list[_Draft], missing: list[str]) -> BuiltAnswer:
    """Drop the lowest-priority sentences until the answer fits, then add a length hint."""
    kept = list(drafts)
    while sum(len(d.text.split()) for d in kept) > MAX_WORDS:
        droppable = [d for d in kept if d.priority < KEEP]
        if not droppable:
            break
        # The lowest priority goes; among equals the later sentence, which adds least.
        victim = min(reversed(droppable), key=lambda d: d.priority)
        kept.remove(victim)
    if kept:
        # "I have also read up on …" cannot open an answer: nothing came before it.
        first = kept[0]
        kept[0] = first._replace(text=FIRST_ALSO.sub(r"\1 ", first.text, count=1))
    words = sum(len(d.text.split()) for d in kept)
    if words < MIN_WORDS and not missing and any(d.keys for d in kept):
        missing = [MISSING_ADVICE["short"]]
    sentences = tuple(AnswerSentence(d.text, d.keys) for d in kept)
    return BuiltAnswer(question=question, sentences=sentences, missing=tuple(missing))


# --------------------------------------------------------------------------------------
# Wording helpers
# --------------------------------------------------------------------------------------


def _draft(
    priority: int, template: str, context: _Context, values: dict[str, str], *facts: Fact
) -> _Draft:
    text = _fill(template, context, **values)
    return _Draft(priority, text[:1].upper() + text[1:] + ".", tuple(f.key for f in facts))


def _fill(template: str, context: _Context, **values: str) -> str:
    role = context.role
    return TEMPLATES[template].format(
        company=context.company,
        possessive=context.possessive,
        the_role=f"the {role} role" if role else "this role",
        your_role=f"your {role}" if role else "part of your team",
        **values,
    )


def _bare(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(".;:, ").strip()
