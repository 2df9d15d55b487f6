"""Stages 3 and 4 of reading an invitation: who interviews, and when.

3. People. Mentions (invitation_mentions) are merged by name; a later "Mr Fifita" or
   "Rémy" is the full name met elsewhere. The candidate (the greeting, the To header,
   "Candidate:") and anyone with no interviewing mention are left out; the newest message
   decides, older quoted ones fill in details or stand in when the newest names nobody
   (or says "everything else stays the same").
4. Slots. A person's slot is their own unit's; else the one interview slot of the mail
   ("Formal interview: 2.00pm", "10.00am - 10.45am Panel interview"), never a cancelled
   time, a deadline or one of several options offered. Timed parts of the day that name no
   interviewer become the agenda.

Units come from invitation_units. Relations are decided by the caller from the titles and
notes gathered here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, tzinfo

from secondround.engine.reading.invitation_clauses import clause_bounds, clause_times
from secondround.engine.reading.invitation_cues import (
    ASIDE,
    FORWARD_TRIGGER,
    INTERVIEW_WORDS,
    ROLE_NOUN,
    SUBJECT_TRIGGER,
    Mention,
    Signer,
)
from secondround.engine.reading.invitation_interviewers import (
    THRESHOLD,
    PersonView,
    decision_model,
    person_features,
    record,
    recording_active,
)
from secondround.engine.reading.invitation_mentions import mentions_in, signer_of, without_names
from secondround.engine.reading.invitation_names import find_names, proper_words
from secondround.engine.reading.invitation_relations import infer_relation
from secondround.engine.reading.invitation_text import Message
from secondround.engine.reading.invitation_time_words import CLOCK, TIME_RANGE, FoundTimes
from secondround.engine.reading.invitation_times import (
    clock_times,
    interview_length,
    length_minutes,
    visit_length,
    without_zones,
)
from secondround.engine.reading.invitation_titles import is_title_like
from secondround.engine.reading.invitation_units import (
    OLD_TIME,
    LineState,
    Unit,
    schedule_text,
    units_of,
)

__all__ = [
    "Mention",
    "Person",
    "Reading",
    "Signer",
    "Unit",
    "read_people",
    "signer_of",
    "part_of_slot",
    "slot_times",
]


# A timed part of the day that is not a conversation with someone.
NOT_INTERVIEW_ACTIVITY = re.compile(
    r"\b(?:lunch|break|breakfast|dinner|coffee|tour|travel|transfer|buffer|check[- ]?in"
    r"|arrival|arrive[sd]?|depart\w*|registration|reporting|pick[- ]?up|fly|flight)\b"
    r"(?!\s+(?:chat|interview|conversation|meeting|discussion)\b)",
    re.IGNORECASE,
)


AGENDA_WORDS = re.compile(
    r"\b(?:lunch|break|coffee|tour|test|exercise|assessment|presentation|lesson|observation"
    r"|welcome|check-?in|arrival|registration|case study|task|simulation|role[- ]play"
    r"|tasting|shadow(?:ing)?|walk(?:-?round|around|through)?|visit|written|numeracy|literacy"
    r"|breakfast|dinner|talk|forum|seminar|demonstration|verification|reporting|depart\w*"
    r"|induction|prep|cook-?off|trade test|practical)\b",
    re.IGNORECASE,
)


# A time the sender settles: "Thursday at 10:00 works for us", "the new time is ...".
CONFIRMED = re.compile(
    r"\b(?:works for us|confirmed|is booked|new time|will now be|now be on|moved (?:\w+ ){0,3}to"
    r"|rescheduled (?:\w+ ){0,3}(?:for|to)|we can (?:move|do|offer)|is (?:now )?(?:set|scheduled)"
    r" for)\b",
    re.IGNORECASE,
)


# Parts of a slot line that are not the interview: "30 Minute Test Exercise".
TEST_WORDS = re.compile(
    r"\b(?:test|exercise|task|assessment|presentation|lesson|observ\w*|assembly|demo\w*"
    r"|teaching|verification"
    r"|registration|reporting|arrival|lunch|tour|break|induction|welcome)\b",
    re.IGNORECASE,
)


CANDIDATE_LABEL = re.compile(
    r"\b(?:candidate|applicant|name of the candidate)\s*[:,-]|,\s*candidate\b|\bcandidate\s*$",
    re.IGNORECASE,
)


@dataclass
class Person:
    name: str
    honorific: str | None
    mentions: list[Mention] = field(default_factory=list)
    signed_title: str | None = None  # the title under the person's own signature

    @property
    def words(self) -> list[str]:
        return self.name.split()


@dataclass
class Reading:
    people: list[Person]  # interviewers, in order of first mention
    others: list[Person]  # named but not interviewing
    slot: Unit | None  # the mail's one interview slot, if it has one
    agenda: list[Unit]
    units: list[Unit]
    employer_words: frozenset[str] = frozenset()  # "Hanbit", "Severnvale": the employer's


# "at our client Hanbit Mobility", "with Prairie Crest Midstream", "client: Hanbit Mobility"
EMPLOYER_AFTER = re.compile(
    r"\b(?:at|client:?|on behalf of)\s+(?:our\s+client\s+|the\s+)?"
    r"(?P<org>(?:[A-Z][\w&'’.-]*\s+){0,4}[A-Z][\w&'’.-]*)"
)
# A signature line that names an organisation rather than a unit.
ORGANISATION_LINE = re.compile(
    r"\b(?:ltd|limited|inc|llc|plc|gmbh|pty|pvt|corp\w*|company|group|trust|university|council"
    r"|hospitals?|agency|bank|sdn\s+bhd|\(example\))\b\.?",
    re.IGNORECASE,
)
# Words of organisation names that say nothing of which one it is.
COMMON_ORG_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "for",
        "at",
        "on",
        "in",
        "our",
        "your",
        "nhs",
        "trust",
        "hospital",
        "hospitals",
        "university",
        "council",
        "services",
        "service",
        "department",
        "limited",
        "ltd",
        "inc",
        "group",
        "company",
        "corporation",
        "health",
        "care",
        "centre",
        "center",
        "school",
        "college",
        "institute",
        "office",
        "team",
        "county",
        "city",
        "district",
        "ministry",
        "government",
        "public",
        "national",
        "regional",
        "general",
        "medical",
        "example",
    ]
)


def _employer_words(messages: list[Message]) -> frozenset[str]:
    """Distinctive words of the organisations the mail is from or about: the lines of
    signatures below name and title, and names after "at", "with", "client:"."""
    phrases: list[str] = []
    for message in messages:
        phrases.extend(line for line in message.signature[1:6] if ORGANISATION_LINE.search(line))
        for text in (message.headers.get("subject", ""), *message.body):
            phrases.extend(match["org"] for match in EMPLOYER_AFTER.finditer(text))
    words = set()
    for phrase in phrases:
        for word in re.findall(r"[A-Z][\w'’-]{2,}", phrase):
            if word.casefold() not in COMMON_ORG_WORDS and not find_names(word):
                words.add(word.casefold())
    return frozenset(words)


def _candidates(messages: list[Message], candidate: tuple[str, ...]) -> set[str]:
    """Name words that mean the candidate: the greeting, the To header, "Candidate:"."""
    words: set[str] = {value.casefold() for value in candidate}
    senders = {
        word.casefold()
        for message in messages[:1]
        if (signer := signer_of(message)) is not None
        for word in signer.name.split()
    }
    for message in messages:
        for source in (message.greeting, message.headers.get("to", "")):
            for span in find_names(re.sub(r"<[^>]*>|\"", " ", source)):
                words.add(span.name.casefold())
                words.add(span.name.split()[-1].casefold())
            bare = re.sub(r"[^\w\s'’-]", " ", source).split()
            if len(bare) == 1 and bare[0][:1].isupper():
                words.add(bare[0].casefold())
            if len(bare) == 2 and bare[0].lower().rstrip(".") in {
                "mr",
                "ms",
                "mrs",
                "dr",
                "miss",
                "mx",
                "prof",
            }:
                words.add(bare[1].casefold())
    return words - senders


def read_people(
    messages: list[Message],
    *,
    today: date,
    day: date | None,
    zone: tzinfo | None,
    day_first: bool,
    candidate: tuple[str, ...] = (),
) -> Reading:
    units: list[Unit] = []
    mentions: list[Mention] = []
    for message in messages:
        state = LineState(today=today, day=day, zone=zone, day_first=day_first)
        message_units = units_of(message, state)
        signer = signer_of(message)
        found = [mentions_in(unit, signer) for unit in message_units]
        _titles_on_the_next_line(message_units, found)
        for unit_mentions in found:
            mentions.extend(unit_mentions)
        units.extend(message_units)
    signers = [s for s in (signer_of(m) for m in messages) if s is not None]
    people = _merge(mentions, signers)
    _add_references(people, units)
    candidate_words = _candidates(messages, candidate)
    signed = {
        _key(signer.name): frozenset(
            m.depth for m in messages if (s := signer_of(m)) is not None and s.name == signer.name
        )
        for signer in signers
    }
    interviewers, others = _decide(people, candidate_words, units, signed)
    slot = _interview_slot(units, interviewers)
    agenda = _agenda(units, {id(m.unit) for p in interviewers for m in p.mentions if m.positive})
    return Reading(interviewers, others, slot, agenda, units, _employer_words(messages))


def _titles_on_the_next_line(units: list[Unit], found: list[list[Mention]]) -> None:
    """ "Linda Carraway" on one line and "Chief Operating Officer" on the next: a card."""
    for index, (unit, mentions) in enumerate(zip(units, found, strict=True)):
        if len(mentions) != 1 or mentions[0].title or index + 1 >= len(units):
            continue
        mention = mentions[0]
        if not re.fullmatch(rf"(?:\S+\s+)?{re.escape(mention.name)}[.,]?", unit.text.strip()):
            continue
        following = units[index + 1]
        text = following.text.strip()
        if found[index + 1] or len(text.split()) > 8 or text.endswith((".", "!", "?")):
            continue
        if is_title_like(text, lead_allowed=False) and ROLE_NOUN.search(text):
            mention.title = text


def _key(name: str) -> str:
    return " ".join(name.casefold().replace("’", "'").split())


def _merge(mentions: list[Mention], signers: list[Signer]) -> list[Person]:
    people: dict[str, Person] = {}
    partial: list[Mention] = []
    for mention in mentions:
        if len(proper_words(mention.name)) == 1:
            mention.partial = True
            partial.append(mention)
            continue
        key = _key(mention.name)
        person = people.setdefault(key, Person(mention.name, mention.honorific))
        person.honorific = person.honorific or mention.honorific
        person.mentions.append(mention)
    known = list(people.values())
    for signer in signers:
        if _key(signer.name) in people:
            people[_key(signer.name)].signed_title = signer.title
        elif len(signer.name.split()) > 1:
            known.append(Person(signer.name, signer.honorific, signed_title=signer.title))
    for mention in partial:
        word = mention.name.split()[-1].casefold()
        matches = [
            p
            for p in known
            if p.words
            and (
                p.words[-1].casefold() == word
                or (not mention.honorific and p.words[0].casefold() == word)
            )
        ]
        if len(matches) == 1:
            target = matches[0]
            if _key(target.name) not in people:
                people[_key(target.name)] = target
            target.mentions.append(mention)
            target.honorific = target.honorific or mention.honorific
        else:
            key = _key(mention.name)
            person = people.setdefault(key, Person(mention.name, mention.honorific))
            person.mentions.append(mention)
    return list(people.values())


def _add_references(people: list[Person], units: list[Unit]) -> None:
    """One-word references in scheduling sentences: "You'd still meet Gráinne, and ..."."""
    full = [p for p in people if len(p.words) >= 2]
    for unit in units:
        if (
            unit.kind != "prose"
            or not FORWARD_TRIGGER.search(unit.text)
            and not SUBJECT_TRIGGER.search(unit.text)
        ):
            continue
        taken = [(s.start, s.end) for s in find_names(unit.text)]
        for match in re.finditer(r"(?<![\w'’.-])([^\W\d_][\w'’-]+)(?![\w'’-])", unit.text):
            word = match.group(1)
            if not word[0].isupper() or any(a <= match.start() < b for a, b in taken):
                continue
            owners = [p for p in full if p.words[0] == word or p.words[-1] == word]
            if len(owners) != 1:
                continue
            owner = owners[0]
            if any(m.unit is unit for m in owner.mentions):
                continue
            before = unit.text[: match.start()]
            after = unit.text[match.end() :]
            if re.search(r"(?:to|under|for|of)\s+$", before, re.I) or re.match(r"['’]s\b", after):
                continue  # "reports to Bronwyn", "Alex's manager": a note, not a mention
            mention = Mention(owner.name, owner.honorific, unit, partial=True)
            triggered = any(
                t.end() <= match.start() for t in FORWARD_TRIGGER.finditer(unit.text)
            ) or bool(SUBJECT_TRIGGER.search(after[:60]))
            mention.positive = triggered
            mention.aside = bool(ASIDE.search(without_names(unit.text)))
            bounds = clause_bounds(unit.text)
            here = next((a for a, b in bounds if a <= match.start() < b), 0)
            mention.times, mention.borrowed = clause_times(unit, unit.text, bounds, here)
            owner.mentions.append(mention)


def _only_about(unit: Unit, person: Person) -> bool:
    """Whether a sentence names this person (by a first or last name) and nobody else."""
    words = [w for w in person.words if w[:1].isupper()]
    if not words or not any(
        re.search(rf"(?<![\w'’-]){re.escape(w)}(?![\w-])", unit.text) for w in {words[0], words[-1]}
    ):
        return False
    return all(set(span.name.split()) & set(words) for span in find_names(unit.text))


def _decide(
    people: list[Person],
    candidate_words: set[str],
    units: list[Unit],
    signed: dict[str, frozenset[int]],
) -> tuple[list[Person], list[Person]]:
    """Who interviews: the learned decision over what the rules and the earlier stages
    saw (invitation_interviewers), or the rules alone when the model is unavailable. The
    candidate is never listed, and the newest message that names an interviewer decides
    (older ones stand only when it says the rest of the panel is unchanged)."""
    rule_chosen, is_candidate = _decide_by_rules(people, candidate_words, units)
    model = decision_model()
    if model is None and not recording_active():
        return rule_chosen, [p for p in people if p not in rule_chosen]
    newest_named = any(
        m.positive and not m.aside and m.unit.message == 0 for p in rule_chosen for m in p.mentions
    )
    order = {id(unit): index for index, unit in enumerate(units)}
    scored: list[tuple[Person, float, int]] = []
    for person in people:
        if is_candidate(person) or not person.mentions:
            continue
        first = min(order.get(id(m.unit), 0) for m in person.mentions)
        view = PersonView(
            name=person.name,
            honorific=person.honorific,
            mentions=person.mentions,
            rule=person in rule_chosen,
            signer_depths=signed.get(_key(person.name), frozenset()),
            newest_named=newest_named,
            unchanged=_panel_unchanged(units, 0),
            position=first / max(len(units) - 1, 1),
            people=len(people),
        )
        row = person_features(view)
        record(person.name, row)
        if model is None:
            continue
        depth = min(m.unit.message for m in person.mentions)
        scored.append((person, model.probability(row), depth))
    if model is None:
        return rule_chosen, [p for p in people if p not in rule_chosen]
    chosen_people = [(p, depth) for p, chance, depth in scored if chance >= THRESHOLD]
    if not chosen_people:
        return [], list(people)
    newest = min(depth for _, depth in chosen_people)
    keep_older = _panel_unchanged(units, newest)
    chosen = [p for p, depth in chosen_people if depth == newest or keep_older]
    for person in chosen:
        _mark_interviewing(person)
    return chosen, [p for p in people if p not in chosen]


def _mark_interviewing(person: Person) -> None:
    """A person the model puts on the panel with no mention the rules found positive:
    their listed (or else every) mention of the newest message counts as the interview's."""
    if any(m.positive for m in person.mentions):
        return
    depth = min(m.unit.message for m in person.mentions)
    newest = [m for m in person.mentions if m.unit.message == depth]
    listed = [m for m in newest if m.unit.kind != "prose" and not m.aside]
    for mention in listed or [m for m in newest if not m.aside] or newest:
        mention.positive = True
        mention.aside = False


