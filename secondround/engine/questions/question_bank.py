"""The question bank of one round: what they are likely to ask, ranked, each with its reasons.

Sources, as the articles describe a second round: the staples ("What have you learned
about us so far?"), behavioural and situational questions for each competency the
posting weights, the round-1 questions that went badly (they come again, harder), the
concerns the interviewers signalled, what every employer checks, a technical deep dive
on the posting's skills, curveballs, and illegal questions with a calm way to redirect.
Each interviewer is matched to the questions their relation to the role makes likely.

Scores are heuristic priorities in 0..~1.1, not probabilities: they order the list.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from secondround.engine.nlp import parsing as nlp
from secondround.engine.nlp import phrasing
from secondround.engine.nlp.entities import (
    SLOT_KINDS,
    EntityIndex,
    Kind,
    accepts_all,
    kind_from_cues,
    kind_of_text,
)
from secondround.engine.nlp.vocabulary import COMPETENCIES
from secondround.engine.nlp.word_tables import word_set
from secondround.engine.questions.classify import classify_question
from secondround.engine.questions.illegal_questions import protected_ground
from secondround.engine.questions.question_library import (
    EMPLOYER_CHECKS,
    SKILL_PLACEHOLDER,
    LibraryQuestion,
    library,
    skill_templates,
)
from secondround.engine.questions.question_words import tokens

# --------------------------------------------------------------------------------------
# Data tables
# --------------------------------------------------------------------------------------

# The three questions every article names for a second round.
STAPLES: tuple[tuple[str, str, str], ...] = (
    ("What have you learned about us so far?", "motivation", "second_round"),
    ("How would you proceed if you were hired into this job?", "ownership", "second_round"),
    ("Why do you want to work for us?", "motivation", "motivation"),
)
STAPLE_PROBES = (
    "What surprised you most?",
    "How does that change how you see the role?",
    "What would you do first?",
)

# Who is likely to ask what, by relation to the role (from the articles: the boss's boss
# weighs strategy, motivation and judgement; peers the day-to-day and collaboration; HR
# culture, motivation and pay; the technical expert the deep dive; the hiring manager the
# first 90 days and being managed).
RELATION_FOCUS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "managers_manager": (
        frozenset({"decision_making", "leadership", "motivation", "results", "influence"}),
        frozenset({"second_round", "motivation"}),
    ),
    "senior_leader": (
        frozenset({"decision_making", "leadership", "motivation", "results", "culture_fit"}),
        frozenset({"second_round", "motivation"}),
    ),
    "hiring_manager": (
        frozenset({"managing_up", "ownership", "prioritization", "results", "technical_depth"}),
        frozenset({"second_round", "situational"}),
    ),
    "peer": (
        frozenset({"teamwork", "conflict", "communication", "cross_functional", "learning"}),
        frozenset({"behavioral"}),
    ),
    "cross_department": (
        frozenset({"cross_functional", "communication", "influence", "customer_focus"}),
        frozenset({"behavioral"}),
    ),
    "hr": (
        frozenset({"culture_fit", "motivation", "self_awareness", "integrity"}),
        frozenset({"motivation", "salary", "self_assessment"}),
    ),
    "technical_expert": (
        frozenset({"technical_depth", "problem_solving", "attention_to_detail"}),
        frozenset({"technical"}),
    ),
}
RELATION_PHRASES = {
    "hiring_manager": "your future manager",
    "managers_manager": "the boss's boss",
    "senior_leader": "a senior leader",
    "peer": "a future peer",
    "cross_department": "from another department",
    "hr": "from HR",
    "technical_expert": "the technical expert",
}
GENERIC_PROBES = (
    "What exactly was your part?",
    "What would you do differently?",
    "How did you measure the result?",
)
FOLLOW_UP_PROBES = (
    "Give me a specific example.",
    "What did you do yourself, step by step?",
    "What was the result, in numbers?",
)

SCORE_STAPLE = 1.0
SCORE_STRUGGLED = 0.95
SCORE_CONCERN = 0.9
SCORE_UNSURE = 0.85
SCORE_OWN = 0.8
SCORE_SECOND_ROUND = 0.72
SCORE_CHECK = 0.7
SCORE_TECHNICAL = 0.6
SCORE_ASKED_AGAIN = 0.5
SCORE_CURVEBALL = 0.3
SCORE_ILLEGAL = 0.25
RELATION_BOOST = 0.1
MAX_SKILLS = 5
MIN_SURE_SKILLS = 3  # below this many sure skills, guessed ones fill the deep dive too
MAX_SKILL_WORDS = 6  # a longer "skill" is a sentence of the posting, not a name
MAX_PER_COMPETENCY = 3
CURVEBALLS = 2
ILLEGAL = 3
CONCERN_QUESTIONS = 2


# --------------------------------------------------------------------------------------
# Input and output
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Need:
    """A competency the posting asks for, weight in 0..1, with a sentence as evidence."""

    competency: str
    weight: float
    evidence: str = ""


@dataclass(frozen=True)
class RosterPerson:
    key: str
    name: str
    relation: str | None
    title: str = ""


@dataclass(frozen=True)
class AskedBefore:
    """A question from an earlier round and how it went (comfortable/unsure/struggled/None).

    ``competency`` and ``kind``: the user's filing; None lets the classifier file it."""

    text: str
    went: str | None
    competency: str | None = None
    kind: str | None = None


