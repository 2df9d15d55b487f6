"""Everything Second Round drafts for one round, gathered in one place to review at once.

`secondround drafts OPPORTUNITY ROUND` prints it; the prose check in eval/ reads it for
every scenario pack. Nothing here is saved: each draft is made fresh from what the user
saved, as the pages that offer the drafts make it.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AbstractBaseUser

from secondround.brief.models import SalaryPlan
from secondround.brief.selectors import ask_lists, plan_draft, salary_scripts
from secondround.engine.drafting.answers import BuiltAnswer
from secondround.followup.models import FollowUp
from secondround.followup.services import drafted, follow_up_draft
from secondround.opportunities.models import Round
from secondround.questions.selectors import round_bank
from secondround.research.models import SavedAnswer
from secondround.research.selectors import drafted_answer


def _answer(answer: BuiltAnswer) -> dict[str, object]:
    return {
        "question": answer.question,
        "text": answer.text,
        "sentences": [sentence.text for sentence in answer.sentences],
        "missing": list(answer.missing),
    }


def round_drafts(round_: Round, owner: AbstractBaseUser, *, today: date) -> dict[str, object]:
    """answers, bank, ask (per interviewer), plan, salary, letters and follow_up, as plain data."""
    opportunity = round_.opportunity
    company, role = opportunity.company, opportunity.role_in_prose
    people = list(round_.interviewers.all())
    asks = ask_lists(round_)
    plan = plan_draft(opportunity)
    _, salary = salary_scripts(
        opportunity, SalaryPlan.objects.filter(opportunity=opportunity).first()
    )
    record = FollowUp.objects.filter(round=round_).first()
    return {
        "opportunity": opportunity.pk,
        "round": round_.number,
        "company": company,
        "role": role,
        "answers": [
            _answer(drafted_answer(opportunity, SavedAnswer.Kind.LEARNED)),
            _answer(drafted_answer(opportunity, SavedAnswer.Kind.PROCEED)),
        ],
        "bank": [
            {
                "text": question.text,
                "source": question.source,
                "kind": question.kind,
                "filler": question.filler,
                "filler_kind": question.filler_kind,
            }
            for question in round_bank(round_)
        ],
        "ask": [
            {
                "interviewer": person.name,
                "questions": [
                    {
                        "text": item.text,
                        "reason": item.reason,
                        "filler": item.filler,
                        "filler_kind": item.filler_kind,
                    }
                    for item in asks[person.pk]
                ],
            }
            for person in people
        ],
        "plan": [
            {
                "days": phase.days,
                "name": phase.name,
                "goals": [{"text": goal.text, "measure": goal.measure} for goal in phase.goals],
            }
            for phase in plan.phases
        ],
        "salary": salary,
        "letters": [
            {
                "interviewer": letter.interviewer,
                "subject": letter.subject,
                "body": letter.body,
                "card": letter.card,
                "generic": letter.generic,
                "references": list(letter.references),
            }
            for letter in drafted(round_, owner)
        ],
        "follow_up": follow_up_draft(round_, owner, record, today=today),
    }
