"""Stage 2 of reading an invitation: the people a unit names, and what it says of them.

Names are found by their shape (invitation_names). Each mention gets the title and notes
written beside it ("Name, Title (note)", "our Title, Name", "Title: Name", "Title (Name)",
a table's title column, a title on the next line) and whether the unit puts the person in
the interview (a schedule slot, a panel list, "you will meet ...", "X will join", "with
me") or only beside it (a guide, a lunch host, "ask for X at reception", someone who sends
apologies, is replaced, or was met in the first round), with the time of the clause that
names them.
"""

from __future__ import annotations

import re

from secondround.engine.reading.invitation_clauses import (
    LIST_BREAK,
    clause_bounds,
    clause_times,
    is_aside,
    relative_slot,
    up_to_next_name,
    with_before,
)
from secondround.engine.reading.invitation_cues import (
    EMAIL,
    FORWARD_TRIGGER,
    LEAD_CUT,
    ME,
    ORGANISATION_END,
    REPLACED_AFTER,
    REPLACEMENT,
    ROLE_NOUN,
    ROSTER_LABEL,
    SUBJECT_TRIGGER,
    UNAVAILABLE,
    Mention,
    Signer,
    other_label,
)
from secondround.engine.reading.invitation_lines import ROSTER_HEADING, URL, Unit
from secondround.engine.reading.invitation_names import (
    NameSpan,
    find_names,
    is_given_name,
)
from secondround.engine.reading.invitation_text import Message
from secondround.engine.reading.invitation_time_words import CLOCK
from secondround.engine.reading.invitation_times import clock_times, without_zones
from secondround.engine.reading.invitation_titles import (
    clean_piece,
    describe,
    lead_before,
    pieces_with_positions,
    top_segments,
    trail_after,
)


def mentions_in(unit: Unit, signer: Signer | None) -> list[Mention]:
    if unit.kind == "row" and unit.cells is not None and unit.columns is not None:
        return _row_mentions(unit, signer)
    return _text_mentions(unit, unit.text, signer, title_cell=None)


def _row_mentions(unit: Unit, signer: Signer | None) -> list[Mention]:
    assert unit.cells is not None and unit.columns is not None
    title_cells = [c for c, kind in zip(unit.cells, unit.columns, strict=True) if kind == "title"]
    mentions: list[Mention] = []
    cells, columns = unit.cells, unit.columns
    for index, (cell, kind) in enumerate(zip(cells, columns, strict=True)):
        if kind in {"time", "day", "title", "email"}:
            continue
        title_cell = title_cells[0] if title_cells else None
        if title_cell is None and kind == "unknown" and index + 1 < len(cells):
            # A table without a header: "9:00 | Dr. Raymond Oduya | Chair, Department of ..."
            following = cells[index + 1]
            if columns[index + 1] == "unknown" and not find_names(following):
                title_cell = following
        mentions.extend(_text_mentions(unit, cell, signer, title_cell=title_cell))
    activity = " ".join(
        cell
        for cell, kind in zip(unit.cells, unit.columns, strict=True)
        if kind not in {"time", "day"}
    )
    notes = [
        clean_piece(cell)
        for cell, kind in zip(cells, columns, strict=True)
        if kind in {"other", "unknown"} and cell.strip() and not find_names(cell)
    ]
    for mention in mentions:
        mention.context.extend(note for note in notes if note and note != mention.title)
        for cell, kind in zip(unit.cells, unit.columns, strict=True):
            if kind == "email" and (match := EMAIL.search(cell)):
                mention.email = mention.email or match.group().removeprefix("mailto:")
        if is_aside(without_names(activity)):
            mention.aside = True
    return mentions


def without_names(text: str) -> str:
    for span in reversed(find_names(text)):
        text = text[: span.start] + " " + text[span.end :]
    return text


