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
from dataclasses import dataclass
from typing import NamedTuple

from secondround.engine.posting import ACTION_VERBS

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
    "launch.nouns": "I was glad to read about your newest launches, {launch}",
    "launch.other": "I was glad to read about your newest launch: {launch}",
    "press.did": "The news also covered how {company} {press}",
    "press.was": "I also read that {company} was {press}",
    "press.doing": "I also read about {company} {press}",
    "press.clause": "I also read in the news that {press}",
    "press.other": "A recent article also caught my eye: {press}",
    "press.more.did": "Another story covered how {company} {press}",
    "press.more.was": "Another story noted that {company} was {press}",
    "press.more.doing": "Another story was about {company} {press}",
    "press.more.clause": "Another story reported that {press}",
    "press.more.other": "Another headline stood out to me as well: {press}",
    "competitor.noun": (
        "I know you compete with {competitor}, so I paid attention to how {company} "
        "positions itself"
    ),
    "competitor.other": "On the competitive side, I noted this: {competitor}",
    "term.one": (
        "In our first conversation, {term} came up more than once, and I have read up on "
        "how it fits into your work"
    ),
    "term.many": (
        "In our first conversation, {term} came up more than once, and I have read up on "
        "how they fit into your work"
    ),
    "challenge.lead": "I also took away that {challenge}",
    "challenge.and": ", and that ",
    "challenge.one": "a big challenge for this role is {challenge}",
    "challenge.many": "the big challenges for this role are {challenge}",
    "challenge.other": "I also heard about a challenge the team is facing: {challenge}",
    "value.noun": "I was also drawn to your emphasis on {value}",
    "value.other": "I was also drawn to your values: {value}",
    "takeaway.clause": (
        "An informational interview with someone at {company} taught me that {takeaway}"
    ),
    "takeaway.other": (
        "An informational interview with someone at {company} left me with one clear "
        "insight: {takeaway}"
    ),
    "social.clause": "On social media, I noticed that {social}",
    "social.other": "Your social media gave me a feel for the culture, too: {social}",
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
        "fluent in {term}, which came up in our first conversation"
    ),
    "proceed.learn": (
        "That means meeting everyone on the team and the people we work with, and learning "
        "how the work flows today"
    ),
    "proceed.challenges": (
        "By day 60, I would turn to the challenges you described, starting with {challenge}"
    ),
    "proceed.why": "why ",
    "proceed.need": "the need to ",
    "proceed.challenge_other": "By day 60, I would turn to a challenge you described: {challenge}",
    "proceed.duties_do": (
        "I would also focus on the core of the role as posted, where I would {responsibility}"
    ),
    "proceed.duties_other": (
        "I would also keep the core duties from the posting front and center: {responsibility}"
    ),
    "proceed.concern_noun": (
        "I know {concern} came up as a question, so I would address it openly in my first weeks"
    ),
    "proceed.concern_clause": (
        "I also heard a concern that {concern}, so I would address it openly in my first weeks"
    ),
    "proceed.concern_other": "I also want to address one concern openly and early: {concern}",
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

