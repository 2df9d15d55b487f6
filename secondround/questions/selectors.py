"""Reads that feed the question engine from what the user saved."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet

from secondround.debrief.models import AskedQuestion, Concern
from secondround.engine.questions.question_bank import (
    AskedBefore,
    BankQuestion,
    BankRequest,
    Need,
    RosterPerson,
    build_bank,
)
from secondround.engine.questions.question_bank import (
    OwnQuestion as OwnBankQuestion,
)
from secondround.engine.reading.posting import posting_sections
from secondround.engine_results import ResultCache
from secondround.opportunities.models import Opportunity, Round
from secondround.opportunities.selectors import posting_reading
from secondround.research.models import CompetencyNeed, SkillNeed
from secondround.research.selectors import entities


@dataclass(frozen=True)
class PostingNeeds:
    needs: list[Need]
    skills: list[tuple[str, str, str]]  # (name, evidence, kind: tool, procedure… or "")
    saved: bool  # False: computed from the posting now, not yet confirmed by the user
    not_skills: dict[str, str] = field(default_factory=dict)  # PostingReading.not_skills


def posting_needs(opportunity: Opportunity) -> PostingNeeds:
    saved_needs = list(CompetencyNeed.objects.filter(opportunity=opportunity))
    saved_skills = list(SkillNeed.objects.filter(opportunity=opportunity))
    if saved_needs or saved_skills:
        return PostingNeeds(
            needs=[Need(n.competency, n.weight, n.evidence) for n in saved_needs],
            skills=[(s.name, s.evidence, s.kind) for s in saved_skills],
            saved=True,
        )
    reading = posting_reading(opportunity)
    return PostingNeeds(
        needs=[Need(*competency) for competency in reading.competencies],
        skills=list(reading.skills),
        saved=False,
        not_skills=reading.not_skills,
    )


def _earlier(round_: Round) -> dict:
    """Filter for what the debriefs of this opportunity's earlier rounds hold."""
    return {
        "debrief__round__opportunity": round_.opportunity,
        "debrief__round__number__lt": round_.number,
    }


def earlier_questions(round_: Round) -> QuerySet[AskedQuestion]:
    """Questions asked in the opportunity's earlier rounds: they come back in this bank."""
    return AskedQuestion.objects.filter(**_earlier(round_))


def bank_request(round_: Round, *, needs: PostingNeeds | None = None) -> BankRequest:
    """What the bank is built from; `needs`: the opportunity's, when the caller read them."""
    opportunity = round_.opportunity
    needs = posting_needs(opportunity) if needs is None else needs
    earlier = _earlier(round_)
    return BankRequest(
        needs=needs.needs,
        skills=[name for name, _, _ in needs.skills],
        roster=[
            RosterPerson(
                key=str(person.pk), name=person.name, relation=person.relation, title=person.title
            )
            for person in round_.interviewers.all()
        ],
        asked_before=[
            AskedBefore(q.text, q.went or None, q.competency or None, q.kind or None)
            for q in earlier_questions(round_)
        ],
        concerns=[c.said for c in Concern.objects.filter(**earlier)],
        own=[
            OwnBankQuestion(key=q.bank_key, text=q.text, competency=q.competency, kind=q.kind)
            for q in round_.own_questions.all()
        ],
        seed=f"{opportunity.pk}:{round_.number}",
        # The same (name, kind or None) as entities() reads of the posting by itself.
        entities=entities(
            opportunity,
            skills=[(n, needs.not_skills.get(n) or kind or None) for n, _, kind in needs.skills],
            skills_saved=needs.saved,
        ),
        duties=list(posting_sections(opportunity.posting_text).responsibilities),
    )


# The banks of the rounds being prepared (about 60 kB each: at most ~30 MB a process).
_BANKS: ResultCache[tuple[BankQuestion, ...]] = ResultCache(size=512)


# The same banks by the round and its opportunity's data_version, which every save or
# delete of a row the bank reads renews (overview.freshness watches what the round
# readiness reads, and the readiness reads the bank): a bank page reads no rows for it.
# As many as _BANKS (mostly the same tuples): at most ~30 MB more a process.
_BANKS_BY_VERSION: ResultCache[tuple[BankQuestion, ...]] = ResultCache(size=512)


def _built(round_: Round, needs: PostingNeeds | None) -> tuple[BankQuestion, ...]:
    request = bank_request(round_, needs=needs)
    return _BANKS.get(request, lambda: tuple(build_bank(request)))


def round_bank(round_: Round, *, needs: PostingNeeds | None = None) -> list[BankQuestion]:
    """The round's bank, built once for each distinct request (see engine_results)."""
    version = (
        Opportunity.objects.filter(pk=round_.opportunity_id)
        .values_list("data_version", flat=True)
        .first()
    )
    if version is None:
        return list(_built(round_, needs))
    opportunity = round_.opportunity
    # What the bank reads of rows in memory, which may predate the version read here.
    prefetched = getattr(round_, "_prefetched_objects_cache", {})
    roster = (
        [(p.pk, p.name, p.relation, p.title) for p in prefetched["interviewers"]]
        if "interviewers" in prefetched
        else None
    )
    own = (
        [(q.bank_key, q.text, q.competency, q.kind) for q in prefetched["own_questions"]]
        if "own_questions" in prefetched
        else None
    )
    key = (
        (round_.pk, round_.number, roster, own),
        (opportunity.pk, opportunity.company, opportunity.posting_text),
        needs,
        version,
    )
    return list(_BANKS_BY_VERSION.get(key, lambda: _built(round_, needs)))


def prepared_keys(round_: Round) -> set[str]:
    return set(round_.prepared_questions.values_list("key", flat=True))


def prepared_count(
    round_: Round, bank: list[BankQuestion] | None = None, keys: set[str] | None = None
) -> int:
    """How many of the round's bank questions are marked prepared (stale marks do not count)."""
    bank = round_bank(round_) if bank is None else bank
    keys = prepared_keys(round_) if keys is None else keys
    return sum(1 for question in bank if question.key in keys)