@dataclass(frozen=True)
class OwnQuestion:
    key: str
    text: str
    competency: str
    kind: str


@dataclass(frozen=True)
class BankRequest:
    needs: Sequence[Need] = ()
    skills: Sequence[str] = ()
    roster: Sequence[RosterPerson] = ()
    asked_before: Sequence[AskedBefore] = ()
    concerns: Sequence[str] = ()
    own: Sequence[OwnQuestion] = ()
    seed: str = ""  # varies the curveball/illegal picks between opportunities, stably
    entities: EntityIndex | None = None  # what each skill is: a tool, a procedure...
    duties: Sequence[str] = ()  # the posting's responsibilities, for concern probes


@dataclass(frozen=True)
class BankQuestion:
    key: str  # stable across rebuilds, so "prepared" marks survive
    text: str
    competency: str
    kind: str
    score: float
    reasons: tuple[str, ...]
    probes: tuple[str, ...]
    interviewers: tuple[str, ...]  # RosterPerson keys of who is likely to ask it
    source: str  # staple, competency, follow_up, concern, check, technical, curveball, illegal, own
    guidance: str | None = None
    filler: str = ""  # the skill a technical template was filled with
    filler_kind: str = ""  # its kind, which the template accepts


@dataclass
class _Draft:
    key: str
    text: str
    competency: str
    kind: str
    score: float
    source: str
    relations: tuple[str, ...] = ()
    probes: tuple[str, ...] = ()
    reasons: list[str] = field(default_factory=list)
    guidance: str | None = None
    filler: str = ""
    filler_kind: str = ""


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


def build_bank(request: BankRequest, *, limit: int = 80) -> list[BankQuestion]:
    questions = library()
    drafts: dict[str, _Draft] = {}
    for draft in (
        *_staples(questions),
        *_asked_before(request.asked_before, questions),
        *_concern_questions(request.concerns, questions, request.duties, request.entities),
        *_own(request.own, questions),
        *_second_round(questions),
        *_checks(questions),
        *_competency_questions(request.needs, request.roster, questions),
        *_technical(request.skills, questions, request.entities or EntityIndex()),
        *_sample(questions, "curveball", CURVEBALLS, request.seed),
        *_sample(questions, "illegal", ILLEGAL, request.seed),
    ):
        _merge(drafts, draft)
    ranked = [_finish(draft, request.roster) for draft in drafts.values()]
    ranked.sort(key=lambda question: (-question.score, question.text))
    return ranked[:limit]


# --------------------------------------------------------------------------------------
# Sources
# --------------------------------------------------------------------------------------


def _staples(questions: Sequence[LibraryQuestion]) -> list[_Draft]:
    by_text = {_normal(q.text): q for q in questions}
    drafts = []
    for text, competency, kind in STAPLES:
        known = by_text.get(_normal(text))
        drafts.append(
            _Draft(
                key=known.id if known else f"staple:{_digest(text)}",
                text=text,
                competency=competency,
                kind=kind,
                score=SCORE_STAPLE,
                source="staple",
                relations=known.relations if known else ("hiring_manager", "managers_manager"),
                probes=known.probes if known else STAPLE_PROBES,
                reasons=["A second-round staple: expect it from someone on the day"],
            )
        )
    return drafts


def _asked_before(
    asked: Sequence[AskedBefore], questions: Sequence[LibraryQuestion]
) -> list[_Draft]:
    """Round-1 questions come back, deeper; the hard ones first."""
    drafts = []
    for item in asked:
        if not item.text.strip():
            continue
        if item.competency and item.kind:
            competency, kind = item.competency, item.kind
        else:
            labels = classify_question(item.text)
            competency, kind = item.competency or labels.competency, item.kind or labels.kind
        if item.went == "struggled":
            score, reason = (
                SCORE_STRUGGLED,
                "You struggled with this in round 1: it will come again, harder",
            )
        elif item.went == "unsure":
            score, reason = (
                SCORE_UNSURE,
                "You were unsure of this answer in round 1: expect it again",
            )
        else:
            score, reason = (
                SCORE_ASKED_AGAIN,
                "Asked in round 1: they may check your answer is consistent",
            )
        drafts.append(
            _Draft(
                key=asked_key(item.text),
                text=as_question(item.text),
                competency=competency,
                kind=kind,
                score=score,
                source="follow_up",
                probes=FOLLOW_UP_PROBES,
                reasons=[reason],
                guidance=_illegal_guidance(item.text, questions) if kind == "illegal" else None,
            )
        )
        if item.went in ("struggled", "unsure"):
            deeper = _best(questions, competency, kinds=("behavioral",), skip=item.text)
            topic = COMPETENCIES[competency].lower()
            if deeper:
                drafts.append(
                    _from_library(
                        deeper,
                        score - 0.1,
                        "follow_up",
                        f"A deeper question on what you found hard in round 1 ({topic})",
                    )
                )
    return drafts


