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

A question can also set the candidate against a group defined by a ground, without naming
the candidate's own status (`group_ground`): an age comparison with the people of the job
("working for a boss younger than you", "younger colleagues"); a sex as the kind of person the
job is for ("we usually hire women for this job", "working for a woman", "women's work"); a
religious or national group that someone is said to be ("We're all Christians here. What about
you?"). Guidance lists these as indirect forms of the same grounds.

Anything else is left alone: "Do you work well with children?" (a preposition between the
candidate and the word), "How do you support patients with HIV?" (another noun between),
"Tell me about your experience teaching children" (the word belongs to the experience, not
to "your"). `illegal_questions` still applies its lawful forms and its veto for questions
about the people the job serves.
"""

from __future__ import annotations

from typing import Any

from secondround.engine.nlp import parsing as nlp

__all__ = ["GROUND_WORDS", "OWN_VERBS", "candidate_ground", "group_ground"]


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
            " tribe tribal biracial multiracial"
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
            " injuries surgery surgeries diabetes diabetic epilepsy epileptic asthma asthmatic"
            " hypertension cancer arthritis migraine migraines depression bipolar adhd autism"
            " autistic dyslexia dyslexic ptsd schizophrenia seizure seizures hypertensive"
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
    "colour": (_table("skin eye eyes hair"), "appearance"),
    "color": (_table("skin eye eyes hair"), "appearance"),
    "appointments": (_table("doctor doctors medical hospital"), "disability"),
}
# What a candidate has, plans, practises or takes.
OWN_VERBS = _table(
    "have get plan want expect intend practise practice observe attend follow take"
    " belong start raise need balance juggle"
)
_BE_VERBS = _table("be become get seem")
# Words that name a ground only when they are the candidate's own ("your faith", "your age"):
# with "have" they have an everyday sense ("do you have faith in…", "an age limit").
POSS_ONLY = _table("faith age accent heritage descent household prayer")
# Words that name a ground only as the head of their phrase: "your partner", not "your
# partner agency".
HEAD_ONLY = _table("partner")
# "Your family business": a workplace the family owns, the candidate's experience, not status.
FAMILY_ENTERPRISES = _table("business businesses firm company farm restaurant shop store")
# "How would your family describe you?": the family's view of the candidate, a lawful
# self-assessment, not the candidate's family status.
VIEW_HOLDERS = _table("family families")
VIEW_VERBS = _table("describe call rate")
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
    " services holidays"
)
# The people or places of the job: "children in your class" are the job's, not the candidate's.
WORK_PLACES = _table(
    "class classroom classes care caseload ward unit school schools team programme program"
    " group setting clinic practice centre center home homes facility store shop"
)
_YOU = _table("you yourself")
# Prepositions that place a ground word in time, as an event of the candidate's life.
LIFE_EVENT_PREPOSITIONS = _table("after before during until")
# Time away from work and what it is for: "miss work for doctor appointments".
ABSENCE_VERBS = _table("miss take need leave")
# Nouns naming a sex, and the people of a workplace an age comparison can be made with.
SEX_NOUNS = _table("woman women man men female females male males lady ladies girl girls guy guys")
SEX_ADJECTIVES = _table("male female")
WORK_PEOPLE = _table(
    "person people boss bosses manager managers colleague colleagues coworker coworkers"
    " co-worker co-workers employee employees staff team supervisor supervisors worker workers"
    " grad grads graduate graduates peer peers candidate candidates"
)
# What an employer does with the kind of person a job is for: "hire women", "had a man
# doing this job", "working for a woman".
STAFFING_VERBS = _table("hire employ have recruit prefer want work report")
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
    if token.lower_ in ("colour", "color") and "skin" in words:
        return "national_origin"
    return ground


def _ground(token: Any) -> str | None:
    if token.lower_ == "laws" and token.i >= 2 and token.nbor(-2).lower_ == "in":
        return "family"  # "in-laws", split in three by the tokenizer
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
        preposition = verb.head
        while preposition.dep_ == "conj" and preposition.head is not preposition:
            preposition = preposition.head  # "after marriage or after having kids"
        if verb.dep_ == "pcomp" and preposition.dep_ == "prep":
            verb = preposition.head  # "(continue) after having kids": the verb of the preposition
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
    following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    if token.lower_ in VIEW_HOLDERS and FAMILY_ENTERPRISES & {head.lower_, following}:
        return False
    if (
        token.lower_ in VIEW_HOLDERS
        and head.dep_ == "nsubj"
        and head.head.lemma_.lower() in VIEW_VERBS
    ):
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
    own = not any(c.dep_ == "poss" for c in token.children)  # not "their pregnancy"
    if head.dep_ == "pobj" and verb.lower_ in LIFE_EVENT_PREPOSITIONS and head is token and own:
        # "(would you continue) after marriage": an event of the candidate's own life
        return verb.head.pos_ in ("VERB", "AUX") and _subject_is_you(verb.head)
    if head.dep_ == "pobj" and verb.lower_ == "for" and own:
        # "(how often do you) miss work for doctor appointments": the candidate's absence
        anchor = verb.head.head if verb.head.dep_ in ("dobj", "obj") else verb.head
        return anchor.lemma_.lower() in ABSENCE_VERBS and _subject_is_you(anchor)
    if head.dep_ in ("dobj", "obj"):
        if head is not base and head.lower_ not in CARRIERS:
            return False  # "a child protection certificate" is not a child
        return verb.lemma_ in OWN_VERBS and _subject_is_you(verb)
    return False


# How a language came to the candidate: "How did you learn Chinese?", "Where did you pick
# up your Spanish?" Guidance allows asking which languages, not how they were acquired.
LEARN_VERBS = _table("learn acquire pick")
_HOW = _table("how where when why")


def _language_learnt(token: Any) -> bool:
    verb = token.head
    return (
        token.ent_type_ in ("LANGUAGE", "NORP")
        and verb.lemma_.lower() in LEARN_VERBS
        and any(t.lower_ in _HOW for t in verb.subtree if t.i < verb.i)
        and _subject_is_you(verb)
    )


def _verb_object_ground(token: Any) -> str | None:
    """ "Which holidays do you observe?": a thing the candidate does that names a ground."""
    if token.dep_ not in ("dobj", "obj"):
        return None
    if _language_learnt(token):
        return "national_origin"
    ground = VERB_OBJECTS.get((token.head.lemma_.lower(), token.lemma_.lower()))
    return ground if ground is not None and _subject_is_you(token.head) else None


def _age_comparison(token: Any) -> bool:
    """ "younger colleagues", "a boss younger than you": a comparative age said of people at
    work, or of anyone compared with the candidate."""
    if token.tag_ != "JJR" or token.lower_ not in ("younger", "older"):
        return False
    if any(t.lower_ in _YOU for t in token.subtree):
        return True  # "older than you"
    # "Younger colleagues" tells the candidate they are the older one (age law protects
    # older workers); "older colleagues" is ordinary teamwork.
    return token.lower_ == "younger" and token.dep_ == "amod" and token.head.lower_ in WORK_PEOPLE


def _sex_as_staffing(token: Any) -> bool:
    """ "hire women", "working for a woman/man", "women's work": a sex named as the kind of
    person a job is for. A described person ("a masked man", "a delivery man") is someone in
    a scenario, not a kind of person."""
    if token.lower_ not in SEX_NOUNS:
        return False
    if any(c.dep_ in ("amod", "compound") for c in token.children):
        return False
    if token.dep_ == "poss":
        return True  # "women's work"
    head = token.head
    while head.dep_ == "nmod" or (token.dep_ == "nmod" and head.lower_ in SEX_NOUNS):
        token, head = head, head.head  # "a woman/man": the pair as one phrase
    if token.dep_ in ("dobj", "obj"):
        return head.lemma_.lower() in STAFFING_VERBS
    if token.dep_ == "pobj" and head.lower_ in ("for", "under", "to"):
        return head.head.lemma_.lower() in STAFFING_VERBS
    return False


def group_ground(doc: Any) -> str | None:
    """The ground of a group the question sets the candidate against (see the module's
    docstring), or None. Only in a question that addresses the candidate ("you")."""
    if not any(t.lower_ in ("you", "your", "yourself") for t in doc):
        return None
    for token in doc:
        if _age_comparison(token):
            return "age"
        if _sex_as_staffing(token):
            return "sex"
        if token.lower_ in SEX_ADJECTIVES and token.head.lower_ in WORK_PEOPLE:
            return "sex"  # "a team of male staff", "female colleagues"
        if token.dep_ == "attr" and token.head.lemma_ == "be" and token.ent_type_ == "NORP":
            singular = token.lower_.removesuffix("s")
            ground = GROUND_WORDS.get(token.lower_) or GROUND_WORDS.get(singular)
            return ground or "national_origin"  # "We're all Christians here"
    return None


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
    return group_ground(doc)
