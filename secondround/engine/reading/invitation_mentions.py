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
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from secondround.engine.reading.invitation_names import (
    WEAK_HONORIFICS,
    NameSpan,
    find_names,
    is_given_name,
)
from secondround.engine.reading.invitation_relations import CREDENTIALS, infer_relation
from secondround.engine.reading.invitation_text import Message
from secondround.engine.reading.invitation_times import (
    FoundTimes,
    clock_times,
    duration_minutes,
    without_zones,
)
from secondround.engine.reading.invitation_units import ROSTER_HEADING, URL, Unit, schedule_text

__all__ = [
    "OTHER_LABEL",
    "ROSTER_LABEL",
    "Mention",
    "is_job_title",
    "names_a_job",
    "Signer",
    "clause_bounds",
    "clause_times",
    "is_aside",
    "is_title_like",
    "mentions_in",
    "other_label",
    "signer_of",
    "with_before",
    "without_names",
]


# "You will meet ...": the names after it are interviewers.
FORWARD_TRIGGER = re.compile(
    r"(?<!for )(?:(?i:\b(?:meet(?:ing)?|speak(?:ing)?|talk(?:ing)?|chat(?:ting)?|sit(?:ting)?"
    r"\s+down|interview(?:ing|ed|s)?|discussion|round|conversation|session|call|start(?:ing)?"
    r"|begin(?:ning)?|finish(?:ing)?|end(?:ing)?)\s+(?:with|by)\b"
    r"|\bmeet(?:ing)?\b|\b(?:joined|conducted|chaired|observed|assessed|interviewed|hosted"
    r"|accompanied|run|led|taken|carried\s+out|undertaken|held|done)\s+by\b|\bsee(?:ing)?\b|\b(?:present(?:ation)?|pitch|talk)\s+to\b"
    r"|\b(?:speaking|talking)\s+to\b|\binterviewing\s+you\s+(?:will\s+be|are|is)\b"
    r"|\binterviewers?\s*(?:(?:are|will be|include)\b|:)|\b(?:committee|board)\s+members?\s*"
    r"(?:(?:are|will be|include)\b|:)|\bpanel(?:ists?| members?)?\s*(?:(?:will"
    r" be|are|is|consists? of|comprises?|includes?|of)\b|:)|\b(?:include|includes|including"
    r"|comprising|comprise|consist of|consists of|join|joins|joining)\b"
    r"|\b(?:interview|panel|committee|meeting|session)\s*\((?=[^)]*[A-Z])))"
)


# "X will join", "X remains on the panel": the names before it are interviewers.
SUBJECT_TRIGGER = re.compile(
    r"\b(?:will|would|is going to|has agreed to|can|may)\s+(?:now\s+|also\s+|still\s+)?"
    r"(?:join|be joining|interview|be interviewing|be on (?:the|your) panel|sit on (?:the|your)"
    r" panel|chair|lead the interview|take (?:his|her|their) place|be (?:there|present))\b"
    r"|\bremains? on the panel\b|\bjoin(?:s|ing)? (?:us|the panel|as well)\b"
    r"|\bwill (?:also )?observe\b|\bwill still be on the panel\b"
    r"|\b(?:would|will|'d)\s+(?:like|love)\s+to\s+(?:meet|see|speak|talk)\b"
    r"|\b(?:is|are)\s+looking\s+forward\s+to\s+meeting\b|\blook\s+forward\s+to\s+meeting\s+you\b"
    r"|\bwill\s+(?:also\s+)?be\s+(?:conducting|leading|chairing|running)\s+(?:the|your)\s+"
    r"(?:interview|panel|session)|\bwill\s+be\s+your\s+interviewers?\b"
    r"|\bwill\s+(?:also\s+)?(?:lead|run|chair|conduct)\s+(?:the|your)\s+(?:conversation|interview"
    r"|discussion|session|panel)\b|\bwill\s+(?:also\s+)?(?:walk|take)\s+(?:you\s+)?through\b"
    r"|\bwill\s+(?:also\s+)?(?:run|lead|take|do|handle|chair|conduct|cover)\s+(?:the\s+)?(?:first"
    r"|second|third|last|final|opening|closing|next)\s+(?:hour|half|part|section|round|\d+\s*min)",
    re.IGNORECASE,
)


# Around a name, these say the person is not interviewing here.
ASIDE = re.compile(
    r"\b(?:guide|pick(?:s|ing)?\s+(?:you\s+)?up|collect(?:s)?\s+you|drive(?:s)?\s+you"
    r"|take(?:s)?\s+you\s+to|meet(?:s)?\s+you\s+(?:at|in)\b|ask\s+for|look\s+after\s+you"
    r"|host(?:s|ing)?\s+you|observer|apolog|welcome\s+(?:from|by)|organi[sz]er\s*:"
    r"|(?:talk|presentation|address|briefing)\s+(?:from|by)|pass\s+on|on\s+behalf\s+of|copied|\bcc\b"
    r"|first\s+(?:interview|round|meeting)|previous\s+(?:interview|round)|round\s+1\b"
    r"|coordinat\w+\s+(?:the|your)\s+(?:visit|day)|does\s+not\s+take\s+part"
    r"|sign\s+in|report\s+to\s+(?:the\s+)?(?:reception|front desk|security)|contact\s+me"
    r"|last\s+(?:week|month|time)|yesterday|earlier\s+this\s+week|thank\s+you\s+for\s+(?:meeting"
    r"|speaking|talking|taking)"
    r"|call\s+(?:me|our|him|her)|front\s+desk\s+lead|if\s+you\s+get\s+lost)\b",
    re.IGNORECASE,
)