# A question as asked: a question mark, a question word or auxiliary first, or an
# interviewer's imperative ("Tell me about...", "Walk us through...").
QUESTION_SHAPED = re.compile(
    r"(?:\?\s*$)|^(?:what|why|how|when|where|which|who|whom|whose|is|are|do|does|did|can|"
    r"could|would|will|should|have|has|had|tell|describe|walk|talk|give|explain|share|"
    r"name|list|imagine|suppose|if)\b",
    re.IGNORECASE,
)
IMPERATIVE = re.compile(
    r"^(?:tell|describe|walk|talk|give|explain|share|name|list|imagine|suppose)\b", re.I
)
# "asked abt my GA monitoring", "Q: ...": the note's own words for "they asked about".
ASKED_CUE = re.compile(
    r"^(?:q\s*[:.-]\s*|(?:she|he|they|[A-Z][\w'-]+)?\s*(?:also\s+)?asked\s+"
    r"(?:me\s+)?(?:abt|about|re|on|for)?\s*)",
    re.IGNORECASE,
)


def as_question(text: str) -> str:
    """A round-1 question as the user noted it, as a question a person would ask: kept as
    typed when it reads as one, else its topic asked about ("asked abt my GA monitoring"
    -> "Can you tell me about your GA monitoring?"); the note itself when no topic reads
    out of it."""
    clean = " ".join(text.split())
    if not clean or clean.endswith("?"):
        return clean
    if QUESTION_SHAPED.search(clean):
        # "why leaving", "How do you feel about OOH": a question typed without its mark.
        asking = not IMPERATIVE.match(clean)
        ending = "" if clean[-1] in ".!" else "?" if asking else "."
        return clean[0].upper() + clean[1:] + ending
    bare = ASKED_CUE.sub("", clean).strip(" -:;,.")
    bare = OWN_POSSESSIVE.sub("your", bare)
    for pattern, replacement in FIRST_PERSON:
        bare = pattern.sub(replacement, bare)
    if not bare:
        return clean
    piece = phrasing.read(bare)
    if piece.form is phrasing.Form.VERB and not piece.negated:
        past = phrasing.verb_phrase(piece, tense="past")
        if past:
            return f"Tell me about a time you {past}."
    if piece.form in {phrasing.Form.NOUN, phrasing.Form.NAME}:
        topic = phrasing.topic(piece, voice=phrasing.Voice.YOU, article="")
        if topic:
            return f"Can you tell me about {topic}?"
    return clean


def _concern_questions(
    concerns: Sequence[str],
    questions: Sequence[LibraryQuestion],
    duties: Sequence[str] = (),
    entities: EntityIndex | None = None,
) -> list[_Draft]:
    """Questions that probe each concern an interviewer signalled, read between the lines:
    the concern itself asked the way an interviewer would ask it ("Tell me about the last
    time you titrated drips independently."), the posting duty closest to it, then library
    questions of the same competency."""
    drafts = []
    for concern in concerns:
        if not concern.strip():
            continue
        reason = f"They seemed worried: “{_clip(concern)}”"
        for text, probes in concern_probes(concern, duties, entities):
            drafts.append(
                _Draft(
                    key=f"concern:{_digest(text)}",
                    text=text,
                    competency=classify_question(text).competency,
                    kind="behavioral" if text.startswith(("Tell me", "Walk me")) else "situational",
                    score=SCORE_CONCERN + 0.02,
                    source="concern",
                    probes=probes,
                    reasons=[reason],
                )
            )
        if any(draft.reasons == [reason] and draft.key.startswith("concern:") for draft in drafts):
            continue  # the concern's own questions beat library questions of its competency
        competency = classify_question(concern).competency
        picked = _best_many(questions, competency, ("behavioral", "situational"), CONCERN_QUESTIONS)
        for question in picked:
            drafts.append(_from_library(question, SCORE_CONCERN, "concern", reason))
    return drafts


INDEPENDENCE = re.compile(
    r"\b(?:independent(?:ly)?|on (?:my|your|their|his|her) own|alone|without (?:help|support|"
    r"supervision)|unsupervised|by (?:my|your)self)\b",
    re.IGNORECASE,
)
COMMITMENT = re.compile(
    r"\b(?:commit(?:ment|ted)?|availability|available|stay|leave|leaving|nights?|weekends?|"
    r"holidays?|travel|relocat\w*|on[- ]call|shifts?|hours|"
    r"(?:\d+|a|one|two|three|four|five)[- ]years?)\b",  # a length of time, not "Year 9"
    re.IGNORECASE,
)
INDEPENDENCE_PROBES = (
    "What would you do on your own, and what would you check with someone first?",
    "When did you last ask for a second check, and why?",
    "What would you hand off to others, and how?",
)
GAP_PROBES = (
    "What have you done so far to learn it?",
    "What is the closest thing you have used?",
    "How quickly did you learn the last new system or method?",
)
COMMITMENT_PROBES = (
    "What would make it hard for you?",
    "How have you handled something similar before?",
    "What would you need from us?",
)
DONE_PROBES = (
    "What did you check before you started?",
    "What exactly was your part?",
    "What would you do differently now?",
)


OWN_POSSESSIVE = re.compile(r"\b(?:his|her)\b(?=\s+\w)", re.IGNORECASE)
STANCE_VERB = re.compile(
    r"^(?:really\s+)?(?:wants?|needs?|prefers?|expects?|likes?|requires?|values?|looks?\s+for)\b",
    re.IGNORECASE,
)