# First words that open a verb phrase continuing "{company} recently ...".
PAST_VERBS = _words(
    """
    acquired opened launched released introduced announced expanded signed won partnered
    added unveiled raised hired completed became started moved rolled entered merged bought
    received earned achieved reached closed cut grew built debuted began secured went
    doubled tripled landed passed hit broke sold shipped switched adopted implemented
    invested celebrated published posted hosted joined formed founded renamed rebranded
    relocated upgraded replaced deployed piloted tested surpassed exceeded topped crossed
    returned reported reduced increased improved lowered eliminated consolidated
    restructured reorganized reorganised appointed welcomed donated sponsored funded
    finished delivered created designed developed extended renewed settled filed
    """
)
# "{company} was recently named one of ...".
PASSIVE_VERBS = _words(
    "named ranked awarded recognized recognised listed featured certified accredited rated "
    "voted honored honoured selected chosen designated included profiled"
)
# Words that make a fact a full clause: "Night turnover is high", "We serve 40 hospitals".
CLAUSE_WORDS = _words(
    "is are was were has have had will would can cannot can't must should needs lacks "
    "isn't aren't wasn't weren't doesn't don't didn't hasn't haven't won't may might "
    "struggles relies depends wants plans expects remains keeps runs takes uses want "
    "need feel feels say says expect prefer seem seems come comes matter matters go goes "
    "make makes get gets serve serves help helps"
)
PRONOUNS = _words("they it you he she there i")
# The company's own voice, pasted from its site: "We run 14 schools". Quoted after a colon,
# never turned into "I understand that we run ...".
COMPANY_VOICE = _words("we we're we've we'll our ours us")
# Verbs that are as often nouns ("Support tickets", "Care coordination"): a verb only
# before a determiner, or in a posting's duty list where bullets are imperatives.
NOUN_LIKE_VERBS = _words(
    "support care report plan test design model process schedule forecast balance audit "
    "track review work staff order record interface function source market program "
    "budget research update use brief answer interview lecture author champion architect "
    "partner exercise address set scale fix run cut lower drive lead own coach mentor "
    "document present produce direct enter welcome treat secure transform help launch "
    "sell grow service"
)
DETERMINERS = _words(
    "a an the our their your its this these those all new existing daily weekly key "
    "every each both multiple several two three"
)
# First words that stay correct in lower case mid-sentence ("Our drivers..." -> "our").
ORDINARY_LEADS = _words(
    "a an the their your its this these those they it there some many most more "
    "less few several all every each new recent high low rising falling growing late slow "
    "long short manual legacy limited lack no not too patient patients customer customers "
    "staff nurse nurses driver drivers employee employees student students client clients "
    "people team teams cost costs quality safety respect integrity trust inventory "
    "freight data sales budget turnover overtime regional national global digital annual "
    "weekly daily monthly double poor strong weak frequent multiple two three four five "
    "big small large tight heavy open continuous constant only one revenue carrier "
    "carriers night day shift charge unit units growth profit margins demand volume "
    "volumes headcount morale leadership management communication training compliance "
    "retention attendance enrollment engagement marketing finance operations warehouse "
    "shipping delivery deliveries orders returns complaints wait response claims billing "
    "pricing fuel lane lanes truck trucks fleet stock supply suppliers vendor vendors "
    "project projects product products software systems system tools processes "
    "spreadsheets reports dashboards parents teachers classes scores budgets funding "
    "shared experienced"
)
ING_NOT_VERBS = _words("boeing beijing reading ealing woking sterling stirling viking")
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


_Slot = Callable[[_Context], list[_Draft]]


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


def build_learned_answer(*, company: str, role: str, facts: Sequence[Fact]) -> BuiltAnswer:
    """A draft of "What have you learned about us so far?" from the saved facts."""
    context, skipped = _context(company, role, facts)
    drafts = [draft for slot in LEARNED_SLOTS for draft in slot(context)]
    if len(drafts) >= MIN_FACT_SENTENCES_FOR_FRAME:
        drafts.append(_draft(KEEP, "learned.closing", context, {}))
    elif not drafts:
        drafts.append(_draft(KEEP, "learned.empty", context, {}))
    missing = _learned_missing(context.chosen) + skipped
    return _finish(LEARNED_QUESTION, drafts, missing)


def build_proceed_answer(*, company: str, role: str, facts: Sequence[Fact]) -> BuiltAnswer:
    """A draft of "How would you proceed if hired?": learn, fix, deliver, measure."""
    context, skipped = _context(company, role, facts)
    body = [draft for slot in PROCEED_SLOTS for draft in slot(context)]
    opening = _draft(KEEP, "proceed.opening", context, {})
    if not body:
        drafts = [_draft(KEEP, "proceed.empty", context, {})]
    elif len(body) < MIN_FACT_SENTENCES_FOR_FRAME:
        # The opening says when; the 90-day and closing sentences would only pad one fact.
        drafts = [opening, *body]
    else:
        drafts = [
            opening,
            *body,
            *_wins_slot(context),
            _draft(KEEP, "proceed.closing", context, {}),
        ]
    missing = _proceed_missing(context.chosen) + skipped
    return _finish(PROCEED_QUESTION, drafts, missing)


