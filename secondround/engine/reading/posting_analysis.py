"""What a job posting asks for: weighted competencies and the job's skills and tools.

The candidate pastes a posting; the engine answers two questions for the second round:

* Which competencies (ids of shared/competencies.md) will they probe, and how much? A
  phrase lexicon (data/posting_competency_phrases.json) is matched sentence by sentence.
  A sentence counts once per competency, with its strongest phrase, times the weight of
  its section (responsibilities and requirements weigh most, nice-to-have less, the rest
  least, pay/benefits/schedule nothing), unless one of the competency's vetoes matches
  ("accept criticism and coaching" is not mentoring). Repetition adds up; the top
  competency is scaled to 1.0. ``technical_depth`` comes from how many skills it lists.
* Which skills and tools does the job use? Readers propose spans, a filter keeps skills:
  1. a curated gazetteer (data/skills_gazetteer.txt) of tools, methods, standards,
     procedures and certifications across occupations, matched case-insensitively except
     for names that are also common words ("=Go", "=Epic", "=Word" in the file);
  2. list patterns in requirement sentences: "experience with X", "knowledge of X and Y",
     "proficiency in X or Y", "such as X, Y and Z", cut at the first clause boundary;
  3. CamelCase, acronym and dotted tool names ("MercuryGate", "SAP", "Node.js") in
     requirement and nice-to-have sentences;
  4. in job content only: the CRF tagger's spans, and the shared parse's proper names
     ("Keeping Children Safe in Education") and noun phrases ("megger testing").
  Lists are split into items ("receptacles, switches, dimmers"). Every span then passes
  the typed filter (skill_filter: not a time, pay, benefit, place, person, trait, soft
  skill or vague noun; trimmed to the name) and, unless it is a gazetteer name, the
  learned filter (skill_model). Pay, benefits and schedule sections, and sentences made
  of such terms, are read for gazetteer names only. Names are de-duplicated
  case-insensitively (Node.js = NodeJS); each skill gets a type (skill_types: tool,
  procedure, certification or knowledge).

``find_skill_spans`` exposes readers 1-3 and the tagger with character offsets (no
filter); with ``phrases=True`` it also returns soft-skill phrase spans ("ability to <verb
phrase>", duty clauses opened by an action verb, "communication skills"), which the
SkillSpan evaluation counts as skills but the product keeps in its competencies instead.

The same text gives the same analysis.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from secondround.engine.nlp import entities
from secondround.engine.nlp.action_verbs import verb_base
from secondround.engine.nlp.files import DATA_DIR
from secondround.engine.nlp.proper_words import is_language_word
from secondround.engine.reading import (
    skill_filter,
    skill_model,
    skill_tagger,
    skill_types,
    skill_words,
)
from secondround.engine.reading.posting import (
    is_conditions_sentence,
    posting_sections,
    split_sentences,
)
from secondround.engine.reading.posting_words import (
    CONDITIONS,
    NICE_TO_HAVE,
    OTHER,
    REQUIREMENTS,
    RESPONSIBILITIES,
)

COMPETENCY_FILE = DATA_DIR / "posting_competency_phrases.json"
GAZETTEER_FILE = DATA_DIR / "skills_gazetteer.txt"

# --------------------------------------------------------------------------------------
# Data tables: edit these rather than the code below.
# --------------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    """A word table written as one block of text, easier to edit than a list literal."""
    return frozenset(text.split())


# Job-description prose no cue placed: read for skills like the job sections, weighed
# like "other" for competencies.
GENERAL = "general"
SECTION_WEIGHTS: dict[str, float] = {
    RESPONSIBILITIES: 1.0,
    REQUIREMENTS: 1.0,
    NICE_TO_HAVE: 0.5,
    OTHER: 0.35,
    # Pay, benefits, schedule: "flexible schedule" is a perk, not adaptability.
    CONDITIONS: 0.0,
    GENERAL: 0.35,
}
JOB_SECTIONS = (RESPONSIBILITIES, REQUIREMENTS, NICE_TO_HAVE, GENERAL)
# A competency needs one sentence contributing at least this much (phrase x section).
MIN_EVIDENCE = 0.25
MAX_EVIDENCE = 5
# technical_depth: each distinct skill adds this much, up to a cap, so a long tool list
# does not drown the rest; fewer skills than the minimum add nothing ("lists many skills").
TECHNICAL_DEPTH_PER_SKILL = 0.2
TECHNICAL_DEPTH_CAP = 2.5
TECHNICAL_DEPTH_MIN_SKILLS = 3
MAX_SKILL_WORDS = 5
MAX_PHRASE_WORDS = 12
# A tagger span joins the skills list only when it is this short.
MAX_TAGGED_NAME_WORDS = 4
MAX_TAGGED_NAME_CHARS = 40

# "experience with X", "knowledge of X": the list after the cue names skills.
SKILL_CUES = re.compile(
    r"\b(?:(?:hands-on |practical |working |professional |proven |demonstrated |prior )?"
    r"experience (?:with|in|using|of|on)|experienced (?:with|in|using)"
    r"|knowledge (?:of|in|about)|knowledgeable (?:in|about|of)"
    r"|proficien(?:cy|t|ce) (?:in|with|using|at)|fluen(?:cy|t) in"
    r"|familiar(?:ity)? with|understanding of|expertise (?:in|with|on)|expert in"
    r"|skilled (?:in|with|at)|skills? (?:in|with)|background in|competen(?:ce|cy|t) (?:in|with)"
    r"|(?:degree|diploma|qualification|certificate|certification|training) in"
    r"|certified (?:in|as)|trained in|command of|mastery of|exposure to|grounding in"
    r"|such as|including|e\.g\.|for example|like|using|use of|work with|working with)\s+",
    re.IGNORECASE,
)
# Where a cue's list stops: punctuation or a word that starts a new clause.
LIST_END = re.compile(
    r"[.;:!?()\[\]]|\s(?:to|that|which|who|where|when|while|whilst|in order|so that|is|are"
    r"|was|were|will|would|should|must|can|as well as|for|within|across|at|on|from|by"
    r"|into|through|preferred|preferably|desirable|required|is a plus|a plus|an advantage"
    r"|would be|etc|plus|including|such as|with|in a|in an|in the|of the|years?)\b",
    re.IGNORECASE,
)
LIST_SPLIT = re.compile(r"\s*(?:,|\band/or\b|\band\b|\bor\b|\s&\s|\s/\s|\+\s)\s*", re.IGNORECASE)
# Words stripped from the front of a list item: "a strong Python" -> "Python".
LEADING_FILLER = _words(
    """
    a an the any some other strong solid good great excellent proven relevant hands-on
    deep thorough sound basic advanced working practical demonstrable demonstrated current
    modern common related similar standard various at least one more least of in with using
    and or very high level high-level expert professional prior previous extensive
    significant considerable broad general in-depth detailed understanding knowledge
    familiarity experience proficiency exposure appropriate recent tools like e.g. etc
    both either including such as major popular well-known key core
    """
)
TRAILING_FILLER = _words(
    """
    skills skill experience knowledge tools tool technologies technology stack environment
    environments etc principles concepts fundamentals practices methodologies methods
    platforms platform frameworks framework language languages software applications
    application packages package programs suite systems system is are preferred required
    desirable a plus essential team teams settings setting roles role
    """
)
# A skill name made only of these words is not a skill.
GENERIC_WORDS = _words(
    """
    experience experiences experienced skill skills team teams work working job role
    knowledge ability abilities understanding familiarity proficiency expertise background
    year years degree relevant related field fields area areas environment environments
    company business industry sector tools tool systems system software technologies
    technology things stuff other others similar etc new various all one two three people
    customers customer clients client staff colleagues products product services service
    tasks task projects project process processes requirements solutions solution level
    levels opportunity opportunities applications application data information day days
    time role roles position positions candidate candidates we you our your their they
    the a an and or of to in on for with this that these those it its them us is are be
    can will may must should would least more most best good great strong excellent
    quality range variety number lot lots way ways part high low large small big type types
    minimum plus bonus advantage preferred required desirable essential ideally
    equivalent similar comparable combination demonstrated proven practical hands-on
    ideas approach approaches methods method principles practices standards
    communication teamwork leadership it contact
    """
)
# Acronyms that are not skills.
NOT_SKILL_ACRONYMS = _words(
    """
    US USA UK EU EEA UAE CV CVS ID OK ASAP FTE PTO EEO EOE AA TBD FAQ CEO CFO CTO COO CIO
    CMO VP SVP EVP AM PM ET PT CT GMT UTC CET EST PST BST DOE LLC INC LTD CO NB PS RE FYI
    AND OR THE NOT FOR WITH OUR YOU YOUR WE JOB ROLE TEAM ABOUT WHO WHAT HOW WHY KEY NEW
    MUST NICE IN TO OF AT ON BY AN A I II III IV JAN FEB MAR APR MAY JUN JUL AUG SEP SEPT
    OCT NOV DEC MON TUE WED THU FRI SAT SUN HQ HR OTE USD GBP EUR DKK SEK NOK K M
    ORGANIZATION LOCATION ADDRESS SALARY EXPERIENCE INDUSTRY NAME URL EMAIL PHONE CONTACT
    PERSON DATE PHD MSC BSC BA MA TV VC EMS R&D NGO NGOS SME SMES
    """
)
ACTION_OPENERS = re.compile(r"[A-Za-z][a-z]+")
# Soft-skill phrase cues for find_skill_spans(phrases=True): the verb phrase after them.
PHRASE_CUES = re.compile(
    r"\b(?:(?:the )?abilit(?:y|ies) to|(?:be )?able to|capab(?:le|ility) of|how to"
    r"|you(?:'ll| will)(?: also)?(?: be)?|you are|you're|responsible for|responsibilit(?:y|ies)"
    r" (?:include|for)|passionate about|passion for|willing(?:ness)? to|expected to"
    r"|required to|desire to|want to|like to|love to|enjoy|eager to|keen to|comfortable"
    r"(?: with)?|committed to|aptitude for|talent for|strive to|help(?: us)? to|help us"
    r"|you have|you possess|you bring|you can|will be|are able to|in charge of|focus on"
    r"|track record (?:of|in)|experience (?:in|with|of)|as well as|while|and)\s+",
    re.IGNORECASE,
)
PHRASE_END = re.compile(
    r"[.;:!?()\[\]•]|\s(?:in order to|so that|which|who|where|whilst|while|because|as well as"
    r"|such as|including|e\.g\.|etc|and to|but|to ensure|to make|to help"
    r"|to support|to deliver|to achieve|to drive|to enable)\b",
    re.IGNORECASE,
)
# Nouns that make a soft-skill span: "communication skills", "attention to detail".
SOFT_SKILL_NOUNS = re.compile(
    r"\b(?:(?:[a-z][\w-]*\s+){0,2}(?:skills|abilities|acumen|mindset|attitude)"
    r"|attention to detail|detail[- ]oriented|team[- ]player|self[- ]starter|teamwork"
    r"|problem[- ]solving|critical thinking|time management|stakeholder management"
    r"|project management|people management|leadership|communication|collaboration"
    r"|analytical thinking|customer focus|curiosity|curious|enthusiastic|passionate"
    r"|proactive|pro-active|structured|self[- ]motivated|organi[sz]ed|hard[- ]working"
    r"|result[s]?[- ]oriented|open[- ]minded|service[- ]minded|empathetic)\b",
    re.IGNORECASE,
)
# A tagger span ending in one of these is an attitude or a duty, not a skill name.
SOFT_WORDS = _words(
    """
    skills skill abilities ability attitude mindset manner approach spirit personality
    independently effectively efficiently well quickly closely
    """
)
# A tagger span holding one of these is a clause ("work with the team"), not a name.
TAGGED_STOP_WORDS = _words(
    """
    the a an to our your their we you us they with who which that this these those is are
    be will can must should other others team teams colleagues customers people
    """
)
# Alone, these words name an aim or a duty, never a skill to list ("motivated by results").
GENERIC_NAMES = _words(
    """
    results result success growth impact quality excellence goals targets performance
    experience knowledge work tasks duties responsibilities requirements solutions
    """
)
SOFT_LEADING = _words("strong excellent good great solid very highly outstanding proven")
# An opener verb form we accept besides ACTION_VERBS: any -ing word.
ING_WORD = re.compile(r"[a-z]{3,}ing$")


# --------------------------------------------------------------------------------------
# Public types
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    sentence: str
    section: str  # "responsibilities" | "requirements" | "nice_to_have" | "other"


@dataclass(frozen=True)
class CompetencyNeed:
    id: str
    weight: float  # 0..1, the top competency is 1.0
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Skill:
    name: str
    evidence: tuple[Evidence, ...]
    # "tool" | "procedure" | "certification" | "knowledge" (see skill_types): drafters
    # ask about a tool as a tool and a procedure as a procedure.
    type: str = skill_types.KNOWLEDGE


@dataclass(frozen=True)
class PostingAnalysis:
    competencies: tuple[CompetencyNeed, ...]  # best first
    skills: tuple[Skill, ...]  # in order of first appearance


@dataclass(frozen=True)
class SkillSpan:
    """A skill found in a sentence: text[start:end]; kind "skill" or "phrase"."""

    start: int
    end: int
    name: str
    kind: str


# --------------------------------------------------------------------------------------
# Data loading
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Gazetteer:
    folded: re.Pattern[str] | None  # case-insensitive names
    exact: re.Pattern[str] | None  # case-sensitive names
    names: dict[str, str]  # matched text (lower-cased for folded) -> display name


def _name_pattern(names: Iterable[str], flags: int) -> re.Pattern[str] | None:
    ordered = sorted(set(names), key=lambda n: (-len(n), n))
    if not ordered:
        return None
    alternation = "|".join(re.escape(name) for name in ordered)
    # A name stands alone: not inside a longer word, "C" not in "C-level" or "R&D".
    return re.compile(rf"(?<![\w+#.&-])(?:{alternation})(?![\w+#&])(?!-\w)(?!\.\w)(?!'\w)", flags)


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    folded: list[str] = []
    exact: list[str] = []
    names: dict[str, str] = {}
    for raw in GAZETTEER_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("=") or len(line) <= 2:
            name = line.lstrip("=")
            exact.append(name)
            names.setdefault(name, name)
        else:
            folded.append(line)
            names.setdefault(line.lower(), line)
    return _Gazetteer(
        folded=_name_pattern(folded, re.IGNORECASE),
        exact=_name_pattern(exact, 0),
        names=names,
    )


@lru_cache(maxsize=1)
def _competency_lexicon() -> tuple[tuple[str, tuple[tuple[re.Pattern[str], float], ...]], ...]:
    data = json.loads(COMPETENCY_FILE.read_text(encoding="utf-8"))
    lexicon: list[tuple[str, tuple[tuple[re.Pattern[str], float], ...]]] = []
    for competency, phrases in data.items():
        if competency.startswith("_"):
            continue
        compiled = tuple(
            (re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])", re.IGNORECASE), float(weight))
            for pattern, weight in phrases
        )
        lexicon.append((competency, compiled))
    return tuple(lexicon)


@lru_cache(maxsize=1)
def _competency_vetoes() -> dict[str, tuple[re.Pattern[str], ...]]:
    """Per competency, patterns that stop a sentence counting for it: "accept criticism
    and coaching" is not mentoring, "under normal supervision" not leadership."""
    data = json.loads(COMPETENCY_FILE.read_text(encoding="utf-8"))
    return {
        competency: tuple(re.compile(pattern, re.IGNORECASE) for pattern in patterns)
        for competency, patterns in data.get("_vetoes", {}).items()
    }