def concern_probes(
    concern: str, duties: Sequence[str] = (), entities: EntityIndex | None = None
) -> list[tuple[str, tuple[str, ...]]]:
    """The specific questions an interviewer would ask about a concern, with probes.

    "titrated drips independently" -> "Tell me about the last time you titrated drips
    independently." (and, for working alone, what you would check with someone first);
    "one-year nights commitment" -> "How do you feel about the one-year nights
    commitment?"; "never used Kronos" -> "How would you get up to speed on Kronos?".
    A concern that reads as none of these gets no question of its own."""
    out: list[tuple[str, tuple[str, ...]]] = []
    concern = _about_you(concern)
    term = _known_term(concern, entities)
    if term:
        # "hubspot??", "OOH": a term the user saved, asked about as what it is.
        out.append(_typed_question(term, entities))
        duty = _closest_duty(concern, duties)
        if duty:
            out.append(
                (f"Walk me through how you would {duty}, from start to finish.", DONE_PROBES)
            )
        return out
    pieces = phrasing.usable(phrasing.pieces(concern))
    if len(pieces) > 1 and pieces[0].form is phrasing.Form.NAME:
        pieces = pieces[1:]  # "Victor - they asked if ...": who raised it, not what
    independent = bool(INDEPENDENCE.search(concern))
    for piece in pieces[:1]:
        # The concern is about the candidate: "doesn't know his numbers" is "your numbers".
        text = OWN_POSSESSIVE.sub("your", phrasing.WORRY_CUE.sub("", piece.text))
        asked = REPORTED_QUESTION.match(text)
        if asked:
            # "they asked if I'd cope with Y9": the question they asked, not something the
            # candidate did. "asked why ..." or "asked about ..." gets no question of its own.
            text = asked.group("whether") if asked.group("whether") else ""
        inner = phrasing.read(text) if text != piece.text else piece
        limited = ONLY.search(inner.text) if inner.form is phrasing.Form.VERB else None
        if limited:
            # "only used Opera for check-ins": a limit, not something to tell a story of.
            objects = _verb_object(inner.text)
            if objects:
                out.append((f"What would you need to learn to use all of {objects}?", GAP_PROBES))
        elif inner.form is phrasing.Form.VERB and (inner.negated or inner.tense == "perfect"):
            objects = _verb_object(inner.text)
            if objects:
                out.append((f"How would you get up to speed on {objects}?", GAP_PROBES))
            gerund = _gerund_phrase(_positive(inner.text))
            if gerund:
                out.append((f"Tell me about the closest you have come to {gerund}.", DONE_PROBES))
        elif inner.form is phrasing.Form.VERB and STANCE_VERB.match(inner.text):
            pass  # "wants someone who stays": what they want, not something the candidate did
        elif inner.form is phrasing.Form.VERB:
            past = phrasing.verb_phrase(inner, tense="past")
            if past:
                out.append((f"Tell me about the last time you {past}.", DONE_PROBES))
        elif inner.form is phrasing.Form.NOUN and re.match(r"(?:whether|if)\s", inner.text, re.I):
            question = phrasing.yes_no_question(inner)
            if question:
                out.append(
                    (question, COMMITMENT_PROBES if COMMITMENT.search(inner.text) else DONE_PROBES)
                )
        elif inner.form in {phrasing.Form.NOUN, phrasing.Form.NAME}:
            noun = phrasing.topic(inner, voice=phrasing.Voice.YOU)
            lacking = re.match(
                r"^(?:no|not enough|limited|little|lack of|not much)\s+(.+?)(\s+experience)?$",
                _strip_adjuncts(inner.text),
                re.I,
            )
            missing = EXPERIENCE_OF.sub("", lacking.group(1)) if lacking else ""
            if lacking and missing:
                if missing != lacking.group(1):  # "limited experience with IFRS 16 leases"
                    gap = f"How would you build up your experience with {missing}?"
                else:
                    gap = _gap_question(missing, bool(lacking.group(2)))
                out.append((gap, GAP_PROBES))
                out.append(
                    (
                        f"Tell me about the closest you have come to working with {missing}.",
                        DONE_PROBES,
                    )
                )
            elif noun and COMMITMENT.search(inner.text):
                out.append((f"How do you feel about {noun}?", COMMITMENT_PROBES))
            elif noun:
                bare = phrasing.topic(inner, voice=phrasing.Voice.YOU, article="") or noun
                out.append(_typed_question(bare, entities))
        elif inner.form is phrasing.Form.CLAUSE:
            question = phrasing.yes_no_question(inner)
            if question:
                out.append(
                    (question, COMMITMENT_PROBES if COMMITMENT.search(inner.text) else DONE_PROBES)
                )
    if independent and out:
        out.append(
            (
                "Which parts of this work would you do on your own from day one, and when "
                "would you ask for a second check?",
                INDEPENDENCE_PROBES,
            )
        )
    duty = _closest_duty(concern, duties)
    if duty:
        out.append((f"Walk me through how you would {duty}, from start to finish.", DONE_PROBES))
    return out