# A meal, a tour or a check-in with someone is not an interview with them, unless the same
# words say it is ("Unit tour and peer interview with ...").
SOCIAL = re.compile(
    r"\b(?:lunch|breakfast|dinner|coffee|tour|walk-?round|walk(?:ing)?\s+(?:you\s+)?(?:around"
    r"|round)|check[- ]?in|drinks|reception)\b(?!\s+(?:chat|interview|meeting|conversation))",
    re.IGNORECASE,
)


UNAVAILABLE = re.compile(
    r"\b(?:(?:is|are|will\s+be)\s+(?:\w+\s+){0,2}(?:travelling|traveling|away|on\s+leave"
    r"|unavailable|not\s+available)|no\s+longer\s+(?:able|available)|unable\s+to\s+(?:attend"
    r"|join|make)|cannot\s+(?:attend|join|make)|can't\s+(?:attend|join|make)|will\s+not\s+be"
    r"\s+(?:attending|joining|able)|sends?\s+(?:his|her|their)\s+apologies)\b",
    re.IGNORECASE,
)


REPLACEMENT = re.compile(
    r"\b(?:in\s+(?:his|her|their)\s+place|take\s+(?:his|her|their)\s+place|instead"
    r"|replac\w*|in\s+place\s+of|stand(?:ing)?\s+in\s+for)\b",
    re.IGNORECASE,
)


REPLACED_AFTER = re.compile(
    r"\b(?:in\s+place\s+of|instead\s+of|replacing|standing\s+in\s+for)\s+$", re.IGNORECASE
)


INTERVIEW_WORDS = re.compile(
    r"\b(?:interview|panel|viva|meeting|discussion|conversation)\b", re.IGNORECASE
)


CLAUSE_BREAK = re.compile(
    r",?\s+(?:and\s+)?(?:then|afterwards|after that|followed|finally|lastly|to finish)\b,?\s*"
    r"|,\s+so\s+|;\s+|,\s+and\s+(?=at\s+\d|from\s+\d)",
    re.IGNORECASE,
)


# Words that hand the next words to the next person: "..., and our Controller, Omar".
LEAD_CUT = re.compile(
    r"^.*\b(?:with|by|to|meet|meeting|seeing|see|and|then|finally|lastly|include|includes|including|is"
    r"|are|be|was|followed)\b\s*|^.*[:]\s+",
    re.IGNORECASE,
)


DETERMINER = re.compile(
    r"^(?:(?:our|the|your|their|his|her|my|its|a|an|also|&|peer|fellow|two|three|four|both)\s+)+",
    re.I,
)


POSSESSIVE_RELATION = re.compile(r"^(?:his|her|their|my|our)\s+(?:own\s+)?(?:manager|boss)\b", re.I)


JOINER_WORD = re.compile(
    r"^(?:(?:and|then|followed by|plus|finally|lastly|also|to finish)\b|&)", re.IGNORECASE
)


JOINER_START = re.compile(
    r"^(?:and|&|then|followed by|plus|finally|lastly|also|to finish)\b|^(?:our|the|your|their"
    r"|his|her|my)\b",
    re.IGNORECASE,
)


# Roles on a panel rather than jobs: "Chairperson: Mr X", "... - Member".
PANEL_ROLES = re.compile(
    r"^(?:(?:panel\s+)?chair(?:man|woman|person)?|vice[- ]chair|(?:(?:expert|external|independent"
    r"|lay|co-?opted|ex[- ]officio)\s+)?member(?:\s+secretary)?|observer|secretary"
    r"|convenor|panel member|board member|panellist|panelist|interviewers?|panel|with|host"
    r"|contact|(?:required |optional )?(?:attendees?|guests?|participants?)|organi[sz]er)$",
    re.IGNORECASE,
)


GRADE = re.compile(
    r"^(?:EL\s?\d|APS\s?\d|SES\s?\d|band\s?\d+[a-z]?|grade\s?\w+|level\s?\d+|GS-?\d+|PB\d"
    r"|exe\.?|[A-Z]\d)$",
    re.IGNORECASE,
)


TITLE_ACRONYMS = frozenset(
    {
        "CEO",
        "CFO",
        "COO",
        "CTO",
        "CIO",
        "CMO",
        "CNO",
        "CHRO",
        "CPO",
        "CRO",
        "CSO",
        "VP",
        "SVP",
        "EVP",
        "HR",
        "HRBP",
        "GM",
        "MD",
        "DON",
        "SENCO",
        "SENCo",
        "DNP",
    }
)


