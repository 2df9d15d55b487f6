"""Draft a 30/60/90-day plan from the posting and what the candidate heard in round 1.

The plan has three phases, each with three to five goals, and every goal says how success
is measured, so the candidate can talk about it concretely in the second interview:

* Days 1-30, Learn: meet the people named, learn the systems and terms heard, understand
  the challenges raised, shadow the core responsibilities.
* Days 31-60, Contribute: take ownership of the top responsibilities from the posting and
  make a first improvement on the biggest challenge.
* Days 61-90, Lead: deliver measurable results on the challenges, propose improvements,
  share what was learned and agree the next quarter.

Responsibilities are rewritten as goals ("You will be responsible for managing the
schedule" -> "Manage the schedule"). Measures come from a cue table (MEASURE_CUES) so a
scheduling duty is measured differently from a sales or a teaching duty; anything else
gets a plain, still concrete fallback. Nothing here depends on the occupation: an empty
posting with no debrief gives a general plan. The output is deterministic.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from secondround.engine.nlp import entities, phrasing
from secondround.engine.nlp.action_verbs import verb_base
from secondround.engine.nlp.challenges import Challenge, read_challenge

# --------------------------------------------------------------------------------------
# Data tables: edit these rather than the code below.
# --------------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    """A word table written as one block of text, easier to edit than a list literal."""
    return frozenset(text.split())


POSTING = "posting"
DEBRIEF = "debrief"
GENERAL = "general"

LEARN_THEME = "meet the people, learn the systems, understand the challenges"
CONTRIBUTE_THEME = "own the core work, make a first improvement"
LEAD_THEME = "deliver measurable results, propose improvements, share what I learned"

MAX_OWNED = 3  # responsibilities taken over in days 31-60
MAX_LEAD_CHALLENGES = 2  # challenges with a measurable result in days 61-90
MAX_NAMES = 4  # people named in "Meet ..." before "and N others"
MAX_TERMS = 5
MAX_GOAL_CHARS = 84  # one printed line per goal, one per measure
MAX_MEASURE_CHARS = 86
MAX_PIECE_CHARS = 56  # a responsibility or challenge quoted inside a longer goal
MAX_TOPIC_WORDS = 4
PRINT_WIDTH = 96  # printed lines wrap here

# Cues searched in the lower-cased responsibility, each with its measures. A duty gets the
# first unused measure of its cues (first measures of every matching cue before second
# ones); "{who}" becomes the first person named, or "my manager". Order matters.
MEASURE_CUES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(pattern), measures)
    for pattern, measures in (
        (
            r"schedul|\brota\b|roster|staffing|\bshifts?\b",
            (
                "schedule published on time each week, no corrections needed from {who}",
                "no uncovered shifts for four weeks running; overtime hours tracked",
            ),
        ),
        (
            r"pipeline|\bcrm\b|salesforce|hubspot",
            ("pipeline current in the CRM and reviewed weekly with {who}",),
        ),
        (
            r"\bsales?\b|quota|prospect|\bdeals?\b|revenue|territor|\bleads\b|\bdemos?\b",
            (
                "weekly target for new meetings agreed with {who} and met for four weeks",
                "first deals closed; quota attainment tracked against the ramp plan",
                "new-business revenue tracked monthly against the target agreed with {who}",
            ),
        ),
        (
            r"student|pupil|lesson|curricul|classroom|teach|learner|\bparents\b",
            (
                "lesson plans shared with {who}; first assessment results reviewed together",
                "pupil progress data tracked and discussed with {who} each half-term",
                "every parent contacted once; questions answered within two school days",
            ),
        ),
        (
            r"patient|resident|clinical|\bcare\b|hcahps|nursing",
            (
                "care audits and patient feedback reviewed monthly; actions closed on time",
                "patient experience scores tracked monthly and shared at the unit huddle",
            ),
        ),
        (
            r"\breports?\b(?!ing)",
            ("reports delivered on time and accepted without rework by {who}",),
        ),
        (
            r"dashboard|reporting|\bkpis?\b|metric|\bdata\b|analy[sz]|insight|forecast",
            (
                "weekly dashboard live and used in the Monday team meeting",
                "forecast or report accuracy checked against actuals each month",
            ),
        ),
        (
            r"budget|\bcosts?\b|spend|expens|financ|p&l",
            ("monthly budget variance reviewed with {who}, no surprises at month end",),
        ),
        (
            r"inventory|stock|supplier|warehouse|shipment|freight|carrier|logistic|deliver(?:y|ies)"
            r"|routing|transport",
            (
                "on-time rate tracked weekly and the trend reviewed with the team",
                "cost per shipment reported monthly and compared with the day-30 baseline",
            ),
        ),
        (
            r"customer|client|guest|customer service",
            ("customer feedback logged; no open issue older than the agreed response time",),
        ),
        (
            r"team of|(?:lead|manage|supervise|develop)s? (?:a |the )?(?:[\w-]+ )?team"
            r"|\bstaff\b|train|coach|mentor|supervis|\bhire|recruit|onboard",
            ("one-to-ones held with every team member; development goals written down",),
        ),
        (
            r"quality|safety|complian|audit|regulat|standard|polic|accredit",
            ("checklist or audit results reviewed with the team; open findings tracked",),
        ),
        (
            r"process|workflow|improv|efficien|automat|streamlin",
            ("before-and-after numbers for one process shared with {who}",),
        ),
        (
            r"stakeholder|partner|liaise|collaborat|communicat|present",
            ("regular check-in with each key partner in the calendar; actions noted",),
        ),
    )
)
FALLBACK_MEASURES = (
    "handled on my own by day 60; checked with {who} with no major corrections",
    "done end to end without help; {who} confirms it meets the standard",
    "a written checklist for it, used by me and reviewed with {who}",
)

# Openings that carry no meaning in a goal: "You will", "Responsible for", ...
DUTY_PREFIX = re.compile(
    r"^(?:in this role,?\s+|as (?:an? |the )?[\w -]{1,40}?,\s+)?"
    r"(?:(?:you|the (?:successful )?(?:candidate|post ?holder|person|incumbent|jobholder))"
    r"\s*(?:'ll|’ll|\s+will|\s+would|\s+are|\s+is)\s+)?"
    r"(?:be\s+)?(?:(?:(?:primarily|mainly|also|directly)\s+)?"
    r"(?:responsible|accountable)\s+for|tasked\s+with|in\s+charge\s+of|expected\s+to)?\s*",
    re.IGNORECASE,
)
OWNED_PREFIX = re.compile(r"responsible|accountable|in\s+charge", re.IGNORECASE)
# A duty that starts with a noun phrase ("The weekly rota") becomes "Own the weekly rota".
NOUN_OPENERS = _words(
    "the a an all any our your their its each every daily weekly monthly annual end "
    "day-to-day overall"
)
REQUIREMENT_HEADS = _words(
    "skill skills experience knowledge ability abilities degree qualification qualifications "
    "certificate certification licence license understanding proficiency background"
)
DEPENDENT_WORDS = _words(
    "and or the a an of to with for in on by at from as that which who including such"
)
# Words that end the topic of a challenge: "Carrier costs | up 12%".
CHANGE_WORDS = _words(
    "fell fall falls falling dropped drop drops dropping rose rise rises rising up down is "
    "are was were has have had keeps keep kept increased increase increases increasing "
    "decreased decrease decreases decreasing declined decline declines declining grew grow "
    "grows growing went going below above behind missed missing not isn't aren't doesn't "
    "don't can't cannot too since last due because after over under at by from to with "
    "remains remain stays stuck"
)
NAME_CUT = re.compile(r"\s*(?:\(|,|\s[-–—]\s|\s/\s).*$")


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanGoal:
    text: str
    measure: str
    source: str  # "posting" | "debrief" | "general"


@dataclass(frozen=True)
class PlanPhase:
    days: int
    name: str
    theme: str
    goals: tuple[PlanGoal, ...]


@dataclass(frozen=True)
class Plan:
    role: str
    company: str
    phases: tuple[PlanPhase, PlanPhase, PlanPhase]


def draft_plan(
    *,
    role: str,
    company: str,
    responsibilities: Sequence[str],
    challenges: Sequence[str] = (),
    terms: Sequence[str] = (),
    people: Sequence[str] = (),
    duty_goals: Sequence[str] | None = None,
    saved_names: Sequence[str] = (),
) -> Plan:
    """A 30/60/90-day plan with 3-5 measurable goals per phase; see the module docstring.

    `duty_goals`: `duty_goal` of each responsibility when the caller has them already (read
    when the posting was saved), so the plan need not parse the posting again.
    `saved_names`: what the user saved as names (competitors, products), whose spelling a
    challenge keeps ("drivers leaving for dublin bus" -> "Dublin Bus")."""
    if duty_goals is None:
        phrasing.prepare([*challenges, *terms, *responsibilities])
        duty_goals = [duty_goal(item) for item in responsibilities]
    else:
        phrasing.prepare([*challenges, *terms])
    duties = _unique(d for d in duty_goals if d)
    names = _unique(n for n in (_person_name(p) for p in people) if n)
    heard = _unique(_tidy(t) for t in terms if _is_term(t))
    problems = [
        problem
        for problem in (
            # the saved names keep their capitals ("the Rails monolith slows every release")
            read_challenge(text, names=tuple(n for n in (*heard, company, *saved_names) if n))
            for text in _unique(_tidy(c) for c in challenges)
        )
        if problem is not None
    ]
    who = names[0] if names else "my manager"
    measures = _MeasurePicker(who)

    learn = _learn_goals(duties, names, heard, problems, who)
    contribute = _contribute_goals(duties, problems, who, measures)
    lead = _lead_goals(duties, problems, who, measures)
    return Plan(
        role=_tidy(role),
        company=_tidy(company),
        phases=(
            PlanPhase(30, "Learn", LEARN_THEME, tuple(learn)),
            PlanPhase(60, "Contribute", CONTRIBUTE_THEME, tuple(contribute)),
            PlanPhase(90, "Lead", LEAD_THEME, tuple(lead)),
        ),
    )


def plan_as_text(plan: Plan) -> str:
    """The plan as printable plain text that fits one page (well under 45 lines)."""
    heading = "30/60/90-day plan"
    if plan.role:
        heading += f": {plan.role}"
    if plan.company:
        heading += f" at {plan.company}" if plan.role else f": {plan.company}"
    lines = [heading, "=" * min(len(heading), 90)]
    start = 1
    for phase in plan.phases:
        lines += ["", f"Days {start}-{phase.days} · {phase.name}: {phase.theme}"]
        for number, goal in enumerate(phase.goals, 1):
            # Long goals wrap at a space onto an indented line: never cut mid-phrase.
            lines += textwrap.wrap(
                f"{number}. {goal.text}",
                PRINT_WIDTH,
                initial_indent="  ",
                subsequent_indent="     ",
            )
            lines += textwrap.wrap(
                f"Measured by: {goal.measure}",
                PRINT_WIDTH,
                initial_indent="     ",
                subsequent_indent="       ",
            )
        start = phase.days + 1
    return "\n".join(lines) + "\n"


def duty_goal(duty: str) -> str:
    """A posting responsibility rephrased as a goal: imperative verb first, no "you will".

    Never cut mid-phrase: a bracketed aside goes ("(diltiazem, heparin, amiodarone)"),
    the rest stays whole."""
    text = _tidy(duty).rstrip(".;:!")
    prefix = DUTY_PREFIX.match(text)
    owned = bool(prefix and OWNED_PREFIX.search(prefix.group(0)))
    text = text[prefix.end() :].strip() if prefix else text
    text = _without_schedule(re.sub(r"\s*\([^()]*\)", "", text).strip())
    if not text:
        return ""
    if owned and not text.split(" ")[0].casefold().endswith("ing"):
        # "Responsible for month-end close": a noun phrase, whatever the tagger says
        return "Own " + _decapitalise(_first_part(text))
    piece = phrasing.read(text)
    if not piece.usable or piece.form is phrasing.Form.CLAUSE:
        return ""  # not a duty: a sentence, a pronoun, another language
    base = phrasing.duty_phrase(text)
    if base:
        text = base
    elif piece.form is phrasing.Form.NOUN and text.split(" ")[0].lower() not in NOUN_OPENERS:
        head = re.split(r"\s+(?:of|in|with|for)\s+", _first_part(text), maxsplit=1)[0]
        if head.split(" ")[-1].casefold() in REQUIREMENT_HEADS:
            return ""  # "Excellent communication skills": what they ask for, not a duty
        # "Medication administration and titration of drips": what the person will do
        return "Take on " + _decapitalise(_first_part(text))
    else:
        words = text.split(" ")
        index = 0
        while index < len(words):
            word = words[index]
            bare = word.rstrip(",")
            found = verb_base(bare)
            if found is None:
                break
            words[index] = found + word[len(bare) :]
            following = words[index + 1].lower() if index + 1 < len(words) else ""
            if following in {"and", "or", "&"}:
                index += 2
            elif word.endswith(","):
                index += 1
            else:
                break
        if verb_base(words[0].rstrip(",")) is None and words[0].lower() in NOUN_OPENERS:
            words[0] = words[0].lower()
            words.insert(0, "own")
        text = " ".join(words)
    text = re.sub(r"\b(?:your|our)\b", "the", text)
    text = re.sub(r"\b(?:Your|Our)\b", "The", text)
    text = re.sub(r"\bus\b", "the team", text)
    return _capitalise(text)


# --------------------------------------------------------------------------------------
# Phases
# --------------------------------------------------------------------------------------


def _learn_goals(
    duties: list[str], names: list[str], heard: list[str], problems: list[Challenge], who: str
) -> list[PlanGoal]:
    goals: list[PlanGoal] = []
    if names:
        goals.append(
            PlanGoal(
                f"Meet {_listing(names, MAX_NAMES, 'others')} one-to-one",
                f"agreed priorities with {who} in writing; notes from every meeting",
                DEBRIEF,
            )
        )
    else:
        goals.append(
            PlanGoal(
                "Meet my manager, the team and key partners one-to-one",
                "agreed priorities with my manager in writing; notes from every meeting",
                GENERAL,
            )
        )
    if heard:
        goals.append(
            PlanGoal(
                f"Learn the systems and terms that came up so far: {_listing(heard, MAX_TERMS)}",
                "access to each system by week 2; can explain each term to a new colleague",
                DEBRIEF,
            )
        )
    else:
        goals.append(
            PlanGoal(
                "Learn the tools, systems and vocabulary the team uses",
                "access to every system by week 2; a one-page glossary kept up to date",
                GENERAL,
            )
        )
    if problems:
        text = "Understand " + phrasing.join([problem.why for problem in problems[:3]])
        goals.append(
            PlanGoal(
                text,
                f"a baseline number for each, agreed with {who} by day 30",
                DEBRIEF,
            )
        )
    else:
        goals.append(
            PlanGoal(
                "Find out what works well and what gets in the way",
                f"top three problems listed and confirmed with {who}",
                GENERAL,
            )
        )
    if duties:
        goals.append(
            PlanGoal(
                f"Shadow the core work: {_decapitalise(duties[0])}",
                "one full cycle observed; how it is done today written up and checked",
                POSTING,
            )
        )
    else:
        goals.append(
            PlanGoal(
                "Shadow the team's core work through a full weekly cycle",
                "one full cycle observed; how it is done today written up and checked",
                GENERAL,
            )
        )
    return goals


def _contribute_goals(
    duties: list[str], problems: list[Challenge], who: str, measures: _MeasurePicker
) -> list[PlanGoal]:
    owned = duties[:MAX_OWNED]
    goals = [
        PlanGoal(duty, measure, POSTING)
        for duty, measure in zip(owned, measures.assign(owned), strict=True)
    ]
    if problems:
        problem = problems[0]
        goals.append(
            PlanGoal(
                problem.first_step,
                f"one change agreed with {who} and in place; effect tracked from day 30",
                DEBRIEF,
            )
        )
    if not duties:
        goals.append(
            PlanGoal(
                "Take over a defined part of the team's regular work",
                f"handled on my own; {who} signs it off at day 60",
                GENERAL,
            )
        )
    if len(goals) < 3:
        goals.append(
            PlanGoal(
                "Deliver a first quick win the team asked for",
                "done by day 60 and confirmed useful by the people who asked for it",
                GENERAL,
            )
        )
    goals.append(
        PlanGoal(
            "Ask for feedback at day 45 and act on it",
            f"feedback from {who} written down; at least one change made because of it",
            GENERAL,
        )
    )
    return goals[:5]


def _lead_goals(
    duties: list[str], problems: list[Challenge], who: str, measures: _MeasurePicker
) -> list[PlanGoal]:
    goals: list[PlanGoal] = []
    for problem in problems[:MAX_LEAD_CHALLENGES]:
        text = f"Deliver {problem.result}"
        if problem.trend:
            measure = (
                f"the trend in {problem.trend} reviewed with the team against the day-30 baseline"
            )
        else:
            measure = "its agreed measure better than the day-30 baseline; reviewed with the team"
        goals.append(PlanGoal(text, measure, DEBRIEF))
    if not problems:
        if duties:
            focus = duties[0]
            goals.append(
                PlanGoal(
                    f"Deliver measurable results: {_decapitalise(focus)}",
                    measures.assign([focus])[0],
                    POSTING,
                )
            )
        else:
            goals.append(
                PlanGoal(
                    "Deliver one measurable result that we agreed at day 30",
                    f"the agreed number moved and reviewed with {who}",
                    GENERAL,
                )
            )
    if len(problems) > MAX_LEAD_CHALLENGES:
        extra = problems[MAX_LEAD_CHALLENGES]
        text = f"Propose next steps on {extra.target}"
    else:
        text = "Propose the next improvements, with costs and expected gains"
    goals.append(
        PlanGoal(
            text,
            f"written proposal presented to {who}; a decision on it by day 90",
            DEBRIEF if problems else GENERAL,
        )
    )
    goals.append(
        PlanGoal(
            "Share what I learned in the first 90 days with the team",
            "a short session or one-page write-up delivered; team process notes updated",
            GENERAL,
        )
    )
    goals.append(
        PlanGoal(
            "Agree goals for the next quarter",
            f"next-quarter goals and measures agreed with {who} at the 90-day review",
            GENERAL,
        )
    )
    return goals[:5]


def _measures_for(duty: str) -> list[tuple[str, ...]]:
    """The measures of every cue found in a duty, cue by cue in table order."""
    low = duty.lower()
    return [measures for pattern, measures in MEASURE_CUES if pattern.search(low)]


class _MeasurePicker:
    """Measures for duties by cue, each used once per plan, then fallbacks in turn.

    Duties with fewer matching cues choose first, so a dashboard duty keeps the dashboard
    measure even when an earlier, broader duty also mentions reports and deliveries.
    """

    def __init__(self, who: str) -> None:
        self.who = who
        self.used: set[str] = set()

    def assign(self, duties: Sequence[str]) -> list[str]:
        cues = [_measures_for(duty) for duty in duties]
        chosen = [""] * len(duties)
        for index in sorted(range(len(duties)), key=lambda i: (len(cues[i]) or 99, i)):
            depth = max((len(measures) for measures in cues[index]), default=0)
            # Every cue's first measure before any cue's second: a fresh topic beats a spare.
            options = [m[r] for r in range(depth) for m in cues[index] if r < len(m)]
            measure = next(
                (m for m in [*options, *FALLBACK_MEASURES] if m not in self.used),
                FALLBACK_MEASURES[0],
            )
            self.used.add(measure)
            chosen[index] = _shorten(measure.format(who=self.who), MAX_MEASURE_CHARS)
        return chosen


# --------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _unique(items: Iterable[str]) -> list[str]:
    """Non-empty items in order, without case-insensitive repeats."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(item)
    return out