ONLY = re.compile(r"\b(?:only|just)\b", re.IGNORECASE)
TOOL_PROBES = (
    "What have you used it for so far?",
    "Which parts of it have you not used yet?",
    "How quickly did you learn the last new system?",
)
PROCEDURE_PROBES = (
    "What do you check before you start?",
    "What can go wrong, and what do you do then?",
    "When would you ask someone to check your work?",
)
KNOWLEDGE_PROBES = (
    "Where have you applied it in your work?",
    "What changed in it recently, and how did you find out?",
    "Where would you look it up if you were unsure?",
)


def _known_term(concern: str, entities: EntityIndex | None) -> str:
    """The concern when it is only a term the index knows as a thing to ask about."""
    if entities is None:
        return ""
    bare = " ".join(re.sub(r"[?!.…]+", " ", concern).split())
    known = entities.entities.get(bare.casefold())
    if known is None or known.kind not in SLOT_KINDS or known.kind is Kind.TERM:
        return ""
    return known.text


def _typed_question(thing: str, entities: EntityIndex | None) -> tuple[str, tuple[str, ...]]:
    """A concern about a thing, asked about it as what it is: a tool as a tool ("What have
    you used HubSpot for?"), a procedure as work done, a body of knowledge as knowledge, a
    certificate as something to hold; anything else as experience with it."""
    known = entities.entities.get(" ".join(thing.casefold().split())) if entities else None
    name = known.text if known is not None else thing
    if known is not None:
        kind: Kind | None = known.kind
    elif re.search(r"\b(?:not|no|never)\b", thing, re.IGNORECASE):
        kind = None  # "ACLS not current": a state of the thing, asked about as it is
    else:
        # Only what the words say clearly: a lower-case phrase is no body of knowledge
        # by its shape alone ("caseload size", "the pace").
        kind = kind_from_cues(thing)
        if kind is None and kind_of_text(thing) is Kind.PROCEDURE:
            kind = Kind.PROCEDURE  # "antibody identification", "wound debridement"
    if kind is Kind.CERTIFICATION:
        return (f"How soon could you get {phrasing.with_article(name, 'a')}?", GAP_PROBES)
    frame, probes = TYPED_QUESTIONS.get(
        kind, ("What experience do you have with {name}?", DONE_PROBES)
    )
    return frame.format(name=name), probes


# How a concern about a thing is asked, by the thing's kind ({name}: the thing).
TYPED_QUESTIONS: dict[Kind | None, tuple[str, tuple[str, ...]]] = {
    Kind.TOOL: (
        "What have you used {name} for, and what would you need to learn here?",
        TOOL_PROBES,
    ),
    Kind.PROCEDURE: (
        "Walk me through the last time you did {name}, step by step.",
        PROCEDURE_PROBES,
    ),
    Kind.KNOWLEDGE: (
        "Tell me about a case where your knowledge of {name} made a difference.",
        KNOWLEDGE_PROBES,
    ),
    Kind.METRIC: ("How have you tracked and improved {name} in your work?", DONE_PROBES),
}


# Heads of a thing one holds rather than knows: asked about as something to get.
HELD_HEADS = word_set(
    "ticket tickets licence license certificate certification card permit qualification"
)


def _gap_question(missing: str, experience: bool) -> str:
    """ "no forklift ticket" -> "How soon could you get a forklift ticket?"; "no chute liner
    experience" -> "How would you build up your chute liner experience?"."""
    words = missing.split()
    if words and words[-1].casefold() in HELD_HEADS:
        return f"How soon could you get {phrasing.with_article(missing, 'a')}?"
    if experience:
        return f"How would you build up your {missing} experience?"
    return f"How would you get up to speed on {missing}?"


# "they asked if I'd cope with behaviour in Y9", "asked why I'm leaving": reported speech.
REPORTED_QUESTION = re.compile(
    r"^(?:(?:she|he|they|[A-Z][\w'-]+)\s+)?(?:(?:also|again|then)\s+)?"
    r"(?:asked|wondered|questioned|wanted\s+to\s+know|checked|pushed\s+on)\b"
    r"(?:\s+(?:me|us))?(?:\s+(?P<whether>(?:if|whether)\s+.+))?",
    re.IGNORECASE,
)


def _gerund_phrase(text: str) -> str | None:
    """A verb phrase opening with the verb, as a gerund phrase: "managed night audit" ->
    "managing night audit". The tagger may read an opening participle as an adjective
    ("managed night audit"), so the first word is re-inflected from its verb lemma; None
    when the first word is not a verb."""
    words = text.split()
    if not words:
        return None
    gerund = phrasing.verb_phrase(phrasing.read(text), tense="gerund")
    if gerund and gerund.split()[0].casefold().endswith("ing"):
        return gerund
    lemma = phrasing.verb_lemma_of(words[0])
    form = phrasing.inflect(lemma, "VBG") if lemma else None
    if not form:
        return None
    return " ".join([form, *words[1:]])


def _positive(text: str) -> str:
    """ "hasn't led a migration" -> "led a migration"; "never used Kronos" -> "used Kronos"."""
    return re.sub(
        r"^(?:(?:has|have|had|did|does|do)(?:n't|n’t| not)?|never|not)\s+(?:(?:never|not|yet)\s+)?",
        "",
        text,
        flags=re.IGNORECASE,
    ).strip()