def gazetteer_size() -> int:
    """How many skill names the gazetteer holds (tests check it stays broad)."""
    return len(_gazetteer().names)


# --------------------------------------------------------------------------------------
# Skills
# --------------------------------------------------------------------------------------


def skill_key(name: str) -> str:
    """The de-duplication key: case, spaces and punctuation folded; Node.js = NodeJS."""
    key = re.sub(r"[^a-z0-9+#]", "", name.lower())
    if key.endswith("js") and len(key) > 4:
        key = key[:-2]
    return key


def find_skill_spans(
    sentence: str, *, phrases: bool = False, named: bool = True, tagged: bool = True
) -> list[SkillSpan]:
    """Skill spans of one sentence, left to right and not overlapping.

    Without ``phrases`` (the app's skills list): gazetteer names win over list items,
    which win over bare tool names; ``named`` turns on reader 3 (CamelCase and acronym
    tool names), meant for requirement sentences; ``tagged`` adds the CRF tagger's
    spans that are short, clean names (no soft-skill clause, no verb phrase).

    With ``phrases`` (SkillSpan-style spans, soft skills included): the tagger's spans
    first, then gazetteer names that overlap none of them. Without a usable tagger model
    (or with ``tagged=False``) the rule readers and the soft-skill phrase rules are used.
    """
    gazetteer = gazetteer_spans(sentence)
    tagger_spans = _tagger_spans(sentence, gazetteer) if tagged else None
    found: list[SkillSpan] = []
    if phrases and tagger_spans is not None:
        found += tagger_spans
        found += gazetteer
        return _non_overlapping(found)
    found += gazetteer
    found += _cue_list_spans(sentence)
    if named:
        found += _named_spans(sentence)
    if phrases:
        found += _soft_noun_spans(sentence)
        found += _phrase_spans(sentence)
    elif tagger_spans is not None:
        for span in tagger_spans:
            name = _tagged_name(sentence, span.start, span.end) if span.kind == "skill" else None
            if name is not None:
                found.append(name)
    return _non_overlapping(found)