# --------------------------------------------------------------------------------------
# Learned-answer slots, in speaking order
# --------------------------------------------------------------------------------------


def _business_slot(context: _Context) -> list[_Draft]:
    """What the company does and what it sells."""
    industry = context.chosen["industry"][:1]
    products = context.chosen["product"]
    if not industry and not products:
        return []
    text, keys = "", tuple[str, ...]()
    if industry:
        shape = _shape(industry[0].text)
        lead = shape if shape in {"clause", "voice"} else "noun"
        if shape == "noun" and industry[0].text.split()[0].lower() in {"a", "an", "the"}:
            lead = "article"
        text = _fill(f"business.{lead}", context, industry=_phrase(industry[0]))
        keys = (industry[0].key,)
    if products:
        listed = _listing(products)
        tail = "business.products" if industry else "business.products_only"
        text += _fill(tail, context, products=listed)
        keys += tuple(fact.key for fact in products)
    return [_Draft(KEEP, text + ".", keys)]


def _launch_slot(context: _Context) -> list[_Draft]:
    """What is new: launches share a sentence when they share a grammatical shape."""
    return _shaped_sentence(context, "launch", priority=8, nouns_template="launch.nouns")


def _press_slot(context: _Context) -> list[_Draft]:
    """One sentence per press item; the second is dropped first when space is short."""
    drafts = []
    for index, fact in enumerate(context.chosen["press"]):
        # The second story opens differently so two press sentences do not echo each other.
        prefix = "press.more" if index else "press"
        shape = _shape(fact.text)
        name = f"{prefix}.{shape}" if f"{prefix}.{shape}" in TEMPLATES else f"{prefix}.other"
        drafts.append(_draft(6 - 4 * index, name, context, {"press": _phrase(fact)}, fact))
    return drafts


def _competitor_slot(context: _Context) -> list[_Draft]:
    """Where the company stands, said neutrally: who it competes with, nothing about them."""
    return _noun_list_sentence(context, "competitor", priority=4)


def _term_slot(context: _Context) -> list[_Draft]:
    """Business terms heard in round 1, minus those the product list already named."""
    terms = _fresh_terms(context)
    if not terms:
        return []
    name = "term.one" if len(terms) == 1 else "term.many"
    return [_draft(7, name, context, {"term": _listing(terms)}, *terms)]


def _challenge_slot(context: _Context) -> list[_Draft]:
    """The role's challenges: "I also took away that {clause}, and that {noun} is one"."""
    challenges = context.chosen["challenge"]
    clauses = [fact for fact in challenges if _shape(fact.text) == "clause"]
    nouns = [fact for fact in challenges if _shape(fact.text) in {"noun", "doing", "do"}]
    parts = [_phrase(fact) for fact in clauses]
    if nouns:
        name = "challenge.one" if len(nouns) == 1 else "challenge.many"
        items = _join([_as_noun(fact) or _phrase(fact) for fact in nouns])
        parts.append(_fill(name, context, challenge=items))
    if parts:
        joined = TEMPLATES["challenge.and"].join(parts)
        return [_draft(9, "challenge.lead", context, {"challenge": joined}, *clauses, *nouns)]
    if challenges:
        fact = challenges[0]
        return [_draft(9, "challenge.other", context, {"challenge": _phrase(fact)}, fact)]
    return []


def _value_slot(context: _Context) -> list[_Draft]:
    """ "Your emphasis on safety and ownership"; slogans ("Students come first") are quoted."""
    values = context.chosen["value"]
    if not values:
        return []
    nouns = all(
        _shape(fact.text) in {"noun", "doing"} and len(fact.text.split()) <= MAX_VALUE_WORDS
        for fact in values
    )
    name = "value.noun" if nouns else "value.other"
    return [_draft(5, name, context, {"value": _listing(values)}, *values)]


def _takeaway_slot(context: _Context) -> list[_Draft]:
    return _clause_or_colon(context, "takeaway", priority=3)