def _verb_object(text: str) -> str:
    """The thing a gap is about: "never used Kronos" -> "Kronos", "hasn't taught A level
    physics" -> "A level physics": the verb's object as the parse reads it, without its
    determiner or what follows a preposition ("a code as primary nurse" -> "code"); the
    last capitalised name when nothing parses."""
    positive = _strip_adjuncts(_positive(text))
    try:
        doc = nlp.parse(positive)
    except nlp.NlpUnavailable:
        doc = None
    if doc is not None:
        for token in doc:
            if token.dep_ in {"dobj", "pobj", "attr"} and token.pos_ in {"NOUN", "PROPN"}:
                left = token.left_edge.i
                while (
                    left < token.i
                    and doc[left].dep_ in {"det", "poss", "predet"}
                    and doc[left].text.islower()  # "A level physics" keeps its "A"
                ):
                    left += 1
                found = str(doc[left : token.i + 1].text)
                # A name ("A level physics", "IFRS 16"), never a common noun ("numbers"):
                # only a name is a thing one gets up to speed on.
                if any(c.isupper() or c.isdigit() for c in found):
                    return found
                return ""
    names = re.findall(r"\b[A-Z][\w&.+-]*(?:\s+[A-Z][\w&.+-]*)*", positive)
    return names[-1] if names else ""


# What a note adds after the thing itself: when, where or how much ("since college", "on
# placement", "much", "yet"), never part of what to ask about.
ADJUNCT = re.compile(
    r"\s+(?:since\b|in\s+(?:years|ages|a\s+while)\b|for\s+(?:years|ages|a\s+while)\b|"
    r"(?:at|on|during)\s+(?:placement|uni|university|college|school)\b|yet\b|much\b|"
    r"recently\b|lately\b|before\b|so\s+far\b).*$",
    re.IGNORECASE,
)
EXPERIENCE_OF = re.compile(
    r"^(?:(?:any|much|real|hands-on|recent)\s+)?experience\s+(?:with|in|of|on|doing)\s+",
    re.IGNORECASE,
)
# The candidate's own possessives (the question frames turn "I" into "you" themselves).
FIRST_PERSON = (
    (re.compile(r"\bmyself\b", re.IGNORECASE), "yourself"),
    (re.compile(r"\bmy\b", re.IGNORECASE), "your"),
    (re.compile(r"\bmine\b", re.IGNORECASE), "yours"),
)
# "she's never done a code", "he hasn't used Kronos": the candidate, noted in the third
# person (or the first): the subject goes, the verb phrase stays.
CANDIDATE_SUBJECT = re.compile(
    r"^(?:(?:she|he|they|i)\s*(?:['’]s|['’]ve|['’]d|\s+has|\s+have|\s+had|\s+is|\s+was)?"
    r"\s+)(?=(?:never|not|no|hasn['’]t|haven['’]t|hadn['’]t|only|just|done|used|led|worked)\b)",
    re.IGNORECASE,
)


def _about_you(concern: str) -> str:
    """The concern as said to the candidate: the worry cue and the candidate's own subject
    gone, first-person words turned to "you" ("if i can do the paid side on my own" ->
    "if you can do the paid side on your own")."""
    text = phrasing.WORRY_CUE.sub("", concern.strip())
    text = CANDIDATE_SUBJECT.sub("", text)
    for pattern, replacement in FIRST_PERSON:
        text = pattern.sub(replacement, text)
    return text or concern


def _strip_adjuncts(text: str) -> str:
    return ADJUNCT.sub("", text).strip()


def _closest_duty(concern: str, duties: Sequence[str]) -> str:
    """The posting duty nearest to a concern, as a base-form verb phrase, or ""."""
    words = _content(concern)
    best, best_score = "", 0.0
    for duty in duties:
        if len(duty.split()) > 25:
            continue  # a paragraph, not a duty
        other = _content(duty)
        if not words or not other:
            continue
        score = len(words & other) / len(words)
        if score > best_score:
            best, best_score = duty, score
    if best_score < 0.3:
        return ""
    phrase = phrasing.duty_phrase(best) or ""
    first = phrase.split(" ", 1)[0]
    if first[:1].isupper() and not first.isupper() and phrasing.verb_lemma_of(first.lower()):
        phrase = first.lower() + phrase[len(first) :]  # "Prepare VAT returns": mid-sentence
    return phrase


def _content(text: str) -> set[str]:
    stems = set()
    for word in re.findall(r"[a-z]{3,}", text.lower()):
        if word in {"the", "and", "for", "with", "per", "your", "our", "their", "independently"}:
            continue
        stems.add(word[:5])
    return stems


def _own(own: Sequence[OwnQuestion], questions: Sequence[LibraryQuestion] = ()) -> list[_Draft]:
    return [
        _Draft(
            key=item.key,
            text=item.text,
            competency=item.competency,
            kind=item.kind,
            score=SCORE_OWN,
            source="own",
            probes=GENERIC_PROBES,
            reasons=["You added this question"],
            guidance=_illegal_guidance(item.text, questions) if item.kind == "illegal" else None,
        )
        for item in own
    ]


# Said to the user when an illegal question of theirs matches no library question's ground.
ILLEGAL_GUIDANCE = (
    "You do not have to answer this. Stay friendly and answer the concern behind it, if "
    "there is one: 'If you are asking whether I can meet the hours and travel this job "
    "needs, I can.' Then steer back to the role. Rules differ by country and region, so "
    "check what applies where you are applying."
)