def _tagger_spans(sentence: str, gazetteer: list[SkillSpan]) -> list[SkillSpan] | None:
    """The CRF tagger's spans as tagged: "skill" when the span holds a clean short name
    (see _tagged_name), else "phrase"; None when the tagger model is not usable."""
    try:
        chars = skill_tagger.tag_spans(sentence, [(s.start, s.end) for s in gazetteer])
    except skill_tagger.TaggerUnavailable:
        return None
    spans: list[SkillSpan] = []
    for start, end in chars:
        kind = "skill" if _tagged_name(sentence, start, end) is not None else "phrase"
        spans.append(SkillSpan(start, end, _display(sentence[start:end]), kind))
    return spans


def _tagged_name(sentence: str, start: int, end: int) -> SkillSpan | None:
    """A tagger span as a skill name, or None when it is a clause or a soft skill."""
    text = sentence[start:end]
    if len(text) > MAX_TAGGED_NAME_CHARS or SOFT_SKILL_NOUNS.search(text):
        return None
    words = re.findall(r"[\w+#.&/-]+", text.lower())
    if not words or words[-1] in SOFT_WORDS or any(w in TAGGED_STOP_WORDS for w in words):
        return None
    if len(words) == 1 and words[0] in GENERIC_NAMES:
        return None
    if verb_base(words[0]) is not None or (len(words) > 1 and ING_WORD.match(words[0])):
        return None
    item = _trim_item(sentence, start, end)
    if item is None or len(item.name.split()) > MAX_TAGGED_NAME_WORDS:
        return None
    return item