def _decide_by_rules(
    people: list[Person], candidate_words: set[str], units: list[Unit]
) -> tuple[list[Person], Callable[[Person], bool]]:
    def is_candidate(person: Person) -> bool:
        key = _key(person.name)
        if key in candidate_words:
            return True
        if (
            person.words
            and person.words[0].casefold() in candidate_words
            and not any(m.title for m in person.mentions)
        ):
            return True  # "Hi Jordan" and "Jordan Blake" among the attendees
        if (
            person.words
            and person.words[-1].casefold() in candidate_words
            and len(person.words) <= 3
        ):
            return True
        return any(
            CANDIDATE_LABEL.search(without_names(m.unit.text)) and len(find_names(m.unit.text)) == 1
            for m in person.mentions
        )

    def interviewing(person: Person, depth: int) -> bool:
        if any(m.replaced for m in person.mentions):
            return False
        if any(
            m.positive and not m.aside and m.unit.message == depth and not m.replaced
            for m in person.mentions
        ):
            return True
        # The person the role reports to, named as part of the day ("the supervisor, X,
        # will take you to the cells ... X is who you'd report to"), is interviewing too.
        named = any(m.positive and m.unit.message == depth for m in person.mentions)
        if not named or any(m.unavailable for m in person.mentions):
            return False
        notes = [note for m in person.mentions for note in m.context]
        notes += [
            unit.text for unit in units if unit.message == depth and _only_about(unit, person)
        ]
        return any(infer_relation(None, note) == "hiring_manager" for note in notes)

    depths = sorted({m.unit.message for p in people for m in p.mentions})
    chosen: list[Person] = []
    for depth in depths:
        chosen = [p for p in people if not is_candidate(p) and interviewing(p, depth)]
        if chosen:
            break
    if chosen and _panel_unchanged(units, depths[0] if depths else 0):
        # "Everything else stays the same": the older message's panel still stands.
        older = [
            p
            for depth in depths[1:]
            for p in people
            if p not in chosen and not is_candidate(p) and interviewing(p, depth)
        ]
        chosen += list(dict.fromkeys(older))
    return chosen, is_candidate


