"""Everything the day's brief shows, gathered from what the user saved."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser

from secondround.accounts.selectors import signature_name
from secondround.debrief.models import Debrief
from secondround.engine.drafting.ask import AskPerson, AskQuestion, pay_was_raised, questions_to_ask
from secondround.engine.drafting.deadlines import thank_you_deadline
from secondround.engine.drafting.plan90 import Plan, draft_plan
from secondround.engine.drafting.salary import (
    SalaryPoint,
    SalarySummary,
    format_money,
    range_line,
    summarise,
    what_to_say,
)
from secondround.engine.nlp import phrasing
from secondround.engine.nlp.lines import item_lines
from secondround.engine.questions.question_bank import BankQuestion
from secondround.engine.reading.posting import posting_sections
from secondround.engine.reading.posting_pay import PostedPay, posted_pay
from secondround.opportunities.models import Interviewer, Opportunity, Round
from secondround.opportunities.selectors import posting_reading, round_end
from secondround.questions.selectors import round_bank
from secondround.research.models import SavedAnswer
from secondround.research.selectors import (
    company_terms,
    drafted_answer,
    entities,
    saved_names,
)
from secondround.stories.models import Story
from secondround.stories.selectors import round_coverage

from .models import AskChoice, SalaryEntry, SalaryPlan

QUESTIONS_PER_PERSON = 4
# Research lines that can fill a question's slot: names and noun phrases, not sentences.
NAMED = (phrasing.Form.NAME, phrasing.Form.NOUN)
LIKELY_PER_PERSON = 5

REMINDERS = (
    "Stay professional all day: friendly, never too casual, with everyone you meet "
    "(receptionists and drivers included).",
    "Keep answers concise: one example, told with its result, in about two minutes. No rambling.",
    "Show enthusiasm and keep your energy up through a long day; eat something, drink water, "
    "and ask for a short break when you need one.",
    "Tests may come (skills, personality, a work sample): read the instructions twice, stay calm.",
    "Expect the same question twice; give the same facts, with more depth.",
    "You are evaluating them too: would you be happy working here day after day?",
    "Before you leave, ask what the next steps are and when they will decide.",
    "Send each person a customised thank-you letter within 24 hours.",
)


@dataclass(frozen=True)
class AskItem:
    text: str
    reason: str
    choice: AskChoice | None  # set when the user pinned, edited or wrote it
    library_id: str = ""
    filler: str = ""  # the company term a tailored question was filled with
    filler_kind: str = ""


def pay_raised(round_: Round) -> bool:
    notes = [round_.notes]
    debrief = Debrief.objects.filter(round=round_).first()
    if debrief:
        notes += [debrief.raw_notes, debrief.review_notes]
    return pay_was_raised("\n".join(notes))


def ask_lists(round_: Round) -> dict[int, list[AskItem]]:
    """Per interviewer: the user's own choices first, then the engine's suggestions."""
    people = list(round_.interviewers.all())
    choices: dict[int, list[AskChoice]] = {person.pk: [] for person in people}
    for choice in AskChoice.objects.filter(interviewer__round=round_):
        choices[choice.interviewer_id].append(choice)
    pinned = {
        str(pk): [c.library_id for c in items if c.library_id] for pk, items in choices.items()
    }
    index = entities(round_.opportunity)
    named = [n for n in index.names() if len(n.split()) <= 5 and phrasing.read(n).form in NAMED]
    terms = [*company_terms(round_.opportunity), *named]
    suggested: dict[str, list[AskQuestion]] = questions_to_ask(
        [AskPerson(str(p.pk), p.name, p.relation, index) for index, p in enumerate(people)],
        terms=terms,
        pay_raised=pay_raised(round_),
        per_person=QUESTIONS_PER_PERSON,
        pinned=pinned,
        seed=f"{round_.opportunity_id}:{round_.number}",
        entities=index,
    )
    lists: dict[int, list[AskItem]] = {}
    for person in people:
        own = [AskItem(c.text, "Chosen by you", c, c.library_id) for c in choices[person.pk]]
        taken = {c.library_id for c in choices[person.pk] if c.library_id}
        rest = [
            AskItem(q.text, q.reason, None, q.id, q.filler, q.filler_kind)
            for q in suggested.get(str(person.pk), [])
            if q.id not in taken
        ]
        lists[person.pk] = own + rest[: max(0, QUESTIONS_PER_PERSON - len(own))]
    return lists


@dataclass(frozen=True)
class PersonPage:
    person: Interviewer
    common_ground: str
    cares_about: tuple[str, ...]
    likely: list[BankQuestion]
    ask: list[AskItem]
    stories: list[Story]


@dataclass
class Brief:
    round: Round
    opportunity: Opportunity
    itinerary: list[tuple[datetime | None, datetime | None, str]]
    people: list[PersonPage]
    top_stories: list[tuple[Story, int]]
    plan: object | None
    learned_answer: str
    salary: str
    candidate: str = ""
    reminders: tuple[str, ...] = REMINDERS
    thank_you_by: datetime | None = None
    follow_up_on: object | None = None
    warnings: list[str] = field(default_factory=list)


def salary_line(opportunity: Opportunity) -> str:
    plan = SalaryPlan.objects.filter(opportunity=opportunity).first()
    points = [
        SalaryPoint(entry.source, entry.low, entry.high, entry.currency, entry.as_of)
        for entry in opportunity.salary_entries.all()
    ]
    summary: SalarySummary = summarise(points)
    if not points and not plan:
        return ""
    return range_line(
        summary, target=plan.target if plan else None, walk_away=plan.walk_away if plan else None
    )


def plan_draft(opportunity: Opportunity) -> Plan:
    """A fresh 30/60/90-day plan from the posting, every debrief's challenges and the people met."""
    challenges = [
        line
        for debrief in Debrief.objects.filter(round__opportunity=opportunity)
        for line in debrief.challenge_lines()
    ]
    sections = posting_sections(opportunity.posting_text or "")
    return draft_plan(
        role=opportunity.role_in_prose or sections.title or "",
        company=opportunity.company,
        responsibilities=sections.responsibilities,
        duty_goals=posting_reading(opportunity).duty_goals,
        challenges=challenges,
        terms=company_terms(opportunity, limit=8),
        people=list(
            Interviewer.objects.filter(round__opportunity=opportunity)
            .order_by("round__number", "position")
            .values_list("name", flat=True)[:6]
        ),
        saved_names=saved_names(opportunity),
    )