ORGANISATION_END = re.compile(
    r"\b(?:trust|ltd|limited|inc|llc|plc|gmbh|pvt|corp|corporation|company|co|group|bank"
    r"|s\.a|b\.v|a\.ş|llp)\.?$",
    re.IGNORECASE,
)


# Words naming an institution: a title part holding one is where, not what ("Director of
# Midwifery, Midland Regional Hospital Portlaoise", "HR Manager, HSE Dublin Midlands").
INSTITUTION = re.compile(
    r"\b(?:hospital|university|council|authority|ministry|(?-i:NHS|HSE)|ltd|limited|inc"
    r"|plc|gmbh|corporation|municipality|parishad|county|city\s+of|town\s+of|district\s+of"
    r"|public\s+works|medical\s+school|sdn\s+bhd|pvt)\b",
    re.IGNORECASE,
)


ROLE_NOUN = re.compile(
    r"\b(?:manager|director|head|chair|lead|leader|supervisor|officer|coordinator|dean"
    r"|president|principal|teacher|nurse|engineer|analyst|specialist|advisor|adviser|partner"
    r"|associate|counsel|professor|lecturer|assistant|representative|secretary|administrator"
    r"|recruiter|consultant|executive|chef|governor|member|superintendent|registrar"
    r"|provost|architect|scientist|technician|agent|clerk|controller|accountant)s?\b",
    re.IGNORECASE,
)


CONTEXT_WORDS = re.compile(
    r"^(?:who|whom|whose|which|that|she|he|they|you|he's|she's|they're|will|would|is|are"
    r"|was|leads|runs|manages|oversees|heads|from|on|in|at|for|as|to|if|so|this|these|the"
    r"|a|an|our|your|his|her|their|my|may|can|also|both|each|and)\b"
    r"|\b(?-i:will|would|you'd|you'll|reports?|works?|working|joins?|joined|line manager"
    r"|hiring manager|manager's|boss|supervisor of)\b",
    re.IGNORECASE,
)


ACTIVITY = re.compile(
    r"\b(?:interview|session|meeting|conversation|chat|call|presentation|discussion"
    r"|deep[- ]dive|walkthrough|case study|assessment|exercise|review|introduction|intro"
    r"|overview|q&a|debrief|wrap[- ]up|demo|lesson|observation|test|walk|scenario"
    r"|simulation|role[- ]play|shadow(?:ing)?|visit|tour|lunch|dinner|breakfast|coffee"
    r"|next steps)\b",
    re.IGNORECASE,
)


EMAIL = re.compile(r"(?:mailto:)?\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")


ME = re.compile(
    r"\bwith me\b|\bme,?\s+as\b|\bwith myself\b|\band me\b|\bme and\b|\bmyself\b"
    r"|\bI(?:'d| would) (?:love|like) to meet you\b|\bI(?:'ll| will) be joined by\b"
    r"|\bI(?:'ll| will)(?: also)? (?:be )?interview(?:ing)? you\b|\bmeet (?:with )?me\b"
    r"|\bjoin(?:ing)? me\b|\bI(?:'ll| will) be chairing\b"
    r"|\bwe(?:'ll| will) (?:have|do) (?:a |an )?(?:quick |short |brief )?(?:chat|talk"
    r"|interview|conversation)\b",
    re.IGNORECASE,
)


DANGLING = re.compile(r"(?:\s+(?:at|on|from|between|until|by|for|in|and|with|to)\b)+\s*$", re.I)


@dataclass
class Mention:
    name: str
    honorific: str | None
    unit: Unit
    title: str | None = None
    context: list[str] = field(default_factory=list)
    email: str | None = None
    times: FoundTimes | None = None
    borrowed: bool = False
    positive: bool = False
    aside: bool = False
    unavailable: bool = False
    replaced: bool = False
    partial: bool = False  # "Mr Fifita", "Rémy": to be joined to a full name
    me: bool = False  # "with me": the person who signs the message
    offset: int = 0  # minutes after the interview's start, from lengths said before it
    minutes: int = 0  # the length said for this person's part
    aliases: list[str] = field(default_factory=list)  # "Alex" of "Alejandro (Alex) Fuentes"
    at: int = 0  # where the name stands in its unit's text