def _non_overlapping(spans: list[SkillSpan]) -> list[SkillSpan]:
    """Keep earlier-listed readers first; a later span is dropped when it overlaps.

    A phrase span may contain skill spans: it then replaces them (SkillSpan marks the
    whole clause), unless it is the phrase that would be cut."""
    kept: list[SkillSpan] = []
    for span in spans:
        if span.kind == "phrase":
            inside = [k for k in kept if span.start <= k.start and k.end <= span.end]
            partial = [
                k for k in kept if k not in inside and k.start < span.end and span.start < k.end
            ]
            if partial or any(k.kind == "phrase" for k in inside):
                continue
            kept = [k for k in kept if k not in inside]
            kept.append(span)
            continue
        if any(k.start < span.end and span.start < k.end for k in kept):
            continue
        kept.append(span)
    return sorted(kept, key=lambda s: (s.start, s.end))


def gazetteer_spans(sentence: str) -> list[SkillSpan]:
    return list(_gazetteer_spans_cached(sentence))


@lru_cache(maxsize=4096)
def _gazetteer_spans_cached(sentence: str) -> tuple[SkillSpan, ...]:
    """The gazetteer's names in a sentence; cached, as three readers ask for them."""
    gaz = _gazetteer()
    spans: list[SkillSpan] = []
    if gaz.folded is not None:
        for match in gaz.folded.finditer(sentence):
            name = gaz.names.get(match.group(0).lower(), match.group(0))
            spans.append(SkillSpan(match.start(), match.end(), name, "skill"))
    if gaz.exact is not None:
        for match in gaz.exact.finditer(sentence):
            # "Go further", "Excel at": a capitalised common word opening a sentence.
            if " " not in match.group(0) and not sentence[: match.start()].strip(" -*•·"):
                continue
            spans.append(SkillSpan(match.start(), match.end(), match.group(0), "skill"))
    # Longest first so "Microsoft Excel" beats "Excel" when both match.
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    return tuple(_non_overlapping(spans))


