"""Load the scenario packs (eval/scenarios/*.json) into a throw-away database and draft.

Each pack is one account's export file; it is imported with the product's own import
service into a fresh SQLite database under a temporary SECONDROUND_HOME, then every round
after the first gets everything the engine drafts for it (``secondround drafts``).

Also runs against an older checkout, for a baseline in the same run: put that checkout
first on PYTHONPATH; where it has no ``round_drafts``, the drafts are gathered here from
the selectors and engine functions every version has.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any


def plan_from_posting(*, posting: str, role: str = "", **parts: Any) -> Any:
    """The plan as the brief drafts it: the posting's duties, its title when no role."""
    from secondround.engine.drafting.plan90 import draft_plan
    from secondround.engine.reading.posting import posting_sections

    sections = posting_sections(posting or "")
    return draft_plan(
        role=role or sections.title or "",
        responsibilities=sections.responsibilities,
        **parts,
    )


PACKS = Path(__file__).resolve().parent / "scenarios"
# Packs tuned on while the drafters were written, and packs held out until the end.
DEV = ("nursing", "teaching", "retail", "finance", "software", "logistics")
TEST = ("public_sector", "hospitality", "trades")
# Four more accounts written by a later session as a new user would, before it measured or
# changed anything, and never tuned on: eval/scenarios_heldout/.
HELDOUT_DIR = PACKS.parent / "scenarios_heldout"
HELDOUT = ("welding", "primary", "front_desk", "junior_accounting")
# Four more, in occupations and countries no other pack covers, labelled (slot_labels.csv
# beside them) before any drafter ran on them: eval/scenarios_fresh/.
FRESH_DIR = PACKS.parent / "scenarios_fresh"
FRESH = ("pharmacy", "social_work", "sous_chef", "physio")
# Four more of the same kind, labelled before any drafter ran on them: eval/scenarios_fresh2/.
FRESH2_DIR = PACKS.parent / "scenarios_fresh2"
FRESH2 = ("dental_hygienist", "hvac", "bank_adviser", "paramedic")
# Four more, written and labelled blind by a later session: eval/scenarios_fresh3/.
FRESH3_DIR = PACKS.parent / "scenarios_fresh3"
FRESH3 = ("paralegal", "warehouse_supervisor", "research_admin", "vet_nurse")
# Four more, written and reviewed on unchanged code before any change: eval/scenarios_fresh4/.
FRESH4_DIR = PACKS.parent / "scenarios_fresh4"
FRESH4 = ("bus_driver", "procurement", "pastry_chef", "lab_tech")
# Four more, written and slot-labelled by helper probes5 before it changed any code, and
# never tuned on: eval/slots_fresh4/ (scored by eval/probe_sets.py).
SLOTS_FRESH4_DIR = PACKS.parent / "slots_fresh4"
SLOTS_FRESH4 = (
    "speech_pathologist",
    "aircraft_technician",
    "marketing_coordinator",
    "medical_scientist",
)
# Four more, written and slot-labelled by helper slots before it changed any code, never
# tuned on: eval/slots_fresh5/ (scored by eval/probe_sets.py).
SLOTS_FRESH5_DIR = PACKS.parent / "slots_fresh5"
SLOTS_FRESH5 = ("payroll_officer", "school_librarian", "sonographer", "gis_analyst")


def pack_path(slug: str) -> Path:
    folder = HELDOUT_DIR if slug in HELDOUT else FRESH_DIR if slug in FRESH else PACKS
    folder = FRESH2_DIR if slug in FRESH2 else folder
    folder = FRESH3_DIR if slug in FRESH3 else folder
    folder = FRESH4_DIR if slug in FRESH4 else folder
    folder = SLOTS_FRESH4_DIR if slug in SLOTS_FRESH4 else folder
    folder = SLOTS_FRESH5_DIR if slug in SLOTS_FRESH5 else folder
    return folder / f"{slug}.json"


def split_of(slug: str) -> str:
    if slug in FRESH:
        return "fresh"
    if slug in FRESH2:
        return "fresh2"
    if slug in FRESH3:
        return "fresh3"
    if slug in FRESH4:
        return "fresh4"
    if slug in SLOTS_FRESH4:
        return "slots_fresh4"
    if slug in SLOTS_FRESH5:
        return "slots_fresh5"
    return "dev" if slug in DEV else "heldout" if slug in HELDOUT else "test"


TODAY = date(2026, 12, 7)


@dataclass(frozen=True)
class PackDrafts:
    slug: str
    split: str  # "dev" | "test" | "heldout" | "fresh" | "fresh2" | "fresh3" | "fresh4"
    user_texts: tuple[str, ...]  # every string the user saved, for names and numbers
    names: tuple[str, ...]  # what the user saved as names
    competitors: tuple[str, ...]
    rounds: tuple[dict[str, Any], ...]  # one `round_drafts` result per round after the first
    notes: dict[str, dict[str, str]]  # interviewer name -> after-round note fields (last round)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _names_and_competitors(document: dict[str, Any]) -> tuple[list[str], list[str]]:
    names: list[str] = []
    competitors: list[str] = []
    account = document.get("account") or {}
    names += [account.get("first_name", ""), account.get("last_name", "")]
    for opportunity in document.get("opportunities", []):
        names += [opportunity.get("company", ""), opportunity.get("role_title", "")]
        for round_ in opportunity.get("rounds", []):
            names += [person.get("name", "") for person in round_.get("interviewers", [])]
        for profile in opportunity.get("profile", []):
            competitors += [c for c in profile.get("competitors", "").splitlines() if c.strip()]
            names += [p for p in profile.get("products", "").splitlines() if p.strip()]
        names += [term.get("term", "") for term in opportunity.get("glossary", [])]
        names += [story.get("employer", "") for story in document.get("stories", [])]
    return [n for n in names if n.strip()], competitors


