"""The title written beside a name in an invitation: the text before and after it cut into
pieces, and which pieces are a job title, a unit, a note or someone else's."""

from __future__ import annotations

import re
from datetime import date

from secondround.engine.reading.invitation_cues import (
    ACTIVITY,
    CONTEXT_WORDS,
    DANGLING,
    DETERMINER,
    EMAIL,
    GRADE,
    INSTITUTION,
    JOINER_WORD,
    LEAD_CUT,
    ORGANISATION_END,
    PANEL_LABEL,
    PANEL_ROLES,
    POSSESSIVE_RELATION,
    ROLE_NOUN,
    TITLE_ACRONYMS,
    Mention,
)
from secondround.engine.reading.invitation_lines import ROSTER_HEADING, URL, schedule_text
from secondround.engine.reading.invitation_names import (
    WEAK_HONORIFICS,
    NameSpan,
)
from secondround.engine.reading.invitation_relations import CREDENTIALS, infer_relation


def top_segments(text: str) -> list[tuple[str, bool, int]]:
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
            for inner, _, inner_at in top_segments(piece):
                result.append((inner, True, at + inner_at))
            continue
        result.append((piece.strip(), bracketed, at))
    return result


def lead_before(text: str, spans: list[NameSpan], index: int) -> str:
    """What stands before a name and belongs to it: "our Head Chef", "Chairperson"."""
    begin = spans[index - 1].end if index else 0
    before = text[begin : spans[index].start]
    pieces = top_segments(before)
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


def trail_after(text: str, spans: list[NameSpan], index: int) -> list[tuple[str, bool, int, int]]:
    """What stands after a name and belongs to it, as pieces up to the next person:
    (piece, bracketed, start, end) with positions in text."""
    offset = spans[index].end
    end = spans[index + 1].start if index + 1 < len(spans) else len(text)
    after = text[offset:end]
    result: list[tuple[str, bool, int, int]] = []
    pieces = top_segments(after)
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


RELATION_TAIL = re.compile(
    r"\s+and\s+(?:(?:the|your|our|his|her|my)\s+|(?:future|new|prospective|direct|line|hiring"
    r"|reporting|immediate)\s+)+(?:manager|supervisor|boss)\b.*$"
)


# A request before "the/our/your Title, Name" is not part of the title ("Ask for the Head
# Chef, Ellie Marchetti", "Please contact our HR Advisor, ...").
SAID_BEFORE_TITLE = re.compile(
    r"^(?:please\s+)?(?:ask\s+for|contact|call|e-?mail|find|look\s+for)\s+(?:the|our|your)\s+"
    r"(?=[A-Z])",
    re.IGNORECASE,
)