POSTING_SOURCE = "Job posting"
_PER = {
    "hour": " an hour",
    "year": " a year",
    "month": " a month",
    "week": " a week",
    "day": " a day",
}


@dataclass(frozen=True)
class PostingPayOffer:
    pay: PostedPay
    currency: str  # the posting's, else the plan's or the last source's ("" if none)
    says: str  # "£14.50–£16.20 an hour"


def research_currency(opportunity: Opportunity) -> str | None:
    """The currency the salary research already speaks: the plan's, else the last source's."""
    plan = SalaryPlan.objects.filter(opportunity=opportunity).first()
    last = SalaryEntry.objects.filter(opportunity=opportunity).order_by("-pk").first()
    return plan.currency if plan else last.currency if last else None


def posting_pay_offer(opportunity: Opportunity) -> PostingPayOffer | None:
    """The pay the posting states, offered as a research source unless it is one already."""
    pay = posted_pay(opportunity.posting_text)
    if pay is None:
        return None
    entries = list(opportunity.salary_entries.all())
    if any(e.source == POSTING_SOURCE or (e.low, e.high) == (pay.low, pay.high) for e in entries):
        return None
    currency = pay.currency or research_currency(opportunity) or ""
    low, high = format_money(pay.low, currency), format_money(pay.high, currency)
    span = low if pay.low == pay.high else f"{low}–{high}"
    return PostingPayOffer(pay, currency, span + _PER.get(pay.period or "", ""))


def salary_scripts(
    opportunity: Opportunity, plan: SalaryPlan | None
) -> tuple[SalarySummary, list[str]]:
    """The research summary and what to say if pay comes up in the latest round."""
    points = [
        SalaryPoint(e.source, e.low, e.high, e.currency, e.as_of)
        for e in opportunity.salary_entries.all()
    ]
    summary = summarise(points)
    latest = opportunity.rounds.order_by("-number").first()
    scripts = what_to_say(
        round_number=latest.number if latest else 1,
        employer_raised_pay=pay_raised(latest) if latest else False,
        target=plan.target if plan else None,
        summary=summary,
        currency=plan.currency if plan else summary.currency,
    )
    return summary, scripts


def build_brief(round_: Round, owner: AbstractBaseUser) -> Brief:
    opportunity = round_.opportunity
    people = list(round_.interviewers.select_related("research"))
    bank = round_bank(round_)
    coverage = round_coverage(round_, owner, bank=bank)
    stories_for = {item.question.key: item.matches for item in coverage.questions}
    asks = ask_lists(round_)
    pages = []
    for person in people:
        research = getattr(person, "research", None)
        likely = [
            q
            for q in bank
            if str(person.pk) in q.interviewers and q.kind not in ("illegal", "curveball")
        ][:LIKELY_PER_PERSON]
        story_ids: list[str] = []
        for question in likely:
            found = stories_for.get(question.key)
            if found and found.covered and found.matches[0].story_id not in story_ids:
                story_ids.append(found.matches[0].story_id)
        pages.append(
            PersonPage(
                person=person,
                common_ground=research.shared_experience if research else "",
                cares_about=item_lines(research.talking_points) if research else (),
                likely=likely,
                ask=asks.get(person.pk, []),
                stories=[coverage.stories[i] for i in story_ids[:3] if i in coverage.stories],
            )
        )
    itinerary = [
        (
            person.starts_at,
            person.ends_at,
            f"{person.name}{', ' + person.title if person.title else ''}",
        )
        for person in people
    ]
    if not any(start for start, _, _ in itinerary) and round_.starts_at:
        itinerary = [(round_.starts_at, round_.ends_at, round_.label)] + [
            (None, None, text) for _, _, text in itinerary
        ]
    saved = SavedAnswer.objects.filter(
        opportunity=opportunity, kind=SavedAnswer.Kind.LEARNED
    ).first()
    learned = saved.text if saved else drafted_answer(opportunity, SavedAnswer.Kind.LEARNED).text
    ended = round_end(round_)
    follow_up = getattr(round_, "follow_up", None)
    brief = Brief(
        round=round_,
        opportunity=opportunity,
        itinerary=itinerary,
        people=pages,
        top_stories=coverage.rehearse[:5],
        plan=getattr(opportunity, "plan", None),
        learned_answer=learned,
        salary=salary_line(opportunity),
        candidate=signature_name(owner),
        thank_you_by=thank_you_deadline(ended) if ended else None,
        follow_up_on=follow_up.follow_up_on if follow_up else None,
    )
    if not people:
        brief.warnings.append("No interviewers on the roster yet.")
    if not round_.starts_at:
        brief.warnings.append("The round has no date and time yet.")
    return brief