def _illegal_guidance(text: str, questions: Sequence[LibraryQuestion]) -> str:
    """The calm answer of the library's illegal question on the same protected ground."""
    ground = protected_ground(text)
    if ground is None:
        return ILLEGAL_GUIDANCE
    same = [
        q
        for q in questions
        if q.kind == "illegal" and q.guidance and protected_ground(q.text) == ground
    ]
    if not same:
        return ILLEGAL_GUIDANCE
    words = set(tokens(text))
    # The closest wording on the same ground: most shared words, then library order.
    best = max(same, key=lambda q: len(words & set(tokens(q.text))))
    return best.guidance or ILLEGAL_GUIDANCE


def _second_round(questions: Sequence[LibraryQuestion]) -> list[_Draft]:
    return [
        _from_library(q, SCORE_SECOND_ROUND, "staple", "Common in second interviews")
        for q in questions
        if q.kind == "second_round"
    ]


def _checks(questions: Sequence[LibraryQuestion]) -> list[_Draft]:
    """One question per thing every employer checks in round two."""
    drafts = []
    for check, label in EMPLOYER_CHECKS.items():
        candidates = [q for q in questions if check in q.checks and q.kind != "second_round"]
        if candidates:
            question = min(candidates, key=lambda q: (len(q.checks), q.id))
            drafts.append(
                _from_library(
                    question, SCORE_CHECK, "check", f"Every employer checks in round two: {label}"
                )
            )
    return drafts


def _competency_questions(
    needs: Sequence[Need], roster: Sequence[RosterPerson], questions: Sequence[LibraryQuestion]
) -> list[_Draft]:
    relations = {person.relation for person in roster if person.relation}
    drafts = []
    for need in sorted(needs, key=lambda n: -n.weight):
        if need.competency not in COMPETENCIES:
            continue
        count = max(1, min(MAX_PER_COMPETENCY, round(1 + 2 * need.weight)))
        pool = [
            q
            for q in questions
            if q.competency == need.competency
            and q.kind in ("behavioral", "situational", "technical")
            and not q.is_template
        ]
        # Questions someone on this roster is likely to ask come first.
        pool.sort(key=lambda q: (not relations.intersection(q.relations), q.id))
        evidence = f": “{_clip(need.evidence)}”" if need.evidence else ""
        reason = f"The posting stresses {COMPETENCIES[need.competency].lower()}{evidence}"
        for question in pool[:count]:
            drafts.append(_from_library(question, 0.45 + 0.4 * need.weight, "competency", reason))
    return drafts


def _technical(
    skills: Sequence[str], questions: Sequence[LibraryQuestion], entities: EntityIndex
) -> list[_Draft]:
    """A deep-dive question per skill, from a template that takes that kind of skill: a
    tool is asked about as a tool, a procedure as a procedure. Schedules ("every third
    weekend"), traits and competitors are not skills and get no question."""
    templates = [q for q in questions if q.is_template]
    known = {q.id for q in templates}
    templates += [q for q in skill_templates() if q.id not in known]
    drafts: list[_Draft] = []
    used: set[str] = set()
    # Sure terms first: a name or a phrase whose words say its kind, before a common noun
    # only the posting reader typed ("sales", "concierge"), in the posting's order.
    # A certificate's deep dive is the least telling: it comes after the tools and methods.
    ranked = sorted(
        skills,
        key=lambda skill: (not entities.sure(skill), entities.kind(skill) is Kind.CERTIFICATION),
    )
    for skill in ranked:
        if not entities.sure(skill) and len(drafts) >= MIN_SURE_SKILLS:
            break  # enough sure ones: no guess fills a slot
        if len(drafts) >= MAX_SKILLS:
            break
        kind = entities.kind(skill)
        if kind not in SLOT_KINDS or not 0 < len(skill.split()) <= MAX_SKILL_WORDS:
            continue
        read = phrasing.read(skill)
        duty = read.form is phrasing.Form.VERB and read.tense != "gerund"
        if duty or read.form in {phrasing.Form.CLAUSE, phrasing.Form.EMPTY}:
            continue  # "keep service tickets" is a duty, not a skill to fill a slot with
        kinds = entities.kinds(skill)  # a guessed kind fills only frames right for its neighbours
        fitting = [t for t in templates if accepts_all(t.accepts, kinds)]
        if not fitting:
            continue
        index = len(drafts)
        # A template not used yet in this bank: two skills never get the same question.
        template = next((t for t in fitting if t.id not in used), fitting[index % len(fitting)])
        used.add(template.id)
        draft = _from_library(
            template,
            SCORE_TECHNICAL - 0.02 * index,
            "technical",
            f"Technical deep dive: the posting asks for {skill}",
        )
        draft.key = f"{template.id}:{_digest(skill)}"
        draft.text = phrasing.fill_slot(template.text, SKILL_PLACEHOLDER, skill)
        draft.filler, draft.filler_kind = skill, str(kind)
        drafts.append(draft)
    return drafts


