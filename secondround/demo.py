"""A demo candidate, so a first `make run` shows a realistic second round at once.

Loading is idempotent: when the demo user exists nothing is touched, so a second
`make run` keeps whatever the person changed while trying the app.
"""

from __future__ import annotations

import json
import zoneinfo
from datetime import datetime, time, timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from secondround.brief.models import AskChoice, NinetyDayPlan, SalaryEntry, SalaryPlan
from secondround.debrief.models import AskedQuestion, Concern, Debrief, GlossaryTerm, Observation
from secondround.followup import services as followup
from secondround.followup.models import FollowUp, InterviewerNote, Letter
from secondround.opportunities.models import (
    Interviewer,
    Opportunity,
    Round,
    opportunities_changed,
)
from secondround.opportunities.services import posting_read
from secondround.practice import services as practice
from secondround.practice.models import Attempt
from secondround.questions.models import PreparedQuestion
from secondround.questions.selectors import round_bank
from secondround.research.models import CompanyProfile, InterviewerResearch, PressItem
from secondround.stories.models import Story

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "second-round-demo"
DEMO_TIME_ZONE = "America/Chicago"

POSTING = """\
Senior Operations Analyst — Northwind Freight (Chicago, hybrid)

Northwind Freight moves temperature-controlled goods for grocers and hospitals across the Midwest.
Our Network Planning team is looking for a Senior Operations Analyst to help us cut empty miles
and keep our on-time rate above 97%.

Responsibilities
- Analyse lane, carrier and warehouse data to find cost and service improvements.
- Build and maintain weekly performance dashboards in Power BI for the operations leadership team.
- Lead root-cause reviews of late deliveries with dispatch, warehouse and customer service teams.
- Model the impact of new routes and pricing changes before launch; present trade-offs to directors.
- Coach two junior analysts and review their work.

Requirements
- 4+ years in operations, supply-chain or logistics analysis.
- Advanced SQL and Excel; experience with Power BI or Tableau.
- Clear written and spoken communication with drivers, managers and executives alike.
- Comfortable with tight deadlines during peak season.

Nice to have
- Experience with a transportation management system (Oracle OTM, MercuryGate).
- Python for data analysis.
- Lean or Six Sigma certification.
"""

INVITATION = """\
Hi Alex,

Thank you again for speaking with Dana last week. We'd love to invite you back for a second
interview at our Chicago office (233 S Wacker Dr, 41st floor) on {day:%A, %B} {day.day}.

Your schedule (all times Central):
- 9:30 – 10:15  Dana Whitfield, Director of Network Planning (hiring manager)
- 10:15 – 11:00  Marcus Oyelaran, VP Supply Chain
- 11:15 – 12:00  Siobhán O'Neill, Senior Operations Analyst
- 12:00 – 12:30  Priya Raman, Talent Partner

Please bring a photo ID for reception. Let me know if you have any questions.

Best,
Priya Raman
Talent Partner, Northwind Freight
"""

ROSTER = [
    # name, pronunciation, title, relation, start, end, notes
    (
        "Dana Whitfield",
        "",
        "Director of Network Planning",
        "hiring_manager",
        time(9, 30),
        time(10, 15),
        "Met in round 1. Cares about the peak-season on-time rate.",
    ),
    (
        "Marcus Oyelaran",
        "oh-yeh-LAH-ran",
        "VP Supply Chain",
        "managers_manager",
        time(10, 15),
        time(11, 0),
        "Dana's manager. Spoke at the 2025 Midwest Logistics Summit on empty miles.",
    ),
    (
        "Siobhán O'Neill",
        "shiv-AWN",
        "Senior Operations Analyst",
        "peer",
        time(11, 15),
        time(12, 0),
        "Would be my day-to-day partner on the lane models.",
    ),
    ("Priya Raman", "", "Talent Partner", "hr", time(12, 0), time(12, 30), "Arranged both rounds."),
]