def _social_slot(context: _Context) -> list[_Draft]:
    return _clause_or_colon(context, "social", priority=1)


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
    terms = context.chosen["term"]
    if not terms:
        return []
    return [_draft(8, "proceed.learn_terms", context, {"term": _listing(terms)}, *terms)]


def _proceed_challenge_slot(context: _Context) -> list[_Draft]:
    """Days 30-60: the debrief's challenges become the first priorities."""
    challenges = context.chosen["challenge"]
    listable = [fact for fact in challenges if _as_noun(fact) is not None]
    if listable:
        items = [_as_noun(fact) or "" for fact in listable]
        joined = items[0] if len(items) == 1 else f"{items[0]} and then {_join(items[1:])}"
        return [_draft(9, "proceed.challenges", context, {"challenge": joined}, *listable)]
    if challenges:
        fact = challenges[0]
        values = {"challenge": _phrase(fact)}
        return [_draft(9, "proceed.challenge_other", context, values, fact)]
    return []


def _duties_slot(context: _Context) -> list[_Draft]:
    """The posting's top duties, as "I would ..." when they are imperatives."""
    duties = _short_duties(context.chosen["responsibility"])
    if not duties:
        return []
    if all(_shape(fact.text, prefer_verb=True) == "do" for fact in duties):
        values = {"responsibility": _listing(duties)}
        return [_draft(7, "proceed.duties_do", context, values, *duties)]
    values = {"responsibility": "; ".join(_phrase(fact) for fact in duties)}
    return [_draft(7, "proceed.duties_other", context, values, *duties)]


def _concern_slot(context: _Context) -> list[_Draft]:
    """A concern the interviewer signalled, met head-on rather than hidden."""
    concerns = context.chosen["concern"]
    if not concerns:
        return []
    fact = concerns[0]
    shape = _shape(fact.text)
    name = {"noun": "proceed.concern_noun", "doing": "proceed.concern_noun"}.get(
        shape, "proceed.concern_clause" if shape == "clause" else "proceed.concern_other"
    )
    return [_draft(6, name, context, {"concern": _phrase(fact)}, fact)]


def _wins_slot(context: _Context) -> list[_Draft]:
    """Days 60-90: quick wins, measured by a metric the candidate heard, if any."""
    metrics = [fact for fact in context.chosen["term"] if METRIC_HINT.search(fact.text)][:2]
    if metrics:
        return [_draft(5, "proceed.wins_measured", context, {"term": _listing(metrics)}, *metrics)]
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


def _shaped_sentence(
    context: _Context, kind: str, *, priority: int, nouns_template: str
) -> list[_Draft]:
    """One sentence for the facts of a kind that share the first fact's shape."""
    facts = context.chosen[kind]
    if not facts:
        return []
    shape = _shape(facts[0].text)
    if f"{kind}.{shape}" not in TEMPLATES:
        shape = "other"
    same = [fact for fact in facts if _shape(fact.text) == shape] if shape != "other" else []
    group = same or facts[:1]
    name = nouns_template if shape == "noun" and len(group) > 1 else f"{kind}.{shape}"
    glue = _listing if shape in {"noun", "did", "was", "doing"} else _listing
    return [_draft(priority, name, context, {kind: glue(group)}, *group)]


def _noun_list_sentence(context: _Context, kind: str, *, priority: int) -> list[_Draft]:
    """Nouns go in one list; a clause-like fact alone gets a colon sentence."""
    facts = context.chosen[kind]
    nouns = [fact for fact in facts if _shape(fact.text) in {"noun", "doing"}]
    if nouns:
        return [_draft(priority, f"{kind}.noun", context, {kind: _listing(nouns)}, *nouns)]
    if facts:
        fact = facts[0]
        return [_draft(priority, f"{kind}.other", context, {kind: _phrase(fact)}, fact)]
    return []


def _clause_or_colon(context: _Context, kind: str, *, priority: int) -> list[_Draft]:
    """ "... taught me that {clause}" when the note is a clause, else "...: {note}"."""
    facts = context.chosen[kind]
    if not facts:
        return []
    fact = facts[0]
    name = f"{kind}.clause" if _shape(fact.text) == "clause" else f"{kind}.other"
    return [_draft(priority, name, context, {kind: _phrase(fact)}, fact)]