def _text_mentions(
    unit: Unit, text: str, signer: Signer | None, title_cell: str | None
) -> list[Mention]:
    clean, nicknames = _nicknames_dropped(text)
    spans = [span for span in find_names(clean) if not _inside_email(clean, span)]
    spans = sorted(spans + _given_names_with_titles(clean, spans), key=lambda span: span.start)
    spans = _without_self_references(spans)
    spans = _without_bracketed_places(clean, spans)
    if unit.kind != "prose":
        spans = _one_person_per_part(clean, spans)
    placed: list[tuple[Mention, int]] = []
    for index, span in enumerate(spans):
        mention = Mention(span.name, span.honorific, unit, at=span.start)
        mention.aliases = [nick for at, nick in nicknames if span.start <= at < span.end]
        bracketed = _in_brackets(clean, spans, index)
        if bracketed is not None:
            describe(mention, clean, bracketed[0], bracketed[1], title_cell)
        else:
            describe(
                mention,
                clean,
                lead_before(clean, spans, index),
                trail_after(clean, spans, index),
                title_cell,
            )
        placed.append((mention, span.start))
    if (
        signer is not None
        and (me := ME.search(clean)) is not None
        and (
            unit.times is not None
            or FORWARD_TRIGGER.search(clean[: me.end()])
            or re.match(r"I\b", me.group())
            or re.match(r"(?i)(?:meet|join)", me.group())
        )
    ):
        mine = Mention(
            signer.name, signer.honorific, unit, title=signer.title, me=True, at=me.start()
        )
        placed.append((mine, me.start()))
        placed.sort(key=lambda item: item[1])
    _judge(unit, clean, placed)
    mentions = [mention for mention, _ in placed]
    _share_plural_title(mentions)
    _committee_chair(clean, mentions)
    return mentions


def _one_person_per_part(text: str, spans: list[NameSpan]) -> list[NameSpan]:
    """In a list item or a cell, a second name is another person only after "and", "&",
    a semicolon or with an honorific: in "Mr X, Deputy Secretary, Zilla Parishad", the
    council is part of Mr X's line."""
    kept: list[NameSpan] = []
    for span in spans:
        if kept and not span.honorific:
            between = text[kept[-1].end : span.start]
            # "Sam Okonjo (Head of Sales), Ellie Turner": a closed bracket ends a person.
            if not re.search(
                r"\b(?:and|&|with|by|to|then)\b|[&;/)]|\bplus\b", between, re.I
            ) and not _names_only_list(text, kept[-1], span):
                continue
        kept.append(span)
    return kept


def _names_only_list(text: str, previous: NameSpan, span: NameSpan) -> bool:
    """ "Interviewers: Sarah Connor, John Whitaker, Priya Natarajan": a comma between two
    names that are each a whole part of the list (nothing else before the next comma)."""
    if text[previous.end : span.start].strip() != ",":
        return False
    before = text[: previous.start].rstrip()
    after = text[span.end :].lstrip()
    return (not before or before.endswith((":", ",", "-", "–"))) and (
        not after or after[0] in ",;.(" or re.match(r"(?:and|&)\b", after) is not None
    )


PLURAL_ROLE = re.compile(r"(?<=[a-rt-z])s$")


def _share_plural_title(mentions: list[Mention]) -> None:
    """ "Priya Raghunathan & Tobias Eriksson, Customer Success Managers": one title each."""
    for first, second in zip(mentions, mentions[1:], strict=False):
        titled, bare = (first, second) if second.title is None else (second, first)
        if titled.title is None or bare.title is not None or bare.context:
            continue
        if not PLURAL_ROLE.search(titled.title) or not ROLE_NOUN.search(titled.title.split()[-1]):
            continue
        titled.title = bare.title = PLURAL_ROLE.sub("", titled.title)


COMMITTEE_CHAIR = re.compile(
    r"(?P<committee>(?-i:(?:[A-Z][\w-]*\s+){1,3})Committee|(?:search|selection|hiring|interview)"
    r"\s+(?:committee|panel))\b.{0,20}?\(\s*chair\s*[:)]",
    re.IGNORECASE,
)