def _at(day: datetime, moment: time, zone: zoneinfo.ZoneInfo) -> datetime:
    return datetime.combine(day.date(), moment, tzinfo=zone)


ROUND_ONE_NOTES = """\
Dana, 45 min video call.
- Q: Walk me through a time you cut costs on a route (went well, the Lakeshore lane story)
- Q: How do you handle a driver who pushes back on a new schedule? (struggled, rambled)
- Q: What do you know about cold chain? (unsure)
+ She loved the Power BI dashboard I built for the weekly OTIF review.
- Forgot to mention my Six Sigma green belt.
? Asked twice whether I have led people directly. Worried I have not managed a team?
Terms: OTIF, MercuryGate, empty miles, Lineage Logistics (competitor)
Big challenge: peak-season on-time rate dropped to 93% last December.
"""


def _debrief_first_round(first: Round) -> None:
    debrief = Debrief.objects.create(
        round=first,
        challenges=(
            "Peak-season on-time rate fell to 93% last December\n"
            "Too many empty miles on the return legs from Wisconsin"
        ),
        reviewed_with="Jordan (former colleague)",
        review_notes="Lead with the dashboard story; prepare a people-leadership example.",
        raw_notes=ROUND_ONE_NOTES,
    )
    AskedQuestion.objects.bulk_create(
        [
            AskedQuestion(
                debrief=debrief,
                position=0,
                went="comfortable",
                text="Walk me through a time you cut costs on a route.",
                my_answer="The Lakeshore lane consolidation: 11% lower cost per mile.",
            ),
            AskedQuestion(
                debrief=debrief,
                position=1,
                went="struggled",
                text="How do you handle a driver who pushes back on a new schedule?",
                wish_i_said="Listen first, show the data, pilot it for two weeks, review together.",
            ),
            AskedQuestion(
                debrief=debrief,
                position=2,
                went="unsure",
                text="What do you know about cold chain?",
            ),
        ]
    )
    Observation.objects.bulk_create(
        [
            Observation(
                debrief=debrief,
                kind="positive",
                position=0,
                text="Dana loved the Power BI dashboard for the weekly OTIF review.",
            ),
            Observation(debrief=debrief, kind="miss", position=0, text="My Six Sigma green belt."),
        ]
    )
    Concern.objects.create(
        debrief=debrief,
        raised_by="Dana Whitfield",
        said="Asked twice whether I have led people directly.",
        planned_answer="Coached two analysts at Lakeshore; led the dispatch pilot on three shifts.",
    )
    for term, meaning in (
        ("OTIF", "On time, in full: the share of orders delivered complete and on schedule."),
        ("MercuryGate", "Their transportation management system."),
        ("Lineage Logistics", "Competitor in cold storage."),
    ):
        GlossaryTerm.objects.create(
            opportunity=first.opportunity,
            term=term,
            meaning=meaning,
            heard_in=first,
            where_heard="First interview",
            source=GlossaryTerm.Source.DEBRIEF,
        )


def _research(opportunity: Opportunity, second: Round) -> None:
    CompanyProfile.objects.create(
        opportunity=opportunity,
        industry="Temperature-controlled freight for grocers and hospitals",
        products="Refrigerated trucking\nCold storage warehousing\nHospital pharmacy deliveries",
        launches="A cold-chain hub in Joliet opened this year",
        competitors="Lineage Logistics\nUS Cold Storage",
        values="Safety first\nOwn the outcome",
        social_media="LinkedIn posts celebrate drivers' safe-mile milestones",
    )
    PressItem.objects.create(
        opportunity=opportunity,
        title="Northwind opens Joliet cold-chain hub, adds 120 jobs",
        summary="The hub cuts delivery times to Chicago hospitals by a day.",
    )
    marcus = second.interviewers.get(relation="managers_manager")
    InterviewerResearch.objects.create(
        interviewer=marcus,
        background="Ran network planning at a national grocer before Northwind.",
        shared_experience="We both started in dispatch.",
        talking_points="Empty miles on return legs\nHow the Joliet hub changes the network",
    )