SAME_PANEL = re.compile(
    r"\b(?:(?:the\s+)?(?:panel|interviewers?|everyone|everything\s+else|all\s+else|the\s+rest)"
    r"\s+(?:is|are|will\s+be|remains?|stays?)\s+(?:still\s+)?(?:the\s+same|unchanged|as\s+before)"
    r"|same\s+panel|panel\s+is\s+unchanged|(?:stays?|remains?)\s+the\s+same)\b",
    re.IGNORECASE,
)


def _panel_unchanged(units: list[Unit], depth: int) -> bool:
    return any(unit.message == depth and SAME_PANEL.search(unit.text) for unit in units)


def _interview_slot(units: list[Unit], people: list[Person]) -> Unit | None:
    """The one time the interview itself takes place, for people with no slot of their own:
    the likeliest timed unit (or timed part of a line: "9:00 teaching demo (20 min), 9:30
    panel interview (45 min)"), widened by the parts of the panel's time next to it (a
    presentation to the panel just before, "your questions" just after)."""
    # A schedule line of one person is that person's slot, not the panel's; a sentence
    # that gives the time and a name ("On 10 March at 14:00, Mrs X will join") is both.
    used = {
        id(m.unit)
        for p in people
        for m in p.mentions
        if m.positive and m.times and not m.borrowed and m.unit.kind != "prose"
    }
    scored: list[tuple[int, int, Unit]] = []
    for order, unit in enumerate(units):
        if (
            unit.times is None
            or unit.borrowed
            or unit.options
            or unit.superseded
            or id(unit) in used
        ):
            continue
        for part in timed_parts(unit):
            scored.append((_slot_score(part), -order, part))
    if not scored:
        return None
    scored.sort(key=lambda item: (item[0], item[1]), reverse=True)
    best = scored[0]
    if best[0] < 0:
        return None
    same_score = [u for s, _, u in scored if s == best[0] and u.times != best[2].times]
    if same_score and best[0] < 4:
        return None  # two equally likely slots: better none than the wrong one
    return _with_panel_parts(best[2], [u for u in units if id(u) not in used])