def _committee_chair(text: str, mentions: list[Mention]) -> None:
    """ "the Search Committee (chair: Dr. X)" or "Prof. X (chair)" on a committee's line:
    the person is the committee's chair ("Search Committee Chair")."""
    match = COMMITTEE_CHAIR.search(text) or re.search(
        r"(?P<committee>(?:search|selection|hiring|interview)\s+committee)", text, re.I
    )
    if match is None:
        return
    committee = " ".join(word.capitalize() for word in match["committee"].split())
    for mention in mentions:
        chair_note = any(re.fullmatch(r"(?i)chair", note) for note in mention.context)
        if mention.title is None and (chair_note or _chair_written_beside(text, mention)):
            mention.title = f"{committee} Chair"
            mention.context = [note for note in mention.context if note.lower() != "chair"]


def _chair_written_beside(text: str, mention: Mention) -> bool:
    at = text.find(mention.name)
    if at < 0:
        return False
    return bool(
        re.search(r"\(\s*chair\s*:\s*(?:\S+\s+){0,2}$", text[:at], re.I)
        or re.match(r"\s*(?:\(\s*chair\s*\)|,\s*chair\b)", text[at + len(mention.name) :], re.I)
    )


FIRST_NAME_WITH_TITLE = re.compile(
    r"(?<![\w.])(?P<name>(?-i:[A-Z])[^\W\d_]{1,20})(?=\s*(?:\(\s*(?:our\s+|the\s+)?(?-i:[A-Z])[^)]{2,60}\)"
    r"|,\s+(?:our|the)\s+(?-i:[A-Z])))",
    re.IGNORECASE,
)


def _given_names_with_titles(text: str, spans: list[NameSpan]) -> list[NameSpan]:
    """ "Interview with Siobhán (Head Chef)": a given name alone, written with its title
    after a word of meeting, is a person too (mails between first-name colleagues)."""
    found = []
    for match in FIRST_NAME_WITH_TITLE.finditer(text):
        name = match["name"]
        if any(span.start <= match.start() < span.end for span in spans):
            continue
        if not is_given_name(name) or not FORWARD_TRIGGER.search(text[: match.start()]):
            continue
        found.append(NameSpan(match.start(), match.end(), name, None, match.start()))
    return found


def _in_brackets(
    text: str, spans: list[NameSpan], index: int
) -> tuple[str, list[tuple[str, bool, int, int]]] | None:
    """ "Head of Centre (Mrs Morag Fraser), Depute Head of Centre (Mr Liam Docherty)": a name
    alone in brackets takes the words before the bracket as its title."""
    span = spans[index]
    begin = spans[index - 1].end if index else 0
    opening = text.rfind("(", begin, span.start)
    if opening < 0 or text[opening + 1 : span.start].strip():
        return None
    closing = text.find(")", span.end)
    if closing < 0 or text[span.end : closing].strip(" ,.;"):
        return None
    before = text[begin:opening]
    pieces = top_segments(before)
    lead = pieces[-1][0] if pieces and not pieces[-1][1] else ""
    lead = LEAD_CUT.sub("", re.sub(r"^.*:\s*", "", lead)).strip(" ,.:;-–—")
    return lead, []


def _nicknames_dropped(text: str) -> tuple[str, list[tuple[int, str]]]:
    """ "Alejandro (Alex) Fuentes" read as "Alejandro Fuentes" (blanked, same length), and
    the nicknames with where they stood."""
    nicknames: list[tuple[int, str]] = []

    def blank(match: re.Match[str]) -> str:
        nicknames.append((match.start(), match.group(2)))
        return " " * len(match.group(1))

    pattern = r"(?<=[^\W\d_])(\s+[(“\"'](?-i:([A-Z][\w'’-]+))[)”\"']\s+)(?=(?-i:[A-Z]))"
    return re.sub(pattern, blank, text), nicknames