# --------------------------------------------------------------------------------------
# Fact selection and missing advice
# --------------------------------------------------------------------------------------


def _context(company: str, role: str, facts: Sequence[Fact]) -> tuple[_Context, list[str]]:
    """The facts each slot may use, capped per kind, and advice for notes too long to say."""
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
    return _Context(name, possessive, role.strip(), chosen, pool), skipped


def _fresh_terms(context: _Context) -> list[Fact]:
    """Terms the answer has not already said ("Oracle OTM" twice is padding)."""
    said = " ".join(
        fact.text.lower()
        for kind in ("product", "competitor", "launch", "press")
        for fact in context.chosen[kind]
    )
    fresh = [fact for fact in context.pool["term"] if _bare(fact.text).lower() not in said]
    return fresh[: PER_KIND_LIMIT["term"]]


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


def _shape(text: str, *, prefer_verb: bool = False) -> str:
    """The grammar of a note, read from its first words and the verbs tables above.

    "did" (past verb), "was" (passive), "do" (imperative), "does" (third person),
    "doing" (gerund), "voice" ("We ...", the company speaking), "clause" (has its own
    verb) or "noun".
    """
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
    if not words:
        return "noun"
    first, second = words[0].lower().replace("’", "'"), (words[1] if len(words) > 1 else "")
    if first in COMPANY_VOICE:
        return "voice"
    if first in PASSIVE_VERBS:
        return "was"
    if first in PAST_VERBS:
        return "did"
    verb = _verb_shape(first, second, prefer_verb=prefer_verb)
    if verb:
        return verb
    later = {word.lower() for word in words[1:]}
    if first in PRONOUNS or later & CLAUSE_WORDS or later & PAST_VERBS:
        return "clause"
    if len(first) >= 5 and first.endswith("ing") and first not in ING_NOT_VERBS:
        return "doing"
    return "noun"


def _verb_shape(first: str, second: str, *, prefer_verb: bool) -> str | None:
    """ "do" for "Reduce ...", "does" for "Reduces ...", None when it is not a verb."""
    stem = first[:-2] if first.endswith("es") and first[:-2] in ACTION_VERBS else first
    if stem == first and first.endswith("s") and first[:-1] in ACTION_VERBS:
        stem = first[:-1]
    if stem not in ACTION_VERBS:
        return None
    if stem in NOUN_LIKE_VERBS and not prefer_verb and second.lower() not in DETERMINERS:
        return None
    return "do" if stem == first else "does"


def _as_noun(fact: Fact) -> str | None:
    """The challenge said after "starting with", or None when it will not read that way."""
    shape = _shape(fact.text)
    if shape in {"noun", "doing"}:
        return _phrase(fact)
    if shape == "do":
        return TEMPLATES["proceed.need"] + _phrase(fact)
    if shape == "clause":
        return TEMPLATES["proceed.why"] + _phrase(fact)
    return None


def _phrase(fact: Fact) -> str:
    """The fact's text to place mid-sentence: no closing stop, ordinary first word lowered."""
    text = _bare(fact.text)
    words = text.split()
    first = words[0] if words else ""
    lower = re.split(r"[-’']", first.lower())[0]
    if first[1:] != first[1:].lower() or first == "I":
        return text  # "OTIF", "iPhone", "MercuryGate" and "I" keep their case
    if lower in PAST_VERBS or lower in PASSIVE_VERBS:
        return text[:1].lower() + text[1:]
    # "New York expansion" and "Launch Pad" are names: keep them when the next word is one.
    if len(words) > 1 and words[1][:1].isupper() and lower not in DETERMINERS:
        return text
    is_verb = _shape(text, prefer_verb=True) in {"do", "does", "doing"}
    if lower in ORDINARY_LEADS or (is_verb and lower not in ING_NOT_VERBS):
        return text[:1].lower() + text[1:]
    return text


def _bare(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(".;:, ").strip()


def _listing(facts: Sequence[Fact]) -> str:
    return _join([_phrase(fact) for fact in facts])


def _join(items: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