def describe(
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
        cleaned = clean_piece(piece)
        if not cleaned:
            continue
        if not title_parts and (copula := COPULA_TITLE.match(cleaned)) is not None:
            # "Kelly Brennan is our General Manager for the site and you would report ..."
            title_text = copula["title"]
            offset = text.find(title_text, start)
            if offset >= 0 and is_title_like(title_text, lead_allowed=False):
                # "is one of our Account Managers": the title of one of them
                plural = "one of" in copula.group().lower() and PLURAL_TITLE.search(title_text)
                title_parts.append((offset, offset + len(title_text) - bool(plural)))
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
            and not bracketed  # "X (Chair), Head of School": the panel role, in brackets
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
        title = clean_piece(text[title_parts[0][0] : title_parts[-1][1]])
        if title.count("(") > title.count(")"):
            title += ")"
        if title.startswith("(") and title.endswith(")") and title.count("(") == 1:
            title = title[1:-1].strip()
        # "Partner in the litigation group": a lower-case phrase says where, not the title.
        title = re.sub(r"\s+(?:in|at|within|on)\s+(?:the|our)\s+[a-z][a-z\s&-]*$", "", title)
        # "Events Manager and line manager for the post", "Maintenance Manager and your
        # future manager": the rest says the relation, a note.
        if (relation := RELATION_TAIL.search(title)) is not None:
            mention.context.append(relation.group().strip().removeprefix("and "))
            title = title[: relation.start()]
    lead_clean = DETERMINER.sub("", lead).strip()
    if (said := SAID_BEFORE_TITLE.match(lead_clean)) is not None:
        lead_clean = lead_clean[said.end() :]  # "Ask for the Head Chef, Ellie Marchetti"
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
        lead_clean = f"{lead_clean} {clean_piece(DURATION_TAIL.sub('', trail[0][0]))}"
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
        describe(cell, title_cell, "", pieces_with_positions(title_cell), None)
        title = cell.title
        mention.context.extend(cell.context)
        if title is None and not cell.context:
            title = clean_piece(title_cell) or None
    if title and NOT_A_TITLE_START.match(title):
        mention.context.append(title)  # ") on a small coding task", "of our engineers"
        title = None
    mention.title = title or None


# A title never starts with a closing bracket or a lower-case linking word: what follows a
# name there is the rest of the sentence.
NOT_A_TITLE_START = re.compile(
    r"\s*(?:[)\]},;:.!?]|(?:of|on|in|at|to|for|with|and|or|but|from|by|as|who|which|that"
    r"|is|are|was|will|would|has|have|the|a|an)\b)"
)


UNIT_NAME = re.compile(
    r"(?:department|school|faculty|division|institute|centre|center|college|office)\s+of\b",
    re.IGNORECASE,
)
LEADING_TITLE = re.compile(r"(?P<title>(?:[A-Z][\w&'’-]*)(?:\s+(?:of\s+)?[A-Z][\w&'’-]*)*)")


PLURAL_TITLE = re.compile(r"(?:er|or|ad|ist|ant|ent|an|ive|ate|ee|ian)s$")
COPULA_TITLE = re.compile(
    r"(?:is|was|will be)\s+(?:our|the|their|your|an?|one\s+of\s+(?:our|the))\s+"
    r"(?P<title>(?-i:[A-Z])[\w&'’/-]*(?:\s+(?:of|for|and|&|(?-i:[A-Z])[\w&'’/-]*))*)",
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
    return bool(following) and _is_unit_like(clean_piece(following[0]))


def _title_case(text: str) -> bool:
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    return bool(words) and all(w[0].isupper() for w in words if w.lower() not in {"of", "and"})


def pieces_with_positions(text: str) -> list[tuple[str, bool, int, int]]:
    result = []
    for piece, bracketed, at in top_segments(text):
        start = text.index(piece, at)
        result.append((piece, bracketed, start, start + len(piece) + (1 if bracketed else 0)))
    return result


def clean_piece(piece: str) -> str:
    piece = URL.sub("", piece)
    piece = " ".join(piece.split()).strip("*_`'\"“”.:-–—>?! ")
    while piece.endswith(")") and piece.count(")") > piece.count("("):
        piece = piece[:-1].rstrip()
    while piece.startswith("(") and piece.count("(") > piece.count(")"):
        piece = piece[1:].lstrip()
    piece = DANGLING.sub("", piece)
    # "Title: Head of Sales", "Designation - Senior Engineer": the field's label is no title.
    piece = re.sub(
        r"^(?:job\s+)?(?:title|position|designation|role)\s*[:–—-]\s*", "", piece, flags=re.I
    )
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
        # "5th Grade Teacher", "2nd Line Support Engineer"
        r"|\b\d{1,2}(?:st|nd|rd|th)\s+(?=(?:grade|line|year|form|class)\b)"
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


# "head of the search committee", "co-founder & CEO", "senior lecturer and programme lead".
_LOWER_ROLE = rf"(?:[a-z]+(?:-|\s+)){{0,2}}{ROLE_NOUN.pattern}"
LOWER_TITLE = re.compile(
    rf"{_LOWER_ROLE}(?:\s+(?:&|and)\s+(?:[A-Z]{{2,5}}|{_LOWER_ROLE}))?"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?[a-z][a-z\s&-]{{2,40}})?"
)


def _is_unit_like(piece: str) -> bool:
    """A second piece joined to a title: capitalised words naming a unit or a field."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’&-]*", piece)]
    small = {"of", "and", "the", "for", "in", "&", "de", "du", "la"}
    return bool(words) and all(w[0].isupper() or w.lower() in small for w in words)