@dataclass(frozen=True)
class Signer:
    name: str
    honorific: str | None
    title: str | None


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
        _clean_piece(cell)
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
    if unit.kind != "prose":
        spans = _one_person_per_part(clean, spans)
    placed: list[tuple[Mention, int]] = []
    for index, span in enumerate(spans):
        mention = Mention(span.name, span.honorific, unit, at=span.start)
        mention.aliases = [nick for at, nick in nicknames if span.start <= at < span.end]
        bracketed = _in_brackets(clean, spans, index)
        if bracketed is not None:
            _describe(mention, clean, bracketed[0], bracketed[1], title_cell)
        else:
            _describe(
                mention, clean, _lead(clean, spans, index), _trail(clean, spans, index), title_cell
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
            if not re.search(r"\b(?:and|&|with|by|to|then)\b|[&;/)]|\bplus\b", between, re.I):
                continue
        kept.append(span)
    return kept


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
    pieces = _top_segments(before)
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


def _top_segments(text: str) -> list[tuple[str, bool, int]]:
    """Top-level pieces of text split at commas, semicolons, pipes, spaced dashes and
    colons; a bracketed part is a piece of its own. (text, bracketed, start of the raw
    piece in text)."""
    pieces: list[tuple[str, bool, int]] = []
    depth = 0
    start = 0
    index = 0
    while index < len(text):
        char = text[index]
        if char in "([":
            if depth == 0:
                pieces.append((text[start:index], False, start))
                start = index + 1
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
            if depth == 0:
                pieces.append((text[start:index], True, start))
                start = index + 1
        elif depth == 0:
            dash = re.match(r"\s[-–—]+\s|[–—]|:\s|[,;|]", text[index:])
            if dash:
                pieces.append((text[start:index], False, start))
                index += dash.end()
                start = index
                continue
        index += 1
    pieces.append((text[start:], depth > 0, start))
    result: list[tuple[str, bool, int]] = []
    for piece, bracketed, at in pieces:
        if not piece.strip():
            continue
        if bracketed and re.search(r"\s[-–—]+\s|[,;]\s|:\s", piece):
            # "(Assistant Principal - Behaviour & Attendance, and your line manager ...)"
            for inner, _, inner_at in _top_segments(piece):
                result.append((inner, True, at + inner_at))
            continue
        result.append((piece.strip(), bracketed, at))
    return result


def _lead(text: str, spans: list[NameSpan], index: int) -> str:
    """What stands before a name and belongs to it: "our Head Chef", "Chairperson"."""
    begin = spans[index - 1].end if index else 0
    before = text[begin : spans[index].start]
    pieces = _top_segments(before)
    if not pieces:
        return ""
    if index:
        # Between two names: the second's part starts at a joiner or a determiner.
        starts = [
            i
            for i, (piece, bracketed, _) in enumerate(pieces)
            if not bracketed and _starts_next(piece, i, pieces)
        ]
        if not starts:
            adjacent = before.rstrip() == before and pieces[-1][2] + len(pieces[-1][0]) >= len(
                before.rstrip()
            )
            return pieces[-1][0] if adjacent and not before.rstrip().endswith((",", ")")) else ""
        lead_text = " ".join(piece for piece, _, _ in pieces[starts[-1] :])
    else:
        last, bracketed, _ = pieces[-1]
        if bracketed:
            return ""
        lead_text = last
        if before.rstrip().endswith(",") and len(pieces) >= 1:
            lead_text = last
    lead_text = LEAD_CUT.sub("", lead_text).strip(" ,.:;-–—")
    # "Harbour Lane Group's Director": the company's, not part of the title.
    lead_text = re.sub(r"^(?:[A-Z][\w&.-]*\s+){0,4}[A-Z][\w&.-]*['’]s\s+", "", lead_text)
    lead_text = schedule_text(lead_text, date.min).split(" , ")[-1]
    lead_text = re.sub(r"^(?:at|on|from|in|for)\b\s*", "", lead_text.strip(" ,.:;-–—"), flags=re.I)
    return lead_text.strip(" ,.:;-–—")


def _trail(text: str, spans: list[NameSpan], index: int) -> list[tuple[str, bool, int, int]]:
    """What stands after a name and belongs to it, as pieces up to the next person:
    (piece, bracketed, start, end) with positions in text."""
    offset = spans[index].end
    end = spans[index + 1].start if index + 1 < len(spans) else len(text)
    after = text[offset:end]
    result: list[tuple[str, bool, int, int]] = []
    pieces = _top_segments(after)
    for position, (piece, bracketed, at) in enumerate(pieces):
        if index + 1 < len(spans) and not bracketed and _starts_next(piece, position, pieces):
            break
        start = after.index(piece, at) + offset
        result.append((piece, bracketed, start, start + len(piece) + (1 if bracketed else 0)))
    return result


def _starts_next(piece: str, position: int, pieces: list[tuple[str, bool, int]]) -> bool:
    """Whether a piece between two names opens the second one's part: "and our Controller"
    does; "our Regional Sales Director" does only right before the next name."""
    if JOINER_WORD.match(piece):
        return True
    return DETERMINER.match(piece) is not None and position == len(pieces) - 1


def _describe(
    mention: Mention,
    text: str,
    lead: str,
    trail: list[tuple[str, bool, int, int]],
    title_cell: str | None,
) -> None:
    """Title, notes and e-mail from the words beside a name. The title keeps the marks
    written between its parts: "Deputy Director: ICT Infrastructure"."""
    title_parts: list[tuple[int, int]] = []
    closed = False  # once a note follows the title, later capitalised words are notes too
    after_credential = False
    for piece, bracketed, start, end in trail:
        if (email := EMAIL.search(piece)) is not None:
            mention.email = mention.email or email.group().removeprefix("mailto:")
            piece = re.sub(r"<?\s*" + re.escape(email.group()) + r"\s*>?", " ", piece)
        cleaned = _clean_piece(piece)
        if not cleaned:
            continue
        if not title_parts and (copula := COPULA_TITLE.match(cleaned)) is not None:
            # "Kelly Brennan is our General Manager for the site and you would report ..."
            title_text = copula["title"]
            offset = text.find(title_text, start)
            if offset >= 0 and is_title_like(title_text, lead_allowed=False):
                title_parts.append((offset, offset + len(title_text)))
                rest = cleaned[copula.end() :].strip()
                if rest:
                    mention.context.append(rest)
                closed = True
                continue
        if not bracketed and DETERMINER.match(cleaned) and not POSSESSIVE_RELATION.match(cleaned):
            bare = DETERMINER.sub("", cleaned)
            if is_title_like(bare, lead_allowed=False) and not _is_relation_phrase(bare):
                cleaned = bare  # "Siobhán O'Neill, our Nurse Manager for ..."
                offset = text.lower().find(bare.lower(), start)
                start = offset if offset >= 0 else start
        if (
            PANEL_ROLES.match(cleaned)
            and not title_parts
            and re.fullmatch(r"(?i)(?:vice[- ])?chair(?:man|woman|person)?", cleaned)
            and (_next_piece_is_unit(trail, start) or _is_group_heading(mention.unit.heading))
        ):
            title_parts.append((start, end))  # "Chair, Department of Social Work"
            continue
        if bracketed and after_credential and _field_only(cleaned):
            after_credential = False
            continue  # "FRCS (Tr & Orth)": the credential's specialty
        after_credential = _is_credential_run(cleaned)
        if (
            PANEL_ROLES.match(cleaned)
            or GRADE.match(cleaned)
            or after_credential
            or (not title_parts and _is_unknown_acronym(cleaned))
        ):
            closed = closed or bool(title_parts)
            continue
        kind = _piece_kind(cleaned, bracketed, has_title=bool(title_parts))
        if kind == "title" and not closed:
            if title_parts and (
                ORGANISATION_END.search(cleaned)
                or (INSTITUTION.search(cleaned) and not ROLE_NOUN.search(cleaned))
            ):
                closed = True
                continue
            title_parts.append((start - (1 if bracketed else 0), end))
            continue
        mention.context.append(" ".join(piece.split()).strip(" ,.;:-–—()"))
        closed = closed or bool(title_parts) or kind != "title"
    title = None
    if title_parts:
        title = _clean_piece(text[title_parts[0][0] : title_parts[-1][1]])
        if title.count("(") > title.count(")"):
            title += ")"
        if title.startswith("(") and title.endswith(")") and title.count("(") == 1:
            title = title[1:-1].strip()
        # "Partner in the litigation group": a lower-case phrase says where, not the title.
        title = re.sub(r"\s+(?:in|at|within|on)\s+(?:the|our)\s+[a-z][a-z\s&-]*$", "", title)
        # "Events Manager and line manager for the post": the rest says the relation.
        title = re.sub(
            r"\s+and\s+(?:the\s+)?(?:line|hiring|direct|reporting)\s+manager\b.*$", "", title
        )
    lead_clean = DETERMINER.sub("", lead).strip()
    if (
        lead_clean
        and mention.honorific
        and mention.honorific.lower().rstrip(".") in WEAK_HONORIFICS
        and lead_clean[:1].isupper()
        and len(lead_clean.split()) <= 2
        and not lead_clean.casefold().endswith(mention.honorific.casefold().rstrip("."))
    ):
        # "Executive Chef Daniel Moretti": "Chef" is part of the title written before him
        lead_clean = f"{lead_clean} {mention.honorific}"
    label = mention.unit.label
    if label and lead_clean.casefold() == label.casefold() and PANEL_LABEL.fullmatch(label):
        lead_clean = ""  # "Board members: Dr X, ...": the label says panel, not a title
    if lead_clean and not title and trail and re.match(r"of\s+[A-Z]", trail[0][0]):
        # "Dean Rebecca Sutherland of Trinity College of Arts & Sciences"
        lead_clean = f"{lead_clean} {_clean_piece(DURATION_TAIL.sub('', trail[0][0]))}"
        mention.context = [note for note in mention.context if not note.startswith("of ")]
    if lead_clean:
        if _is_relation_phrase(lead_clean) and not title and _title_case(lead_clean):
            title = lead_clean  # "Hiring Manager Tom Reyes": a title that also says the relation
            mention.context.append(lead)
        elif POSSESSIVE_RELATION.match(lead) or _is_relation_phrase(lead_clean):
            mention.context.append(lead)
        elif PANEL_ROLES.match(lead_clean):
            pass
        elif (
            title
            and not ROLE_NOUN.search(title)
            and is_title_like(lead_clean, lead_allowed=True)
            and ROLE_NOUN.search(lead_clean)
        ):
            title = f"{lead_clean}, {title}"  # "Dean Bartholomew Achterberg, Faculty of Arts"
        elif title or not is_title_like(lead_clean, lead_allowed=True):
            mention.context.append(lead)
        else:
            title = lead_clean
    if title and BARE_ROLE.fullmatch(title) and _is_group_heading(mention.unit.heading):
        title = (
            f"{title}, {mention.unit.heading.rstrip(': ')}"  # "Faculty Senate:" / "Dr X, President"
        )
    if title and UNIT_NAME.match(title) and not ROLE_NOUN.search(title):
        # "Professor X, Department of Biology (Principal Investigator and line manager
        # for the post)": the department says where; the bracket gives the title
        for note in mention.context:
            if (lead_words := LEADING_TITLE.match(note)) is not None and ROLE_NOUN.search(
                lead_words["title"]
            ):
                title = lead_words["title"].strip()
                break
    if title is None and title_cell:
        cell = Mention(mention.name, None, mention.unit)
        _describe(cell, title_cell, "", _pieces_with_positions(title_cell), None)
        title = cell.title
        mention.context.extend(cell.context)
        if title is None and not cell.context:
            title = _clean_piece(title_cell) or None
    mention.title = title or None


UNIT_NAME = re.compile(
    r"(?:department|school|faculty|division|institute|centre|center|college|office)\s+of\b",
    re.IGNORECASE,
)
LEADING_TITLE = re.compile(r"(?P<title>(?:[A-Z][\w&'’-]*)(?:\s+(?:of\s+)?[A-Z][\w&'’-]*)*)")


COPULA_TITLE = re.compile(
    r"(?:is|was|will be)\s+(?:our|the|their|your)\s+(?P<title>(?-i:[A-Z])[\w&'’/-]*(?:\s+(?:of|for"
    r"|and|&|(?-i:[A-Z])[\w&'’/-]*))*)",
    re.IGNORECASE,
)


BARE_ROLE = re.compile(
    r"(?i)(?:vice[- ])?(?:president|chair(?:man|woman|person)?|secretary|treasurer|member"
    r"|representative|convenor)"
)


def _is_group_heading(heading: str) -> bool:
    """ "Faculty Senate:", "Staff Advisory Council:": a body, not "Your panel:"."""
    text = heading.strip().rstrip(":").strip()
    words = text.split()
    return (
        heading.strip().endswith(":")
        and 1 <= len(words) <= 5
        and all(w[0].isupper() for w in words if w.lower() not in {"of", "and", "the", "&"})
        and not ROSTER_HEADING.search(text)
    )


DURATION_TAIL = re.compile(
    r"\s+(?:for|in)\s+(?:about\s+)?\d+\s*(?:minutes?|mins?|hours?)\b.*$", re.I
)


def _next_piece_is_unit(trail: list[tuple[str, bool, int, int]], start: int) -> bool:
    following = [piece for piece, bracketed, at, _ in trail if at > start and not bracketed]
    return bool(following) and _is_unit_like(_clean_piece(following[0]))


def _title_case(text: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    return bool(words) and all(w[0].isupper() for w in words if w.lower() not in {"of", "and"})


def _pieces_with_positions(text: str) -> list[tuple[str, bool, int, int]]:
    result = []
    for piece, bracketed, at in _top_segments(text):
        start = text.index(piece, at)
        result.append((piece, bracketed, start, start + len(piece) + (1 if bracketed else 0)))
    return result


def _clean_piece(piece: str) -> str:
    piece = URL.sub("", piece)
    piece = " ".join(piece.split()).strip("*_`'\"“”.:-–—> ")
    while piece.endswith(")") and piece.count(")") > piece.count("("):
        piece = piece[:-1].rstrip()
    while piece.startswith("(") and piece.count("(") > piece.count(")"):
        piece = piece[1:].lstrip()
    piece = DANGLING.sub("", piece)
    return re.sub(r"^(?:and|then|also|plus|&)\s+", "", piece, flags=re.I).strip(" ,.:")


def _is_credential_run(piece: str) -> bool:
    """ "PhD", "DNP, RN", "P.E.": letters after a name, neither name nor title."""
    words = piece.replace(",", " ").split()
    return bool(words) and all(
        word != word.lower() and word.replace(".", "").upper() in CREDENTIALS for word in words
    )


def _is_unknown_acronym(piece: str) -> bool:
    """ "WBCS" before a title: a service or grade, unless it is a title ("CFO", "HR")."""
    words = piece.split()
    return (
        len(words) == 1
        and words[0].isupper()
        and len(words[0]) > 2
        and (words[0] not in TITLE_ACRONYMS)
    )


def _piece_kind(piece: str, bracketed: bool, has_title: bool) -> str:
    if _is_relation_phrase(piece) or not is_title_like(piece, lead_allowed=False):
        return "context"
    if bracketed and not has_title and _field_only(piece):
        return "context"  # "Prof. Catherine Obi (History)": the field, not a title
    if bracketed and has_title and not piece[0].isupper():
        return "context"
    if has_title and not _is_unit_like(piece):
        return "context"
    return "title"


# The last word of most job titles names a person: an agent noun ("Investigator",
# "Generalist", "Planner") or a head word ("Lead", "Chair", "Fellow").
AGENT_WORD = re.compile(
    r"(?:er|or|ist|ant|ent|ian|ive|ee|ary|man|woman|person|head|lead|chair|dean|chef|nurse"
    r"|fellow|partner|associate|staff|provost|registrar|principal|member|adviser|advisor)s?$",
    re.IGNORECASE,
)


UNIT_WORD = re.compile(
    r"\b(?:directorate|department|division|resources|services|team|office|unit|branch|section"
    r"|studies|faculty|school|centre|center|programmes?|programs?|group|operations)$",
    re.IGNORECASE,
)


def names_a_job(title: str) -> bool:
    """Whether a title names a job, not only a unit ("Analysis Directorate")."""
    return not (_field_only(title) and UNIT_WORD.search(title.strip()))


def is_job_title(title: str) -> bool:
    """A title with a job noun in it ("Head of the search committee", "HR Generalist")."""
    words = re.findall(r"[^\W\d_][\w'’-]*", title)
    return bool(words) and (
        bool(ROLE_NOUN.search(title))
        or bool(AGENT_WORD.search(words[-1]))
        or title in TITLE_ACRONYMS
    )


def _field_only(piece: str) -> bool:
    """ "History", "Latin American and Latino Studies": a field or unit, no job in it."""
    piece = re.sub(r"\s+(?:in|at|within|on)\s+(?:the|our)\s+[a-z][a-z\s&-]*$", "", piece)
    words = re.findall(r"[^\W\d_][\w'’-]*", piece)
    return (
        bool(words)
        and not ROLE_NOUN.search(piece)
        and not any(word in TITLE_ACRONYMS for word in words)
        and not AGENT_WORD.search(words[-1])
    )


def _is_relation_phrase(piece: str) -> bool:
    return infer_relation(None, piece) in {
        "hiring_manager",
        "managers_manager",
        "peer",
        "cross_department",
    } and not ROLE_NOUN.search(
        re.sub(r"(?i)\b(?:hiring|line|your|direct|future)\s+manager\b", "", piece)
    )


def is_title_like(piece: str, *, lead_allowed: bool) -> bool:
    """A job title or a unit: "Head of Finance", "Election Operations", "HR", "SENCo"."""
    words = piece.split()
    if not words or len(words) > 10 or not re.search(r"[^\W\d_]", piece):
        return False
    numbered = (
        r"(?i)\b(?:year|key stage|level|grade|band|tier|ward|unit|floor|pod|bay|station)"
        r"\s+\d+[a-z]?\b"
        r"|\s(?:\d{1,2}|[IV]{1,3})$|\b\d{1,2}\s+(?:north|south|east|west|[a-z])\b"
    )
    if re.search(r"\d", re.sub(numbered, "", piece)):
        return False
    if (
        CONTEXT_WORDS.search(piece)
        and not (lead_allowed and ROLE_NOUN.search(piece))
        and not (
            piece[0].isupper()
            and ROLE_NOUN.search(piece)
            and not re.search(
                r"\b(?:will|would|you|reports?|who|whom|working|works)\b", piece, re.I
            )
        )
    ):
        return False
    if ACTIVITY.search(piece) and not ROLE_NOUN.search(piece):
        return False
    if piece[0].islower():
        if lead_allowed:
            return ROLE_NOUN.search(piece) is not None
        # ", head of the search committee,": a lower-case title after the name
        return LOWER_TITLE.fullmatch(piece) is not None
    return True


LOWER_TITLE = re.compile(
    rf"(?:[a-z]+\s+){{0,2}}{ROLE_NOUN.pattern}(?:\s+(?:of|for)\s+(?:the\s+)?[a-z][a-z\s&-]{{2,40}})?"
)


def _is_unit_like(piece: str) -> bool:
    """A second piece joined to a title: capitalised words naming a unit or a field."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’&-]*", piece)]
    small = {"of", "and", "the", "for", "in", "&", "de", "du", "la"}
    return bool(words) and all(w[0].isupper() or w.lower() in small for w in words)


# Labels of a labelled line that put the people after them on the panel.
ROSTER_LABEL = re.compile(
    r"\b(?:chair\w*|convenor|member\w*|panel\w*|interview\w*|board|committee|assessors?"
    r"|who|with|attendees?|participants?|guests?|hosts?|meeting|observer|lead)\b",
    re.IGNORECASE,
)


# Labels that only say "the panel": "Board members:", "Your interview panel:", "Who:".
PANEL_LABEL = re.compile(
    r"(?:(?:your|the|our)\s+)?(?:(?:independent|external|lay|expert|additional)\s+)?"
    r"(?:(?:interview|selection|search|hiring)\s+)?(?:(?:panel|board|committee)"
    r"\s+)?(?:members?|panel|panell?ists?|interviewers?|board|committee|who|with|attendees)",
    re.IGNORECASE,
)


# Labels after which a name is someone else: the sender, a contact, the candidate, a place.
OTHER_LABEL = re.compile(
    r"\b(?:from|to|cc|bcc|sent|organi[sz]er|coordinator|contact|recruiter|requested|sender"
    r"|candidate|applicant|reply|questions?|queries|enquiries|scheduler|owner|note|name"
    r"|where|venue|location|address|place|room|date|when|time|parking|dress|bring|documents?"
    r"|ref\w*|re|subject|position|role|job|vacancy|post)\b",
    re.IGNORECASE,
)


def other_label(label: str) -> bool:
    return bool(label) and bool(OTHER_LABEL.search(label)) and not ROSTER_LABEL.search(label)


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
        mention.aside = mention.aside or is_aside(scope)
        if REPLACED_AFTER.search(text[:at]):
            mention.replaced = True
        if UNAVAILABLE.search(_up_to_next_name(text, at, placed)):
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
        if mention.times is None and unit.kind == "prose":
            mention.offset, mention.minutes = _relative_slot(text, clauses, clause_start)
    _listed_together(text, placed)


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


# Words that end a list of names: a verb or a sentence's end between two names.
LIST_BREAK = re.compile(
    r"[.!?](?:\s|$)|\b(?:will|would|is|are|was|were|has|have|had|can|could|may|should|must"
    r"|please|if|who|which)\b",
    re.IGNORECASE,
)


PART_OF = re.compile(
    r"\bthe\s+(?:first|second|third|last|final|opening|closing|remaining)\s+\S+\s*-?\s*"
    r"(?:minutes?|mins?|hours?)\b",
    re.IGNORECASE,
)


def _relative_slot(text: str, clauses: list[tuple[int, int]], clause_start: int) -> tuple[int, int]:
    """For a sentence of lengths without clock times ("a 45-minute cook-off with A,
    followed by a 15-minute chat with B"): minutes from the interview's start, and length."""
    offset = 0
    for start, end in clauses:
        # "for the last 20 minutes X will join" gives a part of the slot, not a length
        minutes = duration_minutes(PART_OF.sub(" ", text[start:end]))
        if start == clause_start:
            return (offset, minutes) if minutes else (0, 0)
        offset += minutes
    return 0, 0


def is_aside(text: str) -> bool:
    return bool(ASIDE.search(text)) or (
        bool(SOCIAL.search(text)) and not INTERVIEW_WORDS.search(text)
    )


def _up_to_next_name(text: str, at: int, placed: list[tuple[Mention, int]]) -> str:
    """What is said right after a name, up to the next one: its predicate."""
    later = [position for _, position in placed if position > at]
    return text[at : min(later) if later else len(text)][:120]


def with_before(text: str) -> bool:
    """ "... 2:30-3:15 with Ingrid", "a cook-off with our Head Chef, Chef Rémy": the person
    the clause is spent with (a title and a comma may stand between)."""
    return (
        re.search(
            r"(?:(?<!applying )(?<!apply )(?<!work )(?<!working )(?<!career )(?<!interest )"
            r"(?<!role )(?<!position )(?<!job )\bwith|\bfollowed\b[^,;]{0,20}\bby)\s+"
            r"(?:our |the |your |my )?(?:[^\s,;]+\s+){0,4}(?:[^\s,;]+,\s+)?\(?$",
            text,
            re.I,
        )
        is not None
    )


def clause_bounds(text: str) -> list[tuple[int, int]]:
    bounds = []
    start = 0
    for match in CLAUSE_BREAK.finditer(text):
        bounds.append((start, match.start()))
        start = match.start()
    bounds.append((start, len(text)))
    return bounds


def clause_times(
    unit: Unit, text: str, clauses: list[tuple[int, int]], clause_start: int
) -> tuple[FoundTimes | None, bool]:
    """A prose clause keeps its own time ("then at 10:00 our Project Director ..."), or
    takes the last one before it in the sentence ("from 1:00 to 2:00 with A; B; and C"),
    or follows it for as long as it says ("and to finish, 15 minutes with C"). Other
    units give every name the unit's times."""
    if unit.kind == "row" or unit.borrowed:
        return unit.times, unit.borrowed
    earlier: FoundTimes | None = None
    for start, end in clauses:
        clause = text[start:end]
        own = clock_times(without_zones(clause))
        if (
            own is not None
            and unit.kind != "prose"
            and unit.times is not None
            and own.start == unit.times.start
        ):
            own = unit.times  # the unit's own slot, with the length its heading gave
        if start == clause_start:
            if own is not None:
                return own, False
            minutes = duration_minutes(clause)
            if earlier is not None and earlier.end is not None and minutes:
                begin = datetime.combine(date.min, earlier.end)
                return FoundTimes(earlier.end, (begin + timedelta(minutes=minutes)).time()), False
            return earlier, False
        if own is not None:
            earlier = own
    return None, False


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
    pieces = [piece for piece, _, _ in _top_segments(text)]
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
    _describe(holder, text, "", _pieces_with_positions(text), None)
    title = holder.title
    if not title or re.search(r"\d|@", title) or not ROLE_NOUN.search(title):
        return None
    return title