def _slot_score(unit: Unit) -> int:
    text = schedule_text(unit.text, date.min)
    score = 0
    if INTERVIEW_WORDS.search(text):
        score += 4
    if re.search(r"\binterview", text, re.I):
        score += 1  # "Formal interview" over "observed by members of the panel"
    if TEST_WORDS.search(text) and not re.search(r"\b(?:panel|formal)\s+interview", text, re.I):
        score -= 3
    if NOT_INTERVIEW_ACTIVITY.search(text):
        score -= 3
    if unit.kind in {"row", "entry", "item"}:
        score += 1
    if re.match(r"\s*(?:time|when|interview|start)\s*:", unit.text, re.I):
        score += 2
    if CONFIRMED.search(unit.text):
        score += 3
    if PROPOSED.search(unit.text):
        score += 1
    if CONDITION_TIME.search(unit.text):
        score -= 3  # "parking is free after 2 p.m.", "reply by 5 pm"
    return score - 2 * unit.message


# A time proposed for the visit: "Could you come in on Monday at 3 p.m.?"
PROPOSED = re.compile(
    r"\b(?:come\s+(?:in|by|to|over)|join\s+us|be\s+(?:here|there)|are\s+you\s+available"
    r"|(?:work|suit)s?\s+(?:for\s+)?you|arrive|see\s+you)\b",
    re.IGNORECASE,
)
# A time that bounds something else: "free after 2 p.m.", "by 5 pm tomorrow".
CONDITION_TIME = re.compile(
    rf"\b(?:after|before|by|no\s+later\s+than)\s+(?:{CLOCK.pattern})",
    re.IGNORECASE,
)