def _cue_list_spans(sentence: str) -> list[SkillSpan]:
    spans: list[SkillSpan] = []
    for cue in SKILL_CUES.finditer(sentence):
        start = cue.end()
        stop = LIST_END.search(sentence, start)
        end = stop.start() if stop else len(sentence)
        position = start
        for piece in LIST_SPLIT.split(sentence[start:end]):
            index = sentence.find(piece, position) if piece else -1
            if index < 0:
                continue
            position = index + len(piece)
            item = _trim_item(sentence, index, index + len(piece))
            if item is not None:
                spans.append(item)
    return spans


def _trim_item(sentence: str, start: int, end: int) -> SkillSpan | None:
    """A list item without filler words around it, or None when nothing specific is left."""
    words = list(re.finditer(r"\S+", sentence[start:end]))
    while words and words[0].group(0).lower().strip(",") in LEADING_FILLER:
        words.pop(0)
    while words and words[-1].group(0).lower().strip(",") in TRAILING_FILLER:
        words.pop()
    if not words or len(words) > MAX_SKILL_WORDS:
        return None
    text = sentence[start + words[0].start() : start + words[-1].end()].strip(" ,'\"")
    lowered = [w.lower() for w in re.findall(r"[\w+#.-]+", text)]
    if not lowered or all(w.strip(".-") in GENERIC_WORDS for w in lowered):
        return None
    if not re.search(r"[A-Za-z]", text) or re.fullmatch(r"[\d\s+-]+\w{0,5}", text):
        return None
    if lowered[0] in GENERIC_WORDS and len(lowered) == 1:
        return None
    if text.upper() in NOT_SKILL_ACRONYMS:
        return None
    # A list item that starts with a verb-like word is a clause, not a name.
    if verb_base(lowered[0]) is not None and len(lowered) > 2:
        return None
    offset = sentence.find(text, start)
    return SkillSpan(offset, offset + len(text), _display(text), "skill")


def _display(text: str) -> str:
    gaz = _gazetteer()
    return gaz.names.get(text.lower(), gaz.names.get(text, text))


NAMED_TOKEN = re.compile(
    r"(?<![\w.+#<-])(?:"
    r"[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+"  # MercuryGate, PowerShell
    r"|[a-z]+[A-Z][A-Za-z0-9]*"  # iOS, eBay
    r"|[A-Z][A-Z0-9&/+]{1,7}(?:\s?[0-9]{2,5})?"  # SAP, ISO 9001, AS400
    r"|[A-Za-z]+\.(?:js|JS|io|NET|net)"  # Node.js
    r"|\.NET"
    r")(?![\w+#-])"
)


