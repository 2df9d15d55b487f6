"""How ready a candidate is for one round: the preparation path, its next step, a figure.

The path follows the order the articles give: who you'll meet, what the last round taught
you, research, questions to expect, stories, practice, the day (questions to ask, plan,
salary), the brief, and after the round (notes, letters, follow-up). Each step is done,
partly done or not started, with what it counts; a step that does not apply (no earlier
round to learn from) is left out.

Readiness is the weighted share of the steps before the round that is done; its weights
say what matters most when time is short (the questions, stories and practice). The next
step is the first unfinished one in the path's order, except when the round is two days
away or less: then what helps on the day comes first (practice before research).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["RoundFacts", "Step", "RoundPath", "path_as_json", "round_path"]

DONE, PARTLY, NOT_STARTED = "done", "partly", "not_started"
# Enough questions marked prepared, and practised answers, to call those steps done.
PREPARED_ENOUGH = 0.8
PRACTISED_ENOUGH = 3
RESEARCHED_PEOPLE_ENOUGH = 1.0
SOON_DAYS = 2.0
# Weights of the steps in the readiness figure (steps after the round have none).
WEIGHTS = {
    "roster": 1.0,
    "debrief": 1.0,
    "research": 1.0,
    "questions": 2.0,
    "stories": 2.0,
    "practice": 2.0,
    "day": 1.0,
    "brief": 0.5,
}
# When the round is close, the order in which unfinished steps are worth doing.
SOON_ORDER = ("roster", "practice", "questions", "stories", "day", "brief", "debrief", "research")


@dataclass(frozen=True)
class RoundFacts:
    """What is counted for one round; gathered by the app, read here."""

    days_left: float | None  # None without a date; negative once the round has begun
    ended: bool
    people: int
    people_complete: int  # with a title and a relation other than "other"
    earlier_round: bool
    debrief_questions: int
    debrief_struggled: int
    company_researched: bool
    people_researched: int
    likely_questions: int
    likely_prepared: int
    likely_without_story: int  # story questions among the likely ones no story answers
    stories: int
    practised: int
    practised_spoken: int
    people_with_own_questions: int
    plan: bool
    salary_target: bool
    brief_ready: bool  # the time and the place or link are set
    people_with_notes: int = 0
    letters_sent: int = 0
    follow_up_set: bool = False


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    status: str  # done | partly | not_started
    detail: str  # what it counts, in words
    share: float  # 0-1, how much of the step is done
    weight: float


@dataclass(frozen=True)
class RoundPath:
    steps: tuple[Step, ...]
    next_step: Step | None
    readiness: float  # 0-1 over the steps before the round

    def step(self, key: str) -> Step | None:
        return next((step for step in self.steps if step.key == key), None)


def _plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count} {word if count == 1 else (words or word + 's')}"


def _status(share: float) -> str:
    if share >= 1.0:
        return DONE
    return PARTLY if share > 0 else NOT_STARTED


def _step(key: str, title: str, share: float, detail: str) -> Step:
    share = max(0.0, min(1.0, share))
    return Step(key, title, _status(share), detail, share, WEIGHTS.get(key, 0.0))


def _roster(f: RoundFacts) -> Step:
    if not f.people:
        return _step("roster", "Who you'll meet", 0, "Nobody on the roster yet")
    missing = f.people - f.people_complete
    detail = _plural(f.people, "person", "people")
    if missing:
        detail += f", {missing} without a title or relation"
    share = 0.5 + 0.5 * f.people_complete / f.people
    return _step("roster", "Who you'll meet", share, detail)


def _debrief(f: RoundFacts) -> Step:
    if not f.debrief_questions:
        return _step("debrief", "What the last round taught you", 0, "No debrief yet")
    detail = f"{_plural(f.debrief_questions, 'question')} noted"
    if f.debrief_struggled:
        detail += f", {f.debrief_struggled} you struggled with"
    return _step("debrief", "What the last round taught you", 1, detail)


def _research(f: RoundFacts) -> Step:
    if f.people:
        share = 0.5 * f.company_researched + 0.5 * min(1.0, f.people_researched / f.people)
    else:  # nobody to research yet: the company is the whole step for now
        share = float(f.company_researched)
    parts = ["company profile " + ("done" if f.company_researched else "not started")]
    if f.people:
        parts.append(f"{f.people_researched} of {_plural(f.people, 'interviewer')} researched")
    return _step("research", "Research", share, "; ".join(parts))


def _questions(f: RoundFacts) -> Step:
    if not f.likely_questions:
        return _step("questions", "Questions to expect", 0, "No questions yet: add the posting")
    share = min(1.0, f.likely_prepared / (f.likely_questions * PREPARED_ENOUGH))
    detail = f"{f.likely_prepared} of {f.likely_questions} likely questions prepared"
    return _step("questions", "Questions to expect", share, detail)


def _stories(f: RoundFacts) -> Step:
    if not f.stories:
        return _step("stories", "Your stories", 0, "No stories yet")
    answered = f.likely_questions - f.likely_without_story
    share = answered / f.likely_questions if f.likely_questions else 1.0
    detail = _plural(f.stories, "story", "stories")
    if f.likely_without_story:
        detail += f"; {f.likely_without_story} likely questions without a story"
    return _step("stories", "Your stories", share, detail)


def _practice(f: RoundFacts) -> Step:
    if not f.practised:
        return _step("practice", "Practice", 0, "No answers practised yet")
    detail = f"{_plural(f.practised, 'answer')} practised, {f.practised_spoken} spoken"
    return _step("practice", "Practice", f.practised / PRACTISED_ENOUGH, detail)


def _day(f: RoundFacts) -> Step:
    # Suggested questions to ask are ready for everyone on the roster; choosing your own
    # (or pinning a suggestion) for each person finishes that part.
    chosen = min(1.0, f.people_with_own_questions / f.people) if f.people else 0.0
    asked = 0.5 + 0.5 * chosen if f.people else 0.0
    share = (asked + f.plan + f.salary_target) / 3
    parts = [
        f"questions chosen for {f.people_with_own_questions} of {f.people}"
        if f.people
        else "no one to ask yet",
        "plan " + ("drafted" if f.plan else "not started"),
        "salary target " + ("set" if f.salary_target else "not set"),
    ]
    return _step("day", "Questions to ask, plan and salary", share, "; ".join(parts))


def _brief(f: RoundFacts) -> Step:
    if f.brief_ready:
        return _step(
            "brief", "The brief", 1, "Time and place set: print it or read it on your phone"
        )
    share = 0.5 if f.days_left is not None else 0.0
    return _step("brief", "The brief", share, "Add the time and the place or video link")


def _after(f: RoundFacts) -> Step:
    if not f.people:
        return _step("after", "After the round", 0, "Notes, letters and follow-up")
    parts = [
        f"notes on {f.people_with_notes} of {f.people}",
        f"letters sent {f.letters_sent} of {f.people}",
        "follow-up " + ("set" if f.follow_up_set else "not set"),
    ]
    share = (
        min(1.0, f.people_with_notes / f.people)
        + min(1.0, f.letters_sent / f.people)
        + f.follow_up_set
    ) / 3
    return _step("after", "After the round", share, "; ".join(parts))


def round_path(facts: RoundFacts) -> RoundPath:
    """The path for one round, its next step and its readiness (see the module docstring)."""
    before = [_roster(facts)]
    if facts.earlier_round:
        before.append(_debrief(facts))
    before += [
        _research(facts),
        _questions(facts),
        _stories(facts),
        _practice(facts),
        _day(facts),
        _brief(facts),
    ]
    after = _after(facts)
    total = sum(step.weight for step in before)
    readiness = sum(step.weight * step.share for step in before) / total if total else 0.0
    if facts.ended:
        next_step = after if after.status != DONE else None
    else:
        unfinished = [step for step in before if step.status != DONE]
        if facts.days_left is not None and facts.days_left <= SOON_DAYS:
            unfinished.sort(key=lambda step: SOON_ORDER.index(step.key))
        next_step = unfinished[0] if unfinished else None
    return RoundPath(tuple([*before, after]), next_step, round(readiness, 2))


def path_as_json(path: RoundPath) -> dict[str, object]:
    """The path as `secondround readiness` prints it."""

    def step(item: Step) -> dict[str, object]:
        return {
            "key": item.key,
            "title": item.title,
            "status": item.status,
            "detail": item.detail,
            "share": round(item.share, 2),
            "weight": item.weight,
        }

    return {
        "readiness": path.readiness,
        "next_step": step(path.next_step) if path.next_step else None,
        "steps": [step(item) for item in path.steps],
    }