def timed_parts(unit: Unit) -> list[Unit]:
    """A line with several times in its prose, each leading its own part ("9:00 teaching
    demo (20 min), 9:30 panel interview (45 min)"), as one unit per part; else the unit."""
    if unit.kind == "row" or unit.times is None:
        return [unit]
    text = OLD_TIME.sub(lambda match: " " * len(match.group()), unit.text)
    covered = [(m.start(), m.end()) for m in TIME_RANGE.finditer(text)]
    starts = [start for start, _ in covered]
    for match in CLOCK.finditer(text):
        if not any(a <= match.start() < b for a, b in covered):
            starts.append(match.start())
    # Only a time that opens its part counts: after a comma, a semicolon or "then", not
    # "ends at 2:15 PM".
    starts = sorted(
        start
        for start in set(starts)
        if not text[:start].strip()
        or re.search(r"(?:[,;:|(]|\bthen|\band)\s*$", text[:start], re.I)
    )
    if len(starts) < 2:
        return [unit]
    parts = []
    bounds = [*starts, len(text)]
    for begin, end in zip(bounds, bounds[1:], strict=False):
        piece = text[begin:end]
        words = re.findall(r"[^\W\d_]{3,}", schedule_text(piece, date.min))
        times = clock_times(without_zones(piece))
        if times is None or len(words) < 1:
            return [unit]  # "from 10:00 to 11:00", "10:00 BST (11:00 CEST)": one slot
        parts.append(replace(unit, text=piece.strip(" ,;"), times=times))
    return parts