def _setup(home: str) -> None:
    os.environ["SECONDROUND_HOME"] = home
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "secondround.settings")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)


def _gather_old(round_: Any, owner: Any) -> dict[str, Any]:
    """What an older checkout drafts for a round, through functions every version has."""
    from secondround.brief import selectors as brief_selectors
    from secondround.engine.drafting.answers import build_learned_answer, build_proceed_answer
    from secondround.engine.drafting.letters import follow_up_email
    from secondround.engine.drafting.salary import SalaryPoint, summarise, what_to_say
    from secondround.followup.services import drafted, letter_context
    from secondround.questions.selectors import round_bank
    from secondround.research.selectors import answer_facts, company_terms

    opportunity = round_.opportunity
    facts = answer_facts(opportunity)
    company, role = opportunity.company, opportunity.role_title
    asks = brief_selectors.ask_lists(round_)
    challenges = [line for other in opportunity.rounds.all() for line in _debrief_lines(other)]
    plan = plan_from_posting(
        role=role,
        company=company,
        posting=opportunity.posting_text,
        challenges=challenges,
        terms=company_terms(opportunity, limit=8),
        people=[p.name for r in opportunity.rounds.all() for p in r.interviewers.all()][:6],
    )
    points = [
        SalaryPoint(e.source, e.low, e.high, e.currency, e.as_of)
        for e in opportunity.salary_entries.all()
    ]
    summary = summarise(points)
    plan_row = getattr(opportunity, "salary_plan", None)
    salary = what_to_say(
        round_number=round_.number,
        employer_raised_pay=brief_selectors.pay_raised(round_),
        target=plan_row.target if plan_row else None,
        summary=summary,
        currency=plan_row.currency if plan_row else summary.currency,
    )
    record = getattr(round_, "follow_up", None)
    subject, body = follow_up_email(
        letter_context(round_, owner),
        contact_name=(record.contact_name if record else "") or "there",
        decision_date=record.decision_expected_on if record else None,
        today=TODAY,
    )
    answers = [
        build_learned_answer(company=company, role=role, facts=facts),
        build_proceed_answer(company=company, role=role, facts=facts),
    ]
    return {
        "answers": [{"text": a.text, "sentences": [s.text for s in a.sentences]} for a in answers],
        "bank": [{"text": q.text, "source": q.source} for q in round_bank(round_)],
        "ask": [
            {"interviewer": p.name, "questions": [{"text": i.text} for i in asks[p.pk]]}
            for p in round_.interviewers.all()
        ],
        "plan": [
            {"goals": [{"text": g.text, "measure": g.measure} for g in phase.goals]}
            for phase in plan.phases
        ],
        "salary": salary,
        "letters": [
            {"interviewer": x.interviewer, "body": x.body, "card": x.card, "subject": x.subject}
            for x in drafted(round_, owner)
        ],
        "follow_up": {"subject": subject, "body": body},
    }


def _debrief_lines(round_: Any) -> list[str]:
    from secondround.debrief.models import Debrief

    debrief = Debrief.objects.filter(round=round_).first()
    return debrief.challenge_lines() if debrief else []


def load_packs(
    slugs: tuple[str, ...] = DEV + TEST + HELDOUT + FRESH + FRESH2 + FRESH3 + FRESH4,
) -> list[PackDrafts]:
    """Import each pack into a fresh database and draft every round after the first."""
    home = tempfile.mkdtemp(prefix="secondround-scenarios-")
    _setup(home)
    from django.contrib.auth import get_user_model

    from secondround.opportunities.models import Opportunity
    from secondround.portability.services import account_import, load_export

    try:
        from secondround.overview.drafts import round_drafts
    except ImportError:  # an older checkout: the baseline
        round_drafts = None

    users = get_user_model().objects
    out: list[PackDrafts] = []
    for slug in slugs:
        path = pack_path(slug)
        document = json.loads(path.read_text(encoding="utf-8"))
        owner = users.create_user(slug, "", "scenario-pack-password")
        bundle = load_export(path.read_bytes())
        account_import(owner=owner, payload=bundle.payload, replace=False, files=bundle.files)
        names, competitors = _names_and_competitors(document)
        drafts = []
        notes: dict[str, dict[str, str]] = {}
        for opportunity in Opportunity.objects.filter(owner=owner):
            for round_ in opportunity.rounds.filter(number__gte=2).order_by("number"):
                if round_drafts is not None:
                    drafts.append(round_drafts(round_, owner, today=TODAY))
                else:
                    drafts.append(_gather_old(round_, owner))
                for person in round_.interviewers.all():
                    note = getattr(person, "after_notes", None)
                    if note is not None:
                        notes[person.name] = {
                            "discussed": note.discussed,
                            "cares_about": note.cares_about,
                            "worries": note.worries,
                            "personal": note.personal,
                        }
        out.append(
            PackDrafts(
                slug=slug,
                split=split_of(slug),
                user_texts=tuple(_strings(document)),
                names=tuple(names),
                competitors=tuple(competitors),
                rounds=tuple(drafts),
                notes=notes,
            )
        )
    return out


if __name__ == "__main__":  # pragma: no cover - a debugging aid
    slug = sys.argv[1] if len(sys.argv) > 1 else "nursing"
    for pack in load_packs((slug,)):
        print(json.dumps(pack.rounds, ensure_ascii=False, indent=2))
