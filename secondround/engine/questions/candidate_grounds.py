"""A protected ground said of the candidate, read from the dependency parse.

The patterns of `illegal_questions` recognise the wordings they were written from: "do you
have (any) kids", "your husband". Guidance from other countries and candidates' own
accounts word the same questions in ways no pattern lists ("What does your spouse do?",
"Are you HIV positive?", "Do you have a boyfriend?", "When are you planning to start having
kids?"). What they share is a structure: a word that names a protected ground (GROUND_WORDS,
written from the grounds equality law lists, not from example questions) attached to the
candidate in the parse, in one of three ways:

* it is possessed by "your" (your spouse, your HIV status, your ethnic background);
* it says what the candidate is: the complement of "be / become / get" whose subject is
  "you" (are you pregnant, are you HIV positive, when do you plan to get married), or the
  object of "in" after it (are you in a same-sex relationship);
* it is what the candidate has, plans, practises or takes: the object of one of OWN_VERBS
  whose subject is "you" (do you have a boyfriend, are you planning to have children, which
  religion do you practise, are you taking any prescribed drugs).

Anything else is left alone: "Do you work well with children?" (a preposition between the
candidate and the word), "How do you support patients with HIV?" (another noun between),
"Tell me about your experience teaching children" (the word belongs to the experience, not
to "your"). `illegal_questions` still applies its lawful forms and its veto for questions
about the people the job serves.
"""

from __future__ import annotations

from typing import Any

from secondround.engine.nlp import parsing as nlp

__all__ = ["GROUND_WORDS", "OWN_VERBS", "candidate_ground"]