# Parts of the panel's time around the interview: "Presentation to the Committee" just
# before it, "Your questions for the panel" or "Informal questions to panel" just after.
PANEL_PART = re.compile(
    r"(?:(?:your|informal|final|the\s+panel'?s?)\s+)?(?:introductions?|questions?|q\s*&\s*a|presentation|present(?:s|ing)?\s+to|demonstration"
    r"|demo|wrap[- ]up|closing|close\b|feedback\s+from\s+the\s+panel)",
    re.IGNORECASE,
)


def _with_panel_parts(slot: Unit, units: list[Unit]) -> Unit:
    times = slot.times
    if times is None:
        return slot
    start, end = times.start, times.end
    timed = [
        u
        for u in units
        if u.message == slot.message
        and u.times is not None
        and not u.borrowed
        and not u.options
        and not u.superseded
        and u.day == slot.day
        and u.times != times
        and not find_names(u.text)
        and PANEL_PART.match(schedule_text(u.text, date.min).strip(" ,.;:-–—|"))
    ]
    changed = True
    while changed:
        changed = False
        for unit in timed:
            assert unit.times is not None
            if unit.times.end is not None and unit.times.end == start:
                start, changed = unit.times.start, True
            elif end is not None and unit.times.start == end and unit.times.end is not None:
                end, changed = unit.times.end, True
    if (start, end) == (times.start, times.end):
        return slot
    return replace(slot, times=FoundTimes(start, end))