DEMO_STORIES = [
    {
        "title": "Lakeshore lane consolidation",
        "situation": "At Lakeshore Foods our Wisconsin return legs ran 40% empty.",
        "task": "I was asked to cut cost per mile without hurting delivery times.",
        "action": "I mapped six months of lane data in SQL, found three lanes we could merge, "
        "and I ran a two-week pilot with dispatch before rolling it out.",
        "result": "Cost per mile fell 11% and on-time delivery stayed above 97%.",
        "metric": "cost per mile",
        "metric_before": "$2.31",
        "metric_after": "$2.06",
        "competencies": ["problem_solving", "results", "cross_functional"],
    },
    {
        "title": "Weekly OTIF dashboard",
        "situation": "Managers argued every Monday about whose numbers were right.",
        "task": "I offered to build one source of truth for on-time-in-full.",
        "action": "I built a Power BI dashboard fed from the TMS, agreed the definitions with "
        "warehouse, dispatch and customer service, and I trained 12 managers to use it.",
        "result": "The Monday meeting went from 90 to 30 minutes and OTIF rose from 91% to 95%.",
        "metric": "OTIF",
        "metric_before": "91%",
        "metric_after": "95%",
        "competencies": ["communication", "initiative", "cross_functional"],
    },
    {
        "title": "Driver pushback on a new schedule",
        "situation": "Night drivers refused a new delivery schedule that cut their overtime.",
        "task": "As the analyst behind the change, I had to make it work.",
        "action": "I met the drivers on their shift, listened, showed them the route data and "
        "I changed two routes they proved were unrealistic; we piloted it for two weeks.",
        "result": "All 14 drivers signed up and overtime fell by a third with no complaints.",
        "metric": "drivers on the new schedule",
        "metric_before": "0",
        "metric_after": "14",
        "competencies": ["conflict", "influence", "communication"],
    },
    {
        "title": "Coaching two junior analysts",
        "situation": "Two new analysts were spending days on reports that should take hours.",
        "task": "My manager asked me to get them up to speed.",
        "action": "I paired with each of them twice a week, I wrote a short SQL guide, and I "
        "reviewed their first ten reports with them line by line.",
        "result": "Within two months their report time dropped from 2 days to 3 hours.",
        "metric": "time per report",
        "metric_before": "2 days",
        "metric_after": "3 hours",
        "competencies": ["mentoring", "leadership"],
    },
    {
        "title": "Peak-season capacity crunch",
        "situation": "In December volumes jumped 35% and two carriers dropped out.",
        "task": "I had to find capacity in 48 hours.",
        "action": "I ranked our backup carriers by on-time history, I called each one myself "
        "and I rebuilt the load plan overnight.",
        "result": "We covered every load and kept on-time delivery at 96% through the peak.",
        "metric": "loads covered",
        "competencies": ["pressure", "decision_making", "ownership"],
    },
]


def _stories(user: object) -> None:
    Story.objects.bulk_create(
        Story(
            owner=user, employer="Lakeshore Foods", role="Operations Analyst", year="2025", **story
        )
        for story in DEMO_STORIES
    )


DEMO_DATA = Path(__file__).resolve().parent / "data" / "demo"

# Two typed tries at the same question, the second better, then one spoken answer.
TYPED_ANSWERS = (
    "I think I learned that you do freight and that you care about being on time. "
    "Also you have some new hub I think, and the team is busy.",
    "Northwind moves temperature-controlled freight for grocers and hospitals across the "
    "Midwest, and the on-time rate is the promise customers buy. From Dana I learned that "
    "empty miles on the Wisconsin return legs are the biggest cost, and that the new Joliet "
    "hub will change which lanes make sense. At Lakeshore Foods I cut empty miles from 40% "
    "to 22% with backhaul loads, so I would start by mapping those return legs in Power BI "
    "and bringing the dispatch team into the review.",
)
SPOKEN_QUESTION = "Tell me about a time you cut costs without hurting service."


