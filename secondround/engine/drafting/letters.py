"""Thank-you letters after a round, one per interviewer, plus the follow-up e-mails (S12, S13).

Everything is composed from fixed template words and the text the candidate typed: the notes
about each interviewer, the story bank and the opportunity's own fields. Nothing is invented
and nothing leaves the machine.

Each letter thanks the person for something specific they discussed, links ONE story (or one
of the candidate's strengths) to that person's worry or what they care about, adds a touch
that fits their relation to the role, restates interest and closes warmly. Template variants
are picked from a stable hash of the interviewer's key and name; when two letters of the same
round would still share sentences (identical notes, say), later letters try other variants so
that no two letters of a round read the same.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime
from functools import lru_cache
from urllib.parse import quote

from secondround.engine.nlp import embeddings, phrasing
from secondround.engine.nlp.phrasing import Voice
from secondround.engine.nlp.word_tables import word_set

__all__ = [
    "RELATIONS",
    "Letter",
    "LetterContext",
    "PersonNotes",
    "StoryBrief",
    "build_eml",
    "draft_letters",
    "feedback_request_email",
    "follow_up_email",
    "greeting_name",
    "letters_as_json",
    "mailto_link",
]

RELATIONS = (
    "hiring_manager",
    "managers_manager",
    "senior_leader",
    "peer",
    "cross_department",
    "hr",
    "technical_expert",
    "other",
)

MIN_SENTENCES = 5
MAX_SENTENCES = 8
MAX_CARD_SENTENCES = 4
# Hash seeds tried per person before accepting a letter that repeats an earlier one.
ATTEMPTS = 64


@dataclass(frozen=True)
class PersonNotes:
    key: str
    name: str
    title: str
    relation: str | None
    discussed: tuple[str, ...]
    cares_about: tuple[str, ...]
    worries: tuple[str, ...]
    personal: tuple[str, ...]


@dataclass(frozen=True)
class StoryBrief:
    id: str
    title: str
    result: str
    competencies: tuple[str, ...]
    summary: str
    situation: str = ""
    action: str = ""
    employer: str = ""


@dataclass(frozen=True)
class LetterContext:
    candidate_name: str
    company: str
    role: str
    round_label: str
    interview_date: date | None
    strengths: tuple[str, ...] = ()
    # Names the user saved (glossary terms, people, products): their capitals are kept.
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Letter:
    interviewer_key: str
    interviewer: str
    subject: str
    body: str
    card: str
    generic: bool
    references: tuple[str, ...]
    sentences: int


# --------------------------------------------------------------------------------------
# Templates: edit these rather than the code below. Placeholders are filled with note text,
# story text or context fields only.
# --------------------------------------------------------------------------------------

SUBJECTS = (
    "Thank you for the {role} interview",
    "Thank you for your time on the {role} role at {company}",
    "Thanks again for meeting about the {role} role at {company}",
    "With thanks after our conversation about the {role} role",
    "Thank you for meeting with me about the {role} role",
    "With thanks for the {role} interview at {company}",
)

# Openings: {topic} is a noun phrase from the notes, {clause} a clause, or a marked gap.
THANKS_TOPIC = (
    "Thank you for meeting with me{on_date} and for our conversation about {topic}.",
    "Thank you for taking the time to speak with me{on_date}; I especially enjoyed "
    "discussing {topic}.",
    "I appreciated the time you took to talk with me{on_date}, particularly about {topic}.",
    "Thank you for our conversation{on_date}, and especially for walking me through {topic}.",
)
THANKS_CLAUSE = (
    "Thank you for meeting with me{on_date} and for explaining that {clause}.",
    "Thank you for taking the time to speak with me{on_date}; it was helpful to hear that "
    "{clause}.",
    "I appreciated the time you took to talk with me{on_date}, and I was interested to hear "
    "that {clause}.",
)
THANKS_PLAIN = (
    "Thank you for meeting with me{on_date} to talk about the {role} role at {company}.",
    "Thank you for taking the time to speak with me{on_date} about the {role} role.",
    "I appreciated the time you took to meet with me{on_date} during {round} at {company}.",
    "Thank you for our conversation{on_date} about the {role} position.",
)

GENERIC_MIDDLE = (
    "I appreciated the chance to learn more about the team and the work ahead.",
    "It was a pleasure to hear more about the team and how the role fits into it.",
)
# A second filler, when one is needed, must not say the first again in other words ("learn
# more about the team" twice in a row).
GENERIC_MORE = (
    "I left our conversation with a clearer picture of how {company} works.",
    "Our conversation gave me a real sense of the people at {company}.",
)

SECOND_TOPIC = (
    "I also enjoyed our discussion of {topic}.",
    "Hearing your perspective on {topic} was especially useful.",
    "Your insights on {topic} gave me a much clearer picture of the role.",
)
# A clause from the notes is as often a problem ("workers keep changing") as good news:
# the frames are glad of hearing it, never of what it says.
SECOND_CLAUSE = (
    "It was also helpful to understand that {clause}.",
    "It was useful to learn that {clause}.",
    "It helped me to hear that {clause}.",
)

CARE_ACK = (
    "I could tell how much you care about {care}, and so do I.",
    "I share your focus on {care}.",
    "It was clear how much you care about {care}, and I would take that to heart.",
)
# What someone cares about, typed as a clause, is a wish as often as a fact ("paperwork
# matches the job"): "your point that" fits both; "I understood that" states it as fact.
CARE_ACK_CLAUSE = (
    "Your point that {clause} stayed with me, and it matters to me too.",
    "I have kept in mind your point that {clause}.",
)

# The link: an introduction, then the story in the candidate's own words ({story}: one or
# two first-person sentences), or a strength in the same sentence.
LINK_WORRY = (
    "I also wanted to come back to your question about {worry}.",
    "I have been thinking more about your question about {worry}.",
    "I wanted to follow up on your question about {worry}.",
)
LINK_WORRY_CLAUSE = (
    "I also wanted to come back to your concern that {clause}.",
    "I have been thinking more about your concern that {clause}.",
)
LINK_CARE = (
    "I could tell how much you care about {care}, and I have worked on that myself.",
    "You clearly care about {care}, which connects directly with my own experience.",
    "Because you care about {care}, I wanted to mention a relevant example.",
)
# ... unless the clause is about them ("you like guys who keep the van clean"): that is
# what was seen, not a point they made.
CARE_ACK_CLAUSE_THEIRS = (
    "It was clear that {clause}, and that matters to me too.",
    "I noticed that {clause}, and I would take that to heart.",
)
LINK_CARE_CLAUSE_THEIRS = (
    "I noticed that {clause}, which connects directly with my own experience.",
    "It was clear that {clause}, and I have worked on that myself.",
)
LINK_CARE_CLAUSE = (
    "Your point that {clause} connects directly with my own experience.",
    "You mentioned that {clause}, and I have faced something similar.",
)
LINK_TOPIC_CLAUSE = (
    "You mentioned that {clause}, and I have faced something similar.",
    "When you explained that {clause}, it brought to mind my own experience.",
)
LINK_TOPIC = (
    "Our conversation about {topic} reminded me of a relevant example.",
    "Talking about {topic} brought to mind my own experience.",
    "What you said about {topic} brought one example from my own work to mind.",
)

LINK_WORRY_STRENGTH = (
    "On your question about {worry}, I would point to {strength}.",
    "Regarding your question about {worry}, I would like to stress {strength}.",
    "As for your question about {worry}, one of my real strengths is {strength}.",
)
LINK_CARE_STRENGTH = (
    "I could tell how much you care about {care}, and I would bring {strength} to it.",
    "You clearly care about {care}, and I would contribute {strength} there.",
    "Because you care about {care}, I want to stress {strength}.",
)
LINK_TOPIC_STRENGTH = (
    "After our conversation about {topic}, I am confident I could put {strength} to good use.",
    "On {topic}, I would bring {strength}.",
)

STRENGTH_FILLER = (
    "I would bring {strength} to the team from the start.",
    "One of the strengths I would bring to the team is {strength}.",
    "Among other things, I would bring {strength} to the role.",
)

RELATION_TOUCH: dict[str, tuple[str, ...]] = {
    "hiring_manager": (
        "I have already started thinking about how I would spend my first 90 days, and I "
        "would welcome the chance to do that work on your team.",
        "Our conversation gave me plenty to build on for a strong first 90 days.",
        "I would be glad to talk through how I would approach my first 90 days in the role.",
    ),
    "managers_manager": (
        "I appreciate you making time in a busy schedule, and I would be proud to help the "
        "team deliver on its goals.",
        "It means a great deal that you took the time to meet with me, and I would be proud "
        "to contribute to {company}'s goals.",
        "Thank you for making room in your schedule; I would be glad to help the team succeed.",
    ),
    "senior_leader": (
        "I appreciate you making time for me, and I would be proud to contribute to "
        "{company}'s goals.",
        "It was a privilege to meet with you, and I would be glad to help {company} succeed.",
        "Thank you for making room in your schedule to meet with me.",
    ),
    "peer": (
        "I would really enjoy working alongside you.",
        "I could see us working well together, and I would look forward to collaborating "
        "day to day.",
        "I would look forward to working together and learning from the way you work.",
    ),
    "cross_department": (
        "This role depends on good work across teams, and I would look forward to working "
        "closely with yours.",
        "I would look forward to working closely with your team if I join.",
        "Working well with your team would be a priority for me from day one.",
    ),
    "hr": (
        "Thank you as well for guiding me through the process; what I have seen of the "
        "culture at {company} makes me even more keen to join.",
        "I appreciated your help with the process and what you shared about the culture "
        "at {company}.",
        "Thank you for keeping the process so clear, and for giving me a feel for the "
        "culture at {company}.",
    ),
    "technical_expert": (
        "I enjoyed the technical depth of our conversation and would look forward to "
        "learning from your expertise.",
        "Conversations at that technical level are exactly what I look forward to in this role.",
        "I would value the chance to keep learning from your expertise.",
    ),
}

# Personal notes: {personal} a noun phrase addressed to them ("your Columbus
# half-marathon"), {clause} a clause ("you ran the Columbus half-marathon in October").
PERSONAL = (
    "I enjoyed hearing about {personal}.",
    "It was a pleasure to hear about {personal}.",
    "I really enjoyed our chat about {personal}.",
)
PERSONAL_CLAUSE = (
    "It was great to hear that {clause}.",
    "I enjoyed hearing that {clause}.",
    "It was a pleasure to hear that {clause}.",
)

ENTHUSIASM = (
    "I am very enthusiastic about the {role} role at {company}, and our conversation made "
    "me even more eager to join the team.",
    "Our meeting confirmed my strong interest in the {role} position and in {company}.",
    "I remain genuinely excited about the opportunity to join {company} in the {role} role.",
    "The {role} role at {company} is exactly the kind of opportunity I am looking for, and "
    "I am excited about what I could contribute.",
    "I am more excited than ever about the {role} role and the chance to contribute to {company}.",
    "Everything I heard strengthened my interest in the {role} role at {company}.",
)

CLOSING = (
    "Thank you again for your time, and I look forward to hearing about the next steps.",
    "Please let me know if I can provide anything further; I look forward to hearing from you.",
    "I look forward to staying in touch and hope to speak with you again soon.",
    "Thank you once more, and I hope to have the chance to work with you.",
    "I appreciate your time and look forward to the next steps.",
    "Thank you again; I hope we will have the chance to work together soon.",
)

SIGN_OFF = (
    "Kind regards,",
    "Best regards,",
    "With thanks,",
    "Warm regards,",
    "Sincerely,",
    "Many thanks,",
)

CARD_THANKS_TOPIC = (
    "Thank you for our conversation about {topic}.",
    "Thank you so much for talking with me about {topic}.",
    "Thank you for the time you spent with me on {topic}.",
    "I really enjoyed our conversation about {topic}.",
)
CARD_THANKS_CLAUSE = (
    "Thank you for our conversation and for explaining that {clause}.",
    "Thank you for your time; it was helpful to hear that {clause}.",
)
CARD_THANKS_PLAIN = (
    "Thank you for meeting with me{on_date}.",
    "Thank you so much for your time{on_date}.",
    "I am grateful that you met with me{on_date}.",
)

# Words that point back to something said before: a phrase with them needs its context.
CONTEXT_WORDS = re.compile(
    r"\b(?:them|they|it|he|she|him|her|his|both|one|this|that|these)\b", re.I
)
# {title}: a story's title is the name of an event as often as of a skill ("the wedding
# party", "the apprentice"), so it is something to tell about, never "my experience with".
# "and what it means for my reading lesson" made the story the interviewer's lesson: the
# card says the topic brought the story to mind, which fits a topic of either person.
# The card opens with "our conversation about …" as often as not: the link says it other ways.
CARD_LINK_STORY = (
    "Talking about {target} reminded me of {title}, and I would be glad to tell you more about it.",
    "I would be glad to tell you more about {title}, which came to mind when we talked "
    "about {target}.",
)
CARD_LINK_CARE = (
    "Because you care about {target}, I would be glad to tell you more about {title}.",
    "With {target} in mind, I would be glad to tell you more about {title}.",
)
CARD_LINK_WORRY = (
    "On your question about {target}, I would be glad to tell you more about {title}.",
    "I hope the story of {title} helps answer your question about {target}.",
)
CARD_LINK_STRENGTH = (
    "I would love to bring {strength} to {target}.",
    "I hope to bring {strength} to {target}.",
)

CARD_ENTHUSIASM = (
    "I am excited about the {role} role at {company}.",
    "I would be thrilled to join {company} as part of the team.",
    "The {role} role is a great fit for me, and I hope to join you.",
    "I am more eager than ever to join {company}.",
    "I would love to be part of the team at {company}.",
    "I am looking forward to what comes next at {company}.",
    "The chance to join {company} means a great deal to me.",
)

CARD_CLOSING = (
    "I hope to see you again soon.",
    "I look forward to hearing from you.",
    "Thank you again for your kindness.",
    "Thank you again for your time.",
    "I hope our paths cross again soon.",
)

CARD_SIGN_OFF = ("Warmly,", "With thanks,", "All the best,", "Best wishes,", "Gratefully,")

# The gap left for the user when no note about a person can be said in a sentence.
GAP_DISCUSSED = "a detail you discussed with {name}"


TITLE_PREFIXES = word_set(
    "dr dr. prof prof. professor mr mr. mrs mrs. ms ms. mx mx. miss sir dame rev rev. "
    "fr fr. hon hon."
)
NAME_SUFFIXES = word_set("jr jr. sr sr. ii iii iv phd ph.d. md m.d. mba cpa esq esq.")
SURNAME_PARTICLES = word_set(
    "van von der den de del della da di do dos das du la le ter ten bin al el st st."
)
# Words a note may start with that are not names, lower-cased when the note goes mid-sentence.
LEADING_FUNCTION_WORDS = word_set(
    "the a an how what whether why when where which who our your my their his her its this "
    "that these those some any more less getting making building"
)

STOPWORDS = word_set(
    """a about above after again all also am an and any are as at be been before being
    between both but by can could did do does doing during each few for from further had has
    have having he her here hers him his how i if in into is it its itself just let me more
    most my no nor not now of off on once only or other our ours out over own same she should
    so some such than that the their them then there these they this those through to too
    under until up very was we were what when where whether which while who whom why will
    with would you your yours really seemed seem get got make made way ways lot lots thing
    things much many well"""
)

# A few competency families so "whether I have managed people" meets a story tagged
# "leadership". Simple keyword overlap otherwise.
CONCEPTS: dict[str, frozenset[str]] = {
    "leadership": word_set(
        "lead leader leaders leadership led manage managed manager managing management "
        "people supervise supervised mentor mentored coach coached hire hired hiring "
        "direct"
    ),
    "communication": word_set(
        "communicate communication present presented presentation stakeholder stakeholders "
        "explain explained writing wrote influence influenced"
    ),
    "analysis": word_set(
        "data analysis analytics analyse analyze analysed analyzed numbers dashboard "
        "dashboards metrics reporting report reports sql excel forecast forecasting model "
        "modelling modeling insight insights"
    ),
    "collaboration": word_set(
        "collaborate collaborated collaboration cross together partner partners partnered "
        "share sharing shared coordinate coordinated teamwork"
    ),
    "customer": word_set("customer customers client clients service satisfaction"),
    "cost": word_set("cost costs budget budgets spend spending savings saved margin price pricing"),
    "improvement": word_set(
        "improve improved improvement process processes efficiency streamline streamlined "
        "automate automated automation lean reduce reduced waste"
    ),
    "change": word_set(
        "change changes transition migration migrated rollout launch launched ramp "
        "implement implemented implementation consolidation consolidated"
    ),
    "technical": word_set("technical system systems software tool tools integration api code"),
    "problem_solving": word_set(
        "problem problems solve solved solving root cause troubleshoot fix fixed issue issues"
    ),
    "reliability": word_set(
        "reliable reliability trust trusted quality accuracy accurate errors error"
    ),
}

IRREGULAR_PAST = word_set(
    "cut grew won built brought made kept met beat rose fell shrank took led got hit set sold "
    "ran spent found drove broke became held gave went paid taught wrote rebuilt oversaw "
    "overhauled began chose drew flew fought put read saw sent shut split spun stood "
    "struck swung threw underwent upheld wound"
)

_WORD = re.compile(r"[a-z0-9]+")
_SPACES = re.compile(r"\s+")
_MONTHS = (
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
)


# --------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _clean(text: str) -> str:
    """One line, no trailing punctuation: note text ready to go inside a sentence."""
    return _SPACES.sub(" ", text).strip().rstrip(".!?;:, ").strip()


def _clean_items(items: Sequence[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        cleaned = _clean(item)
        if cleaned and cleaned.casefold() not in seen:
            seen.add(cleaned.casefold())
            out.append(cleaned)
    return tuple(out)


def _mid(text: str) -> str:
    """Lower-case a leading function word ("The Joliet hub" -> "the Joliet hub"); keep names."""
    first, _, rest = text.partition(" ")
    if first.casefold() in LEADING_FUNCTION_WORDS and (first[1:].islower() or len(first) == 1):
        return first.lower() + (" " + rest if rest else "")
    return text


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _stem(word: str) -> str:
    if len(word) > 4:
        for suffix in ("ations", "ation", "ments", "ment", "ings", "ing", "ers", "er", "ed"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        else:
            if word.endswith("es") and len(word) > 5:
                word = word[:-2]
            elif word.endswith("s") and not word.endswith("ss"):
                word = word[:-1]
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold().replace("'s", ""))


def _stems(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in _words(text) if w not in STOPWORDS)


_CONCEPT_INDEX: dict[str, frozenset[str]] = {}
for _concept, _members in CONCEPTS.items():
    for _member in _members:
        for _key in {_member, _stem(_member)}:
            _CONCEPT_INDEX[_key] = _CONCEPT_INDEX.get(_key, frozenset()) | {_concept}


def _concepts(text: str) -> frozenset[str]:
    found: set[str] = set()
    for word in _words(text):
        found |= _CONCEPT_INDEX.get(word, frozenset())
        found |= _CONCEPT_INDEX.get(_stem(word), frozenset())
    return frozenset(found)


@dataclass(frozen=True)
class _Profile:
    stems: frozenset[str]
    concepts: frozenset[str]


def _profile(text: str) -> _Profile:
    return _Profile(_stems(text), _concepts(text))


# Words of a note that say how it was raised, not what it is about ("asked again",
# "she cares about", "still worried about").
NOTE_CUE_WORDS = word_set(
    "ask asked asks asking again twice still worried worry worries concerned concern care "
    "cares caring want wants wanted big pushed push one two three four five six first "
    "really very"
)


def _note_profile(note: str) -> _Profile:
    """A note's profile without its cue words and bare numbers."""
    kept = [
        word
        for word in re.findall(r"[\w'’]+", note)
        if word.casefold() not in NOTE_CUE_WORDS and not re.fullmatch(r"[\d.,%-]+", word)
    ]
    return _profile(" ".join(kept))