def _agenda(units: list[Unit], used: set[int]) -> list[Unit]:
    agenda = []
    for unit in units:
        if (
            id(unit) in used
            or unit.times is None
            or unit.borrowed
            or unit.options
            or unit.superseded
        ):
            continue
        if unit.message:
            continue
        if AGENDA_WORDS.search(unit.text):
            agenda.append(unit)
    return agenda


# The part of the mail's slot a sentence gives someone: "for the last 20 minutes", "will
# run the first hour", "for the second half".
RELATIVE_PART = re.compile(
    r"\bthe\s+(?P<which>first|second|third|last|final|opening|closing|remaining)\s+"
    r"(?:(?P<amount>\d+|an?|one|two|ten|fifteen|twenty|thirty|forty|forty-five)\s*-?\s*"
    r"(?P<unit>minutes?|mins?|hours?)|(?P<hour>hour))\b",
    re.IGNORECASE,
)
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "ten": 10,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
}


def part_of_slot(times: FoundTimes, mention: Mention) -> FoundTimes | None:
    """The part of the slot the person's sentence gives them, or None: the phrase before
    the name in its sentence ("for the last 20 minutes X and Y will join"), or after it
    when the person is the subject ("X will run the first hour")."""
    if times.end is None:
        return None
    text = mention.unit.text
    before = [m for m in RELATIVE_PART.finditer(text) if m.end() <= mention.at]
    after = [
        m
        for m in RELATIVE_PART.finditer(text)
        if m.start() >= mention.at
        and SUBJECT_TRIGGER.search(text[mention.at : m.end()]) is not None
        and not find_names(text[mention.at + len(mention.name) : m.start()])
    ]
    chosen = before[-1:] or after[:1]
    if not chosen:
        return None
    match = chosen[0]
    start = datetime.combine(date.min, times.start)
    end = datetime.combine(date.min, times.end)
    if end <= start:
        return None
    which = match["which"].lower()
    if match["hour"]:
        length = timedelta(hours=1)
    else:
        amount = match["amount"].lower()
        number = NUMBER_WORDS.get(amount) or int(amount)
        unit = match["unit"].lower()
        length = timedelta(hours=number) if unit.startswith("h") else timedelta(minutes=number)
    index = {"first": 0, "opening": 0, "second": 1, "third": 2}.get(which, 0)
    if which in {"last", "final", "closing", "remaining"}:
        part = (end - length, end)
    else:
        part = (start + index * length, start + (index + 1) * length)
    if part[0] < start or part[1] > end:
        return None
    return FoundTimes(part[0].time(), part[1].time())


def slot_times(unit: Unit, units: list[Unit]) -> FoundTimes | None:
    """The slot's times, with an end from a stated length when the line gives none: said
    of the interview on the line itself, on a "Duration:" line, or in a sentence of the
    same message ("the interview will last about 45 minutes", "a 45-minute panel
    interview", "the interview (about 75 minutes)"); only then the time to set aside for
    the visit ("Please allow two hours"). Never a test's or a presentation's length, nor
    "arrive 15 minutes before"."""
    times = unit.times
    if times is None or times.end is not None:
        return times
    siblings = [other for other in units if other.message == unit.message]
    minutes = interview_length(unit.text) or length_minutes(_without_test_parts(unit.text))
    for other in siblings:
        if minutes:
            break
        if re.match(r"\s*(?:duration|length)\s*:", other.text, re.IGNORECASE):
            minutes = length_minutes(other.text)
    for other in siblings:
        if minutes:
            break
        minutes = interview_length(other.text)
    for other in siblings:
        if minutes:
            break
        minutes = visit_length(other.text)
    if not minutes:
        return times
    start = datetime.combine(date.min, times.start)
    return FoundTimes(times.start, (start + timedelta(minutes=minutes)).time())


def _without_test_parts(text: str) -> str:
    return re.sub(
        r"\d+[- ]minute\s+(?:written\s+)?(?:test|exercise|task|presentation)\b.*",
        "",
        text,
        flags=re.I,
    )