def _is_term(text: str) -> bool:
    """A term to learn is a name or a short noun phrase, never a pasted sentence."""
    clean = _tidy(text)
    if not clean or len(clean.split()) > 6:
        return False
    piece = phrasing.read(clean)
    return piece.form in {phrasing.Form.NAME, phrasing.Form.NOUN} and piece.text == clean


def _person_name(person: str) -> str:
    """ "Dana Ruiz (Head of Ops)" or "Dana Ruiz, Head of Ops" -> "Dana Ruiz"."""
    return NAME_CUT.sub("", _tidy(person)).strip()


def _listing(items: Sequence[str], limit: int, more: str = "more") -> str:
    shown = list(items[:limit])
    extra = len(items) - len(shown)
    if extra:
        return ", ".join(shown) + f" and {extra} {more if extra > 1 else more.rstrip('s')}"
    if len(shown) == 1:
        return shown[0]
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def _piece(text: str) -> str:
    return _shorten(text, MAX_PIECE_CHARS)


def _shorten(text: str, limit: int = MAX_GOAL_CHARS, *, clauses: bool = True) -> str:
    """Cut a long phrase at a clause ("and", comma) or else at a word, marked with "…"."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    clause = max(head.rfind(", "), head.rfind("; "), head.rfind(" and "), head.rfind(" – "))
    if clauses and clause >= limit // 2:
        return head[:clause].rstrip(",;:-–— ")
    words = head.split(" ")
    if len(words) > 1:
        words = words[:-1]  # the last word may be cut in half
    while len(words) > 1 and words[-1].lower().strip(",;:") in DEPENDENT_WORDS:
        words.pop()
    return " ".join(words).rstrip(",;:-–— ") + "…"


def _without_schedule(text: str) -> str:
    """ "Work from shop drawings in the workshop, 5 x 10 hr days" -> "Work from shop
    drawings in the workshop": when the work happens is not part of the goal."""
    while ", " in text:
        head, tail = text.rsplit(", ", 1)
        if not entities.is_schedule(tail):
            break
        text = head.rstrip(",; ")
    return text


def _first_part(text: str) -> str:
    """ "MIG welding in all positions; stick welding on site repairs" -> its first part."""
    return text.split("; ", 1)[0].strip()


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _decapitalise(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym or a name-like "I"."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:2].isupper() or first == "I":
        return text
    return text[:1].lower() + text[1:]