def _score(target: _Profile, candidate: _Profile) -> int:
    return len(target.stems & candidate.stems) + 2 * len(target.concepts & candidate.concepts)


def _is_past_verb(word: str) -> bool:
    lowered = word.casefold()
    return lowered in IRREGULAR_PAST or (lowered.endswith("ed") and len(lowered) > 3)


# "She said workers keep changing": what was said is the note; "It helped me to hear
# that you said workers keep changing" reports the saying instead.
SAID_THAT = re.compile(
    r"^(?:she|he|they)\s+(?:said|says|mentioned|explained|noted|told\s+me|thinks|thought|"
    r"felt|feels)\s+(?:that\s+)?(?=\w+\s+\w+)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Said:
    """A note as a frame can hold it: a noun phrase, else a clause (pronouns resolved)."""

    note: str
    noun: str | None = None
    clause: str | None = None


def _said(note: str, names: tuple[str, ...] = (), *, done: bool = False) -> _Said | None:
    """The first piece of a note that reads as a noun phrase or a clause, or None."""
    for piece in phrasing.pieces(note, names=names):
        told = phrasing.REPORTING.sub("", piece.text, count=1)
        told = SAID_THAT.sub("", told, count=1)  # "she said workers keep changing"
        if told != piece.text:  # "Discussed Alaris pumps, CAUTI bundle"
            piece = replace(phrasing.read(told), keep=piece.keep)
        elif done and piece.form is phrasing.Form.VERB and piece.tense == "past":
            # "made 2 blood films" under what was discussed: what was done at the working
            # interview, not what was talked about
            continue
        parts = piece.text.split(", ")
        listed = all(
            phrasing.read(part).form in {phrasing.Form.NOUN, phrasing.Form.NAME}
            and len(part.split()) <= 4
            and not re.search(r"[=/+]", part)  # "bonus = 30% of production": shorthand
            for part in parts
        )
        if len(parts) > 1 and not (listed and " and " not in " ".join(parts[:-1])):
            # "narcotic count process, they moved to weekly": a topic, then what was said
            # of it; "rooms and restaurant, the Christmas bookings": no list a letter can
            # say. The first part is what the conversation was about.
            head = phrasing.read(parts[0])
            noun = (
                phrasing.topic(head, voice=Voice.YOU)
                if head.form is not phrasing.Form.CLAUSE
                else None
            )
            if noun and not _unplaceable(noun) and not MONEY.search(parts[0]):
                return _Said(note, noun=noun)
            continue
        if MONEY.search(piece.text):
            continue  # "start rate €20.15 w my yrs": pay is not thanked for in a letter
        noun = phrasing.topic(piece, voice=Voice.YOU)
        if noun and _unplaceable(noun):
            continue
        if noun:
            return _Said(note, noun=noun)
        clause = phrasing.clause(piece, voice=Voice.YOU)
        if clause:
            return _Said(note, clause=clause)
    return None


MONEY = re.compile(r"[$£€₹¥]\s?\d|\d\s?(?:k|K)\b|\b\d+(?:[.,]\d+)?\s?(?:USD|EUR|GBP|AUD|CAD|NZD)\b")


def _unplaceable(noun: str) -> bool:
    """ "tasting", "hours": one bare word says nothing a reader can place; "my dessert:
    sea buckthorn tart" is a note's label and its detail."""
    return _bare_word(noun) or ":" in noun


def _bare_word(noun: str) -> bool:
    """ "tasting", "growth": one lower-case singular word with no article, which is not a
    field or quality that stands alone ("retention", "safety"); a plural is a thing said
    without "the" ("deadlines", "overheads")."""
    return (
        " " not in noun
        and noun.islower()
        and not noun.endswith("s")
        and noun.casefold() not in phrasing.MASS_NOUNS
    )


def _worry_said(note: str, names: tuple[str, ...] = ()) -> _Said | None:
    """A worry as "your question about {noun}" or "your concern that {clause}"."""
    found = phrasing.concern(note, names=names)
    if found is None:
        return None
    form, text = found
    return _Said(note, noun=text) if form == "noun" else _Said(note, clause=text)


def _personal_said(note: str, names: tuple[str, ...] = ()) -> tuple[str, str] | None:
    for piece in phrasing.pieces(note, names=names):
        found = phrasing.personal(piece)
        if found is not None:
            return found
    return None


@lru_cache(maxsize=1024)
def _story_text(story: StoryBrief) -> str:
    """The story as a person would tell it in a letter: one or two first-person sentences
    with the result ("At Mercy East, I made a weekly checklist and did a debrief with each
    of them after every shift. Both passed."), from the story's own words only."""
    action_text = story.action or story.summary
    verbs: list[str] = []
    own_clause = ""
    needs_context = False
    for piece in _action_pieces(action_text):
        if piece.form is phrasing.Form.VERB and not piece.negated and piece.tense != "gerund":
            phrase = phrasing.verb_phrase(piece, tense="past")
            if phrase:
                verbs.append(phrasing.with_object_articles(phrase))
        elif (
            piece.form is phrasing.Form.CLAUSE
            and piece.subject.casefold() in {"i", "we"}
            and not verbs
            and not own_clause
        ):
            own_clause = _and_before_last(
                piece.text[:1].upper() + piece.text[1:] if piece.subject == "I" else piece.text
            )
        if len(verbs) >= 2:
            break
    body = ""
    if verbs:
        body = "I " + phrasing.join(verbs[:2])
    elif own_clause:
        body = own_clause
    else:
        title = phrasing.topic(phrasing.read(story.title), voice=Voice.YOU) if story.title else None
        body = f"I worked on {title}" if title else ""
    if not body:
        return ""
    needs_context = bool(re.search(r"\b(?:them|they|it|he|she|him|her|both|one)\b", body))
    lead = ""
    situation = _situation(story)
    if situation:
        # What the actions answered: "I stopped and rechecked" says little without "When I
        # drew up ten times the dose".
        lead = f"When {situation}, "
    if not lead and story.employer.strip():
        lead = f"At {story.employer.strip()}, "
    if (needs_context or story.situation.strip()) and not lead:
        # "them" and "both" with nothing to point to, or actions whose situation cannot be
        # said ("I pulled the RFQ." – which RFQ?): the user tells it in a marked gap
        return ""
    if needs_context and not lead.startswith("When"):
        return ""  # "them" and "both" with nothing to point to: the title is said instead
    first = (lead + body) if lead else body
    first = first[:1].upper() + first[1:]
    result = _result_sentence(story.result)
    return f"{first}.{' ' + result if result else ''}"


def _and_before_last(clause: str) -> str:
    """ "I comped drinks, got housekeeping on it, texted each guest": a note's comma list
    of actions, said as a sentence ("…, got housekeeping on it and texted each guest")."""
    parts = [part for part in clause.split(", ") if part]
    if len(parts) < 2 or " and " in parts[-1]:
        return clause
    if not all(phrasing.read(part).form is phrasing.Form.VERB for part in parts[1:]):
        return clause
    return ", ".join(parts[:-1]) + " and " + parts[-1]


@lru_cache(maxsize=1024)
def _situation(story: StoryBrief) -> str:
    """The story's situation as a short clause ("a patient had 5-6mm pockets for 2 years"),
    a person in it introduced ("a patient", not "the patient": nobody has heard of them);
    "" when the situation is not a clause or too long to say in passing."""
    if not story.situation:
        return ""
    found = next(
        (
            clause
            # "cleaning tender at uni, $1.8m, found out one evaluator …": the first
            # part that is a clause says what happened; a label before it does not
            for index, part in enumerate(story.situation.split(", ")[:4])
            for piece in _action_pieces(part)
            # after the first part only what surely happened: a clause with its own verb
            # ("spec i wrote had the wrong docking stations") or a past action, never a
            # headline ("upright bent") or a name read as a verb ("reach truck driver hit")
            if index == 0 or _happened(piece)
            if (clause := _situation_clause(piece))
        ),
        None,
    )
    if not found or len(found.split()) > MAX_SITUATION_WORDS:
        return ""
    return INTRODUCED.sub(_introduce, found, count=1)


def _happened(piece: phrasing.Piece) -> bool:
    if piece.form is phrasing.Form.CLAUSE:
        return not piece.headline
    return piece.form is phrasing.Form.VERB and piece.tense == "past"


def _situation_clause(piece: phrasing.Piece) -> str | None:
    """A situation as a clause for "When …": "a patient had 5-6mm pockets", "I drew up ten
    times the dose" (a note typed verb-first is the teller's own)."""
    if piece.form is phrasing.Form.CLAUSE and (
        not piece.pronoun_subject or piece.subject.casefold() in {"i", "we"}
    ):
        return phrasing.clause(piece, voice=Voice.OWN)
    if piece.form is phrasing.Form.VERB and piece.tense in {"past", "base"} and not piece.negated:
        phrase = phrasing.verb_phrase(piece, tense="past")
        return f"I {phrase[:1].lower()}{phrase[1:]}" if phrase else None
    return None


MAX_SITUATION_WORDS = 18
# "the patient", "the taxi owner" opening a story nobody has heard: "a patient".
INTRODUCED = re.compile(
    r"^the\s+((?:[\w-]+\s+)?(?:patient|client|customer|guest|resident|student|pupil|owner|"
    r"tech|technician|driver|caller|child|parent|family|man|woman|lady|gentleman|member|"
    r"homeowner|tenant|visitor|apprentice|trainee|new hire|colleague|party|group|couple|"
    r"kid|boy|girl))\b",
    re.IGNORECASE,
)


def _introduce(match: re.Match[str]) -> str:
    noun = match.group(1)
    return f"{'an' if noun[:1].casefold() in 'aeiou' else 'a'} {noun}"


def _action_pieces(text: str) -> list[phrasing.Piece]:
    """A story's pieces, a comma list of actions apart: "made a checklist, did a debrief"."""
    out: list[phrasing.Piece] = []
    for piece in phrasing.pieces(text):
        parts = [part.strip() for part in piece.text.split(", ") if part.strip()]
        read_parts = [phrasing.read(part) for part in parts]
        if len(parts) > 1 and read_parts[0].form is phrasing.Form.VERB:
            # Verbs in a comma list are actions; the first clause after them ends the list.
            verbs = [read_parts[0]]
            for part in read_parts[1:]:
                if part.form is not phrasing.Form.VERB:
                    break
                verbs.append(part)
            out.extend(verbs)
        else:
            out.append(piece)
    return out


def _result_sentence(result: str) -> str:
    """The result as its own sentence: a clause as it stands ("Both passed."), a noun
    phrase after "The result was" ("The result was zero CAUTIs for nine months.")."""
    for piece in phrasing.pieces(result):
        parts = [phrasing.read(part) for part in piece.text.split(", ") if part.strip()]
        head = parts[0] if len(parts) > 1 else piece
        if head.form is phrasing.Form.CLAUSE:
            text = phrasing.clause(head, voice=Voice.OWN) or head.text
            if head.headline:  # "HR down to 90s" happened: "HR was down to 90s"
                text = re.sub(
                    r"\b(is|are)\b",
                    lambda m: "was" if m.group(1) == "is" else "were",
                    text,
                    count=1,
                )
            return text[:1].upper() + text[1:] + "."
        if head.form is phrasing.Form.VERB and not head.negated:
            phrase = phrasing.verb_phrase(head, tense="past") or head.text
            return f"I {phrase}."
        if head.form in {phrasing.Form.NOUN, phrasing.Form.NAME, phrasing.Form.NUMBER}:
            noun = phrasing.topic(head, voice=Voice.OWN, article="a") or head.text
            more = next(
                (
                    phrasing.clause(part, voice=Voice.OWN)
                    for part in parts[1:2]
                    if part.form is phrasing.Form.CLAUSE
                ),
                None,
            )
            return f"The result was {noun}" + (f", and {more}." if more else ".")
    return ""


def _long_date(day: date) -> str:
    """ "March 10": no weekday, so the date needs no commas around it mid-sentence."""
    return f"{_MONTHS[day.month - 1]} {day.day}"


@lru_cache(maxsize=1024)
def greeting_name(name: str) -> str:
    """How the letter addresses someone: the first name, or prefix + surname ("Dr. Okafor").

    Uses the roster's own spelling of every word; only drops given names or suffixes.
    """
    tokens = _clean(name).split()
    # "Okafor, PhD" and "Jr." style suffixes are not how anyone is greeted.
    tokens = [t.rstrip(",") for t in tokens if t.rstrip(",").casefold() not in NAME_SUFFIXES]
    tokens = [t for t in tokens if t]
    if not tokens:
        return ""
    if tokens[0].casefold() in TITLE_PREFIXES and len(tokens) > 1:
        surname_start = len(tokens) - 1
        while surname_start > 2 and tokens[surname_start - 1].casefold() in SURNAME_PARTICLES:
            surname_start -= 1
        return " ".join([tokens[0], *tokens[surname_start:]])
    return tokens[0]


def _greeting(name: str) -> str:
    who = greeting_name(name)
    return f"Dear {who}," if who else "Hello,"


# --------------------------------------------------------------------------------------
# Choosing what each letter says
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Link:
    kind: str  # worry_story, worry_strength, care_story, care_strength, topic_story, ...
    target: str  # the note text linked to
    said: _Said  # how that note is said
    story: StoryBrief | None = None
    strength: str = ""


@dataclass(frozen=True)
class _Plan:
    person: PersonNotes
    discussed: tuple[_Said, ...]
    cares: tuple[_Said, ...]
    worries: tuple[_Said, ...]
    personal: tuple[tuple[str, tuple[str, str]], ...]  # (note, (form, text))
    link: _Link | None
    generic: bool
    unusable: bool  # there are notes, but none can be said in a sentence


def _best(
    target: _Profile,
    options: Sequence[tuple[str, _Profile]],
    uses: dict[str, int],
    min_score: int = 1,
) -> tuple[int, str] | None:
    """The best-scoring option (ties: fewer earlier uses, then input order), or None."""
    best: tuple[int, int, int, str] | None = None
    for index, (key, profile) in enumerate(options):
        score = _score(target, profile)
        if score < min_score:
            continue
        rank = (-score, uses.get(key, 0), index, key)
        if best is None or rank < best:
            best = rank
    return None if best is None else (-best[0], best[3])


# Cosine of two all-MiniLM-L6-v2 embeddings above which a note and a story sharing only
# one word are taken to be about the same thing. Read off the dev packs' pairs: links
# people would make sat at 0.47-0.55, chance overlaps ("nights", "ICU", "week") at 0.01-0.40.
ALIKE = 0.45


def _story_words(by_id: dict[str, StoryBrief]) -> dict[str, str]:
    return {
        key: " ".join(p for p in (s.title, s.situation, s.action, s.result) if p)
        for key, s in by_id.items()
    }


def _alike(note: str, hit: tuple[int, str] | None, texts: dict[str, str]) -> tuple[int, str] | None:
    """`hit` when its text (the key itself for a strength) reads like the note."""
    if hit is None:
        return None
    try:
        vectors = embeddings.embed_remembered([note, texts.get(hit[1], hit[1])])
    except embeddings.ModelUnavailable:  # no model: one shared word is not enough
        return None
    first, second = vectors[0], vectors[1]
    norm = float((first @ first) ** 0.5 * (second @ second) ** 0.5)
    return hit if norm and float(first @ second) / norm >= ALIKE else None


def _embed_ahead(texts: Sequence[str]) -> None:
    try:
        embeddings.embed_remembered([text for text in dict.fromkeys(texts) if text])
    except embeddings.ModelUnavailable:
        return


def _least_used(keys: Sequence[str], uses: dict[str, int]) -> str | None:
    if not keys:
        return None
    return min(enumerate(keys), key=lambda pair: (uses.get(pair[1], 0), pair[0]))[1]


def _plan(
    person: PersonNotes,
    stories: Sequence[StoryBrief],
    story_profiles: Sequence[tuple[str, _Profile]],
    strengths: tuple[str, ...],
    strength_profiles: Sequence[tuple[str, _Profile]],
    uses: dict[str, int],
    names: tuple[str, ...] = (),
) -> _Plan:
    notes = [
        _clean_items(pile)
        for pile in (person.discussed, person.cares_about, person.worries, person.personal)
    ]
    discussed = tuple(
        said for note in notes[0] if (said := _said(note, names, done=True)) is not None
    )
    cares = tuple(said for note in notes[1] if (said := _said(note, names)) is not None)
    worries = tuple(said for note in notes[2] if (said := _worry_said(note, names)) is not None)
    personal = tuple(
        (note, found) for note in notes[3] if (found := _personal_said(note, names)) is not None
    )
    by_id = {story.id: story for story in stories}
    link: _Link | None = None

    def story_or_strength(kind: str, targets: tuple[_Said, ...]) -> _Link | None:
        # One shared word is not enough: "asked again", "one-year", "nights" or "ICU" met
        # in an unrelated story linked a precepting story to a question about drips and a
        # rapid-response story to whether the candidate would leave for ICU.
        # One specific shared word counts when the two also read alike (a sentence
        # embedding): "titrated drips" meets a precepting story where they "saw drips".
        for target in targets:
            wanted = _note_profile(target.note)
            hit = _best(wanted, story_profiles, uses, 2) or _alike(
                target.note, _best(wanted, story_profiles, uses, 1), _story_words(by_id)
            )
            if hit is not None:
                return _Link(f"{kind}_story", target.note, target, story=by_id[hit[1]])
            hit = _best(wanted, strength_profiles, uses, 2) or _alike(
                target.note, _best(wanted, strength_profiles, uses, 1), {}
            )
            if hit is not None:
                return _Link(f"{kind}_strength", target.note, target, strength=hit[1])
        return None

    if worries:
        # A worry no story or strength answers is left out rather than repeated back to them.
        link = story_or_strength("worry", worries)
    if link is None and cares:
        link = story_or_strength("care", cares)
        if link is None:
            # Nothing overlaps: still link a strength the candidate chose to stress.
            # A story that shares nothing with it is not linked: "You clearly care about
            # Guest First" followed by a shrink story reads as a non sequitur.
            strength = _least_used(strengths, uses)
            if strength is not None:
                link = _Link("care_strength", cares[0].note, cares[0], strength=strength)
    if link is None and discussed:
        link = story_or_strength("topic", tuple(d for d in discussed if d.noun))
        if link is None and discussed[0].noun:
            strength = _least_used(strengths, uses)
            if strength is not None:
                link = _Link("topic_strength", discussed[0].note, discussed[0], strength=strength)
    if link is not None:
        if link.story is not None:
            uses[link.story.id] = uses.get(link.story.id, 0) + 1
        if link.strength:
            uses[link.strength] = uses.get(link.strength, 0) + 1
    any_notes = any(notes)
    generic = not any_notes
    unusable = any_notes and not (discussed or cares or worries)
    return _Plan(person, discussed, cares, worries, personal, link, generic, unusable)


# --------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------


class _Picker:
    """Template variants from a stable hash: one byte of a SHA-256 digest per slot.

    The hashed variant is used unless this round already has that exact sentence; then the
    next variants are tried in turn, so letters of one round share as little text as possible.
    """

    def __init__(self, key: str, name: str, attempt: int, seen: frozenset[str] | set[str]) -> None:
        seed = f"{key}\x1f{name}\x1f{attempt}".encode()
        self._digest = hashlib.sha256(seed).digest()
        self._seen = seen

    def choose(self, slot: int, options: Sequence[str], **values: str) -> str:
        start = self._digest[slot % len(self._digest)] % len(options)
        first = ""
        for step in range(len(options)):
            text = _fill(options[(start + step) % len(options)], **values)
            if text not in self._seen:
                return text
            first = first or text
        return first


@dataclass(frozen=True)
class _Draft:
    subject: str
    body: str
    card: str
    references: tuple[str, ...]
    sentences: tuple[str, ...]
    card_sentences: tuple[str, ...]
    sign_offs: tuple[str, str]


def _fill(template: str, **values: str) -> str:
    return template.format(**values)


def _round_phrase(label: str) -> str:
    """ "Second interview" -> "the second interview"; "Final round" -> "the final round"."""
    text = phrasing.mid(_clean(label)) or "interview"
    if not re.search(r"\b(?:interviews?|round|rounds|day|visit|loop|meeting|panel)$", text, re.I):
        text += " interview"
    return text if text.split()[0].casefold() in {"the", "our", "my"} else f"the {text}"


# Frames that say the interviewer gave or explained the topic: a topic of the candidate's
# own ("how I'd explain a CP plan to a 12 year old", "my reading lesson") was something
# they asked or watched, so "walking me through" it is not true.
THEIR_TOPIC_FRAME = re.compile(
    r"walking me through|your perspective on|your insights on|what you said about"
    r"|for explaining that|when you explained|you mentioned",
    re.IGNORECASE,
)
GERUND_START = re.compile(r"^[a-z]+ing\s+\w")
GERUND_FRAME = re.compile(r"discussing \{topic\}|spent with me on \{topic\}|walking me through")
FIRST_PERSON = re.compile(r"(?<![\w'’])(?:I|I'[a-z]+|I’[a-z]+|me|my|mine|myself)(?![\w'’])")


# "someone who can stay 5+ years": a kind of person they want, which the candidate does
# not "care about" too ("and so do I").
KIND_OF_PERSON = re.compile(r"\b(?:someone|somebody|people|anyone|guys|staff|[a-z]+s)\s+who\b")
SHARED_CARE_FRAME = re.compile(r"and so do I|I share your focus", re.IGNORECASE)


def frames_for(templates: Sequence[str], value: str) -> tuple[str, ...]:
    """The templates that can say `value`: none that credits the interviewer with a topic
    of the candidate's own, none that shares their wish for a kind of person. All of them
    when that would leave none."""
    fitting = tuple(templates)
    if GERUND_START.match(value):
        # "discussing making 2 blood films", "the time you spent with me on making …"
        fitting = tuple(t for t in fitting if not GERUND_FRAME.search(t))
    if FIRST_PERSON.search(value):
        fitting = tuple(t for t in fitting if not THEIR_TOPIC_FRAME.search(t))
    if KIND_OF_PERSON.search(value):
        fitting = tuple(t for t in fitting if not SHARED_CARE_FRAME.search(t))
    return fitting or tuple(templates)


def _care_clauses(said: _Said, *, ack: bool) -> tuple[str, ...]:
    """The frames for what someone cares about, typed as a clause: about them ("you like
    a clean van") or a point they made ("paperwork matches the job")."""
    theirs = (said.clause or "").split(" ", 1)[0].casefold() in {"you", "you're", "your"}
    if ack:
        return CARE_ACK_CLAUSE_THEIRS if theirs else CARE_ACK_CLAUSE
    return LINK_CARE_CLAUSE_THEIRS if theirs else LINK_CARE_CLAUSE


def _pick(
    picker: _Picker,
    slot: int,
    said: _Said,
    nouns: Sequence[str],
    clauses: Sequence[str],
    key: str,
    **common: str,
) -> str:
    """A template for the noun phrase when the note has one, else for its clause."""
    if said.noun:
        return picker.choose(slot, frames_for(nouns, said.noun), **{key: said.noun}, **common)
    clause = said.clause or ""
    return picker.choose(slot, frames_for(clauses, clause), clause=clause, **common)


def _write(plan: _Plan, context: LetterContext, picker: _Picker) -> _Draft:
    person = plan.person
    company = _clean(context.company) or "your company"
    role = _clean(context.role) or "open"
    on_date = f" on {_long_date(context.interview_date)}" if context.interview_date else ""
    common = {
        "company": company,
        "role": role,
        "round": _round_phrase(context.round_label),
        "on_date": on_date,
    }
    first_name = greeting_name(person.name) or "them"
    refs: list[str] = []
    link = plan.link

    # Opening: thanks for something specific; a marked gap when the notes say nothing usable.
    gap_topic = ""
    if plan.discussed:
        said = plan.discussed[0]
        opening = _pick(picker, 0, said, THANKS_TOPIC, THANKS_CLAUSE, "topic", **common)
        refs.append(f"discussed: {said.note}")
    elif _clean_items(person.discussed) or plan.unusable:
        gap_topic = phrasing.gap(GAP_DISCUSSED.format(name=first_name))
        opening = picker.choose(0, THANKS_TOPIC, topic=gap_topic, **common)
        refs.append("gap: discussed")
    else:
        opening = picker.choose(0, THANKS_PLAIN, **common)

    # One acknowledgement: what they care about (when the link answered a worry, or when
    # no story fits it), else the second topic discussed.
    acknowledgement = ""
    ack_ref = ""
    linked = link.target if link else ""
    care_left = [c for c in plan.cares if c.note != linked]
    topics_left = [t for t in plan.discussed[1:] if t.note != linked]
    if (link is None or link.kind.startswith("worry")) and care_left:
        acknowledgement = _pick(
            picker, 1, care_left[0], CARE_ACK, _care_clauses(care_left[0], ack=True), "care"
        )
        ack_ref = f"cares about: {care_left[0].note}"
    elif topics_left:
        acknowledgement = _pick(picker, 1, topics_left[0], SECOND_TOPIC, SECOND_CLAUSE, "topic")
        ack_ref = f"discussed: {topics_left[0].note}"

    # The link: one story or strength for their worry, what they care about, or the topic.
    linking: list[str] = []
    card_link = ""
    link_refs: list[str] = []
    if link is not None:
        said = link.said
        group = link.kind.split("_")[0]
        label = {"worry": "worry", "care": "cares about", "topic": "discussed"}[group]
        target_ref = f"{label}: {link.target}"
        if link.story is not None:
            nouns, clauses = {
                "worry": (LINK_WORRY, LINK_WORRY_CLAUSE),
                "care": (LINK_CARE, _care_clauses(said, ack=False)),
                "topic": (LINK_TOPIC, LINK_TOPIC_CLAUSE),
            }[group]
            intro = _pick(picker, 2, said, nouns, clauses, group)
            # A story that cannot be told in its own words leaves a marked gap: its title
            # alone ("the CO call") means nothing to the reader.
            story = _story_text(link.story) or (
                _story_gap(_clean(link.story.title)) + "." if _clean(link.story.title) else ""
            )
            if story:
                linking = [intro, story]
                link_refs = [target_ref, f"story: {_clean(link.story.title)}"]
                # A card names the story by what happened; a bare title ("new tech")
                # means nothing to the reader, so without that the card says no story.
                hook = _story_hook(link.story)
                if said.noun and hook:
                    card_templates = {
                        "worry": CARD_LINK_WORRY,
                        "care": CARD_LINK_CARE,
                    }.get(group, CARD_LINK_STORY)
                    card_link = picker.choose(12, card_templates, title=hook, target=said.noun)
        elif link.strength and said.noun:
            strength = phrasing.mid(link.strength)
            templates = {
                "worry": LINK_WORRY_STRENGTH,
                "care": LINK_CARE_STRENGTH,
                "topic": LINK_TOPIC_STRENGTH,
            }[group]
            linking = [
                picker.choose(
                    2,
                    templates,
                    worry=said.noun,
                    care=said.noun,
                    topic=said.noun,
                    strength=strength,
                )
            ]
            if group != "worry":
                card_link = picker.choose(
                    12, CARD_LINK_STRENGTH, strength=strength, target=said.noun
                )
            link_refs = [target_ref, f"strength: {link.strength}"]
    for ref in link_refs:
        if ref not in refs:
            refs.append(ref)
    if ack_ref and ack_ref not in refs:
        refs.append(ack_ref)

    relation_touch = ""
    if person.relation in RELATION_TOUCH:
        relation_touch = picker.choose(3, RELATION_TOUCH[person.relation], **common)

    personal_line = ""
    if plan.personal:
        note, (form, text) = plan.personal[0]
        if form == "noun":
            personal_line = picker.choose(4, PERSONAL, personal=text)
        else:
            personal_line = picker.choose(4, PERSONAL_CLAUSE, clause=text)
        refs.append(f"personal: {note}")

    enthusiasm = picker.choose(5, ENTHUSIASM, **common)
    closing = picker.choose(6, CLOSING, **common)

    first = [opening, acknowledgement]
    second = [*linking, relation_touch]
    third = [enthusiasm, closing, personal_line]

    def count() -> int:
        return sum(_sentence_count(x) for x in (*first, *second, *third) if x)

    if count() > MAX_SENTENCES and first[1]:
        first[1] = ""
        refs = [r for r in refs if r != ack_ref or r in link_refs]
    if count() > MAX_SENTENCES and second[-1]:
        second[-1] = ""
    if count() > MAX_SENTENCES:
        third[1] = ""
    if count() < MIN_SENTENCES:
        strength = _unused_strength(context.strengths, link)
        if strength:
            second.append(picker.choose(7, STRENGTH_FILLER, strength=phrasing.mid(strength)))
            refs.append(f"strength: {strength}")
    if count() < MIN_SENTENCES:
        first.append(picker.choose(8, GENERIC_MIDDLE, **common))
    if count() < MIN_SENTENCES:
        # Only reached with no notes, no strengths and no known relation.
        first.append(picker.choose(9, GENERIC_MORE, **common))

    paragraphs = [" ".join(x for x in block if x) for block in (first, second, third)]
    sign_off = picker.choose(10, SIGN_OFF)
    signature = _clean(context.candidate_name)
    body = "\n\n".join(
        [_greeting(person.name), *[p for p in paragraphs if p], f"{sign_off}\n{signature}"]
    )
    sentences = tuple(x for block in (first, second, third) for x in block if x)

    # The handwritten card: 3-4 sentences.
    if plan.discussed:
        card_open = _pick(
            picker, 11, plan.discussed[0], CARD_THANKS_TOPIC, CARD_THANKS_CLAUSE, "topic", **common
        )
    elif gap_topic:
        card_open = picker.choose(11, CARD_THANKS_TOPIC, topic=gap_topic, **common)
    else:
        card_open = picker.choose(11, CARD_THANKS_PLAIN, **common)
    card_middle = [card_link] if card_link else []
    card_end = personal_line or picker.choose(14, CARD_CLOSING)
    card_sentences = (
        card_open,
        *card_middle,
        picker.choose(13, CARD_ENTHUSIASM, **common),
        card_end,
    )
    card_sign_off = picker.choose(15, CARD_SIGN_OFF)
    card = "\n\n".join(
        [_greeting(person.name), " ".join(card_sentences), f"{card_sign_off}\n{signature}"]
    )

    subject = picker.choose(16, SUBJECTS, **common)
    return _Draft(
        subject, body, card, tuple(refs), sentences, card_sentences, (sign_off, card_sign_off)
    )


def _sentence_count(text: str) -> int:
    return len([s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\[“])", text.strip()) if s])


def _story_gap(title: str) -> str:
    """The marked gap a story leaves when it cannot be told in its own words: the user
    tells it; a long title is not repeated in the gap (a gap stays short enough to see)."""
    named = f" {phrasing.quoted(title)}" if len(title) <= 30 else ""
    return phrasing.gap(f"Your story{named} in a sentence or two, with its result")


def _story_hook(story: StoryBrief) -> str:
    """The story as a reader can picture it from a card: by its situation ("the time a
    patient had 5-6mm pockets for 2 years"), else by its first action that needs nothing
    said before it ("the time I held a prescription until the doctor called back"); ""
    when neither does. An action alone often names a step every story has ("the time I
    told my manager straight away", "the time I shut off the gas"), not the story."""
    situation = _situation(story)
    if situation and not CONTEXT_WORDS.search(situation):
        return f"the time {situation}"
    for piece in _action_pieces(story.action or story.summary):
        if piece.form is not phrasing.Form.VERB or piece.negated or piece.tense == "gerund":
            continue
        phrase = phrasing.verb_phrase(piece, tense="past")
        phrase = phrasing.with_object_articles(phrase) if phrase else phrase
        # "the time I stopped" names nothing: a hook says what was done and to what
        if phrase and not CONTEXT_WORDS.search(phrase) and 4 <= len(phrase.split()) <= 12:
            first = phrase.split(" ", 1)[0]
            if not first.isupper():  # "Rebuilt the lane plan": a line's capital
                phrase = phrase[:1].lower() + phrase[1:]
            return f"the time I {phrase}"
    return ""


def _unused_strength(strengths: tuple[str, ...], link: _Link | None) -> str:
    for strength in _clean_items(strengths):
        if link is None or link.strength != strength:
            return strength
    return ""


def _names(context: LetterContext, people: Sequence[PersonNotes]) -> tuple[str, ...]:
    return (*context.names, context.company, *(person.name for person in people))


def _strip_greeting(text: str) -> str:
    return text.partition("\n\n")[2]


def draft_letters(
    context: LetterContext, people: Sequence[PersonNotes], stories: Sequence[StoryBrief]
) -> list[Letter]:
    """One thank-you letter (e-mail body, subject and card) per interviewer, in roster order."""
    unique_stories = list({story.id: story for story in stories}.values())
    phrasing.prepare(
        [
            *(
                note
                for p in people
                for pile in (p.discussed, p.cares_about, p.worries, p.personal)
                for note in pile
            ),
            *(text for s in unique_stories for text in (s.title, s.action, s.situation, s.result)),
        ]
    )
    story_profiles = [
        (
            story.id,
            _profile(
                " ".join(
                    (
                        story.title,
                        story.summary,
                        story.action,
                        story.result,
                        " ".join(story.competencies),
                    )
                )
            ),
        )
        for story in unique_stories
    ]
    strengths = _clean_items(context.strengths)
    strength_profiles = [(strength, _profile(strength)) for strength in strengths]
    # The short texts `_alike` may compare, embedded in one batch (stories, long, are
    # embedded only when a note shares a word with one, then remembered).
    _embed_ahead(
        [
            *(
                note
                for p in people
                for pile in (p.cares_about, p.worries)
                for note in _clean_items(pile)
            ),
            *strengths,
        ]
    )
    uses: dict[str, int] = {}
    seen_sentences: set[str] = set()
    seen_bodies: set[str] = set()
    seen_cards: set[str] = set()
    letters: list[Letter] = []
    for person in people:
        plan = _plan(
            person,
            unique_stories,
            story_profiles,
            strengths,
            strength_profiles,
            uses,
            _names(context, people),
        )
        # Attempt 0 is the stable hash of key and name; later attempts only when the letter
        # would repeat one already drafted (same name and same notes, say).
        chosen: _Draft | None = None
        for attempt in range(ATTEMPTS):
            draft = _write(plan, context, _Picker(person.key, person.name, attempt, seen_sentences))
            if (
                _strip_greeting(draft.body) not in seen_bodies
                and _strip_greeting(draft.card) not in seen_cards
            ):
                chosen = draft
                break
            chosen = chosen or draft
        assert chosen is not None
        seen_sentences.update((chosen.subject, *chosen.sign_offs))
        seen_sentences.update(chosen.sentences)
        seen_sentences.update(chosen.card_sentences)
        seen_bodies.add(_strip_greeting(chosen.body))
        seen_cards.add(_strip_greeting(chosen.card))
        letters.append(
            Letter(
                interviewer_key=person.key,
                interviewer=person.name,
                subject=chosen.subject,
                body=chosen.body,
                card=chosen.card,
                generic=plan.generic,
                references=chosen.references,
                sentences=sum(_sentence_count(text) for text in chosen.sentences),
            )
        )
    return letters


def letters_as_json(letters: Sequence[Letter]) -> list[dict[str, object]]:
    """[{"interviewer","subject","body","generic"}] in the order given."""
    return [
        {
            "interviewer": letter.interviewer,
            "subject": letter.subject,
            "body": letter.body,
            "generic": letter.generic,
        }
        for letter in letters
    ]


# --------------------------------------------------------------------------------------
# Follow-up (S13)
# --------------------------------------------------------------------------------------


def follow_up_email(
    context: LetterContext, *, contact_name: str, decision_date: date | None, today: date
) -> tuple[str, str]:
    """(subject, body): a polite check-in once the decision date they gave has passed."""
    role = _clean(context.role) or "open"
    company = _clean(context.company) or "your company"
    on_date = f" on {_long_date(context.interview_date)}" if context.interview_date else ""
    met = f"Thank you again for the chance to interview for the {role} role{on_date}."
    if decision_date is None:
        timing = "I wanted to check in on the status of the process and the next steps."
    elif today > decision_date:
        timing = (
            f"You mentioned that a decision was expected by {_long_date(decision_date)}, so I "
            "wanted to check in on where things stand."
        )
    else:
        timing = (
            f"I understand a decision is expected by {_long_date(decision_date)}, and I wanted "
            "to check in on where things stand."
        )
    paragraphs = [
        _greeting(contact_name),
        f"I hope you are well. {met}",
        f"{timing} I remain very interested in the role and in {company}, and I would be "
        "glad to provide anything else you need.",
        "Thank you for your time, and I look forward to hearing from you.",
        f"Kind regards,\n{_clean(context.candidate_name)}",
    ]
    return f"Following up: {role} at {company}", "\n\n".join(paragraphs)


def feedback_request_email(context: LetterContext, *, contact_name: str) -> tuple[str, str]:
    """(subject, body) after a rejection: thanks, grace, a request for feedback."""
    role = _clean(context.role) or "open"
    company = _clean(context.company) or "your company"
    paragraphs = [
        _greeting(contact_name),
        f"Thank you for letting me know your decision about the {role} role. Although I am "
        f"disappointed, I appreciated the chance to meet the team and learn more about "
        f"{company}.",
        "If you have a few minutes, I would be grateful for any feedback on my interviews that "
        "could help me improve. I would also welcome the chance to be considered for future "
        f"openings at {company}.",
        "Thank you again for your time and consideration, and I wish you and the team every "
        "success.",
        f"Best wishes,\n{_clean(context.candidate_name)}",
    ]
    return f"Thank you: {role} at {company}", "\n\n".join(paragraphs)


# --------------------------------------------------------------------------------------
# Sending: a draft .eml file and a mailto: link
# --------------------------------------------------------------------------------------


_EML_POLICY = SMTP.clone(max_line_length=998)


def _one_line(value: str) -> str:
    return _SPACES.sub(" ", value).strip()


def build_eml(*, sender: str, to: str, subject: str, body: str, when: datetime) -> bytes:
    """An RFC 5322 draft (UTF-8, CRLF) with X-Unsent: 1 so mail clients open it for editing."""
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError("when must be timezone-aware")
    message = EmailMessage()
    message["From"] = _one_line(sender)
    message["To"] = _one_line(to)
    message["Subject"] = _one_line(subject)
    message["Date"] = format_datetime(when)
    digest = hashlib.sha256(f"{sender}\x1f{to}\x1f{subject}\x1f{when.isoformat()}".encode())
    domain = _one_line(sender).rpartition("@")[2].rstrip(">").strip() or "secondround.invalid"
    if not re.fullmatch(r"[A-Za-z0-9.-]+", domain):
        domain = "secondround.invalid"
    message["Message-ID"] = f"<{digest.hexdigest()[:32]}.secondround@{domain}>"
    message["X-Unsent"] = "1"
    message.set_content(body.replace("\r\n", "\n"), charset="utf-8")
    # Not folded below the RFC 5322 hard limit: Python 3.11's folder drops the space between
    # an ASCII word and an encoded word when it wraps a header ("Freight) —Renée").
    return message.as_bytes(policy=_EML_POLICY)


def mailto_link(*, to: str, subject: str, body: str) -> str:
    """mailto: per RFC 6068: every reserved character percent-encoded, line breaks as %0D%0A."""
    crlf_body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return (
        f"mailto:{quote(_one_line(to), safe='@,')}"
        f"?subject={quote(_one_line(subject), safe='')}&body={quote(crlf_body, safe='')}"
    )