def _practice(second: Round, now: datetime) -> None:
    """A mock interview of the second round, with progress to show."""
    session = practice.session_start(round=second)
    first = session.plan[0] if session.plan else {"key": "staple:learned", "text": "Why us?"}
    for days_ago, text in zip((4, 2), TYPED_ANSWERS, strict=True):
        attempt = practice.attempt_typed(round=second, session=session, question=first, text=text)
        Attempt.objects.filter(pk=attempt.pk).update(created_at=now - timedelta(days=days_ago))
    spoken = json.loads((DEMO_DATA / "spoken-answer.json").read_text())
    attempt = practice.attempt_begin_recording(
        round=second,
        session=session,
        question={"key": "demo:cost", "text": SPOKEN_QUESTION, "kind": "behavioral"},
    )
    practice.attempt_store_audio(
        attempt=attempt,
        data=(DEMO_DATA / "spoken-answer.ogg").read_bytes(),
        name="answer.ogg",
    )
    attempt.words = spoken["words"]
    attempt.seconds = spoken["seconds"]
    attempt.answer_text = " ".join(word for word, _, _ in spoken["words"])
    attempt.status = Attempt.Status.DONE
    Attempt.objects.filter(pk=attempt.pk).update(created_at=now - timedelta(days=1))
    attempt.refresh_from_db(fields=["created_at"])
    practice.attempt_analyse(attempt)
    attempt.save()


def _after_first_round(first: Round, user: object, now: datetime) -> None:
    """Round one is over: notes on Dana, her letter sent the same evening, and the
    follow-up that ended with the invitation to round two."""
    dana = first.interviewers.get()
    InterviewerNote.objects.create(
        interviewer=dana,
        discussed="The Joliet hub ramp-up and which lanes it changes\nEmpty miles on the "
        "Wisconsin return legs",
        cares_about="On-time rate in peak season\nDashboards the dispatch team actually uses",
        worries="Whether I have led people directly",
        personal="Ran the Chicago marathon in October",
    )
    followup.letters_draft(round=first, owner=user)
    Letter.objects.filter(interviewer=dana).update(sent_at=first.ends_at + timedelta(hours=3))
    FollowUp.objects.create(
        round=first,
        decision_expected_on=(first.ends_at + timedelta(days=5)).date(),
        contact_name="Priya Raman",
        contact_email="priya.raman@northwind.example.com",
        outcome=FollowUp.Outcome.NEXT_ROUND,
    )


DEMO_PLAN = {
    "learn": (
        "Ride along with two dispatch shifts and map the Wisconsin return legs — every lane "
        "with its empty-mile share\n"
        "Learn MercuryGate's lane and load reports — the weekly OTIF review built from them"
    ),
    "contribute": (
        "Propose backhaul loads for the three emptiest return lanes — a plan Marcus signs off\n"
        "Rebuild the OTIF dashboard with the dispatch team — used in the weekly review"
    ),
    "lead": (
        "Run a two-week pilot on one Joliet lane — empty miles and on-time rate before and "
        "after\n"
        "Coach one dispatcher on the lane model — they run the weekly review alone"
    ),
}