def _sample(questions: Sequence[LibraryQuestion], kind: str, count: int, seed: str) -> list[_Draft]:
    pool = sorted((q for q in questions if q.kind == kind), key=lambda q: _digest(seed + q.id))
    score, reason = (
        (SCORE_CURVEBALL, "A curveball tests composure, not the answer: think aloud")
        if kind == "curveball"
        else (SCORE_ILLEGAL, "An employer should not ask this: know how you will redirect calmly")
    )
    return [_from_library(q, score, kind, reason) for q in pool[:count]]


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


def _from_library(question: LibraryQuestion, score: float, source: str, reason: str) -> _Draft:
    return _Draft(
        key=question.id,
        text=question.text,
        competency=question.competency,
        kind=question.kind,
        score=score,
        source=source,
        relations=question.relations,
        probes=question.probes or GENERIC_PROBES,
        reasons=[reason],
        guidance=question.guidance,
    )


def _best(
    questions: Sequence[LibraryQuestion], competency: str, *, kinds: tuple[str, ...], skip: str
) -> LibraryQuestion | None:
    picked = _best_many(questions, competency, kinds, 1, skip=skip)
    return picked[0] if picked else None


def _best_many(
    questions: Sequence[LibraryQuestion],
    competency: str,
    kinds: tuple[str, ...],
    count: int,
    *,
    skip: str = "",
) -> list[LibraryQuestion]:
    skipped = _normal(skip)
    return [
        q
        for q in questions
        if q.competency == competency and q.kind in kinds and _normal(q.text) != skipped
    ][:count]


# Questions made from the user's own notes; two of them on the same thing are one question.
FROM_NOTES = frozenset({"concern", "follow_up", "own"})
# Words of a question's frame, not of what it asks about.
FRAME_WORDS = word_set(
    "tell me about the last time you closest have has come ever how would get up to speed "
    "on walk through what experience do does did with from start to finish a an of in "
    "for your can could are is was were soon build need learn use all it them"
)


def _subject_stems(text: str) -> frozenset[str]:
    """What a question asks about, as crude stems: "Have you ever run a crew?" and "Tell
    me about the closest you have come to running a crew." both give {"run", "crew"}."""
    stems = set()
    for word in re.findall(r"[a-z]+", text.lower()):
        if word in FRAME_WORDS or len(word) < 3:
            continue
        for suffix in ("ing", "ed", "es", "s"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        if len(word) > 3 and word[-1] == word[-2]:
            word = word[:-1]  # "runn" -> "run"
        stems.add(word)
    return frozenset(stems)


def _same_subject(one: _Draft, other: _Draft) -> bool:
    """A round-1 question (or the user's own) and a concern's question on the same thing.
    A concern's own questions (the gap, the closest experience, the duty) stay apart."""
    if one.source == other.source or not {one.source, other.source} <= FROM_NOTES:
        return False
    a, b = _subject_stems(one.text), _subject_stems(other.text)
    return min(len(a), len(b)) >= 2 and (a <= b or b <= a)


def _merge(drafts: dict[str, _Draft], draft: _Draft) -> None:
    """One entry per question text, and one per subject among the questions made from the
    user's notes: the highest score wins, every reason is kept."""
    key = _normal(draft.text)
    if key not in drafts:
        key = next((k for k, known in drafts.items() if _same_subject(known, draft)), key)
    existing = drafts.get(key)
    if existing is None:
        drafts[key] = draft
        return
    for reason in draft.reasons:
        if reason not in existing.reasons:
            existing.reasons.append(reason)
    if draft.score > existing.score and _normal(existing.text) != _normal(draft.text):
        draft.reasons = existing.reasons  # the same subject: the likelier wording stays
        drafts[key] = draft
    elif draft.score > existing.score:
        existing.score, existing.source = draft.score, draft.source


def _finish(draft: _Draft, roster: Sequence[RosterPerson]) -> BankQuestion:
    """Attach who is likely to ask it, with a reason and a boost for the clearest match."""
    askers = []
    focus_reason = ""
    for person in roster:
        relation = person.relation or "other"
        competencies, kinds = RELATION_FOCUS.get(relation, (frozenset(), frozenset()))
        in_focus = draft.competency in competencies or draft.kind in kinds
        if relation in draft.relations or in_focus:
            askers.append(person.key)
        if in_focus and not focus_reason and relation in RELATION_PHRASES:
            focus_reason = f"{person.name} is {RELATION_PHRASES[relation]}"
    reasons = list(draft.reasons)
    score = draft.score
    if focus_reason and draft.kind not in ("illegal", "curveball"):
        reasons.append(focus_reason)
        score += RELATION_BOOST
    return BankQuestion(
        key=draft.key,
        text=draft.text,
        competency=draft.competency,
        kind=draft.kind,
        score=round(score, 3),
        reasons=tuple(reasons),
        probes=draft.probes,
        interviewers=tuple(askers),
        source=draft.source,
        guidance=draft.guidance,
        filler=draft.filler,
        filler_kind=draft.filler_kind,
    )


def _normal(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def asked_key(text: str) -> str:
    """The bank key of an earlier round's question (stable while its text is)."""
    return f"again:{_digest(text)}"


def _digest(text: str) -> str:
    return hashlib.sha1(_normal(text).encode(), usedforsecurity=False).hexdigest()[:10]


def _clip(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
