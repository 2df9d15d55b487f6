"""Questions to ask (S8): a few insightful questions for each interviewer of a round.

The questions come from our own library, ``secondround/data/ask/questions.json``
(format in that folder's SCHEMA.md). For each person of the day we pick
``per_person`` questions that suit their relation to the role, one per purpose
in an order that fits that relation (the hiring manager hears about
accountability and how they manage, the boss's boss about the company's plans,
a peer about the team...). The last person of the day always gets a
"next steps" question; nobody else does. Two people of the same day never get
the same question unless the candidate pinned it for both. Pay and benefits
questions only appear when the employer raised pay (see ``pay_was_raised``).

Plain Python, no Django; deterministic for a given ``seed``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from secondround.engine.nlp import phrasing
from secondround.engine.nlp.entities import SLOT_KINDS, EntityIndex, Kind, accepts_all
from secondround.engine.nlp.files import DATA_DIR

LIBRARY_PATH = DATA_DIR / "ask" / "questions.json"
TERM_PLACEHOLDER = "{term}"
MIN_SURE_TERMS = 3  # below this many sure terms, guessed ones fill slots too

PURPOSES: tuple[str, ...] = (
    "accountability",
    "cross_department",
    "company_plans",
    "best_thing",
    "manager_style",
    "team_dynamics",
    "fit_for_me",
    "challenges",
    "culture",
    "next_steps",
    "salary_benefits",
    "technical",
)
RELATIONS: tuple[str, ...] = (
    "hiring_manager",
    "managers_manager",
    "senior_leader",
    "peer",
    "cross_department",
    "hr",
    "technical_expert",
    "other",
)

# Which purposes to cover first, per relation (one question per purpose, in this order).
PURPOSE_ORDER: dict[str, tuple[str, ...]] = {
    "hiring_manager": (
        "accountability",
        "manager_style",
        "challenges",
        "fit_for_me",
        "team_dynamics",
        "cross_department",
        "company_plans",
        "technical",
        "culture",
        "best_thing",
    ),
    "managers_manager": (
        "company_plans",
        "challenges",
        "accountability",
        "culture",
        "cross_department",
        "fit_for_me",
        "best_thing",
        "manager_style",
        "team_dynamics",
    ),
    "senior_leader": (
        "company_plans",
        "challenges",
        "culture",
        "best_thing",
        "cross_department",
        "accountability",
        "fit_for_me",
    ),
    "peer": (
        "team_dynamics",
        "best_thing",
        "cross_department",
        "culture",
        "fit_for_me",
        "challenges",
        "technical",
        "manager_style",
        "accountability",
    ),
    "cross_department": (
        "cross_department",
        "challenges",
        "best_thing",
        "culture",
        "company_plans",
        "team_dynamics",
        "technical",
    ),
    "hr": (
        "culture",
        "fit_for_me",
        "best_thing",
        "company_plans",
        "team_dynamics",
        "accountability",
        "challenges",
        "manager_style",
    ),
    "technical_expert": (
        "technical",
        "challenges",
        "team_dynamics",
        "fit_for_me",
        "best_thing",
        "cross_department",
        "culture",
    ),
    "other": (
        "best_thing",
        "culture",
        "challenges",
        "fit_for_me",
        "company_plans",
        "team_dynamics",
        "cross_department",
        "technical",
    ),
}

_WHO: dict[str, str] = {
    "hiring_manager": "{name} would be your manager",
    "managers_manager": "{name} is your future manager's manager",
    "senior_leader": "{name} is a senior leader",
    "peer": "{name} would be a colleague on your team",
    "cross_department": "{name} works in a department you would work with",
    "hr": "{name} is from HR / recruiting",
    "technical_expert": "{name} is the technical expert of the day",
    "other": "{name} is one of today's interviewers",
}

_WHY: dict[str, str] = {
    "accountability": (
        "ask what you would be accountable for in the first months and how success is measured"
    ),
    "cross_department": "ask how the role works with other departments",
    "company_plans": "ask about the organisation's plans and where this role fits in them",
    "best_thing": "ask what they like best about working here; it shows you the upside",
    "manager_style": "ask how the manager works, from someone who sees it up close",
    "team_dynamics": "ask how the team works together",
    "fit_for_me": (
        "test whether the job fits you (workload, growth, what people who succeed here do)"
    ),
    "challenges": "ask about the biggest challenges, so you can show how you would tackle them",
    "culture": "ask what the culture is really like day to day",
    "next_steps": "ask about the next steps and when they will decide",
    "salary_benefits": "the employer already raised pay, so it is fair to ask about it now",
    "technical": "ask about the tools, methods and standards used",
}

# Sharper reasons for the pairs that matter most.
_WHY_FOR: dict[tuple[str, str], str] = {
    ("hiring_manager", "accountability"): (
        "ask what you would own in your first 3–6 months and how they will judge it"
    ),
    ("hiring_manager", "manager_style"): (
        "ask how they like to work, so you know what working for them would be like"
    ),
    ("hiring_manager", "challenges"): (
        "ask what worries them most, so you can show how you would help"
    ),
    ("managers_manager", "company_plans"): (
        "ask where the organisation is heading; they see the bigger picture"
    ),
    ("managers_manager", "challenges"): "ask what keeps them up at night",
    ("senior_leader", "company_plans"): ("ask about strategy and growth; they set the direction"),
    ("senior_leader", "challenges"): "ask which risks and hard problems they see ahead",
    ("peer", "team_dynamics"): "ask how the team really works together day to day",
    ("peer", "best_thing"): "ask what they enjoy about working here; peers answer candidly",
    ("cross_department", "cross_department"): (
        "ask what their department needs from this role and how you would work together"
    ),
    ("hr", "culture"): "ask how the organisation works beyond the job description",
    ("hr", "fit_for_me"): "ask about growth and working conditions to test whether it fits you",
    ("technical_expert", "technical"): "ask which tools, methods and standards the work relies on",
    ("technical_expert", "challenges"): "ask about the hardest problems in their field here",
}


@dataclass(frozen=True)
class AskPerson:
    key: str
    name: str
    relation: str | None
    order: int  # position in the day's schedule (0-based); the last one gets next_steps


@dataclass(frozen=True)
class AskQuestion:
    id: str
    text: str
    purpose: str
    reason: str
    filler: str = ""  # the term a tailored question was filled with
    filler_kind: str = ""  # its kind (entities.Kind), which the template accepts


@dataclass(frozen=True)
class LibraryAskQuestion:
    id: str
    text: str
    purpose: str
    relations: tuple[str, ...]
    tailor: bool = False
    salary: bool = False
    last_only: bool = False
    accepts: tuple[str, ...] = ()  # kinds of term the {term} slot takes (entities.Kind)

    def suits(self, relation: str) -> bool:
        return relation in self.relations


def _library_question(raw: Any) -> LibraryAskQuestion:
    if not isinstance(raw, dict):
        raise ValueError(f"Each question must be an object, got {raw!r}")
    qid = str(raw.get("id") or "").strip()
    text = str(raw.get("text") or "").strip()
    purpose = str(raw.get("purpose") or "")
    relations = raw.get("relations") or []
    if not qid or not text:
        raise ValueError(f"Question without id or text: {raw!r}")
    if purpose not in PURPOSES:
        raise ValueError(f"{qid}: unknown purpose {purpose!r}")
    if not isinstance(relations, list) or not relations:
        raise ValueError(f"{qid}: relations must be a non-empty list")
    unknown = [r for r in relations if r not in RELATIONS]
    if unknown:
        raise ValueError(f"{qid}: unknown relations {unknown!r}")
    return LibraryAskQuestion(
        id=qid,
        text=text,
        purpose=purpose,
        relations=tuple(str(r) for r in relations),
        tailor=bool(raw.get("tailor", False)) or TERM_PLACEHOLDER in text,
        accepts=tuple(str(kind) for kind in raw.get("accepts") or ()),
        salary=bool(raw.get("salary", False)) or purpose == "salary_benefits",
        last_only=bool(raw.get("last_only", False)) or purpose == "next_steps",
    )


@cache
def _load(path: Path) -> tuple[LibraryAskQuestion, ...]:
    data = json.loads(path.read_text(encoding="utf-8"))
    raw_questions = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(raw_questions, list):
        raise ValueError(f"{path}: expected an object with a 'questions' list")
    questions = tuple(_library_question(raw) for raw in raw_questions)
    seen: set[str] = set()
    for question in questions:
        if question.id in seen:
            raise ValueError(f"{path}: duplicate id {question.id}")
        seen.add(question.id)
    return questions


def load_ask_library(path: Path | None = None) -> tuple[LibraryAskQuestion, ...]:
    """The library of questions to ask, loaded once per path (cached)."""
    return _load((path or LIBRARY_PATH).resolve())


def _rank(seed: str, person_key: str, question_id: str) -> str:
    return hashlib.sha256(f"{seed}\x1f{person_key}\x1f{question_id}".encode()).hexdigest()


def _relation(person: AskPerson) -> str:
    return person.relation if person.relation in RELATIONS else "other"


def _reason(
    person: AskPerson,
    question: LibraryAskQuestion,
    *,
    pinned: bool = False,
    last: bool = False,
    term: str | None = None,
) -> str:
    relation = _relation(person)
    name = person.name.strip() or "This interviewer"
    who = _WHO[relation].format(name=name)
    if pinned:
        reason = f"You pinned this question for {name}."
    elif question.purpose == "next_steps" and last:
        reason = f"{name} is your last interviewer of the day: {_WHY['next_steps']}."
    else:
        why = _WHY_FOR.get((relation, question.purpose), _WHY[question.purpose])
        reason = f"{who}: {why}."
        if not question.suits(relation):
            reason += " (Our library ran short of questions made for this role.)"
    if term:
        reason += f" It uses “{term}”, the company's own term, to show you did your homework."
    return reason


def _fits(question: LibraryAskQuestion, kinds: frozenset[Kind]) -> bool:
    """A {term} template takes a term only when it reads right for every kind the term
    may be (entities.accepts_all); a template that names no kinds takes only terms of no
    known kind."""
    return accepts_all(question.accepts, kinds)


class _Picker:
    """Chooses the questions for one person, sharing ``used`` with the whole day."""

    def __init__(
        self,
        person: AskPerson,
        *,
        library: tuple[LibraryAskQuestion, ...],
        used: set[str],
        terms: list[tuple[str, str, frozenset[Kind]]],
        term_turn: list[int],
        seed: str,
        is_last: bool,
    ) -> None:
        self.person = person
        self.relation = _relation(person)
        self.library = library
        self.used = used
        self.terms = terms
        self.term_turn = term_turn
        self.seed = seed
        self.is_last = is_last
        self.chosen_ids: set[str] = set()
        self.covered: set[str] = set()
        self.tailored = 0

    def rank(self, question: LibraryAskQuestion) -> str:
        return _rank(self.seed, self.person.key, question.id)

    def free(self, question: LibraryAskQuestion) -> bool:
        return question.id not in self.used and question.id not in self.chosen_ids

    def fitting_terms(self, question: LibraryAskQuestion) -> list[tuple[str, str]]:
        return [(term, kind) for term, kind, kinds in self.terms if _fits(question, kinds)]

    def take(self, question: LibraryAskQuestion, *, pinned: bool = False) -> AskQuestion:
        term, kind = "", ""
        fitting = self.fitting_terms(question) if question.tailor else []
        if fitting:
            term, kind = fitting[self.term_turn[0] % len(fitting)]
            self.term_turn[0] += 1
            self.tailored += 1
        self.chosen_ids.add(question.id)
        self.covered.add(question.purpose)
        if not pinned:
            self.used.add(question.id)
        text = (
            phrasing.fill_slot(question.text, TERM_PLACEHOLDER, term, quote=kind == Kind.VALUE)
            if term
            else question.text
        )
        return AskQuestion(
            id=question.id,
            text=text,
            purpose=question.purpose,
            reason=_reason(
                self.person, question, pinned=pinned, last=self.is_last, term=term or None
            ),
            filler=term,
            filler_kind=kind,
        )

    def special(self, *, salary: bool) -> LibraryAskQuestion | None:
        """The best free next-steps (or pay) question for this person."""
        options = [
            q
            for q in self.library
            if self.free(q) and (q.salary if salary else q.last_only) and not q.tailor
        ]
        # Next steps: the library's order (the classic question first); pay: seeded.
        options.sort(
            key=lambda q: (
                not q.suits(self.relation),
                self.rank(q) if salary else f"{self.library.index(q):06d}",
            )
        )
        return options[0] if options else None

    def candidates(self, purpose: str | None, *, suited: bool = True) -> list[LibraryAskQuestion]:
        found = [
            q
            for q in self.library
            if (purpose is None or q.purpose == purpose)
            and self.free(q)
            and not q.last_only
            and not q.salary
            and (not q.tailor or (bool(self.fitting_terms(q)) and self.tailored == 0))
            and (q.suits(self.relation) or not suited)
        ]
        # A tailored question first when one fits, then a seeded shuffle.
        found.sort(key=lambda q: (not q.tailor, self.rank(q)))
        return found


def questions_to_ask(
    people: Sequence[AskPerson],
    *,
    terms: Sequence[str] = (),
    pay_raised: bool = False,
    per_person: int = 4,
    pinned: Mapping[str, Sequence[str]] = {},  # noqa: B006 - read only
    seed: str = "",
    entities: EntityIndex | None = None,
) -> dict[str, list[AskQuestion]]:
    """Questions to ask, keyed by ``AskPerson.key``, in the order to ask them.

    - ``pinned`` maps a person's key to library ids chosen by the candidate: they
      come first for that person and are kept even when pinned for someone else too;
      unknown ids are ignored, and so are templates when there are no ``terms``.
    - The last person of the day (highest ``order``; on a tie the one listed last)
      always gets one ``next_steps`` question, asked last; nobody else does unless
      it was pinned.
    - Pay and benefits questions only when ``pay_raised``: one, for the first HR
      person of the day, else the first hiring manager, else the last person.
    - ``{term}`` templates are filled from ``terms`` (people in turn hear different
      terms), at most one tailored question per person, and only with a term of a kind
      the template accepts (``entities`` says what each term is: a tool is asked about
      as a tool, a metric as a metric; a competitor, a schedule or a trait never).
    """
    if per_person < 0:
        raise ValueError("per_person must be zero or more")
    keys = [person.key for person in people]
    if len(set(keys)) != len(keys):
        raise ValueError("Each person needs a distinct key")
    result: dict[str, list[AskQuestion]] = {person.key: [] for person in people}
    if not people:
        return result

    library = load_ask_library()
    by_id = {question.id: question for question in library}
    index = entities or EntityIndex()
    clean_terms = sorted(
        (
            (term, str(index.kind(term)), index.kinds(term))
            for term in dict.fromkeys(t.strip() for t in terms if t and t.strip())
            if index.kind(term) in SLOT_KINDS
        ),
        key=lambda found: not index.sure(found[0]),  # sure terms first (entities.Entity.sure)
    )
    sure = [found for found in clean_terms if index.sure(found[0])]
    if len(sure) >= MIN_SURE_TERMS:
        clean_terms = sure  # enough terms whose kind is known: no guess fills a slot

    # Pinned ids are reserved: nobody else picks them unless they pinned them too.
    pinned_ids: dict[str, list[str]] = {}
    for person in people:
        ids: list[str] = []
        for qid in pinned.get(person.key, ()):
            question = by_id.get(qid)
            fits = any(_fits(question, kinds) for _, _, kinds in clean_terms) if question else False
            if question is None or qid in ids or (question.tailor and not fits):
                continue
            ids.append(qid)
        pinned_ids[person.key] = ids
    used: set[str] = {qid for ids in pinned_ids.values() for qid in ids}

    last_person = people[max(range(len(people)), key=lambda i: (people[i].order, i))]
    pay_person: AskPerson | None = None
    if pay_raised:
        for wanted in ("hr", "hiring_manager"):
            pay_person = next((p for p in people if _relation(p) == wanted), None)
            if pay_person is not None:
                break
        if pay_person is None:
            pay_person = last_person

    term_turn = [0]
    for person in people:
        picker = _Picker(
            person,
            library=library,
            used=used,
            terms=clean_terms,
            term_turn=term_turn,
            seed=seed,
            is_last=person is last_person,
        )
        chosen = [picker.take(by_id[qid], pinned=True) for qid in pinned_ids[person.key]]

        closing: AskQuestion | None = None
        if picker.is_last and "next_steps" not in picker.covered:
            option = picker.special(salary=False)
            if option is not None:
                closing = picker.take(option)
        budget = per_person - (1 if closing else 0)

        if (
            person is pay_person
            and "salary_benefits" not in picker.covered
            and len(chosen) < budget
        ):
            option = picker.special(salary=True)
            if option is not None:
                chosen.append(picker.take(option))

        for purpose in PURPOSE_ORDER[picker.relation]:
            if len(chosen) >= budget:
                break
            if purpose not in picker.covered:
                options = picker.candidates(purpose)
                if options:
                    chosen.append(picker.take(options[0]))
        # Still short (only with large budgets): a suited question of a purpose not
        # covered yet, then any suited one, then anything left in the library.
        for pass_no in range(3):
            while len(chosen) < budget:
                options = picker.candidates(None, suited=pass_no < 2)
                if pass_no == 0:
                    options = [q for q in options if q.purpose not in picker.covered]
                if not options:
                    break
                chosen.append(picker.take(options[0]))
        if closing:
            chosen.append(closing)
        result[person.key] = chosen
    return result


# --- Did the employer raise pay? -------------------------------------------------

_PAY = re.compile(
    r"\b(?:salar(?:y|ies)|compensation|remuneration|wages?|pay(?:check|slip)?s?(?!\s+attention)"
    r"|benefits?(?!\s+of\b)|bonus(?:es)?|equity|stock\s+options?|pension|total\s+rewards?"
    r"|comp|package)\b",
    re.IGNORECASE,
)
_RAISED = re.compile(
    r"\b(?:ask(?:ed|s|ing)?|mention(?:ed|s|ing)?|discuss(?:ed|es|ing|ion)?|rais(?:ed|es|ing)"
    r"|br(?:ought|ing|ings)\s+up|talk(?:ed|s)?\s+(?:about|through)|told|tell|shar(?:ed|es)"
    r"|said|says|explain(?:ed|s)?|cover(?:ed|s)?|went\s+(?:over|through)|go\s+over"
    r"|came\s+up|comes\s+up|offer(?:ed|s)?|quot(?:ed|es)|gave|outlin(?:ed|es)"
    r"|walk(?:ed)?\s+me\s+through|expectations?|bands?|ranges?|scales?|grades?"
    r"|question(?:ed|s)?|want(?:ed|s)?\s+to\s+know|inquir(?:ed|es)|enquir(?:ed|es)"
    r"|negotiat\w*|confirm(?:ed|s)?|presented|described)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(?:not|never|no|nor|without|avoid|neither|yet\s+to|cannot"
    r"|(?:do|does|did|is|was|were|wo|ca|could|should|must|have|has|had|are)n['’]?t)\b",
    re.IGNORECASE,
)
# Only the candidate speaking ("I will ask about pay", "my salary target is 90k").
_CANDIDATE = re.compile(r"\b(?:I|I['’](?:m|ll|ve|d)|me|my|myself)\b", re.IGNORECASE)
_EMPLOYER = re.compile(
    r"\b(?:they|he|she|hr|recruiters?|recruiting|manager|interviewers?|we|panel|company"
    r"|employer|hiring|boss|director|team|them|(?:was|were|got|been|being)\s+asked)\b"
    r"|^\s*(?:asked|questioned)\b",
    re.IGNORECASE,
)
_CLAUSES = re.compile(
    r"[.;!?\n]+|,\s*|\s+(?:but|however|although|though|while)\s+|\s+and\s+(?=I\b)"
)


def pay_was_raised(notes: str) -> bool:
    """True when round notes say the employer brought up pay, salary or benefits.

    A clause counts when it names pay ("salary", "compensation", "pay band",
    "benefits"...) together with a sign it was discussed ("asked", "mentioned",
    "discussed", "expectations", "range"...), without a negation ("I must not ask
    about salary", "pay was not discussed") and not only as the candidate's own
    words ("I will ask about salary", "my salary target").
    """
    if not notes:
        return False
    for clause in _CLAUSES.split(notes):
        if not clause or not _PAY.search(clause) or not _RAISED.search(clause):
            continue
        if _NEGATION.search(clause):
            continue
        if _CANDIDATE.search(clause) and not _EMPLOYER.search(clause):
            continue
        return True
    return False