def _named_spans(sentence: str) -> list[SkillSpan]:
    letters = [c for c in sentence if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return []  # a CAPS heading or shouted line: its capitals say nothing
    spans: list[SkillSpan] = []
    for match in NAMED_TOKEN.finditer(sentence):
        token = match.group(0)
        bare = re.sub(r"[^A-Za-z]", "", token)
        if token.upper() in NOT_SKILL_ACRONYMS or bare.upper() in NOT_SKILL_ACRONYMS:
            continue
        if len(bare) < 2 or token.startswith("<"):
            continue
        spans.append(SkillSpan(match.start(), match.end(), _display(token), "skill"))
    return spans


def _soft_noun_spans(sentence: str) -> list[SkillSpan]:
    spans: list[SkillSpan] = []
    for match in SOFT_SKILL_NOUNS.finditer(sentence):
        words = list(re.finditer(r"\S+", match.group(0)))
        while len(words) > 1 and words[0].group(0).lower() in SOFT_LEADING | LEADING_FILLER:
            words.pop(0)
        start = match.start() + words[0].start()
        end = match.start() + words[-1].end()
        spans.append(SkillSpan(start, end, sentence[start:end], "phrase"))
    return spans


def _phrase_spans(sentence: str) -> list[SkillSpan]:
    """Verb phrases: after "ability to", "you will" and friends, and duty clauses."""
    starts: list[int] = []
    body = re.match(r"[\s\-*•·⌲☞▪◦●>\x95]*", sentence)
    head = body.end() if body else 0
    first = ACTION_OPENERS.match(sentence, head)
    if first and _is_verb(first.group(0)):
        starts.append(head)
    for cue in PHRASE_CUES.finditer(sentence):
        after = ACTION_OPENERS.match(sentence, cue.end())
        if after and (_is_verb(after.group(0)) or cue.group(0).lower().startswith("abilit")):
            starts.append(cue.end())
    spans: list[SkillSpan] = []
    for start in sorted(set(starts)):
        stop = PHRASE_END.search(sentence, start + 1)
        end = stop.start() if stop else len(sentence)
        words = list(re.finditer(r"\S+", sentence[start:end]))
        if len(words) < 2:
            continue
        words = words[:MAX_PHRASE_WORDS]
        text_end = start + words[-1].end()
        text = sentence[start:text_end].rstrip(" ,")
        spans.append(SkillSpan(start, start + len(text), text, "phrase"))
    return spans


def _is_verb(word: str) -> bool:
    low = word.lower()
    return (
        verb_base(low) is not None
        or bool(ING_WORD.match(low))
        and low
        not in _words("during including regarding according following morning evening bring thing")
    )


# --------------------------------------------------------------------------------------
# The posting
# --------------------------------------------------------------------------------------


def _sentences(text: str) -> list[tuple[str, str]]:
    """(sentence, section) in posting order. The title is left out: "Registered Nurse"
    names the job, not a skill or a competency it asks for."""
    sections = posting_sections(text)
    conditions = set(sections.conditions)
    general = set(sections.general)
    out: list[tuple[str, str]] = []
    # PostingSections keeps each section's items in order; interleave by posting position.
    positions: list[tuple[int, int, str, str]] = []
    cursor: dict[str, int] = {}
    for section, items in (
        (RESPONSIBILITIES, sections.responsibilities),
        (REQUIREMENTS, sections.requirements),
        (NICE_TO_HAVE, sections.nice_to_have),
        (OTHER, sections.other),
    ):
        for order, item in enumerate(items):
            for sentence in split_sentences(item) or [item]:
                found = text.find(sentence[:40], cursor.get(section, 0))
                if found >= 0:
                    cursor[section] = found
                where = section
                if section == OTHER and item in conditions:
                    where = CONDITIONS
                elif section == OTHER and item in general:
                    where = GENERAL
                positions.append((found if found >= 0 else len(text), order, where, sentence))
    positions.sort(key=lambda p: (p[0], p[1]))
    out += [(sentence, section) for _, _, section, sentence in positions]
    return out


TRAILING_SUCH = re.compile(r"\s+such$", re.IGNORECASE)
TRAILING_ADVERBS = re.compile(
    r"(?:\s+(?:strongly|highly|ideally|preferably|desirably|also|especially|essentially))+$",
    re.IGNORECASE,
)


def _extract_skills(sentences: list[tuple[str, str]]) -> list[Skill]:
    order: list[str] = []
    names: dict[str, str] = {}
    evidence: dict[str, list[Evidence]] = {}
    # Pay, benefits and schedule name no skills; a sentence of them inside a job section
    # ("Must work every third weekend.") gets only the curated gazetteer names.
    readable = [(s, section) for s, section in sentences if section != CONDITIONS]
    content = {s for s, section in readable if section in JOB_SECTIONS}
    content -= {s for s in content if is_conditions_sentence(s)}
    # One batched MiniLM run and one batched parse for the whole posting instead of one
    # per sentence; when the tagger is unavailable find_skill_spans falls back to rules.
    with contextlib.suppress(skill_tagger.TaggerUnavailable):
        skill_tagger.prepare([s for s, _ in readable if s in content])
    skill_filter.prepare([s for s, _ in readable])
    for sentence, section in readable:
        named = section in (REQUIREMENTS, NICE_TO_HAVE) and sentence in content
        for span in _kept_spans(sentence, named=named, tagged=sentence in content):
            name = TRAILING_ADVERBS.sub("", span.name)  # "Kroll strongly (preferred)"
            name = TRAILING_SUCH.sub("", name)  # "KPIs such" of "KPIs such as …"
            if name.endswith("-"):
                continue  # "dock-" of "dock-to-stock time": a piece of a word
            if sentence.startswith(name) and entities.opens_with_duty_verb(name):
                name = name.split(" ", 1)[1]  # "Complete MedsCheck reviews"
            key = skill_key(name)
            if not key:
                continue
            if key not in names:
                order.append(key)
                names[key] = name
                evidence[key] = []
            proof = Evidence(sentence, _public_section(section))
            if proof not in evidence[key]:
                evidence[key].append(proof)
    _join_vendor_prefixes(order, names, evidence)
    return [
        Skill(names[key], tuple(evidence[key][:MAX_EVIDENCE]), _skill_type(names[key]))
        for key in order
    ]


def _join_vendor_prefixes(
    order: list[str], names: dict[str, str], evidence: dict[str, list[Evidence]]
) -> None:
    """ "MS" and "Excel" read apart from "MS Excel": a short capitalised prefix right before
    another skill in the same sentence is part of its name."""
    for key in list(order):
        prefix = names[key]
        if not (prefix.isupper() and len(prefix) <= 3):
            continue
        for other in order:
            if other == key:
                continue
            joined = f"{prefix} {names[other]}"
            if any(joined in proof.sentence for proof in evidence[key]):
                names[other] = joined
                order.remove(key)
                break


def _skill_type(name: str) -> str:
    # "German at B2 level": a language is known, not used like a tool
    return "knowledge" if is_language_word(name) else skill_types.skill_type(name)


@dataclass(frozen=True)
class Candidate:
    """A span one reader proposes as a skill, before the typed filter judges it."""

    start: int
    end: int
    reader: str  # "gazetteer" | "list" | "named" | "tagger" | "phrase"
    name: str | None  # the display name for a gazetteer span


def skill_candidates(sentence: str, *, named: bool, tagged: bool) -> list[Candidate]:
    """Every reader's spans for one sentence, in order of trust (gazetteer first).

    ``tagged`` (job content): the tagger and the parse's proper names and noun phrases
    read too; otherwise (a condition sentence, "About us") only the curated names."""
    out = [Candidate(s.start, s.end, "gazetteer", s.name) for s in gazetteer_spans(sentence)]
    if not tagged:
        return out
    curated = {(c.start, c.end) for c in out}
    readers = [("list", _cue_list_spans(sentence))]
    if named:
        readers.append(("named", _named_spans(sentence)))
    tagger = _tagger_spans(sentence, gazetteer_spans(sentence))
    if tagger is not None:
        readers.append(("tagger", [s for s in tagger if (s.start, s.end) not in curated]))
    for reader, spans in readers:
        for span in spans:
            for start, end in skill_filter.split_coordination(sentence, span.start, span.end):
                out.append(Candidate(start, end, reader, None))
    out += [Candidate(s, e, "phrase", None) for s, e in skill_filter.noun_phrases(sentence)]
    return out


def _public_section(section: str) -> str:
    """The section an Evidence names: job-description prose and conditions are "other"."""
    return OTHER if section in (GENERAL, CONDITIONS) else section


def _kept_spans(sentence: str, *, named: bool, tagged: bool) -> list[SkillSpan]:
    """The candidates the typed filter keeps (and the learned filter, for uncurated
    ones), trimmed to the skill's name; where two overlap, the more trusted reader's."""
    judged: list[tuple[Candidate, skill_words.Verdict]] = []
    for candidate in skill_candidates(sentence, named=named, tagged=tagged):
        verdict = skill_filter.judge(
            sentence, candidate.start, candidate.end, curated=candidate.name is not None
        )
        if verdict.keep:
            judged.append((candidate, verdict))
    uncurated = [(c, v) for c, v in judged if c.name is None]
    accepted = skill_model.accept(sentence, [(v.start, v.end, c.reader) for c, v in uncurated])
    rejected = {id(c) for (c, _), ok in zip(uncurated, accepted, strict=True) if not ok}
    kept: list[tuple[SkillSpan, bool]] = []  # (span, curated)
    for candidate, verdict in judged:
        if id(candidate) in rejected or _alias_in_parentheses(sentence, verdict, kept):
            continue
        curated = candidate.name is not None
        overlapping = [k for k in kept if k[0].start < verdict.end and verdict.start < k[0].end]
        if overlapping:
            # A longer uncurated phrase replaces the uncurated fragments it holds whole
            # ("speech and language programmes" over "speech"); otherwise the first wins.
            holds_them = all(
                not was_curated and verdict.start <= k.start and k.end <= verdict.end
                for k, was_curated in overlapping
            )
            if curated or not holds_them:
                continue
            kept = [k for k in kept if k not in overlapping]
        if curated and (verdict.start, verdict.end) == (candidate.start, candidate.end):
            name = candidate.name or sentence[verdict.start : verdict.end]
        else:
            name = _display(sentence[verdict.start : verdict.end])
        kept.append((SkillSpan(verdict.start, verdict.end, name, "skill"), curated))
    return sorted((span for span, _ in kept), key=lambda s: (s.start, s.end))


def _alias_in_parentheses(
    sentence: str, verdict: skill_words.Verdict, kept: list[tuple[SkillSpan, bool]]
) -> bool:
    """ "(CPC)" after "Driver Certificate of Professional Competence", "(AAMA)" after
    "CMA": an alias or the awarding body of the name just read, not a skill of its own."""
    before = sentence[: verdict.start].rstrip()
    if not before.endswith("(") or not sentence[verdict.end :].lstrip().startswith(")"):
        return False
    opening = len(before) - 1
    return any(0 <= opening - span.end <= 1 for span, _ in kept)


def _score_competencies(
    sentences: list[tuple[str, str]], skills: list[Skill]
) -> list[CompetencyNeed]:
    lexicon = _competency_lexicon()
    vetoes = _competency_vetoes()
    scores: dict[str, float] = {}
    best: dict[str, float] = {}
    proofs: dict[str, list[tuple[float, int, Evidence]]] = {}
    for position, (sentence, section) in enumerate(sentences):
        section_weight = SECTION_WEIGHTS.get(section, SECTION_WEIGHTS[OTHER])
        if section in JOB_SECTIONS and is_conditions_sentence(sentence):
            section_weight = SECTION_WEIGHTS[OTHER]
        if not section_weight:
            continue
        for competency, patterns in lexicon:
            strength = max(
                (weight for pattern, weight in patterns if pattern.search(sentence)),
                default=0.0,
            )
            if not strength or any(v.search(sentence) for v in vetoes.get(competency, ())):
                continue
            value = strength * section_weight
            scores[competency] = scores.get(competency, 0.0) + value
            best[competency] = max(best.get(competency, 0.0), value)
            proof = Evidence(sentence, _public_section(section))
            proofs.setdefault(competency, []).append((value, position, proof))
    counted = [
        s for s in skills if any(e.section != OTHER for e in s.evidence) or len(s.evidence) > 1
    ]
    if len(counted) >= TECHNICAL_DEPTH_MIN_SKILLS:
        per_sentence: dict[Evidence, int] = {}
        first_seen: dict[Evidence, int] = {}
        for skill in counted:
            for proof in skill.evidence:
                per_sentence[proof] = per_sentence.get(proof, 0) + 1
                first_seen.setdefault(proof, len(first_seen))
        scores["technical_depth"] = min(
            TECHNICAL_DEPTH_CAP, TECHNICAL_DEPTH_PER_SKILL * len(counted)
        )
        best["technical_depth"] = 1.0
        proofs["technical_depth"] = [
            (float(count), first_seen[proof], proof) for proof, count in per_sentence.items()
        ]
    kept = {c: s for c, s in scores.items() if best[c] >= MIN_EVIDENCE}
    if not kept:
        return []
    top = max(kept.values())
    needs = [
        CompetencyNeed(
            id=competency,
            weight=round(score / top, 3),
            evidence=tuple(
                proof
                for _, _, proof in sorted(proofs[competency], key=lambda p: (-p[0], p[1]))[
                    :MAX_EVIDENCE
                ]
            ),
        )
        for competency, score in kept.items()
    ]
    return sorted(needs, key=lambda need: (-need.weight, need.id))


@lru_cache(maxsize=64)
def analyse_posting(text: str) -> PostingAnalysis:
    """Competencies (best first) and skills (in order of appearance) of a job posting.

    Cached by text: a posting is re-read on every bank view but rarely changes, and the
    result is immutable.
    """
    if not text or not text.strip():
        return PostingAnalysis(competencies=(), skills=())
    sentences = _sentences(text)
    skills = _extract_skills(sentences)
    competencies = _score_competencies(sentences, skills)
    return PostingAnalysis(competencies=tuple(competencies), skills=tuple(skills))


def analysis_as_json(analysis: PostingAnalysis) -> dict[str, object]:
    """{"competencies": [{"id", "weight", "evidence"}], "skills": [{"name", "evidence",
    "type"}]}; evidence is the first evidence sentence (a string), type one of "tool",
    "procedure", "certification", "knowledge"."""
    return {
        "competencies": [
            {
                "id": need.id,
                "weight": need.weight,
                "evidence": need.evidence[0].sentence if need.evidence else "",
            }
            for need in analysis.competencies
        ],
        "skills": [
            {
                "name": skill.name,
                "evidence": skill.evidence[0].sentence if skill.evidence else "",
                "type": skill.type,
            }
            for skill in analysis.skills
        ],
    }