def _table(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Lower-case word (or lemma) -> ground. A word that has an everyday work sense ("partner",
# "health", "union" of sets, "condition" of a machine) is not here: the patterns handle it.
GROUND_WORDS: dict[str, str] = {
    **dict.fromkeys(
        _table(
            "spouse spouses husband husbands wife wives boyfriend girlfriend fiance fiancee partner"
            " marriage married unmarried divorced widowed kids kid children child son sons"
            " daughter daughters baby babies childcare babysitter nanny father mother"
            " parent parents dad mum mom in-laws inlaws grandchildren dependants dependents"
            " household family families"
        ),
        "family",
    ),
    **dict.fromkeys(
        _table(
            "pregnant pregnancy maternity paternity contraception contraceptive fertility"
            " baby babies"
        ),
        "pregnancy",
    ),
    **dict.fromkeys(_table("age birthday retirement retire"), "age"),
    **dict.fromkeys(
        _table(
            "religion religions religious faith church mosque temple synagogue"
            " christian christians muslim muslims jewish hindu sikh buddhist atheist catholic"
            " protestant worship prayer"
        ),
        "religion",
    ),
    **dict.fromkeys(
        _table(
            "nationality ethnicity ethnic race racial ancestry heritage descent accent birthplace"
        ),
        "national_origin",
    ),
    **dict.fromkeys(_table("citizen citizenship immigrant naturalised naturalized"), "citizenship"),
    **dict.fromkeys(_table("gay lesbian bisexual transgender orientation sexuality sex"), "sex"),
    **dict.fromkeys(
        _table(
            "disability disabilities disabled impairment impairments illness illnesses"
            " hiv aids diagnosis hospitalised hospitalized medication medications"
            " prescription prescriptions prescribed addiction rehab sick sickness injury"
            " injuries"
        ),
        "disability",
    ),
    **dict.fromkeys(_table("debt debts bankruptcy"), "finances"),
}
# Words that name a ground only beside a qualifier: "native language", "mother tongue",
# "medical condition", "birth control", "trade union", "political party".
QUALIFIED: dict[str, tuple[frozenset[str], str]] = {
    "language": (_table("native first main mother home"), "national_origin"),
    "tongue": (_table("native mother"), "national_origin"),
    "condition": (_table("medical health mental chronic"), "disability"),
    "conditions": (_table("medical health mental chronic"), "disability"),
    "problems": (_table("health medical mental"), "disability"),
    "control": (_table("birth"), "pregnancy"),
    "union": (_table("trade labour labor"), "union"),
    "party": (_table("political"), "political"),
    "status": (_table("marital hiv immigration family"), "family"),
}
# What a candidate has, plans, practises or takes.
OWN_VERBS = _table(
    "have get plan want expect intend practise practice observe attend follow take"
    " belong start raise need"
)
_BE_VERBS = _table("be become get seem")
# Words that name a ground only when they are the candidate's own ("your faith", "your age"):
# with "have" they have an everyday sense ("do you have faith in…", "an age limit").
POSS_ONLY = _table("faith age accent heritage descent household prayer")
# Words that name a ground only as the head of their phrase: "your partner", not "your
# partner agency".
HEAD_ONLY = _table("partner")
# A ground named by what the candidate does with a thing: "which holidays do you observe?"
VERB_OBJECTS: dict[tuple[str, str], str] = {
    ("observe", "holiday"): "religion",
    ("celebrate", "holiday"): "religion",
}
# A ground word as a verb whose subject is the candidate: "when were you hospitalised?",
# "are you married?", "when do you plan to retire?", "where do you worship?".
GROUND_VERBS = _table("marry married divorced widowed hospitalise hospitalize retire worship pray")
# Nouns that carry a ground word as their modifier after "have / take":
# "religious beliefs", "sick days", "prescribed drugs", "maternity leave".
CARRIERS = _table(
    "belief beliefs views status background origin history plans leave days drugs medicines record"
)
# The people or places of the job: "children in your class" are the job's, not the candidate's.
WORK_PLACES = _table(
    "class classroom classes care caseload ward unit school schools team programme program"
    " group setting clinic practice centre center home homes facility store shop"
)
_YOU = _table("you yourself")
_NP_LINKS = _table("compound amod nmod npadvmod")


def _qualified_ground(token: Any) -> str | None:
    entry = QUALIFIED.get(token.lower_)
    if entry is None:
        return None
    qualifiers, ground = entry
    words = {child.lower_ for child in token.children if child.dep_ in ("amod", "compound")}
    if not words & qualifiers:
        return None
    if token.lower_ == "status" and "hiv" in words:
        return "disability"
    if token.lower_ == "status" and "immigration" in words:
        return "citizenship"
    return ground


def _ground(token: Any) -> str | None:
    return (
        GROUND_WORDS.get(token.lower_)
        or GROUND_WORDS.get(token.lemma_.lower())
        or (_qualified_ground(token))
    )


def _subject_is_you(verb: Any) -> bool:
    """The verb's subject is "you": its own or, for "to get married" or "after having kids",
    that of the verb it depends on."""
    for _ in range(5):
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _YOU for c in verb.children):
            return True
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return False
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            verb = verb.head.head  # "(continue) after having kids": the verb of the preposition
            if verb.pos_ not in ("VERB", "AUX"):
                return False  # "experience with raising children"
            continue
        if verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head is verb:
            return False
        verb = verb.head
    return False


def _phrase_head(token: Any) -> Any:
    """The head noun of the phrase the word sits in (HIV -> status, ethnic -> background)."""
    for _ in range(4):
        if token.dep_ in _NP_LINKS and token.head is not token:
            token = token.head
        else:
            break
    return token


def _said_of_candidate(token: Any) -> bool:
    if any(t.lower_ in WORK_PLACES for t in token.subtree):
        return False
    verbal = token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT"
    if verbal and (token.lemma_.lower() in GROUND_VERBS or token.lower_ in GROUND_VERBS):
        if any(c.dep_ in ("dobj", "obj") for c in token.children):
            return False  # "retire the old system"
        return _subject_is_you(token)
    base = token
    while base.dep_ in ("conj", "appos") and base.head is not base:
        base = base.head  # "a disability or chronic illness": as the first of the list
    head = _phrase_head(base)
    if token.lower_ in HEAD_ONLY and head is not token:
        return False
    for node in {token, base, head}:
        if any(c.dep_ == "poss" and c.lower_ in ("your", "yours") for c in node.children):
            return True
    if token.lower_ in POSS_ONLY:
        return False
    verb = head.head
    if head.dep_ in ("acomp", "attr", "oprd") or (head.pos_ == "ADJ" and head.dep_ == "xcomp"):
        return verb.lemma_ in _BE_VERBS and _subject_is_you(verb)
    if head.dep_ == "pobj" and verb.lower_ in ("in", "on") and verb.head.lemma_ in _BE_VERBS:
        return _subject_is_you(verb.head)
    if head.dep_ in ("dobj", "obj"):
        if head is not base and head.lower_ not in CARRIERS:
            return False  # "a child protection certificate" is not a child
        return verb.lemma_ in OWN_VERBS and _subject_is_you(verb)
    return False


def _verb_object_ground(token: Any) -> str | None:
    """ "Which holidays do you observe?": a thing the candidate does that names a ground."""
    if token.dep_ not in ("dobj", "obj"):
        return None
    ground = VERB_OBJECTS.get((token.head.lemma_.lower(), token.lemma_.lower()))
    return ground if ground is not None and _subject_is_you(token.head) else None


def candidate_ground(text: str) -> str | None:
    """The protected ground a word in the question names about the candidate, or None
    (also when the parse is unavailable)."""
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        doc = nlp.parse(text)
    except nlp.NlpUnavailable:
        return None
    for token in doc:
        ground = _ground(token)
        if ground is not None and _said_of_candidate(token):
            return ground
        ground = _verb_object_ground(token)
        if ground is not None:
            return ground
    return None
