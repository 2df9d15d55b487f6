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
from dataclasses import dataclass, field
from datetime import date, tzinfo

from secondround.engine.reading.invitation_clauses import clause_bounds, clause_times
from secondround.engine.reading.invitation_cues import (
    ASIDE,
    FORWARD_TRIGGER,
    PERSONAL_MAIL_DOMAINS,
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
from secondround.engine.reading.invitation_lines import LineState, Unit
from secondround.engine.reading.invitation_mentions import mentions_in, signer_of, without_names
from secondround.engine.reading.invitation_names import find_names, proper_words
from secondround.engine.reading.invitation_relations import infer_relation
from secondround.engine.reading.invitation_slots import (
    agenda_units,
    interview_slot,
    panel_unchanged,
)
from secondround.engine.reading.invitation_text import Message
from secondround.engine.reading.invitation_titles import (
    COPULA_TITLE,
    PLURAL_TITLE,
    clean_piece,
    is_title_like,
)
from secondround.engine.reading.invitation_units import units_of

__all__ = [
    "Mention",
    "Person",
    "Reading",
    "Signer",
    "Unit",
    "read_people",
    "signer_of",
]


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
    agenda_depth: int = 0  # the message the agenda is read from (0: the newest)


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
    words |= _personal_mailboxes("\n".join(line for m in messages for line in m.body))
    return words - senders


# "maya.cohen@gmail.com": a mailbox named after a person.
MAILBOX = re.compile(r"\b(?P<local>[A-Za-z]+(?:[._-][A-Za-z]+){1,2})@(?P<domain>[\w.-]+\.\w+)")


def _personal_mailboxes(text: str) -> set[str]:
    """The names a pasted calendar invitation shows only as a private mailbox among its
    guests ("maya.cohen@gmail.com"): the candidate's, beside a company's addresses."""
    words: set[str] = set()
    for match in MAILBOX.finditer(text):
        if match["domain"].casefold() in PERSONAL_MAIL_DOMAINS:
            parts = re.split(r"[._-]", match["local"].casefold())
            words.add(" ".join(parts))
    return words


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
    _add_copula_titles(people, units)
    candidate_words = _candidates(messages, candidate)
    signed = {
        _key(signer.name): frozenset(
            m.depth for m in messages if (s := signer_of(m)) is not None and s.name == signer.name
        )
        for signer in signers
    }
    interviewers, others = _decide(people, candidate_words, units, signed)
    slot = interview_slot(units, [m for p in interviewers for m in p.mentions])
    if slot is None:
        slot = _subject_slot(
            messages, LineState(today=today, day=day, zone=zone, day_first=day_first)
        )
    # The day's agenda is read from the message that names the panel: the newest, or the
    # itinerary it forwards ("Forwarding the final itinerary from our office").
    depth = min((m.unit.message for p in interviewers for m in p.mentions if m.positive), default=0)
    agenda = agenda_units(
        units, {id(m.unit) for p in interviewers for m in p.mentions if m.positive}, depth
    )
    return Reading(
        interviewers, others, slot, agenda, units, _employer_words(messages), agenda_depth=depth
    )


def _subject_slot(messages: list[Message], state: LineState) -> Unit | None:
    """The time a subject line gives ("Interview confirmed: Wed 5 May, 11:00 AM - 12:00 PM
    EDT") when no body line gives one: the body may say only "see the subject line"."""
    for message in messages:
        subject = message.headers.get("subject", "")
        if not subject:
            continue
        slot = interview_slot(units_of(Message(message.depth, body=[subject]), state), [])
        if slot is not None:
            return slot
    return None


def _titles_on_the_next_line(units: list[Unit], found: list[list[Mention]]) -> None:
    """ "Linda Carraway" on one line and "Chief Operating Officer" on the next: a card."""
    for index, (unit, mentions) in enumerate(zip(units, found, strict=True)):
        if len(mentions) != 1 or mentions[0].title or index + 1 >= len(units):
            continue
        mention = mentions[0]
        if not re.fullmatch(rf"(?:\S+\s+)?{re.escape(mention.name)}[.,]?", unit.text.strip()):
            continue
        following = units[index + 1]
        text = clean_piece(following.text)
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
            bounds = clause_bounds(unit.text)
            here, there = next(
                ((a, b) for a, b in bounds if a <= match.start() < b), (0, len(unit.text))
            )
            # The verb may come after others named with them: "Ellie and the General
            # Manager, Robert Nwosu, will sit down with you": the rest of the clause counts.
            triggered = any(
                t.end() <= match.start() for t in FORWARD_TRIGGER.finditer(unit.text)
            ) or bool(SUBJECT_TRIGGER.search(unit.text[match.end() : max(there, match.end() + 60)]))
            mention.positive = triggered
            mention.aside = bool(ASIDE.search(without_names(unit.text)))
            mention.times, mention.borrowed = clause_times(unit, unit.text, bounds, here)
            owner.mentions.append(mention)


def _add_copula_titles(people: list[Person], units: list[Unit]) -> None:
    """ "Becky is a Customer Success Director", "Raj is one of our Account Managers": a title
    said of a person by a first or last name alone, in a sentence of its own."""
    full = [p for p in people if len(p.words) >= 2]
    for unit in units:
        if unit.kind != "prose":
            continue
        taken = [(s.start, s.end) for s in find_names(unit.text)]
        for match in re.finditer(
            r"(?<![\w'’.-])([^\W\d_][\w'’-]+)\s+(?=is\b|was\b|will\b)", unit.text
        ):
            word = match.group(1)
            if not word[0].isupper() or any(a <= match.start() < b for a, b in taken):
                continue
            owners = [p for p in full if word in (p.words[0], p.words[-1])]
            copula = COPULA_TITLE.match(unit.text, match.end())
            if len(owners) != 1 or copula is None:
                continue
            title = copula["title"]
            end = copula.start("title") + len(title)
            later = [a for a, _ in taken if copula.start("title") < a < end]
            if later:  # "... Director and Raj Mistry is ...": the title stops at a name
                title = re.sub(
                    r"\s+(?:and|&)\s*$", "", unit.text[copula.start("title") : min(later)]
                )
            if not is_title_like(title, lead_allowed=False):
                continue
            if "one of" in copula.group().lower() and PLURAL_TITLE.search(title):
                title = title[:-1]
            owners[0].mentions.append(
                Mention(owners[0].name, owners[0].honorific, unit, title=title, partial=True)
            )


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
            unchanged=panel_unchanged(units, 0),
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
    keep_older = panel_unchanged(units, newest)
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
            m.positive
            and not m.aside
            and not m.unavailable  # "X, our CEO, isn't part of the panel"
            and m.unit.message == depth
            and not m.replaced
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
    if chosen and panel_unchanged(units, depths[0] if depths else 0):
        # "Everything else stays the same": the older message's panel still stands.
        older = [
            p
            for depth in depths[1:]
            for p in people
            if p not in chosen and not is_candidate(p) and interviewing(p, depth)
        ]
        chosen += list(dict.fromkeys(older))
    return chosen, is_candidate