def _the_day(northwind: Opportunity, second: Round) -> None:
    """Questions to ask chosen for two people, a plan, salary research and a target, and
    the first questions of the bank marked prepared."""
    dana, marcus = second.interviewers.all()[:2]
    AskChoice.objects.create(
        interviewer=dana,
        text="What would make the first three months a success for this role, in your eyes?",
    )
    AskChoice.objects.create(
        interviewer=marcus,
        text="How will the Joliet hub change the lanes the team plans around next year?",
    )
    NinetyDayPlan.objects.create(opportunity=northwind, **DEMO_PLAN)
    for source, low, high in (
        ("Glassdoor, Chicago", 78_000, 98_000),
        ("Recruiter (Priya)", 85_000, 100_000),
        ("BLS logisticians, Illinois", 74_000, 105_000),
    ):
        SalaryEntry.objects.create(opportunity=northwind, source=source, low=low, high=high)
    SalaryPlan.objects.create(opportunity=northwind, target=92_000, walk_away=84_000)
    likely = [q for q in round_bank(second) if q.kind not in ("illegal", "curveball")]
    PreparedQuestion.objects.bulk_create(
        PreparedQuestion(round=second, key=question.key) for question in likely[:9]
    )


def _weekday_on_or_after(day: datetime) -> datetime:
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


@transaction.atomic
def load_demo(*, now: datetime) -> tuple[object, bool]:
    """Return (demo user, whether it was created just now)."""
    users = get_user_model()
    existing = users.objects.filter(username=DEMO_USERNAME).first()
    if existing:
        return existing, False
    user = users.objects.create_user(
        DEMO_USERNAME, password=DEMO_PASSWORD, first_name="Alex", last_name="Morgan"
    )
    zone = zoneinfo.ZoneInfo(DEMO_TIME_ZONE)
    local_now = now.astimezone(zone)
    second_day = _weekday_on_or_after(local_now + timedelta(days=5))
    first_day = _weekday_on_or_after(local_now - timedelta(days=9))

    northwind = Opportunity.objects.create(
        owner=user,
        company="Northwind Freight",
        role_title="Senior Operations Analyst",
        status=Opportunity.Status.INTERVIEWING,
        source_url="https://careers.example.com/northwind/senior-operations-analyst",
        posting_text=POSTING,
        notes="Referred by Jordan (former colleague at Lakeshore Foods).",
    )
    posting_read(opportunity=northwind)
    first = Round.objects.create(
        opportunity=northwind,
        number=1,
        format=Round.Format.ONE_TO_ONE,
        time_zone=DEMO_TIME_ZONE,
        starts_at=_at(first_day, time(14, 0), zone),
        ends_at=_at(first_day, time(14, 45), zone),
        video_link="https://meet.example.com/northwind-dana",
        notes="Video call with Dana Whitfield.",
    )
    second = Round.objects.create(
        opportunity=northwind,
        number=2,
        format=Round.Format.ALL_DAY_LOOP,
        time_zone=DEMO_TIME_ZONE,
        starts_at=_at(second_day, time(9, 30), zone),
        ends_at=_at(second_day, time(12, 30), zone),
        location="233 S Wacker Dr, 41st floor, Chicago",
        notes="Invitation e-mail:\n\n" + INVITATION.format(day=second_day),
    )
    Interviewer.objects.bulk_create(
        Interviewer(
            round=second,
            name=name,
            pronunciation=pronunciation,
            title=title,
            relation=relation,
            starts_at=_at(second_day, start, zone),
            ends_at=_at(second_day, end, zone),
            notes=notes,
            position=position,
        )
        for position, (name, pronunciation, title, relation, start, end, notes) in enumerate(ROSTER)
    )
    Interviewer.objects.create(
        round=first,
        name="Dana Whitfield",
        title="Director of Network Planning",
        relation="hiring_manager",
        starts_at=first.starts_at,
        ends_at=first.ends_at,
    )
    _debrief_first_round(first)
    _research(northwind, second)
    _stories(user)
    _after_first_round(first, user, now)
    _the_day(northwind, second)
    _practice(second, now)
    Opportunity.objects.create(
        owner=user,
        company="Lakeview Children's Hospital",
        role_title="Supply Chain Analyst",
        status=Opportunity.Status.APPLIED,
        posting_text="Supply Chain Analyst supporting inventory planning for 14 clinical units.",
    )
    # Some rows above were written in bulk, which sends no signal.
    opportunities_changed(Opportunity.objects.filter(owner=user))
    return user, True