def _inside_email(text: str, span: NameSpan) -> bool:
    return any(m.start() <= span.start < m.end() for m in EMAIL.finditer(text)) or any(
        m.start() <= span.start < m.end() for m in URL.finditer(text)
    )


def _without_bracketed_places(text: str, spans: list[NameSpan]) -> list[NameSpan]:
    """Drop "(Sylvia Park)" right after "Store Manager Lucy Tan": a bracket holding only a
    capitalised phrase, straight after a person, names their store, site or town."""
    kept: list[NameSpan] = []
    for span in spans:
        before = text[kept[-1].end : span.start] if kept else ""
        if (
            kept
            and not span.honorific
            and re.fullmatch(r"\s*\(\s*", before)
            and re.match(r"\s*\)", text[span.end :])
        ):
            continue
        kept.append(span)
    return kept


def _without_self_references(spans: list[NameSpan]) -> list[NameSpan]:
    """Drop "Dr Mensah-Bonsu" after "Dr Kwame Mensah-Bonsu" in the same unit."""
    kept: list[NameSpan] = []
    for span in spans:
        words = span.name.split()
        if len(words) <= 2 and any(
            words[-1] == other.name.split()[-1]
            and len(other.name.split()) > len(words)
            or span.name == other.name
            for other in kept
        ):
            continue
        kept.append(span)
    return kept


def _judge(unit: Unit, text: str, placed: list[tuple[Mention, int]]) -> None:
    """Whether each mention puts the person in the interview, beside it, or replaced.

    In a list-like block (a table row, a schedule entry, an item under a roster heading, a
    labelled line "Chair: X", a run of "Name, Title" lines) a person is on the panel, and
    so is a titled person in any list item, unless something around the name says
    otherwise (a guide, a contact, a label such as "Organizer:" or "Candidate:")."""
    if not placed:
        return
    clauses = clause_bounds(text)
    forward = [match.end() for match in FORWARD_TRIGGER.finditer(text)]
    elsewhere = other_label(unit.label)
    in_list = not elsewhere and (
        unit.kind in {"row", "entry"}
        or (
            unit.kind == "item"
            and (
                bool(ROSTER_HEADING.search(unit.heading))
                or unit.times is not None
                or bool(ROSTER_LABEL.search(unit.label))
            )
        )
    )
    for mention, at in placed:
        clause_start, clause_end = next(((a, b) for a, b in clauses if a <= at < b), (0, len(text)))
        clause = text[clause_start:clause_end]
        before_in_clause = text[clause_start:at]
        after_in_clause = text[at:clause_end]
        scope = without_names(clause if unit.kind == "prose" else text)
        # "(who you met last time)" describes the person, not what happens on the day
        scope = DESCRIBING_BRACKET.sub(" ", scope)
        mention.aside = mention.aside or is_aside(scope)
        if REPLACED_AFTER.search(text[:at]):
            mention.replaced = True
        if UNAVAILABLE.search(up_to_next_name(text, at, placed)):
            mention.unavailable = True
            if REPLACEMENT.search(text):
                mention.replaced = True
        triggered = (
            mention.me
            or any(end <= at for end in forward)
            or bool(SUBJECT_TRIGGER.search(after_in_clause))
        )
        if unit.kind == "prose":
            mention.positive = triggered or with_before(before_in_clause)
        else:
            titled = unit.kind == "item" and bool(mention.title) and not elsewhere
            mention.positive = in_list or triggered or titled
        mention.times, mention.borrowed = clause_times(unit, text, clauses, clause_start)
        if unit.kind == "prose" and len(CLOCK.findall(without_zones(clause))) >= 2:
            # "meet A (Head of X) at 10:00 and B (Senior Y) at 10:45": each their own time
            own = OWN_TIME.match(up_to_next_name(text, at + len(mention.name), placed))
            if own is not None and (times := clock_times(without_zones(own["time"]))):
                mention.times, mention.borrowed = times, False
        if mention.times is None and unit.kind == "prose":
            mention.offset, mention.minutes = relative_slot(text, clauses, clause_start)
    _listed_together(text, placed)


# A time written right after a name and its bracket: "Michael Chen (Senior Analyst) at 10:45".
OWN_TIME = re.compile(r"\s*(?:\([^()]{0,80}\)\s*)?,?\s*(?P<time>(?:at|from)\s+\d.{0,40})")
DESCRIBING_BRACKET = re.compile(r"\((?:who|whom|whose)\b[^()]*\)", re.IGNORECASE)


def _listed_together(text: str, placed: list[tuple[Mention, int]]) -> None:
    """Names listed after an interviewer, with only commas, "and" or brackets between them,
    are interviewers too: "(Prof. Oren Friedman, Prof. Ngozi Uche and Prof. Kai Lindholm)"."""
    for (first, first_at), (second, second_at) in zip(placed, placed[1:], strict=False):
        if not first.positive or second.positive or second.aside:
            continue
        start = first_at + len(first.name)
        between = without_names(text[start:second_at])
        # "with A (you would report to her), and B": an aside in brackets is no break
        unbracketed = re.sub(r"\([^()]*\)", " ", between)
        if len(between) < 160 and not LIST_BREAK.search(unbracketed):
            second.positive = True
            second.times = second.times or first.times
            second.borrowed = second.borrowed or first.borrowed


SIGN_OFF_WORDS = re.compile(
    r"^\s*(?:[^,]*?(?:regards|wishes|thanks|sincerely|faithfully|cheers|best)[,.!]?)\s*", re.I
)


def signer_of(message: Message) -> Signer | None:
    """Who signs a message: the fullest name in its signature ("Wei Jie" then "Tan Wei Jie
    | Credit Risk Manager"), with the title beside it or on the next line."""
    lines = message.signature
    found: list[tuple[NameSpan, str, int]] = []
    for index, line in enumerate(lines[:8]):
        text = SIGN_OFF_WORDS.sub("", line) if index == 0 else line
        text = text.strip("() ")
        spans = find_names(text)
        if spans and spans[0].start <= 3:
            found.append((spans[0], text, index))
    if not found:
        return None
    first = found[0][0]
    fullest = max(
        (item for item in found if set(first.name.split()) <= set(item[0].name.split())),
        key=lambda item: len(item[0].name.split()),
    )
    span, text, index = fullest
    title = _signature_title(text[span.end :]) or (
        _signature_title(lines[index + 1]) if index + 1 < len(lines) else None
    )
    return Signer(span.name, span.honorific or first.honorific, title)


SIGNATURE_UNIT = re.compile(
    r"^(?:department|dept|school|faculty|division|office|unit|team|college|centre|center)\b", re.I
)


BARE_HEAD = re.compile(
    r"(?i)(?:senior |assistant |deputy )?(?:manager|director|head|lead|dean|supervisor|coordinator)"
)


def _signature_title(text: str) -> str | None:
    """ "Professor and Chair, Department of Statistical Science"; not the company after it
    ("Recruiter, Finger Lakes Health") nor a phone number."""
    pieces = [piece for piece, _, _ in top_segments(text)]
    if (
        len(pieces) >= 2
        and BARE_HEAD.fullmatch(pieces[0].strip())
        and len(pieces[1].split()) <= 4
        and not ORGANISATION_END.search(pieces[1].strip())
    ):
        text = f"{pieces[0].strip()}, {pieces[1].strip()}"  # "Manager, Research Grants"
    elif len(pieces) >= 2 and not SIGNATURE_UNIT.match(pieces[1].strip()):
        text = pieces[0]
    text = re.split(r"\s[|]\s|\s{2,}", text.strip(" ,|-–—"))[0] if "|" in text else text
    holder = Mention("", None, Unit("", "", 0, "item", None, False, None, None))
    describe(holder, text, "", pieces_with_positions(text), None)
    title = holder.title
    if not title or re.search(r"\d|@", title) or not ROLE_NOUN.search(title):
        return None
    return title
